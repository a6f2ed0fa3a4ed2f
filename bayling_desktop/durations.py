"""How long something will take, said as a person would: "about 2 h", "less than a minute".

An ETA of "3465:50" (57 hours as minutes:seconds) is unreadable and one of "0:05"
promises a precision no translation run has. One function decides the rounding;
the CLI renders its English, the GUI translates the (unit, amount) pair.
"""

from __future__ import annotations

from typing import Literal

Unit = Literal["under_minute", "minutes", "hours", "days"]


def rounded_duration(seconds: float) -> tuple[Unit, int]:
    """(unit, amount) of a duration rounded the way people round an estimate.

    Under a minute has no number; minutes up to 90 (a run of 75 min is not "about
    1 h"); hours up to two days; days beyond.
    """
    seconds = max(0.0, float(seconds))
    if seconds < 60:
        return "under_minute", 0
    minutes = round(seconds / 60)
    if minutes < 90:
        return "minutes", max(1, minutes)
    hours = round(seconds / 3600)
    if hours < 48:
        return "hours", hours
    return "days", round(seconds / 86400)


def english_duration(seconds: float) -> str:
    """The duration in English (the CLI's progress bar)."""
    unit, amount = rounded_duration(seconds)
    if unit == "under_minute":
        return "less than a minute"
    if unit == "minutes":
        return f"about {amount} min"
    if unit == "hours":
        return f"about {amount} h"
    return f"about {amount} days"
