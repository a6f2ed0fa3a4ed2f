"""The BayLing catalog as a read-only table: what exists and what it needs to run."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QByteArray,
    QObject,
    Qt,
)

from ...models.catalog import CATALOG, CatalogEntry
from ..itemmodels import Index
from .units import context_text


class CatalogTableModel(QAbstractTableModel):
    EntryRole = Qt.ItemDataRole.UserRole + 1
    KeyRole = Qt.ItemDataRole.UserRole + 2
    DownloadableRole = Qt.ItemDataRole.UserRole + 3

    TITLE, SIZE, RAM, CONTEXT, FORMAT, LICENCE, AVAILABILITY = range(7)

    def __init__(self, entries: Sequence[CatalogEntry] = CATALOG,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._entries = list(entries)

    def roleNames(self) -> dict[int, QByteArray]:
        names = super().roleNames()
        names[self.EntryRole] = QByteArray(b"entry")
        names[self.KeyRole] = QByteArray(b"key")
        names[self.DownloadableRole] = QByteArray(b"downloadable")
        return names

    def rowCount(self, parent: Index | None = None) -> int:
        return 0 if parent is not None and parent.isValid() else len(self._entries)

    def columnCount(self, parent: Index | None = None) -> int:
        return 0 if parent is not None and parent.isValid() else 7

    def entry_at(self, row: int) -> CatalogEntry | None:
        return self._entries[row] if 0 <= row < len(self._entries) else None

    def _cell(self, entry: CatalogEntry, column: int) -> str:
        if column == self.TITLE:
            return entry.title
        if column == self.SIZE:
            return (self.tr("about {0:.1f} GB") if entry.size_is_estimate
                    else self.tr("{0:.1f} GB")).format(entry.size / 1e9)
        if column == self.RAM:
            return self.tr("about {0:.0f} GiB").format(entry.ram / 1024**3)
        if column == self.CONTEXT:
            return context_text(entry.context_length)
        if column == self.FORMAT:
            return entry.prompt_format
        if column == self.LICENCE:
            return entry.licence
        return self.tr("Ready to download") if entry.downloadable else self.tr(
            "Convert it yourself")

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        entry = self.entry_at(index.row())
        if entry is None or not 0 <= index.column() < 7:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._cell(entry, index.column())
        if role == Qt.ItemDataRole.ToolTipRole:
            return entry.notes
        if role == self.EntryRole:
            return entry
        if role == self.KeyRole:
            return entry.key
        if role == self.DownloadableRole:
            return entry.downloadable
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole
                or not 0 <= section < 7):
            return None
        return (self.tr("Model"), self.tr("File size"), self.tr("Memory"), self.tr("Context"),
                self.tr("Prompt format"), self.tr("Licence"),
                self.tr("Availability"))[section]

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 6)
        if self._entries:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._entries) - 1, 6))
