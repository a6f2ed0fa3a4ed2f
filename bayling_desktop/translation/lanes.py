"""Which unit a pipeline lane translates next: contiguous stretches, shared out again at the end.

Each lane starts with its own contiguous stretch of the document, so its context window
holds the units just before the one it translates. Stretches do not take equally long
(a lane may draw the long paragraphs), and a lane that ran dry would leave its sequence
slot idle while the others finish: the engine's batch would shrink to the slowest few.
So a lane with nothing left takes the back half of the longest remaining stretch and
starts a fresh context window there, and the batch stays full until the last units.
"""

from __future__ import annotations

import collections
import itertools
import threading
from collections.abc import Sequence
from typing import Generic, TypeVar

T = TypeVar("T")


class Stretches(Generic[T]):
    def __init__(self, units: Sequence[T], lanes: int) -> None:
        lanes = max(1, lanes)
        # sizes differ by one at most, so every lane starts with work
        bounds = [len(units) * i // lanes for i in range(lanes + 1)]
        self._queues: list[collections.deque[T]] = [
            collections.deque(units[a:b]) for a, b in itertools.pairwise(bounds)]
        self._lock = threading.Lock()
        #: how many times a lane took over the end of another's stretch
        self.shared_out = 0

    @property
    def lanes(self) -> int:
        return len(self._queues)

    def take(self, lane: int) -> tuple[T, bool] | None:
        """The lane's next unit and whether it starts a new stretch; None when all are out."""
        with self._lock:
            own = self._queues[lane]
            if own:
                return own.popleft(), False
            donor = max(self._queues, key=len)
            if not donor:
                return None
            count = (len(donor) + 1) // 2
            taken = [donor.pop() for _ in range(count)]
            own.extend(reversed(taken))
            self.shared_out += 1
            return own.popleft(), True
