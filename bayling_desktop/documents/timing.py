"""When a subtitle cue is on screen: the one fact the reading-speed check needs.

ASS/SSA units carry their start and end in ``meta``; SubRip and WebVTT documents keep
their parsed cues, found here by the unit's position. The verifier judges reading speed
from the duration, for the CLI and the GUI alike.
"""

from __future__ import annotations

from datetime import timedelta

from .model import Document, Unit


def cue_timing(document: Document, unit: Unit) -> tuple[float, float] | None:
    """(start, end) seconds of a subtitle cue, or None for other kinds of unit."""
    if unit.kind != "cue":
        return None
    start, end = unit.meta.get("start"), unit.meta.get("end")
    if start is None or end is None:
        cues = getattr(document, "_subtitles", None)
        vtt = getattr(document, "_vtt", None)
        try:
            position = int(unit.id.rsplit("-", 1)[-1]) - 1
            if cues is not None:
                start, end = cues[position].start, cues[position].end
            elif vtt is not None:
                caption = vtt.captions[position]
                start, end = caption.start_in_seconds, caption.end_in_seconds
        except (ValueError, IndexError, AttributeError):
            return None
    seconds = [value.total_seconds() if isinstance(value, timedelta) else value
               for value in (start, end)]
    if all(isinstance(value, (int, float)) for value in seconds):
        return float(seconds[0]), float(seconds[1])  # type: ignore[arg-type]
    return None
