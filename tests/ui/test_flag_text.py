"""Flags are codes rendered by each front end: English in the CLI, Chinese in the Chinese UI.

Every code the verifier, the formats and the pipeline can produce has a template in
:mod:`bayling_desktop.flags`; the GUI translates that template, so a code without a
Chinese rendering fails here instead of showing English to a Chinese user.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from bayling_desktop.flags import TEMPLATES, Flag
from bayling_desktop.ui.flag_text import flag_text
from bayling_desktop.ui.i18n import Translators, compile_translations

HAN = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture
def chinese_ui(qapp: QApplication, qtbot: QtBot) -> Iterator[None]:
    compile_translations()
    translators = Translators()
    translators.install("zh_CN")
    qtbot.wait(10)
    yield
    translators.install("en")


@pytest.mark.parametrize("code", sorted(c for c in TEMPLATES if c != "text"))
def test_every_flag_code_has_a_chinese_rendering(chinese_ui: None, code: str) -> None:
    args = {name: f"<{name}>" for name in re.findall(r"\{(\w+)\}", TEMPLATES[code])}
    shown = flag_text(Flag(code, args))
    assert HAN.search(shown), shown
    assert all(value in shown for value in args.values()), shown  # arguments kept


def test_the_english_ui_and_the_cli_render_the_same_sentence(qapp: QApplication) -> None:
    flag = Flag("placeholder_moved", {"name": "%(count)s"}, blocking=True)
    assert flag_text(flag) == str(flag) == (
        "Placeholder %(count)s was moved to the end of the translation.")
    assert flag_text(Flag("text", {"text": "An older sentence."})) == "An older sentence."
