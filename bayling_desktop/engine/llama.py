"""The local backend: a GGUF model run in-process through llama.cpp's low-level API.

We drive llama.cpp below its chat API because the app needs what that API hides:
BayLing's exact prompt bytes with ``</s>`` as a special token (and user text never
parsed for control tokens), several sequences decoded in one batch (the high-level
``Llama`` cannot: llama-cpp-python issue #771), KV-cache reuse that is reported so the
UI can show it, cancellation between any two tokens, and errors a user can read.

:class:`LlamaBackend` is what callers use. ``stream()`` may be called from many threads
at once: it tokenizes in the caller's thread, hands a plain :class:`Request` to the
one :class:`~.scheduler.Scheduler` thread that owns the context, and turns the token
ids that come back into clean text in the caller's thread again.
"""

from __future__ import annotations

import codecs
import ctypes
import logging
import os
import queue
import threading
import time
from collections.abc import Generator, Sequence
from pathlib import Path
from typing import Any

import llama_cpp

from ..errors import ContextOverflowError, GenerationError, ModelError
from ..sentences import Sentence
from . import llamalog
from .backend import (
    CancelToken,
    Completion,
    EngineActivity,
    GenerationParams,
    GenerationStats,
    Message,
)
from .budget import MIN_REPLY_TOKENS, fit_messages
from .capacity import (
    ParallelChoice,
    available_memory,
    choose_mmap,
    choose_parallel,
    kv_bytes_per_token,
)
from .formats import PlaceholderFilter, PromptFormat, Rendered, Segment, format_for_model
from .gguf_info import GGUFInfo, read_gguf_info
from .scheduler import CPU_PROMPT_CHUNK, Request, Scheduler
from .streaming import LeadingSpaceTrimmer, StopMatcher

log = logging.getLogger(__name__)

_backend_ready = threading.Lock()
_backend_initialised = False
#: seconds between checks that the scheduler is still alive while waiting for a token
_POLL = 0.1


def default_threads() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # macOS, Windows
        return max(1, os.cpu_count() or 1)


def _init_llama() -> None:
    global _backend_initialised
    with _backend_ready:
        if not _backend_initialised:
            llama_cpp.llama_backend_init()
            _backend_initialised = True


