"""Red wavy underlines under the words ``translation/spelling.py`` does not know, in the
in-cell editor and the revision panel's proposal, as the translator types (Segment ▸
Check spelling, F7, switches it)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QColor, QSyntaxHighlighter, QTextCharFormat, QTextDocument

from ...translation.spelling import misspelled, supported


class SpellingHighlighter(QSyntaxHighlighter):
    def __init__(self, document: QTextDocument, language: str | Callable[[], str],
                 source: str | Callable[[], str] = "") -> None:
        super().__init__(document)
        #: the language to check in, or a callable asked at each check (it may change)
        self.language = language
        #: the segment's source (its words are never misspellings), or a callable
        self.source = source
        self._format = QTextCharFormat()
        self._format.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SpellCheckUnderline)
        self._format.setUnderlineColor(QColor("#c0392b"))

    def highlightBlock(self, text: str) -> None:
        language = self.language() if callable(self.language) else self.language
        if not supported(language):
            return
        source = self.source() if callable(self.source) else self.source
        for start, end in misspelled(text, language, source):
            self.setFormat(start, end - start, self._format)
