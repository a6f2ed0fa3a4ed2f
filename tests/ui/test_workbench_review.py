"""File ▸ Export review file / Import review in the window: the reviewer's changes are
one undo step, a conflict waits as a proposal in the panel, comments are said."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from bayling_desktop.config import Settings
from bayling_desktop.translation.review import COMMENT, TARGET
from bayling_desktop.ui.main_window import MainWindow

MakeWindow = Callable[[Settings], MainWindow]
SOURCES = ["The cat sleeps.", "The dog barks.", "Birds sing."]
DRAFTS = ["猫在睡觉。", "狗在叫。", "鸟儿在唱歌。"]


def test_review_round_trip_in_the_window(make_window: MakeWindow, qtbot: QtBot,
                                         tmp_path: Path) -> None:
    from openpyxl import load_workbook

    window = make_window(Settings(source_language="en", target_language="zh"))
    window.stack.setCurrentWidget(window.tabs)
    ws = window.translate
    path = tmp_path / "story.txt"
    path.write_text("\n\n".join(SOURCES) + "\n", encoding="utf-8")
    with qtbot.waitSignal(ws.model.modelReset, timeout=10_000):
        ws.open_paths([path])
    doc = ws.current
    assert doc is not None
    for index, text in enumerate(DRAFTS):
        ws.controller.editing.apply_target(doc, index, text, "draft", "model")
    assert window.workbench.export_review_action.shortcut().toString() == "Ctrl+Shift+E"
    assert window.workbench.import_review_action.shortcut().toString() == "Ctrl+Shift+I"
    review = tmp_path / "story.review.xlsx"
    assert ws.review_files.export_file(review)
    assert "story.review.xlsx" in ws.message_label.text()
    # the reviewer, in Excel
    book = load_workbook(review)
    sheet = book.active
    assert sheet is not None
    sheet.cell(row=2, column=TARGET + 1, value="小猫在睡觉。")
    sheet.cell(row=3, column=TARGET + 1, value="狗在汪汪叫。")
    sheet.cell(row=4, column=COMMENT + 1, value="nice")
    book.save(review)
    # meanwhile, the translator edits segment 2 in the app
    ws.model.setData(ws.model.index(1, 2), "狗正在叫。")
    result = ws.review_files.import_file(review)
    assert result is not None
    assert (ws.model.row(0).target, ws.model.row(0).status) == ("小猫在睡觉。", "edited")
    assert ws.model.row(1).target == "狗正在叫。"  # the app's text stays…
    ws.select_segment(1)  # …and the reviewer's waits as a proposal
    assert ws.revision.candidate_text() == "狗在汪汪叫。"
    message = ws.message_label.text()
    assert "1 segments changed" in message and "#3: nice" in message
    assert "proposals" in message
    ws.undo_stack().undo()  # one step takes the import back
    assert ws.model.row(0).target == DRAFTS[0]
    assert doc.project is not None and doc.project.segments[0].target == DRAFTS[0]


def test_export_offers_xliff_and_tmx(make_window: MakeWindow, qtbot: QtBot, tmp_path: Path,
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtWidgets import QFileDialog

    from bayling_desktop.documents import open_document

    window = make_window(Settings(source_language="en", target_language="zh"))
    window.stack.setCurrentWidget(window.tabs)
    ws = window.translate
    path = tmp_path / "story.txt"
    path.write_text("\n\n".join(SOURCES) + "\n", encoding="utf-8")
    with qtbot.waitSignal(ws.model.modelReset, timeout=10_000):
        ws.open_paths([path])
    doc = ws.current
    assert doc is not None
    for index, text in enumerate(DRAFTS):
        ws.controller.editing.apply_target(doc, index, text, "approved", "user")
    offered: list[str] = []
    out = tmp_path / "story.xlf"

    def save_name(_parent: object, _title: str, _start: str, filters: str) -> tuple[str, str]:
        offered.extend(filters.split(";;"))
        return str(out), offered[3]

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_name)
    window.menus.export_action.trigger()  # File ▸ Export… (Ctrl+S)
    assert offered[3:] == ["XLIFF 1.2 for CAT tools (*.xlf)", "Translation memory (*.tmx)"]
    assert [u.source for u in open_document(out).units] == SOURCES
    assert "3 translated segments" in ws.message_label.text()
