"""Red wavy underlines under the words ``translation/spelling.py`` does not know, in the
in-cell editor, as the translator types (Edit ▸ Check spelling switches it)."""

from __future__ import annotations

from PySide6.QtGui import QColor, QSyntaxHighlighter, QTextCharFormat, QTextDocument

from ...translation.spelling import misspelled, supported


class SpellingHighlighter(QSyntaxHighlighter):
    def __init__(self, document: QTextDocument, language: str, source: str = "") -> None:
        super().__init__(document)
        self.language = language
        self.source = source
        self._format = QTextCharFormat()
        self._format.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SpellCheckUnderline)
        self._format.setUnderlineColor(QColor("#c0392b"))

    def set_source(self, source: str) -> None:
        self.source = source
        self.rehighlight()

    def highlightBlock(self, text: str) -> None:
        if not supported(self.language):
            return
        for start, end in misspelled(text, self.language, self.source):
            self.setFormat(start, end - start, self._format)
