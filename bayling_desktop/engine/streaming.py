"""Turning generated tokens into clean text pieces.

Small helpers with no llama.cpp in them, so they can be tested exhaustively: a stop
string may arrive split over tokens, a CJK character over several byte tokens, and a
small model may fall into a loop that only a pattern check can see.
"""

from __future__ import annotations

from collections.abc import Sequence


def held_prefix(text: str, keys: Sequence[str]) -> int:
    """Length of the longest tail of *text* that could still grow into one of *keys*."""
    hold = 0
    for key in keys:
        for size in range(min(len(key) - 1, len(text)), 0, -1):
            if text.endswith(key[:size]):
                hold = max(hold, size)
                break
    return hold


class StopMatcher:
    """Holds back text that might be the start of a stop string."""

    def __init__(self, stops: Sequence[str]) -> None:
        self._stops = tuple(s for s in stops if s)
        self._pending = ""
        self.stopped = False

    def feed(self, text: str) -> str:
        if not self._stops:
            return text
        buffer = self._pending + text
        cut = min((i for i in (buffer.find(s) for s in self._stops) if i >= 0), default=-1)
        if cut >= 0:
            self.stopped = True
            self._pending = ""
            return buffer[:cut]
        hold = held_prefix(buffer, self._stops)
        self._pending = buffer[len(buffer) - hold:] if hold else ""
        return buffer[: len(buffer) - hold]

    def flush(self) -> str:
        rest, self._pending = self._pending, ""
        return rest


class LeadingSpaceTrimmer:
    """Drops whitespace before the first visible character of a reply.

    SentencePiece vocabularies start a reply with "▁word", and templates end with a
    newline the model often repeats; neither belongs in the answer.
    """

    def __init__(self) -> None:
        self._started = False

    def feed(self, text: str) -> str:
        if self._started:
            return text
        stripped = text.lstrip()
        if stripped:
            self._started = True
        return stripped


def is_repetition_loop(tokens: Sequence[int], min_span: int = 64, max_period: int = 32) -> bool:
    """True when the tail of *tokens* is one short pattern repeated over *min_span* tokens."""
    if len(tokens) < min_span:
        return False
    tail = tokens[-min_span:]
    for period in range(1, max_period + 1):
        if all(tail[i] == tail[i - period] for i in range(period, min_span)):
            return True
    return False
