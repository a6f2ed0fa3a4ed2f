"""Shared test set-up: offscreen Qt, a private home per test, the real test models."""

from __future__ import annotations

import os

# Qt reads this at QApplication creation; set it before anything imports Qt.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.pop("BAYLING_MODEL", None)

from collections.abc import Iterator
from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def private_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Every test gets its own data/config/cache dirs; assembled models stay shared."""
    home = tmp_path / "home"
    monkeypatch.setenv("BAYLING_DESKTOP_HOME", str(home))
    # The embedded models are assembled once into the real cache and reused by every test.
    if "BAYLING_DESKTOP_MODEL_CACHE" not in os.environ:
        import platformdirs

        shared = platformdirs.user_cache_path("bayling-desktop", appauthor=False)
        monkeypatch.setenv("BAYLING_DESKTOP_MODEL_CACHE", str(shared / "embedded-models"))
    yield home


@pytest.fixture(scope="session")
def qwen_model_path() -> Path:
    from bayling_desktop.models.embedded import QWEN_05B, ensure_embedded

    return ensure_embedded(QWEN_05B)


@pytest.fixture(scope="session")
def gemma_model_path() -> Path:
    from bayling_desktop.models.embedded import GEMMA3_270M, ensure_embedded

    return ensure_embedded(GEMMA3_270M)
