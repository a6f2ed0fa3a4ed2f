"""Chat workspace behaviour that needs no model: list, search, rename, delete/undo, export."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from bayling_desktop.config import Settings
from bayling_desktop.engine.backend import Backend
from bayling_desktop.storage.chats import ChatStore, default_chats_path
from bayling_desktop.ui.chat.workspace import ChatWorkspace, title_from
from bayling_desktop.ui.worker import ModelClient

from .fake_backend import EchoBackend


@pytest.fixture
def workspace(qtbot: QtBot, client: ModelClient) -> Iterator[ChatWorkspace]:
    store = ChatStore(default_chats_path())
    for title, text in (("Pets", "my cat is orange"), ("Food", "noodles with chili"),
                        ("Trips", "a train to Xi'an")):
        chat = store.create(title)
        store.add_message(chat.id, "user", text)
        store.add_message(chat.id, "assistant", f"reply about {title}")
    widget = ChatWorkspace(client, Settings(), store)
    qtbot.addWidget(widget)
    widget.show()
    yield widget
    widget.shutdown()


def titles(workspace: ChatWorkspace) -> list[str]:
    model = workspace.filter
    return [model.index(row, 0).data() for row in range(model.rowCount())]


def test_history_is_restored_and_the_latest_chat_opened(workspace: ChatWorkspace) -> None:
    assert titles(workspace) == ["Trips", "Food", "Pets"]
    assert workspace.conversations.title_of(workspace.current_id or -1) == "Trips"
    assert [t.content for t in workspace.messages.turns] == ["a train to Xi'an",
                                                             "reply about Trips"]
    assert len(workspace.transcript.views) == 2
    assert workspace.chats.list_view.currentIndex().data() == "Trips"


def test_selecting_a_conversation_opens_it(workspace: ChatWorkspace) -> None:
    workspace.chats.list_view.setCurrentIndex(workspace.filter.index(2, 0))
    assert workspace.messages.turns[0].content == "my cat is orange"
    assert workspace.transcript.views[0].body.toPlainText() == "my cat is orange"


def test_search_filters_by_message_text(workspace: ChatWorkspace, qtbot: QtBot) -> None:
    workspace.focus_find()
    assert workspace.chats.search_edit.hasFocus() or not workspace.isActiveWindow()
    qtbot.keyClicks(workspace.chats.search_edit, "CHILI")
    qtbot.waitUntil(lambda: titles(workspace) == ["Food"], timeout=2_000)
    workspace.chats.search_edit.clear()
    qtbot.waitUntil(lambda: len(titles(workspace)) == 3, timeout=2_000)


def test_delete_then_undo_from_the_bar(workspace: ChatWorkspace) -> None:
    doomed = workspace.current_id
    workspace.chats.delete_button.click()
    assert titles(workspace) == ["Food", "Pets"]
    # The neighbouring chat opens in its place.
    assert workspace.current_id != doomed
    assert workspace.messages.turns[0].content == "noodles with chili"
    assert workspace.chats.undo_bar.isVisibleTo(workspace)
    assert workspace.undo_stack.canUndo()
    workspace.chats.undo_button.click()
    assert titles(workspace) == ["Trips", "Food", "Pets"]
    assert not workspace.chats.undo_bar.isVisibleTo(workspace)
    assert doomed is not None and workspace.store.conversation(doomed) is not None


def test_a_deletion_not_undone_is_gone_after_a_restart(workspace: ChatWorkspace) -> None:
    workspace.delete_current()
    workspace.store.close()
    assert [c.title for c in ChatStore(default_chats_path()).conversations()] == [
        "Food", "Pets"]


def test_rename_is_undoable(workspace: ChatWorkspace) -> None:
    chat = workspace.current_id or -1
    workspace.rename_current("Trains")
    assert workspace.conversations.title_of(chat) == "Trains"
    assert workspace.store.conversation(chat).title == "Trains"  # type: ignore[union-attr]
    workspace.undo_stack.undo()
    assert workspace.store.conversation(chat).title == "Trips"  # type: ignore[union-attr]


def test_new_chat_starts_empty_and_stores_nothing_until_sent(
        workspace: ChatWorkspace) -> None:
    workspace.chats.new_button.click()
    assert workspace.current_id is None and workspace.messages.rowCount() == 0
    assert len(workspace.store.conversations()) == 3


def test_send_without_a_model_reports_why(workspace: ChatWorkspace, qtbot: QtBot,
                                          tmp_path: Path) -> None:
    broken = tmp_path / "nothing.gguf"
    with qtbot.waitSignal(workspace.client.modelFailed, timeout=10_000):
        workspace.client.load(Settings(model_path=str(broken)))
    workspace.input_edit.setPlainText("hello?")
    with qtbot.waitSignal(workspace.streamingChanged, timeout=5_000,
                          check_params_cb=lambda busy: not busy):
        workspace.send()
    assert "nothing.gguf" in workspace.notice_label.text()
    assert workspace.notice_label.isVisibleTo(workspace)
    # The question is kept; the empty reply is not.
    assert [t.role for t in workspace.messages.turns][-1] == "user"


def test_export_writes_markdown(workspace: ChatWorkspace, tmp_path: Path,
                                monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "trip.md"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *args, **kwargs: (str(target), "")))
    assert workspace.export_current() == target
    text = target.read_text(encoding="utf-8")
    assert text.startswith("# Trips") and "reply about Trips" in text


def test_titles_are_short_first_lines() -> None:
    assert title_from("  Hello there\nsecond line") == "Hello there"
    long = title_from("x" * 100)
    assert len(long) == 40 and long.endswith("…")


def test_a_long_title_is_elided_to_the_list_width(workspace: ChatWorkspace,
                                                  qtbot: QtBot) -> None:
    long = "A very long conversation title " * 6
    workspace.rename_current(long)
    view = workspace.chats.list_view
    qtbot.waitUntil(lambda: view.model().index(0, 0).data() == long.strip(), timeout=2_000)
    index = view.model().index(0, 0)
    # the item is as wide as the list (the style elides the text into it), no side scrolling
    assert view.visualRect(index).width() <= view.viewport().width()
    assert view.horizontalScrollBar().maximum() == 0
    assert index.data(Qt.ItemDataRole.ToolTipRole) == long.strip()


def test_a_stopped_reply_is_still_marked_incomplete_after_a_restart(
        qtbot: QtBot, loaded_client: Callable[[Backend], ModelClient]) -> None:
    client = loaded_client(EchoBackend(piece_delay=0.05))
    chat = ChatWorkspace(client, Settings(), ChatStore(default_chats_path()))
    qtbot.addWidget(chat)
    chat.show()
    chat.input_edit.setPlainText("one two three four five six seven eight nine ten eleven")
    with qtbot.waitSignal(client.piece, timeout=10_000):
        chat.send()
    with qtbot.waitSignal(chat.streamingChanged, timeout=10_000):
        chat.stop()
    partial = chat.messages.turns[1].content
    assert chat.messages.turns[1].stopped and partial.strip()
    conversation = chat.current_id
    chat.shutdown()
    assert client.shutdown()

    again = ChatWorkspace(ModelClient(), Settings(), ChatStore(default_chats_path()))
    qtbot.addWidget(again)
    again.show()
    assert again.current_id == conversation
    turns = again.messages.turns
    assert [(t.content, t.stopped) for t in turns] == [
        ("one two three four five six seven eight nine ten eleven", False), (partial, True)]
    assert again.transcript.views[1].stopped_label.isVisibleTo(again)
    assert not again.transcript.views[0].stopped_label.isVisibleTo(again)
    again.shutdown()
    assert again.client.shutdown()


def test_a_reply_replaced_at_once_takes_the_old_ones_place(workspace: ChatWorkspace) -> None:
    from bayling_desktop.ui.chat.messages import ChatTurn

    messages = workspace.messages
    messages.truncate(1)  # regenerate: the last reply goes and a new one streams at once
    messages.append(ChatTurn("assistant", "a new reply", streaming=True))
    layout = workspace.transcript.widget().layout()
    shown = [layout.itemAt(i).widget() for i in range(layout.count())]
    # the old reply's view left the layout, not only the list (it is deleted later)
    assert [w for w in shown if w is not None] == workspace.transcript.views
    assert [v.body.toPlainText() for v in workspace.transcript.views] == [
        "a train to Xi'an", "a new reply"]
