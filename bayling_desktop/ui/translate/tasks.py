"""Work the Translate workspace sends to the model thread (no Qt in here).

Each function matches the worker's task shape ``fn(backend, cancel, report)``:
``report(text)`` streams text of the segment in flight and ``report.progress(value)``
sends plain tuples the workspace turns into row updates.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Protocol

from ...engine.backend import Backend, CancelToken, GenerationParams, Message
from ...engine.prompts import revision_messages, translation_messages
from ...engine.translate import clean_translation, reply_budget, translate_text
from ...errors import BaylingError
from ...languages import Language


class Reporter(Protocol):
    """The worker's JobReporter: call with text, ``progress`` for structured events."""

    def __call__(self, text: str) -> None: ...

    def progress(self, value: object) -> None: ...


@dataclass(frozen=True)
class SegmentStarted:
    segment: int


@dataclass(frozen=True)
class SegmentDone:
    segment: int
    text: str
    error: str = ""
    tokens_per_second: float = 0.0
    done: int = 0
    total: int = 0
    elapsed: float = 0.0


@dataclass(frozen=True)
class BatchResult:
    translated: int
    paused: bool


@dataclass(frozen=True)
class Job:
    segments: tuple[tuple[int, str], ...]
    target: Language
    source: Language | None
    terms: dict[str, str]
    temperature: float
    max_tokens: int


def terms_for(source: str, glossary: dict[str, str]) -> list[str]:
    """Target terms whose source term occurs in *source* (BayLing's constrained prompt)."""
    folded = source.casefold()
    return [target for term, target in glossary.items() if term.casefold() in folded]


def make_batch_task(job: Job, pause: threading.Event
                    ) -> Callable[[Backend, CancelToken, Reporter], BatchResult]:
    def task(backend: Backend, cancel: CancelToken, report: Reporter) -> BatchResult:
        started = time.monotonic()
        done = 0
        recent: list[tuple[str, str]] = []  # the batch's neighbours, as context
        for position, (segment, source) in enumerate(job.segments):
            if cancel.cancelled:
                break
            if pause.is_set():
                return BatchResult(done, paused=True)
            report.progress(SegmentStarted(segment))
            error = ""
            text = ""
            rate = 0.0
            try:
                result = translate_text(backend, source, job.target, job.source,
                                        terms_for(source, job.terms),
                                        temperature=job.temperature,
                                        max_tokens=job.max_tokens, cancel=cancel,
                                        on_piece=report, context=recent[-3:])
                text, rate = result.text, result.stats.tokens_per_second
                if result.stats.stop_reason == "cancelled":
                    error = "cancelled"
                elif not text:
                    # Small models sometimes answer nothing: try once more before flagging.
                    retry = translate_text(backend, source, job.target, job.source,
                                           temperature=0.3, max_tokens=job.max_tokens,
                                           cancel=cancel)
                    text = retry.text
                    if not text:
                        error = "The model returned nothing for this segment."
            except BaylingError as exc:
                error = str(exc)
            done += 1
            if text and not error:
                recent.append((source, text))
            report.progress(SegmentDone(segment, text, error, rate, position + 1,
                                        len(job.segments), time.monotonic() - started))
        return BatchResult(done, paused=False)

    return task


@dataclass(frozen=True)
class RevisionJob:
    segment: int
    history: tuple[Message, ...]
    instruction: str
    temperature: float
    max_tokens: int


@dataclass(frozen=True)
class RevisionResult:
    segment: int
    instruction: str
    text: str
    reused_prompt_tokens: int
    prompt_tokens: int


def first_turn(source: str, target: Language, source_lang: Language | None,
               glossary: dict[str, str], translation: str) -> list[Message]:
    """The conversation a revision thread starts from: the request and the current text."""
    messages = translation_messages(source, target, source_lang, terms_for(source, glossary))
    return [*messages, Message("assistant", translation)]


def make_revision_task(job: RevisionJob
                       ) -> Callable[[Backend, CancelToken, Reporter], RevisionResult]:
    def task(backend: Backend, cancel: CancelToken, report: Reporter) -> RevisionResult:
        messages = revision_messages(list(job.history), job.instruction)
        source = job.history[-2].content if len(job.history) >= 2 else ""
        params = GenerationParams(temperature=job.temperature, top_p=1.0, seed=0,
                                  max_tokens=reply_budget(backend, source, job.max_tokens))
        completion = backend.stream(messages, params, cancel)
        try:
            raw = completion.run(report)
        finally:
            completion.close()
        stats = completion.stats
        return RevisionResult(job.segment, job.instruction, clean_translation(raw, source),
                              stats.reused_prompt_tokens if stats else 0,
                              stats.prompt_tokens if stats else 0)

    return task


@dataclass(frozen=True)
class CandidateReady:
    """A document-wide instruction produced a proposal for one segment."""

    segment: int
    text: str
    done: int
    total: int


@dataclass(frozen=True)
class DocumentRevisionResult:
    proposals: int


def make_document_revision_task(items: Sequence[tuple[int, tuple[Message, ...]]],
                                instruction: str, temperature: float, max_tokens: int
                                ) -> Callable[[Backend, CancelToken, Reporter],
                                              DocumentRevisionResult]:
    """The same instruction applied to many segments; proposals come back for review."""

    def task(backend: Backend, cancel: CancelToken, report: Reporter) -> DocumentRevisionResult:
        made = 0
        for number, (segment, history) in enumerate(items, start=1):
            if cancel.cancelled:
                break
            report.progress(SegmentStarted(segment))
            revise = make_revision_task(RevisionJob(segment, history, instruction, temperature,
                                                    max_tokens))
            result = revise(backend, cancel, _Silent())
            if result.text and not cancel.cancelled:
                made += 1
                report.progress(CandidateReady(segment, result.text, number, len(items)))
        return DocumentRevisionResult(made)

    return task


class _Silent:
    """A reporter that drops streamed text (proposals are shown when complete)."""

    def __call__(self, text: str) -> None:
        del text

    def progress(self, value: object) -> None:
        del value


def quick_actions() -> Sequence[tuple[str, str]]:
    """(button label, instruction sent to the model)."""
    return (
        ("More formal", "Make the translation more formal."),
        ("More concise", "Make the translation more concise."),
        ("Explain", "Explain the choices in this translation briefly, then repeat the "
                    "translation."),
        ("Use glossary", "Translate it again and use the required terms exactly."),
    )
