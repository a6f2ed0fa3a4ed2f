"""Blocking model-library calls (downloads, imports, server probes) off the GUI thread.

Each task gets its own short-lived QThread, so a multi-gigabyte download never
delays an import or a "Test connection". The task function is plain Python from the
core: ``fn(report, cancel) -> result``. Only plain data crosses threads, progress is
throttled before it reaches the event loop, every exception is caught in the worker
and turned into a ``failed`` signal, and cancelling is cooperative through the
:class:`CancelToken` (a ``threading.Event``) the core functions already check.
"""

from __future__ import annotations

import itertools
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QObject, QThread, Signal, Slot

from ...engine.backend import CancelToken
from ...errors import BaylingError
from ..sentence_text import sentence_text

log = logging.getLogger(__name__)

Report = Callable[[object], None]
TaskFn = Callable[[Report, CancelToken], object]

# progress reaches the GUI at most this often (STYLE.md: repaint every ~30-50 ms)
PROGRESS_INTERVAL_S = 0.05
# how long closing the dialog waits for its threads before leaving them to finish alone
SHUTDOWN_TIMEOUT_MS = 5_000



class _Worker(QObject):
    progressed = Signal(int, object)
    succeeded = Signal(int, object)
    failed = Signal(int, str)
    cancelled = Signal(int)

    def __init__(self, job: int, fn: TaskFn, cancel: CancelToken) -> None:
        super().__init__()
        self._job = job
        self._fn = fn
        self._cancel = cancel
        self._last = 0.0
        self._pending: object = None
        self._has_pending = False
        self._stage: object = None

    def _report(self, value: object) -> None:
        now = time.monotonic()
        stage = getattr(value, "stage", None)
        if stage is not None and stage != self._stage:
            # A new stage is always shown (and the last news of the previous one first):
            # throttling must not hide a stage that was quick.
            self._stage = stage
            self._flush()
            self._last = now
            self.progressed.emit(self._job, value)
            return
        if now - self._last >= PROGRESS_INTERVAL_S:
            self._last = now
            self._has_pending = False
            self.progressed.emit(self._job, value)
        else:
            self._pending, self._has_pending = value, True

    def _flush(self) -> None:
        if self._has_pending:
            self._has_pending = False
            self.progressed.emit(self._job, self._pending)

    @Slot()
    def run(self) -> None:
        try:
            self._run()
        finally:
            # Hand the worker back to the GUI thread, where Python drops it. Deleting a
            # Python-made QObject from its finishing thread (deleteLater) races with the
            # interpreter and crashed PySide6 6.11 about once in twenty runs.
            app = QCoreApplication.instance()
            if app is not None:
                self.moveToThread(app.thread())

    def _run(self) -> None:
        try:
            result = self._fn(self._report, self._cancel)
        except BaylingError as exc:
            self._flush()
            if self._cancel.cancelled:
                self.cancelled.emit(self._job)
            else:
                self.failed.emit(self._job, sentence_text(exc))
            return
        except Exception as exc:  # a worker's exception never reaches the excepthook
            log.exception("background task %d failed", self._job)
            self._flush()
            self.failed.emit(self._job, sentence_text(exc))
            return
        self._flush()
        self.succeeded.emit(self._job, result)


@dataclass
class _Running:
    thread: QThread
    worker: _Worker
    cancel: CancelToken


# Tasks still running when their owner went away: referenced here until the process
# ends, because destroying a running QThread (or its worker) aborts the application.
_stragglers: list[_Running] = []


class BackgroundTasks(QObject):
    """Starts tasks and re-emits their outcome, with the job id, on the GUI thread.

    Every job ends with exactly one of ``succeeded``, ``failed`` or ``cancelled``.
    """

    progressed = Signal(int, object)
    succeeded = Signal(int, object)
    failed = Signal(int, str)
    cancelled = Signal(int)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ids = itertools.count(1)
        self._running: dict[int, _Running] = {}
        app = QCoreApplication.instance()
        if app is not None:
            # A dialog left open at exit must not take running threads down with it.
            app.aboutToQuit.connect(self._on_application_about_to_quit)

    def start(self, fn: TaskFn) -> int:
        job = next(self._ids)
        cancel = CancelToken()
        thread = QThread(self)
        worker = _Worker(job, fn, cancel)
        worker.moveToThread(thread)
        thread.started.connect(worker.run)
        worker.progressed.connect(self._on_worker_progressed)
        worker.succeeded.connect(self._on_worker_succeeded)
        worker.failed.connect(self._on_worker_failed)
        worker.cancelled.connect(self._on_worker_cancelled)
        for ended in (worker.succeeded, worker.failed, worker.cancelled):
            ended.connect(thread.quit)
        thread.finished.connect(self._on_thread_finished)
        self._running[job] = _Running(thread, worker, cancel)
        thread.start()
        return job

    def is_running(self, job: int) -> bool:
        return job in self._running

    def active_count(self) -> int:
        return len(self._running)

    def cancel(self, job: int) -> None:
        running = self._running.get(job)
        if running is not None:
            running.cancel.cancel()

    def shutdown(self, timeout_ms: int = SHUTDOWN_TIMEOUT_MS) -> bool:
        """Cancel every task and wait for the threads; False if one is still running."""
        for running in self._running.values():
            running.cancel.cancel()
            running.thread.quit()
        deadline = time.monotonic() + timeout_ms / 1000
        clean = True
        for job, running in list(self._running.items()):
            left = max(0, int((deadline - time.monotonic()) * 1000))
            if running.thread.wait(left):
                running.thread.deleteLater()
            else:
                clean = False
                log.warning("background task %d did not stop in time", job)
                running.thread.setParent(None)
                _stragglers.append(running)
            self._running.pop(job, None)
        return clean

    @Slot()
    def _on_application_about_to_quit(self) -> None:
        self.shutdown()

    @Slot(int, object)
    def _on_worker_progressed(self, job: int, value: object) -> None:
        if job in self._running:
            self.progressed.emit(job, value)

    @Slot(int, object)
    def _on_worker_succeeded(self, job: int, result: object) -> None:
        if job in self._running:
            self.succeeded.emit(job, result)

    @Slot(int, str)
    def _on_worker_failed(self, job: int, message: str) -> None:
        if job in self._running:  # said in the UI language where it was caught
            self.failed.emit(job, message)

    @Slot(int)
    def _on_worker_cancelled(self, job: int) -> None:
        if job in self._running:
            self.cancelled.emit(job)

    @Slot()
    def _on_thread_finished(self) -> None:
        thread = self.sender()
        for job, running in list(self._running.items()):
            if running.thread is thread:
                del self._running[job]
                running.thread.wait(SHUTDOWN_TIMEOUT_MS)  # finished was emitted: at once
                running.thread.deleteLater()
