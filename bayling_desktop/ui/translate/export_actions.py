"""Exporting the document on screen: in its own format, bilingual, XLIFF or TMX.

A view part. Before writing, the user is told what would go out unreviewed (the
untranslated and the flagged segments, counted apart); the file is written by the
document session, from the project's translations, as the CLI would write it.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox

from ... import documents
from ...errors import BaylingError
from ...translation.exchange import export_project_tmx, export_xliff
from ..sentence_text import sentence_text
from .parts import ViewPart
from .segment_model import SegmentRow, review_counts


class ExportActions(ViewPart):
    def export(self) -> None:
        """File ▸ Export: asks where and in which form, then writes it."""
        ws = self.view
        doc = ws.current
        if doc is None:
            return
        question = self.export_question(doc.rows)
        if question and QMessageBox.question(
                ws, self.tr("Export anyway?"), question) != QMessageBox.StandardButton.Yes:
            return
        suggested = documents.default_output_path(doc.document.path,
                                                  self.controller.target_language().code)
        same = self.tr("Same format (*{0})").format(suggested.suffix)
        bilingual_docx = self.tr("Bilingual table (*.docx)")
        bilingual_html = self.tr("Bilingual side by side (*.html)")
        xliff = self.tr("XLIFF 1.2 for CAT tools (*.xlf)")
        tmx = self.tr("Translation memory (*.tmx)")
        choices = [same, bilingual_docx, bilingual_html, xliff, tmx]
        bilingual = [bilingual_docx, bilingual_html]
        if doc.document.format_name == "pdf":  # the PDF's layout, beside it, or as text
            bilingual_pdf = self.tr("Bilingual PDF, pages side by side (*.pdf)")
            bilingual.append(bilingual_pdf)
            choices[1:1] = [bilingual_pdf, self.tr("Word document (*.docx)"),
                            self.tr("Plain text (*.txt)")]
        name, chosen = QFileDialog.getSaveFileName(
            ws, self.tr("Export translation"), str(suggested), ";;".join(choices))
        if not name:
            return
        out = Path(name)
        if chosen in (xliff, tmx) or out.suffix.lower() in (".xlf", ".xliff", ".tmx"):
            self.export_exchange(out)
            return
        # the project's translations (what the CLI would write); the rows only when the
        # work could not be saved
        translations = None if doc.project is not None else {
            r.unit_id: r.target for r in doc.rows if r.exported}
        try:
            result = doc.session.export(out, bilingual=chosen in bilingual,
                                        translations=translations)
        except BaylingError as exc:
            QMessageBox.warning(ws, self.tr("Export failed"), sentence_text(exc))
            return
        # what writing it changed on its own (a PO header switched to UTF-8…), said once
        ws.show_message("\n".join([self.tr("Saved {0}").format(out),
                                   *map(sentence_text, result.notices)]))

    def export_exchange(self, out: Path) -> bool:
        """The project as XLIFF 1.2 (.xlf/.xliff) or TMX (.tmx), by the file's suffix."""
        ws = self.view
        doc = ws.current
        if doc is None or doc.project is None:
            return False
        try:
            if out.suffix.lower() == ".tmx":
                count = export_project_tmx(doc.project, out)
            else:
                count = export_xliff(doc.project, out, doc.document.path.name)
        except (BaylingError, OSError) as exc:
            QMessageBox.warning(ws, self.tr("Export failed"), sentence_text(exc))
            return False
        ws.show_message(self.tr("Saved {0} ({1} translated segments).").format(out, count))
        return True

    def export_question(self, rows: list[SegmentRow]) -> str:
        """What an export would leave to review, said as it is; "" when nothing is.

        Untranslated segments keep their source text; flagged ones go out translated, so
        the two are counted apart (one sum said both kept their source, which was untrue).
        """
        counts = review_counts(rows)
        untranslated, flagged = counts.untranslated, counts.flagged
        lines = []
        if untranslated:
            lines.append(self.tr("Untranslated segments: {0}. They keep their source text.")
                         .format(untranslated))
        if flagged:
            lines.append(self.tr("Flagged segments: {0}. They are exported as translated; "
                                 "Next flagged (F8) shows them.").format(flagged))
        if not lines:
            return ""
        return "\n".join([*lines, self.tr("Export anyway?")])
