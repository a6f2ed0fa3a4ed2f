"""Running, resumable and finished downloads, one row per target file."""

from __future__ import annotations

import dataclasses
import enum
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QByteArray,
    QModelIndex,
    QObject,
    Qt,
)

from ...models.download import DownloadProgress, PendingDownload
from ..itemmodels import Index
from .units import duration_text, size_text, speed_text

_COLUMNS = 6


class DownloadState(enum.Enum):
    STARTING = "starting"
    CHECKING = "checking"
    DOWNLOADING = "downloading"
    VERIFYING = "verifying"
    DONE = "done"
    # stopped with a partial file kept: Resume continues it
    PAUSED = "paused"
    # stopped and nothing can be resumed
    FAILED = "failed"

    @property
    def active(self) -> bool:
        return self in (DownloadState.STARTING, DownloadState.CHECKING,
                        DownloadState.DOWNLOADING, DownloadState.VERIFYING)


_PHASES = {"checking": DownloadState.CHECKING, "downloading": DownloadState.DOWNLOADING,
           "verifying": DownloadState.VERIFYING, "done": DownloadState.VERIFYING}


@dataclass(frozen=True)
class DownloadRow:
    repo_id: str
    filename: str
    revision: str
    target: Path
    state: DownloadState
    downloaded: int = 0
    total: int = 0
    speed: float = 0.0
    eta: float | None = None
    message: str = ""

    @property
    def key(self) -> str:
        return str(self.target)

    @property
    def percent(self) -> int:
        if self.state == DownloadState.DONE:
            return 100
        if self.total <= 0:
            return 0
        return min(100, int(self.downloaded * 100 / self.total))

    @classmethod
    def from_pending(cls, pending: PendingDownload) -> DownloadRow:
        return cls(pending.repo_id, pending.filename, pending.revision, pending.target,
                   DownloadState.PAUSED, pending.downloaded, pending.total)


class DownloadTableModel(QAbstractTableModel):
    KeyRole = Qt.ItemDataRole.UserRole + 1
    StateRole = Qt.ItemDataRole.UserRole + 2
    PercentRole = Qt.ItemDataRole.UserRole + 3
    RowRole = Qt.ItemDataRole.UserRole + 4

    FILE, REPOSITORY, PROGRESS, SPEED, TIME_LEFT, STATUS = range(_COLUMNS)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[DownloadRow] = []

    def roleNames(self) -> dict[int, QByteArray]:
        names = super().roleNames()
        names[self.KeyRole] = QByteArray(b"key")
        names[self.StateRole] = QByteArray(b"state")
        names[self.PercentRole] = QByteArray(b"percent")
        names[self.RowRole] = QByteArray(b"download")
        return names

    def rowCount(self, parent: Index | None = None) -> int:
        return 0 if parent is not None and parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index | None = None) -> int:
        return 0 if parent is not None and parent.isValid() else _COLUMNS

    # -- access and edits -------------------------------------------------------------

    def rows(self) -> list[DownloadRow]:
        return list(self._rows)

    def row_at(self, row: int) -> DownloadRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def find(self, key: str) -> int:
        return next((i for i, r in enumerate(self._rows) if r.key == key), -1)

    def get(self, key: str) -> DownloadRow | None:
        position = self.find(key)
        return self._rows[position] if position >= 0 else None

    def put(self, row: DownloadRow) -> int:
        """Add *row*, or replace the row with the same target; return its position."""
        position = self.find(row.key)
        if position < 0:
            position = len(self._rows)
            self.beginInsertRows(QModelIndex(), position, position)
            self._rows.append(row)
            self.endInsertRows()
        else:
            self._rows[position] = row
            self.dataChanged.emit(self.index(position, 0),
                                  self.index(position, _COLUMNS - 1))
        return position

    def update(self, key: str, **changes: Any) -> DownloadRow | None:
        current = self.get(key)
        if current is None:
            return None
        updated = dataclasses.replace(current, **changes)
        self.put(updated)
        return updated

    def apply_progress(self, key: str, progress: DownloadProgress) -> None:
        self.update(key, state=_PHASES[progress.phase], downloaded=progress.downloaded,
                    total=progress.total, speed=progress.speed, eta=progress.eta)

    def remove(self, key: str) -> None:
        position = self.find(key)
        if position >= 0:
            self.beginRemoveRows(QModelIndex(), position, position)
            del self._rows[position]
            self.endRemoveRows()

    # -- presentation -------------------------------------------------------------------

    def state_text(self, row: DownloadRow) -> str:
        texts = {
            DownloadState.STARTING: self.tr("Asking the Hub…"),
            DownloadState.CHECKING: self.tr("Checking the partial file…"),
            DownloadState.DOWNLOADING: self.tr("Downloading"),
            DownloadState.VERIFYING: self.tr("Verifying the checksum…"),
            DownloadState.DONE: self.tr("Finished"),
            DownloadState.PAUSED: self.tr("Paused (can resume)"),
            DownloadState.FAILED: self.tr("Failed"),
        }
        text = texts[row.state]
        return f"{text} — {row.message}" if row.message else text

    def _cell(self, row: DownloadRow, column: int) -> str:
        if column == self.FILE:
            return row.filename
        if column == self.REPOSITORY:
            return row.repo_id
        if column == self.PROGRESS:
            if row.total <= 0:
                return self.tr("{0}%").format(row.percent)
            return self.tr("{0}% · {1} of {2}").format(
                row.percent, size_text(row.downloaded), size_text(row.total))
        if column == self.SPEED:
            return speed_text(row.speed) if row.state.active else ""
        if column == self.TIME_LEFT:
            return duration_text(row.eta) if row.state == DownloadState.DOWNLOADING else ""
        return self.state_text(row)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.row_at(index.row())
        if row is None or not 0 <= index.column() < _COLUMNS:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._cell(row, index.column())
        if role == Qt.ItemDataRole.ToolTipRole:
            return str(row.target)
        if role == self.KeyRole:
            return row.key
        if role == self.StateRole:
            return row.state.value
        if role == self.PercentRole:
            return row.percent
        if role == self.RowRole:
            return row
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole
                or not 0 <= section < _COLUMNS):
            return None
        return (self.tr("File"), self.tr("Repository"), self.tr("Progress"), self.tr("Speed"),
                self.tr("Time left"), self.tr("Status"))[section]

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, _COLUMNS - 1)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1,
                                                               _COLUMNS - 1))
