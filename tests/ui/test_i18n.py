"""The Chinese UI is complete, and switching back to English leaves no Chinese behind."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from bayling_desktop.config import Settings
from bayling_desktop.languages import all_languages, resolve
from bayling_desktop.sentences import Sentence
from bayling_desktop.storage.chats import ChatStore, default_chats_path
from bayling_desktop.ui.dialogs.settings import SettingsDialog
from bayling_desktop.ui.i18n import Translators, compile_translations, language_label
from bayling_desktop.ui.main_window import MainWindow
from bayling_desktop.ui.models import ModelManagerDialog
from bayling_desktop.ui.sentence_text import sentence_text

from .i18n_walk import chinese, untranslated

MakeWindow = Callable[[Settings], MainWindow]


@pytest.fixture
def translators(qapp: QApplication) -> Iterator[Translators]:
    compile_translations()
    made = Translators()
    yield made
    made.install("en")


def _settle(qtbot: QtBot, translators: Translators, language: str) -> None:
    translators.install(language)
    qtbot.wait(20)  # LanguageChange events are posted


def test_core_sentences_are_translated_at_the_ui_boundary(
        translators: Translators, qtbot: QtBot) -> None:
    said = Sentence("could_not_read", path="/tmp/report.docx",
                    reason="No such file or directory")
    _settle(qtbot, translators, "zh_CN")
    assert sentence_text(said) == "无法读取 /tmp/report.docx：No such file or directory。"
    assert sentence_text(Sentence("no_model_loaded")) == "尚未加载模型。"
    _settle(qtbot, translators, "en")
    assert sentence_text(said) == str(said) == (
        "Could not read /tmp/report.docx: No such file or directory.")


def test_language_names_come_from_one_table_in_the_ui_language(
        translators: Translators, qtbot: QtBot) -> None:
    japanese = resolve("ja")
    assert language_label(japanese) == "Japanese (ja)"
    _settle(qtbot, translators, "zh_CN")
    assert language_label(japanese) == "日文 (ja)"
    assert all(lang.chinese and lang.chinese != lang.english for lang in all_languages())


def _screens(window: MainWindow) -> list[tuple[str, QWidget]]:
    return [("translate", window.translate), ("chat", window.chat), ("welcome", window.welcome)]


def test_every_visible_label_is_chinese_after_switching_and_english_after_switching_back(
        make_window: MakeWindow, qtbot: QtBot, translators: Translators,
        empty_model_cache: Path, tmp_path: Path) -> None:
    store = ChatStore(default_chats_path())
    chat = store.create("Trip plans")
    store.add_message(chat.id, "user", "Where should we go?")
    store.add_message(chat.id, "assistant", "Somewhere warm.")
    store.close()
    window = make_window(Settings())
    translators.install("en")
    document = tmp_path / "notes.txt"
    document.write_text("Good morning.\n\nThe train leaves at nine.\n", encoding="utf-8")
    window.open_files([document])  # a document on screen: counts, statuses, the panel
    qtbot.waitUntil(lambda: window.translate.model.rowCount() == 2, timeout=10_000)
    window.translate.select_segment(1)
    dialog = SettingsDialog(window.settings, window)
    qtbot.addWidget(dialog)
    dialog.show()
    manager = ModelManagerDialog(window.settings)
    qtbot.addWidget(manager)
    manager.show()

    def walk() -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
        english, han = [], []
        for name, screen in _screens(window):
            if name == "welcome":
                window.stack.setCurrentWidget(window.welcome)
            else:
                window.stack.setCurrentWidget(window.tabs)
                window.tabs.setCurrentWidget(screen)
            english += [(f"{name}/{w}", t) for w, t in untranslated(window)]
            han += [(f"{name}/{w}", t) for w, t in chinese(window)]
        english += [(f"settings/{w}", t) for w, t in untranslated(dialog)]
        han += [(f"settings/{w}", t) for w, t in chinese(dialog)]
        for page in range(manager.tabs.count()):
            manager.tabs.setCurrentIndex(page)
            english += [(f"models/{w}", t) for w, t in untranslated(manager)]
            han += [(f"models/{w}", t) for w, t in chinese(manager)]
        return sorted(set(english)), sorted(set(han))

    _settle(qtbot, translators, "zh_CN")
    english, _ = walk()
    _settle(qtbot, translators, "en")
    _, han = walk()
    assert english == [], "\n".join(f"{w}: {t}" for w, t in english)
    # the UI-language picker names Chinese in Chinese, in every UI language
    assert sorted({t for _, t in han}) == ["简体中文"], han


def test_a_load_failure_is_said_in_chinese(make_window: MakeWindow, qtbot: QtBot,
                                           translators: Translators, tmp_path: Path,
                                           empty_model_cache: Path) -> None:
    missing = tmp_path / "gone.gguf"
    window = make_window(Settings(model_path=str(missing)))
    _settle(qtbot, translators, "zh_CN")
    with qtbot.waitSignal(window.client.modelFailed, timeout=10_000):
        window.load_model()
    assert window.model_label.text() == f"没有模型：模型文件 {missing} 不存在。"
    _settle(qtbot, translators, "en")
    assert window.model_label.text() == f"No model: The model file {missing} does not exist."
