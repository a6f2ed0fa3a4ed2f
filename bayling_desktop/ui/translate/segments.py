"""The document's segments as a table: source and translation side by side.

One row per segment keeps source and target aligned and scrolling together by
construction; the filter proxy gives "untranslated" / "flagged" / text search.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QByteArray,
    QObject,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor

from ..itemmodels import Index

STATUSES = ("new", "translating", "draft", "edited", "approved", "error")


@dataclass
class SegmentRow:
    index: int
    unit_id: str
    source: str
    target: str = ""
    status: str = "new"
    flags: list[str] = field(default_factory=list)

    @property
    def done(self) -> bool:
        return self.status in ("draft", "edited", "approved")


class SegmentTableModel(QAbstractTableModel):
    NUMBER, SOURCE, TARGET, STATUS = range(4)
    StatusRole = Qt.ItemDataRole.UserRole + 1
    FlagsRole = Qt.ItemDataRole.UserRole + 2
    SegmentRole = Qt.ItemDataRole.UserRole + 3

    # the user edited a translation in place: (segment index, new text)
    targetEdited = Signal(int, str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[SegmentRow] = []

    # -- content ------------------------------------------------------------------------

    def set_rows(self, rows: list[SegmentRow]) -> None:
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def rows(self) -> list[SegmentRow]:
        return list(self._rows)

    def row(self, number: int) -> SegmentRow:
        return self._rows[number]

    def update_row(self, number: int, **changes: Any) -> None:
        row = self._rows[number]
        for key, value in changes.items():
            setattr(row, key, value)
        self.dataChanged.emit(self.index(number, 0), self.index(number, self.STATUS))

    def append_target(self, number: int, text: str) -> None:
        """Streamed text arriving for a row that is being translated."""
        row = self._rows[number]
        row.target += text
        target = self.index(number, self.TARGET)
        self.dataChanged.emit(target, target)

    def counts(self) -> tuple[int, int]:
        done = sum(1 for r in self._rows if r.done)
        return done, len(self._rows)

    # -- Qt model -----------------------------------------------------------------------

    def roleNames(self) -> dict[int, QByteArray]:
        names = super().roleNames()
        names[self.StatusRole] = QByteArray(b"status")
        names[self.FlagsRole] = QByteArray(b"flags")
        names[self.SegmentRole] = QByteArray(b"segment")
        return names

    def rowCount(self, parent: Index | None = None) -> int:
        return 0 if parent is not None and parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index | None = None) -> int:
        return 0 if parent is not None and parent.isValid() else 4

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (self.tr("#"), self.tr("Source"), self.tr("Translation"),
                self.tr("Status"))[section]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == self.StatusRole:
            return row.status
        if role == self.FlagsRole:
            return list(row.flags)
        if role == self.SegmentRole:
            return row.index
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if column == self.NUMBER:
                return str(row.index + 1)
            if column == self.SOURCE:
                return row.source
            if column == self.TARGET:
                return row.target
            if column == self.STATUS:
                return self._status_text(row)
        if role == Qt.ItemDataRole.ToolTipRole and row.flags:
            return "\n".join(row.flags)
        if role == Qt.ItemDataRole.ForegroundRole and column == self.STATUS:
            if row.status == "error" or row.flags:
                return QBrush(QColor("#c0392b"))
            if row.done:
                return QBrush(QColor("#1e8449"))
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.NUMBER:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        return None

    def _status_text(self, row: SegmentRow) -> str:
        names = {"new": self.tr("new"), "translating": self.tr("translating…"),
                 "draft": self.tr("draft"), "edited": self.tr("edited"),
                 "approved": self.tr("approved"), "error": self.tr("error")}
        text = names.get(row.status, row.status)
        if row.flags:
            text += " ⚠"
        return text

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = super().flags(index)
        if index.column() == self.TARGET:
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if (role != Qt.ItemDataRole.EditRole or not index.isValid()
                or index.column() != self.TARGET or not isinstance(value, str)):
            return False
        row = self._rows[index.row()]
        if value == row.target:
            return False
        # The workspace records the edit (undo, storage) and then updates the row.
        self.targetEdited.emit(row.index, value)
        return True


class SegmentFilter(QSortFilterProxyModel):
    ALL, UNTRANSLATED, FLAGGED = range(3)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._mode = self.ALL
        self._needle = ""

    def set_mode(self, mode: int) -> None:
        self.beginFilterChange()
        self._mode = mode
        self.endFilterChange()

    def set_text(self, needle: str) -> None:
        self.beginFilterChange()
        self._needle = needle.casefold().strip()
        self.endFilterChange()

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        model = self.sourceModel()
        if not isinstance(model, SegmentTableModel):
            return True
        row = model.row(source_row)
        if self._mode == self.UNTRANSLATED and row.done:
            return False
        if self._mode == self.FLAGGED and not (row.flags or row.status == "error"):
            return False
        if self._needle:
            return (self._needle in row.source.casefold()
                    or self._needle in row.target.casefold())
        return True
