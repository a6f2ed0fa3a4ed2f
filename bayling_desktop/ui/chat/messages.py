"""The open conversation's turns as an item model; the transcript view renders it."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from PySide6.QtCore import QAbstractListModel, QByteArray, QModelIndex, QObject, Qt

from ...engine.backend import Message, Role
from ..itemmodels import Index


@dataclass(frozen=True)
class ChatTurn:
    role: Role
    content: str
    # the stored message id; None while the reply is still streaming
    message_id: int | None = None
    streaming: bool = False
    # the user stopped this reply before the model finished it
    stopped: bool = False


class MessageListModel(QAbstractListModel):
    RoleRole = Qt.ItemDataRole.UserRole + 1
    StreamingRole = Qt.ItemDataRole.UserRole + 2
    MessageIdRole = Qt.ItemDataRole.UserRole + 3
    StoppedRole = Qt.ItemDataRole.UserRole + 4

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._turns: list[ChatTurn] = []

    def roleNames(self) -> dict[int, QByteArray]:
        names = super().roleNames()
        names[self.RoleRole] = QByteArray(b"role")
        names[self.StreamingRole] = QByteArray(b"streaming")
        names[self.MessageIdRole] = QByteArray(b"messageId")
        names[self.StoppedRole] = QByteArray(b"stopped")
        return names

    def rowCount(self, parent: Index | None = None) -> int:
        return 0 if parent is not None and parent.isValid() else len(self._turns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._turns):
            return None
        turn = self._turns[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return turn.content
        if role == self.RoleRole:
            return turn.role
        if role == self.StreamingRole:
            return turn.streaming
        if role == self.MessageIdRole:
            return turn.message_id
        if role == self.StoppedRole:
            return turn.stopped
        return None

    @property
    def turns(self) -> list[ChatTurn]:
        return list(self._turns)

    def history(self) -> list[Message]:
        """The finished turns as engine messages (the streaming one is left out)."""
        return [Message(t.role, t.content) for t in self._turns if not t.streaming]

    def set_turns(self, turns: list[ChatTurn]) -> None:
        self.beginResetModel()
        self._turns = list(turns)
        self.endResetModel()

    def append(self, turn: ChatTurn) -> int:
        row = len(self._turns)
        self.beginInsertRows(QModelIndex(), row, row)
        self._turns.append(turn)
        self.endInsertRows()
        return row

    def update(self, row: int, **changes: Any) -> None:
        self._turns[row] = replace(self._turns[row], **changes)
        index = self.index(row)
        self.dataChanged.emit(index, index)

    def append_text(self, row: int, text: str) -> None:
        self.update(row, content=self._turns[row].content + text)

    def truncate(self, row: int) -> None:
        """Drop the turns from *row* on."""
        if row >= len(self._turns):
            return
        self.beginRemoveRows(QModelIndex(), row, len(self._turns) - 1)
        del self._turns[row:]
        self.endRemoveRows()
