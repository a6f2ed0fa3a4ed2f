"""Changing translations by hand: typing, approving, confirming, and undoing them.

Every change is a ``SetTarget`` on the document's own undo stack and is saved to its
project at once. Statuses follow CAT tools: typing makes a segment *edited*, Approve
or Ctrl+Enter makes it *approved*; the store puts only those (without flags) into the
translation memory, never a model draft.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Slot

from ...flags import Flag
from ...translation.qa import check_translation
from .open_document import OpenDocument, SetTarget
from .parts import Part

if TYPE_CHECKING:
    from .workspace_controller import WorkspaceController


class Editing(Part):
    """Writes translations into rows and projects; the view's editors and actions call it."""

    def __init__(self, controller: WorkspaceController) -> None:
        super().__init__(controller)
        controller.model.targetEdited.connect(self._on_model_target_edited)

    def flags_for(self, doc: OpenDocument, segment: int, text: str) -> list[Flag]:
        row = doc.rows[segment]
        seconds = row.timing[1] - row.timing[0] if row.timing is not None else None
        return check_translation(row.source, text,
                                 self.controller.target_language().code,
                                 doc.glossary, seconds=seconds) if text else []

    def apply_target(self, doc: OpenDocument, segment: int, text: str, status: str,
                     author: str = "user", save: bool = True) -> None:
        """Write a translation into a row and save it (edits, approvals, revisions, undo)."""
        ctl = self.controller
        flags = self.flags_for(doc, segment, text)
        if doc is ctl.current:
            ctl.model.update_row(segment, target=text, status=status, flags=flags)
            ctl.rowSettled.emit(segment)
        else:
            row = doc.rows[segment]
            row.target, row.status, row.flags = text, status, flags
        if save and doc.project is not None:
            doc.project.set_target(segment, text, status, author, flags)
        ctl.countsChanged.emit()  # the progress bar counts it

    def push_target(self, doc: OpenDocument, segment: int, text: str, status: str,
                    label: str) -> None:
        doc.undo.push(SetTarget(self, doc, segment, text, status, label))

    @Slot(int, str)
    def _on_model_target_edited(self, segment: int, text: str) -> None:
        doc = self.controller.current
        if doc is not None:
            self.push_target(doc, segment, text, "edited",
                             self.tr("Edit segment {0}").format(segment + 1))

    def approve(self, segments: list[int]) -> int:
        """Approve translated segments (one undo step); returns how many changed."""
        doc = self.controller.current
        chosen = [s for s in segments if doc is not None and doc.rows[s].target.strip()
                  and doc.rows[s].status != "approved"]
        if doc is None or not chosen:
            return 0
        doc.undo.beginMacro(self.tr("Approve {0} segments").format(len(chosen)))
        for segment in chosen:
            self.push_target(doc, segment, doc.rows[segment].target, "approved", "")
        doc.undo.endMacro()
        return len(chosen)
