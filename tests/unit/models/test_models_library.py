"""The local model library with a real GGUF (the embedded Gemma 3 270M)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from bayling_desktop.config import Settings
from bayling_desktop.engine.backend import CancelToken
from bayling_desktop.errors import ModelError
from bayling_desktop.models import library
from bayling_desktop.models.embedded import DEFAULT_MODEL, GEMMA3_270M
from bayling_desktop.paths import models_dir


def _user(entries: list[library.LocalModel]) -> list[library.LocalModel]:
    return [e for e in entries if not e.builtin]


def test_import_by_copy_reads_metadata_without_loading(gemma_path: Path) -> None:
    seen: list[tuple[int, int]] = []
    entry = library.import_model(gemma_path, progress=lambda d, t: seen.append((d, t)))
    assert entry.path == models_dir() / gemma_path.name
    assert entry.path.stat().st_size == gemma_path.stat().st_size
    assert not os.path.samefile(entry.path, gemma_path)
    assert entry.info is not None and entry.info.architecture == "gemma3"
    assert entry.info.quantization == "Q4_K_M"
    assert seen[-1] == (GEMMA3_270M.size, GEMMA3_270M.size)
    assert entry.usable and not entry.builtin


def test_import_with_link_and_a_chosen_name(gemma_path: Path) -> None:
    entry = library.import_model(gemma_path, name="tiny gemma", link=True)
    assert entry.name == "tiny gemma.gguf"
    assert entry.path is not None and os.path.samefile(entry.path, gemma_path)


def test_list_shows_builtins_and_library_models(gemma_path: Path) -> None:
    library.import_model(gemma_path, name="b-model", link=True)
    library.import_model(gemma_path, name="A-model", link=True)
    (models_dir() / "partial.gguf.incomplete").write_bytes(b"GGUF")
    entries = library.list_models(Settings())
    builtins = [e for e in entries if e.builtin]
    # the test suite's Gemma base model is installed here but never offered to users
    assert {e.name for e in builtins} == {DEFAULT_MODEL.key}
    assert [e.name for e in _user(entries)] == ["A-model.gguf", "b-model.gguf"]
    # With no model configured the embedded default model is the default.
    assert [e.name for e in entries if e.is_default] == [DEFAULT_MODEL.key]
    # ...unless it is the configured model: then it is listed, as the default
    configured = library.list_models(Settings(model_path=str(gemma_path)))
    gemma = next(e for e in configured if e.builtin and e.name == GEMMA3_270M.key)
    assert gemma.path == gemma_path and gemma.info is not None and gemma.is_default


def test_truncated_copy_is_refused(gemma_path: Path, tmp_path: Path) -> None:
    truncated = tmp_path / "cut.gguf"
    with gemma_path.open("rb") as src:
        truncated.write_bytes(src.read(GEMMA3_270M.size - 1_000_000))
    with pytest.raises(ModelError, match="truncated"):
        library.import_model(truncated)
    assert not (models_dir() / "cut.gguf").exists()


def test_non_gguf_and_missing_files_are_refused(tmp_path: Path) -> None:
    fake = tmp_path / "notes.gguf"
    fake.write_bytes(b"PK\x03\x04" + b"\0" * 100)
    with pytest.raises(ModelError, match="not a GGUF model file"):
        library.import_model(fake)
    with pytest.raises(ModelError, match="does not exist"):
        library.import_model(tmp_path / "nothing.gguf")


def test_a_broken_file_in_the_folder_is_listed_with_its_problem(gemma_path: Path) -> None:
    with gemma_path.open("rb") as src:
        (models_dir() / "broken.gguf").write_bytes(src.read(4096))
    [entry] = _user(library.list_models())
    assert entry.name == "broken.gguf" and not entry.usable
    assert entry.error is not None and "truncated" in str(entry.error)


def test_duplicate_names_and_bad_names_are_refused(gemma_path: Path) -> None:
    library.import_model(gemma_path, name="one", link=True)
    with pytest.raises(ModelError, match="already in the library"):
        library.import_model(gemma_path, name="one.gguf", link=True)
    for bad in ("../escape", ".hidden", "a/b", "  "):
        with pytest.raises(ModelError, match="cannot be a model name"):
            library.import_model(gemma_path, name=bad, link=True)


def test_importing_from_the_library_itself_is_refused(gemma_path: Path) -> None:
    entry = library.import_model(gemma_path, link=True)
    assert entry.path is not None
    with pytest.raises(ModelError, match="already in the model library"):
        library.import_model(entry.path, name="copy")


def test_cancelled_import_leaves_nothing(gemma_path: Path) -> None:
    cancel = CancelToken()
    cancel.cancel()
    with pytest.raises(library.ImportCancelled):
        library.import_model(gemma_path, cancel=cancel)
    assert list(models_dir().iterdir()) == []


def test_rename_keeps_the_default_pointing_at_the_file(gemma_path: Path) -> None:
    settings = Settings()
    library.import_model(gemma_path, name="old", link=True)
    library.set_default(settings, "old")
    assert settings.model_path == str(models_dir() / "old.gguf")
    renamed = library.rename_model("old", "new name", settings)
    assert renamed.name == "new name.gguf" and renamed.is_default
    assert settings.model_path == str(models_dir() / "new name.gguf")
    assert not (models_dir() / "old.gguf").exists()
    assert library.get_default(settings) == renamed


def test_remove_clears_the_default(gemma_path: Path) -> None:
    settings = Settings()
    library.import_model(gemma_path, name="gone", link=True)
    library.set_default(settings, "gone.gguf")
    removed = library.remove_model("gone", settings)
    assert not removed.exists() and gemma_path.exists()
    assert settings.model_path is None
    assert _user(library.list_models(settings)) == []
    with pytest.raises(ModelError, match="no model named 'gone'"):
        library.remove_model("gone", settings)


def test_builtins_cannot_be_renamed_or_removed() -> None:
    with pytest.raises(ModelError, match="built into the app"):
        library.remove_model(DEFAULT_MODEL.key)
    with pytest.raises(ModelError, match="built into the app"):
        library.rename_model(DEFAULT_MODEL.key, "mine")


def test_default_can_be_a_builtin_or_a_path(gemma_path: Path) -> None:
    settings = Settings(model_path="/somewhere/else.gguf")
    entry = library.set_default(settings, DEFAULT_MODEL.key)
    assert settings.model_path is None and entry.is_default
    library.set_default(settings, str(gemma_path))
    assert settings.model_path == str(gemma_path.resolve())
    default = library.get_default(settings)
    assert default is not None and default.path == gemma_path


def test_default_to_a_missing_file_is_reported_as_none() -> None:
    assert library.get_default(Settings(model_path="/no/such/model.gguf")) is None
