"""First start without a model: a document opened (on the command line or with Ctrl+O)
shows at once; the model is chosen when a translation is asked for."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from bayling_desktop.config import Settings
from bayling_desktop.engine.backend import Backend
from bayling_desktop.ui.main_window import MainWindow

MakeWindow = Callable[[Settings], MainWindow]


def _letter(tmp_path: Path) -> Path:
    path = tmp_path / "letter.txt"
    path.write_text("The parcel arrives on Monday.\n\nPlease sign the form.\n",
                    encoding="utf-8")
    return path


def test_a_file_given_on_the_command_line_opens_before_any_model_is_chosen(
        make_window: MakeWindow, qtbot: QtBot, empty_model_cache: Path,
        tmp_path: Path) -> None:
    window = make_window(Settings())
    window.open_files([_letter(tmp_path)])  # what app.main does before start() runs
    window.start()
    workspace = window.translate
    assert window.stack.currentWidget() is window.tabs  # no welcome page over it
    qtbot.waitUntil(lambda: workspace.current is not None, timeout=10_000)
    assert [row.source for row in workspace.current.rows] == [  # type: ignore[union-attr]
        "The parcel arrives on Monday.", "Please sign the form."]
    assert not window.client.loading  # nothing loads behind the user's back
    # a translation asked for: the model is chosen now, and the document waits behind
    assert not workspace.controller.runs.start(None)
    assert window.stack.currentWidget() is window.welcome
    assert window.welcome.back_button.isVisible()
    assert "document stays open" in window.welcome.status.text()
    window.welcome.back_button.click()
    assert window.stack.currentWidget() is window.tabs
    assert workspace.current is not None and not workspace.controller.runs.running


def test_ctrl_o_on_the_welcome_page_opens_the_document_there_and_then(
        make_window: MakeWindow, qtbot: QtBot, empty_model_cache: Path, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    window = make_window(Settings())
    window.start()
    assert window.stack.currentWidget() is window.welcome
    letter = _letter(tmp_path)
    monkeypatch.setattr(QFileDialog, "getOpenFileNames",
                        lambda *args, **kwargs: ([str(letter)], ""))
    window.menus.open_action.trigger()
    assert window.stack.currentWidget() is window.tabs
    qtbot.waitUntil(lambda: window.translate.current is not None, timeout=10_000)
    assert window.translate.current.document.path == letter  # type: ignore[union-attr]
    assert "letter.txt: 2 segments." in window.translate.message_label.text()


def test_the_translation_asked_for_starts_once_the_chosen_model_is_loaded(
        make_window: MakeWindow, qtbot: QtBot, empty_model_cache: Path, tmp_path: Path,
        serve: Callable[[Backend], Backend]) -> None:
    from .fake_backend import EchoBackend

    serve(EchoBackend())  # the built-in model, as a backend that echoes (no weights here)
    window = make_window(Settings(source_language="en", target_language="zh"))
    window.open_files([_letter(tmp_path)])
    window.start()
    workspace = window.translate
    qtbot.waitUntil(lambda: workspace.current is not None, timeout=10_000)
    workspace.translate_all()
    assert window.stack.currentWidget() is window.welcome
    busy: list[bool] = []
    workspace.controller.busyChanged.connect(busy.append)
    window.welcome.builtin_button.click()
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.tabs, timeout=10_000)
    qtbot.waitUntil(lambda: True in busy, timeout=10_000)  # it started by itself
    qtbot.waitUntil(lambda: not workspace.controller.runs.running, timeout=30_000)
    # every segment went through the model (an echo is refused as untranslated: "error")
    assert {row.status for row in workspace.current.rows} <= {  # type: ignore[union-attr]
        "draft", "error"}


def test_going_back_without_a_model_starts_nothing_later(
        make_window: MakeWindow, qtbot: QtBot, empty_model_cache: Path, tmp_path: Path,
        serve: Callable[[Backend], Backend]) -> None:
    from .fake_backend import EchoBackend

    serve(EchoBackend())
    window = make_window(Settings(source_language="en", target_language="zh"))
    window.open_files([_letter(tmp_path)])
    window.start()
    workspace = window.translate
    qtbot.waitUntil(lambda: workspace.current is not None, timeout=10_000)
    workspace.translate_all()
    window.welcome.back_button.click()
    with qtbot.waitSignal(window.client.modelLoaded, timeout=10_000):
        window.load_model()  # chosen later, another way (Model ▸ Reload)
    qtbot.wait(200)
    assert not workspace.controller.runs.running
    assert workspace.model.counts()[0] == 0
