"""The loaded model as both worker lanes share it, and what it reports while it runs.

Kept apart from ``worker.py`` so the threading there stays readable: the slot that
lets one lane close the model only once the other has stopped using it, the
``parallel`` / ``activity()`` probes of a backend, and the library's name for a model.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass
from pathlib import Path

from ..config import Settings
from ..engine.backend import Backend
from ..errors import BaylingError

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Activity:
    """What the model is doing right now, for the status bar."""

    running: int
    tokens_per_second: float


def backend_parallel(backend: object) -> int:
    try:
        return max(1, int(getattr(backend, "parallel", 1) or 1))
    except (TypeError, ValueError):
        return 1


def read_activity(backend: object) -> Activity | None:
    """``backend.activity()`` as plain numbers; None when the backend cannot tell."""
    probe = getattr(backend, "activity", None)
    if not callable(probe):
        return None
    try:
        value = probe()
    except Exception:  # a status read must never disturb the model
        log.debug("activity() failed", exc_info=True)
        return None

    def field_of(*names: str) -> float:
        for name in names:
            found = value.get(name) if isinstance(value, dict) else getattr(value, name, None)
            if isinstance(found, int | float):
                return float(found)
        return 0.0

    return Activity(int(field_of("running", "sequences", "active")),
                    field_of("tokens_per_second", "tok_per_s", "speed"))


class BackendSlot:
    """The loaded backend, shared by both lanes; closing waits until no job uses it."""

    def __init__(self) -> None:
        self.backend: Backend | None = None
        self.error = "No model is loaded yet."
        self._users = 0
        self._idle = threading.Condition()

    def acquire(self) -> Backend | None:
        with self._idle:
            if self.backend is not None:
                self._users += 1
            return self.backend

    def release(self) -> None:
        with self._idle:
            self._users -= 1
            self._idle.notify_all()

    def close(self, timeout: float = 30.0) -> None:
        with self._idle:
            backend, self.backend = self.backend, None
            # jobs on the other lane were cancelled; they stop within one token
            self._idle.wait_for(lambda: self._users == 0, timeout)
        if backend is not None:
            try:
                backend.close()
            except Exception:  # closing must never fail the next load
                log.exception("closing the model failed")
        self.error = "No model is loaded yet."


def library_name(backend: Backend, settings: Settings) -> str:
    """The title the model library gives this file (not the GGUF's own, often odd, name)."""
    info = getattr(backend, "info", None)
    path = getattr(info, "path", None)
    if path is None:
        return backend.description.split(" · ")[0]
    try:
        from ..models.library import list_models

        for entry in list_models(settings):
            if entry.path is not None and Path(entry.path).resolve() == Path(path).resolve():
                return entry.title
    except (BaylingError, OSError):
        log.debug("model library unreadable", exc_info=True)
    return str(getattr(info, "display_name", "") or Path(path).stem)
