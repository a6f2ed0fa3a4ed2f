"""A document session's split and merge: the checks, the new rows, one transaction each.

The rules (what a translation becomes, what the memory gets) are in
:mod:`.segmentation`; this applies them to the session's project and keeps its
:class:`.segmentation.Segmentation` in step, so :meth:`DocumentSession.units` and export
see the pieces at once. Refusals are for the caller to prevent (the GUI greys the
action out and says why): :meth:`Resegmenting.split_point` and :meth:`can_merge` answer
first, and :meth:`split` / :meth:`merge` raise ``ValueError`` where they say no.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..documents.model import Unit
from ..documents.segment import pieces_of
from ..storage.project_schema import StoredSegment
from .qa import check_translation
from .segmentation import (
    Piece,
    Resegment,
    Resegmented,
    merged_target,
    piece_at,
    split_offset,
    split_targets,
)

if TYPE_CHECKING:
    from .session import DocumentSession


class Resegmenting:
    def __init__(self, session: DocumentSession) -> None:
        self.session = session

    def _piece(self, index: int) -> tuple[Piece, Unit]:
        session = self.session
        if session.project is None or not 0 <= index < len(session.project.segments):
            raise ValueError(f"no segment {index} to split or merge")
        unit = session.units()[index]
        parent = unit.meta.get("parent")
        whole = session.document.unit(parent) if isinstance(parent, str) else unit
        return piece_at(session.segmentation, whole, unit, index), unit

    def split_point(self, index: int, offset: int) -> int | None:
        """Where splitting segment *index* at *offset* (in its source) cuts its unit's
        text; None when it cannot be cut there (or the work is not saved)."""
        if self.session.project is None:
            return None
        piece, unit = self._piece(index)
        return split_offset(piece, unit, offset)

    def can_merge(self, index: int) -> bool:
        """Whether segment *index* and the next are pieces of one unit of the file."""
        if self.session.project is None or index + 1 >= len(self.session.project.segments):
            return False
        piece, _unit = self._piece(index)
        return piece.number + 1 < piece.count

    def split(self, index: int, offset: int) -> Resegmented:
        """Cut segment *index* in two at *offset* of its source text."""
        piece, unit = self._piece(index)
        cut = split_offset(piece, unit, offset)
        if cut is None:
            raise ValueError(f"segment {index} cannot be split at {offset}")
        cuts = sorted((*piece.cuts, cut))
        pieces = pieces_of(piece.parent, cuts)
        old = self._segments()[index]
        halves = split_targets(unit.source, cut - piece.start, old.target, old.status)
        first, second = halves or (("", "new"), ("", "new"))
        rows = (self._row(index, pieces[piece.number], *first),
                self._row(index + 1, pieces[piece.number + 1], *second))
        change = Resegment(index, 1, rows, (None, None), self._renames(piece, pieces),
                           self.session.segmentation.unit_cuts(piece.parent, cuts))
        done = self.apply(change)
        return Resegmented(done.start, done.count, done.removed, done.undo, halves is not None)

    def merge(self, index: int) -> Resegmented:
        """Join segment *index* with the next piece of the same unit."""
        if not self.can_merge(index):
            raise ValueError(f"segment {index} has no next piece in its unit to merge with")
        piece, unit = self._piece(index)
        cuts = [cut for number, cut in enumerate(piece.cuts) if number != piece.number]
        pieces = pieces_of(piece.parent, cuts)
        segments = self._segments()
        text, status = merged_target(segments[index], segments[index + 1],
                                     str(unit.meta.get("gap", "")))
        rows = (self._row(index, pieces[piece.number], text, status),)
        change = Resegment(index, 2, rows, (None,), self._renames(piece, pieces),
                           self.session.segmentation.unit_cuts(piece.parent, cuts))
        return self.apply(change)

    def apply(self, change: Resegment) -> Resegmented:
        """Make *change* (a split, a merge, or the undo of one) in one transaction."""
        session = self.session
        project, store = session.project, session.store
        if project is None or store is None:
            raise ValueError("split and merge need a saved project")
        segments = project.segments
        whole = session.document.unit(change.cuts.unit_id)
        first = change.renames[0][0]
        before = len(change.renames) - len(change.rows) + change.removed
        old_renames = tuple((p, segments[p].unit_id) for p in range(first, first + before))
        old_rows = tuple(StoredSegment(s.idx, s.unit_id, s.source, s.target, s.status,
                                       list(s.flags))
                         for s in segments[change.start:change.start + change.removed])
        old_cuts = session.segmentation.unit_cuts(whole, session.segmentation.cuts(whole))
        detached = store.replace_segments(project, change.start, change.removed, change.rows,
                                          change.attach, change.renames, change.cuts)
        session.segmentation.record(change.cuts)
        undo = Resegment(change.start, len(change.rows), old_rows, tuple(detached),
                         old_renames, old_cuts)
        return Resegmented(change.start, len(change.rows), change.removed, undo)

    # -- helpers --------------------------------------------------------------------------

    def _segments(self) -> list[StoredSegment]:
        assert self.session.project is not None
        return self.session.project.segments

    def _row(self, index: int, unit: Unit, text: str, status: str) -> StoredSegment:
        session = self.session
        target = session.pair.target if session.pair else None
        flags = check_translation(unit.source, text, target, session.glossary) \
            if text.strip() and status != "new" else []
        return StoredSegment(index, unit.id, unit.source, text, status, flags)

    @staticmethod
    def _renames(piece: Piece, pieces: list[Unit]) -> tuple[tuple[int, str], ...]:
        return tuple((piece.first + number, unit.id) for number, unit in enumerate(pieces))
