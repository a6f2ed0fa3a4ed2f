"""The local model library: the GGUF files the user has, under ``paths.models_dir()``.

Listing must be instant for many multi-gigabyte files, so it reads GGUF headers
only (``read_gguf_info``, cached by size and mtime) and never loads weights or
assembles the embedded models. A file is validated before it enters the library, so
a truncated download or a renamed non-GGUF file is refused with a sentence that says
so, instead of a bare "failed to load model" from llama.cpp later.

Functions that change the default take the :class:`Settings` object and change it
in place; the caller saves it (the GUI and the CLI each own their settings).
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ..config import Settings
from ..engine.backend import CancelToken
from ..engine.gguf_info import GGUFInfo, read_gguf_info
from ..errors import ModelError
from ..fileio import atomic_open
from ..paths import embedded_models_dir, models_dir
from ..sentences import Sentence
from .embedded import DEFAULT_MODEL, EMBEDDED_MODELS, EmbeddedModel, ensure_embedded

Progress = Callable[[int, int], None]
_COPY_BLOCK = 4 * 1024 * 1024
_DISK_MARGIN = 64 * 1024**2
_MAX_NAME = 200

_info_cache: dict[tuple[str, int, int], GGUFInfo] = {}
_cache_lock = threading.Lock()


class ImportCancelled(ModelError):
    """The user cancelled an import; nothing was added."""


@dataclass(frozen=True)
class LocalModel:
    #: the file name in the library, or the key of a built-in model
    name: str
    title: str
    #: None for a built-in model that has not been assembled yet
    path: Path | None
    size: int
    builtin: bool
    info: GGUFInfo | None
    #: why the file cannot be used (truncated, not GGUF…); None when it is fine
    error: Sentence | None = None
    is_default: bool = False

    @property
    def usable(self) -> bool:
        return self.error is None


def cached_info(path: Path) -> GGUFInfo:
    """``read_gguf_info`` memoised on (path, size, mtime): the list refreshes often."""
    stat = path.stat()
    key = (str(path), stat.st_size, stat.st_mtime_ns)
    with _cache_lock:
        found = _info_cache.get(key)
    if found is not None:
        return found
    info = read_gguf_info(path)
    with _cache_lock:
        _info_cache[key] = info
    return info


def _same_file(a: Path | str | None, b: Path | None) -> bool:
    if a is None or b is None:
        return False
    try:
        return Path(a).expanduser().resolve() == b.resolve()
    except OSError:
        return False


def _builtin_entry(model: EmbeddedModel, settings: Settings | None) -> LocalModel | None:
    path = embedded_models_dir() / model.file_name
    assembled = path.is_file() and path.stat().st_size == model.size
    installed = importlib.util.find_spec(model.parts[0][0]) is not None
    if not assembled and not installed and model is not DEFAULT_MODEL:
        return None
    error = None
    if not assembled and not installed:
        error = Sentence("model_not_installed", extra=model.pip_extra)
    info = None
    if assembled:
        try:
            info = cached_info(path)
        except ModelError as exc:
            error = exc.sentence
    if settings is None:
        is_default = False
    elif settings.model_path is None:
        is_default = model is DEFAULT_MODEL
    else:
        is_default = assembled and _same_file(settings.model_path, path)
    if model.pip_extra == "test-models" and not is_default:
        return None  # a fixture of the test suite, not a model to offer anyone
    return LocalModel(name=model.key, title=model.title, path=path if assembled else None,
                      size=model.size, builtin=True, info=info, error=error,
                      is_default=is_default)


def _user_entry(path: Path, settings: Settings | None) -> LocalModel:
    info: GGUFInfo | None = None
    error = None
    try:
        info = cached_info(path)
    except ModelError as exc:
        error = exc.sentence
    title = info.display_name if info else path.stem
    is_default = settings is not None and _same_file(settings.model_path, path)
    return LocalModel(name=path.name, title=title, path=path, size=path.stat().st_size,
                      builtin=False, info=info, error=error, is_default=is_default)


def list_models(settings: Settings | None = None,
                directory: Path | None = None) -> list[LocalModel]:
    """Built-in models first, then the library's ``.gguf`` files by name."""
    entries = [e for m in EMBEDDED_MODELS.values() if (e := _builtin_entry(m, settings))]
    folder = directory or models_dir()
    files = sorted((p for p in folder.glob("*.gguf") if p.is_file()),
                   key=lambda p: p.name.lower())
    entries.extend(_user_entry(path, settings) for path in files)
    return entries


def find_model(name: str, settings: Settings | None = None,
               directory: Path | None = None) -> LocalModel:
    """The model called *name* (with or without ``.gguf``), or a clear ModelError."""
    wanted = name.strip()
    for entry in list_models(settings, directory):
        names = {entry.name}
        if entry.name.lower().endswith(".gguf"):
            names.add(entry.name[:-5])
        if wanted in names:
            return entry
    raise ModelError("no_model_named_library", name=name)


