"""The PySide6 emit guard keeps the interpreter alive through many emissions."""

from __future__ import annotations

import subprocess
import sys

from PySide6.QtCore import QObject, Signal

from bayling_desktop.ui.qtfix import RESERVE, emit_leaks_true, install_emit_guard


class Pinger(QObject):
    ping = Signal(int)


def test_many_emissions_do_not_exhaust_true() -> None:
    assert install_emit_guard() in (True, False)
    pinger = Pinger()
    received: list[int] = []
    pinger.ping.connect(received.append)
    before = sys.getrefcount(True)
    for number in range(5_000):
        pinger.ping.emit(number)
    assert len(received) == 5_000
    assert sys.getrefcount(True) > 1_000
    if emit_leaks_true():
        assert before > RESERVE // 4  # the reserve was in place


def test_a_fresh_interpreter_survives_20000_guarded_emissions() -> None:
    """Unguarded, a leaky PySide6 aborts long before 20,000 emissions (about 600)."""
    code = ("import sys\n"
            "from PySide6.QtCore import QObject, Signal\n"
            "from bayling_desktop.ui.qtfix import emit_leaks_true, install_emit_guard\n"
            "class P(QObject):\n    s = Signal()\n"
            "leaks = emit_leaks_true()\n"
            "install_emit_guard()\n"
            "p = P()\n"
            "for _ in range(20000):\n    p.s.emit()\n"
            "print('leaks' if leaks else 'clean')\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=60, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() in ("leaks", "clean")
