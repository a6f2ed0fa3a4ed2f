"""The document's glossary and the memory search, from the toolbar and the menus.

A view part: loading a glossary file, the glossary editor, and the concordance window
(Ctrl+K). A glossary given here becomes the document's (saved in its project); the
controller checks the translations against it again.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMessageBox

from ...errors import BaylingError
from ...translation.glossary import Glossary, load_glossary
from ..sentence_text import sentence_text
from .concordance import ConcordanceDialog
from .glossary_editor import GlossaryEditor
from .parts import ViewPart


class GlossaryActions(ViewPart):
    def set_glossary(self, glossary: Glossary) -> None:
        """Make *glossary* the document's: saved in its project, re-checked, highlighted."""
        doc = self.controller.current
        if doc is None:
            self.view.show_message(self.tr("Open a document first: a glossary belongs to a "
                                           "document's project."))
            return
        doc.session.set_glossary(glossary)  # saved into the glossaries it came from
        self.controller.recheck()

    def load_glossary_file(self, path: Path) -> None:
        ws = self.view
        try:
            glossary = load_glossary(path)
        except BaylingError as exc:
            QMessageBox.warning(ws, self.tr("Could not load the glossary"),
                                sentence_text(exc))
            return
        self.set_glossary(glossary)
        ws.show_message(self.tr("Glossary loaded: {0} terms.").format(len(glossary)))

    def open_glossary_editor(self) -> None:
        ws = self.view
        doc = ws.current
        if doc is None:
            ws.show_message(self.tr("Open a document first."))
            return
        source = self.controller.source_language()
        editor = GlossaryEditor(doc.glossary, source.code if source else "",
                                self.controller.target_language().code, ws)
        if editor.exec():
            self.set_glossary(editor.glossary())

    def open_concordance(self) -> ConcordanceDialog:
        """Ctrl+K: the memory pairs of this language pair, searched as the user types."""
        ws, ctl = self.view, self.controller
        pairs: list[tuple[str, str]] = []
        if ctl.store is not None:
            source = ctl.source_language()
            base = source.code.split("-")[0] if source else ""
            pairs = [(s, t) for sl, _tl, s, t in ctl.store.memory.pairs(
                ctl.target_language().code) if not base or sl.split("-")[0] in (base, "")]
        if ws.concordance is None:
            ws.concordance = ConcordanceDialog(pairs, ws)
        else:
            ws.concordance.set_pairs(pairs)
        ws.concordance.show()
        ws.concordance.search.setFocus()
        return ws.concordance
