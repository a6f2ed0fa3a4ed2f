"""The main window without a model: welcome page, drag and drop, settings, language."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QDialog
from pytestqt.qtbot import QtBot

from bayling_desktop.config import Settings, load_settings, settings_path
from bayling_desktop.ui.dialogs.settings import SettingsDialog, model_settings_changed
from bayling_desktop.ui.i18n import Translators, compile_translations
from bayling_desktop.ui.main_window import MainWindow

MakeWindow = Callable[[Settings], MainWindow]


def _drag_enter(mime: QMimeData) -> QDragEnterEvent:
    args = (Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier)
    try:  # PySide6 >= 6.12 takes a QPointF (the QPoint form is deprecated there)
        return QDragEnterEvent(QPointF(10, 10), *args)
    except TypeError:
        return QDragEnterEvent(QPoint(10, 10), *args)


def _mime(*paths: Path) -> QMimeData:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    return mime


def test_first_start_without_a_model_shows_the_welcome_page(
    make_window: MakeWindow, qtbot: QtBot, empty_model_cache: Path, tmp_path: Path
) -> None:
    window = make_window(Settings())
    window.start()
    assert window.stack.currentWidget() is window.welcome
    assert not window.client.loading  # nothing is assembled or loaded behind the user's back
    assert window.welcome.builtin_button.isEnabled()
    junk = tmp_path / "junk.gguf"
    junk.write_bytes(b"no model here")
    window.welcome.importRequested.emit(str(junk))
    assert "junk.gguf" in window.welcome.status.text()
    assert window.stack.currentWidget() is window.welcome
    assert load_settings().model_path is None


def test_a_configured_model_skips_the_welcome_page(
    make_window: MakeWindow, qtbot: QtBot, empty_model_cache: Path, tmp_path: Path
) -> None:
    missing = tmp_path / "gone.gguf"
    window = make_window(Settings(model_path=str(missing)))
    with qtbot.waitSignal(window.client.modelFailed, timeout=10_000):
        window.start()
    assert window.stack.currentWidget() is window.tabs
    assert "gone.gguf" in window.model_label.text()


def test_dropping_files_opens_them_in_the_translate_workspace(
    make_window: MakeWindow,
    qtbot: QtBot,
    empty_model_cache: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window = make_window(Settings())
    window.start()
    window.tabs.setCurrentWidget(window.chat)
    first = tmp_path / "a.txt"
    first.write_text("Hello", encoding="utf-8")
    folder = tmp_path / "docs"
    folder.mkdir()
    mime = _mime(first, folder)
    enter = _drag_enter(mime)
    QApplication.sendEvent(window, enter)
    assert enter.isAccepted()
    drop = QDropEvent(
        QPointF(10, 10),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    opened: list[list[Path]] = []
    monkeypatch.setattr(window.translate, "open_paths", opened.append)
    QApplication.sendEvent(window, drop)
    assert drop.isAccepted()
    assert opened == [[first, folder]]
    assert window.stack.currentWidget() is window.tabs
    assert window.tabs.currentWidget() is window.translate


def test_dragging_text_is_refused(
    make_window: MakeWindow, qtbot: QtBot, empty_model_cache: Path
) -> None:
    window = make_window(Settings())
    mime = QMimeData()
    mime.setText("just text")
    enter = _drag_enter(mime)
    QApplication.sendEvent(window, enter)
    assert not enter.isAccepted()


def test_settings_dialog_round_trip(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    original = Settings(
        model_path=str(tmp_path / "m.gguf"),
        prompt_format="bayling-v1",
        context_length=2048,
        threads=3,
        gpu_layers=5,
        parallel_sequences=3,
        temperature=0.4,
        top_p=0.9,
        max_tokens=300,
        translation_temperature=0.1,
        ui_language="zh_CN",
        theme="dark",
    )
    dialog = SettingsDialog(original)
    qtbot.addWidget(dialog)
    assert dialog.edited_settings() == original
    assert not model_settings_changed(original, dialog.edited_settings())
    dialog.context_spin.setValue(4096)
    dialog.temperature_spin.setValue(0.25)
    edited = dialog.edited_settings()
    assert edited.context_length == 4096 and edited.temperature == 0.25
    assert model_settings_changed(original, edited)
    assert original.context_length == 2048  # the dialog edits a copy


def test_accepting_settings_saves_them_and_reloads_the_model(
    make_window: MakeWindow,
    qtbot: QtBot,
    empty_model_cache: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window = make_window(Settings())
    chosen = tmp_path / "chosen.gguf"

    def accept(self: SettingsDialog) -> int:
        self.model_edit.setText(str(chosen))
        self.max_tokens_spin.setValue(77)
        self.format_combo.setCurrentText("bayling-3")
        return QDialog.DialogCode.Accepted.value

    monkeypatch.setattr(SettingsDialog, "exec", accept)
    with qtbot.waitSignal(window.client.modelFailed, timeout=10_000) as failed:
        window.open_settings()
    assert "chosen.gguf" in str(failed.args[0])  # it tried to load the new file
    saved = load_settings()
    assert saved.model_path == str(chosen) and saved.max_tokens == 77
    assert saved.prompt_format == "bayling-3"
    assert window.chat.settings.max_tokens == 77


def test_rejecting_settings_changes_nothing(
    make_window: MakeWindow, qtbot: QtBot, empty_model_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = make_window(Settings())

    def reject(self: SettingsDialog) -> int:
        self.max_tokens_spin.setValue(99)
        return QDialog.DialogCode.Rejected.value

    monkeypatch.setattr(SettingsDialog, "exec", reject)
    window.open_settings()
    assert window.settings.max_tokens == Settings().max_tokens
    assert not settings_path().exists()


def test_switching_the_language_retranslates_the_window(
    make_window: MakeWindow, qtbot: QtBot, empty_model_cache: Path
) -> None:
    compile_translations()
    window = make_window(Settings(ui_language="en"))
    window.translators.install("en")
    assert window.tabs.tabText(1) == "Chat"
    assert window.chat.send_button.text() == "Send"
    window.apply_settings(dataclasses.replace(window.settings, ui_language="zh_CN"))
    assert window.translators.language == "zh_CN"
    qtbot.waitUntil(lambda: window.tabs.tabText(1) == "聊天", timeout=2_000)
    assert window.chat.send_button.text() == "发送"
    assert window.menus.file_menu.title() == "文件(&F)"
    assert load_settings().ui_language == "zh_CN"
    window.apply_settings(dataclasses.replace(window.settings, ui_language="en"))
    qtbot.waitUntil(lambda: window.tabs.tabText(1) == "Chat", timeout=2_000)
    assert window.chat.send_button.text() == "Send"


def test_settings_dialog_follows_the_language(qtbot: QtBot) -> None:
    compile_translations()
    translators = Translators()
    dialog = SettingsDialog(Settings(theme="dark"))
    qtbot.addWidget(dialog)
    try:
        translators.install("zh_CN")
        qtbot.waitUntil(lambda: dialog.windowTitle() == "设置", timeout=2_000)
        assert dialog.theme_combo.currentData() == "dark"  # refilled, choice kept
        assert dialog.theme_combo.currentText() == "深色"
    finally:
        translators.install("en")


def test_theme_choice_takes_effect(make_window: MakeWindow, qtbot: QtBot,
                                   empty_model_cache: Path) -> None:
    window = make_window(Settings())
    try:
        window.apply_settings(dataclasses.replace(window.settings, theme="dark"))
        qtbot.waitUntil(lambda: window.palette().window().color().lightness() < 100,
                        timeout=2_000)
        window.apply_settings(dataclasses.replace(window.settings, theme="light"))
        qtbot.waitUntil(lambda: window.palette().window().color().lightness() > 150,
                        timeout=2_000)
    finally:
        window.apply_settings(dataclasses.replace(window.settings, theme="system"))
    assert load_settings().theme == "system"


def test_about_names_versions_and_licences(make_window: MakeWindow, qtbot: QtBot,
                                          empty_model_cache: Path) -> None:
    import llama_cpp

    from bayling_desktop import __version__

    text = make_window(Settings()).about_text()
    assert __version__ in text and llama_cpp.__version__ in text
    assert "GPL-3.0" in text and "Apache-2.0" in text


def test_settings_fields_have_visible_labels(qtbot: QtBot) -> None:
    from PySide6.QtWidgets import QFormLayout, QLabel

    dialog = SettingsDialog(Settings())
    qtbot.addWidget(dialog)
    texts = []
    for form in (dialog.model_form, dialog.generation_form, dialog.interface_form):
        for row in range(form.rowCount()):
            item = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
            assert item is not None and isinstance(item.widget(), QLabel)
            texts.append(item.widget().text())
    assert "Model file:" in texts and "Theme:" in texts and all(texts)


def test_model_menu_opens_the_model_manager(make_window: MakeWindow, qtbot: QtBot,
                                            empty_model_cache: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    from bayling_desktop.ui.models import ModelManagerDialog

    opened: list[ModelManagerDialog] = []
    monkeypatch.setattr(ModelManagerDialog, "exec", lambda self: opened.append(self) or 0)
    window = make_window(Settings())
    window.menus.models_action.trigger()
    assert len(opened) == 1 and opened[0].settings is window.settings
    window.welcome.managerRequested.emit()
    assert len(opened) == 2


def test_settings_show_parallel_sequences_and_memory_before_loading(
        qtbot: QtBot, qwen_model_path: Path) -> None:
    dialog = SettingsDialog(Settings(model_path=str(qwen_model_path), context_length=2048))
    qtbot.addWidget(dialog)
    assert dialog.parallel_spin.value() == 0
    assert dialog.parallel_spin.text() == "Automatic"
    auto = dialog.memory_label.text()
    assert "GiB" in auto and "Automatic picks" in auto
    dialog.parallel_spin.setValue(4)
    four = dialog.memory_label.text()
    assert "4 ×" in four and "Automatic" not in four
    dialog.context_spin.setValue(4096)
    # twice the context: twice the memory per sequence (Qwen2.5-0.5B: 12 KiB per token)
    assert dialog.memory_label.text() != four and "48 MiB" in dialog.memory_label.text()
    edited = dialog.edited_settings()
    assert edited.parallel_sequences == 4 and model_settings_changed(Settings(), edited)
    dialog.model_edit.setText("/nowhere/model.gguf")
    assert "GiB" not in dialog.memory_label.text()


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_no_toolbar_control_is_clipped_at_the_first_start_size(
        make_window: MakeWindow, qtbot: QtBot, tmp_path: Path, language: str) -> None:
    from PySide6.QtWidgets import QAbstractButton

    compile_translations()
    translators = Translators()
    translators.install(language)
    try:
        window = make_window(Settings())
        document = tmp_path / "notes.txt"
        document.write_text("Good morning.\n", encoding="utf-8")
        window.open_files([document])  # every control enabled, the counts filled in
        qtbot.waitUntil(lambda: window.translate.model.rowCount() == 1, timeout=10_000)
        window.resize(1100, 720)  # the first start's size
        qtbot.wait(50)
        bar = window.translate.bar
        clipped = [f"{w.objectName() or type(w).__name__} '{w.text()}': {w.width()} px"
                   for w in bar.findChildren(QAbstractButton)
                   if w.isVisible() and w.width() < w.minimumSizeHint().width()]
        find = bar.find_edit
        needed = find.fontMetrics().horizontalAdvance(find.placeholderText())
        assert find.width() >= min(needed, 200), (find.width(), needed)
        assert not clipped
    finally:
        translators.install("en")
