"""The conversation list: an item model over ChatStore, a search filter, undoable edits."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QByteArray,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSize,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem

from ...storage.chats import ChatStore, Conversation
from ..itemmodels import Index


class ConversationListModel(QAbstractListModel):
    IdRole = Qt.ItemDataRole.UserRole + 1
    UpdatedRole = Qt.ItemDataRole.UserRole + 2

    def __init__(self, store: ChatStore, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self._rows: list[Conversation] = store.conversations()

    def roleNames(self) -> dict[int, QByteArray]:
        names = super().roleNames()
        names[self.IdRole] = QByteArray(b"conversationId")
        names[self.UpdatedRole] = QByteArray(b"updated")
        return names

    def rowCount(self, parent: Index | None = None) -> int:
        return 0 if parent is not None and parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return row.title
        if role == Qt.ItemDataRole.ToolTipRole:
            return row.title
        if role == self.IdRole:
            return row.id
        if role == self.UpdatedRole:
            return row.updated
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return super().flags(index) | Qt.ItemFlag.ItemIsEditable

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        """Inline rename from the view; goes through the store immediately."""
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        title = str(value).strip()
        if not title:
            return False
        self.rename(self._rows[index.row()].id, title)
        return True

    # -- operations ---------------------------------------------------------------------

    def row_of(self, conversation_id: int) -> int:
        for number, row in enumerate(self._rows):
            if row.id == conversation_id:
                return number
        return -1

    def title_of(self, conversation_id: int) -> str:
        row = self.row_of(conversation_id)
        return self._rows[row].title if row >= 0 else ""

    def id_at(self, row: int) -> int:
        return self._rows[row].id

    def reload(self) -> None:
        self.beginResetModel()
        self._rows = self._store.conversations()
        self.endResetModel()

    def create(self, title: str) -> Conversation:
        conversation = self._store.create(title)
        self.beginInsertRows(QModelIndex(), 0, 0)
        self._rows.insert(0, conversation)
        self.endInsertRows()
        return conversation

    def rename(self, conversation_id: int, title: str) -> None:
        self._store.rename(conversation_id, title)
        row = self.row_of(conversation_id)
        if row >= 0:
            old = self._rows[row]
            self._rows[row] = Conversation(old.id, title, old.created, old.updated)
            index = self.index(row)
            self.dataChanged.emit(index, index, [Qt.ItemDataRole.DisplayRole,
                                                 Qt.ItemDataRole.EditRole])

    def _position_for(self, conversation: Conversation) -> int:
        """Where *conversation* belongs in the most-recent-first order."""
        for number, row in enumerate(self._rows):
            if (row.updated, row.id) < (conversation.updated, conversation.id):
                return number
        return len(self._rows)

    def touch(self, conversation_id: int) -> None:
        """Re-sort a conversation that just got a message (it moves to the top)."""
        row = self.row_of(conversation_id)
        fresh = self._store.conversation(conversation_id)
        if row < 0 or fresh is None:
            return
        self._rows[row] = fresh
        others = self._rows[:row] + self._rows[row + 1:]
        target = next((n for n, r in enumerate(others)
                       if (r.updated, r.id) < (fresh.updated, fresh.id)), len(others))
        if target != row:
            # beginMoveRows counts the destination before the row is taken out.
            self.beginMoveRows(QModelIndex(), row, row, QModelIndex(),
                               target if target < row else target + 1)
            del self._rows[row]
            self._rows.insert(target, fresh)
            self.endMoveRows()
        index = self.index(target)
        self.dataChanged.emit(index, index, [self.UpdatedRole])

    def set_deleted(self, conversation_id: int, deleted: bool) -> None:
        self._store.set_deleted(conversation_id, deleted)
        if deleted:
            row = self.row_of(conversation_id)
            if row >= 0:
                self.beginRemoveRows(QModelIndex(), row, row)
                del self._rows[row]
                self.endRemoveRows()
            return
        fresh = self._store.conversation(conversation_id)
        if fresh is None or self.row_of(conversation_id) >= 0:
            return
        position = self._position_for(fresh)
        self.beginInsertRows(QModelIndex(), position, position)
        self._rows.insert(position, fresh)
        self.endInsertRows()


class ElidingDelegate(QStyledItemDelegate):
    """Items as wide as the list, so a long title ends in "…" instead of being cut off.

    QListView sizes each item to its full text; a zero-width hint makes it use the
    viewport's width, and the style then elides the text to fit.
    """

    def sizeHint(self, option: QStyleOptionViewItem,
                 index: QModelIndex | QPersistentModelIndex) -> QSize:
        return QSize(0, super().sizeHint(option, index).height())


class ConversationFilter(QSortFilterProxyModel):
    """Shows only the conversations a search matched (None shows all)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._allowed: set[int] | None = None

    def set_allowed(self, ids: set[int] | None) -> None:
        if hasattr(QSortFilterProxyModel, "Direction"):  # Qt >= 6.10
            self.beginFilterChange()
            self._allowed = ids
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self._allowed = ids
            self.invalidateRowsFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        if self._allowed is None:
            return True
        index = self.sourceModel().index(source_row, 0, source_parent)
        return index.data(ConversationListModel.IdRole) in self._allowed


class DeleteConversation(QUndoCommand):
    def __init__(self, model: ConversationListModel, conversation_id: int, title: str) -> None:
        super().__init__()
        self.setText(QCoreApplication.translate("ChatWorkspace", "Delete “{0}”").format(title))
        self._model = model
        self.conversation_id = conversation_id

    def redo(self) -> None:
        self._model.set_deleted(self.conversation_id, True)

    def undo(self) -> None:
        self._model.set_deleted(self.conversation_id, False)


class RenameConversation(QUndoCommand):
    def __init__(self, model: ConversationListModel, conversation_id: int, old: str,
                 new: str) -> None:
        super().__init__()
        self.setText(QCoreApplication.translate("ChatWorkspace", "Rename “{0}”").format(old))
        self._model = model
        self._id = conversation_id
        self._old = old
        self._new = new

    def redo(self) -> None:
        self._model.rename(self._id, self._new)

    def undo(self) -> None:
        self._model.rename(self._id, self._old)
