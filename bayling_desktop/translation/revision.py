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

import re
import time
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from ..engine.backend import Backend, CancelToken, GenerationParams, GenerationStats, Message
from ..errors import BaylingError
from ..flags import Flag
from ..languages import resolve
from ..storage.projects import DONE, Candidate, Project, ProjectError
from .glossary import Glossary
from .profiles import BAYLING, Profile
from .qa import check_translation
from .request import clean_translation, reply_budget

_QUESTION = re.compile(r"^(?:please\s+)?(?:explain|why|what|how|which|is|are|does|do|can|could|"
                       r"should|would)\b|为什么|为何|解释|是什么|怎么样|吗\s*[？?]?\s*$",
                       re.IGNORECASE)


def is_question(instruction: str) -> bool:
    """Whether the user asked about the translation instead of asking to change it."""
    text = instruction.strip()
    return bool(_QUESTION.search(text)) or text.endswith(("?", "？"))


def revision_messages(history: Sequence[Message], instruction: str) -> list[Message]:
    """Append a natural-language revision request to a translation conversation.

    Earlier messages are kept byte-identical so the engine reuses their KV cache.
    """
    if not history or history[-1].role != "assistant":
        raise ValueError("a revision follows a translation: the history must end with the "
                         "assistant's reply")
    return [*history, Message("user", instruction.strip())]


def check_proposal(project: Project, index: int, text: str, instruction: str,
                   glossary: Glossary | None = None) -> list[Flag]:
    """The pipeline's checks for a revised translation, plus "is it a revision at all".

    An echoed instruction ("更正式"), a meta-answer, or the current text unchanged is
    not something to accept in bulk.
    """
    segment = project.segments[index]
    flags = check_translation(segment.source, text, project.target_lang, glossary,
                              source_lang=project.source_lang or None, instruction=instruction)
    if text.strip() == segment.target.strip():
        flags.append(Flag("unchanged"))
    elif _unrelated(text, segment.target):
        flags.append(Flag("unrelated", blocking=True))
    return flags


def _unrelated(proposal: str, current: str) -> bool:
    """A short answer sharing almost nothing with the translation it should revise.

    That is what a small model gives when it translates the instruction itself ("More
    formal." → "更正式。") instead of applying it.
    """
    from rapidfuzz import fuzz

    shorter = len(proposal.strip()) < 0.6 * len(current.strip())
    return shorter and fuzz.ratio(proposal, current) < 30

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
    #: what the checks found; blocking ones mean the answer is talk, not a translation
    flags: tuple[Flag, ...] = ()

    @property
    def is_explanation(self) -> bool:
        """An answer to a question ("explain this choice") rather than a new version."""
        return any(f.blocking for f in self.flags)


