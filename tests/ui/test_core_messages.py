"""Every sentence the core raises reaches the Chinese UI in Chinese; the CLI keeps English."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from bayling_desktop.config import Settings
from bayling_desktop.flags import Flag
from bayling_desktop.ui.core_messages import CONTEXT, TEMPLATES
from bayling_desktop.ui.i18n import SOURCE_DIR, Translators, compile_translations, translate_error
from bayling_desktop.ui.main_window import MainWindow

from .core_message_scan import is_sentence, raised_messages, shown_messages

HAN = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture
def chinese_ui(qapp: QApplication, qtbot: QtBot) -> Iterator[Translators]:
    compile_translations()
    translators = Translators()
    translators.install("zh_CN")
    qtbot.wait(10)
    yield translators
    translators.install("en")


def _sample(template: str) -> tuple[str, list[str]]:
    values = [f"/data/file{n}.docx" for n in range(template.count("{"))]
    return template.format(*values), values


def test_the_scanner_finds_the_core_raise_sites() -> None:
    found = raised_messages()
    where = {m.where.split(":")[0] for m in found}
    assert {"documents/docx.py", "engine/gguf_info.py", "storage/database.py",
            "models/download.py", "fileio.py"} <= where
    templates = {m.template for m in found}
    assert "{0} is not a valid PO file ({1})." in templates
    # built in a helper the raise calls, and in a local variable
    assert "The disk holding {0} is full: free some space and try again." in templates
    assert all(not m.where.startswith(("ui/", "commands/")) for m in found)


def test_the_scanner_finds_flags_notices_and_warnings() -> None:
    templates = {m.template for m in shown_messages()}
    # quality flags are codes with arguments now (tests/ui/test_flag_text.py), the
    # formats' tag findings too (documents/tags.py tag_flags)
    assert {"This document has {0} comment(s); they were left untranslated (turn on "
            "“Translate comments” in Settings, or use --comments, to translate them "
            "too)."} <= templates  # CONSTANT.format(n=…)


def test_every_sentence_the_core_says_is_said_in_chinese(chinese_ui: Translators) -> None:
    missing: list[str] = []
    for raised in [*raised_messages(), *shown_messages()]:
        if not is_sentence(raised.template):
            continue
        message, values = _sample(raised.template)
        shown = translate_error(message)
        if not HAN.search(shown) or not all(value in shown for value in values):
            missing.append(f"{raised.where}: {raised.template}  →  {shown}")
    assert not missing, ("core messages without a Chinese template in ui/core_messages.py "
                         "(add them, run scripts/update_translations.py, translate):\n"
                         + "\n".join(sorted(set(missing))))


def test_every_template_has_a_chinese_translation_with_the_same_fields() -> None:
    root = ET.parse(SOURCE_DIR / "bayling_desktop_zh_CN.ts").getroot()
    context = next(c for c in root.iter("context") if c.findtext("name") == CONTEXT)
    translations = {m.findtext("source"): m.find("translation") for m in context.iter("message")}
    for template in TEMPLATES:
        translation = translations.get(template)
        assert translation is not None and not translation.get("type"), template
        fields = set(re.findall(r"\{\d\}", template))
        assert set(re.findall(r"\{\d\}", translation.text or "")) <= fields, template


def test_the_most_specific_template_wins_and_values_are_translated_too(
        chinese_ui: Translators) -> None:
    assert translate_error("The model file /m/x.gguf does not exist.") == (
        "模型文件 /m/x.gguf 不存在。")
    assert translate_error("The source and the target language are both Chinese: choose "
                           "another target language.") == (
        "源语言和目标语言都是中文：请选择另一种目标语言。")
    assert translate_error(
        "The database /d/p.sqlite3 is damaged (malformed); the newest backup is "
        "/d/p.sqlite3.v1.bak.") == ("数据库 /d/p.sqlite3 已损坏（malformed）；最新的备份是 "
                                    "/d/p.sqlite3.v1.bak。")


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
    # stored and filtered as data: the role holds the flags themselves, not prose
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


@pytest.mark.parametrize(("sequences", "gpu_layers", "ram"), [
    (4, 0, 64), (1, 0, 64), (4, 16, 64), (4, 0, 5), (4, 0, 1), (4, 0, None)])
def test_the_fit_of_a_model_is_said_in_chinese(chinese_ui: Translators, sequences: int,
                                               gpu_layers: int, ram: int | None) -> None:
    from bayling_desktop.models.fit import Machine, estimate

    gib = 1024 ** 3
    machine = Machine(ram * gib if ram else None, ram * gib // 2 if ram else None)
    reason = estimate(4 * gib, 32, 1024, context=4096, sequences=sequences,
                      gpu_layers=gpu_layers, machine=machine).reason
    shown = translate_error(reason)
    assert not re.search(r"[a-z]{3,}", shown.replace("GiB", "")), (reason, shown)
    assert "4,096" in shown and HAN.search(shown)


def test_model_units_are_said_in_chinese(chinese_ui: Translators) -> None:
    from bayling_desktop.ui.models.units import context_text, duration_text

    assert context_text(4096) == "4K 词元"
    assert duration_text(125) == "2 分 05 秒"
