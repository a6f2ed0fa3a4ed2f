"""Every item model passes Qt's model tester, before and after edits."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt
from pytestqt.modeltest import ModelTester

from bayling_desktop.storage.chats import ChatStore
from bayling_desktop.ui.chat.conversations import (
    ConversationFilter,
    ConversationListModel,
    DeleteConversation,
)
from bayling_desktop.ui.chat.messages import ChatTurn, MessageListModel


def _store(tmp_path: Path, titles: list[str]) -> ChatStore:
    store = ChatStore(tmp_path / "chats.sqlite3")
    for title in titles:
        chat = store.create(title)
        store.add_message(chat.id, "user", f"about {title}")
    return store


def test_conversation_model(qtmodeltester: ModelTester, tmp_path: Path) -> None:
    store = _store(tmp_path, ["alpha", "beta", "gamma"])
    model = ConversationListModel(store)
    qtmodeltester.check(model)
    assert [model.index(r).data() for r in range(3)] == ["gamma", "beta", "alpha"]
    created = model.create("delta")
    assert model.index(0).data(ConversationListModel.IdRole) == created.id
    alpha = model.id_at(3)
    assert model.setData(model.index(3), "Alpha renamed")
    assert store.conversation(alpha) is not None
    assert store.conversation(alpha).title == "Alpha renamed"  # type: ignore[union-attr]
    assert not model.setData(model.index(3), "   ")
    model.touch(alpha)  # nothing new in it: it stays where it is
    assert model.id_at(3) == alpha
    store.add_message(alpha, "user", "news")
    model.touch(alpha)
    assert [model.index(r).data() for r in range(4)] == [
        "Alpha renamed", "delta", "gamma", "beta"]
    model.set_deleted(alpha, True)
    assert model.row_of(alpha) == -1
    model.set_deleted(alpha, False)
    assert model.row_of(alpha) == 0
    assert model.rowCount(model.index(0)) == 0
    assert model.flags(model.index(0)) & Qt.ItemFlag.ItemIsEditable


def test_undo_of_delete_restores_the_row(tmp_path: Path) -> None:
    store = _store(tmp_path, ["one", "two"])
    model = ConversationListModel(store)
    two = model.id_at(0)
    command = DeleteConversation(model, two, "two")
    command.redo()
    assert [model.index(r).data() for r in range(model.rowCount())] == ["one"]
    command.undo()
    assert [model.index(r).data() for r in range(model.rowCount())] == ["two", "one"]


def test_filter_model(qtmodeltester: ModelTester, tmp_path: Path) -> None:
    store = _store(tmp_path, ["red", "green", "blue"])
    source = ConversationListModel(store)
    proxy = ConversationFilter()
    proxy.setSourceModel(source)
    qtmodeltester.check(proxy)
    proxy.set_allowed(set(store.search("green")))
    assert [proxy.index(r, 0).data() for r in range(proxy.rowCount())] == ["green"]
    proxy.set_allowed(set())
    assert proxy.rowCount() == 0
    proxy.set_allowed(None)
    assert proxy.rowCount() == 3


def test_message_model(qtmodeltester: ModelTester) -> None:
    model = MessageListModel()
    model.append(ChatTurn("user", "Hi", 1))
    row = model.append(ChatTurn("assistant", "", streaming=True))
    qtmodeltester.check(model)
    model.append_text(row, "Hel")
    model.append_text(row, "lo")
    assert model.index(row).data() == "Hello"
    assert model.index(row).data(MessageListModel.StreamingRole) is True
    assert [m.content for m in model.history()] == ["Hi"]
    model.update(row, streaming=False, message_id=2)
    assert [(m.role, m.content) for m in model.history()] == [("user", "Hi"),
                                                              ("assistant", "Hello")]
    model.truncate(1)
    assert model.rowCount(QModelIndex()) == 1
    model.truncate(5)
    assert model.rowCount() == 1
