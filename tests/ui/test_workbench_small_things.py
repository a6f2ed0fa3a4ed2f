"""What a translator sees all day: the in-cell editor grows with its text, every cell
starts at the top, tall highlighted rows are measured again, and the detected language
is named in the UI language after a switch."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from bayling_desktop.config import Settings
from bayling_desktop.translation.glossary import Glossary, Term
from bayling_desktop.ui.main_window import MainWindow
from bayling_desktop.ui.translate.segment_editor import TaggedEditor
from bayling_desktop.ui.translate.segment_model import SegmentTableModel
from bayling_desktop.ui.translate.workspace_view import TranslateWorkspace

MakeWindow = Callable[[Settings], MainWindow]
LONG = ("This Agreement is governed by the laws of Switzerland, and any dispute arising out "
        "of it shall be settled by the courts of Zurich, which have exclusive jurisdiction "
        "over all matters relating to the contract, its performance and its termination.")


@pytest.fixture
def window(make_window: MakeWindow, qtbot: QtBot, tmp_path: Path) -> Iterator[MainWindow]:
    made = make_window(Settings(source_language="auto", target_language="zh"))
    made.resize(1100, 700)
    made.stack.setCurrentWidget(made.tabs)
    path = tmp_path / "contract.txt"
    path.write_text(f"Short line.\n\n{LONG}\n", encoding="utf-8")
    with qtbot.waitSignal(made.translate.model.modelReset, timeout=10_000):
        made.translate.open_paths([path])
    yield made
    made.translators.install("en")


def _settled(ws: TranslateWorkspace, qtbot: QtBot) -> None:
    qtbot.waitUntil(lambda: not ws._resize_timer.isActive(), timeout=5_000)


def test_the_cell_editor_grows_with_the_text(window: MainWindow, qtbot: QtBot) -> None:
    ws = window.translate
    _settled(ws, qtbot)
    index = ws.filter.index(0, SegmentTableModel.TARGET)
    row_height = ws.table.rowHeight(0)
    ws.table.setCurrentIndex(index)
    ws.table.edit(index)
    [editor] = [e for e in ws.table.findChildren(TaggedEditor) if e.isVisible()]
    assert editor.height() >= row_height
    editor.setPlainText(LONG + " " + LONG)
    assert editor.height() > 3 * row_height  # the whole text, not a two-line slot
    assert editor.y() + editor.height() <= ws.table.viewport().height()


def test_every_cell_starts_at_the_top(window: MainWindow) -> None:
    model = window.translate.model
    for column in range(model.columnCount()):
        alignment = Qt.AlignmentFlag(model.index(1, column).data(
            Qt.ItemDataRole.TextAlignmentRole))
        assert alignment & Qt.AlignmentFlag.AlignTop


def test_highlighted_terms_do_not_clip_a_tall_row(window: MainWindow, qtbot: QtBot) -> None:
    ws = window.translate
    _settled(ws, qtbot)
    ws.glossary_actions.set_glossary(Glossary([Term("courts of Zurich", "苏黎世法院")]))
    _settled(ws, qtbot)
    option_index = ws.filter.index(1, SegmentTableModel.SOURCE)
    hint = ws.table.sizeHintForRow(1)
    assert ws.delegate._rich(option_index)  # the source is painted with the highlight
    assert ws.table.rowHeight(1) >= hint


def test_the_detected_language_is_named_in_the_ui_language(window: MainWindow,
                                                            qtbot: QtBot) -> None:
    combo = window.translate.bar.source_combo
    assert combo.itemText(0) == "Detected: English (en)"
    window.translators.install("zh_CN")
    qtbot.waitUntil(lambda: "English" not in combo.itemText(0), timeout=5_000)
    assert "英" in combo.itemText(0)
    window.translators.install("en")
    qtbot.waitUntil(lambda: combo.itemText(0) == "Detected: English (en)", timeout=5_000)


def test_a_fuzzy_match_shows_how_its_source_differs(window: MainWindow, tmp_path: Path,
                                                    qtbot: QtBot) -> None:
    ws = window.translate
    assert ws.store is not None
    ws.bar.select_language(ws.bar.source_combo, "en")
    ws.store.memory.add("en", "zh", [("Short lines.", "短行。")])
    ws.select_segment(1)
    ws.select_segment(0)  # "Short line."
    text = ws.revision.memory_label.text()
    assert "短行。" in text
    # the remembered source's extra word is struck out: that is what to fix in its target
    assert "line-through" in text and "lines" in text.split("line-through")[1]


def test_spelling_is_underlined_as_you_type_and_f7_switches_it(
        make_window: MakeWindow, qtbot: QtBot, tmp_path: Path) -> None:
    from PySide6.QtGui import QTextCharFormat

    made = make_window(Settings(source_language="en", target_language="de"))
    made.stack.setCurrentWidget(made.tabs)
    ws = made.translate
    path = tmp_path / "invoice.txt"
    path.write_text("Pay the invoice to ACME.\n", encoding="utf-8")
    with qtbot.waitSignal(ws.model.modelReset, timeout=10_000):
        ws.open_paths([path])
    actions = ws.segment_actions
    assert actions.check_spelling.shortcut().toString() == "F7"
    assert actions.check_spelling in made.workbench.segment_menu.actions()

    def underlined(text: str) -> list[str]:
        index = ws.filter.index(0, SegmentTableModel.TARGET)
        ws.table.setCurrentIndex(index)
        ws.table.edit(index)
        [editor] = [e for e in ws.table.findChildren(TaggedEditor) if e.isVisible()]
        editor.setPlainText(text)
        block = editor.document().firstBlock()
        found = [text[r.start:r.start + r.length] for r in block.layout().formats()
                 if r.format.underlineStyle()
                 == QTextCharFormat.UnderlineStyle.SpellCheckUnderline]
        ws.delegate.closeEditor.emit(editor)
        return found

    assert underlined("Bezahlen Sie die Rechnnung an ACME.") == ["Rechnnung"]
    ws.select_segment(0)  # the revision panel's proposal box is checked too
    ws.revision.candidate.setPlainText("Zahlen Sie die Rechnnung.")
    block = ws.revision.candidate.document().firstBlock()
    assert [r.length for r in block.layout().formats()
            if r.format.underlineStyle() == QTextCharFormat.UnderlineStyle.SpellCheckUnderline
            ] == [len("Rechnnung")]
    ws.table.setFocus()
    qtbot.keyClick(ws.table, Qt.Key.Key_F7)  # off
    assert not actions.check_spelling.isChecked()
    assert underlined("Bezahlen Sie die Rechnnung an ACME.") == []


def test_the_tm_column_shows_each_segments_best_memory_match(
        make_window: MakeWindow, qtbot: QtBot, tmp_path: Path) -> None:
    made = make_window(Settings(source_language="en", target_language="zh"))
    made.stack.setCurrentWidget(made.tabs)
    ws = made.translate
    assert ws.store is not None
    ws.store.memory.add("en", "zh", [("The meeting is on Friday.", "会议在周五。"),
                                     ("Thank you.", "谢谢。")])
    path = tmp_path / "memo.txt"
    path.write_text("The meeting is on Monday.\n\nThank you.\n\nSomething else entirely.\n",
                    encoding="utf-8")
    with qtbot.waitSignal(ws.model.modelReset, timeout=10_000):
        ws.open_paths([path])
    assert ws.model.headerData(SegmentTableModel.MATCH, Qt.Orientation.Horizontal) == "TM"
    qtbot.waitUntil(lambda: not ws.controller.matches.running, timeout=5_000)
    shown = [ws.model.index(n, SegmentTableModel.MATCH).data() for n in range(3)]
    assert shown[1] == "100%" and shown[2] == ""
    assert shown[0].endswith("%") and 75 <= float(shown[0][:-1]) < 100