def _clean_name(name: str) -> str:
    name = name.strip()
    if not name.lower().endswith(".gguf"):
        name += ".gguf"
    stem = name[:-5]
    if (not stem.strip() or "/" in name or "\\" in name or "\0" in name
            or name.startswith(".") or len(name) > _MAX_NAME):
        raise ModelError("bad_model_name", name=name)
    return name


def _copy(source: Path, target: Path, progress: Progress | None,
          cancel: CancelToken | None) -> None:
    total = source.stat().st_size
    done = 0
    with source.open("rb") as src, atomic_open(target, "wb") as out:
        while block := src.read(_COPY_BLOCK):
            if cancel is not None and cancel.cancelled:
                # Raising inside atomic_open removes the temporary copy.
                raise ImportCancelled("importing_cancelled", source=source.name)
            out.write(block)
            done += len(block)
            if progress:
                progress(done, total)


def import_model(source: str | Path, *, name: str | None = None, directory: Path | None = None,
                 link: bool = False, progress: Progress | None = None,
                 cancel: CancelToken | None = None) -> LocalModel:
    """Validate *source* as GGUF and copy (or hard-link) it into the library.

    A hard link costs no space or time and is safe because GGUF files are never
    modified in place; it falls back to a copy across file systems.
    """
    source = Path(source).expanduser()
    info = read_gguf_info(source)  # refuses missing, non-GGUF and truncated files
    folder = directory or models_dir()
    target = folder / _clean_name(name or source.name)
    if _same_file(source, target) or _same_file(source.parent, folder):
        raise ModelError("already_model_library", source=source.name)
    if target.exists():
        raise ModelError("model_named_already_library", target=target.name)
    linked = False
    if link:
        try:
            os.link(source, target)
            linked = True
        except OSError:
            linked = False
    if not linked:
        free = shutil.disk_usage(folder).free
        if free < info.file_size + _DISK_MARGIN:
            raise ModelError("no_disk_space_import", source=source.name,
                             file_size=f"{info.file_size / 1e9:.2f}", free=f"{free / 1e9:.2f}")
        try:
            _copy(source, target, progress, cancel)
        except OSError as exc:
            raise ModelError("could_not_read", path=source, reason=exc.strerror or exc) from exc
    return _user_entry(target, None)


def _user_model(name: str, directory: Path | None, refusal: str) -> LocalModel:
    """The library's own file named *name*; a built-in model is refused with the sentence
    code *refusal* (it cannot be renamed or removed)."""
    entry = find_model(name, None, directory)
    if entry.builtin:
        raise ModelError(refusal, title=entry.title)
    return entry


def rename_model(name: str, new_name: str, settings: Settings | None = None,
                 directory: Path | None = None) -> LocalModel:
    entry = _user_model(name, directory, "built_in_not_renamed")
    assert entry.path is not None
    target = entry.path.with_name(_clean_name(new_name))
    if target == entry.path:
        return entry
    if target.exists():
        raise ModelError("model_already_in_library", target=target.name)
    was_default = settings is not None and _same_file(settings.model_path, entry.path)
    try:
        entry.path.rename(target)
    except OSError as exc:
        raise ModelError("could_not_rename", entry=entry.name, reason=exc.strerror or exc) from exc
    if settings is not None and was_default:
        settings.model_path = str(target)
    return _user_entry(target, settings)


def remove_model(name: str, settings: Settings | None = None,
                 directory: Path | None = None) -> Path:
    """Delete a library model (the caller has asked the user to confirm)."""
    entry = _user_model(name, directory, "built_in_not_removed")
    assert entry.path is not None
    was_default = settings is not None and _same_file(settings.model_path, entry.path)
    try:
        entry.path.unlink()
    except OSError as exc:
        raise ModelError("could_not_remove", entry=entry.name, reason=exc.strerror or exc) from exc
    if settings is not None and was_default:
        settings.model_path = None
    return entry.path


def set_default(settings: Settings, name: str, directory: Path | None = None) -> LocalModel:
    """Make *name* (a library model, a built-in key, or a GGUF path) the default."""
    candidate = Path(name).expanduser()
    if candidate.suffix.lower() == ".gguf" and candidate.is_file() and (
            os.sep in name or "/" in name):
        read_gguf_info(candidate)
        settings.model_path = str(candidate.resolve())
        return _user_entry(candidate, settings)
    entry = find_model(name, settings, directory)
    if entry.builtin:
        model = EMBEDDED_MODELS[entry.name]
        settings.model_path = None if model is DEFAULT_MODEL else str(ensure_embedded(model))
    else:
        if entry.error:
            raise ModelError(entry.error)
        assert entry.path is not None
        settings.model_path = str(entry.path)
    return find_model(entry.name, settings, directory)


def get_default(settings: Settings, directory: Path | None = None) -> LocalModel | None:
    """The default model's entry; None when it points at a file that is gone."""
    for entry in list_models(settings, directory):
        if entry.is_default:
            return entry
    if settings.model_path:
        path = Path(settings.model_path).expanduser()
        if path.is_file():
            return _user_entry(path, settings)
    return None
