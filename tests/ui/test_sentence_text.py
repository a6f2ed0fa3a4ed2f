"""Every sentence the core says reaches the Chinese UI in Chinese; the CLI keeps English.

A sentence is a code with arguments; the GUI translates the code's template (the
"Sentences" context of the .ts sources), so a code without a Chinese rendering fails here
instead of showing English to a Chinese user.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from bayling_desktop.config import Settings
from bayling_desktop.errors import DocumentError
from bayling_desktop.flags import Flag
from bayling_desktop.sentence_templates import TEMPLATES
from bayling_desktop.sentences import Sentence
from bayling_desktop.ui.i18n import SOURCE_DIR, Translators, compile_translations
from bayling_desktop.ui.main_window import MainWindow
from bayling_desktop.ui.sentence_text import CONTEXT, sentence_text

HAN = re.compile(r"[\u4e00-\u9fff]")
#: not translated by a template: text the app did not write, and a language's name
UNTRANSLATED = ("text", "language")
#: sentences that only join others: their Chinese is punctuation (全角), not words
JOINS = ("fit", "reasons", "parts", "build_part_size")


@pytest.fixture
def chinese_ui(qapp: QApplication, qtbot: QtBot) -> Iterator[Translators]:
    compile_translations()
    translators = Translators()
    translators.install("zh_CN")
    qtbot.wait(10)
    yield translators
    translators.install("en")


@pytest.mark.parametrize("code", sorted(c for c in TEMPLATES if c not in UNTRANSLATED))
def test_every_sentence_code_has_a_chinese_rendering(chinese_ui: Translators,
                                                     code: str) -> None:
    args = {name: f"<{name}>" for name in re.findall(r"\{(\w+)\}", TEMPLATES[code])}
    said = Sentence(code, **args)
    shown = sentence_text(said)
    assert HAN.search(shown) or (code in JOINS and shown != str(said)), shown
    assert all(value in shown for value in args.values()), shown  # arguments kept


def test_every_template_has_a_finished_chinese_translation_with_the_same_fields() -> None:
    root = ET.parse(SOURCE_DIR / "bayling_desktop_zh_CN.ts").getroot()
    context = next(c for c in root.iter("context") if c.findtext("name") == CONTEXT)
    translations = {m.findtext("source"): m.find("translation") for m in context.iter("message")}
    for code, template in TEMPLATES.items():
        if code in UNTRANSLATED:
            continue
        translation = translations.get(template)
        assert translation is not None and not translation.get("type"), template
        fields = set(re.findall(r"\{(\w+)\}", template))
        assert set(re.findall(r"\{(\w+)\}", translation.text or "")) == fields, template


def test_languages_and_clauses_inside_a_sentence_are_said_in_chinese_too(
        chinese_ui: Translators) -> None:
    same = Sentence("same_language_pair", language=Sentence.of_language("zh", "Chinese"))
    assert sentence_text(same) == "源语言和目标语言都是中文：请选择另一种目标语言。"
    damaged = Sentence("database_damaged", path="/d/p.sqlite3", error="malformed",
                       hint=Sentence("restore_newest_backup", backup="/d/p.sqlite3.v1.bak"))
    assert sentence_text(damaged) == ("数据库 /d/p.sqlite3 已损坏（malformed）；最新的备份是 "
                                      "/d/p.sqlite3.v1.bak。")
    # an error of the core by its sentence; anyone else's as an unexpected error
    assert sentence_text(DocumentError("file_missing", path="/d/a.po")) == "/d/a.po 不存在。"
    assert sentence_text(KeyError("x")) == "意外错误：'x'。"
    assert sentence_text("Already the GUI's own words.") == "Already the GUI's own words."


def test_the_english_ui_and_the_cli_render_the_same_sentence(qapp: QApplication) -> None:
    said = Sentence("could_not_connect_connection", where="http://127.0.0.1:9/v1")
    assert sentence_text(said) == str(said) == (
        "Could not connect to http://127.0.0.1:9/v1: the connection was refused (is the "
        "server running?).")


def test_flags_show_in_chinese_in_the_panel_and_the_tooltip(
        chinese_ui: Translators, qtbot: QtBot, tmp_path: Path) -> None:
    from PySide6.QtCore import Qt

    document = tmp_path / "notes.txt"
    document.write_text("Good morning.\n\nThe train leaves at nine.\n", encoding="utf-8")
    window = MainWindow(Settings(), translators=chinese_ui)
    qtbot.addWidget(window)
    window.show()
    window.open_files([document])
    ws = window.translate
    qtbot.waitUntil(lambda: ws.model.rowCount() == 2, timeout=10_000)
    numbers = Flag("numbers", {"missing": "9", "extra": "none"})
    ws.model.update_row(1, target="火车九点开。", status="draft",
                        flags=[numbers, Flag("tag_missing", {"tags": "</1> <1>"})])
    ws.select_segment(1)
    notes = ws.revision.notes.text()
    assert "数字与原文不一致：缺少 9" in notes, notes
    assert "缺少格式标签：&lt;/1&gt; &lt;1&gt;。" in notes, notes
    tip = ws.model.index(1, ws.model.STATUS).data(Qt.ItemDataRole.ToolTipRole)
    assert tip == "数字与原文不一致：缺少 9，多出 none。\n缺少格式标签：</1> <1>。"
    assert ws.model.index(1, 0).data(ws.model.FlagsRole)[0] == numbers
    window.close()


def test_a_real_core_error_shows_in_chinese_in_the_zh_ui_and_english_in_the_cli(
        chinese_ui: Translators, qtbot: QtBot, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    from bayling_desktop.cli import main as cli_main

    fake = tmp_path / "report.docx"
    fake.write_text("plain text pretending to be Word\n", encoding="utf-8")
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning",
                        lambda parent, title, text, *a: shown.append(f"{title}|{text}"))
    window = MainWindow(Settings(), translators=chinese_ui)
    qtbot.addWidget(window)
    window.show()
    window.open_files([fake])
    qtbot.waitUntil(lambda: bool(shown), timeout=10_000)
    title, text = shown[0].split("|", 1)
    assert HAN.search(title) and "report.docx" in text
    assert "不是有效的" in text and "not a valid" not in text, text
    assert "不是有效的" in window.translate.message_label.text()
    window.close()

    capsys.readouterr()
    assert cli_main(["translate", str(fake), "--to", "zh"]) != 0
    said = capsys.readouterr().err
    assert "report.docx is not a valid Word document" in said and not HAN.search(said), said


def test_a_document_notice_is_said_in_chinese_beside_the_document(
        chinese_ui: Translators, qtbot: QtBot, tmp_path: Path) -> None:
    page = tmp_path / "page.md"
    page.write_text('<div align="center">\n<h3>A fast parser</h3>\n</div>\n\n# Title\n\nText.\n',
                    encoding="utf-8")
    window = MainWindow(Settings(), translators=chinese_ui)
    qtbot.addWidget(window)
    window.show()
    window.open_files([page])
    ws = window.translate
    qtbot.waitUntil(lambda: ws.model.rowCount() > 0, timeout=10_000)
    qtbot.waitUntil(lambda: "HTML 块" in ws.message_label.text(), timeout=10_000)
    assert "This document" not in ws.message_label.text()
    window.close()


@pytest.mark.parametrize(("sequences", "gpu_layers", "ram"), [
    (4, 0, 64), (1, 0, 64), (4, 16, 64), (4, 0, 5), (4, 0, 1), (4, 0, None)])
def test_the_fit_of_a_model_is_said_in_chinese(chinese_ui: Translators, sequences: int,
                                               gpu_layers: int, ram: int | None) -> None:
    from bayling_desktop.models.fit import Machine, estimate

    gib = 1024 ** 3
    machine = Machine(ram * gib if ram else None, ram * gib // 2 if ram else None)
    reason = estimate(4 * gib, 32, 1024, context=4096, sequences=sequences,
                      gpu_layers=gpu_layers, machine=machine).reason
    shown = sentence_text(reason)
    assert not re.search(r"[a-z]{3,}", shown.replace("GiB", "")), (str(reason), shown)
    assert "4,096" in shown and HAN.search(shown)


def test_model_units_are_said_in_chinese(chinese_ui: Translators) -> None:
    from bayling_desktop.ui.models.units import context_text, duration_text

    assert context_text(4096) == "4K 词元"
    assert duration_text(125) == "2 分 05 秒"


def test_a_document_notice_is_worded_anew_after_a_language_switch(
        qapp: QApplication, qtbot: QtBot, tmp_path: Path) -> None:
    page = tmp_path / "page.md"
    page.write_text('<div align="center">\n<h3>A fast parser</h3>\n</div>\n\n# Title\n\nText.\n',
                    encoding="utf-8")
    other = tmp_path / "other.md"
    other.write_text("# Other\n\nMore text.\n", encoding="utf-8")
    compile_translations()
    translators = Translators()
    translators.install("en")
    window = MainWindow(Settings(), translators=translators)
    qtbot.addWidget(window)
    window.show()
    ws = window.translate
    try:
        window.open_files([page, other])
        qtbot.waitUntil(lambda: len(ws.controller.docs) == 2, timeout=10_000)
        combo = ws.bar.document_combo

        def pick(path: Path) -> None:
            combo.setCurrentIndex(combo.findData(str(path)))
            qtbot.waitUntil(lambda: ws.controller.current is ws.controller.docs[path])

        pick(other)
        pick(page)
        assert "HTML" in ws.message_label.text() and not HAN.search(ws.message_label.text())
        translators.install("zh_CN")
        qtbot.wait(10)
        pick(other)
        pick(page)  # brought back on screen: what opening it found is said in Chinese
        assert "HTML 块" in ws.message_label.text(), ws.message_label.text()
    finally:
        translators.install("en")
        window.close()
