"""Revision work the Translate workspace sends to the model thread (no Qt in here).

Each function returns a task of the worker's shape ``fn(backend, cancel, report)``.
The conversations themselves live in :mod:`bayling_desktop.translation.revision`
(stored in the project's SQLite); these tasks only run them on the model thread and
hand plain results back. Batch translation is the pipeline's (see ``pipeline_runs.py``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Protocol

from ...engine.backend import Backend, CancelToken, GenerationParams
from ...flags import Flag
from ...storage.projects import Project
from ...translation.glossary import Glossary
from ...translation.revision import RevisionThread, revise_document

#: the explanation request: its answer is prose for the conversation, not a translation
EXPLAIN = "Explain the choices in this translation briefly."


class Reporter(Protocol):
    """The worker's JobReporter: call with text, ``progress`` for structured events."""

    def __call__(self, text: str) -> None: ...

    def progress(self, value: object) -> None: ...


@dataclass(frozen=True)
class RevisionOutcome:
    index: int
    instruction: str
    text: str
    turns: tuple[tuple[str, str], ...]
    reused_prompt_tokens: int
    #: what the checks found in the proposal (unchanged, an echo, unrelated…)
    flags: tuple[Flag, ...] = ()
    #: its decoding speed, for the status bar (the live sampler's tail would stay there)
    tokens_per_second: float = 0.0


@dataclass(frozen=True)
class Explanation:
    index: int
    instruction: str
    text: str


@dataclass(frozen=True)
class DocumentRevised:
    batch: str


def make_revision_task(project: Project, index: int, glossary: Glossary, instruction: str,
                       max_tokens: int, temperature: float
                       ) -> Callable[[Backend, CancelToken, Reporter], RevisionOutcome]:
    """One turn of a segment's stored conversation; the reply becomes the proposal."""

    def task(backend: Backend, cancel: CancelToken, report: Reporter) -> RevisionOutcome:
        thread = RevisionThread(project, index, glossary)
        revision = thread.revise(backend, instruction, cancel, report, max_tokens=max_tokens,
                                 temperature=temperature)
        return RevisionOutcome(index, instruction, revision.text, tuple(thread.turns()),
                               revision.stats.reused_prompt_tokens,
                               revision.flags,
                               revision.stats.tokens_per_second)

    return task


def make_explain_task(project: Project, index: int, glossary: Glossary, instruction: str,
                      max_tokens: int, temperature: float
                      ) -> Callable[[Backend, CancelToken, Reporter], Explanation]:
    """Ask about the translation; the answer is not stored as a candidate translation."""

    def task(backend: Backend, cancel: CancelToken, report: Reporter) -> Explanation:
        messages = RevisionThread(project, index, glossary).request(instruction)
        params = GenerationParams(temperature=temperature, top_p=1.0, seed=0,
                                  max_tokens=max_tokens)
        completion = backend.stream(messages, params, cancel)
        try:
            text = completion.run(report)
        finally:
            completion.close()
        return Explanation(index, instruction, text.strip())

    return task


def make_document_revision_task(project: Project, instruction: str, glossary: Glossary,
                                max_tokens: int, temperature: float
                                ) -> Callable[[Backend, CancelToken, Reporter],
                                              DocumentRevised]:
    """The same instruction for every translated segment; proposals are stored for review."""

    def task(backend: Backend, cancel: CancelToken, report: Reporter) -> DocumentRevised:
        batch = revise_document(backend, project, instruction, cancel=cancel,
                                on_progress=report.progress, glossary=glossary,
                                max_tokens=max_tokens, temperature=temperature)
        return DocumentRevised(batch)

    return task


def quick_actions() -> Sequence[tuple[str, str]]:
    """(button label, instruction sent to the model)."""
    return (
        ("More formal", "Make the translation more formal."),
        ("More concise", "Make the translation more concise."),
        ("Explain", EXPLAIN),
        ("Use glossary", "Translate it again and use the required terms exactly."),
    )
