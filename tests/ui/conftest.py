"""Fixtures for the GUI tests: settings aimed at the real test model, windows that close,
a model client that stops its thread, and a fake backend served in place of a model."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from bayling_desktop.config import Settings
from bayling_desktop.engine.backend import Backend
from bayling_desktop.ui.i18n import Translators
from bayling_desktop.ui.main_window import MainWindow
from bayling_desktop.ui.worker import ModelClient

# The offscreen platform warns whenever a window's size limits change; nothing is wrong.
OFFSCREEN_NOISE = "This plugin does not support propagateSizeHints"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/ui/" in str(item.path).replace("\\", "/"):
            item.add_marker(pytest.mark.qt_log_ignore(OFFSCREEN_NOISE))


@pytest.fixture
def model_settings(qwen_model_path: Path) -> Settings:
    """Small context, greedy, short replies: fast and repeatable on two cores."""
    # two sequences: rows still stream side by side, and each lane has several units
    # (with auto's eight lanes a seven-paragraph document would be done in one step)
    return Settings(model_path=str(qwen_model_path), context_length=1024, threads=2,
                    temperature=0.0, max_tokens=16, parallel_sequences=2)


@pytest.fixture
def no_model_settings() -> Settings:
    return Settings()


@pytest.fixture
def empty_model_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A cache without the assembled built-in model: the first-start situation."""
    cache = tmp_path / "empty-model-cache"
    cache.mkdir()
    monkeypatch.setenv("BAYLING_DESKTOP_MODEL_CACHE", str(cache))
    monkeypatch.delenv("BAYLING_MODEL", raising=False)
    yield cache


@pytest.fixture
def make_window(qtbot: QtBot) -> Iterator[Callable[[Settings], MainWindow]]:
    """Build shown main windows; each is closed (stopping its model thread) afterwards.

    The fixture keeps strong references: a window collected while its model thread
    runs would take the thread down with it.
    """
    made: list[MainWindow] = []

    def make(settings: Settings) -> MainWindow:
        window = MainWindow(settings, translators=Translators())
        qtbot.addWidget(window)
        window.show()
        made.append(window)
        return window

    yield make
    for window in made:
        window.close()
        assert not window.client.busy


@pytest.fixture
def client(qapp: QApplication) -> Iterator[ModelClient]:
    """A model client with no model yet; its thread is stopped (and must stop) afterwards."""
    made = ModelClient()
    yield made
    assert made.shutdown()


@pytest.fixture
def serve(monkeypatch: pytest.MonkeyPatch) -> Callable[[Backend], Backend]:
    """Make every later model load (a client's or a window's) hand out *backend*."""

    def use(backend: Backend) -> Backend:
        monkeypatch.setattr("bayling_desktop.ui.worker.load_backend",
                            lambda settings, model=None, progress=None: backend)
        return backend

    return use


@pytest.fixture
def loaded_client(client: ModelClient, qtbot: QtBot, serve: Callable[[Backend], Backend]
                  ) -> Callable[[Backend], ModelClient]:
    """The :func:`client` with *backend* loaded, as after choosing a model."""

    def load(backend: Backend) -> ModelClient:
        serve(backend)
        with qtbot.waitSignal(client.modelLoaded, timeout=30_000):
            client.load(Settings())
        return client

    return load
