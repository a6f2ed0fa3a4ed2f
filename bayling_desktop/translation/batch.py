"""Translating a whole project, segment by segment, in reading order.

Built for a worker thread: it returns plain data, reports through callbacks, checks a
:class:`CancelToken` between and during segments, and waits while the caller's
*running* event is cleared (pause). Every finished segment is saved at once, so a
crash loses at most the one in flight, which stays "translating" and is picked up
again by the next run. Segments already done are never sent to the model again.

Each request carries the neighbouring segments (source and translation, newest
first, within a token budget) as earlier turns, so terms and pronouns stay
consistent; an exact translation-memory hit or a repeat of an earlier segment is
reused without calling the model at all.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from ..engine.backend import Backend, CancelToken, Message
from ..engine.prompts import translation_messages
from ..engine.translate import CONTEXT_BUDGET, TranslationResult, translate_text
from ..errors import BaylingError
from ..languages import Language, resolve
from ..storage.projects import DONE, Project, StoredSegment
from ..storage.tm import TranslationMemory
from .glossary import Glossary
from .qa import check_segment

#: nearest earlier segments shown by :func:`neighbours`; the batch's window grows up to
#: four times this (or the token budget) before it restarts
MAX_NEIGHBOURS = 4
#: temperature of the one retry after an empty or looping answer (greedy failed once)
RETRY_TEMPERATURE = 0.3
NOTHING = "The model returned nothing for this segment."
LOOPED = "The model kept repeating itself; the segment needs a look."


@dataclass(frozen=True)
class BatchProgress:
    """One report to the caller: after each segment, and when pausing."""

    done: int
    total: int
    #: the segment this report is about (None for a pause notice)
    index: int | None
    status: str
    tokens_per_second: float
    #: seconds left at the current speed (None until a model segment has been timed)
    eta_seconds: float | None
    from_memory: int
    model_calls: int
    paused: bool = False


@dataclass
class BatchReport:
    translated: int = 0
    from_memory: int = 0
    model_calls: int = 0
    errors: list[int] = field(default_factory=list)
    cancelled: bool = False
    seconds: float = 0.0
    #: seconds spent waiting on the model (the benchmark's "model time")
    model_seconds: float = 0.0


@dataclass
class _Speed:
    completion_tokens: int = 0
    generation_seconds: float = 0.0
    model_segments: int = 0
    model_seconds: float = 0.0

    def add(self, result: TranslationResult, seconds: float) -> None:
        self.completion_tokens += max(0, result.stats.completion_tokens - 1)
        self.generation_seconds += result.stats.generation_seconds
        self.model_segments += 1
        self.model_seconds += seconds

    @property
    def tokens_per_second(self) -> float:
        if self.generation_seconds <= 0:
            return 0.0
        return self.completion_tokens / self.generation_seconds

    def eta(self, remaining: int) -> float | None:
        if not self.model_segments:
            return None
        return remaining * self.model_seconds / self.model_segments


def neighbours(project: Project, index: int, limit: int = MAX_NEIGHBOURS
               ) -> list[tuple[str, str]]:
    """(source, translation) of the nearest finished segments before *index*, oldest first."""
    found: list[tuple[str, str]] = []
    for segment in reversed(project.segments[:index]):
        if len(found) == limit:
            break
        if segment.status in DONE and segment.target.strip():
            found.append((segment.source, segment.target))
    return found[::-1]


class ContextWindow:
    """Which earlier segments go into each request, chosen to keep the KV cache warm.

    A window that slid by one segment per request would change the start of every
    prompt, and the model would re-read all of it each time. Instead the window
    grows from a fixed start — the next request then begins with exactly the previous
    request and its answer, already in the cache — and only when it outgrows the
    budget does it restart from the nearest neighbour.
    """

    def __init__(self, backend: Backend, project: Project, budget: int) -> None:
        self.backend = backend
        self.project = project
        self.budget = budget
        self.start = 0

    def _pairs(self, index: int) -> list[tuple[str, str]]:
        return [(s.source, s.target) for s in self.project.segments[self.start:index]
                if s.status in DONE and s.target.strip()]

    def _tokens(self, pairs: list[tuple[str, str]], target: Language,
                source: Language | None) -> int:
        messages: list[Message] = []
        for earlier_source, earlier_target in pairs:
            messages += [*translation_messages(earlier_source, target, source),
                         Message("assistant", earlier_target)]
        return self.backend.count_tokens(messages) if messages else 0

    def pairs_for(self, index: int, target: Language, source: Language | None
                  ) -> list[tuple[str, str]]:
        if self.budget <= 0:
            return []
        if index - self.start > 4 * MAX_NEIGHBOURS:
            self.start = max(0, index - 1)
        pairs = self._pairs(index)
        if pairs and self._tokens(pairs, target, source) > self.budget:
            self.start = max(0, index - 1)
            pairs = self._pairs(index)
        return pairs


def _reusable(project: Project, segment: StoredSegment, tm: TranslationMemory | None
              ) -> str | None:
    """A translation that needs no model: the memory's, or an earlier identical segment's."""
    if tm is not None:
        remembered = tm.lookup(project.source_lang, project.target_lang, segment.source)
        if remembered:
            return remembered
    for other in project.segments:
        if (other.idx != segment.idx and other.source == segment.source
                and other.status in DONE and other.target.strip()):
            return other.target
    return None


def _wait_while_paused(running: threading.Event | None, cancel: CancelToken) -> None:
    while running is not None and not running.is_set() and not cancel.cancelled:
        running.wait(0.1)


def translate_project(backend: Backend, project: Project, *,
                      cancel: CancelToken | None = None,
                      on_progress: Callable[[BatchProgress], None] | None = None,
                      on_piece: Callable[[int, str], None] | None = None,
                      running: threading.Event | None = None,
                      glossary: Glossary | None = None,
                      tm: TranslationMemory | None = None,
                      context_budget_tokens: int = CONTEXT_BUDGET,
                      max_tokens: int = 512, temperature: float = 0.0,
                      indexes: Sequence[int] | None = None,
                      fuzzy_reference: bool = False, force: bool = False) -> BatchReport:
    """Translate the unfinished segments of *project* (or just *indexes*), saving each.

    *running* is the pause switch: while the caller keeps it cleared the batch waits
    before its next segment. *on_piece* gets (segment index, streamed text).
    *force* sends *indexes* to the model even when done, reusing nothing (see
    :func:`retranslate`). *fuzzy_reference* adds the best fuzzy memory match (>= 75 %)
    as an example before the request: better terminology, but that extra pair is not
    in the KV cache, so each such segment costs more prompt evaluation.
    """
    cancel = cancel or CancelToken()
    started = time.perf_counter()
    target = resolve(project.target_lang)
    source_lang = resolve(project.source_lang) if project.source_lang else None
    wanted = set(indexes) if indexes is not None else None
    pool = project.segments if force else project.unfinished()
    todo = [s for s in pool if wanted is None or s.idx in wanted]
    report = BatchReport()
    speed = _Speed()
    window = ContextWindow(backend, project, context_budget_tokens)

    def emit(index: int | None, status: str, done: int, paused: bool = False) -> None:
        if on_progress is not None:
            on_progress(BatchProgress(done, len(todo), index, status, speed.tokens_per_second,
                                      speed.eta(len(todo) - done), report.from_memory,
                                      report.model_calls, paused))

    for done, segment in enumerate(todo):
        if running is not None and not running.is_set():
            emit(None, "paused", done, paused=True)
            _wait_while_paused(running, cancel)
        if cancel.cancelled:
            report.cancelled = True
            break
        reused = None if force else _reusable(project, segment, tm)
        if reused is not None:
            flags = check_segment(segment.source, reused, project.target_lang, glossary)
            project.set_target(segment.idx, reused, "draft", "memory", flags)
            report.from_memory += 1
            emit(segment.idx, "draft", done + 1)
            continue
        previous_status = segment.status
        project.set_status(segment.idx, "translating")
        context = window.pairs_for(segment.idx, target, source_lang)
        outcome = _translate_segment(backend, project, segment, target, source_lang, cancel,
                                     on_piece, glossary, tm, context, context_budget_tokens,
                                     max_tokens, temperature, fuzzy_reference, report, speed)
        if outcome is None:  # cancelled mid-segment: it was not done, nor did it fail
            project.set_status(segment.idx, previous_status)
            report.cancelled = True
            break
        text, problems = outcome
        if text:
            flags = problems + [f for f in check_segment(segment.source, text,
                                                         project.target_lang, glossary)
                                if f not in problems]
            project.set_target(segment.idx, text, "draft", "model", flags)
            report.translated += 1
        else:
            project.set_target(segment.idx, "", "error", "model", problems)
            report.errors.append(segment.idx)
        emit(segment.idx, segment.status, done + 1)
    report.seconds = time.perf_counter() - started
    report.model_seconds = speed.model_seconds
    return report


def _translate_segment(backend: Backend, project: Project, segment: StoredSegment,
                       target: Language, source_lang: Language | None, cancel: CancelToken,
                       on_piece: Callable[[int, str], None] | None, glossary: Glossary | None,
                       tm: TranslationMemory | None, context: list[tuple[str, str]],
                       budget: int, max_tokens: int,
                       temperature: float, fuzzy_reference: bool, report: BatchReport,
                       speed: _Speed) -> tuple[str, list[str]] | None:
    """(text, problems) after at most one retry; text is "" on failure; None if cancelled."""
    terms = glossary.terms_for(segment.source) if glossary is not None else []
    if fuzzy_reference and tm is not None:
        matches = tm.fuzzy(project.source_lang, project.target_lang, segment.source, limit=1)
        if matches and (matches[0].source, matches[0].target) not in context:
            # A similar remembered pair is the best example of how this should read; it
            # goes last so the neighbours' shared prefix stays cached.
            context = [*context, (matches[0].source, matches[0].target)]
    problems: list[str] = []
    for attempt in range(2):
        pieces = None if on_piece is None else (
            lambda piece, idx=segment.idx: on_piece(idx, piece))
        began = time.perf_counter()
        try:
            result = translate_text(
                backend, segment.source, target, source_lang, terms,
                temperature=temperature if attempt == 0 else RETRY_TEMPERATURE,
                max_tokens=max_tokens, cancel=cancel, on_piece=pieces,
                context=context if attempt == 0 else (), context_budget=budget)
        except BaylingError as exc:
            report.model_calls += 1
            if cancel.cancelled:
                return None
            problems = [str(exc)]
            continue
        report.model_calls += 1
        speed.add(result, time.perf_counter() - began)
        if cancel.cancelled or result.stats.stop_reason == "cancelled":
            return None
        if result.stats.stop_reason == "repetition":
            problems = [LOOPED]
            continue
        if not result.text.strip():
            problems = [NOTHING]
            continue
        return result.text, result.problems
    return "", problems


def retranslate(backend: Backend, project: Project, indexes: Sequence[int], *,
                glossary: Glossary | None = None, **options: Any) -> BatchReport:
    """Send these segments to the model again, e.g. to enforce the glossary.

    The memory and repeated segments are not consulted (they would hand back the
    very text being replaced); a segment keeps its current text until the new one
    is saved, so cancelling loses nothing.
    """
    return translate_project(backend, project, indexes=indexes, glossary=glossary,
                             force=True, **options)


def glossary_violations(project: Project, glossary: Glossary) -> list[int]:
    """Indexes of translated segments that miss a required term."""
    return [s.idx for s in project.segments
            if s.status in DONE and glossary.violations(s.source, s.target)]
