"""The Chat workspace against the real test model (short, greedy replies)."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from pytestqt.qtbot import QtBot

from bayling_desktop.config import Settings
from bayling_desktop.storage.chats import ChatStore, default_chats_path
from bayling_desktop.ui.main_window import MainWindow

pytestmark = pytest.mark.model
MakeWindow = Callable[[Settings], MainWindow]


def loaded_chat_window(make_window: MakeWindow, qtbot: QtBot,
                       settings: Settings) -> MainWindow:
    window = make_window(settings)
    with qtbot.waitSignal(window.client.modelLoaded, timeout=60_000):
        window.start()
    window.tabs.setCurrentWidget(window.chat)
    return window


def stored(window: MainWindow) -> list[tuple[str, str]]:
    assert window.chat.current_id is not None
    return [(m.role, m.content) for m in window.chat.store.messages(window.chat.current_id)]


def test_send_streams_a_reply_then_regenerate_and_edit(
        make_window: MakeWindow, qtbot: QtBot, model_settings: Settings) -> None:
    window = loaded_chat_window(make_window, qtbot, model_settings)
    chat = window.chat
    assert window.format_label.text() == "Format: gguf"
    # the model library's name for the built-in model, not the GGUF's "… AWQ"; the format
    # is said once, in its own label
    assert window.model_label.text() == "Qwen2.5-Coder-0.5B-Instruct (Q4_K_M)"
    chat.input_edit.setFocus()
    chat.input_edit.setPlainText("What is the capital of France?")
    with qtbot.waitSignal(window.client.piece, timeout=30_000):
        qtbot.keyClick(chat.input_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    # The first batch of text is already in the transcript while the reply streams.
    assert chat.streaming and window.menus.stop_action.isEnabled()
    assert chat.transcript.views[1].body.toPlainText().strip()
    assert chat.input_edit.toPlainText() == ""
    with qtbot.waitSignal(chat.replyFinished, timeout=30_000) as done:
        pass
    result = done.args[0]
    assert not chat.streaming and not window.menus.stop_action.isEnabled()
    assert [r for r, _ in stored(window)] == ["user", "assistant"]
    reply = stored(window)[1][1]
    assert reply == result.text and reply.strip()
    assert not chat.messages.turns[1].stopped
    assert not chat.transcript.views[1].stopped_label.isVisibleTo(chat)
    assert chat.messages.turns[1].content == reply
    # idle now: the live speed is gone (it would be stale); the reply's own speed stays
    assert window.speed_label.text() == ""
    assert "Last reply:" in window.context_label.toolTip()
    assert "tokens/s" in window.context_label.toolTip()
    assert f"/ {model_settings.context_length}" in window.context_label.text()
    title = chat.conversations.title_of(chat.current_id or -1)
    assert title == "What is the capital of France?"

    # Copy puts the reply on the clipboard.
    chat.transcript.views[1].copy_button.click()
    assert QGuiApplication.clipboard().text() == reply

    # Regenerate drops the last reply and streams a new one (greedy: the same text).
    assert chat.transcript.views[1].regenerate_button.isVisible()
    with (qtbot.waitSignal(chat.messages.rowsRemoved, timeout=1_000),
          qtbot.waitSignal(chat.replyFinished, timeout=30_000)):
        chat.transcript.views[1].regenerate_button.click()
    assert [r for r, _ in stored(window)] == ["user", "assistant"]
    assert stored(window)[1][1] == reply
    assert len(chat.transcript.views) == 2

    # Edit-and-resend replaces the question and everything after it.
    chat.transcript.views[0].edit_button.click()
    assert chat.input_edit.toPlainText() == "What is the capital of France?"
    assert chat.edit_banner.isVisibleTo(chat)
    chat.input_edit.setPlainText("What is the capital of Italy?")
    with qtbot.waitSignal(chat.replyFinished, timeout=30_000):
        chat.send_button.click()
    roles_texts = stored(window)
    assert [r for r, _ in roles_texts] == ["user", "assistant"]
    assert roles_texts[0][1] == "What is the capital of Italy?"
    assert not chat.edit_banner.isVisibleTo(chat)


def test_stop_while_streaming_keeps_the_partial_reply(
        make_window: MakeWindow, qtbot: QtBot, model_settings: Settings) -> None:
    settings = dataclasses.replace(model_settings, max_tokens=300)
    window = loaded_chat_window(make_window, qtbot, settings)
    chat = window.chat
    chat.input_edit.setPlainText("Count from 1 to 100, one number per line.")
    with qtbot.waitSignal(window.client.piece, timeout=30_000):
        chat.send()
    with (qtbot.assertNotEmitted(chat.replyFinished),
          qtbot.waitSignal(chat.streamingChanged, timeout=10_000) as ended):
        window.menus.stop_action.trigger()  # Esc
    assert ended.args == [False]
    assert not window.client.busy
    kept = chat.messages.turns[1]
    assert not kept.streaming and kept.content.strip()
    # marked as cut short, so it does not pass for a finished answer
    assert kept.stopped and chat.transcript.views[1].stopped_label.isVisibleTo(chat)
    assert "Stopped" in chat.transcript.views[1].stopped_label.text()
    assert stored(window) == [("user", "Count from 1 to 100, one number per line."),
                              ("assistant", kept.content)]
    # Far less than the 300 tokens a full answer takes (a number and a newline each).
    assert kept.content.count("\n") < 60


def test_a_chat_survives_closing_and_reopening_the_window(
        make_window: MakeWindow, qtbot: QtBot, model_settings: Settings,
        private_home: Path) -> None:
    window = loaded_chat_window(make_window, qtbot, model_settings)
    window.chat.input_edit.setPlainText("Say hi.")
    with qtbot.waitSignal(window.chat.replyFinished, timeout=30_000):
        window.chat.send()
    before = stored(window)
    conversation = window.chat.current_id
    window.close()
    assert default_chats_path().is_relative_to(private_home)

    again = make_window(model_settings)  # same BAYLING_DESKTOP_HOME, nothing loaded yet
    assert again.chat.current_id == conversation
    assert stored(again) == before
    assert [t.content for t in again.chat.messages.turns] == [c for _, c in before]
    assert again.chat.transcript.views[1].body.toPlainText().strip()
    ChatStore(default_chats_path()).close()  # the file is a healthy database
