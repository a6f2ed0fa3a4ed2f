"""The first-start choices that end with a loaded model."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from bayling_desktop.config import Settings, load_settings
from bayling_desktop.ui.main_window import MainWindow

pytestmark = pytest.mark.model
MakeWindow = Callable[[Settings], MainWindow]


def test_use_the_built_in_model(make_window: MakeWindow, qtbot: QtBot,
                                qwen_model_path: Path, empty_model_cache: Path,
                                monkeypatch: pytest.MonkeyPatch) -> None:
    window = make_window(Settings(context_length=1024, threads=2))
    window.start()
    assert window.stack.currentWidget() is window.welcome
    # Point the cache back at the already assembled copy, as if assembling had been done.
    monkeypatch.setenv("BAYLING_DESKTOP_MODEL_CACHE", str(qwen_model_path.parent))
    with qtbot.waitSignal(window.client.modelLoaded, timeout=60_000):
        window.welcome.builtin_button.click()
        assert not window.welcome.import_button.isEnabled()  # busy while it prepares
    assert window.stack.currentWidget() is window.tabs
    assert window.model_label.text().startswith("Qwen2.5")
    assert load_settings().model_path is None  # "built-in" stays the default choice


def test_import_a_gguf(make_window: MakeWindow, qtbot: QtBot, gemma_model_path: Path,
                       empty_model_cache: Path) -> None:
    window = make_window(Settings(context_length=512, threads=2))
    window.start()
    assert window.stack.currentWidget() is window.welcome
    with qtbot.waitSignal(window.client.modelLoaded, timeout=60_000):
        window.welcome.importRequested.emit(str(gemma_model_path))
    assert window.stack.currentWidget() is window.tabs
    assert load_settings().model_path == str(gemma_model_path)
    assert window.client.summary is not None
    assert window.client.summary.format_name == "plain"  # no chat template inside
