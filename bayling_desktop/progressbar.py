"""A progress bar on stderr that keeps stdout clean for pipes.

Used by every command-line front end (``commands/``, ``models/cli.py``), so it sits below
all of them rather than in one of them.
"""

from __future__ import annotations

import sys
import time
from typing import TextIO

from .durations import english_duration


class ProgressBar:
    def __init__(self, total: int, label: str = "", stream: TextIO | None = None,
                 width: int = 28) -> None:
        self.total = max(total, 1)
        self.done = 0
        self.label = label
        self.stream = stream or sys.stderr
        self.width = width
        self.started = time.monotonic()
        self.rate = ""
        self._tty = self.stream.isatty()
        self._last_done = -1

    def update(self, done: int | None = None, label: str | None = None,
               rate: str | None = None) -> None:
        if done is not None:
            self.done = done
        if label is not None:
            self.label = label
        if rate is not None:
            self.rate = rate
        self._draw()

    def advance(self, steps: int = 1) -> None:
        self.update(self.done + steps)

    def line(self) -> str:
        fraction = min(self.done / self.total, 1.0)
        filled = int(fraction * self.width)
        bar = "#" * filled + "." * (self.width - filled)
        elapsed = time.monotonic() - self.started
        eta = ""
        if 0 < self.done < self.total:
            eta = f" · {english_duration(elapsed / self.done * (self.total - self.done))} left"
        rate = f" · {self.rate}" if self.rate else ""
        return f"{self.label} [{bar}] {self.done}/{self.total}{rate}{eta}"

    def _draw(self) -> None:
        text = self.line()
        if self._tty:
            self.stream.write("\r\x1b[K" + text)
            self.stream.flush()
        elif self.done != self._last_done and self.done > 0:
            # Not a terminal (a log file, CI): one line per step, no carriage returns.
            self.stream.write(text + "\n")
            self.stream.flush()
        self._last_done = self.done

    def close(self) -> None:
        if self._tty:
            self.stream.write("\n")
            self.stream.flush()
