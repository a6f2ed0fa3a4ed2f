"""Restart restores the desk: the documents that were open come back in their language
pairs, with their statuses, flags (glossary flags included) and selected segments, and the
one that was on screen is on screen again."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from pytestqt.qtbot import QtBot

from bayling_desktop.config import Settings, load_settings
from bayling_desktop.translation.glossary import Glossary
from bayling_desktop.ui.main_window import MainWindow
from bayling_desktop.ui.translate.workspace_view import TranslateWorkspace

MakeWindow = Callable[[Settings], MainWindow]

ENGLISH = ["The parcel arrives on Monday.", "It weighs twelve kilograms.",
           "The courier will call you first."]
CHINESE = ["包裹周一到达，快递员会先给您打电话。", "请在收货时签字确认，谢谢您的订购。"]


def wait_open(ws: TranslateWorkspace, qtbot: QtBot, count: int) -> None:
    qtbot.waitUntil(lambda: len(ws.controller.docs) == count and ws.current is not None,
                    timeout=10_000)


def test_the_open_documents_come_back_as_they_were_left(
        make_window: MakeWindow, qtbot: QtBot, empty_model_cache: Path,
        tmp_path: Path) -> None:
    english, chinese = tmp_path / "order.txt", tmp_path / "note.txt"
    english.write_text("\n\n".join(ENGLISH) + "\n", encoding="utf-8")
    chinese.write_text("\n\n".join(CHINESE) + "\n", encoding="utf-8")
    window = make_window(Settings(target_language="zh"))
    ws = window.translate
    window.open_files([chinese, english])
    wait_open(ws, qtbot, 2)
    note, order = ws.controller.docs[chinese], ws.controller.docs[english]
    # a Chinese text is not opened "to Chinese": the preferred target is its own language
    assert (note.source_choice, note.target) == ("auto", "en")
    assert ws.current is note
    # the user works on the English file: another target, a typed translation, a glossary
    ws.bar.document_combo.setCurrentIndex(ws.bar.document_combo.findData(str(english)))
    assert ws.current is order and order.target == "zh"
    ws.bar.select_language(ws.bar.target_combo, "ja")
    ws.bar.target_combo.currentIndexChanged.emit(ws.bar.target_combo.currentIndex())
    assert order.target == "ja" and order.project is not None
    ws.controller.editing.apply_target(order, 0, "小包は月曜日に届きます。", "edited")
    ws.controller.editing.apply_target(order, 2, "宅配業者が先に電話します。", "edited")
    # the glossary comes after the translations: its check flags segment 3 then
    ws.glossary_actions.set_glossary(Glossary.from_pairs([("parcel", "小包"),
                                                          ("courier", "配達員")]))
    flags = [row.flags for row in order.rows]
    assert flags[0] == [] and any("配達員" in str(flag) for flag in flags[2])
    ws.select_segment(2)
    left = [(row.status, row.target, row.flags) for row in order.rows]
    window.close()

    saved = load_settings()
    assert [entry["path"] for entry in saved.open_documents] == [str(chinese), str(english)]
    again = make_window(saved)
    again.restore_layout()
    ws = again.translate
    wait_open(ws, qtbot, 2)
    qtbot.waitUntil(lambda: ws.current is not None and ws.current.document.path == english,
                    timeout=10_000)
    order = ws.current
    assert (order.source_choice, order.target) == ("auto", "ja")
    assert ws.target_language().code == "ja"  # the pickers show its pair
    assert [(row.status, row.target, row.flags) for row in order.rows] == left
    assert [(row.status, row.target, row.flags) for row in ws.model.rows()] == left
    assert order.glossary.as_dict() == {"parcel": "小包", "courier": "配達員"}
    assert ws.filter.mapToSource(ws.table.currentIndex()).row() == 2
    assert ws.controller.docs[chinese].target == "en"
    assert [ws.bar.document_combo.itemData(n) for n in range(2)] == [str(chinese),
                                                                     str(english)]


def test_a_document_that_is_gone_is_not_reopened_and_the_user_is_told(
        make_window: MakeWindow, qtbot: QtBot, empty_model_cache: Path,
        tmp_path: Path) -> None:
    kept, gone = tmp_path / "kept.txt", tmp_path / "gone.txt"
    for path in (kept, gone):
        path.write_text("\n\n".join(ENGLISH) + "\n", encoding="utf-8")
    window = make_window(Settings())
    window.open_files([kept, gone])
    wait_open(window.translate, qtbot, 2)
    window.close()
    gone.unlink()
    again = make_window(load_settings())
    again.restore_layout()
    wait_open(again.translate, qtbot, 1)
    assert list(again.translate.controller.docs) == [kept]
    assert "gone.txt" in again.translate.message_label.text()
