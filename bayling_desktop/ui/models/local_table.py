"""The local model library as a table; every value comes from GGUF headers, not weights.

The fit column estimates memory at the current settings from the header's layer
count and KV width (``models.fit``), like the catalog's.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QByteArray,
    QObject,
    Qt,
)
from PySide6.QtGui import QFont

from ...models import fit
from ...models.library import LocalModel
from ..itemmodels import Index
from ..sentence_text import sentence_text
from .units import context_text, size_text

_COLUMNS = 7


class LocalModelTableModel(QAbstractTableModel):
    NameRole = Qt.ItemDataRole.UserRole + 1
    EntryRole = Qt.ItemDataRole.UserRole + 2
    DefaultRole = Qt.ItemDataRole.UserRole + 3
    BuiltinRole = Qt.ItemDataRole.UserRole + 4

    FitRole = Qt.ItemDataRole.UserRole + 5

    NAME, ARCHITECTURE, QUANTIZATION, SIZE, CONTEXT, STATUS, FIT = range(_COLUMNS)

    def __init__(self, entries: Sequence[LocalModel] = (),
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._entries = list(entries)
        self._fits: list[fit.Fit | None] = [None] * len(self._entries)

    def roleNames(self) -> dict[int, QByteArray]:
        names = super().roleNames()
        names[self.NameRole] = QByteArray(b"name")
        names[self.EntryRole] = QByteArray(b"entry")
        names[self.DefaultRole] = QByteArray(b"isDefault")
        names[self.BuiltinRole] = QByteArray(b"builtin")
        names[self.FitRole] = QByteArray(b"fit")
        return names

    def rowCount(self, parent: Index | None = None) -> int:
        return 0 if parent is not None and parent.isValid() else len(self._entries)

    def columnCount(self, parent: Index | None = None) -> int:
        return 0 if parent is not None and parent.isValid() else _COLUMNS

    def set_entries(self, entries: Sequence[LocalModel], settings: object = None) -> None:
        self.beginResetModel()
        self._entries = list(entries)
        machine = fit.this_machine()
        self._fits = [fit.fit_gguf(e.info, settings, machine) if e.info is not None else None
                      for e in self._entries]
        self.endResetModel()

    def fit_at(self, row: int) -> fit.Fit | None:
        return self._fits[row] if 0 <= row < len(self._fits) else None

    def entry_at(self, row: int) -> LocalModel | None:
        return self._entries[row] if 0 <= row < len(self._entries) else None

    def row_of(self, name: str) -> int:
        return next((i for i, e in enumerate(self._entries) if e.name == name), -1)

    def names(self) -> list[str]:
        return [entry.name for entry in self._entries]

    def status_text(self, entry: LocalModel) -> str:
        marks = []
        if entry.is_default:
            marks.append(self.tr("Default"))
        if entry.builtin:
            marks.append(self.tr("Built-in"))
        if entry.error:
            marks.append(self.tr("Unusable"))
        elif entry.path is None:
            marks.append(self.tr("Prepared on first use"))
        return ", ".join(marks)

    def _fit_text(self, check: fit.Fit | None) -> str:
        if check is None:
            return ""
        return {"fits": self.tr("Fits"), "tight": self.tr("Tight"), "too big": self.tr(
            "Too big"), "unknown": self.tr("Unknown")}[check.verdict] + self.tr(
                " · {0:.1f} GiB").format(check.ram / 1024**3)

    def _cell(self, row: int, entry: LocalModel, column: int) -> str:
        info = entry.info
        if column == self.FIT:
            return self._fit_text(self._fits[row])
        if column == self.NAME:
            return entry.title
        if column == self.SIZE:
            return size_text(entry.size)
        if column == self.STATUS:
            return self.status_text(entry)
        if info is None:
            return ""
        if column == self.ARCHITECTURE:
            return info.architecture
        if column == self.QUANTIZATION:
            return info.quantization
        return context_text(info.context_length)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = index.row()
        entry = self.entry_at(row)
        if entry is None or not 0 <= index.column() < _COLUMNS:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._cell(row, entry, index.column())
        if role == Qt.ItemDataRole.ToolTipRole:
            check = self._fits[row]
            if index.column() == self.FIT and check is not None:
                return sentence_text(check.reason)
            if entry.error:
                return sentence_text(entry.error)
            return str(entry.path) if entry.path else entry.title
        if role == Qt.ItemDataRole.FontRole and entry.is_default:
            font = QFont()
            font.setBold(True)
            return font
        if role == self.NameRole:
            return entry.name
        if role == self.EntryRole:
            return entry
        if role == self.DefaultRole:
            return entry.is_default
        if role == self.BuiltinRole:
            return entry.builtin
        if role == self.FitRole:
            check = self._fits[row]
            return check.verdict if check is not None else None
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole
                or not 0 <= section < _COLUMNS):
            return None
        return (self.tr("Name"), self.tr("Architecture"), self.tr("Quantization"),
                self.tr("Size"), self.tr("Context"), self.tr("Status"),
                self.tr("Fits this machine"))[section]

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, _COLUMNS - 1)
        if self._entries:
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(len(self._entries) - 1, _COLUMNS - 1))
