"""The model thread: loading, jobs by id, streaming, cancelling, failures."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from bayling_desktop.config import Settings
from bayling_desktop.engine.backend import Backend, CancelToken, GenerationParams, Message
from bayling_desktop.ui.worker import ChatResult, ModelClient

from .fake_backend import EchoBackend


class Recorder:
    """Collects everything a client emits, per job."""

    def __init__(self, client: ModelClient) -> None:
        self.pieces: dict[int, list[str]] = {}
        self.progress: dict[int, list[object]] = {}
        self.ends: dict[int, tuple[str, object]] = {}
        self.busy: list[bool] = []
        client.piece.connect(self.on_piece)
        client.progress.connect(self.on_progress)
        client.finished.connect(self.on_finished)
        client.failed.connect(self.on_failed)
        client.cancelled.connect(self.on_cancelled)
        client.busyChanged.connect(self.busy.append)

    def on_piece(self, job: int, text: str) -> None:
        self.pieces.setdefault(job, []).append(text)

    def on_progress(self, job: int, value: object) -> None:
        self.progress.setdefault(job, []).append(value)

    def on_finished(self, job: int, result: object) -> None:
        self.ends[job] = ("finished", result)

    def on_failed(self, job: int, message: str) -> None:
        self.ends[job] = ("failed", message)

    def on_cancelled(self, job: int) -> None:
        self.ends[job] = ("cancelled", None)


def test_a_broken_model_file_is_reported_and_jobs_fail_with_that_reason(
        client: ModelClient, qtbot: QtBot, tmp_path: Path) -> None:
    broken = tmp_path / "broken.gguf"
    broken.write_bytes(b"this is not a model" * 10)
    recorder = Recorder(client)
    with qtbot.waitSignal(client.modelFailed, timeout=10_000) as failed:
        client.load(Settings(model_path=str(broken)))
    message = str(failed.args[0])
    assert "broken.gguf" in message
    assert client.summary is None and str(client.load_error) == message
    job = client.submit_chat([Message("user", "hi")], GenerationParams(max_tokens=4))
    qtbot.waitUntil(lambda: job in recorder.ends, timeout=5_000)
    assert recorder.ends[job] == ("failed", message)
    assert recorder.busy == [True, False]


@pytest.mark.model
def test_jobs_run_in_order_on_the_model_thread(client: ModelClient, qtbot: QtBot,
                                               model_settings: Settings) -> None:
    recorder = Recorder(client)
    with qtbot.waitSignal(client.modelLoaded, timeout=60_000) as loaded:
        client.load(model_settings)
    assert "ctx 1024" in str(loaded.args[0])
    assert client.summary is not None and client.summary.context_length == 1024
    threads: list[int] = []
    release = threading.Event()

    def blocking(backend: Backend, cancel: CancelToken, emit: Callable[[str], None]) -> object:
        threads.append(threading.get_ident())
        emit("wait")
        while not release.wait(0.01):
            if cancel.cancelled:
                return None
        return "released"

    def counting(backend: Backend, cancel: CancelToken, emit: Callable[[str], None]) -> object:
        threads.append(threading.get_ident())
        emit("a")
        emit("b")
        emit.progress(7)  # type: ignore[attr-defined]
        return backend.count_tokens([Message("user", "Hello there")])

    never_ran: list[bool] = []

    def skipped(backend: Backend, cancel: CancelToken, emit: Callable[[str], None]) -> object:
        never_ran.append(True)
        return None

    first = client.submit_task(blocking)
    second = client.submit_task(skipped)
    third = client.submit_task(counting)
    assert len({first, second, third}) == 3
    client.cancel(second)  # cancelled while queued: it must never start
    qtbot.waitUntil(lambda: recorder.pieces.get(first) == ["wait"], timeout=10_000)
    release.set()
    qtbot.waitUntil(lambda: third in recorder.ends, timeout=10_000)
    assert recorder.ends[first] == ("finished", "released")
    assert recorder.ends[second] == ("cancelled", None)
    assert never_ran == []
    kind, tokens = recorder.ends[third]
    assert kind == "finished" and isinstance(tokens, int) and tokens > 2
    assert "".join(recorder.pieces[third]) == "ab"
    assert recorder.progress[third] == [7]
    assert threads[0] == threads[1] != threading.get_ident()
    assert recorder.busy == [True, False]

    # A streamed chat reply comes in batches that add up to the final text.
    chat = client.submit_chat([Message("user", "Say hello.")],
                              GenerationParams(temperature=0.0, max_tokens=12))
    qtbot.waitUntil(lambda: chat in recorder.ends, timeout=30_000)
    kind, result = recorder.ends[chat]
    assert kind == "finished" and isinstance(result, ChatResult)
    assert result.text and "".join(recorder.pieces[chat]) == result.text
    assert 0 < result.completion_tokens <= 12 and result.prompt_tokens > 0
    assert result.context_length == 1024

    # Cancelling a running chat ends it as cancelled and drops what comes after.
    long = client.submit_chat([Message("user", "Count from 1 to 200, one per line.")],
                              GenerationParams(temperature=0.0, max_tokens=400))
    qtbot.waitUntil(lambda: long in recorder.pieces, timeout=30_000)
    client.cancel(long)
    seen = len(recorder.pieces[long])
    qtbot.waitUntil(lambda: long in recorder.ends, timeout=10_000)
    assert recorder.ends[long] == ("cancelled", None)
    assert len(recorder.pieces[long]) == seen


@pytest.fixture
def echo(serve: Callable[[Backend], Backend]) -> Callable[[int], EchoBackend]:
    """Make the next load() return an EchoBackend that decodes *parallel* sequences."""

    def use(parallel: int) -> EchoBackend:
        backend = EchoBackend(parallel)
        serve(backend)
        return backend

    return use


def _blocking_batch(release: threading.Event) -> Callable[..., object]:
    def batch(backend: Backend, cancel: CancelToken, emit: Callable[[str], None]) -> object:
        emit("batch started")
        while not release.wait(0.01):
            if cancel.cancelled:
                return None
        return "batch done"

    return batch


@pytest.mark.parametrize("parallel", [1, 3])
def test_a_chat_runs_beside_a_batch_only_when_the_backend_is_parallel(
        client: ModelClient, qtbot: QtBot, echo: Callable[[int], EchoBackend],
        parallel: int) -> None:
    backend = echo(parallel)
    recorder = Recorder(client)
    with qtbot.waitSignal(client.modelLoaded, timeout=5_000):
        client.load(Settings())
    assert client.parallel == parallel
    release = threading.Event()
    batch = client.submit_task(_blocking_batch(release))
    qtbot.waitUntil(lambda: batch in recorder.pieces, timeout=5_000)
    chat = client.submit_chat([Message("user", "hello there")], GenerationParams())
    try:
        if parallel > 1:
            # interactive work does not wait for the document
            qtbot.waitUntil(lambda: chat in recorder.ends, timeout=5_000)
            assert batch not in recorder.ends
            kind, result = recorder.ends[chat]
            assert kind == "finished" and isinstance(result, ChatResult)
            assert result.text == "hello there"
        else:
            # one sequence at a time: the chat queues behind the batch, as before
            qtbot.wait(300)
            assert chat not in recorder.ends and backend.started == []
    finally:
        release.set()
    qtbot.waitUntil(lambda: batch in recorder.ends and chat in recorder.ends, timeout=5_000)
    assert recorder.ends[batch] == ("finished", "batch done")
    assert recorder.ends[chat][0] == "finished"
    assert recorder.busy == [True, False]


def test_reloading_waits_for_the_interactive_lane(
        client: ModelClient, qtbot: QtBot, echo: Callable[[int], EchoBackend]) -> None:
    backend = echo(2)
    backend.piece_delay = 0.05
    recorder = Recorder(client)
    with qtbot.waitSignal(client.modelLoaded, timeout=5_000):
        client.load(Settings())
    long = " ".join(f"w{n}" for n in range(200))
    chat = client.submit_chat([Message("user", long)], GenerationParams())
    qtbot.waitUntil(lambda: chat in recorder.pieces, timeout=5_000)
    echo(2)
    with qtbot.waitSignal(client.modelLoaded, timeout=10_000):
        client.load(Settings())
    qtbot.waitUntil(lambda: chat in recorder.ends, timeout=5_000)
    assert recorder.ends[chat] == ("cancelled", None)
    assert backend.closed and backend.running_at_close == 0


def test_activity_is_read_from_the_backend(
        client: ModelClient, qtbot: QtBot, echo: Callable[[int], EchoBackend]) -> None:
    assert client.activity() is None  # nothing loaded
    backend = echo(4)
    with qtbot.waitSignal(client.modelLoaded, timeout=5_000):
        client.load(Settings())
    activity = client.activity()
    assert activity is not None and activity.running == 0
    assert client.summary is not None and client.summary.parallel == 4
    assert backend.activity().running == 0


@pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
def test_the_status_bar_shows_speed_and_running_sequences(
        qtbot: QtBot, echo: Callable[[int], EchoBackend]) -> None:
    from PySide6.QtWidgets import QMainWindow

    from bayling_desktop.ui.status_bar import ModelStatus

    backend = echo(4)
    window = QMainWindow()
    qtbot.addWidget(window)
    client = ModelClient(window)
    status = ModelStatus(client, window.statusBar())
    try:
        with qtbot.waitSignal(client.modelLoaded, timeout=5_000):
            client.load(Settings())
        assert status.model_label.text() == "echo"  # the name, without format and context
        assert status.format_label.text() == "Format: plain"
        assert "4 sequences at once" in status.model_label.toolTip()
        backend.piece_delay = 0.02
        words = " ".join(["word"] * 100)

        def batch(backend: Backend, cancel: CancelToken, emit: Callable[[str], None]) -> object:
            return backend.stream([Message("user", words)], GenerationParams(), cancel).run(emit)

        jobs = [client.submit_task(batch),
                client.submit_chat([Message("user", words)], GenerationParams())]
        # a batch sequence and a chat sequence decode side by side
        qtbot.waitUntil(lambda: "2 sequences" in status.speed_label.text(), timeout=5_000)
        assert "tokens/s" in status.speed_label.text()
        for job in jobs:
            client.cancel(job)
        qtbot.waitUntil(lambda: not client.busy, timeout=10_000)
    finally:
        assert client.shutdown()
