"""Neighbouring segments as context, arranged so the KV cache keeps them.

Earlier (source, translation) pairs go into each request as chat turns, so terms and
pronouns stay consistent. A window that slid by one segment per request would change
the start of every prompt and the model would re-read all of it each time. This one
only grows: segment *k*'s request is segment *k−1*'s request plus its reply plus the
new instruction, so the engine's prefix reuse evaluates only the new tokens. When the
window's token budget is full a new one starts, seeded with the last good pairs.

Only answers that passed every check are appended: a failed or flagged unit never
teaches the model how to answer the next one.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..engine.backend import Backend, Message

#: tokens of neighbouring turns a request may carry
DEFAULT_BUDGET = 600
#: good pairs a new window starts with
SEED_PAIRS = 2


class ContextWindow:
    """The append-only list of earlier turns for one lane of the pipeline."""

    def __init__(self, backend: Backend, budget: int = DEFAULT_BUDGET,
                 seed_pairs: int = SEED_PAIRS) -> None:
        self.backend = backend
        self.budget = budget
        self.seed_pairs = seed_pairs
        self._pairs: list[tuple[list[Message], int]] = []
        self._tokens = 0
        #: how many times the window was restarted (for tests and the benchmark)
        self.restarts = 0

    @property
    def turns(self) -> list[Message]:
        return [m for pair, _n in self._pairs for m in pair]

    def add(self, turn: Sequence[Message], reply: str) -> None:
        """Append a unit's request turn(s) and its (checked) reply."""
        if self.budget <= 0 or not reply.strip():
            return
        pair = [*turn, Message("assistant", reply)]
        tokens = self.backend.count_tokens(pair)
        if tokens > self.budget:
            return  # a unit larger than the whole window would crowd out everything
        if self._tokens + tokens > self.budget:
            # The seed takes at most a third of the budget, so the new window has room
            # to grow for a while before the prefix changes again.
            keep = self._pairs[-self.seed_pairs:] if self.seed_pairs else []
            while keep and sum(n for _p, n in keep) + tokens > self.budget // 3 + tokens:
                keep = keep[1:]
            self._pairs = list(keep)
            self._tokens = sum(n for _p, n in keep)
            self.restarts += 1
        self._pairs.append((pair, tokens))
        self._tokens += tokens
