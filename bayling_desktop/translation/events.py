"""What the pipeline takes and tells: its options, its events and its report — plain data.

Front ends depend on these and nothing else of the pipeline: the CLI turns the events
into a progress bar, the GUI into row updates (queued from the worker threads).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from ..errors import BaylingError
from ..flags import Flag
from .context import DEFAULT_BUDGET
from .glossary import Glossary


class PipelineError(BaylingError):
    """A run that cannot start (say, a document already in the target language)."""


@dataclass(frozen=True)
class PipelineOptions:
    glossary: Glossary | None = None
    #: reuse exact translation-memory matches (that pass the checks)
    use_memory: bool = True
    #: put clean model drafts into the memory (the CLI); the GUI keeps the memory for
    #: what a person edited or approved
    remember_drafts: bool = True
    #: neighbouring segments as context (append-only windows)
    context: bool = True
    context_budget: int = DEFAULT_BUDGET
    max_tokens: int = 512
    #: only these segment indexes (None: every unfinished one)
    indexes: Sequence[int] | None = None
    #: translate *indexes* again even when done (memory and repeats not consulted)
    force: bool = False
    #: lanes run at once (None: as many as the backend decodes in parallel)
    parallel: int | None = None
    #: prompt profile name ("" or "auto": detected from the model)
    profile: str = ""
    #: add the best fuzzy memory match (>= 75 %) as an example before each request:
    #: better terminology, but that pair is not in the KV cache, so it costs prompt time
    fuzzy_reference: bool = False
    #: segment index -> what the file says about the unit (msgctxt, comments, notes),
    #: given to the model as context and never translated
    notes: Mapping[int, str] | None = None
    #: segment index -> a subtitle cue's duration in seconds (reading speed is checked)
    durations: Mapping[int, float] | None = None


@dataclass(frozen=True)
class UnitStarted:
    index: int


@dataclass(frozen=True)
class UnitText:
    """A streamed piece of the unit in flight (several units may stream at once)."""

    index: int
    text: str


@dataclass(frozen=True)
class UnitRetry:
    """The answer streamed so far was rejected; the unit is asked again."""

    index: int
    attempt: int


@dataclass(frozen=True)
class UnitFinished:
    index: int
    text: str
    #: "draft" or "error" (or the unchanged status of a retranslated unit that failed)
    status: str
    flags: tuple[Flag, ...]
    #: "model", "memory", "repeat" or "copy" (a unit with no words in it)
    origin: str
    evaluated_prompt_tokens: int = 0
    #: the first answer failed a blocking check and a repair candidate passed
    repaired: bool = False

    @property
    def failed(self) -> bool:
        return self.status == "error"


@dataclass(frozen=True)
class Progress:
    done: int
    total: int
    eta_seconds: float | None
    tokens_per_second: float
    running: int


@dataclass(frozen=True)
class Paused:
    done: int
    total: int


Event = UnitStarted | UnitText | UnitRetry | UnitFinished | Progress | Paused


@dataclass
class PipelineReport:
    total: int = 0
    translated: int = 0
    flagged: int = 0
    failed: int = 0
    from_memory: int = 0
    repeats: int = 0
    #: units without a word (numbers, symbols, tags only): copied through as they are
    copied: int = 0
    model_calls: int = 0
    #: units whose first answer failed a blocking check and a repair candidate passed
    repaired: int = 0
    cancelled: bool = False
    seconds: float = 0.0
    model_seconds: float = 0.0
    evaluated_prompt_tokens: int = 0
    completion_tokens: int = 0
    lanes: int = 0
    #: (segment index, flags) of every unit that needs a look, failed ones included
    problems: list[tuple[int, tuple[Flag, ...]]] = field(default_factory=list)

    @property
    def clean(self) -> bool:
        return not self.problems and not self.cancelled
