"""Which llama.cpp sequence id holds what: the scheduler's map of the unified KV cache.

Sequence ids beyond the running slots hold *retained* states: a finished request's
tokens stay cached, so the next request that starts with them (a revision turn, the
same system prompt, a document's context window) evaluates only what is new. Either it
takes over that sequence (it continues it exactly), or the shared prefix is copied with
``llama_memory_seq_cp``, which in a unified cache is metadata only. Retained states are
evicted least recently used first when the cache is full.

Only the scheduler thread calls this; nothing here locks.
"""

from __future__ import annotations

import collections
import time
from dataclasses import dataclass, field
from typing import Any

import llama_cpp


@dataclass(eq=False)
class CachedSequence:
    seq_id: int
    #: exactly the tokens this sequence holds in the KV cache, position by position
    tokens: list[int] = field(default_factory=list)
    busy: bool = False
    last_used: float = 0.0


class SequenceCache:
    def __init__(self, ctx: Any, sequences: int, counters: collections.Counter[str]) -> None:
        self._mem = llama_cpp.llama_get_memory(ctx)
        self.sequences = [CachedSequence(i) for i in range(sequences)]
        self._counters = counters

    def place(self, prompt: list[int]) -> tuple[CachedSequence, int]:
        """A sequence for *prompt*, busy from now on, and how many of its tokens it holds."""
        limit = len(prompt) - 1  # the last prompt token is always evaluated for its logits
        # The longest cached prefix wins; on a tie, an idle state it continues exactly.
        shared = {s.seq_id: _common_prefix(s.tokens, prompt, limit) for s in self.sequences}
        best = max(self.sequences, key=lambda s: (shared[s.seq_id], not s.busy,
                                                  shared[s.seq_id] == len(s.tokens)))
        best_len = shared[best.seq_id]
        if best_len and not best.busy and best_len == len(best.tokens):
            seq = best  # the request continues exactly this state (a revision turn)
            self._counters["continued"] += 1
        else:
            seq = self._free_sequence(exclude=best)
            self.forget(seq)
            if best_len:
                llama_cpp.llama_memory_seq_cp(self._mem, best.seq_id, seq.seq_id, 0, best_len)
                seq.tokens = prompt[:best_len]
                self._counters["copied_prefix"] += 1
        seq.busy = True
        if len(seq.tokens) > best_len:
            llama_cpp.llama_memory_seq_rm(self._mem, seq.seq_id, best_len, -1)
            del seq.tokens[best_len:]
        return seq, best_len

    def release(self, seq: CachedSequence) -> None:
        """The request is over; its tokens stay cached for the next one."""
        seq.busy = False
        seq.last_used = time.perf_counter()

    def forget(self, seq: CachedSequence) -> None:
        llama_cpp.llama_memory_seq_rm(self._mem, seq.seq_id, -1, -1)
        seq.tokens = []

    def clear_idle(self) -> None:
        """Forget every cached state that no running request uses."""
        for seq in self.sequences:
            if not seq.busy:
                self.forget(seq)

    def evict_one(self) -> bool:
        """Free the least recently used retained state; False when there is none."""
        idle = [s for s in self.sequences if not s.busy and s.tokens]
        if not idle:
            return False
        self.forget(min(idle, key=lambda s: s.last_used))
        self._counters["evicted"] += 1
        return True

    def report(self) -> list[tuple[int, int, int]]:
        """(sequence id, tokens we think it holds, highest position llama.cpp holds)."""
        return [(s.seq_id, len(s.tokens), llama_cpp.llama_memory_seq_pos_max(self._mem, s.seq_id))
                for s in self.sequences]

    def _free_sequence(self, exclude: CachedSequence) -> CachedSequence:
        idle = [s for s in self.sequences if not s.busy and s is not exclude]
        empty = [s for s in idle if not s.tokens]
        if empty:
            return empty[0]
        return min(idle, key=lambda s: s.last_used)


def _common_prefix(a: list[int], b: list[int], limit: int) -> int:
    n = min(len(a), len(b), limit)
    i = 0
    while i < n and a[i] == b[i]:
        i += 1
    return i
