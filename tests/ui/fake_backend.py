"""A streaming backend for GUI tests where the point is timing, not words.

It behaves like a model that echoes its prompt (local models do that): it streams the
last user message back word by word, a few milliseconds per piece, honours cancel at
every piece, and is safe to call from several threads, as a parallel engine is.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator, Sequence

from bayling_desktop.engine.backend import (
    Backend,
    CancelToken,
    Completion,
    EngineActivity,
    GenerationParams,
    GenerationStats,
    Message,
)


class EchoBackend(Backend):
    description = "echo · plain · ctx 4096"
    format_name = "plain"
    context_length = 4096
    parallel = 1  # a plain attribute here, so __init__ may set it (the protocol's is read-only)

    def __init__(self, parallel: int = 1, piece_delay: float = 0.004) -> None:
        self.parallel = parallel
        self.piece_delay = piece_delay
        self.closed = False
        self.running_at_close = -1
        self._lock = threading.Lock()
        self._running = 0
        self.started: list[str] = []

    def count_tokens(self, messages: Sequence[Message]) -> int:
        return sum(len(m.content.split()) for m in messages)

    def activity(self) -> EngineActivity:
        with self._lock:
            return EngineActivity(running=self._running, tokens_per_second=50.0 * self._running)

    def stream(self, messages: Sequence[Message], params: GenerationParams,
               cancel: CancelToken | None = None) -> Completion:
        return Completion(self._pieces(messages[-1].content, params, cancel))

    def _pieces(self, text: str, params: GenerationParams,
                cancel: CancelToken | None) -> Iterator[str]:
        with self._lock:
            self._running += 1
            self.started.append(text)
        started = time.perf_counter()
        words = text.split() or ["…"]
        count = 0
        try:
            for word in words[:params.max_tokens]:
                if cancel is not None and cancel.cancelled:
                    return GenerationStats(prompt_tokens=len(words), completion_tokens=count,
                                           stop_reason="cancelled")
                time.sleep(self.piece_delay)
                count += 1
                yield (" " if count > 1 else "") + word
        finally:
            with self._lock:
                self._running -= 1
        return GenerationStats(prompt_tokens=len(words), completion_tokens=count,
                               generation_seconds=time.perf_counter() - started)

    def close(self) -> None:
        with self._lock:
            # a parallel engine must not be closed under a running request
            self.running_at_close = self._running
        self.closed = True
