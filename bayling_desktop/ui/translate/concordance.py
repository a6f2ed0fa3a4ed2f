"""Concordance search (Ctrl+K): how was this word or phrase translated before?

It searches both sides of the translation memory for the language pair, so a
translator can check a term's earlier rendering without leaving the segment. The
memory is read once when the window opens; each keystroke only filters that list.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QObject, Qt, QTimer, Slot
from PySide6.QtWidgets import (
    QDialog,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ..itemmodels import Index

#: more hits than this are not shown (the search should be narrowed instead)
MAX_HITS = 500


def concordance(pairs: Sequence[tuple[str, str]], needle: str,
                limit: int = MAX_HITS) -> list[tuple[str, str]]:
    """Pairs whose source or target contains *needle* (case-insensitive), newest first."""
    folded = needle.casefold().strip()
    if not folded:
        return []
    hits = [(s, t) for s, t in reversed(pairs)
            if folded in s.casefold() or folded in t.casefold()]
    return hits[:limit]


class ConcordanceModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._hits: list[tuple[str, str]] = []

    def set_hits(self, hits: list[tuple[str, str]]) -> None:
        self.beginResetModel()
        self._hits = hits
        self.endResetModel()

    def rowCount(self, parent: Index | None = None) -> int:
        return 0 if parent is not None and parent.isValid() else len(self._hits)

    def columnCount(self, parent: Index | None = None) -> int:
        return 0 if parent is not None and parent.isValid() else 2

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("Source"), self.tr("Translation"))[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (role == Qt.ItemDataRole.DisplayRole and index.isValid()
                and 0 <= index.row() < len(self._hits)):
            return self._hits[index.row()][index.column()]
        return None


class ConcordanceDialog(QDialog):
    """A non-modal search window over the memory pairs of one language pair."""

    def __init__(self, pairs: Sequence[tuple[str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._pairs = list(pairs)
        self.search = QLineEdit(self)
        self.search.setClearButtonEnabled(True)
        self.summary = QLabel(self)
        self.model = ConcordanceModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setWordWrap(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(120)
        self._timer.timeout.connect(self._on_timer_timeout)
        self.search.textChanged.connect(self._timer.start)
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        self.setWindowTitle(self.tr("Concordance search"))
        self.search.setPlaceholderText(self.tr("Search the translation memory (both sides)"))
        self.resize(720, 420)
        self._update_summary()

    def set_pairs(self, pairs: Sequence[tuple[str, str]]) -> None:
        self._pairs = list(pairs)
        self.run_search()

    def search_for(self, text: str) -> None:
        self.search.setText(text)
        self.run_search()

    @Slot()
    def _on_timer_timeout(self) -> None:
        self.run_search()

    def run_search(self) -> None:
        self._timer.stop()
        self.model.set_hits(concordance(self._pairs, self.search.text()))
        self._update_summary()

    def _update_summary(self) -> None:
        if not self._pairs:
            self.summary.setText(self.tr("The translation memory for this language pair is "
                                         "empty."))
        elif not self.search.text().strip():
            self.summary.setText(self.tr("{0} pairs in the translation memory.").format(
                len(self._pairs)))
        elif self.model.rowCount() == 0:
            self.summary.setText(self.tr("No matches."))
        else:
            self.summary.setText(self.tr("{0} matches.").format(self.model.rowCount()))
