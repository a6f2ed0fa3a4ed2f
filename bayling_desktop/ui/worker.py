"""The one thread that owns the model, and the GUI-side client that talks to it.

llama.cpp calls block for seconds, so the model lives on its own long-lived QThread
(STYLE.md: one worker object, moveToThread, weights loaded once). The GUI queues
requests with job ids; every job ends with exactly one of ``finished``, ``failed`` or
``cancelled``. Only plain data crosses threads, streamed text is batched every
~40 ms so the event loop never drowns, and results of jobs the GUI has given up on
are dropped by id.

When the backend decodes several sequences at once (its ``parallel`` > 1: the engine's
scheduler, or a remote server with several slots), interactive jobs — a chat reply, a
segment revision — run on a second lane beside a running batch instead of queueing
behind the whole document; the backend's ``stream()`` is thread-safe then.
"""

from __future__ import annotations

import dataclasses
import itertools
import logging
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QObject, QThread, Signal, Slot

from ..config import Settings
from ..engine.backend import Backend, CancelToken, EngineActivity, GenerationParams, Message
from ..errors import BaylingError
from ..models.selection import load_backend
from ..sentences import Sentence
from .backend_slot import BackendSlot, backend_parallel, library_name, read_activity
from .sentence_text import sentence_text

log = logging.getLogger(__name__)

# how often streamed text reaches the GUI (STYLE.md: repaint every ~30-50 ms)
PIECE_INTERVAL_S = 0.04
# how long closing the window waits for the worker thread
SHUTDOWN_TIMEOUT_MS = 10_000


@dataclass(frozen=True)
class ChatResult:
    """What a finished chat job hands back: plain values only."""

    text: str
    prompt_tokens: int
    completion_tokens: int
    tokens_per_second: float
    stop_reason: str
    context_length: int
    notices: tuple[Sentence, ...] = ()


@dataclass(frozen=True)
class ModelSummary:
    description: str
    format_name: str
    context_length: int
    #: the name the model library shows (falls back to the backend's description)
    name: str = ""
    #: sequences the backend decodes at once (1: jobs run one after another)
    parallel: int = 1


@dataclass(frozen=True)
class _ChatRequest:
    messages: tuple[Message, ...]
    params: GenerationParams


TaskFn = Callable[[Backend, CancelToken, Callable[[str], None]], object]


class JobReporter:
    """Given to a task: call it with text to stream, or ``.progress(value)`` to report."""

    def __init__(self, worker: JobRunner, job_id: int) -> None:
        self._worker = worker
        self._job_id = job_id
        self._buffer: list[str] = []
        self._last = 0.0

    def __call__(self, text: str) -> None:
        self._buffer.append(text)
        now = time.monotonic()
        if now - self._last >= PIECE_INTERVAL_S:
            self.flush()
            self._last = now

    def progress(self, value: object) -> None:
        self.flush()
        self._worker.progress.emit(self._job_id, value)

    def flush(self) -> None:
        if self._buffer:
            text = "".join(self._buffer)
            self._buffer.clear()
            self._worker.piece.emit(self._job_id, text)


class JobRunner(QObject):
    """Runs jobs one at a time on the thread it lives on (one lane)."""

    piece = Signal(int, str)
    progress = Signal(int, object)
    finished = Signal(int, object)
    failed = Signal(int, str)
    cancelled = Signal(int)

    def __init__(self, slot: BackendSlot) -> None:
        super().__init__()
        self.slot = slot

    @property
    def backend(self) -> Backend | None:
        return self.slot.backend

    @Slot(int, object, object)
    def run_job(self, job_id: int, request: object, cancel: CancelToken) -> None:
        if cancel.cancelled:
            self.cancelled.emit(job_id)
            return
        backend = self.slot.acquire()
        if backend is None:
            self.failed.emit(job_id, sentence_text(self.slot.error))
            return
        try:
            self._run(job_id, backend, request, cancel)
        finally:
            self.slot.release()

    def _run(self, job_id: int, backend: Backend, request: object,
             cancel: CancelToken) -> None:
        reporter = JobReporter(self, job_id)
        try:
            if isinstance(request, _ChatRequest):
                result: object = self._chat(backend, request, cancel, reporter)
            else:
                task: TaskFn = request  # type: ignore[assignment]
                result = task(backend, cancel, reporter)
        except BaylingError as exc:
            reporter.flush()
            self.failed.emit(job_id, sentence_text(exc))
            return
        except Exception as exc:
            reporter.flush()
            log.error("job %d failed:\n%s", job_id, traceback.format_exc())
            self.failed.emit(job_id, sentence_text(exc))
            return
        reporter.flush()
        if cancel.cancelled:
            self.cancelled.emit(job_id)
        else:
            self.finished.emit(job_id, result)

    def _chat(self, backend: Backend, request: _ChatRequest, cancel: CancelToken,
              reporter: JobReporter) -> ChatResult:
        completion = backend.stream(request.messages, request.params, cancel)
        try:
            text = completion.run(reporter)
        finally:
            completion.close()
        stats = completion.stats
        if stats is None:
            return ChatResult(text, 0, 0, 0.0, "stop", backend.context_length)
        return ChatResult(text, stats.prompt_tokens, stats.completion_tokens,
                          stats.tokens_per_second, stats.stop_reason, backend.context_length,
                          tuple(stats.notices))


