"""Durations are said as a person rounds an estimate (one function for the CLI and GUI)."""

from __future__ import annotations

import pytest

from bayling_desktop.durations import english_duration, rounded_duration
from bayling_desktop.progressbar import ProgressBar


@pytest.mark.parametrize(("seconds", "said"), [
    (5, "less than a minute"),
    (59.4, "less than a minute"),
    (65, "about 1 min"),
    (300, "about 5 min"),
    (75 * 60, "about 75 min"),
    (2 * 3600 + 100, "about 2 h"),
    (3465 * 60 + 50, "about 2 days"),  # the "3465:50" the GUI once showed
    (30 * 3600, "about 30 h"),
    (5 * 86400, "about 5 days"),
])
def test_english_durations(seconds: float, said: str) -> None:
    assert english_duration(seconds) == said


def test_negative_or_zero_is_under_a_minute() -> None:
    assert rounded_duration(-3) == ("under_minute", 0)


def test_the_cli_progress_bar_says_the_same_words(monkeypatch: pytest.MonkeyPatch) -> None:
    import io

    bar = ProgressBar(10, "Translating", stream=io.StringIO())
    bar.started -= 600  # ten minutes for one unit: nine left take about 90 min
    bar.update(1)
    assert bar.line().endswith("· about 2 h left")
