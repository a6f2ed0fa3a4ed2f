"""Child processes that a test interrupts with Ctrl+C (SIGINT).

A shell starts a background job with SIGINT ignored, and Python keeps an ignored SIGINT
ignored — so a suite launched with ``&`` (or under ``nohup``) would see the app run on
through the test's Ctrl+C. The children of those tests start with SIGINT at its default,
as they would from a terminal.
"""

from __future__ import annotations

import signal


def sigint_default() -> None:
    """``preexec_fn`` for a child that must receive Ctrl+C the way a terminal sends it."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)
