"""What the main window keeps and routes: undo per workspace, recent files, its layout."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import QApplication, QFileDialog
from pytestqt.qtbot import QtBot

from bayling_desktop.app import isolate_qt_settings
from bayling_desktop.config import Settings, load_settings
from bayling_desktop.ui.main_window import MainWindow
from bayling_desktop.ui.recent_menu import MAX_RECENT, remember

MakeWindow = Callable[[Settings], MainWindow]


class Note(QUndoCommand):
    """An undoable change that only records what happened to it."""

    def __init__(self, log: list[str], name: str) -> None:
        super().__init__(name)
        self.log = log
        self.name = name

    def redo(self) -> None:
        self.log.append(f"do {self.name}")

    def undo(self) -> None:
        self.log.append(f"undo {self.name}")


def test_edit_undo_follows_the_visible_workspace(make_window: MakeWindow, qtbot: QtBot,
                                                 empty_model_cache: Path) -> None:
    window = make_window(Settings())
    window.stack.setCurrentWidget(window.tabs)
    window.tabs.setCurrentWidget(window.translate)
    log: list[str] = []
    assert not window.menus.undo_action.isEnabled()
    translate_stack = window.translate.undo_stack
    if not isinstance(translate_stack, QUndoStack):  # one stack per document: the shown one
        translate_stack = translate_stack()
    translate_stack.push(Note(log, "edit segment"))
    assert window.menus.undo_action.isEnabled() and not window.menus.redo_action.isEnabled()
    window.chat.undo_stack.push(Note(log, "rename chat"))
    window.menus.undo_action.trigger()
    assert log[-1] == "undo edit segment"  # the translate workspace is the one shown
    assert window.menus.redo_action.isEnabled()
    window.tabs.setCurrentWidget(window.chat)
    window.menus.undo_action.trigger()
    assert log[-1] == "undo rename chat"
    assert not window.menus.undo_action.isEnabled()
    window.tabs.setCurrentWidget(window.translate)
    window.menus.redo_action.trigger()
    assert log[-1] == "do edit segment"
    # Ctrl+Z in the segment table reaches the same stack
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2_000)
    window.translate.table.setFocus()
    qtbot.keyClick(window.translate.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: log[-1] == "undo edit segment", timeout=2_000)


def test_recent_files_are_kept_newest_first(make_window: MakeWindow, qtbot: QtBot,
                                            empty_model_cache: Path, tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    first, second = tmp_path / "one.txt", tmp_path / "two.txt"
    for path in (first, second):
        path.write_text("Hello", encoding="utf-8")
    window = make_window(Settings())
    window.translate.controller.pathsOpened.emit([first])
    window.translate.controller.pathsOpened.emit([second])
    window.translate.controller.pathsOpened.emit([first])
    assert load_settings().recent_files == [str(first), str(second)]
    window.menus.recent_menu.rebuild()
    names = [a.text() for a in window.menus.recent_menu.file_actions]
    assert names == ["&1 one.txt", "&2 two.txt"]
    opened: list[list[Path]] = []
    monkeypatch.setattr(window.translate, "open_paths", opened.append)
    window.tabs.setCurrentWidget(window.chat)
    next(a for a in window.menus.recent_menu.file_actions if a.data() == str(second)).trigger()
    assert opened == [[second]] and window.tabs.currentWidget() is window.translate
    second.unlink()
    next(a for a in window.menus.recent_menu.file_actions if a.data() == str(second)).trigger()
    assert opened == [[second]]  # a vanished file is not opened but dropped, with a word
    assert "two.txt" in window.statusBar().currentMessage()
    assert load_settings().recent_files == [str(first)]
    window.menus.recent_menu.clear_action.trigger()
    assert load_settings().recent_files == []
    assert not window.menus.recent_menu.menuAction().isEnabled()


def test_the_recent_list_is_bounded(tmp_path: Path) -> None:
    many = [tmp_path / f"{n}.txt" for n in range(MAX_RECENT + 5)]
    recent = remember([], many)
    assert len(recent) == MAX_RECENT and recent[0] == str(many[-1])


def test_window_geometry_survives_a_restart(make_window: MakeWindow, qtbot: QtBot,
                                            empty_model_cache: Path) -> None:
    window = make_window(Settings())
    # taller than the default (the offscreen screen is about as wide as the window)
    size = (window.width(), window.height() + 40)
    window.resize(*size)
    qtbot.waitUntil(lambda: (window.width(), window.height()) == size, timeout=2_000)
    window.close()
    saved = load_settings()
    assert saved.window_geometry and saved.window_state
    again = make_window(saved)
    again.restore_layout()
    # the height is ours; the width may be clamped to the small offscreen screen
    assert again.height() == size[1] and abs(again.width() - size[0]) <= 60
    broken = make_window(Settings(window_geometry="not base64!", window_state="%%"))
    broken.restore_layout()  # a damaged entry keeps the default size, no exception
    assert broken.width() > 0


def test_qt_settings_stay_in_the_app_folder(qtbot: QtBot, private_home: Path,
                                            tmp_path: Path) -> None:
    isolate_qt_settings()
    assert QSettings(QSettings.Scope.UserScope, "QtProject").fileName().startswith(
        str(private_home))
    dialog = QFileDialog(None, "Open", str(tmp_path))
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    dialog.setDirectory(str(tmp_path))
    dialog.deleteLater()
    del dialog
    qtbot.wait(50)
    written = list(private_home.rglob("QtProject.conf"))
    assert written, list(private_home.rglob("*"))


def test_quitting_during_a_run_asks_first(make_window: MakeWindow, qtbot: QtBot,
                                          empty_model_cache: Path,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    window = make_window(Settings())
    asked: list[bool] = []

    def confirm() -> bool:  # "no" the first time, "yes" after
        asked.append(True)
        return len(asked) > 1

    monkeypatch.setattr(window.translate, "confirm_close", confirm)
    window.close()
    assert window.isVisible() and asked == [True]  # "no": the window stays
    window.close()
    assert not window.isVisible() and asked == [True, True]
