"""Runs of formatted text (Word ``w:r``, PowerPoint ``a:r``) as numbered tags, filled in place.

A paragraph is a list of :class:`Piece` objects: text-bearing runs, each with a key
(its formatting plus the container it sits in: a hyperlink, a field result, an inserted
revision), and *void* pieces (a line break, a slide-number field) that travel as
``<xN/>`` and are never touched. Consecutive runs with the same key form a group; groups
formatted like the paragraph's first plain run are plain text, the others become paired
tags ``<n>…</n>``.

Filling writes the translation into the runs that are already there, so everything
around them (bookmarks, field instructions, deleted revisions, drawings) stays exactly
where it was: the text between tags goes into the plain runs between those tags, each
tag's text into its own group. When the model broke some tags, the ones that survived
are kept (:func:`.tags.salvage`); when it moved them in a way the runs in place cannot
follow, all text goes into the first run. Either way the unit is flagged with what it
lost — each hyperlink by its address, other formatting as ``formatting_lost`` — never
silently.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass, field
from typing import Any

from ..flags import Flag
from .tags import Node, loss_flags, parse, salvage, strip_tags, tag_flags
from .xmlsafe import xml_text


@dataclass
class Piece:
    element: Any
    #: equal keys (formatting + container) group together; ignored for void pieces
    key: Hashable = None
    #: True for pieces inside a hyperlink, field result or the like: never plain text
    contained: bool = False
    void: bool = False
    #: the child of the paragraph that holds this piece (where new runs are inserted)
    anchor: Any = None


@dataclass
class _Group:
    number: int
    pieces: list[Piece] = field(default_factory=list)
    plain: bool = False
    void: bool = False


class Runs:
    """One paragraph's runs: its tagged text, and how to put a translation back."""

    def __init__(self, pieces: Sequence[Piece], get_text: Callable[[Any], str],
                 set_text: Callable[[Any, str], None],
                 describe: Callable[[Any], Flag | None] | None = None) -> None:
        self._get = get_text
        self._set = set_text
        #: the flag for losing the group whose first run is given (a hyperlink's address)
        self._describe = describe
        self.groups: list[_Group] = []
        last_key: object = object()
        for piece in pieces:
            if piece.void:
                self.groups.append(_Group(len(self.groups) + 1, [piece], void=True))
                last_key = object()
                continue
            if self.groups and not self.groups[-1].void and piece.key == last_key:
                self.groups[-1].pieces.append(piece)
            else:
                self.groups.append(_Group(len(self.groups) + 1, [piece]))
            last_key = piece.key
        base = next((g.pieces[0].key for g in self.groups
                     if not g.void and not g.pieces[0].contained), None)
        for group in self.groups:
            group.plain = (not group.void and not group.pieces[0].contained
                           and group.pieces[0].key == base)
        self.tagged = self._tagged()

    def _text(self, group: _Group) -> str:
        return "".join(self._get(p.element) for p in group.pieces)

    def _tagged(self) -> str:
        parts = []
        for group in self.groups:
            if group.void:
                parts.append(f"<x{group.number}/>")
            elif group.plain:
                parts.append(self._text(group))
            else:
                text = self._text(group)
                parts.append(f"<{group.number}>{text}</{group.number}>" if text else "")
        return "".join(parts)

    @property
    def text(self) -> str:
        return strip_tags(self.tagged)

    def _text_pieces(self) -> list[Piece]:
        return [p for g in self.groups if not g.void for p in g.pieces]

    def fill(self, target: str) -> list[Flag]:
        """Write *target* (tagged like :attr:`tagged`) into the runs; what was lost."""
        pieces = self._text_pieces()
        if not pieces:
            return []
        if self.tagged == strip_tags(self.tagged):
            self._put(pieces, strip_tags(target))
            return []
        problems = tag_flags(self.tagged, target)
        written = salvage(self.tagged, target) if problems else target
        tree = parse(written)
        if self._same_order(tree):
            self._fill_slots(tree)
        elif not problems and self._can_rebuild():
            self._rebuild(tree)  # a translation may put the tagged words elsewhere
        else:
            # the runs around a field or revision cannot follow another order: all the
            # text goes into the first run; void pieces stay where they were
            self._put(pieces, strip_tags(target))
            written = "".join(f"<x{g.number}/>" for g in self.groups if g.void) + (
                strip_tags(target))
        lost = loss_flags(self.tagged, written, self._flag_for)
        return lost  # tags the source never had, or repeats, dropped: nothing lost

    def _flag_for(self, number: int) -> Flag | None:
        group = next((g for g in self.groups if g.number == number), None)
        if group is None or group.void or self._describe is None:
            return None
        return self._describe(group.pieces[0].element)

    def _anchors(self, group: _Group) -> list[Any]:
        out: list[Any] = []
        for piece in group.pieces:
            anchor = piece.anchor if piece.anchor is not None else piece.element
            if not any(anchor is seen for seen in out):
                out.append(anchor)
        return out

    def _can_rebuild(self) -> bool:
        """Whether the runs can be put in another order: every group's anchors are its own,
        side by side under one parent, with nothing but markers (bookmarks, proofing
        marks) between them — never a field's begin/end or a deleted revision."""
        anchors = [(a, g.number) for g in self.groups for a in self._anchors(g)]
        if not anchors or any(a.getparent() is None for a, _n in anchors):
            return False
        parent = anchors[0][0].getparent()
        owners: dict[int, int] = {}
        for anchor, number in anchors:
            if anchor.getparent() is not parent or owners.setdefault(id(anchor), number) != number:
                return False
        positions = sorted(parent.index(a) for a, _n in anchors)
        mine = {id(a) for a, _n in anchors}
        between = [parent[i] for i in range(positions[0], positions[-1] + 1)
                   if id(parent[i]) not in mine]
        return all(_local(e) in _MARKERS for e in between)

    def _rebuild(self, tree: Node) -> None:
        anchors = [a for g in self.groups for a in self._anchors(g)]
        parent = anchors[0].getparent()
        start = min(parent.index(a) for a in anchors)
        end = max(parent.index(a) for a in anchors)
        mine = {id(a) for a in anchors}
        markers = [parent[i] for i in range(start, end + 1) if id(parent[i]) not in mine]
        template = next((p for g in self.groups if g.plain for p in g.pieces),
                        next(p for g in self.groups if not g.void for p in g.pieces))
        by_number = {g.number: g for g in self.groups}
        new: list[Any] = []
        used: set[int] = set()
        for part in tree.parts:
            if isinstance(part, str):
                if part:
                    run = copy.deepcopy(template.element)
                    self._set(run, xml_text(part))
                    new.append(run)
                continue
            group = by_number[abs(part.number)]
            used.add(group.number)
            if not group.void:
                self._put(group.pieces, strip_tags(_flatten(part)))
            new.extend(self._anchors(group))
        # empty tagged groups (an empty link) stay; plain runs gave their place to new ones
        for group in self.groups:
            if group.number not in used and not group.plain and not self._order().count(
                    group.number):
                new.extend(self._anchors(group))
        for element in [*anchors, *markers]:
            parent.remove(element)
        for offset, element in enumerate([*new, *markers]):
            parent.insert(start + offset, element)

    def _order(self) -> list[int]:
        return [g.number for g in self.groups if not g.plain and (g.void or self._text(g))]

    def _same_order(self, tree: Node) -> bool:
        """The tags of *tree* in the source's order (some may be missing: their runs are
        emptied, and flagged)."""
        found = [abs(p.number) for p in tree.parts if not isinstance(p, str)]
        return found == [n for n in self._order() if n in found]

    def _put(self, pieces: list[Piece], text: str) -> None:
        self._set(pieces[0].element, xml_text(text))
        for piece in pieces[1:]:
            self._set(piece.element, "")

    def _fill_slots(self, tree: Node) -> None:
        order = [abs(p.number) for p in tree.parts if not isinstance(p, str)]
        # slot i: the text after the i-th tag (slot 0: before the first)
        slot_text = [""] * (len(order) + 1)
        slot = 0
        inner: dict[int, str] = {}
        for part in tree.parts:
            if isinstance(part, str):
                slot_text[slot] += part
            else:
                if part.number > 0:
                    inner[part.number] = strip_tags(_flatten(part))
                slot += 1
        slot_pieces: list[list[Piece]] = [[] for _ in slot_text]
        slot = 0
        last_element: list[Any] = [None] * len(slot_text)
        for group in self.groups:
            if group.number in order:
                slot += 1
                last_element[slot] = group.pieces[-1]
                if not group.void:
                    self._put(group.pieces, inner.get(group.number, ""))
            elif not group.plain and not group.void:
                self._put(group.pieces, "")  # its tags were lost: its words are elsewhere
            elif group.plain:
                slot_pieces[slot].extend(group.pieces)
            else:  # an empty tagged group: nothing to say
                continue
        template = next((p for g in self.groups if g.plain for p in g.pieces), None)
        for index, text in enumerate(slot_text):
            if slot_pieces[index]:
                self._put(slot_pieces[index], text)
            elif text:
                self._insert(text, index, last_element, template)

    def _insert(self, text: str, index: int, last: list[Any], template: Piece | None) -> None:
        """Text between two tags where the source had none: a new run, plain if possible."""
        neighbour = last[index] if index else next(
            (p for g in self.groups for p in g.pieces if not g.void), None)
        model = template or neighbour
        if model is None or neighbour is None:
            return
        run = copy.deepcopy(model.element)
        self._set(run, xml_text(text))
        anchor = neighbour.anchor if neighbour.anchor is not None else neighbour.element
        if index:
            anchor.addnext(run)
        else:
            anchor.addprevious(run)


#: elements that only mark a place and may move with the runs around them
_MARKERS = {"proofErr", "bookmarkStart", "bookmarkEnd", "permStart", "permEnd", "rPr", "pPr"}


def _local(element: Any) -> str:
    tag = element.tag
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _flatten(node: Node) -> str:
    return "".join(p if isinstance(p, str) else _flatten(p) for p in node.parts)
