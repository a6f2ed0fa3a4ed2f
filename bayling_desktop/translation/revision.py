"""Conversational revision — BayLing's interactive translation — stored per segment.

A segment's thread starts with the translation request and the current translation,
then alternates the user's instructions ("more formal", "render 云计算 as cloud
computing") with the model's revised versions. Messages are stored verbatim and
replayed byte-identical, so every turn shares the previous turn's prompt prefix and
the llama backend reuses its KV cache: a revision costs only the new instruction.

A revised version is a *candidate* until the user accepts it (written to the
segment by author "model-revision", undoable like any change) or rejects it (the
turn is dropped from the thread, as if never asked).

A document-wide instruction revises many segments at once; its candidates are
stored under one batch id and reviewed together or one by one.
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from ..engine.backend import Backend, CancelToken, GenerationParams, GenerationStats, Message
from ..engine.prompts import revision_messages, translation_messages
from ..engine.translate import clean_translation, reply_budget
from ..errors import BaylingError
from ..languages import resolve
from ..storage.projects import DONE, Candidate, Project, ProjectError
from .glossary import Glossary
from .qa import check_segment

#: the status an accepted revision gives its segment: a person chose this text
ACCEPTED_STATUS = "edited"
AUTHOR = "model-revision"


@dataclass(frozen=True)
class Revision:
    """A revised translation waiting for the user's verdict."""

    index: int
    instruction: str
    text: str
    stats: GenerationStats


class RevisionThread:
    """The stored conversation about one segment's translation."""

    def __init__(self, project: Project, index: int, glossary: Glossary | None = None) -> None:
        if not 0 <= index < len(project.segments):
            raise ProjectError(f"Project “{project.name}” has no segment {index + 1}.")
        self.project = project
        self.index = index
        self.glossary = glossary
        self.messages = [Message(role, content)  # type: ignore[arg-type]
                         for role, content in project.store.thread(project, index)]
        if self.messages and self._stale():
            project.store.truncate_thread(project, index, 0)
            self.messages = []

    @property
    def segment_target(self) -> str:
        return self.project.segments[self.index].target

    def _stale(self) -> bool:
        """Whether the segment's text changed outside the thread (typed, re-translated).

        The current translation is always one of the thread's answers (the first one,
        an accepted revision, or an earlier one after undo); when it is not, the
        conversation is about a text that no longer exists and starts over.
        """
        answers = {m.content for m in self.messages if m.role == "assistant"}
        return self.segment_target not in answers or self.messages[-1].role != "assistant"

    @property
    def pending(self) -> str | None:
        """The newest revised text when it has not been accepted yet."""
        if len(self.messages) > 2 and self.messages[-1].content != self.segment_target:
            return self.messages[-1].content
        return None

    def turns(self) -> list[tuple[str, str]]:
        """(instruction, revised text) of every revision so far, oldest first."""
        return [(self.messages[i].content, self.messages[i + 1].content)
                for i in range(2, len(self.messages) - 1, 2)]

    def accepted_prefix(self) -> list[Message]:
        """The thread up to the answer that is the segment's current text."""
        messages = self.start()
        for end in range(len(messages), 0, -1):
            if messages[end - 1].role == "assistant" and (
                    messages[end - 1].content == self.segment_target):
                return messages[:end]
        return messages

    def rewind(self) -> None:
        """Forget revisions after the current text that were never accepted."""
        keep = self.accepted_prefix()
        if len(keep) < len(self.messages):
            self.project.store.truncate_thread(self.project, self.index, len(keep))
            self.messages = keep

    def start(self) -> list[Message]:
        """The thread's first exchange: the translation request and the current text."""
        if self.messages:
            return self.messages
        segment = self.project.segments[self.index]
        if segment.status not in DONE or not segment.target.strip():
            raise ProjectError(f"Segment {self.index + 1} has no translation to revise yet.")
        terms = self.glossary.terms_for(segment.source) if self.glossary else []
        source_lang = resolve(self.project.source_lang) if self.project.source_lang else None
        first = [*translation_messages(segment.source, resolve(self.project.target_lang),
                                       source_lang, terms),
                 Message("assistant", segment.target)]
        self.project.store.append_thread(self.project, self.index,
                                         [(m.role, m.content) for m in first])
        self.messages = first
        return first

    def request(self, instruction: str) -> list[Message]:
        """The messages a revision turn sends: the whole thread, unchanged, plus *instruction*."""
        if not instruction.strip():
            raise BaylingError("Write what should change in the translation.")
        return revision_messages(self.start(), instruction)

    def revise(self, backend: Backend, instruction: str, cancel: CancelToken | None = None,
               on_piece: Callable[[str], None] | None = None, *, max_tokens: int = 512,
               temperature: float = 0.0) -> Revision:
        """Ask for a revised version; it is stored in the thread as a pending candidate."""
        messages = self.request(instruction)
        source = self.project.segments[self.index].source
        text, stats = _generate(backend, messages, source, cancel, on_piece, max_tokens,
                                temperature)
        if stats.stop_reason == "cancelled":
            return Revision(self.index, instruction.strip(), "", stats)
        if not text:
            raise BaylingError("The model returned nothing; try wording the request "
                               "differently.")
        added = [messages[-1], Message("assistant", text)]
        self.project.store.append_thread(self.project, self.index,
                                         [(m.role, m.content) for m in added])
        self.messages = [*messages, added[1]]
        return Revision(self.index, instruction.strip(), text, stats)

    def accept(self) -> str:
        """Write the pending revision into the segment (undoable); returns it."""
        text = self.pending
        if text is None:
            raise ProjectError(f"Segment {self.index + 1} has no revision waiting.")
        segment = self.project.segments[self.index]
        flags = check_segment(segment.source, text, self.project.target_lang, self.glossary)
        self.project.set_target(self.index, text, ACCEPTED_STATUS, AUTHOR, flags)
        return text

    def reject(self) -> None:
        """Drop the pending revision and the instruction that asked for it."""
        if self.pending is None:
            raise ProjectError(f"Segment {self.index + 1} has no revision waiting.")
        keep = len(self.messages) - 2
        self.project.store.truncate_thread(self.project, self.index, keep)
        self.messages = self.messages[:keep]


