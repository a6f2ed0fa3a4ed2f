"""Changing translations by hand: typing, approving, confirming, and undoing them.

Every change is a ``SetTarget`` on the document's own undo stack and is saved to its
project at once. Statuses follow CAT tools: typing makes a segment *edited*, Approve
or Ctrl+Enter makes it *approved*; the store puts only those (without flags) into the
translation memory, never a model draft.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Slot

from ...flags import Flag
from ...translation.qa import check_translation
from . import navigation
from .controller import OpenDocument, SetTarget, weak

if TYPE_CHECKING:
    from .workspace import TranslateWorkspace


class Editing(QObject):
    def __init__(self, workspace: TranslateWorkspace) -> None:
        super().__init__(workspace)
        self.ws = weak(workspace)
        workspace.model.targetEdited.connect(self._on_model_target_edited)
        workspace.delegate.confirmed.connect(self._on_delegate_confirmed)

    def flags_for(self, doc: OpenDocument, segment: int, text: str) -> list[Flag]:
        row = doc.rows[segment]
        seconds = row.timing[1] - row.timing[0] if row.timing is not None else None
        return check_translation(row.source, text, self.ws.target_language().code,
                                 doc.glossary, seconds=seconds) if text else []

    def apply_target(self, doc: OpenDocument, segment: int, text: str, status: str,
                     author: str = "user", save: bool = True) -> None:
        """Write a translation into a row and save it (edits, approvals, revisions, undo)."""
        ws = self.ws
        flags = self.flags_for(doc, segment, text)
        if doc is ws.current:
            ws.model.update_row(segment, target=text, status=status, flags=flags)
            ws.table.resizeRowToContents(ws.proxy_row(segment))
        else:
            row = doc.rows[segment]
            row.target, row.status, row.flags = text, status, flags
        if save and doc.project is not None:
            doc.project.set_target(segment, text, status, author, flags)
        ws.update_progress()

    def push_target(self, doc: OpenDocument, segment: int, text: str, status: str,
                    label: str) -> None:
        doc.undo.push(SetTarget(self, doc, segment, text, status, label))

    @Slot(int, str)
    def _on_model_target_edited(self, segment: int, text: str) -> None:
        doc = self.ws.current
        if doc is not None:
            self.push_target(doc, segment, text, "edited",
                             self.ws.tr("Edit segment {0}").format(segment + 1))

    def approve(self, segments: list[int]) -> int:
        """Approve translated segments (one undo step); returns how many changed."""
        doc = self.ws.current
        chosen = [s for s in segments if doc is not None and doc.rows[s].target.strip()
                  and doc.rows[s].status != "approved"]
        if doc is None or not chosen:
            return 0
        doc.undo.beginMacro(self.ws.tr("Approve {0} segments").format(len(chosen)))
        for segment in chosen:
            self.push_target(doc, segment, doc.rows[segment].target, "approved", "")
        doc.undo.endMacro()
        return len(chosen)

    def confirm_current(self) -> None:
        index = self.ws.table.currentIndex()
        if index.isValid():
            self._on_delegate_confirmed(self.ws.filter.mapToSource(index).row())

    @Slot(int)
    def _on_delegate_confirmed(self, segment: int) -> None:
        """Ctrl+Enter in the editor: the typed text is already saved; approve, go on."""
        self.approve([segment])
        navigation.go_next(self.ws, lambda row: not row.done or row.status == "draft",
                           start=segment, edit=True)