class LlamaBackend:
    def __init__(self, model_path: str | Path, *, context_length: int = 4096, threads: int = 0,
                 batch_size: int = 512, gpu_layers: int = 0, prompt_format: str = "auto",
                 parallel: int = 1, use_mmap: bool | None = None) -> None:
        """*context_length* is per sequence; *parallel* 0 picks the number of sequences.

        *use_mmap* None reads the weights into memory when they fit (see
        :func:`~.capacity.choose_mmap`): a mapped file that is truncated or rewritten
        while we run kills the process with SIGBUS at the next page it touches.
        """
        self.info: GGUFInfo = read_gguf_info(model_path)
        llamalog.install()
        _init_llama()
        trained = self.info.context_length or context_length
        self._n_ctx = min(context_length, trained) if context_length > 0 else trained
        self.threads = threads or default_threads()
        self._format: PromptFormat = format_for_model(self.info, prompt_format)
        self.format_name = self._format.name
        model_params = llama_cpp.llama_model_default_params()
        model_params.n_gpu_layers = gpu_layers
        self.use_mmap = (choose_mmap(self.info.file_size, available_memory())
                         if use_mmap is None else use_mmap)
        if not self.use_mmap:  # plain reads: direct I/O measured slower (0.9 s against 0.5 s)
            model_params.load_mode = llama_cpp.LLAMA_LOAD_MODE_NONE
            model_params.lazy_mode = llama_cpp.LLAMA_LAZY_MODE_OFF  # lazy rows need mmap
        else:
            model_params.load_mode = llama_cpp.LLAMA_LOAD_MODE_MMAP
            log.info("%s is mapped, not read into memory (it is larger than the memory "
                     "share): changing the file while it runs would end the process",
                     self.info.path.name)
        self._model = llama_cpp.llama_model_load_from_file(str(self.info.path).encode(),
                                                           model_params)
        if not self._model:
            raise ModelError(self._load_failure("failed to load model"))
        self._vocab = llama_cpp.llama_model_get_vocab(self._model)
        self._n_vocab = llama_cpp.llama_vocab_n_tokens(self._vocab)
        self.parallel_choice = self._choose_parallel(parallel, gpu_layers)
        self._parallel = self.parallel_choice.sequences
        log.info("%s: %s", self.info.path.name, self.parallel_choice.reason)
        # With parallel slots, one more is kept for interactive work (chat, revision).
        self._interactive_slots = 1 if self._parallel > 1 else 0
        self._ctx = self._new_context(batch_size)
        self._scheduler = Scheduler(self._ctx, self._vocab, parallel=self._parallel,
                                    sequences=self._sequence_ids(), batch_size=batch_size,
                                    interactive_slots=self._interactive_slots,
                                    # a GPU evaluates a whole batch of prompt tokens at
                                    # once for little more than a few
                                    prompt_chunk=batch_size if gpu_layers else CPU_PROMPT_CHUNK)
        self._token_ids: dict[str, int | None] = {}
        self._closed = False

    def _choose_parallel(self, requested: int, gpu_layers: int) -> ParallelChoice:
        model = self._model
        layers = llama_cpp.llama_model_n_layer(model)
        heads = max(1, llama_cpp.llama_model_n_head(model))
        kv_heads = llama_cpp.llama_model_n_head_kv(model) or heads
        key = f"{self.info.architecture}.attention.key_length"
        head_dim = int(self.info.metadata.get(key) or llama_cpp.llama_model_n_embd(model) // heads)
        return choose_parallel(
            requested, cores=self.threads, gpu=gpu_layers != 0, context_length=self._n_ctx,
            model_bytes=self.info.file_size,
            kv_per_token=kv_bytes_per_token(layers, kv_heads, head_dim),
            available=self._available_before_load(gpu_layers))

    def _available_before_load(self, gpu_layers: int) -> int | None:
        """Free memory as if the weights were not loaded yet: weights read into memory
        are not reclaimable (mapped ones are page cache, which MemAvailable still counts;
        offloaded ones are on the GPU)."""
        available = available_memory()
        if available is None or self.use_mmap or gpu_layers != 0:
            return available
        return available + self.info.file_size

    def _sequence_ids(self) -> int:
        """Running slots plus as many ids again (and four) for retained conversation states."""
        return min(64, 2 * (self._parallel + self._interactive_slots) + 4)

    def _new_context(self, batch_size: int) -> Any:
        params = llama_cpp.llama_context_default_params()
        params.n_ctx = self._n_ctx * (self._parallel + self._interactive_slots)
        params.n_batch = params.n_ubatch = batch_size
        params.n_seq_max = self._sequence_ids()
        params.kv_unified = True  # shared prefixes stored once; seq_cp is metadata only
        params.n_threads = params.n_threads_batch = self.threads
        params.no_perf = True
        ctx = llama_cpp.llama_init_from_model(self._model, params)
        if not ctx:
            llama_cpp.llama_model_free(self._model)
            raise ModelError(self._load_failure("failed to create the context"))
        return ctx

    def _load_failure(self, what: str) -> Sentence:
        details = "\n".join(llamalog.take_recent_errors())
        log.info("llama.cpp %s for %s:\n%s", what, self.info.path, details)
        name = self.info.path.name
        if "unknown model architecture" in details:
            return Sentence("architecture_unsupported", name=name, arch=self.info.architecture)
        if "context" in what:
            return Sentence("could_not_create_context", name=name)
        try:
            size = self.info.path.stat().st_size
        except OSError:
            size = -1
        if size != self.info.file_size:  # cut, replaced or removed after its header was read
            return Sentence("model_changed_while_loading", name=name)
        free = available_memory()
        if free is not None and size > free:
            return Sentence("model_needs_memory", name=name, needed=f"{size / 2**30:.1f}",
                           free=f"{free / 2**30:.1f}")
        return Sentence("llama_could_not_load", name=name, arch=self.info.architecture)

    # -- Backend protocol -------------------------------------------------------------

    @property
    def description(self) -> str:
        parallel = f" · ×{self._parallel}" if self._parallel > 1 else ""
        return (f"{self.info.display_name} · {self.format_name} · ctx {self.context_length}"
                f"{parallel}")

    @property
    def context_length(self) -> int:
        """Tokens one sequence may hold (prompt plus reply)."""
        return self._n_ctx

    @property
    def parallel(self) -> int:
        return self._parallel

    @property
    def model_name(self) -> str:
        return self.info.name

    def describe_parallel(self) -> str:
        return self.parallel_choice.reason

    def activity(self) -> EngineActivity:
        return self._scheduler.activity()

    def render(self, messages: Sequence[Message]) -> Rendered:
        """The prompt exactly as the model receives it (``--dry-run`` prints ``.text``)."""
        return self._format.render(messages)

    def tokenize_text(self, text: str, *, add_bos: bool = False, special: bool = False
                      ) -> list[int]:
        data = text.encode("utf-8")
        size = len(data) + 2
        buf = (llama_cpp.llama_token * size)()
        n = llama_cpp.llama_tokenize(self._vocab, data, len(data), buf, size, add_bos, special)
        if n < 0:
            buf = (llama_cpp.llama_token * -n)()
            n = llama_cpp.llama_tokenize(self._vocab, data, len(data), buf, -n, add_bos,
                                         special)
        return list(buf[:n])

    def tokenize(self, rendered: Rendered) -> list[int]:
        tokens: list[int] = []
        first = True
        for segment in rendered.segments:
            ids = self.tokenize_text(segment.text, add_bos=first and rendered.add_bos,
                                     special=segment.special or segment.markup)
            if segment.special and len(ids) != 1:
                raise ModelError("model_no_special_token", text=f"{segment.text!r}")
            tokens.extend(ids)
            first = False
        return tokens

    def count_tokens(self, messages: Sequence[Message]) -> int:
        return len(self.tokenize(self.render(messages)))

    def _message_cost(self, message: Message) -> int:
        return len(self.tokenize_text(message.content)) + 8  # + role markup

    def stream(self, messages: Sequence[Message], params: GenerationParams,
               cancel: CancelToken | None = None) -> Completion:
        if self._closed:
            raise GenerationError("model_closed")
        if params.raw:
            rendered = _raw_prompt(messages)
            tokens = self.tokenize(rendered)
            notice, dropped = None, 0
            if len(tokens) + MIN_REPLY_TOKENS > self.context_length:
                raise ContextOverflowError(
                    "context_overflow", tokens=f"{len(tokens):,}",
                    context_length=f"{self.context_length:,}")
        else:
            fitted = fit_messages(messages, self.count_tokens, self.context_length,
                                  params.max_tokens, message_cost=self._message_cost)
            rendered = self.render(fitted.messages)
            tokens = self.tokenize(rendered)
            notice, dropped = fitted.notice, fitted.dropped_turns
        if not tokens:
            raise GenerationError("prompt_empty_nothing_continue")
        stats = GenerationStats(prompt_tokens=len(tokens), dropped_turns=dropped)
        if notice:
            stats.notices.append(notice)
        cancel = cancel or CancelToken()
        request = Request(tokens, max_new=min(params.max_tokens, self.context_length - len(tokens)),
                          stop_ids=frozenset(self._stop_ids(rendered)),
                          make_sampler=lambda: self._sampler(params), cancel=cancel,
                          interactive=params.interactive)
        return Completion(self._pieces(request, rendered, params, stats))

    def reset_cache(self) -> None:
        """Forget every cached prompt state (benchmarks start cold with it)."""
        self._scheduler.call(self._scheduler.clear_idle)

    def cache_report(self) -> list[tuple[int, int, int]]:
        """Per sequence id: tokens the engine tracks, and llama.cpp's highest position."""
        return self._scheduler.call(self._scheduler.cache_report)

    @property
    def counters(self) -> dict[str, int]:
        return dict(self._scheduler.counters)

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        self._scheduler.close()
        llama_cpp.llama_free(self._ctx)
        llama_cpp.llama_model_free(self._model)

    # -- per request ----------------------------------------------------------------------

    def _stop_ids(self, rendered: Rendered) -> set[int]:
        ids: set[int] = {llama_cpp.llama_vocab_eos(self._vocab)}
        for text in rendered.stop_tokens:
            if text not in self._token_ids:
                found = self.tokenize_text(text, special=True)
                self._token_ids[text] = found[0] if len(found) == 1 else None
            token = self._token_ids[text]
            if token is not None:
                ids.add(token)
        return ids

    def _sampler(self, params: GenerationParams) -> Any:
        """A fresh sampler chain for one sequence (called on the scheduler thread)."""
        chain = llama_cpp.llama_sampler_chain_init(
            llama_cpp.llama_sampler_chain_default_params())
        add = llama_cpp.llama_sampler_chain_add
        if params.repeat_penalty != 1.0:
            add(chain, llama_cpp.llama_sampler_init_penalties(self._n_vocab, 64,
                                                              params.repeat_penalty, 0.0, 0.0))
        if params.temperature <= 1e-5:
            add(chain, llama_cpp.llama_sampler_init_greedy())
            return chain
        if params.top_k > 0:
            add(chain, llama_cpp.llama_sampler_init_top_k(params.top_k))
        if params.top_p < 1.0:
            add(chain, llama_cpp.llama_sampler_init_top_p(params.top_p, 1))
        add(chain, llama_cpp.llama_sampler_init_temp(params.temperature))
        seed = llama_cpp.LLAMA_DEFAULT_SEED if params.seed is None else params.seed
        add(chain, llama_cpp.llama_sampler_init_dist(seed & 0xFFFFFFFF))
        return chain

    def _piece(self, token: int, buf: ctypes.Array[ctypes.c_char]) -> bytes:
        size = llama_cpp.llama_token_to_piece(self._vocab, token, buf, len(buf), 0, False)
        if size < 0:  # a piece longer than the buffer
            bigger = ctypes.create_string_buffer(-size)
            size = llama_cpp.llama_token_to_piece(self._vocab, token, bigger, len(bigger), 0,
                                                  False)
            return bigger.raw[:size]
        return buf.raw[:size]

    def _pieces(self, request: Request, rendered: Rendered, params: GenerationParams,
                stats: GenerationStats) -> Generator[str, None, GenerationStats]:
        """Runs in the caller's thread: token ids from the scheduler become clean text."""
        decoder = codecs.getincrementaldecoder("utf-8")(errors="replace")
        stops = StopMatcher(rendered.stop_strings + tuple(params.stop))
        placeholders = PlaceholderFilter(rendered.placeholders)
        trimmer = LeadingSpaceTrimmer()
        buf = ctypes.create_string_buffer(64)
        first_token_at: float | None = None
        count = 0
        stats.stop_reason = "length"
        self._scheduler.submit(request)
        try:
            while True:
                try:
                    kind, value = request.events.get(timeout=_POLL)
                except queue.Empty:
                    if request.cancel.cancelled:
                        stats.stop_reason = "cancelled"
                        break
                    if not self._scheduler.alive:
                        raise GenerationError("model_stopped_unexpectedly") from None
                    continue
                if kind == "error":
                    raise value
                if kind == "end":
                    stats.stop_reason = value
                    break
                if request.cancel.cancelled:
                    stats.stop_reason = "cancelled"
                    break
                if first_token_at is None:
                    first_token_at = time.perf_counter()
                    stats.time_to_first_token = first_token_at - request.submitted_at
                count += 1
                text = placeholders.feed(trimmer.feed(stops.feed(decoder.decode(
                    self._piece(value, buf)))))
                if text:
                    yield text
                if stops.stopped:
                    stats.stop_reason = "stop"
                    break
        finally:
            request.done.set()  # the scheduler frees the slot at its next step
            stats.reused_prompt_tokens = request.reused
            stats.completion_tokens = count
            if first_token_at is not None:
                stats.generation_seconds = time.perf_counter() - first_token_at
        if stats.stop_reason == "repetition":
            stats.notices.append(Sentence("model_repeating"))
        if stats.stop_reason != "cancelled":
            tail = decoder.decode(b"", final=True)
            if not stops.stopped:
                tail = stops.feed(tail) + stops.flush()
            tail = placeholders.feed(trimmer.feed(tail)) + placeholders.flush()
            if tail:
                yield tail
        return stats


def _raw_prompt(messages: Sequence[Message]) -> Rendered:
    """A raw-completion prompt (Seed-X, ALMA): the last user message verbatim, BOS, no markup."""
    for message in reversed(messages):
        if message.role == "user":
            return Rendered([Segment(message.content)], add_bos=True)
    raise GenerationError("raw_completion_request_needs")
