"""Where the app keeps its files.

Everything goes through platformdirs so the app behaves like a native citizen on
each OS. ``BAYLING_DESKTOP_HOME`` redirects all of it to one folder: tests point it
at ``tmp_path`` and portable installs can point it next to the executable.
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

from .errors import BaylingError

APP_DIR_NAME = "bayling-desktop"
_HOME_ENV = "BAYLING_DESKTOP_HOME"


class FolderError(BaylingError):
    """One of the app's folders cannot be created (read-only disk, no permission)."""


def _ensure(path: Path) -> Path:
    """Create *path* if needed; failing says which folder and what to do, in one sentence."""
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise FolderError("could_not_create_folder", path=path, reason=exc.strerror or exc,
                          home_env=_HOME_ENV) from None
    return path


def _root(kind: str) -> Path:
    return _ensure(_where(kind))


def app_folders() -> tuple[Path, Path]:
    """The data and config folders, without creating them (for the output guard)."""
    return _where("data"), _where("config")


def _where(kind: str) -> Path:
    override = os.environ.get(_HOME_ENV)
    if override:
        path = Path(override) / kind
    else:
        getter = {
            "data": platformdirs.user_data_path,
            "config": platformdirs.user_config_path,
            "cache": platformdirs.user_cache_path,
            "log": platformdirs.user_log_path,
        }[kind]
        path = getter(APP_DIR_NAME, appauthor=False)
    return path


def data_dir() -> Path:
    return _root("data")


def config_dir() -> Path:
    return _root("config")


def cache_dir() -> Path:
    return _root("cache")


def log_dir() -> Path:
    return _root("log")


def models_dir() -> Path:
    return _ensure(data_dir() / "models")


def embedded_models_dir() -> Path:
    """Assembled embedded models; ``BAYLING_DESKTOP_MODEL_CACHE`` lets tests share one copy."""
    override = os.environ.get("BAYLING_DESKTOP_MODEL_CACHE")
    return _ensure(Path(override) if override else cache_dir() / "embedded-models")
