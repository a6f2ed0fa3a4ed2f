"""File ▸ Export review file… / Import review…: the review round trip in the GUI.

The core (``translation/review.py``) writes and reads the file; here the import becomes
one undo step (Ctrl+Z takes the reviewer's changes back), conflicts appear as proposals
in the table and the revision panel (accept or reject each), and the message line says
what happened, comments included.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox

from ...errors import BaylingError
from ...translation.review import ReviewResult, export_review, import_review
from ..sentence_text import sentence_text
from .open_document import SetTarget
from .parts import ViewPart

#: comments quoted in the message line; the rest are counted
SHOWN_COMMENTS = 5


class ReviewFiles(ViewPart):
    """The view part behind File ▸ Export review file… and File ▸ Import review…."""

    def export_dialog(self) -> None:
        ws = self.view
        doc = ws.current
        if doc is None or doc.project is None:
            ws.show_message(self.tr("Open a document first."))
            return
        ws.delegate.commit_open_editors()
        suggested = doc.document.path.with_name(f"{doc.document.path.stem}.review.xlsx")
        name, _ = QFileDialog.getSaveFileName(
            ws, self.tr("Export review file"), str(suggested),
            self.tr("Excel workbook (*.xlsx);;Word table (*.docx)"))
        if name:
            self.export_file(Path(name))

    def export_file(self, path: Path) -> bool:
        ws = self.view
        doc = ws.current
        if doc is None or doc.project is None:
            return False
        try:
            rows = export_review(doc.project, path)
        except (BaylingError, OSError) as exc:
            QMessageBox.warning(ws, self.tr("Export failed"), sentence_text(exc))
            return False
        ws.show_message(self.tr("Review file saved: {0} ({1} segments). Send it to the reviewer, "
                              "then File ▸ Import review….").format(path.name, rows))
        return True

    def import_dialog(self) -> None:
        ws = self.view
        if ws.current is None or ws.current.project is None:
            ws.show_message(self.tr("Open a document first."))
            return
        name, _ = QFileDialog.getOpenFileName(
            ws, self.tr("Import review file"), str(ws.current.document.path.parent),
            self.tr("Review files (*.xlsx *.docx)"))
        if name:
            self.import_file(Path(name))

    def import_file(self, path: Path) -> ReviewResult | None:
        """Take the reviewer's file in; one undo step; conflicts become proposals."""
        ws = self.view
        doc = ws.current
        if doc is None or doc.project is None:
            return None
        if ws.controller.runs.running or ws.controller.revising.running:
            ws.show_message(self.tr("Import the review when the model is done."), error=True)
            return None
        ws.delegate.commit_open_editors()
        before = {row.idx: (row.target, row.status) for row in doc.rows}
        try:
            result = import_review(doc.project, path, doc.glossary)
        except (BaylingError, OSError) as exc:
            ws.show_message(sentence_text(exc), error=True)
            return None
        if result.changed:
            doc.undo.beginMacro(self.tr("Import review ({0} segments)").format(len(result.changed)))
            for index in result.changed:
                saved = doc.project.segments[index]
                doc.undo.push(SetTarget(ws.controller.editing, doc, index, saved.target,
                                        saved.status, "", before=before[index], applied=True))
            doc.undo.endMacro()
        if result.conflicts:
            ws.controller.revising.reload_proposals()
        ws.update_counts()
        ws.show_message(self.summary(result), error=bool(result.conflicts or result.unknown))
        return result

    def summary(self, result: ReviewResult) -> str:
        lines = [self.tr("Review imported: {0} segments changed, {1} unchanged.").format(
            len(result.changed), result.unchanged)]
        if result.conflicts:
            lines.append(self.tr("{0} segments were changed here since the export: the reviewer's "
                               "versions wait as proposals (Next flagged, F8) — accept or reject "
                               "each.").format(len(result.conflicts)))
        if result.unknown:
            lines.append(self.tr("{0} rows match no segment of this document and were left "
                               "out.").format(len(result.unknown)))
        for index, comment in result.comments[:SHOWN_COMMENTS]:
            lines.append(f"#{index + 1}: {comment}")
        if len(result.comments) > SHOWN_COMMENTS:
            lines.append(self.tr("…and {0} more comments.").format(
                len(result.comments) - SHOWN_COMMENTS))
        return "\n".join(lines)
