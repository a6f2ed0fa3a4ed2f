"""The local backend: a GGUF model run in-process by llama-cpp-python.

We drive llama.cpp below its chat API because the app needs things that API hides:
BayLing's exact prompt bytes with ``</s>`` as a special token, KV-cache reuse of a
revision turn's shared prefix (reported, so the UI can show it), cancellation
between any two tokens, and errors a user can read.
"""

from __future__ import annotations

import codecs
import ctypes
import logging
import os
import threading
import time
from collections.abc import Generator, Iterator, Sequence
from pathlib import Path

from ..errors import GenerationError, ModelError
from . import llamalog
from .backend import CancelToken, Completion, GenerationParams, GenerationStats, Message
from .budget import fit_messages
from .formats import PlaceholderFilter, PromptFormat, Rendered, format_for_model
from .gguf_info import GGUFInfo, read_gguf_info
from .streaming import LeadingSpaceTrimmer, StopMatcher, is_repetition_loop

log = logging.getLogger(__name__)

#: prompt tokens evaluated per step while we can still be cancelled
_PROMPT_CHUNK = 128


def default_threads() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # macOS, Windows
        return max(1, os.cpu_count() or 1)


class LlamaBackend:
    def __init__(self, model_path: str | Path, *, context_length: int = 4096, threads: int = 0,
                 batch_size: int = 512, gpu_layers: int = 0, prompt_format: str = "auto") -> None:
        self.info: GGUFInfo = read_gguf_info(model_path)
        llamalog.install()
        trained = self.info.context_length or context_length
        n_ctx = min(context_length, trained) if context_length > 0 else trained
        self.threads = threads or default_threads()
        import llama_cpp

        try:
            self._llm = llama_cpp.Llama(
                model_path=str(self.info.path), n_ctx=n_ctx, n_batch=batch_size,
                n_threads=self.threads, n_threads_batch=self.threads,
                n_gpu_layers=gpu_layers, verbose=False)
        except (ValueError, RuntimeError, OSError) as exc:
            raise ModelError(self._load_failure(exc)) from exc
        self._lock = threading.Lock()
        self._format: PromptFormat = format_for_model(self.info, prompt_format)
        self.format_name = self._format.name
        self._token_ids: dict[str, int | None] = {}
        self._piece_buf = ctypes.create_string_buffer(64)

    def _load_failure(self, exc: Exception) -> str:
        details = "\n".join(llamalog.take_recent_errors())
        log.info("llama.cpp failed to load %s: %s\n%s", self.info.path, exc, details)
        name = self.info.path.name
        if "unknown model architecture" in details:
            return (f"{name} uses the model architecture '{self.info.architecture}', which the "
                    "bundled llama.cpp does not support; update llama-cpp-python or choose "
                    "another model.")
        if "context" in str(exc).lower():
            return (f"Could not create a context for {name}: lower the context length or the "
                    "GPU layers in Settings (not enough memory).")
        return (f"llama.cpp could not load {name} (architecture '{self.info.architecture}'): "
                "the file may be corrupt or unsupported.")

    # -- Backend protocol -------------------------------------------------------------

    @property
    def description(self) -> str:
        return f"{self.info.display_name} · {self.format_name} · ctx {self.context_length}"

    @property
    def context_length(self) -> int:
        return int(self._llm.n_ctx())

    def render(self, messages: Sequence[Message]) -> Rendered:
        """The prompt exactly as the model receives it (``--dry-run`` prints ``.text``)."""
        return self._format.render(messages)

    def tokenize(self, rendered: Rendered) -> list[int]:
        tokens: list[int] = []
        first = True
        for segment in rendered.segments:
            special = segment.special or rendered.parse_special
            ids = self._llm.tokenize(segment.text.encode("utf-8"),
                                     add_bos=first and rendered.add_bos, special=special)
            if segment.special and len(ids) != 1:
                raise ModelError(f"This model has no special token {segment.text!r}; choose "
                                 "another prompt format in Settings.")
            tokens.extend(ids)
            first = False
        return tokens

    def count_tokens(self, messages: Sequence[Message]) -> int:
        return len(self.tokenize(self.render(messages)))

    def stream(self, messages: Sequence[Message], params: GenerationParams,
               cancel: CancelToken | None = None) -> Completion:
        fitted = fit_messages(messages, self.count_tokens, self.context_length,
                              params.max_tokens)
        rendered = self.render(fitted.messages)
        tokens = self.tokenize(rendered)
        stats = GenerationStats(prompt_tokens=len(tokens), dropped_turns=fitted.dropped_turns)
        if fitted.notice:
            stats.notices.append(fitted.notice)
        return Completion(self._generate(rendered, tokens, params, cancel or CancelToken(),
                                         stats))

    def close(self) -> None:
        with self._lock:
            self._llm.close()

    # -- generation ---------------------------------------------------------------------

    def _stop_ids(self, rendered: Rendered) -> set[int]:
        ids: set[int] = {self._llm.token_eos()}
        for text in rendered.stop_tokens:
            if text not in self._token_ids:
                found = self._llm.tokenize(text.encode(), add_bos=False, special=True)
                self._token_ids[text] = found[0] if len(found) == 1 else None
            token = self._token_ids[text]
            if token is not None:
                ids.add(token)
        return ids

    def _piece(self, token: int) -> bytes:
        import llama_cpp

        size = llama_cpp.llama_token_to_piece(self._llm._model.vocab, token, self._piece_buf,
                                              len(self._piece_buf), 0, False)
        if size < 0:  # a piece longer than the buffer: grow it and ask again
            self._piece_buf = ctypes.create_string_buffer(-size)
            size = llama_cpp.llama_token_to_piece(self._llm._model.vocab, token,
                                                  self._piece_buf, len(self._piece_buf), 0,
                                                  False)
        return self._piece_buf.raw[:size]

    def _is_end(self, token: int, stop_ids: set[int]) -> bool:
        import llama_cpp

        return token in stop_ids or bool(llama_cpp.llama_vocab_is_eog(self._llm._model.vocab,
                                                                        token))

    def _reuse_prefix(self, tokens: list[int]) -> int:
        """Keep the KV cache of the longest shared prefix; return how many tokens it covers."""
        llm = self._llm
        cached = llm.input_ids[: llm.n_tokens].tolist()
        prefix = 0
        for a, b in zip(cached, tokens, strict=False):
            if a != b:
                break
            prefix += 1
        # The last prompt token is always evaluated again to produce fresh logits.
        prefix = min(prefix, len(tokens) - 1)
        if prefix > 0 and llm._ctx.kv_cache_seq_rm(-1, prefix, -1):
            llm.n_tokens = prefix
            return prefix
        llm.reset()
        return 0

    def _generate(self, rendered: Rendered, tokens: list[int], params: GenerationParams,
                  cancel: CancelToken, stats: GenerationStats
                  ) -> Generator[str, None, GenerationStats]:
        if not self._lock.acquire(blocking=False):
            raise GenerationError("The model is busy with another request.")
        try:
            yield from self._generate_locked(rendered, tokens, params, cancel, stats)
        finally:
            self._lock.release()
        return stats

    def _generate_locked(self, rendered: Rendered, tokens: list[int], params: GenerationParams,
                         cancel: CancelToken, stats: GenerationStats
                         ) -> Iterator[str]:
        llm = self._llm
        started = time.perf_counter()
        try:
            stats.reused_prompt_tokens = self._reuse_prefix(tokens)
            # Evaluate the new prompt tokens in chunks so a cancel is honoured during a long
            # prompt too; generate() then finds them cached and evaluates only the last one.
            for start in range(llm.n_tokens, len(tokens) - 1, _PROMPT_CHUNK):
                if cancel.cancelled:
                    stats.stop_reason = "cancelled"
                    return
                llm.eval(tokens[start:min(start + _PROMPT_CHUNK, len(tokens) - 1)])
            if params.seed is not None:
                llm.set_seed(params.seed)
            greedy = params.temperature <= 1e-5
            generator = llm.generate(
                tokens, temp=0.0 if greedy else params.temperature,
                top_p=params.top_p, top_k=1 if greedy else 0, min_p=0.0,
                repeat_penalty=params.repeat_penalty, reset=True)
        except (RuntimeError, ValueError, OSError) as exc:
            raise GenerationError(f"The model failed while reading the prompt ({exc}).") from exc
        max_new = min(params.max_tokens, self.context_length - len(tokens))
        stop_ids = self._stop_ids(rendered)
        decoder = codecs.getincrementaldecoder("utf-8")(errors="replace")
        stops = StopMatcher(rendered.stop_strings + tuple(params.stop))
        placeholders = PlaceholderFilter(rendered.placeholders)
        trimmer = LeadingSpaceTrimmer()
        generated: list[int] = []
        first_token_at: float | None = None
        stats.stop_reason = "length"
        try:
            for token in generator:
                if cancel.cancelled:
                    stats.stop_reason = "cancelled"
                    break
                if first_token_at is None:
                    first_token_at = time.perf_counter()
                    stats.time_to_first_token = first_token_at - started
                if self._is_end(token, stop_ids):
                    stats.stop_reason = "stop"
                    break
                generated.append(token)
                text = decoder.decode(self._piece(token))
                text = placeholders.feed(trimmer.feed(stops.feed(text)))
                if text:
                    yield text
                if stops.stopped:
                    stats.stop_reason = "stop"
                    break
                if is_repetition_loop(generated):
                    stats.stop_reason = "repetition"
                    stats.notices.append("The model started repeating itself and was stopped.")
                    break
                if len(generated) >= max_new:
                    break
        except (RuntimeError, ValueError, OSError) as exc:
            raise GenerationError(f"The model failed while generating ({exc}).") from exc
        finally:
            generator.close()
            stats.completion_tokens = len(generated)
            if first_token_at is not None:
                stats.generation_seconds = time.perf_counter() - first_token_at
        if stats.stop_reason != "cancelled":
            tail = decoder.decode(b"", final=True)
            if not stops.stopped:
                tail = stops.feed(tail) + stops.flush()
            tail = placeholders.feed(trimmer.feed(tail)) + placeholders.flush()
            if tail:
                yield tail
        return
