"""Fitting a conversation into the context window.

Upstream BayLing truncates token ids from the left, which silently removes the
system prompt first. We drop whole old turns instead (oldest first), always keep
the system prompt and the newest user message, and report what was dropped.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from ..errors import ContextOverflowError
from ..sentences import Sentence
from .backend import Message

#: the fewest tokens we leave for a reply before giving up on a request
MIN_REPLY_TOKENS = 16


@dataclass
class Fitted:
    messages: list[Message]
    prompt_tokens: int
    dropped_turns: int

    @property
    def notice(self) -> Sentence | None:
        if not self.dropped_turns:
            return None
        if self.dropped_turns == 1:
            return Sentence("conversation_trimmed_one")
        return Sentence("conversation_trimmed", count=self.dropped_turns)


def fit_messages(messages: Sequence[Message], count: Callable[[Sequence[Message]], int],
                 context_length: int, reply_reserve: int,
                 message_cost: Callable[[Message], int] | None = None) -> Fitted:
    """Drop whole old turns until the prompt plus *reply_reserve* tokens fits.

    Linear in the history: the whole prompt is counted once, each message's cost
    (*message_cost*, default ``count([message])``) once, and turns are dropped from the
    front against a running sum; only the much shorter result is counted again, to
    correct the estimate. (Re-counting after every dropped turn took minutes for a
    10,000-message chat.)
    """
    system = [m for m in messages if m.role == "system"]
    turns = [m for m in messages if m.role != "system"]
    reserve = max(MIN_REPLY_TOKENS, min(reply_reserve, context_length // 4))
    tokens = count([*system, *turns])
    if tokens + reserve <= context_length:
        return Fitted([*system, *turns], tokens, 0)
    cost = message_cost or (lambda m: count([m]))
    costs = [cost(m) for m in turns]
    start = dropped = 0
    remaining = tokens
    while True:
        while remaining + reserve > context_length and len(turns) - start > 1:
            cut = _exchange_length(turns, start)
            remaining -= sum(costs[start:start + cut])
            start += cut
            dropped += 1
        candidate = [*system, *turns[start:]]
        tokens = count(candidate)
        if tokens + reserve <= context_length or len(turns) - start <= 1:
            break
        remaining = tokens  # the estimate was low: continue from the true count
    if tokens + MIN_REPLY_TOKENS <= context_length:
        return Fitted(candidate, tokens, dropped)
    raise ContextOverflowError(
        "context_overflow", tokens=f"{tokens:,}", context_length=f"{context_length:,}")


def _exchange_length(turns: Sequence[Message], start: int) -> int:
    """The oldest exchange from *start*: a user message and the assistant reply after it."""
    if (turns[start].role == "user" and len(turns) - start > 2
            and turns[start + 1].role == "assistant"):
        return 2
    return 1
