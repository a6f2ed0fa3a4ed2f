"""Segment ▸ Split segment (Ctrl+T) and Merge with next segment (Ctrl+J), through the real
widgets: the dialog's cursor and preview, the rows, undo and redo, the menus, and a
document reopened with its pieces."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from bayling_desktop.config import Settings
from bayling_desktop.ui.help_shortcuts import shortcut_rows
from bayling_desktop.ui.main_window import MainWindow
from bayling_desktop.ui.translate.workspace_view import TranslateWorkspace

FIRST = "Send the {report} today.  The server is down."
SECOND = "Call IT."
DRAFT = "今天发送 {report}。服务器宕机了。"

MakeWindow = Callable[[Settings], MainWindow]


@pytest.fixture
def window(make_window: MakeWindow) -> MainWindow:
    return make_window(Settings(source_language="en", target_language="zh"))


@pytest.fixture
def mail(tmp_path: Path) -> Path:
    path = tmp_path / "mail.txt"
    path.write_text(f"{FIRST}\n\n{SECOND}\n", encoding="utf-8")
    return path


def _open(window: MainWindow, qtbot: QtBot, path: Path) -> TranslateWorkspace:
    ws = window.translate
    window.stack.setCurrentWidget(window.tabs)
    with qtbot.waitSignal(ws.model.modelReset, timeout=10_000):
        ws.open_paths([path])
    return ws


def _sources(ws: TranslateWorkspace) -> list[str]:
    return [ws.model.row(n).source for n in range(ws.model.rowCount())]


def test_ctrl_t_splits_at_the_cursor_and_ctrl_z_puts_the_segment_back(
        window: MainWindow, qtbot: QtBot, mail: Path) -> None:
    ws = _open(window, qtbot, mail)
    doc = ws.current
    assert doc is not None
    ws.controller.editing.apply_target(doc, 0, DRAFT, "draft", "model")
    ws.select_segment(0)
    splitting = ws.segment_actions.splitting
    assert splitting.split_action.shortcut().toString() == "Ctrl+T"
    seen: dict[str, object] = {}

    def in_the_dialog() -> None:
        dialog = splitting.dialog
        assert dialog is not None and dialog.isVisible()
        split = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
        seen["start"] = dialog.offset()  # the sentence end nearest the middle
        dialog.set_offset(FIRST.index("port}"))  # inside the placeholder: refused
        seen["inside"] = split.isEnabled()
        seen["why"] = dialog.preview.text()
        dialog.set_offset(FIRST.index("The server"))
        seen["preview"] = dialog.preview.text()
        qtbot.keyClick(dialog.text, Qt.Key.Key_Return)

    QTimer.singleShot(0, in_the_dialog)
    splitting.split_action.trigger()
    assert seen["start"] == FIRST.index("The server")
    assert seen["inside"] is False and "cannot be split here" in str(seen["why"])
    assert seen["preview"] == "1: Send the {report} today.\n2: The server is down."
    assert _sources(ws) == ["Send the {report} today.", "The server is down.", SECOND]
    assert [ws.model.row(n).target for n in (0, 1)] == ["今天发送 {report}。", "服务器宕机了。"]
    assert ws.model.row(2).idx == 2 and ws.current is doc and len(doc.sizes) == 3
    assert "now segments 1 and 2" in ws.message_label.text()
    assert doc.session.translations() == {"p1": DRAFT}  # export joins them
    ws.undo_stack().undo()
    assert _sources(ws) == [FIRST, SECOND]
    assert (ws.model.row(0).target, ws.model.row(0).status) == (DRAFT, "draft")
    assert doc.project is not None and doc.project.segments[0].target == DRAFT
    ws.undo_stack().redo()
    assert _sources(ws)[:2] == ["Send the {report} today.", "The server is down."]


def test_ctrl_j_merges_only_the_pieces_of_one_paragraph(
        window: MainWindow, qtbot: QtBot, mail: Path) -> None:
    ws = _open(window, qtbot, mail)
    splitting = ws.segment_actions.splitting
    ws.select_segment(0)
    assert splitting.split_at(FIRST.index("The server"))
    ws.select_segment(1)  # the paragraph's last piece: the next segment is another one
    splitting.update_enabled()
    assert not splitting.merge_action.isEnabled()
    assert not splitting.merge()
    assert "last piece of its paragraph" in ws.message_label.text()
    ws.select_segment(0)
    splitting.update_enabled()
    assert splitting.merge_action.isEnabled()
    ws.table.setFocus()
    qtbot.keyClick(ws.table, Qt.Key.Key_J, Qt.KeyboardModifier.ControlModifier)
    assert _sources(ws) == [FIRST, SECOND]
    ws.undo_stack().undo()
    assert len(_sources(ws)) == 3


def test_the_pieces_are_in_both_menus_and_the_shortcut_list_and_survive_reopening(
        window: MainWindow, qtbot: QtBot, mail: Path) -> None:
    ws = _open(window, qtbot, mail)
    splitting = ws.segment_actions.splitting
    menu_actions = window.workbench.segment_menu.actions()
    assert splitting.split_action in menu_actions and splitting.merge_action in menu_actions
    context = [a.text() for a in ws.segment_actions.menu().actions()]
    assert "Split segment…" in context and "Merge with next segment" in context
    keys = dict(shortcut_rows(window, [ws]))
    assert keys["Segment ▸ Split segment"] == "Ctrl+T"
    assert keys["Segment ▸ Merge with next segment"] == "Ctrl+J"
    ws.select_segment(0)
    splitting.split_at(FIRST.index("The server"))
    assert ws.controller.close_current()
    with qtbot.waitSignal(ws.model.modelReset, timeout=10_000):
        ws.open_paths([mail])
    assert _sources(ws) == ["Send the {report} today.", "The server is down.", SECOND]


def test_each_target_language_keeps_its_own_pieces(window: MainWindow, qtbot: QtBot,
                                                    mail: Path) -> None:
    ws = _open(window, qtbot, mail)
    doc = ws.current
    assert doc is not None
    ws.select_segment(0)
    ws.segment_actions.splitting.split_at(FIRST.index("The server"))
    assert ws.undo_stack().canUndo()
    bar = ws.bar
    bar.target_combo.setCurrentIndex(bar.target_combo.findData("fr"))  # not split there
    assert doc.target == "fr" and _sources(ws) == [FIRST, SECOND]
    assert len(doc.sizes) == 2
    assert not ws.undo_stack().canUndo()  # the Chinese project's steps do not apply here
    bar.target_combo.setCurrentIndex(bar.target_combo.findData("zh"))
    assert _sources(ws) == ["Send the {report} today.", "The server is down.", SECOND]


def test_a_database_that_cannot_be_written_changes_nothing_and_says_why(
        window: MainWindow, qtbot: QtBot, mail: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from bayling_desktop.storage.database import StorageError

    ws = _open(window, qtbot, mail)
    doc = ws.current
    assert doc is not None and doc.session.store is not None

    def full_disk(*_args: object, **_kwargs: object) -> list[int]:
        # what the store raises when SQLite reports a full disk (cannot be made real here)
        raise StorageError("database_disk_full", path="projects.sqlite3")

    monkeypatch.setattr(doc.session.store, "replace_segments", full_disk)
    ws.select_segment(0)
    assert not ws.segment_actions.splitting.split_at(FIRST.index("The server"))
    assert _sources(ws) == [FIRST, SECOND]
    assert doc.project is not None and [s.source for s in doc.project.segments] == [FIRST,
                                                                                    SECOND]
    assert "projects.sqlite3 is full" in ws.message_label.text()
    assert not ws.undo_stack().canUndo()
