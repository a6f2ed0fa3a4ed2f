"""A lane that runs dry takes over the end of the longest stretch: the batch stays full."""

from __future__ import annotations

import random
from pathlib import Path

from bayling_desktop.documents import open_document
from bayling_desktop.storage.projects import ProjectStore
from bayling_desktop.translation.lanes import Stretches
from bayling_desktop.translation.pipeline import PipelineOptions, translate

from .fakes import FakeBackend


def drain(stretches: Stretches[int], lane: int) -> list[tuple[int, bool]]:
    taken = []
    while (got := stretches.take(lane)) is not None:
        taken.append(got)
    return taken


def test_stretches_are_contiguous_and_the_longest_is_split_when_a_lane_is_idle() -> None:
    stretches = Stretches(list(range(11)), 3)  # [0-2] [3-6] [7-10]
    assert stretches.lanes == 3
    assert stretches.take(0) == (0, False)
    assert drain(stretches, 2)[:4] == [(7, False), (8, False), (9, False), (10, False)]
    # lane 2 ran dry and went on with the back half of lane 1's four, in reading order,
    # then with lane 0's last (lane 1's 3 and 4 were its longest)
    stretches = Stretches(list(range(11)), 3)
    taken = [stretches.take(2) for _ in range(6)]
    assert taken == [(7, False), (8, False), (9, False), (10, False), (5, True), (6, False)]
    assert stretches.take(1) == (3, False)
    assert stretches.take(2) == (1, True)  # lane 0 had 0, 1, 2 left: the back two
    assert drain(stretches, 0) == [(0, False), (4, True), (2, True)]
    assert stretches.take(1) is None and stretches.take(2) is None
    assert stretches.shared_out == 4


def test_every_unit_is_taken_exactly_once_whatever_the_order() -> None:
    stretches = Stretches(list(range(23)), 4)
    seen = []
    lane = 0
    while (got := stretches.take(lane % 4)) is not None:
        seen.append(got[0])
        lane += 3
    assert sorted(seen) == list(range(23))
    assert Stretches([], 4).take(0) is None


def test_a_lane_with_short_units_helps_the_lane_with_long_ones(tmp_path: Path) -> None:
    words = ["committee", "budget", "review", "line", "project", "staff", "report", "week",
             "office", "board", "member", "plan", "cost", "travel", "rent", "energy", "salary",
             "tax", "audit", "risk", "market", "client", "order", "invoice", "contract",
             "supplier", "quality", "safety", "training", "vendor", "ledger", "payroll",
             "schedule", "meeting", "agenda", "minutes", "deadline", "forecast", "revenue",
             "profit", "loss", "merger", "asset"]
    long = [f"Paragraph {n}: " + " ".join(random.Random(n).sample(words, 40)) + "."
            for n in range(4)]
    short = [f"Line {n}." for n in range(4)]
    path = tmp_path / "uneven.txt"
    path.write_text("\n\n".join(long + short) + "\n", encoding="utf-8")
    store = ProjectStore(tmp_path / "projects.sqlite3")
    project = store.create(open_document(path), "en", "zh")
    backend = FakeBackend(delay=0.02, parallel=2)
    report = translate(project, backend, PipelineOptions(use_memory=False, max_tokens=512))
    assert report.translated == 8 and report.lanes == 2
    # the second lane finished its short lines long before the first lane's paragraphs
    # and took the last two itself: paragraph 2 in a window of its own (without it,
    # paragraph 1 would be its context), paragraph 3 after it
    assert sorted(backend.translated_sources) == sorted(long + short)

    def request(text: str) -> str:
        messages = next(m for m in backend.calls if m[-1].content.endswith(text))
        return "".join(m.content for m in messages[:-1])

    assert long[1] not in request(long[2]) and short[3] not in request(long[2])
    assert long[2] in request(long[3])
    store.close()
