"""When a subtitle cue is on screen: the one fact the reading-speed check needs.

Every subtitle format (SubRip, WebVTT, ASS/SSA) puts a cue's start and end in its unit's
``meta``; the verifier judges reading speed from the duration, for the CLI and the GUI
alike.
"""

from __future__ import annotations

from datetime import timedelta

from .model import Unit


def cue_timing(unit: Unit) -> tuple[float, float] | None:
    """(start, end) seconds of a subtitle cue, or None for other kinds of unit."""
    if unit.kind != "cue":
        return None
    seconds = [value.total_seconds() if isinstance(value, timedelta) else value
               for value in (unit.meta.get("start"), unit.meta.get("end"))]
    if all(isinstance(value, (int, float)) for value in seconds):
        return float(seconds[0]), float(seconds[1])  # type: ignore[arg-type]
    return None
