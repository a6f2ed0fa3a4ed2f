"""The workspace adapts the pipeline's events: rows stream in parallel, repaints are
throttled, progress counts the run's units, and nothing of a run stays on screen after it."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from bayling_desktop.config import Settings
from bayling_desktop.engine.backend import Backend
from bayling_desktop.flags import Flag
from bayling_desktop.translation.pipeline import (
    Paused,
    PipelineReport,
    Progress,
    UnitFinished,
    UnitRetry,
    UnitStarted,
    UnitText,
)
from bayling_desktop.ui.translate.pipeline_runs import REPAINT_MS
from bayling_desktop.ui.translate.segment_model import SegmentTableModel
from bayling_desktop.ui.translate.workspace_view import TranslateWorkspace
from bayling_desktop.ui.worker import ModelClient

from .fake_backend import EchoBackend


@pytest.fixture
def widget(client: ModelClient, qtbot: QtBot, tmp_path: Path) -> Iterator[TranslateWorkspace]:
    made = TranslateWorkspace(client, settings=Settings(source_language="en",
                                                        target_language="zh"))
    qtbot.addWidget(made)
    path = tmp_path / "five.txt"
    path.write_text("\n\n".join(f"Sentence number {n}." for n in range(1, 6)) + "\n",
                    encoding="utf-8")
    with qtbot.waitSignal(made.model.modelReset, timeout=10_000):
        made.open_paths([path])
    yield made


def test_rows_stream_in_parallel_with_throttled_repaints(widget: TranslateWorkspace,
                                                         qtbot: QtBot) -> None:
    runs = widget.controller.runs
    runs.job = 7  # as if the pipeline ran on the model thread
    painted: list[int] = []
    widget.model.dataChanged.connect(
        lambda top, _bottom, _roles: painted.append(top.row())
        if top.column() == SegmentTableModel.TARGET else None)
    for index in (0, 1, 2):
        runs.handle_event(UnitStarted(index))
    for piece in ("第", "一", "句"):
        for index in (0, 1, 2):
            runs.handle_event(UnitText(index, piece))
    painted.clear()
    qtbot.wait(REPAINT_MS * 3)
    assert [widget.model.row(i).target for i in (0, 1, 2)] == ["第一句"] * 3
    assert sorted(painted) == [0, 1, 2]  # one repaint per growing row, not per piece
    runs.handle_event(UnitRetry(1, 1))  # a rejected answer is wiped before the retry
    assert widget.model.row(1).target == ""
    runs.handle_event(UnitFinished(0, "第一句。", "draft", (), "model"))
    assert widget.model.row(0).status == "draft"
    runs.handle_event(UnitFinished(2, "", "error", ("The model echoed the source.",), "model"))
    assert widget.model.row(2).status == "error" and widget.model.row(2).flagged


def test_progress_counts_the_run_and_is_cleared_at_the_end(widget: TranslateWorkspace) -> None:
    runs = widget.controller.runs
    runs.job = 8
    speeds: list[float] = []
    widget.controller.speedChanged.connect(speeds.append)
    runs.handle_event(Progress(2, 3, 65.0, 71.5, 4))  # "Translate selected" of three rows
    assert widget.progress.maximum() == 3 and widget.progress.value() == 2
    assert widget.progress.format() == "Translating: 2 / 3"
    assert widget.eta_label.text() == "about 1 min left · 4 at once"
    assert speeds == [71.5]
    widget.model.update_row(4, status="translating")  # cut off when the run ended
    # the report counted one, the rows show two ⚠: the summary says what the rows say
    for index in (0, 1):
        widget.model.update_row(index, target="句子。", status="draft",
                                flags=[Flag("glossary", {"source": "number", "target": "数"})])
    runs._on_client_finished(8, PipelineReport(total=3, translated=2, flagged=1))
    assert widget.eta_label.text() == ""
    assert widget.progress.format() == "2 / 5 segments"
    assert "2 flagged" in widget.message_label.text()
    shown = [widget.model.data(widget.model.index(n, SegmentTableModel.STATUS))
             for n in range(5)]
    assert sum("⚠" in text for text in shown) == 2
    assert widget.model.row(4).status == "new"
    assert widget.translate_all_button.isEnabled()


def test_a_paused_run_says_paused_and_shows_no_eta(widget: TranslateWorkspace) -> None:
    runs = widget.controller.runs
    runs.job = 9
    runs.handle_event(Progress(1, 5, 40.0, 50.0, 2))
    runs.set_paused(True)
    # two units still generate: not "Paused" until they are done
    assert widget.progress.format() == "Finishing 2 segments… 1 / 5"
    assert widget.eta_label.text() == ""
    assert "finishing 2 in progress" in widget.message_label.text()
    runs.handle_event(Progress(2, 5, 30.0, 50.0, 1))  # a unit in flight still finishes
    assert widget.progress.format() == "Finishing 1 segment… 2 / 5"
    runs.handle_event(Progress(3, 5, 30.0, 50.0, 0))
    runs.handle_event(Paused(3, 5))  # the pipeline: nothing in flight any more
    assert widget.progress.format() == "Paused: 3 / 5"
    assert "Paused" in widget.message_label.text()
    runs.set_paused(False)
    assert widget.progress.format() == "Translating: 3 / 5"
    assert widget.eta_label.text() == "less than a minute left"
    runs.job = None


def test_eight_streaming_rows_are_drawn_in_batches_not_per_piece(
        widget: TranslateWorkspace, qtbot: QtBot, tmp_path: Path) -> None:
    """Issue 11: eight rows streaming never stall the GUI because pieces are gathered and
    the table is told once per row per flush, not once per piece (how long a GUI step
    takes is measured in ``benchmarks/bench_gui.py``, not asserted here)."""
    path = tmp_path / "many.txt"
    path.write_text("\n\n".join(f"Line {n} of the test." for n in range(2_000)) + "\n",
                    encoding="utf-8")
    with qtbot.waitSignal(widget.model.modelReset, timeout=10_000):
        widget.open_paths([path])
    widget.show()
    runs = widget.controller.runs
    runs.job = 9
    for index in range(8):
        runs.handle_event(UnitStarted(index))
    told: list[int] = []
    widget.model.dataChanged.connect(lambda top, _bottom, *_: told.append(top.row()))
    for _tick in range(50):
        for index in range(8):
            for _piece in range(3):  # ~70 tok/s over 8 rows, 40 ms per tick
                runs.handle_event(UnitText(index, "字"))
        assert widget.model.row(7).target.count("字") == _tick * 3  # gathered, not drawn
        runs.flush()
        QApplication.processEvents()  # the repaint of the grown rows
    assert len(told) <= 50 * 8, len(told)  # at most one change per row per flush
    assert sorted(set(told)) == list(range(8))
    assert len(widget.model.row(7).target) == 150


def test_opening_or_picking_another_document_never_stops_a_run_unasked(
        qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        loaded_client: Callable[[Backend], ModelClient]) -> None:
    from PySide6.QtWidgets import QMessageBox

    # slow enough to still run while we look
    client = loaded_client(EchoBackend(piece_delay=0.05))
    ws = TranslateWorkspace(client, settings=Settings(source_language="en",
                                                      target_language="zh"))
    qtbot.addWidget(ws)
    long = tmp_path / "long.txt"
    long.write_text("\n\n".join(f"Sentence number {n} has a few more words in it." for n in
                                range(30)), encoding="utf-8")
    other = tmp_path / "other.txt"
    other.write_text("Another note.\n", encoding="utf-8")
    ws.open_paths([long])
    qtbot.waitUntil(lambda: ws.model.rowCount() == 30, timeout=10_000)
    ws.translate_all()
    qtbot.waitUntil(lambda: ws.controller.runs.running, timeout=5_000)

    ws.open_paths([other])  # opened while the run goes on: listed, not switched to
    qtbot.waitUntil(lambda: len(ws.controller.docs) == 2, timeout=10_000)
    assert ws.controller.runs.running
    assert ws.current is not None and ws.current.document.path == long
    assert "long.txt is still being translated" in ws.message_label.text()
    combo = ws.bar.document_combo
    assert combo.currentText() == "long.txt" and combo.findText("other.txt") >= 0

    asked: list[str] = []
    answer = QMessageBox.StandardButton.No
    monkeypatch.setattr(QMessageBox, "question", lambda _p, _t, text, *a: (
        asked.append(text), answer)[1])
    combo.setCurrentIndex(combo.findText("other.txt"))  # "no": stay, keep translating
    assert asked and ws.controller.runs.running and combo.currentText() == "long.txt"
    assert ws.current.document.path == long
    answer = QMessageBox.StandardButton.Yes
    combo.setCurrentIndex(combo.findText("other.txt"))  # "yes": stop and switch
    assert ws.current.document.path == other
    qtbot.waitUntil(lambda: not ws.controller.runs.running, timeout=10_000)
    ws.shutdown()
    assert client.shutdown()
