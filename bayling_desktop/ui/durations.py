"""A duration in the UI language: the one place the GUI says how long something takes.

The rounding is the core's (``bayling_desktop.durations``); this only words it, so the
ETA of a run, of a revision and of a download all read alike ("about 2 h").
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ..durations import rounded_duration

CONTEXT = "Duration"


def human_duration(seconds: float) -> str:
    """ "less than a minute", "about 5 min", "about 2 h", "about 3 days"."""
    unit, amount = rounded_duration(seconds)
    if unit == "under_minute":
        return QCoreApplication.translate("Duration", "less than a minute")
    if unit == "minutes":
        return QCoreApplication.translate("Duration", "about {0} min").format(amount)
    if unit == "hours":
        return QCoreApplication.translate("Duration", "about {0} h").format(amount)
    return QCoreApplication.translate("Duration", "about {0} days").format(amount)


def time_left(seconds: float) -> str:
    """ "about 5 min left" — the ETA label of a run."""
    return QCoreApplication.translate("Duration", "{0} left").format(human_duration(seconds))
