"""Which model the user asked for, resolved above the engine into its plain inputs."""

from __future__ import annotations

from pathlib import Path

import pytest

from bayling_desktop.config import Settings
from bayling_desktop.engine.loader import LocalModel, RemoteServer
from bayling_desktop.errors import ModelError
from bayling_desktop.models.secrets import set_remote_api_key
from bayling_desktop.models.selection import MODEL_VARIABLE, asked_model, backend_spec
from tests.memkeyring import MemoryKeyring


def test_the_command_line_beats_the_environment_beats_settings(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    settings = Settings(model_path=str(tmp_path / "configured.gguf"))
    monkeypatch.delenv(MODEL_VARIABLE, raising=False)
    assert asked_model(Settings()) is None  # nothing asked: the embedded default
    assert asked_model(settings) == tmp_path / "configured.gguf"
    monkeypatch.setenv(MODEL_VARIABLE, str(tmp_path / "from-env.gguf"))
    assert asked_model(settings) == tmp_path / "from-env.gguf"
    assert asked_model(settings, str(tmp_path / "flag.gguf")) == tmp_path / "flag.gguf"
    assert asked_model(Settings(), "~/m.gguf") == Path.home() / "m.gguf"


def test_a_local_spec_carries_the_settings_numbers_and_the_files_format(
        monkeypatch: pytest.MonkeyPatch, gemma_path: Path) -> None:
    monkeypatch.delenv(MODEL_VARIABLE, raising=False)
    settings = Settings(model_path=str(gemma_path), context_length=1024, threads=3,
                        batch_size=64, gpu_layers=-1, parallel_sequences=2,
                        format_overrides={gemma_path.name: "plain"})
    spec = backend_spec(settings)
    assert spec == LocalModel(gemma_path, context_length=1024, threads=3, batch_size=64,
                              gpu_layers=-1, prompt_format="plain", parallel=2)
    chosen = backend_spec(settings, prompt_format="gguf")  # --chat-format beats the override
    assert isinstance(chosen, LocalModel) and chosen.prompt_format == "gguf"


def test_a_remote_spec_takes_its_key_from_the_keyring_and_never_shows_it(
        memory_keyring: MemoryKeyring) -> None:
    with pytest.raises(ModelError, match="server address"):
        backend_spec(Settings(backend="openai"))
    settings = Settings(backend="openai", remote_base_url="http://127.0.0.1:9/v1",
                        remote_model="m", remote_concurrency=3, context_length=2048)
    set_remote_api_key(settings.remote_base_url, "sk-secret-1234", settings)
    spec = backend_spec(settings)
    assert spec == RemoteServer("http://127.0.0.1:9/v1", "m", "sk-secret-1234",
                                context_length=2048, max_concurrency=3)
    assert "sk-secret" not in repr(spec)
