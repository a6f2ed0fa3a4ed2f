"""The translator's tools, driven through the real widgets: replace with a preview and
one undo step, the right-click/Segment actions, status filters, Close document and
Help ▸ Keyboard shortcuts — each from its menu and its keys."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from bayling_desktop.config import Settings
from bayling_desktop.flags import TEMPLATES, Flag
from bayling_desktop.ui.main_window import MainWindow
from bayling_desktop.ui.translate.replace_dialog import ReplaceDialog
from bayling_desktop.ui.translate.segment_filter import (
    EXTRA,
    FIRST_EXTRA,
    FLAG_KINDS,
    STATUS_FILTERS,
    SegmentFilter,
)
from bayling_desktop.ui.translate.workspace_view import TranslateWorkspace

SOURCES = ["Send the e-mail today.", "The e-mail server is down.", "Call IT.",
           "ACME-42"]
DRAFTS = ["今天发送 e-mail。", "E-mail 服务器宕机了。", "打电话给 IT。", ""]

MakeWindow = Callable[[Settings], MainWindow]


def _open(window: MainWindow, qtbot: QtBot, path: Path, drafts: list[str]) -> TranslateWorkspace:
    ws = window.translate
    window.stack.setCurrentWidget(window.tabs)
    with qtbot.waitSignal(ws.model.modelReset, timeout=10_000):
        ws.open_paths([path])
    doc = ws.current
    assert doc is not None and doc.project is not None
    for index, text in enumerate(drafts):
        if text:
            ws.controller.editing.apply_target(doc, index, text, "draft", "model")
    return ws


@pytest.fixture
def story(tmp_path: Path) -> Path:
    path = tmp_path / "mail.txt"
    path.write_text("\n\n".join(SOURCES) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def window(make_window: MakeWindow) -> MainWindow:
    return make_window(Settings(source_language="en", target_language="zh"))


def test_ctrl_h_previews_and_replaces_in_the_targets_as_one_undo_step(
        window: MainWindow, qtbot: QtBot, story: Path) -> None:
    ws = _open(window, qtbot, story, DRAFTS)
    assert window.workbench.replace_action.shortcut().toString() == "Ctrl+H"
    ws.table.setFocus()
    qtbot.keyClick(ws.table, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)
    dialog = getattr(ws, "_replace_dialog", None)
    assert isinstance(dialog, ReplaceDialog) and dialog.isVisible()
    dialog.find_edit.setText("e-mail")
    dialog.replace_edit.setText("电子邮件")
    qtbot.keyClick(dialog.replace_edit, Qt.Key.Key_Return)  # Enter neither closes nor replaces
    assert dialog.isVisible() and ws.model.row(0).target == DRAFTS[0]
    dialog.refresh()
    # both translations, case-insensitive; the source (also "e-mail") is not offered
    assert dialog.preview.rowCount() == 2
    assert dialog.preview.item(1, 2).text() == "电子邮件 服务器宕机了。"
    assert "2 replacements in 2 segments" in dialog.summary.text()
    dialog.case_box.setChecked(True)
    dialog.refresh()
    assert dialog.preview.rowCount() == 1  # "E-mail" no longer matches
    dialog.case_box.setChecked(False)
    dialog.replace_button.click()
    assert [ws.model.row(n).target for n in (0, 1)] == ["今天发送 电子邮件。",
                                                        "电子邮件 服务器宕机了。"]
    assert {ws.model.row(n).status for n in (0, 1)} == {"edited"}
    assert ws.model.row(0).source == SOURCES[0]
    doc = ws.current
    assert doc is not None and doc.project is not None
    assert doc.project.segments[1].target == "电子邮件 服务器宕机了。"  # saved
    assert dialog.preview.rowCount() == 0  # nothing left to replace
    ws.undo_stack().undo()  # one step takes both back
    assert [ws.model.row(n).target for n in (0, 1)] == DRAFTS[:2]
    assert doc.project.segments[0].target == DRAFTS[0]


def test_segment_actions_from_the_right_click_menu_and_the_keys(
        window: MainWindow, qtbot: QtBot, story: Path) -> None:
    ws = _open(window, qtbot, story, DRAFTS)
    actions = ws.segment_actions
    menu = actions.menu()
    texts = [a.text() for a in menu.actions() if a.text()]
    assert texts == ["Copy source to target", "Clear translation", "Approve",
                     "Revise with BayLing…", "Add term…", "Search memory for this segment",
                     "Split segment…", "Merge with next segment"]
    assert ws.table.contextMenuPolicy() == Qt.ContextMenuPolicy.CustomContextMenu
    # the same actions are the Segment menu of the menu bar
    assert window.workbench.segment_menu.actions()[0] is actions.copy_source
    ws.select_segment(3)  # "ACME-42": a code, the source is the translation
    ctrl_shift = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(ws.table, Qt.Key.Key_R, ctrl_shift)  # the keys, as a translator does
    assert (ws.model.row(3).target, ws.model.row(3).status) == ("ACME-42", "edited")
    ws.select_segment(2)
    qtbot.keyClick(ws.table, Qt.Key.Key_D, ctrl_shift)
    assert (ws.model.row(2).target, ws.model.row(2).status) == ("", "new")
    ws.undo_stack().undo()
    assert ws.model.row(2).target == DRAFTS[2]
    ws.select_segment(0)
    actions.approve.trigger()
    assert ws.model.row(0).status == "approved"
    actions.revise.trigger()
    assert ws.revision.segment == 0
    actions.search_memory.trigger()
    assert ws.concordance is not None and ws.concordance.search.text() == SOURCES[0]


def test_add_term_goes_into_the_glossary_and_the_checks(
        window: MainWindow, qtbot: QtBot, story: Path) -> None:
    ws = _open(window, qtbot, story, DRAFTS)
    ws.select_segment(2)
    dialog = ws.segment_actions.add_term_dialog(run=False)
    assert dialog is not None
    assert dialog.source_edit.text() == "Call IT."  # short: likely a term itself
    dialog.source_edit.setText("server")
    dialog.target_edit.setText("伺服器")
    assert ws.segment_actions.add_term_from(dialog)
    doc = ws.current
    assert doc is not None and [t.target for t in doc.glossary.terms] == ["伺服器"]
    assert ws.model.row(1).flagged  # its translation says 服务器, not the required term


def test_filter_by_status(window: MainWindow, qtbot: QtBot, story: Path) -> None:
    ws = _open(window, qtbot, story, DRAFTS)
    ws.controller.editing.approve([1])
    combo = ws.bar.filter_combo
    assert combo.count() == SegmentFilter.STATUS + len(STATUS_FILTERS) + len(EXTRA)
    combo.setCurrentIndex(SegmentFilter.STATUS + STATUS_FILTERS.index("approved"))
    assert combo.currentText() == "Status: approved"
    assert ws.filter.rowCount() == 1 and ws.filter.index(0, 0).data() == "2"
    combo.setCurrentIndex(SegmentFilter.STATUS + STATUS_FILTERS.index("new"))
    assert ws.filter.rowCount() == 1 and ws.filter.index(0, 0).data() == "4"


def test_close_document_shows_the_next_then_nothing(
        window: MainWindow, qtbot: QtBot, story: Path, tmp_path: Path) -> None:
    other = tmp_path / "other.txt"
    other.write_text("Another file.\n", encoding="utf-8")
    ws = _open(window, qtbot, story, DRAFTS)
    with qtbot.waitSignal(ws.model.modelReset, timeout=10_000):
        ws.open_paths([other])
    assert ws.current is not None and ws.current.document.path == other
    assert window.workbench.close_action.shortcut().toString() == "Ctrl+W"
    window.workbench.close_action.trigger()
    assert ws.current is not None and ws.current.document.path == story
    assert ws.bar.document_combo.count() == 1
    assert "Closed other.txt" in ws.message_label.text()
    window.workbench.close_action.trigger()
    assert ws.current is None and ws.model.rowCount() == 0
    assert ws.bar.document_combo.count() == 0
    assert not ws.bar.translate_all_button.isEnabled()
    with qtbot.waitSignal(ws.model.modelReset, timeout=10_000):
        ws.open_paths([story])  # the project lock was let go: it opens again, work kept
    assert ws.model.row(0).target == DRAFTS[0]


def test_keyboard_shortcuts_lists_every_shortcut_from_the_actions(
        window: MainWindow) -> None:
    assert window.workbench.shortcuts_action.shortcut().toString() == "F1"
    dialog = window.workbench.show_shortcuts()
    rows = {dialog.table.item(n, 0).text(): dialog.table.item(n, 1).text()
            for n in range(dialog.table.rowCount())}
    assert rows["Edit ▸ Replace in translations"] == "Ctrl+H"
    assert rows["File ▸ Close document"] == "Ctrl+W"
    assert rows["Segment ▸ Copy source to target"] == "Ctrl+Shift+R"
    assert rows["Next flagged"] == "F8"
    assert rows["Help ▸ Keyboard shortcuts"] == "F1"
    dialog.close()


def test_every_flag_code_has_a_kind_in_the_filter_menu() -> None:
    kinds = [code for codes in FLAG_KINDS.values() for code in codes]
    assert sorted(kinds) == sorted(TEMPLATES)  # a new code needs its kind here


def test_filter_by_flag_kind_and_by_memory(window: MainWindow, qtbot: QtBot,
                                           story: Path) -> None:
    ws = _open(window, qtbot, story, DRAFTS)
    doc = ws.current
    assert doc is not None and doc.project is not None
    ws.model.update_row(0, flags=[Flag("numbers", {"missing": "30", "extra": ""})])
    ws.model.update_row(1, flags=[Flag("glossary", {"source": "server", "target": "伺服器"})])
    doc.project.set_target(2, DRAFTS[2], "draft", "memory")  # the memory gave this one
    combo = ws.bar.filter_combo
    combo.setCurrentIndex(FIRST_EXTRA + EXTRA.index("numbers"))
    assert combo.currentText() == "Flagged: numbers"
    assert [ws.filter.index(n, 0).data() for n in range(ws.filter.rowCount())] == ["1"]
    combo.setCurrentIndex(FIRST_EXTRA + EXTRA.index("glossary"))
    assert [ws.filter.index(n, 0).data() for n in range(ws.filter.rowCount())] == ["2"]
    combo.setCurrentIndex(FIRST_EXTRA + EXTRA.index("memory"))
    assert [ws.filter.index(n, 0).data() for n in range(ws.filter.rowCount())] == ["3"]
    combo.setCurrentIndex(0)  # all again: the kind's test is gone too
    assert ws.filter.rowCount() == len(SOURCES)


def test_keyboard_shortcuts_in_chinese_read_without_mnemonics(window: MainWindow,
                                                               qtbot: QtBot) -> None:
    window.translators.install("zh_CN")
    try:
        qtbot.waitUntil(lambda: window.workbench.close_action.text() != "&Close document")
        dialog = window.workbench.show_shortcuts()
        names = [dialog.table.item(n, 0).text() for n in range(dialog.table.rowCount())]
        assert "文件 ▸ 关闭文档" in names
        assert not any("(&" in name or "(F)" in name for name in names)
        dialog.close()
    finally:
        window.translators.install("en")
