"""The one interface every model backend speaks (local llama.cpp, remote OpenAI-compatible).

A backend turns a list of chat messages into a stream of text pieces. Callers never
see tokens, KV caches or HTTP: they iterate a :class:`Completion`, may cancel it via
a :class:`CancelToken` from any thread, and read :class:`GenerationStats` at the end.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal, Protocol, runtime_checkable

if TYPE_CHECKING:
    from .gguf_info import GGUFInfo

from ..sentences import Sentence

Role = Literal["system", "user", "assistant"]
StopReason = Literal["stop", "length", "cancelled", "repetition"]


@dataclass(frozen=True)
class Message:
    role: Role
    content: str

    @classmethod
    def from_dict(cls, data: dict[str, object]) -> Message:
        role = data.get("role")
        content = data.get("content")
        if role not in ("system", "user", "assistant") or not isinstance(content, str):
            raise ValueError("each message needs a role (system/user/assistant) and text content")
        return cls(role, content)

    def to_dict(self) -> dict[str, str]:
        return {"role": self.role, "content": self.content}


@dataclass(frozen=True)
class GenerationParams:
    """Sampling settings; defaults follow BayLing's demo (REFERENCE.md §1d)."""

    temperature: float = 0.7
    top_p: float = 1.0
    #: keep only the k likeliest tokens before top-p (0: no limit); MT model cards set it
    top_k: int = 0
    max_tokens: int = 1024
    repeat_penalty: float = 1.0
    seed: int | None = None
    stop: tuple[str, ...] = ()
    #: a person is waiting (chat, revision): takes the next free sequence slot before
    #: queued batch work, so it starts while "Translate all" runs
    interactive: bool = False
    #: raw completion (Seed-X, ALMA): the prompt is the last user message verbatim, with
    #: BOS but no chat markup (still never parsed for control tokens)
    raw: bool = False

    @classmethod
    def for_translation(cls, max_tokens: int = 1024) -> GenerationParams:
        """Greedy decoding, as in the paper's translation experiments."""
        return cls(temperature=0.0, top_p=1.0, max_tokens=max_tokens, seed=0)


@dataclass
class GenerationStats:
    prompt_tokens: int = 0
    #: prompt tokens that were served from the KV cache of the previous request
    reused_prompt_tokens: int = 0
    completion_tokens: int = 0
    time_to_first_token: float = 0.0
    generation_seconds: float = 0.0
    stop_reason: StopReason = "stop"
    #: whole old turns dropped to fit the context window (0 when nothing was dropped)
    dropped_turns: int = 0
    notices: list[Sentence] = field(default_factory=list)

    @property
    def evaluated_prompt_tokens(self) -> int:
        return self.prompt_tokens - self.reused_prompt_tokens

    @property
    def tokens_per_second(self) -> float:
        if self.generation_seconds <= 0 or self.completion_tokens <= 1:
            return 0.0
        # The first token's latency belongs to prompt evaluation, not to decoding speed.
        return (self.completion_tokens - 1) / self.generation_seconds


@dataclass(frozen=True)
class EngineActivity:
    """What the status bar shows: sequences decoding, requests waiting, aggregate speed."""

    running: int = 0
    queued: int = 0
    #: generated tokens per second over the last few seconds, all sequences together
    tokens_per_second: float = 0.0


class CancelToken:
    """Thread-safe cancel flag checked by the backend before every token.

    A :meth:`child` is cancelled with its parent, or on its own: a unit's repair
    candidates stop when the run stops, and the others stop when one has passed.
    """

    def __init__(self, parent: CancelToken | None = None) -> None:
        self._event = threading.Event()
        self._parent = parent

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set() or (self._parent is not None and self._parent.cancelled)

    def child(self) -> CancelToken:
        return CancelToken(self)


class Completion:
    """An iterable of text pieces with the final text and stats once exhausted.

    Wraps a generator that yields text and *returns* :class:`GenerationStats`, so a
    backend is written as one straight generator function.
    """

    def __init__(self, pieces: Iterator[str]) -> None:
        self._pieces = pieces
        self._parts: list[str] = []
        self.stats: GenerationStats | None = None
        self._started = time.perf_counter()

    def __iter__(self) -> Iterator[str]:
        while True:
            try:
                piece = next(self._pieces)
            except StopIteration as stop:
                self.stats = stop.value if isinstance(stop.value, GenerationStats) else (
                    GenerationStats())
                return
            self._parts.append(piece)
            yield piece

    @property
    def text(self) -> str:
        return "".join(self._parts)

    def run(self, on_piece: Callable[[str], None] | None = None) -> str:
        """Drain the stream, calling *on_piece* for each piece; return the full text."""
        for piece in self:
            if on_piece is not None:
                on_piece(piece)
        return self.text

    def close(self) -> None:
        close = getattr(self._pieces, "close", None)
        if close is not None:
            close()


@runtime_checkable
class Backend(Protocol):
    """What the rest of the app needs from a model, and all it may ask.

    Callers use these members directly (no ``getattr`` probing). The optional ones have
    defaults here, so a test's fake that subclasses :class:`Backend` inherits them; the
    real backends define every member themselves.
    """

    #: a short label for the status bar, e.g. "qwen2.5-coder-0.5b · gguf · ctx 4096"
    @property
    def description(self) -> str: ...

    @property
    def context_length(self) -> int:
        """Tokens one request may use (prompt plus reply)."""
        ...

    @property
    def parallel(self) -> int:
        """Requests that run at once; callers may call :meth:`stream` from that many threads."""
        ...

    @property
    def format_name(self) -> str:
        """The chat format prompts are rendered in ("bayling-v1", "gguf", …); "" when a
        server applies its own template."""
        return ""

    @property
    def info(self) -> GGUFInfo | None:
        """The local model file's header (name, architecture, metadata, path); None for a
        model on a server."""
        return None

    @property
    def model_name(self) -> str:
        """The model's own name: the GGUF's ``general.name`` or the id asked of a server
        ("" when the server picks its default)."""
        return ""

    def activity(self) -> EngineActivity | None:
        """Sequences running and aggregate speed now; None when the backend cannot tell."""
        return None

    def reset_cache(self) -> None:
        """Forget cached prompt prefixes (benchmarks measure a cold start with it)."""
        return None

    def count_tokens(self, messages: Sequence[Message]) -> int:
        """Tokens the rendered prompt for *messages* takes (for budgeting)."""
        ...

    def stream(self, messages: Sequence[Message], params: GenerationParams,
               cancel: CancelToken | None = None) -> Completion:
        """Start generating a reply to *messages*; iterate the result for text pieces.

        Safe to call from several threads at once; each :class:`Completion` is iterated
        by the thread that asked for it.
        """
        ...

    def close(self) -> None: ...
