"""Keep llama.cpp's C-level log off the user's terminal, but remember its errors.

llama.cpp prints loader errors ("unknown model architecture: 'xyz'") straight to
stderr. The CLI promises one clear sentence instead, so we route the C log into
Python logging and keep the recent error lines to explain a failed load.
"""

from __future__ import annotations

import collections
import ctypes
import logging
import threading

import llama_cpp

log = logging.getLogger("bayling_desktop.llama_cpp")

_recent: collections.deque[str] = collections.deque(maxlen=200)
_lock = threading.Lock()
_installed = False


@llama_cpp.llama_log_callback
def _callback(level: int, text: bytes, user_data: ctypes.c_void_p) -> None:
    message = text.decode("utf-8", errors="replace").rstrip()
    if not message:
        return
    with _lock:
        _recent.append(message)
    log.debug("%s", message)


def install() -> None:
    global _installed
    if not _installed:
        llama_cpp.llama_log_set(_callback, ctypes.c_void_p(0))
        _installed = True


def take_recent_errors() -> list[str]:
    with _lock:
        lines = list(_recent)
        _recent.clear()
    return lines
