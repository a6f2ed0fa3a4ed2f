"""Fitting a conversation into the context window.

Upstream BayLing truncates token ids from the left, which silently removes the
system prompt first. We drop whole old turns instead (oldest first), always keep
the system prompt and the newest user message, and report what was dropped.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from ..errors import ContextOverflowError
from .backend import Message

#: the fewest tokens we leave for a reply before giving up on a request
MIN_REPLY_TOKENS = 16


@dataclass
class Fitted:
    messages: list[Message]
    prompt_tokens: int
    dropped_turns: int

    @property
    def notice(self) -> str | None:
        if not self.dropped_turns:
            return None
        turns = "turn" if self.dropped_turns == 1 else "turns"
        return (f"The conversation is longer than the model's context window: the oldest "
                f"{self.dropped_turns} {turns} were left out of this request.")


def fit_messages(messages: Sequence[Message], count: Callable[[Sequence[Message]], int],
                 context_length: int, reply_reserve: int) -> Fitted:
    """Drop whole old turns until the prompt plus *reply_reserve* tokens fits."""
    system = [m for m in messages if m.role == "system"]
    turns = [m for m in messages if m.role != "system"]
    reserve = max(MIN_REPLY_TOKENS, min(reply_reserve, context_length // 4))
    dropped = 0
    while True:
        candidate = [*system, *turns]
        tokens = count(candidate)
        if tokens + reserve <= context_length:
            return Fitted(candidate, tokens, dropped)
        if len(turns) <= 1:
            break
        # Drop the oldest exchange: a user message and the assistant reply after it.
        cut = 1
        if turns[0].role == "user" and len(turns) > 2 and turns[1].role == "assistant":
            cut = 2
        turns = turns[cut:]
        dropped += 1
    if tokens + MIN_REPLY_TOKENS <= context_length:
        return Fitted(candidate, tokens, dropped)
    raise ContextOverflowError(
        f"The request needs {tokens:,} tokens but the model's context window holds "
        f"{context_length:,}: shorten the text or raise the context length in Settings.")
