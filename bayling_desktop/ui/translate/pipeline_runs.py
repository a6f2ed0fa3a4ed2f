"""Runs of the translation pipeline, adapted to the table: the GUI has no loop of its own.

``translation/pipeline.py`` translates, checks, retries and saves every unit, several at
once when the backend has parallel lanes; its plain events arrive here (queued from
the model thread) and become row updates. Streamed text is collected per row and
painted every ~40 ms, so eight rows growing at once do not flood the event loop. The
progress bar and the ETA count finished units of *this* run (a "Translate selected"
of five rows counts to five), and both are cleared when the run ends.

*Pause* stops issuing units at once (the pipeline's lanes wait before claiming the
next one); the units already generating finish, so until the pipeline says
``Paused`` the bar says "Finishing N segments…" with N from the run's own count of
units in flight — never "Paused" while sequences still decode.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

from PySide6.QtCore import QTimer, Slot

from ...translation import pipeline as p
from ...translation.pipeline import PipelineOptions
from ..durations import time_left
from ..worker import TaskFn
from .open_document import OpenDocument
from .parts import Part
from .segment_model import review_counts

if TYPE_CHECKING:
    from ...engine.backend import Backend, CancelToken
    from ...translation.session import DocumentSession
    from .workspace_controller import WorkspaceController

#: how often streamed text is painted into the rows (STYLE.md: every ~30-50 ms)
REPAINT_MS = 40


def make_pipeline_task(session: DocumentSession, options: PipelineOptions) -> TaskFn:
    """The worker's task: the document session runs the pipeline on the model thread
    (the worker's cancel token — Stop, a model reload, quitting — stops it too)."""
    def task(backend: Backend, cancel: CancelToken, report: Any) -> object:
        return session.run(backend, options, on_event=report.progress, cancel=cancel)

    return cast(TaskFn, task)


class RunController(Part):
    """Starts, pauses and stops the pipeline on the document on screen, and turns its
    events into row updates and the controller's progress and message signals."""

    def __init__(self, controller: WorkspaceController) -> None:
        super().__init__(controller)
        self.job: int | None = None
        self.memory_hits = 0
        self.last_report: object = None
        #: the session of the document being translated (pause, resume, stop go to it)
        self._session: DocumentSession | None = None
        self._pending: dict[int, str] = {}
        self._scrolled = False
        #: the last progress shown (done, total, eta, running), redrawn on pause/resume
        self._last_progress: tuple[int, int, float | None, int] = (0, 0, None, 0)
        #: the pipeline said "Paused" (no unit in flight) since the last pause request
        self._pause_reached = False
        #: the user paused the run (the Pause button is down)
        self.paused = False
        self._timer = QTimer(self)
        self._timer.setInterval(REPAINT_MS)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.flush)
        client = controller.client
        client.progress.connect(self._on_client_progress)
        client.finished.connect(self._on_client_finished)
        client.failed.connect(self._on_client_failed)
        client.cancelled.connect(self._on_client_cancelled)
        client.modelLoaded.connect(self._on_client_model_loaded)
        #: a translation asked for before any model was chosen: (document, segments)
        self._after_load: tuple[OpenDocument, list[int] | None, bool] | None = None

    @property
    def running(self) -> bool:
        return self.job is not None

    def start(self, indexes: list[int] | None, redo_existing: bool = False) -> bool:
        """Translate the current document (*indexes*: only those segments;
        *redo_existing*: the file's own translations are translated again too)."""
        ctl = self.controller
        doc = ctl.current
        if doc is None or self.running or indexes == []:
            return False
        if ctl.revising.running:
            ctl.say(self.tr("A revision is running; translate when it is done."))
            return False
        ctl.commitEdits.emit()  # typed text is saved before anything runs
        problem = ctl.pair_problem()
        if problem:
            ctl.say(problem, error=True)
            return False
        if doc.project is None:
            ctl.say(self.tr("Translations cannot be saved, so nothing is translated."),
                    error=True)
            return False
        if not ctl.client.ready:
            if ctl.client.loading or ctl.client.summary is not None:
                ctl.say(self.tr("The model is not loaded yet."), error=True)
            else:  # none chosen yet (a first start with a document): choose one now,
                # and this translation starts once it is loaded
                ctl.say(self.tr("Choose a model to translate with."))
                self._after_load = (doc, indexes, redo_existing)
                ctl.modelNeeded.emit()
            return False
        if indexes is None and redo_existing and ctl.store is not None:
            self._redo_existing(doc)
        # Only what a person edited or approved goes to the memory from the GUI; a
        # selection is translated again even where it is done (the user asked for it).
        options = PipelineOptions(use_memory=True, remember_drafts=False, context=True,
                                  max_tokens=ctl.settings.max_tokens, indexes=indexes,
                                  force=indexes is not None)
        self._pause_reached = False
        self._session = doc.session
        doc.session.resume()
        self.paused = False
        ctl.pausedChanged.emit(False)
        self._pending.clear()
        self._scrolled = False
        total = len(indexes) if indexes is not None else sum(1 for r in doc.rows if not r.done)
        self.job = ctl.client.submit_task(make_pipeline_task(doc.session, options))
        self._show_progress(0, total)
        ctl.say((self.tr("Translating 1 segment…") if total == 1
                 else self.tr("Translating {0} segments…")).format(total))
        ctl.changed()
        return True

    @Slot(str)
    def _on_client_model_loaded(self, _description: str) -> None:
        """The model chosen for a translation asked for is loaded: it starts now (on the
        document it was asked for, if that is still on screen)."""
        pending, self._after_load = self._after_load, None
        if pending is not None and pending[0] is self.controller.current:
            self.start(pending[1], pending[2])

    def forget_pending(self) -> None:
        """The user went back without choosing a model: nothing starts by itself later."""
        self._after_load = None

    def _redo_existing(self, doc: OpenDocument) -> None:
        """The file's own translations become new work for this run (the checkbox)."""
        project = doc.project
        if project is None:
            return
        doc.session.keep_file_translations(redo=("approved", "draft"))
        for segment in project.segments:
            if segment.status == "new" and doc.rows[segment.idx].status != "new":
                self.controller.model.update_row(segment.idx, status="new")

    def stop(self) -> None:
        if self.job is None:
            return
        if self._session is not None:
            self._session.cancel()
        self.controller.client.cancel(self.job)

    @Slot(bool)
    def set_paused(self, paused: bool) -> None:
        if paused == self.paused:
            return
        self.paused = paused
        self._pause_reached = False
        self.controller.pausedChanged.emit(paused)
        if self._session is not None:
            if paused:
                self._session.pause()
            else:
                self._session.resume()
        if self.running:
            self._show_progress(*self._last_progress)  # "Paused: …" or "Translating: …"
        if paused and self.running:
            in_flight = self._last_progress[3]
            self.controller.say(
                self.tr("No new segments are started; finishing {0} in progress…")
                .format(in_flight) if in_flight else self.tr("Pausing…"))
        elif not paused and self.running:
            self.controller.say(self.tr("Resumed."))

    # -- events -----------------------------------------------------------------------------

    @Slot(int, object)
    def _on_client_progress(self, job_id: int, event: object) -> None:
        if job_id == self.job:
            self.handle_event(event)

    def handle_event(self, event: object) -> None:
        """One pipeline event (public so tests can drive the adapter with real events)."""
        ctl = self.controller
        if isinstance(event, p.UnitText):
            self._pending[event.index] = self._pending.get(event.index, "") + event.text
            if not self._timer.isActive():
                self._timer.start()
        elif isinstance(event, p.UnitRetry):  # the answer so far was rejected
            self._pending.pop(event.index, None)
            ctl.model.update_row(event.index, target="")
        elif isinstance(event, p.UnitStarted):
            ctl.model.update_row(event.index, target="", status="translating", flags=[])
            if not self._scrolled:  # follow the run once; the user may scroll away
                ctl.scrollRequested.emit(event.index)
                self._scrolled = True
        elif isinstance(event, p.UnitFinished):
            self._pending.pop(event.index, None)
            ctl.model.update_row(event.index, target=event.text, status=event.status,
                                 flags=list(event.flags))
            ctl.rowSettled.emit(event.index)
            if event.origin == "memory":
                self.memory_hits += 1
        elif isinstance(event, p.Progress):
            self._show_progress(event.done, event.total, event.eta_seconds, event.running)
            if event.tokens_per_second:
                ctl.speedChanged.emit(float(event.tokens_per_second))
                ctl.throughputChanged.emit(float(event.tokens_per_second), event.running)
        elif isinstance(event, p.Paused):
            self._pause_reached = True
            _done, total, eta, _running = self._last_progress
            self._show_progress(event.done, event.total or total, eta, 0)
            ctl.say(self.tr("Paused. Press Resume to continue."))

    @Slot()
    def flush(self) -> None:
        """Paint the text streamed since the last tick (all growing rows at once)."""
        if self._pending:
            pieces, self._pending = self._pending, {}
            self.controller.model.append_targets(pieces)

    def _show_progress(self, done: int, total: int, eta: float | None = None,
                       running: int = 0) -> None:
        ctl = self.controller
        self._last_progress = (done, total, eta, running)
        if self.paused:  # a paused run has no ETA: the clock is the user's
            if self._pause_reached or running == 0:
                text = self.tr("Paused: {0} / {1}").format(done, total)
            else:
                template = (self.tr("Finishing 1 segment… {1} / {2}") if running == 1
                            else self.tr("Finishing {0} segments… {1} / {2}"))
                text = template.format(running, done, total)
            ctl.progressShown.emit(done, total, text)
            ctl.etaShown.emit("")
            return
        ctl.progressShown.emit(done, total,
                               self.tr("Translating: {0} / {1}").format(done, total))
        eta_text = time_left(eta) if eta else ""
        if running > 1:
            eta_text += self.tr(" · {0} at once").format(running)
        ctl.etaShown.emit(eta_text.strip(" ·"))

    # -- the end of a run ---------------------------------------------------------------------

    def _end(self, job_id: int) -> bool:
        if job_id != self.job:
            return False
        self.job = None
        self._session = None
        self._timer.stop()
        self._pending.clear()
        ctl = self.controller
        doc = ctl.current
        if doc is not None and doc.project is not None:
            # Rows still "translating" were cut off: show what the project kept.
            for row in doc.rows:
                if row.status == "translating":
                    saved = doc.project.segments[row.idx]
                    status = saved.status if saved.status != "translating" else "new"
                    ctl.model.update_row(row.idx, target=saved.target, status=status,
                                         flags=list(saved.flags))
        self.paused = False
        ctl.pausedChanged.emit(False)
        ctl.etaShown.emit("")
        ctl.countsChanged.emit()  # the bar shows the document's progress again
        ctl.changed()
        return True

    @Slot(int, object)
    def _on_client_finished(self, job_id: int, result: object) -> None:
        if not self._end(job_id):
            return
        self.last_report = result
        ctl = self.controller
        translated = getattr(result, "translated", 0)
        # the rows' ⚠ and the export dialog count the same rows (one count, one place)
        doc = ctl.current
        counts = review_counts(doc.rows) if doc is not None else None
        flagged = counts.flagged if counts else getattr(result, "flagged", 0)
        failed = counts.failed if counts else getattr(result, "failed", 0)
        if getattr(result, "cancelled", False):
            ctl.say(self.tr("Stopped."))
        elif flagged or failed:
            ctl.say(self.tr("Translation finished: {0} translated. In the document, "
                            "{1} flagged and {2} failed; Next flagged (F8) shows "
                            "them.").format(translated, flagged, failed), error=bool(failed))
        else:
            ctl.say((self.tr("Translation finished: 1 segment.") if translated == 1
                     else self.tr("Translation finished: {0} segments.")).format(translated))

    @Slot(int, str)
    def _on_client_failed(self, job_id: int, message: str) -> None:
        if self._end(job_id):
            self.controller.say(message, error=True)

    @Slot(int)
    def _on_client_cancelled(self, job_id: int) -> None:
        if self._end(job_id):
            self.controller.say(self.tr("Stopped."))

