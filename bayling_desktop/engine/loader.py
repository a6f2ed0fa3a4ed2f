"""Opening a backend from plain inputs its caller resolved.

The engine reads no ``Settings``, no environment variable and nothing of ``models/``
(ARCHITECTURE.md: arrows point down). Which file or server the user asked for, with
which numbers and which key, is decided above it (``models.selection`` for the app and
the CLI); what arrives here is one of two frozen specs, so a test or a script opens a
backend with the same call and no settings file.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .backend import Backend


@dataclass(frozen=True)
class LocalModel:
    """A GGUF file run in this process by llama.cpp (see :class:`~.llama.LlamaBackend`)."""

    path: Path
    #: tokens per sequence; 0 takes the model's trained context
    context_length: int = 4096
    #: 0: one per available core
    threads: int = 0
    batch_size: int = 512
    #: layers offloaded to the GPU (-1: all)
    gpu_layers: int = 0
    #: a chat format name, or "auto" to read it from the file
    prompt_format: str = "auto"
    #: sequences decoded together; 0 picks by cores and memory
    parallel: int = 1
    #: None: read the weights into memory when they fit, else map the file
    use_mmap: bool | None = None


@dataclass(frozen=True)
class RemoteServer:
    """One OpenAI-compatible server, or several separated by commas or spaces."""

    base_url: str
    #: the model id to ask for ("" lets the server choose)
    model: str = ""
    api_key: str | None = field(default=None, repr=False)  # never in a log line
    context_length: int = 4096
    #: requests in flight per server; 0 asks the server
    max_concurrency: int = 0


def open_backend(spec: LocalModel | RemoteServer) -> Backend:
    """Load the model or connect the server *spec* names; errors are :class:`ModelError`."""
    if isinstance(spec, RemoteServer):
        from .remote import RemoteBackend  # standard library only, but unneeded locally

        return RemoteBackend(spec.base_url, spec.model, spec.api_key,
                             context_length=spec.context_length,
                             max_concurrency=spec.max_concurrency)
    from .llama import LlamaBackend  # slow: loads llama.cpp's shared library

    return LlamaBackend(spec.path, context_length=spec.context_length, threads=spec.threads,
                        batch_size=spec.batch_size, gpu_layers=spec.gpu_layers,
                        prompt_format=spec.prompt_format, parallel=spec.parallel,
                        use_mmap=spec.use_mmap)
