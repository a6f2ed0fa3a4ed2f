"""The one thread that owns the llama.cpp context: N sequence slots, continuous batching.

Decoding is memory-bandwidth bound, so several sequences decoded in one batch share
each read of the weights (llama.cpp's ``examples/parallel`` and its server's slots).
Every request becomes a sequence; each step builds one batch with one token for every
decoding sequence plus a chunk of a new prompt, decodes it, and samples each sequence
with its own sampler chain. A finished sequence frees its slot for the next queued
request at once; interactive requests (chat, revision) jump the queue.

KV memory is one unified cache; :mod:`.kvcache` keeps the map of which sequence id
holds which tokens, so a request that starts like a cached one (a revision turn, the
same system prompt, a document's context window) evaluates only what is new.

Nothing here is thread-safe by accident: callers talk to the thread only through
:meth:`Scheduler.submit` and :meth:`Scheduler.call`; results flow back through each
request's queue.
"""

from __future__ import annotations

import collections
import logging
import queue
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass, field
from typing import Any, TypeVar

import llama_cpp

from ..errors import GenerationError
from .backend import CancelToken, EngineActivity, StopReason
from .kvcache import CachedSequence, SequenceCache
from .streaming import is_repetition_loop

log = logging.getLogger(__name__)
T = TypeVar("T")

#: prompt tokens per step on a CPU (see :meth:`Scheduler._plan`)
CPU_PROMPT_CHUNK = 64
#: seconds of history behind the tokens/s figure of :meth:`Scheduler.activity`
_ACTIVITY_WINDOW = 5.0

Event = tuple[str, Any]  # ("token", id) | ("end", StopReason) | ("error", GenerationError)


@dataclass(eq=False)
class Request:
    """One generation: plain data in, events out through :attr:`events`."""

    tokens: list[int]
    max_new: int
    stop_ids: frozenset[int]
    make_sampler: Callable[[], Any]
    cancel: CancelToken
    interactive: bool = False
    events: queue.SimpleQueue[Event] = field(default_factory=queue.SimpleQueue)
    #: prompt tokens served from cached KV (set when the request gets a slot)
    reused: int = 0
    submitted_at: float = field(default_factory=time.perf_counter)
    started_at: float | None = None
    #: set by the consumer when it needs no more tokens (a stop string, or it went away)
    done: threading.Event = field(default_factory=threading.Event)


@dataclass(eq=False)
class _Running:
    request: Request
    seq: CachedSequence
    sampler: Any
    #: index of the next prompt token to evaluate; == len(prompt) once decoding
    pos: int
    generated: list[int] = field(default_factory=list)
    next_token: int | None = None
    order: int = 0


