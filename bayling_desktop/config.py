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

from .errors import BaylingError
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


#: the range of each numeric setting, decided here once for every backend and front end:
#: a value from the file outside it is clamped (a negative one becomes the default), a
#: command-line value outside it is refused before anything loads
LIMITS: dict[str, tuple[float, float]] = {
    "context_length": (0, 1 << 20),  # 0: the model's own
    "threads": (0, 256),  # 0: the engine picks; llama.cpp aborts on absurd counts
    "batch_size": (1, 1 << 16),
    "gpu_layers": (-1, 10_000),  # -1: all
    "parallel_sequences": (0, 64),
    "temperature": (0.0, 5.0),
    "translation_temperature": (0.0, 5.0),
    "top_p": (0.0, 1.0),
    "max_tokens": (1, 1 << 20),
    "repeat_penalty": (0.0, 10.0),
    "remote_concurrency": (0, 256),
}


def _within(settings: Settings) -> Settings:
    """*settings* with every number inside :data:`LIMITS` (the file may say anything)."""
    defaults = Settings()
    for name, (low, high) in LIMITS.items():
        value = getattr(settings, name)
        if isinstance(value, bool) or not low <= value <= high:
            fixed = getattr(defaults, name) if isinstance(value, bool) or value < low else high
            log.warning("setting %s = %r is outside %s..%s; using %r", name, value, low, high,
                        fixed)
            setattr(settings, name, type(getattr(defaults, name))(fixed))
    return settings


def check_option(name: str, value: float, option: str) -> None:
    """Refuse a command-line *value* for setting *name* outside its range, in one sentence."""
    low, high = LIMITS[name]
    if not low <= value <= high:
        raise BaylingError("number_out_of_range", option=option, low=f"{low:g}", high=f"{high:g}",
                           value=f"{value:g}")


def _migrate(data: dict[str, Any]) -> dict[str, Any]:
    raw = data.get("version", 1)
    version = raw if isinstance(raw, int) and not isinstance(raw, bool) and raw > 0 else 1
    if version != raw:
        log.warning("settings version %r is not a version number; reading it as 1", raw)
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
        try:
            path.replace(path.with_suffix(".json.broken"))
        except OSError as move:  # a read-only folder: leave it, the defaults still apply
            log.warning("could not move the broken settings file aside (%s)", move)
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
    return _within(Settings(**values))


def save_settings(settings: Settings, path: Path | None = None) -> None:
    atomic_write_text(path or settings_path(), settings.to_json() + "\n", app_file=True)
