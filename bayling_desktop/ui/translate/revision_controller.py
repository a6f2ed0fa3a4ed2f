"""Revision conversations in the workspace: one segment's thread, explanations, and
document-wide instructions whose proposals are reviewed before anything changes.

Threads and proposals are stored in the project (``translation/revision.py``), so they
come back after a restart. Accepting writes through the core and pushes an undo step
that only *shows* the change (the core saved it); undo writes the earlier text back.
"Accept all" takes only proposals without flags; flagged ones stay, with the reason,
for one-by-one review.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from PySide6.QtCore import Slot

from ...engine.backend import Message
from ...errors import BaylingError
from ...flags import Flag
from ...translation.revision import (
    AUTHOR,
    RevisionThread,
    accept_candidates,
    reject_candidates,
)
from ..sentence_text import sentence_text
from ..worker import TaskFn
from .open_document import OpenDocument, SetTarget
from .parts import Part
from .revision_panel import RevisionPanel, Turn
from .revision_tasks import (
    DocumentRevised,
    Explanation,
    RevisionOutcome,
    make_document_revision_task,
    make_explain_task,
    make_revision_task,
)

if TYPE_CHECKING:
    from .workspace_controller import WorkspaceController

#: the mark a row carries while a document-wide proposal for it awaits review
PROPOSED = Flag("proposed")


class RevisionController(Part):
    """The controller's revision part, presenting in the revision panel it is given."""

    def __init__(self, controller: WorkspaceController, panel: RevisionPanel) -> None:
        super().__init__(controller)
        self.panel = panel
        self.job: int | None = None
        self.document_job: int | None = None
        self._explaining = False
        panel = self.panel
        panel.instructionSubmitted.connect(self._on_panel_instruction_submitted)
        panel.explanationRequested.connect(self._on_panel_explanation_requested)
        panel.acceptRequested.connect(self._on_panel_accept_requested)
        panel.rejectRequested.connect(self._on_panel_reject_requested)
        panel.documentInstructionSubmitted.connect(self._on_panel_document_instruction)
        panel.acceptAllRequested.connect(self._on_panel_accept_all_requested)
        panel.stopRequested.connect(self.stop)
        client = controller.client
        client.piece.connect(self._on_client_piece)
        client.progress.connect(self._on_client_progress)
        client.finished.connect(self._on_client_finished)
        client.failed.connect(self._on_client_failed)
        client.cancelled.connect(self._on_client_cancelled)

    @property
    def running(self) -> bool:
        return self.job is not None or self.document_job is not None

    def stop(self) -> None:
        for job in (self.job, self.document_job):
            if job is not None:
                self.controller.client.cancel(job)

    def clear(self) -> None:
        """Another document is on screen: nothing of the previous one stays."""
        self.panel.set_segment(None, "", "")
        self.panel.set_thread([])
        self.panel.set_memory([])
        doc = self.controller.current
        if doc is not None:
            self._load_proposals(doc)

    # -- one segment ------------------------------------------------------------------------

    def _thread(self, doc: OpenDocument, segment: int) -> RevisionThread | None:
        if doc.project is None:
            return None
        return RevisionThread(doc.project, segment, doc.glossary)

    def show_segment(self, segment: int) -> None:
        doc = self.controller.current
        if doc is None or self.job is not None:
            return
        row = doc.rows[segment]
        self.panel.set_segment(segment, row.source, row.target)
        thread = self._thread(doc, segment)
        turns = ([Turn(i, r, author=a) for (i, r), a in zip(thread.turns(),
                                                              thread.turn_authors(),
                                                              strict=True)]
                 if thread is not None else [])
        self.panel.set_thread([*turns, *doc.explanations.get(segment, [])])
        self.panel.set_memory(self._memory_matches(row.source, row.target))
        terms = doc.glossary.term_pairs(row.source)
        flags = [f for f in row.all_flags() if f != PROPOSED]
        if segment in doc.proposals:
            _id, text, proposal_flags = doc.proposals[segment]
            self.panel.set_candidate(text)
            flags = proposal_flags
        elif thread is not None and thread.pending is not None:
            self.panel.set_candidate(thread.pending)
        self.panel.set_notes(flags, terms)

    def _memory_matches(self, source: str, current: str) -> list[tuple[float, str, str]]:
        store = self.controller.store
        if store is None:
            return []
        language = self.controller.source_language()
        matches = store.memory.fuzzy(language.code if language else "",
                                     self.controller.target_language().code, source)
        return [(m.score, m.source, m.target) for m in matches if m.target != current]

    def _ready(self, segment: int | None) -> OpenDocument | None:
        doc = self.controller.current
        if doc is None or segment is None or self.running or doc.project is None:
            return None
        if not self.controller.client.ready:
            self.controller.say(self.tr("The model is not loaded yet."), error=True)
            return None
        if not doc.rows[segment].done or not doc.rows[segment].target.strip():
            self.controller.say(self.tr("Translate this segment first, then revise it."))
            return None
        return doc

    @Slot(str)
    def _on_panel_instruction_submitted(self, instruction: str) -> None:
        segment = self.panel.segment
        doc = self._ready(segment)
        if doc is None or doc.project is None or segment is None:
            return
        settings = self.controller.settings
        self.panel.set_candidate("")
        self.panel.set_busy(True)
        self.job = self.controller.client.submit_task(cast(TaskFn, make_revision_task(
            doc.project, segment, doc.glossary, instruction, settings.max_tokens,
            settings.translation_temperature)), interactive=True)  # beside a running batch
        self.panel.take_instruction(instruction)
        self.controller.changed()

    @Slot(str)
    def _on_panel_explanation_requested(self, instruction: str) -> None:
        segment = self.panel.segment
        doc = self._ready(segment)
        if doc is None or doc.project is None or segment is None:
            return
        doc.explanations.setdefault(segment, []).append(Turn(instruction, "", "explanation"))
        self.panel.set_thread([*self.panel.turns(), doc.explanations[segment][-1]])
        self.panel.set_busy(True)
        self._explaining = True
        self.job = self.controller.client.submit_task(cast(TaskFn, make_explain_task(
            doc.project, segment, doc.glossary, instruction, self.controller.settings.max_tokens,
            self.controller.settings.temperature)), interactive=True)
        self.panel.take_instruction(instruction)
        self.controller.changed()

    def _accept_text(self, doc: OpenDocument, segment: int, instruction: str,
                     text: str) -> None:
        """Write *text* through the segment's thread, so the conversation continues from it."""
        thread = self._thread(doc, segment)
        if thread is None or doc.project is None:
            return
        row = doc.rows[segment]
        before = (row.target, row.status)
        typed = thread.pending != text  # the translator changed the proposal: it is theirs
        if typed:
            thread.rewind()
            doc.project.store.append_thread(doc.project, segment,
                                            [("user", instruction), ("assistant", text)])
            thread.messages = [*thread.messages, Message("user", instruction),
                               Message("assistant", text)]
        thread.accept(author="user" if typed else AUTHOR)
        saved = doc.project.segments[segment]
        doc.undo.push(SetTarget(self.controller.editing, doc, segment, saved.target, saved.status,
                                self.tr("Accept revision of segment {0}").format(
                                    segment + 1), before=before, applied=True))

    @Slot()
    def _on_panel_accept_requested(self) -> None:
        doc = self.controller.current
        segment = self.panel.segment
        text = self.panel.candidate_text()
        if doc is None or segment is None or not text:
            return
        proposal = doc.proposals.pop(segment, None)
        instruction = ""
        if proposal is not None and doc.project is not None:
            found = [c for c in doc.project.store.candidates(doc.project)
                     if c.id == proposal[0]]
            instruction = found[0].instruction if found else ""
            doc.project.store.set_candidate_state(proposal[0], "accepted")
        else:
            thread = self._thread(doc, segment)
            turns = thread.turns() if thread is not None else []
            instruction = turns[-1][0] if turns else self.tr("Edited by hand.")
        try:
            self._accept_text(doc, segment, instruction, text)
        except BaylingError as exc:  # e.g. nothing translated yet to revise
            self.controller.say(sentence_text(exc), error=True)
            return
        self.panel.set_candidate("")
        self._show_pending(doc)
        self.show_segment(segment)

    @Slot()
    def _on_panel_reject_requested(self) -> None:
        doc = self.controller.current
        segment = self.panel.segment
        if doc is None or segment is None:
            return
        proposal = doc.proposals.pop(segment, None)
        if proposal is not None and doc.project is not None:
            doc.project.store.set_candidate_state(proposal[0], "rejected")
            self._unmark(doc, segment)
        else:
            thread = self._thread(doc, segment)
            if thread is not None and thread.pending is not None:
                thread.reject()
        self.panel.set_candidate("")
        self._show_pending(doc)
        self.show_segment(segment)

    # -- the whole document -------------------------------------------------------------------

    @Slot(str)
    def _on_panel_document_instruction(self, instruction: str) -> None:
        doc = self.controller.current
        if doc is None or doc.project is None or self.running or self.controller.runs.running:
            return
        if not self.controller.client.ready:
            self.controller.say(self.tr("The model is not loaded yet."), error=True)
            return
        count = sum(1 for r in doc.rows if r.done and r.target.strip())
        if not count:
            self.controller.say(self.tr("Translate the document first, then revise it."))
            return
        settings = self.controller.settings
        self.document_job = self.controller.client.submit_task(cast(
            TaskFn, make_document_revision_task(doc.project, instruction, doc.glossary,
                                                settings.max_tokens,
                                                settings.translation_temperature)))
        self.panel.take_instruction(instruction)
        self.controller.progressShown.emit(0, count,
                                           self.tr("Revising: {0} / {1}").format(0, count))
        self.controller.say(self.tr("Revising {0} segments: “{1}”…").format(
            count, instruction))
        self.controller.changed()

    def reload_proposals(self) -> None:
        """Proposals were added from outside (a review file's conflicts): show them."""
        doc = self.controller.current
        if doc is not None:
            self._load_proposals(doc)
            if self.panel.segment is not None:
                self.show_segment(self.panel.segment)

    def _load_proposals(self, doc: OpenDocument) -> None:
        """Pending proposals from the project (they survive a restart); identical ones go."""
        if doc.project is None:
            return
        doc.proposals = {}
        identical = []
        for candidate in doc.project.store.candidates(doc.project):
            row = doc.rows[candidate.idx]
            if candidate.text.strip() == row.target.strip():
                identical.append(candidate)
                continue
            doc.proposals[candidate.idx] = (candidate.id, candidate.text,
                                            list(candidate.flags))
            if PROPOSED not in row.flags:
                row.flags = [*row.flags, PROPOSED]
                if doc is self.controller.current:
                    self.controller.model.update_row(candidate.idx)
        if identical:
            reject_candidates(doc.project, identical)
        self._show_pending(doc)

    def _unmark(self, doc: OpenDocument, segment: int) -> None:
        row = doc.rows[segment]
        self.controller.model.update_row(segment, flags=[f for f in row.flags if f != PROPOSED])

    def _show_pending(self, doc: OpenDocument) -> None:
        flagged = sum(1 for _id, _t, flags in doc.proposals.values() if flags)
        self.panel.set_pending_proposals(len(doc.proposals), flagged)

    @Slot()
    def _on_panel_accept_all_requested(self) -> None:
        doc = self.controller.current
        if doc is None or doc.project is None or not doc.proposals:
            return
        wanted = {cid for cid, _t, flags in doc.proposals.values() if not flags}
        chosen = [c for c in doc.project.store.candidates(doc.project) if c.id in wanted]
        before = {c.idx: (doc.rows[c.idx].target, doc.rows[c.idx].status) for c in chosen}
        accept_candidates(doc.project, chosen, doc.glossary)
        doc.undo.beginMacro(self.tr("Accept {0} proposals").format(len(chosen)))
        for candidate in chosen:
            saved = doc.project.segments[candidate.idx]
            doc.undo.push(SetTarget(self.controller.editing, doc, candidate.idx, saved.target,
                                    saved.status, "", before=before[candidate.idx],
                                    applied=True))
            del doc.proposals[candidate.idx]
            self._unmark(doc, candidate.idx)
        doc.undo.endMacro()
        left = len(doc.proposals)
        self._show_pending(doc)
        self.panel.set_candidate("")
        if left:
            self.controller.say(self.tr(
                "{0} proposals accepted; {1} flagged ones are left for one-by-one review "
                "(Next flagged, F8).").format(len(chosen), left))

    # -- the model's answers ------------------------------------------------------------------

    @Slot(int, str)
    def _on_client_piece(self, job_id: int, text: str) -> None:
        if job_id != self.job:
            return
        if self._explaining:
            self.panel.append_explanation(text)
        else:
            self.panel.append_candidate(text)

    @Slot(int, object)
    def _on_client_progress(self, job_id: int, value: object) -> None:
        if job_id == self.document_job and hasattr(value, "done"):
            done, total = int(getattr(value, "done", 0)), int(getattr(value, "total", 0))
            # the bar moves with the words it says (it stood still at the last run's value)
            self.controller.progressShown.emit(
                done, total, self.tr("Revising: {0} / {1}").format(done, total))
            index = getattr(value, "index", None)
            if isinstance(index, int):
                self.controller.scrollRequested.emit(index)

    def _end(self, job_id: int) -> bool:
        if job_id == self.job:
            self.job = None
            self.panel.set_busy(False)
        elif job_id == self.document_job:
            self.document_job = None
            doc = self.controller.current
            if doc is not None:
                self._load_proposals(doc)
                if self.panel.segment is not None:  # its proposal may have arrived
                    self.show_segment(self.panel.segment)
            self.controller.countsChanged.emit()
        else:
            return False
        self.controller.changed()
        return True

    @Slot(int, object)
    def _on_client_finished(self, job_id: int, result: object) -> None:
        explaining = self._explaining and job_id == self.job
        if not self._end(job_id):
            return
        doc = self.controller.current
        if explaining and isinstance(result, Explanation) and doc is not None:
            self._explaining = False
            turns = doc.explanations.get(result.index, [])
            if turns:
                turns[-1].reply = result.text
            self.show_segment(result.index)
        elif isinstance(result, RevisionOutcome) and doc is not None:
            self.show_segment(result.index)
            self.panel.set_candidate(result.text)
            # the proposal's own findings, not the segment's: "the same as now", an echo…
            self.panel.set_notes(list(result.flags),
                                 doc.glossary.term_pairs(doc.rows[result.index].source),
                                 about=result.text)
            if result.tokens_per_second > 0:
                self.controller.speedChanged.emit(result.tokens_per_second)
        elif isinstance(result, DocumentRevised) and doc is not None:
            self.controller.say(self.tr(
                "{0} proposals to review: select a flagged segment, or accept them all."
            ).format(len(doc.proposals)))

    @Slot(int, str)
    def _on_client_failed(self, job_id: int, message: str) -> None:
        self._explaining = self._explaining and job_id != self.job
        if self._end(job_id):
            self.panel.restore_instruction()
            self.controller.say(message, error=True)

    @Slot(int)
    def _on_client_cancelled(self, job_id: int) -> None:
        was_job = job_id == self.job
        explaining = self._explaining and was_job
        if not self._end(job_id):
            return
        doc = self.controller.current
        if explaining and doc is not None and self.panel.segment is not None:
            self._explaining = False
            turns = doc.explanations.get(self.panel.segment, [])
            if turns:  # what streamed so far stays in the conversation
                turns[-1].reply = self.panel.turns()[-1].reply
                turns[-1].stopped = True
            self.show_segment(self.panel.segment)
        elif was_job:
            self.panel.set_candidate("")
        else:
            self.controller.say(self.tr("Stopped; the proposals made so far can be "
                                            "reviewed."))
