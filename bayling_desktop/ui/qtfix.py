"""A guard against a reference-count bug in some PySide6 releases.

PySide6 6.12.0 returns ``True`` from ``SignalInstance.emit()`` without taking a
reference. On Python 3.11 (where ``True`` is an ordinary object, immortal only from
3.12 on) every signal emitted from Python therefore drops one reference to ``True``;
after a few hundred emissions CPython deallocates ``True`` and aborts the process
("bool_dealloc: deallocating True or False"). A streaming chat emits that many in
seconds.

We probe for the leak once; where it exists we give ``True`` and ``False`` a large
reserve of references and top it up on a timer. Where it does not (fixed PySide6,
Python >= 3.12), nothing is touched.
"""

from __future__ import annotations

import ctypes
import logging
import sys

from PySide6.QtCore import QObject, QTimer, Signal

log = logging.getLogger(__name__)

# references added at a time; the timer tops up when fewer than half remain
RESERVE = 1 << 24
CHECK_INTERVAL_MS = 5_000
_PROBES = 16


class _Probe(QObject):
    ping = Signal()


def emit_leaks_true() -> bool:
    """Whether emitting a signal from Python loses a reference to ``True``."""
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return False
    probe = _Probe()
    before = sys.getrefcount(True)
    for _ in range(_PROBES):
        probe.ping.emit()
    lost = before - sys.getrefcount(True)
    probe.deleteLater()
    if lost >= _PROBES:
        # Give back what the probe itself took.
        _add_references(True, lost)
        return True
    return False


def _add_references(value: bool, count: int) -> None:
    refcount = ctypes.c_ssize_t.from_address(id(value))
    refcount.value += count


def top_up() -> None:
    for value in (True, False):
        if sys.getrefcount(value) < RESERVE // 2:
            _add_references(value, RESERVE)


class _Guard(QObject):
    def __init__(self, parent: QObject | None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setInterval(CHECK_INTERVAL_MS)
        self._timer.timeout.connect(top_up)
        self._timer.start()


_installed = False


def install_emit_guard(parent: QObject | None = None) -> bool:
    """Protect the process if this PySide6 has the leak; True when the guard is active.

    With *parent* (the application) a timer keeps the reserve full for sessions of
    any length; without one the single reserve covers millions of emissions.
    """
    global _installed
    if _installed or not emit_leaks_true():
        return _installed
    log.info("PySide6 %s leaks a reference per signal emission; guarding against it",
             _pyside_version())
    top_up()
    if parent is not None:
        _Guard(parent)
    _installed = True
    return True


def _pyside_version() -> str:
    import PySide6

    return str(PySide6.__version__)
