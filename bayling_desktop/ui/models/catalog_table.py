"""The catalog as a read-only table: what exists, what it needs, whether it fits here.

The memory and fit columns come from ``models.fit`` for the current settings
(context length, parallel sequences, GPU layers) and this machine's RAM; the
recommended pick is marked in bold with a note in its title.
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
from ...models.catalog import CATALOG, CatalogEntry
from ..itemmodels import Index
from ..sentence_text import sentence_text
from .units import context_text

_COLUMNS = 8


class CatalogTableModel(QAbstractTableModel):
    EntryRole = Qt.ItemDataRole.UserRole + 1
    KeyRole = Qt.ItemDataRole.UserRole + 2
    DownloadableRole = Qt.ItemDataRole.UserRole + 3
    FitRole = Qt.ItemDataRole.UserRole + 4
    RecommendedRole = Qt.ItemDataRole.UserRole + 5
    BuildableRole = Qt.ItemDataRole.UserRole + 6

    TITLE, SIZE, RAM, FIT, CONTEXT, FORMAT, LICENCE, AVAILABILITY = range(_COLUMNS)

    def __init__(self, entries: Sequence[CatalogEntry] = CATALOG,
                 parent: QObject | None = None, settings: object = None,
                 machine: fit.Machine | None = None) -> None:
        super().__init__(parent)
        self._entries = list(entries)
        self._fits: list[fit.Fit] = []
        self._recommended: str | None = None
        self.set_settings(settings, machine)

    def set_settings(self, settings: object, machine: fit.Machine | None = None) -> None:
        """Recompute the fit of every entry (settings changed, or memory was freed)."""
        machine = machine or fit.this_machine()
        self.beginResetModel()
        self._fits = [fit.fit_entry(e, settings, machine) for e in self._entries]
        pick = fit.recommend(self._entries, settings, machine)
        self._recommended = pick.key if pick is not None else None
        self.endResetModel()

    def fit_at(self, row: int) -> fit.Fit | None:
        return self._fits[row] if 0 <= row < len(self._fits) else None

    @property
    def recommended(self) -> CatalogEntry | None:
        return next((e for e in self._entries if e.key == self._recommended), None)

    def roleNames(self) -> dict[int, QByteArray]:
        names = super().roleNames()
        names[self.EntryRole] = QByteArray(b"entry")
        names[self.KeyRole] = QByteArray(b"key")
        names[self.DownloadableRole] = QByteArray(b"downloadable")
        names[self.FitRole] = QByteArray(b"fit")
        names[self.RecommendedRole] = QByteArray(b"recommended")
        names[self.BuildableRole] = QByteArray(b"buildable")
        return names

    def rowCount(self, parent: Index | None = None) -> int:
        return 0 if parent is not None and parent.isValid() else len(self._entries)

    def columnCount(self, parent: Index | None = None) -> int:
        return 0 if parent is not None and parent.isValid() else _COLUMNS

    def entry_at(self, row: int) -> CatalogEntry | None:
        return self._entries[row] if 0 <= row < len(self._entries) else None

    def _cell(self, row: int, entry: CatalogEntry, column: int) -> str:
        if column == self.TITLE:
            if entry.key == self._recommended:
                return self.tr("{0} (recommended)").format(entry.title)
            return entry.title
        if column == self.SIZE:
            return (self.tr("about {0:.1f} GB") if entry.size_is_estimate
                    else self.tr("{0:.1f} GB")).format(entry.size / 1e9)
        if column == self.RAM:
            return self.tr("about {0:.1f} GiB").format(self._fits[row].ram / 1024**3)
        if column == self.FIT:
            return {"fits": self.tr("Fits"), "tight": self.tr("Tight"),
                    "too big": self.tr("Too big"), "unknown": self.tr("Unknown")}[
                        self._fits[row].verdict]
        if column == self.CONTEXT:
            return context_text(entry.context_length)
        if column == self.FORMAT:
            return entry.prompt_format
        if column == self.LICENCE:
            return entry.licence if entry.commercial else self.tr(
                "{0} (non-commercial)").format(entry.licence)
        if entry.downloadable:
            return self.tr("Ready to download")
        return self.tr("Build in the app") if entry.buildable else self.tr("Not available")

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
            if index.column() in (self.RAM, self.FIT):
                return sentence_text(self._fits[row].reason)
            return entry.notes
        if role == Qt.ItemDataRole.FontRole and entry.key == self._recommended:
            font = QFont()
            font.setBold(True)
            return font
        if role == self.EntryRole:
            return entry
        if role == self.KeyRole:
            return entry.key
        if role == self.DownloadableRole:
            return entry.downloadable
        if role == self.FitRole:
            return self._fits[row].verdict
        if role == self.RecommendedRole:
            return entry.key == self._recommended
        if role == self.BuildableRole:
            return entry.buildable
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole
                or not 0 <= section < _COLUMNS):
            return None
        return (self.tr("Model"), self.tr("File size"), self.tr("Memory"),
                self.tr("Fits this machine"), self.tr("Context"), self.tr("Prompt format"),
                self.tr("Licence"), self.tr("Availability"))[section]

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, _COLUMNS - 1)
        if self._entries:
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(len(self._entries) - 1, _COLUMNS - 1))
