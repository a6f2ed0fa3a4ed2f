from __future__ import annotations

from collections.abc import Sequence

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bayling_desktop.engine.backend import Message
from bayling_desktop.engine.budget import fit_messages
from bayling_desktop.engine.streaming import LeadingSpaceTrimmer, StopMatcher, is_repetition_loop
from bayling_desktop.errors import ContextOverflowError


@given(st.text(max_size=60), st.lists(st.integers(min_value=1, max_value=5), max_size=20))
def test_stop_matcher_emits_everything_before_the_stop(text: str, cuts: list[int]) -> None:
    stop = "\nUser:"
    full = text + stop + "tail"
    matcher = StopMatcher([stop])
    out, pos = [], 0
    for cut in [*cuts, len(full)]:
        piece = full[pos:pos + cut]
        pos += cut
        out.append(matcher.feed(piece))
        if matcher.stopped:
            break
    assert matcher.stopped
    assert "".join(out) == full[:full.find(stop)]


def test_stop_matcher_releases_held_text_at_the_end() -> None:
    matcher = StopMatcher(["</answer>"])
    assert matcher.feed("a </ans") == "a "
    assert matcher.flush() == "</ans"
    assert not matcher.stopped


def test_leading_space_trimmer() -> None:
    trimmer = LeadingSpaceTrimmer()
    assert [trimmer.feed(p) for p in [" ", "\n", " Hello", " world"]] == ["", "", "Hello",
                                                                           " world"]


def test_repetition_loop_detection() -> None:
    assert is_repetition_loop([1, 2, 3] * 30)
    assert not is_repetition_loop(list(range(100)))
    assert not is_repetition_loop([7] * 10)


def _count(messages: Sequence[Message]) -> int:
    return sum(len(m.content.split()) + 2 for m in messages)


def test_budget_drops_whole_old_turns_and_keeps_system() -> None:
    system = Message("system", "sys")
    turns = []
    for i in range(6):
        turns += [Message("user", f"question {i} " + "w " * 20),
                  Message("assistant", f"answer {i} " + "w " * 20)]
    turns.append(Message("user", "last question"))
    fitted = fit_messages([system, *turns], _count, context_length=120, reply_reserve=20)
    assert fitted.messages[0] == system
    assert fitted.messages[-1].content == "last question"
    assert fitted.dropped_turns > 0
    assert fitted.messages[1].role == "user"  # never starts mid-exchange
    assert fitted.prompt_tokens + 20 <= 120
    assert "oldest" in str(fitted.notice or "")


def test_budget_refuses_a_single_message_that_cannot_fit() -> None:
    with pytest.raises(ContextOverflowError, match="context window"):
        fit_messages([Message("user", "w " * 500)], _count, context_length=100, reply_reserve=20)