class ModelWorker(JobRunner):
    """The batch lane, which also loads and closes the model."""

    loading = Signal()
    loadProgress = Signal(int, int)
    loaded = Signal(object)  # ModelSummary
    loadFailed = Signal(object)  # Sentence

    @Slot(object, object)
    def load(self, settings: Settings, model: str | None) -> None:
        self.release()
        self.loading.emit()
        try:
            backend = load_backend(settings, model, progress=self._on_load_progress)
        except BaylingError as exc:
            self.slot.error = exc.sentence
            self.loadFailed.emit(exc.sentence)
            return
        except Exception as exc:  # a library bug must not kill the thread
            log.exception("loading the model failed")
            self.slot.error = Sentence("model_could_not_be_loaded", error=exc)
            self.loadFailed.emit(self.slot.error)
            return
        self.slot.backend = backend
        self.loaded.emit(ModelSummary(backend.description,
                                      backend.format_name,
                                      backend.context_length,
                                      name=library_name(backend, settings),
                                      parallel=backend_parallel(backend)))

    def _on_load_progress(self, done: int, total: int) -> None:
        # Sizes are bytes (up to GBs): send them in KiB so they fit a C int.
        self.loadProgress.emit(done // 1024, max(1, total // 1024))

    @Slot()
    def release(self) -> None:
        self.slot.close()


class ModelClient(QObject):
    """The GUI's handle on the model thread: submit, cancel, and hear back by job id."""

    piece = Signal(int, str)
    progress = Signal(int, object)
    finished = Signal(int, object)
    failed = Signal(int, str)
    cancelled = Signal(int)
    modelLoading = Signal()
    modelLoadProgress = Signal(int, int)
    modelLoaded = Signal(str)
    modelFailed = Signal(object)  # Sentence
    busyChanged = Signal(bool)

    _loadRequested = Signal(object, object)
    _jobRequested = Signal(int, object, object)
    _interactiveJobRequested = Signal(int, object, object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ids = itertools.count(1)
        self._jobs: dict[int, CancelToken] = {}
        self.summary: ModelSummary | None = None
        self.load_error: Sentence | None = None
        self.loading = False
        self._slot = BackendSlot()
        self._thread = QThread(self)
        self._thread.setObjectName("model-worker")
        self._worker = ModelWorker(self._slot)
        self._worker.moveToThread(self._thread)
        # the second lane: interactive jobs beside a batch when the backend is parallel
        self._interactive_thread = QThread(self)
        self._interactive_thread.setObjectName("model-interactive")
        self._interactive = JobRunner(self._slot)
        self._interactive.moveToThread(self._interactive_thread)
        self._loadRequested.connect(self._worker.load)
        self._jobRequested.connect(self._worker.run_job)
        self._interactiveJobRequested.connect(self._interactive.run_job)
        self._worker.loading.connect(self._on_worker_loading)
        self._worker.loadProgress.connect(self._on_worker_load_progress)
        self._worker.loaded.connect(self._on_worker_loaded)
        self._worker.loadFailed.connect(self._on_worker_load_failed)
        for runner in (self._worker, self._interactive):
            runner.piece.connect(self._on_worker_piece)
            runner.progress.connect(self._on_worker_progress)
            runner.finished.connect(self._on_worker_finished)
            runner.failed.connect(self._on_worker_failed)
            runner.cancelled.connect(self._on_worker_cancelled)
        self._thread.start()
        self._interactive_thread.start()
        app = QCoreApplication.instance()
        if app is not None:
            # Belt and braces: a running QThread destroyed at exit aborts the process.
            app.aboutToQuit.connect(self._on_app_about_to_quit)

    # -- requests -----------------------------------------------------------------------

    def load(self, settings: Settings, model: str | None = None) -> None:
        """(Re)load the model in the background; jobs already queued are cancelled."""
        self.cancel_all()
        self.loading = True
        self._loadRequested.emit(dataclasses.replace(settings), model)

    def submit_chat(self, messages: list[Message], params: GenerationParams) -> int:
        return self._submit(_ChatRequest(tuple(messages), params), interactive=True)

    def submit_task(self, fn: TaskFn, interactive: bool = False) -> int:
        """Run *fn(backend, cancel, emit)* on a model thread; its return is the result.

        *interactive* jobs (a revision, anything a user waits for) run beside a batch
        when the backend decodes several sequences at once; otherwise in order.
        """
        return self._submit(fn, interactive)

    @property
    def parallel(self) -> int:
        return self.summary.parallel if self.summary is not None else 1

    def activity(self) -> EngineActivity | None:
        """Running sequences and aggregate speed, when the backend reports them."""
        backend = self._slot.backend
        return read_activity(backend) if backend is not None else None

    def _submit(self, request: object, interactive: bool) -> int:
        job_id = next(self._ids)
        token = CancelToken()
        was_busy = self.busy
        self._jobs[job_id] = token
        if interactive and self.parallel > 1:
            self._interactiveJobRequested.emit(job_id, request, token)
        else:
            self._jobRequested.emit(job_id, request, token)
        if not was_busy:
            self.busyChanged.emit(True)
        return job_id

    def cancel(self, job_id: int) -> None:
        token = self._jobs.get(job_id)
        if token is not None:
            token.cancel()

    def cancel_all(self) -> None:
        for token in self._jobs.values():
            token.cancel()

    @property
    def busy(self) -> bool:
        return bool(self._jobs)

    @property
    def ready(self) -> bool:
        return self.summary is not None and not self.loading

    def is_cancelled(self, job_id: int) -> bool:
        token = self._jobs.get(job_id)
        return token is None or token.cancelled

    def shutdown(self) -> bool:
        """Stop the thread (cancelling work); True when it ended within the timeout."""
        if not self._thread.isRunning() and not self._interactive_thread.isRunning():
            return True
        self.cancel_all()
        for thread in (self._interactive_thread, self._thread):
            thread.quit()
        for thread in (self._interactive_thread, self._thread):
            if not thread.wait(SHUTDOWN_TIMEOUT_MS):
                log.warning("the model thread did not stop within %d ms", SHUTDOWN_TIMEOUT_MS)
                return False
        # The thread has ended, so closing the model from here races with nothing.
        self._worker.release()
        return True

    @Slot()
    def _on_app_about_to_quit(self) -> None:
        self.shutdown()

    # -- worker signals (queued onto the GUI thread) ------------------------------------

    def _end(self, job_id: int) -> bool:
        if self._jobs.pop(job_id, None) is None:
            return False
        if not self._jobs:
            self.busyChanged.emit(False)
        return True

    @Slot()
    def _on_worker_loading(self) -> None:
        self.loading = True
        self.summary = None
        self.modelLoading.emit()

    @Slot(int, int)
    def _on_worker_load_progress(self, done: int, total: int) -> None:
        self.modelLoadProgress.emit(done, total)

    @Slot(object)
    def _on_worker_loaded(self, summary: ModelSummary) -> None:
        self.loading = False
        self.summary = summary
        self.load_error = None
        self.modelLoaded.emit(summary.description)

    @Slot(object)
    def _on_worker_load_failed(self, message: Sentence) -> None:
        self.loading = False
        self.summary = None
        self.load_error = message
        self.modelFailed.emit(message)

    @Slot(int, str)
    def _on_worker_piece(self, job_id: int, text: str) -> None:
        if not self.is_cancelled(job_id):
            self.piece.emit(job_id, text)

    @Slot(int, object)
    def _on_worker_progress(self, job_id: int, value: object) -> None:
        if not self.is_cancelled(job_id):
            self.progress.emit(job_id, value)

    @Slot(int, object)
    def _on_worker_finished(self, job_id: int, result: object) -> None:
        cancelled = self.is_cancelled(job_id)
        if self._end(job_id):
            if cancelled:
                self.cancelled.emit(job_id)
            else:
                self.finished.emit(job_id, result)

    @Slot(int, str)
    def _on_worker_failed(self, job_id: int, message: str) -> None:
        if self._end(job_id):
            self.failed.emit(job_id, message)

    @Slot(int)
    def _on_worker_cancelled(self, job_id: int) -> None:
        if self._end(job_id):
            self.cancelled.emit(job_id)
