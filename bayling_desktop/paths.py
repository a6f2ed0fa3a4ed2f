"""Where the app keeps its files.

Everything goes through platformdirs so the app behaves like a native citizen on
each OS. ``BAYLING_DESKTOP_HOME`` redirects all of it to one folder: tests point it
at ``tmp_path`` and portable installs can point it next to the executable.
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_DIR_NAME = "bayling-desktop"
_HOME_ENV = "BAYLING_DESKTOP_HOME"


def _root(kind: str) -> Path:
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
    path.mkdir(parents=True, exist_ok=True)
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
    path = data_dir() / "models"
    path.mkdir(parents=True, exist_ok=True)
    return path


def embedded_models_dir() -> Path:
    """Assembled embedded models; ``BAYLING_DESKTOP_MODEL_CACHE`` lets tests share one copy."""
    override = os.environ.get("BAYLING_DESKTOP_MODEL_CACHE")
    path = Path(override) if override else cache_dir() / "embedded-models"
    path.mkdir(parents=True, exist_ok=True)
    return path
