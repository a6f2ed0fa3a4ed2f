"""Core utilities: settings, atomic writes, languages, embedded models."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from bayling_desktop.config import Settings, load_settings, save_settings, settings_path
from bayling_desktop.errors import BaylingError, ModelError, OutputError
from bayling_desktop.fileio import atomic_open, atomic_write_text
from bayling_desktop.languages import resolve
from bayling_desktop.models.embedded import EmbeddedModel, ensure_embedded, sha256_file


def test_settings_round_trip_in_the_private_home(private_home: Path) -> None:
    settings = Settings(context_length=8192, target_language="ja",
                        format_overrides={"b.gguf": "bayling-3"})
    save_settings(settings)
    assert settings_path().is_relative_to(private_home)
    loaded = load_settings()
    assert loaded == settings


def test_settings_survive_bad_values_and_unknown_keys() -> None:
    settings_path().write_text(json.dumps({"version": 1, "context_length": "huge",
                                           "temperature": 1, "from_the_future": True}))
    loaded = load_settings()
    assert loaded.context_length == Settings().context_length  # wrong type -> default
    assert loaded.temperature == 1.0  # an int where a float is expected is fine


def test_corrupt_settings_file_is_kept_aside() -> None:
    settings_path().write_text("{not json")
    assert load_settings() == Settings()
    assert settings_path().with_suffix(".json.broken").exists()


def test_atomic_write_leaves_nothing_on_failure(tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    target.write_text("old")
    with pytest.raises(RuntimeError), atomic_open(target) as handle:
        handle.write("half")
        raise RuntimeError("boom")
    assert target.read_text() == "old"
    assert list(tmp_path.iterdir()) == [target]
    atomic_write_text(target, "new")
    assert target.read_text() == "new"


def test_atomic_write_to_a_missing_folder_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(OutputError, match="does not exist"):
        atomic_write_text(tmp_path / "nope" / "x.txt", "data")


@pytest.mark.parametrize(("value", "code"), [
    ("zh", "zh"), ("zh-TW", "zh-TW"), ("zh_tw", "zh-TW"), ("zh-Hant", "zh-TW"),
    ("Japanese", "ja"), ("日文", "ja"), ("pt-BR", "pt-BR"), ("de-AT", "de"), ("EN", "en"),
])
def test_language_resolution(value: str, code: str) -> None:
    assert resolve(value).code == code


def test_unknown_language() -> None:
    with pytest.raises(BaylingError, match="Unknown language"):
        resolve("xx-nowhere")


def _fake_parts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, chunks: list[bytes]) -> None:
    for number, chunk in enumerate(chunks, start=1):
        package = tmp_path / "site" / f"fakepart{number}"
        (package / "data").mkdir(parents=True)
        (package / "__init__.py").write_text("")
        (package / "data" / "part.bin").write_bytes(chunk)
    monkeypatch.syspath_prepend(str(tmp_path / "site"))
    for number in range(1, len(chunks) + 1):
        sys.modules.pop(f"fakepart{number}", None)


def _model(chunks: list[bytes], digest: str) -> EmbeddedModel:
    parts = tuple((f"fakepart{i}", "data/part.bin") for i in range(1, len(chunks) + 1))
    return EmbeddedModel("fake", "fake.gguf", "Fake", sum(map(len, chunks)), digest, parts,
                         "fake-extra", "none")


def test_embedded_model_is_assembled_and_verified(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    import hashlib

    chunks = [b"GGUF" + b"a" * 1000, b"b" * 500]
    _fake_parts(tmp_path, monkeypatch, chunks)
    model = _model(chunks, hashlib.sha256(b"".join(chunks)).hexdigest())
    path = ensure_embedded(model, tmp_path / "cache")
    assert path.read_bytes() == b"".join(chunks)
    assert sha256_file(path) == model.sha256
    assert ensure_embedded(model, tmp_path / "cache") == path  # second call: no rebuild


def test_embedded_model_with_a_wrong_hash_is_refused(tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    chunks = [b"x" * 100, b"y" * 100]
    _fake_parts(tmp_path, monkeypatch, chunks)
    with pytest.raises(ModelError, match="checksum"):
        ensure_embedded(_model(chunks, "0" * 64), tmp_path / "cache")
    assert not list((tmp_path / "cache").iterdir())  # nothing half-made left behind


def test_embedded_model_with_a_missing_part_is_refused(tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    chunks = [b"x" * 10]
    _fake_parts(tmp_path, monkeypatch, chunks)
    model = EmbeddedModel("fake", "fake.gguf", "Fake", 20, "0" * 64,
                          (("fakepart1", "data/part.bin"), ("fakepart_missing", "data/p.bin")),
                          "fake-extra", "none")
    with pytest.raises(ModelError, match=r"pip install 'bayling-desktop\[fake-extra\]'"):
        ensure_embedded(model, tmp_path / "cache")
