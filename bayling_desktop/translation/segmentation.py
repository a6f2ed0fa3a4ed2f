"""Split and merge segments within one unit of the document (a paragraph, a cell, a cue).

A translator splits a segment at the cursor or a sentence end when a paragraph is too
long to handle (or a memory match covers only half of it), and merges two pieces back.
Pieces never cross units: each unit of the file is cut at offsets of its own text
(:class:`Segmentation`, stored per project by :mod:`..storage.resegment`), and export
joins the pieces' translations back into their unit with the whitespace the source had
between them (:func:`..documents.segment.join_sentences`; none after Chinese or
Japanese text).

What happens to a translation:

* **split**: when the cut falls at a sentence end and the translation has as many
  sentences as the source, it is cut at the matching sentence and each piece keeps it
  (*edited*, or *draft* for a model draft, which still needs a look); otherwise both
  pieces are new work and the whole translation stays in the history (undo restores);
* **merge**: two translated pieces are joined (the less advanced status of the two);
  if one has none the merged segment is new work, showing what there was;
* the **translation memory** gets pieces, like every other segment: a piece enters it
  when a person edits or approves it — never the joined unit, never automatically.

Each change is a :class:`Resegment` the session applies in one transaction; applying it
returns its inverse, so undo and redo are the same operation.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from ..documents.model import Unit
from ..documents.segment import (
    cut_allowed,
    glue,
    keeps_whole,
    pieces_of,
    sentence_cuts,
    settle_cut,
)
from ..storage.project_schema import DONE, StoredSegment
from ..storage.reconcile import text_hash
from ..storage.resegment import UnitCuts

#: how far along a translation is, for the status of two pieces merged
_RANK = {"draft": 0, "edited": 1, "approved": 2}


@dataclass(frozen=True)
class Resegment:
    """One split or merge (or its undo): *rows* replace *removed* segments from *start*."""

    start: int
    removed: int
    rows: tuple[StoredSegment, ...]
    #: per row, the detached position whose history it takes back (an undo), or None
    attach: tuple[int | None, ...]
    #: (position, unit id) of every piece of the unit afterwards (ids are numbered)
    renames: tuple[tuple[int, str], ...]
    cuts: UnitCuts


@dataclass(frozen=True)
class Resegmented:
    """What applying a :class:`Resegment` did, and the change that undoes it."""

    start: int
    #: segments there now, from *start*
    count: int
    #: segments that were there before
    removed: int
    undo: Resegment
    #: a split cut the translation with the source (False: the pieces are new work)
    kept_translation: bool = True


class Segmentation:
    """Where each unit of a document is cut into segments, for one project.

    The default is one segment per unit (a sentence each with ``sentences``, cues and
    units holding a translation kept whole); *stored* are the translator's cuts, unit
    id -> (hash of the text they were made on, offsets), ignored for a unit whose text
    has changed since.
    """

    def __init__(self, sentences: bool = False,
                 stored: Mapping[str, tuple[str, list[int]]] | None = None) -> None:
        self.sentences = sentences
        self.stored = dict(stored or {})
        self._texts: dict[str, list[int]] | None = None

    def default(self, unit: Unit) -> list[int]:
        if not self.sentences or keeps_whole(unit):
            return []
        return sentence_cuts(unit.source)

    def cuts(self, unit: Unit) -> list[int]:
        digest = text_hash(unit.source)
        saved = self.stored.get(unit.id)
        if saved is not None and saved[0] == digest:
            return list(saved[1])
        # ids of most formats are positions: a paragraph inserted above moves the split
        # paragraph to another id, with the same text
        moved = self._by_text().get(digest)
        return list(moved) if moved is not None else self.default(unit)

    def _by_text(self) -> dict[str, list[int]]:
        if self._texts is None:
            self._texts = {digest: cuts for digest, cuts in self.stored.values()}
        return self._texts

    def units(self, units: Sequence[Unit]) -> list[Unit]:
        """The segments' units: each unit, or its pieces."""
        if not self.stored and not self.sentences:
            return list(units)
        result: list[Unit] = []
        for unit in units:
            result.extend(pieces_of(unit, self.cuts(unit)))
        return result

    def record(self, change: UnitCuts) -> None:
        self._texts = None
        if change.cuts is None:
            self.stored.pop(change.unit_id, None)
        else:
            self.stored[change.unit_id] = (change.source_hash, list(change.cuts))

    def unit_cuts(self, unit: Unit, cuts: Sequence[int]) -> UnitCuts:
        """How *cuts* are stored for *unit* (None when they are its default)."""
        chosen = sorted(set(cuts))
        return UnitCuts(unit.id, text_hash(unit.source),
                        None if chosen == self.default(unit) else tuple(chosen))


@dataclass(frozen=True)
class Piece:
    """A segment seen as a piece of its unit."""

    parent: Unit
    #: its position among the unit's pieces and the first segment of the unit
    number: int
    first: int
    #: offset of the piece's text in the unit's text
    start: int
    cuts: tuple[int, ...]

    @property
    def count(self) -> int:
        return len(self.cuts) + 1


def piece_at(segmentation: Segmentation, parent: Unit, unit: Unit, index: int) -> Piece:
    """Segment *index* (whose unit is *unit*) as a piece of *parent*."""
    cuts = tuple(segmentation.cuts(parent))
    number = 0
    if unit.id != parent.id:
        number = int(unit.id.rsplit("#s", 1)[1]) - 1
    starts = (0, *cuts)
    return Piece(parent, number, index - number, starts[number], cuts)


def split_offset(piece: Piece, unit: Unit, offset: int) -> int | None:
    """Where in the unit's text a split of *unit* (a piece) at *offset* cuts; None when
    it may not be cut there (an edge, inside a tag pair or a placeholder; a translation
    the file holds for the whole unit)."""
    if piece.parent.target_status is not None:
        return None
    cut = settle_cut(piece.parent.source, piece.start + offset)
    inside = piece.start < cut < piece.start + len(unit.source)
    return cut if inside and cut_allowed(piece.parent.source, cut) else None


def split_targets(source: str, offset: int, target: str,
                  status: str) -> tuple[tuple[str, str], tuple[str, str]] | None:
    """The translation of *source* cut where the source is cut at *offset* — when that is
    a sentence end and the translation has as many sentences — as ((text, status), …)."""
    if status not in DONE or not target.strip():
        return None
    source_cuts = sentence_cuts(source)
    target_cuts = sentence_cuts(target)
    if offset not in source_cuts or len(source_cuts) != len(target_cuts):
        return None
    cut = target_cuts[source_cuts.index(offset)]
    kept = "draft" if status == "draft" else "edited"
    return (target[:cut].rstrip(), kept), (target[cut:].strip(), kept)


def merged_target(first: StoredSegment, second: StoredSegment, gap: str) -> tuple[str, str]:
    """(text, status) of two pieces merged (see the module's docstring)."""
    texts = [s.target.strip() for s in (first, second) if s.target.strip()]
    joined = texts[0] + glue(texts[0], gap) + texts[1] if len(texts) == 2 else "".join(texts)
    both = all(s.status in DONE and s.target.strip() for s in (first, second))
    if not both:
        return joined, "new"
    return joined, min((first.status, second.status), key=lambda s: _RANK[s])