def _generate(backend: Backend, messages: Sequence[Message], source: str,
              cancel: CancelToken | None, on_piece: Callable[[str], None] | None,
              max_tokens: int, temperature: float) -> tuple[str, GenerationStats]:
    params = GenerationParams(temperature=temperature, top_p=1.0, seed=0,
                              max_tokens=reply_budget(backend, source, max_tokens))
    completion = backend.stream(messages, params, cancel)
    try:
        raw = completion.run(on_piece)
    finally:
        completion.close()
    return clean_translation(raw, source), completion.stats or GenerationStats()


@dataclass(frozen=True)
class DocumentRevisionProgress:
    done: int
    total: int
    index: int
    candidate: str


def revise_document(backend: Backend, project: Project, instruction: str,
                    indexes: Sequence[int] | None = None, *,
                    cancel: CancelToken | None = None,
                    on_progress: Callable[[DocumentRevisionProgress], None] | None = None,
                    glossary: Glossary | None = None, max_tokens: int = 512,
                    temperature: float = 0.0) -> str:
    """Apply one instruction to many segments; returns the batch id of the candidates.

    Each segment is revised within its own thread's context (request + current
    translation), but the thread itself is only extended when a candidate is accepted.
    """
    cancel = cancel or CancelToken()
    batch = f"{time.strftime('%Y%m%d-%H%M%S')}-{uuid.uuid4().hex[:6]}"
    chosen = [s.idx for s in project.segments if s.status in DONE and s.target.strip()
              and (indexes is None or s.idx in indexes)]
    for done, index in enumerate(chosen, start=1):
        if cancel.cancelled:
            break
        thread = RevisionThread(project, index, glossary)
        base = thread.accepted_prefix()
        messages = revision_messages(base, instruction)
        text, stats = _generate(backend, messages, project.segments[index].source, cancel,
                                None, max_tokens, temperature)
        if stats.stop_reason == "cancelled":
            break
        if text and text != project.segments[index].target:
            project.store.add_candidate(project, index, batch, instruction.strip(), text)
        if on_progress is not None:
            on_progress(DocumentRevisionProgress(done, len(chosen), index, text))
    return batch


def accept_candidates(project: Project, candidates: Sequence[Candidate],
                      glossary: Glossary | None = None) -> int:
    """Write the chosen candidates into their segments (each undoable); returns how many."""
    for candidate in candidates:
        thread = RevisionThread(project, candidate.idx, glossary)
        thread.rewind()
        base = thread.messages
        thread.project.store.append_thread(project, candidate.idx,
                                           [("user", candidate.instruction),
                                            ("assistant", candidate.text)])
        thread.messages = [*base, Message("user", candidate.instruction),
                           Message("assistant", candidate.text)]
        thread.accept()
        project.store.set_candidate_state(candidate.id, "accepted")
    return len(candidates)


def reject_candidates(project: Project, candidates: Sequence[Candidate]) -> None:
    for candidate in candidates:
        project.store.set_candidate_state(candidate.id, "rejected")
