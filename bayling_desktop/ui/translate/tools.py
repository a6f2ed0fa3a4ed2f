"""The workspace's tool windows and export: glossary editor, concordance search, saving.

Each takes the workspace and works on the document on screen; they are functions
rather than widgets because the windows they open are their own modules.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFileDialog, QMessageBox

from ... import documents
from ...errors import BaylingError
from ...translation.glossary import Glossary, load_glossary
from ..sentence_text import sentence_text
from .concordance import ConcordanceDialog
from .glossary_editor import GlossaryEditor
from .segments import SegmentRow, review_counts

if TYPE_CHECKING:
    from .workspace import TranslateWorkspace


def set_glossary(ws: TranslateWorkspace, glossary: Glossary) -> None:
    """Make *glossary* the document's: saved in its project, re-checked, highlighted."""
    doc = ws.current
    if doc is None:
        ws.show_message(ws.tr("Open a document first: a glossary belongs to a document's "
                              "project."))
        return
    doc.session.set_glossary(glossary)  # saved into the glossaries it came from
    recheck(ws)


def recheck(ws: TranslateWorkspace) -> None:
    """The document's glossary changed: check its translations again (saving the flags,
    which are the segment's and come back after a restart) and say its size."""
    doc = ws.current
    if doc is None:
        return
    for row in doc.rows:
        if row.target:
            flags = ws.flags_for(doc, row.index, row.target)
            ws.model.update_row(row.index, flags=flags)
            if doc.project is not None and doc.project.segments[row.index].flags != flags:
                doc.project.set_flags(row.index, flags)
    ws.bar.glossary_size = len(doc.glossary)
    ws.bar.retranslate()
    ws.table.viewport().update()
    ws.refit_rows()  # highlighted terms are laid out anew: tall rows must not clip


def load_glossary_file(ws: TranslateWorkspace, path: Path) -> None:
    try:
        glossary = load_glossary(path)
    except BaylingError as exc:
        QMessageBox.warning(ws, ws.tr("Could not load the glossary"),
                            sentence_text(exc))
        return
    set_glossary(ws, glossary)
    ws.show_message(ws.tr("Glossary loaded: {0} terms.").format(len(glossary)))


def open_glossary_editor(ws: TranslateWorkspace) -> None:
    doc = ws.current
    if doc is None:
        ws.show_message(ws.tr("Open a document first."))
        return
    source = ws.source_language()
    editor = GlossaryEditor(doc.glossary, source.code if source else "",
                            ws.target_language().code, ws)
    if editor.exec():
        set_glossary(ws, editor.glossary())


def open_concordance(ws: TranslateWorkspace) -> ConcordanceDialog:
    """Ctrl+K: the memory pairs of this language pair, searched as the user types."""
    pairs: list[tuple[str, str]] = []
    if ws.store is not None:
        source = ws.source_language()
        base = source.code.split("-")[0] if source else ""
        pairs = [(s, t) for sl, _tl, s, t in ws.store.memory.pairs(ws.target_language().code)
                 if not base or sl.split("-")[0] in (base, "")]
    if ws.concordance is None:
        ws.concordance = ConcordanceDialog(pairs, ws)
    else:
        ws.concordance.set_pairs(pairs)
    ws.concordance.show()
    ws.concordance.search.setFocus()
    return ws.concordance


def export(ws: TranslateWorkspace) -> None:
    doc = ws.current
    if doc is None:
        return
    question = export_question(ws, doc.rows)
    if question and QMessageBox.question(
            ws, ws.tr("Export anyway?"), question) != QMessageBox.StandardButton.Yes:
        return
    suggested = documents.default_output_path(doc.document.path, ws.target_language().code)
    same = ws.tr("Same format (*{0})").format(suggested.suffix)
    bilingual_docx = ws.tr("Bilingual table (*.docx)")
    bilingual_html = ws.tr("Bilingual side by side (*.html)")
    xliff = ws.tr("XLIFF 1.2 for CAT tools (*.xlf)")
    tmx = ws.tr("Translation memory (*.tmx)")
    choices = [same, bilingual_docx, bilingual_html, xliff, tmx]
    bilingual = [bilingual_docx, bilingual_html]
    if doc.document.format_name == "pdf":  # the PDF's layout, beside it, or as text
        bilingual_pdf = ws.tr("Bilingual PDF, pages side by side (*.pdf)")
        bilingual.append(bilingual_pdf)
        choices[1:1] = [bilingual_pdf, ws.tr("Word document (*.docx)"),
                        ws.tr("Plain text (*.txt)")]
    name, chosen = QFileDialog.getSaveFileName(
        ws, ws.tr("Export translation"), str(suggested), ";;".join(choices))
    if not name:
        return
    out = Path(name)
    if chosen in (xliff, tmx) or out.suffix.lower() in (".xlf", ".xliff", ".tmx"):
        export_exchange(ws, out)
        return
    # the project's translations (what the CLI would write); the rows only when the
    # work could not be saved
    translations = None if doc.project is not None else {
        r.unit_id: r.target for r in doc.rows if exported(r)}
    try:
        result = doc.session.export(out, bilingual=chosen in bilingual,
                                    translations=translations)
    except BaylingError as exc:
        QMessageBox.warning(ws, ws.tr("Export failed"), sentence_text(exc))
        return
    # what writing it changed on its own (a PO header switched to UTF-8…), said once
    ws.show_message("\n".join([ws.tr("Saved {0}").format(out),
                               *map(sentence_text, result.notices)]))


def export_exchange(ws: TranslateWorkspace, out: Path) -> bool:
    """The project as XLIFF 1.2 (.xlf/.xliff) or TMX (.tmx), by the file's suffix."""
    from ...translation.exchange import export_project_tmx, export_xliff

    doc = ws.current
    if doc is None or doc.project is None:
        return False
    try:
        if out.suffix.lower() == ".tmx":
            count = export_project_tmx(doc.project, out)
        else:
            count = export_xliff(doc.project, out, doc.document.path.name)
    except (BaylingError, OSError) as exc:
        QMessageBox.warning(ws, ws.tr("Export failed"), sentence_text(exc))
        return False
    ws.show_message(ws.tr("Saved {0} ({1} translated segments).").format(out, count))
    return True


def exported(row: SegmentRow) -> bool:
    """Whether *row*'s translation goes into the exported file (else its source does)."""
    return row.exported


def export_question(ws: TranslateWorkspace, rows: list[SegmentRow]) -> str:
    """What an export would leave to review, said as it is; "" when nothing is.

    Untranslated segments keep their source text; flagged ones go out translated, so
    the two are counted apart (one sum said both kept their source, which was untrue).
    """
    counts = review_counts(rows)
    untranslated, flagged = counts.untranslated, counts.flagged
    lines = []
    if untranslated:
        lines.append(ws.tr("Untranslated segments: {0}. They keep their source text.")
                     .format(untranslated))
    if flagged:
        lines.append(ws.tr("Flagged segments: {0}. They are exported as translated; "
                           "Next flagged (F8) shows them.").format(flagged))
    if not lines:
        return ""
    return "\n".join([*lines, ws.tr("Export anyway?")])
