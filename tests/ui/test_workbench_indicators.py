"""The screen says what is so: no speed while idle, a revision bar that moves, the
revision panel never shows a segment the filter hid, and the thread credits the
translator's own text to the translator."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QStatusBar
from pytestqt.qtbot import QtBot

from bayling_desktop.config import Settings
from bayling_desktop.engine.backend import CancelToken
from bayling_desktop.translation.revision import DocumentRevisionProgress
from bayling_desktop.ui.status_bar import ModelStatus
from bayling_desktop.ui.translate.workspace_view import TranslateWorkspace
from bayling_desktop.ui.worker import ModelClient

SOURCES = ["The cat sleeps.", "The dog barks.", "Birds sing."]
DRAFTS = ["猫在睡觉。", "狗在叫。", "鸟儿在唱歌。"]


@pytest.fixture
def widget(client: ModelClient, qtbot: QtBot, tmp_path: Path) -> Iterator[TranslateWorkspace]:
    path = tmp_path / "story.txt"
    path.write_text("\n\n".join(SOURCES) + "\n", encoding="utf-8")
    made = TranslateWorkspace(client, settings=Settings(source_language="en",
                                                        target_language="zh"))
    qtbot.addWidget(made)
    with qtbot.waitSignal(made.model.modelReset, timeout=10_000):
        made.open_paths([path])
    doc = made.current
    assert doc is not None and doc.project is not None
    for index, text in enumerate(DRAFTS):
        made.controller.editing.apply_target(doc, index, text, "draft", "model")
    yield made
    made.shutdown()


def test_no_speed_or_sequences_while_idle(client: ModelClient, qtbot: QtBot) -> None:
    bar = QStatusBar()
    qtbot.addWidget(bar)
    status = ModelStatus(client, bar)
    client._jobs[1] = CancelToken()  # a run is in progress
    status.show_speed(2.8, 13)
    assert status.speed_label.text() == "2.8 tokens/s · 13 sequences"
    client._jobs.clear()
    client.busyChanged.emit(False)  # the run ended: the model is idle
    assert status.speed_label.text() == ""
    status.show_speed(5.0)  # a late report after the end says nothing either
    assert status.speed_label.text() == ""


def test_the_revising_bar_moves_with_its_count(widget: TranslateWorkspace) -> None:
    widget.controller.revising.document_job = 41
    for done in (1, 2):
        widget.controller.revising._on_client_progress(
            41, DocumentRevisionProgress(done, 3, done - 1, "x"))
        assert widget.progress.format() == f"Revising: {done} / 3"
        assert (widget.progress.value(), widget.progress.maximum()) == (done, 3)
    widget.controller.revising.document_job = None


def test_the_panel_lets_go_of_a_segment_the_filter_hides(widget: TranslateWorkspace) -> None:
    widget.select_segment(1)
    assert widget.revision.segment == 1
    widget.find_edit.setText("cat")  # only segment 0 matches
    widget.finder._on_timer_timeout()
    assert widget.filter.rowCount() == 1
    assert widget.revision.segment is None
    assert "dog" not in widget.revision.source_view.toPlainText()
    widget.select_segment(0)
    widget.find_edit.setText("")  # the row on screen stays the current one
    widget.finder._on_timer_timeout()
    assert widget.revision.segment == 0
    assert widget.table.currentIndex().row() == 0


def test_an_edited_proposal_is_the_translators_in_the_thread(widget: TranslateWorkspace) -> None:
    widget.select_segment(0)
    widget.revision.candidate.setPlainText("小猫正在睡觉。")
    widget.revision.accept_button.click()
    assert widget.model.row(0).target == "小猫正在睡觉。"
    thread = widget.revision.thread_view.toPlainText()
    assert "You (edited by hand): 小猫正在睡觉。" in thread
    assert "BayLing: 小猫正在睡觉。" not in thread
