"""What one scheduler step decodes: the plan, without a model (the policy is plain data)."""

from __future__ import annotations

import collections
from types import SimpleNamespace

from bayling_desktop.engine.backend import CancelToken
from bayling_desktop.engine.kvcache import CachedSequence
from bayling_desktop.engine.scheduler import Request, Scheduler, _Running


def running(order: int, prompt: int, *, decoding: bool, interactive: bool = False) -> _Running:
    request = Request(list(range(prompt)), max_new=8, stop_ids=frozenset(),
                      make_sampler=lambda: None, cancel=CancelToken(), interactive=interactive)
    state = _Running(request, CachedSequence(order), sampler=None, pos=prompt if decoding else 0,
                     order=order)
    state.next_token = 7 if decoding else None
    return state


def plan(*states: _Running, chunk: int = 64, n_batch: int = 512) -> tuple[list[tuple[int, int]],
                                                                           int]:
    """((order, tokens) per sequence in the step, batch_held count)."""
    fake = SimpleNamespace(_running=list(states), _n_batch=n_batch, _prompt_chunk=chunk,
                           counters=collections.Counter())
    entries = Scheduler._plan(fake)  # type: ignore[arg-type]
    per = collections.Counter(entry[0].order for entry in entries)
    return sorted(per.items()), fake.counters["batch_held"]


def test_decodes_ride_with_a_capped_prompt_chunk() -> None:
    lanes = [running(i, 30, decoding=True) for i in range(8)]
    newcomer = running(9, 200, decoding=False)
    step, held = plan(*lanes, newcomer)
    assert step == [*((i, 1) for i in range(8)), (9, 64)] and held == 0


def test_a_chat_prompt_gets_a_step_without_the_batch_lanes() -> None:
    lanes = [running(i, 30, decoding=True) for i in range(4)]
    queued_unit = running(5, 40, decoding=False)
    chat = running(6, 25, decoding=False, interactive=True)
    revision = running(7, 50, decoding=True, interactive=True)
    step, held = plan(*lanes, queued_unit, chat, revision)
    # only the person's work: the chat's whole prompt and the revision that is streaming
    assert step == [(6, 25), (7, 1)] and held == 1
    # once the chat decodes, everyone is back in the step
    chat.next_token = 3
    step, held = plan(*lanes, queued_unit, chat, revision)
    assert step == [*((i, 1) for i in range(4)), (5, 40), (6, 1), (7, 1)] and held == 0


def test_a_gpu_sized_chunk_takes_whole_prompts() -> None:
    step, _ = plan(running(1, 300, decoding=False), running(2, 100, decoding=False),
                   chunk=512)
    assert step == [(1, 300), (2, 100)]
