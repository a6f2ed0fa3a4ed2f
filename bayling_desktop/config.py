"""Typed settings with defaults, stored as JSON in the user config dir.

One registry decides every default (STYLE.md: Picard's typed options). The file
carries a version so later releases can migrate old keys instead of dropping them.
Secrets never live here: they go to the OS keyring (``models.secrets``).
"""

from __future__ import annotations

import dataclasses
import json
import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .fileio import atomic_write_text
from .paths import config_dir

log = logging.getLogger(__name__)

SETTINGS_VERSION = 1


@dataclass
class Settings:
    version: int = SETTINGS_VERSION
    #: path of the GGUF to load; None means the embedded default model
    model_path: str | None = None
    #: "auto" or one of engine.formats.FORMAT_NAMES
    prompt_format: str = "auto"
    #: per-model prompt format overrides, keyed by the model file's name
    format_overrides: dict[str, str] = field(default_factory=dict)
    context_length: int = 4096
    #: 0 lets the engine pick (physical cores)
    threads: int = 0
    batch_size: int = 512
    gpu_layers: int = 0
    #: sequences the local engine decodes at once (0 = auto from cores, memory, context
    #: length and model size); the context length above is per sequence
    parallel_sequences: int = 0
    temperature: float = 0.7
    #: translation decodes greedily by default, as in the BayLing paper
    translation_temperature: float = 0.0
    top_p: float = 1.0
    max_tokens: int = 1024
    repeat_penalty: float = 1.0
    #: "local" (llama.cpp) or "openai" (an OpenAI-compatible server)
    backend: str = "local"
    remote_base_url: str = ""
    remote_model: str = ""
    #: requests in flight per server (0 = what llama-server's /props reports, else 4);
    #: remote_base_url may list several servers separated by commas (a pool)
    remote_concurrency: int = 0
    #: Word comments, ODF annotations and Excel cell comments are units too (they are notes
    #: to the author, so off by default; the document says how many it left)
    translate_comments: bool = False
    source_language: str = "auto"
    target_language: str = "zh"
    #: "system", "en" or "zh_CN"
    ui_language: str = "system"
    #: "system", "light" or "dark"
    theme: str = "system"
    #: whether the user chose to store secrets in a plain file when no keyring exists
    allow_plaintext_secrets: bool = False
    recent_files: list[str] = field(default_factory=list)
    #: the documents open in the Translate workspace when the app was closed, reopened at
    #: the next start: path, source choice, target, selected segment, whether on screen
    open_documents: list[dict[str, Any]] = field(default_factory=list)
    #: the main window's saveGeometry() / saveState(), base64 (empty: first start)
    window_geometry: str = ""
    window_state: str = ""

    def to_json(self) -> str:
        return json.dumps(dataclasses.asdict(self), ensure_ascii=False, indent=2)


def settings_path() -> Path:
    return config_dir() / "settings.json"


def _migrate(data: dict[str, Any]) -> dict[str, Any]:
    version = int(data.get("version", 1))
    # Future versions add steps here: `if version < 2: data["new"] = data.pop("old")`.
    data["version"] = max(version, SETTINGS_VERSION)
    return data


def load_settings(path: Path | None = None) -> Settings:
    path = path or settings_path()
    if not path.exists():
        return Settings()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(data, dict):
            raise ValueError("not an object")
    except (OSError, ValueError) as exc:
        log.warning("settings file %s unreadable (%s); using defaults", path, exc)
        broken = path.with_suffix(".json.broken")
        path.replace(broken)
        return Settings()
    data = _migrate(data)
    known = {f.name: f for f in dataclasses.fields(Settings)}
    values: dict[str, Any] = {}
    defaults = Settings()
    for key, value in data.items():
        if key not in known:
            continue
        expected = type(getattr(defaults, key))
        if getattr(defaults, key) is None or isinstance(value, expected) or (
                expected is float and isinstance(value, int)):
            values[key] = value
        else:
            log.warning("setting %s has a value of the wrong type; using its default", key)
    return Settings(**values)


def save_settings(settings: Settings, path: Path | None = None) -> None:
    atomic_write_text(path or settings_path(), settings.to_json() + "\n", app_file=True)
