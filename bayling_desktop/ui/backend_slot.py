"""The loaded model as both worker lanes share it, and what it reports while it runs.

Kept apart from ``worker.py`` so the threading there stays readable: the slot that
lets one lane close the model only once the other has stopped using it, the
``parallel`` / ``activity()`` reads of a backend, and the library's name for a model.
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path

from ..config import Settings
from ..engine.backend import Backend, EngineActivity
from ..errors import BaylingError
from ..models.library import list_models
from ..sentences import Sentence

log = logging.getLogger(__name__)


def backend_parallel(backend: Backend) -> int:
    return max(1, backend.parallel)


def read_activity(backend: Backend) -> EngineActivity | None:
    """``backend.activity()``; None when the backend cannot tell, or the read failed."""
    try:
        return backend.activity()
    except Exception:  # a status read must never disturb the model
        log.debug("activity() failed", exc_info=True)
        return None


class BackendSlot:
    """The loaded backend, shared by both lanes; closing waits until no job uses it."""

    def __init__(self) -> None:
        self.backend: Backend | None = None
        self.error = Sentence("no_model_loaded")
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
        self.error = Sentence("no_model_loaded")


def library_name(backend: Backend, settings: Settings) -> str:
    """The title the model library gives this file (not the GGUF's own, often odd, name)."""
    info = backend.info
    if info is None:
        return backend.description.split(" · ")[0]
    try:
        for entry in list_models(settings):
            if entry.path is not None and Path(entry.path).resolve() == info.path.resolve():
                return entry.title
    except (BaylingError, OSError):
        log.debug("model library unreadable", exc_info=True)
    return info.display_name