class RevisionThread:
    """The stored conversation about one segment's translation."""

    def __init__(self, project: Project, index: int, glossary: Glossary | None = None,
                 profile: Profile | None = None) -> None:
        if not 0 <= index < len(project.segments):
            raise ProjectError("project_no_segment", project=project.name, idx=index + 1)
        self.project = project
        self.index = index
        self.glossary = glossary
        #: the words of the first request, so the thread starts as the translation did
        self.profile = profile or BAYLING
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
        """(instruction, revised text) of every revision so far, oldest first.

        The first exchange (a system message or not, then the request and the first
        translation) is not a turn: turns start after the first answer.
        """
        first = next((i for i, m in enumerate(self.messages) if m.role == "assistant"),
                     len(self.messages))
        return [(self.messages[i].content, self.messages[i + 1].content)
                for i in range(first + 1, len(self.messages) - 1, 2)]

    def turn_authors(self) -> list[str]:
        """Who wrote each turn's text: "user" when the translator typed it (an edited
        proposal, accepted as theirs), else "model" — the thread credits each side."""
        typed = {entry.target for entry in self.project.history(self.index)
                 if entry.author == "user"}
        return ["user" if text in typed else "model" for _i, text in self.turns()]

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
            raise ProjectError("segment_no_translation_revise", index=self.index + 1)
        terms = self.glossary.term_pairs(segment.source) if self.glossary else []
        source_lang = resolve(self.project.source_lang) if self.project.source_lang else None
        first = [*self.profile.translation_messages(
                     segment.source, resolve(self.project.target_lang), source_lang, terms),
                 Message("assistant", segment.target)]
        self.project.store.append_thread(self.project, self.index,
                                         [(m.role, m.content) for m in first])
        self.messages = first
        return first

    def request(self, instruction: str) -> list[Message]:
        """The messages a revision turn sends: the whole thread, unchanged, plus *instruction*."""
        if not instruction.strip():
            raise BaylingError("write_what_should_change")
        return revision_messages(self.start(), instruction)

    def revise(self, backend: Backend, instruction: str, cancel: CancelToken | None = None,
               on_piece: Callable[[str], None] | None = None, *, max_tokens: int = 512,
               temperature: float = 0.0) -> Revision:
        """Ask for a revised version; it is stored in the thread as a pending candidate."""
        messages = self.request(instruction)
        source = self.project.segments[self.index].source
        question = is_question(instruction)
        text, stats = _generate(backend, messages, source, cancel, on_piece, max_tokens,
                                temperature, interactive=True, clean=not question)
        if stats.stop_reason == "cancelled":
            return Revision(self.index, instruction.strip(), "", stats)
        if not text:
            raise BaylingError("model_returned_nothing_try")
        added = [messages[-1], Message("assistant", text)]
        self.project.store.append_thread(self.project, self.index,
                                         [(m.role, m.content) for m in added])
        self.messages = [*messages, added[1]]
        flags = [Flag("explanation", blocking=True)] if question else (
            check_proposal(self.project, self.index, text, instruction, self.glossary))
        return Revision(self.index, instruction.strip(), text, stats, tuple(flags))

    def accept(self, author: str = AUTHOR) -> str:
        """Write the pending revision into the segment (undoable); returns it.

        *author* is "user" when the translator changed the proposal before accepting it:
        the text is then theirs, and the history and the thread say so."""
        text = self.pending
        if text is None:
            raise ProjectError("segment_no_revision_waiting", index=self.index + 1)
        segment = self.project.segments[self.index]
        flags = check_translation(segment.source, text, self.project.target_lang, self.glossary,
                                  source_lang=self.project.source_lang or None)
        self.project.set_target(self.index, text, ACCEPTED_STATUS, author, flags)
        return text

    def reject(self) -> None:
        """Drop the pending revision and the instruction that asked for it."""
        if self.pending is None:
            raise ProjectError("segment_no_revision_waiting", index=self.index + 1)
        keep = len(self.messages) - 2
        self.project.store.truncate_thread(self.project, self.index, keep)
        self.messages = self.messages[:keep]


def _generate(backend: Backend, messages: Sequence[Message], source: str,
              cancel: CancelToken | None, on_piece: Callable[[str], None] | None,
              max_tokens: int, temperature: float, interactive: bool = False,
              clean: bool = True) -> tuple[str, GenerationStats]:
    params = GenerationParams(temperature=temperature, top_p=1.0, seed=0,
                              max_tokens=reply_budget(backend, source, max_tokens),
                              interactive=interactive)
    completion = backend.stream(messages, params, cancel)
    try:
        raw = completion.run(on_piece)
    finally:
        completion.close()
    text = clean_translation(raw, source) if clean else raw.strip()
    return text, completion.stats or GenerationStats()


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
        if text and text.strip() != project.segments[index].target.strip():
            # Identical proposals are dropped; the rest keep what the checks found, and
            # a flagged one is reviewed one by one, never accepted in bulk.
            flags = check_proposal(project, index, text, instruction, glossary)
            project.store.add_candidate(project, index, batch, instruction.strip(), text,
                                        flags)
        if on_progress is not None:
            on_progress(DocumentRevisionProgress(done, len(chosen), index, text))
    return batch


def accept_candidates(project: Project, candidates: Sequence[Candidate],
                      glossary: Glossary | None = None, include_flagged: bool = False) -> int:
    """Write the chosen candidates into their segments (each undoable); returns how many.

    Flagged candidates are skipped unless *include_flagged* (the user accepting that
    one proposal after reading why it was flagged): "Accept all" never writes them.
    """
    accepted = 0
    for candidate in candidates:
        if candidate.flags and not include_flagged:
            continue
        accepted += 1
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
    return accepted


def reject_candidates(project: Project, candidates: Sequence[Candidate]) -> None:
    for candidate in candidates:
        project.store.set_candidate_state(candidate.id, "rejected")
