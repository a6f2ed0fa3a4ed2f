"""Fixtures for model-management tests: a private home, a fake Hub, an in-memory keyring."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest

from bayling_desktop.models.embedded import GEMMA3_270M, ensure_embedded
from tests.hubserver import HubServer
from tests.memkeyring import MemoryKeyring


@pytest.fixture(scope="session")
def gemma_path() -> Path:
    """The real Gemma 3 270M GGUF, assembled once in the shared model cache."""
    return ensure_embedded(GEMMA3_270M)


@pytest.fixture(autouse=True)
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, gemma_path: Path) -> Path:
    home = tmp_path / "home"
    monkeypatch.setenv("BAYLING_DESKTOP_HOME", str(home))
    # Built-in models keep resolving to the shared cache, not a fresh copy per test.
    monkeypatch.setenv("BAYLING_DESKTOP_MODEL_CACHE", str(gemma_path.parent))
    for name in ("HF_TOKEN", "HUGGING_FACE_HUB_TOKEN", "HF_HUB_OFFLINE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("HF_HOME", str(tmp_path / "hf-home"))
    return home


@pytest.fixture
def hub(monkeypatch: pytest.MonkeyPatch) -> Iterator[HubServer]:
    with HubServer() as server:
        monkeypatch.setenv("HF_ENDPOINT", server.url)
        yield server


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    try:
        yield backend
    finally:
        keyring.set_keyring(previous)


@pytest.fixture
def no_keyring() -> Iterator[None]:
    import keyring.backends.fail

    previous = keyring.get_keyring()
    keyring.set_keyring(keyring.backends.fail.Keyring())
    try:
        yield
    finally:
        keyring.set_keyring(previous)