class Scheduler:
    def __init__(self, ctx: Any, vocab: Any, *, parallel: int, sequences: int,
                 batch_size: int, interactive_slots: int = 0,
                 prompt_chunk: int = CPU_PROMPT_CHUNK) -> None:
        self._ctx = ctx
        self._vocab = vocab
        self.parallel = parallel
        self._interactive_slots = interactive_slots
        self._n_batch = batch_size
        self._prompt_chunk = max(1, min(prompt_chunk, batch_size))
        self._batch = llama_cpp.llama_batch_init(batch_size, 0, 1)
        self._running: list[_Running] = []
        self._queue: list[Request] = []
        self._commands: list[tuple[Callable[[], Any], Future[Any]]] = []
        self._cond = threading.Condition()
        self._stopping = False
        self._admitted = 0
        self._recent: collections.deque[tuple[float, int]] = collections.deque()
        #: how often each special path ran (tests and the benchmark read these)
        self.counters: collections.Counter[str] = collections.Counter()
        self._cache = SequenceCache(ctx, sequences, self.counters)
        self._thread = threading.Thread(target=self._loop, name="llama-scheduler", daemon=True)
        self._thread.start()

    # -- the caller's side ------------------------------------------------------------

    def submit(self, request: Request) -> None:
        with self._cond:
            if self._stopping:
                raise GenerationError("model_closed")
            request.submitted_at = time.perf_counter()
            self._queue.append(request)
            self._cond.notify()

    def call(self, fn: Callable[[], T], timeout: float = 60.0) -> T:
        """Run *fn* on the scheduler thread between two steps and return its result."""
        future: Future[T] = Future()
        with self._cond:
            if self._stopping:
                raise GenerationError("model_closed")
            self._commands.append((fn, future))
            self._cond.notify()
        return future.result(timeout)

    def activity(self) -> EngineActivity:
        now = time.perf_counter()
        with self._cond:
            tokens = sum(n for t, n in self._recent if now - t <= _ACTIVITY_WINDOW)
            return EngineActivity(running=len(self._running), queued=len(self._queue),
                                  tokens_per_second=tokens / _ACTIVITY_WINDOW)

    @property
    def alive(self) -> bool:
        return self._thread.is_alive()

    def close(self) -> None:
        with self._cond:
            self._stopping = True
            self._cond.notify()
        self._thread.join(timeout=30)

    # -- commands (run on the scheduler thread) -----------------------------------------

    def clear_idle(self) -> None:
        """Forget every cached state that no running request uses."""
        self._cache.clear_idle()

    def cache_report(self) -> list[tuple[int, int, int]]:
        """(sequence id, tokens we think it holds, highest position llama.cpp holds)."""
        return self._cache.report()

    # -- the loop -----------------------------------------------------------------------

    def _loop(self) -> None:
        try:
            while self._wait_for_work():
                self._step()
        except Exception as exc:  # never leave a caller waiting on a dead thread
            log.exception("the scheduler failed")
            self._fail_everything(GenerationError("model_failed", error=exc))
        finally:
            self._fail_everything(GenerationError("model_closed"))
            for running in self._running:
                llama_cpp.llama_sampler_free(running.sampler)
            self._running.clear()
            llama_cpp.llama_batch_free(self._batch)

    def _wait_for_work(self) -> bool:
        with self._cond:
            while True:
                commands, self._commands = self._commands, []
                if commands or self._stopping:
                    break
                if self._running or self._queue:
                    return True
                self._cond.wait()
        for fn, future in commands:
            try:
                future.set_result(fn())
            except Exception as exc:
                future.set_exception(exc)
        return not self._stopping

    def _fail_everything(self, error: GenerationError) -> None:
        with self._cond:
            waiting, self._queue = self._queue, []
            commands, self._commands = self._commands, []
        for request in waiting:
            request.events.put(("error", error))
        for running in list(self._running):
            self._finish(running, None, error)
        for _, future in commands:
            future.set_exception(error)

    def _step(self) -> None:
        for running in list(self._running):
            if running.request.cancel.cancelled:
                self._finish(running, "cancelled")
            elif running.request.done.is_set():
                self._finish(running, "stop")
        self._admit()
        if not self._running:
            return
        entries = self._plan()
        self._decode(entries)

    # -- admission: a queued request takes a slot and the best cached prefix -------------

    def _admit(self) -> None:
        while True:
            with self._cond:
                if not self._queue:
                    return
                # interactive requests first, then first come first served
                request = min(self._queue, key=lambda r: (not r.interactive, r.submitted_at))
                # A person waiting may also take the extra slot, so a chat message starts
                # at once instead of when the next batch unit ends.
                limit = self.parallel + (self._interactive_slots if request.interactive else 0)
                if len(self._running) >= limit:
                    return
                self._queue.remove(request)
            if request.cancel.cancelled or request.done.is_set():
                request.events.put(("end", "cancelled"))
                continue
            self._start(request)

    def _start(self, request: Request) -> None:
        seq, reused = self._cache.place(request.tokens)
        request.reused = reused
        request.started_at = time.perf_counter()
        self._admitted += 1
        self._running.append(_Running(request, seq, request.make_sampler(), pos=reused,
                                      order=self._admitted))

    # -- one step ----------------------------------------------------------------------

    def _plan(self) -> list[tuple[_Running, int, bool]]:
        """(sequence, token, wants logits) for this step: decodes first, then prompt chunks.

        A person's request that is still reading its prompt gets a step of its own (other
        interactive decodes aside): the batch lanes wait one step, the chat message does
        not wait for a batch step's worth of other prompts. Prompt chunks are capped so no
        step keeps a newcomer waiting long; on a CPU a step of 64 prompt tokens costs per
        token what one of 512 does.
        """
        urgent = any(r.request.interactive and r.next_token is None for r in self._running)
        entries: list[tuple[_Running, int, bool]] = []
        prompting: list[_Running] = []
        held = False
        for running in self._running:
            if urgent and not running.request.interactive:
                held = True
                continue
            if running.next_token is not None:
                entries.append((running, running.next_token, True))
            else:
                prompting.append(running)
        if held:
            self.counters["batch_held"] += 1
        budget = min(self._n_batch - len(entries), self._prompt_chunk)
        prompting.sort(key=lambda r: (not r.request.interactive, r.order))
        for running in prompting:
            if budget <= 0:
                break
            prompt = running.request.tokens
            end = min(len(prompt), running.pos + budget)
            for i in range(running.pos, end):
                entries.append((running, prompt[i], i == len(prompt) - 1))
            budget -= end - running.pos
        return entries

    def _decode(self, entries: list[tuple[_Running, int, bool]]) -> None:
        n_batch = self._n_batch
        at = 0
        while at < len(entries):
            chunk = entries[at:at + n_batch]
            self._fill(chunk)
            result = llama_cpp.llama_decode(self._ctx, self._batch)
            if result == 1:  # no room in the KV cache for this batch
                self.counters["kv_full"] += 1
                if len(chunk) > 1:
                    n_batch = max(1, len(chunk) // 2)
                    self.counters["halved"] += 1
                elif self._cache.evict_one():
                    n_batch = self._n_batch
                else:
                    victim = chunk[0][0]
                    self._finish(victim, None, GenerationError(
                        "model_context_memory_full"))
                    entries[at:] = [e for e in entries[at:] if e[0] is not victim]
                continue
            if result != 0:
                error = GenerationError("model_failed_while_decoding", result=result)
                for running in list(self._running):
                    self._finish(running, None, error)
                return
            self._commit(chunk)
            at += len(chunk)

    def _fill(self, chunk: list[tuple[_Running, int, bool]]) -> None:
        batch = self._batch
        offsets: dict[int, int] = {}
        for i, (running, token, logits) in enumerate(chunk):
            offset = offsets.get(id(running), 0)
            offsets[id(running)] = offset + 1
            batch.token[i] = token
            batch.pos[i] = len(running.seq.tokens) + offset
            batch.n_seq_id[i] = 1
            batch.seq_id[i][0] = running.seq.seq_id
            batch.logits[i] = logits
        batch.n_tokens = len(chunk)

    def _commit(self, chunk: list[tuple[_Running, int, bool]]) -> None:
        """The chunk is in the KV cache: record it, then sample where logits were asked."""
        now = time.perf_counter()
        sampled = 0
        for index, (running, token, logits) in enumerate(chunk):
            running.seq.tokens.append(token)
            if running.next_token is None:
                running.pos += 1
            if not logits or running not in self._running:
                continue
            new = llama_cpp.llama_sampler_sample(running.sampler, self._ctx, index)
            sampled += 1
            self._accept(running, int(new))
        with self._cond:
            self._recent.append((now, sampled))
            while self._recent and now - self._recent[0][0] > _ACTIVITY_WINDOW:
                self._recent.popleft()

    def _accept(self, running: _Running, token: int) -> None:
        request = running.request
        if request.cancel.cancelled:
            self._finish(running, "cancelled")
            return
        if token in request.stop_ids or llama_cpp.llama_vocab_is_eog(self._vocab, token):
            self._finish(running, "stop")
            return
        running.generated.append(token)
        request.events.put(("token", token))
        if len(running.generated) >= request.max_new:
            self._finish(running, "length")
        elif is_repetition_loop(running.generated):
            self._finish(running, "repetition")
        else:
            running.next_token = token

    def _finish(self, running: _Running, reason: StopReason | None,
                error: GenerationError | None = None) -> None:
        if running not in self._running:
            return
        self._running.remove(running)
        llama_cpp.llama_sampler_free(running.sampler)
        self._cache.release(running.seq)
        if reason is not None:
            running.request.events.put(("end", reason))
        else:
            running.request.events.put(("error", error or GenerationError("generation_failed")))

