"""The Translate workspace with the real test model: open, translate, stop, revise, undo,
export — as a user does it, offscreen."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from bayling_desktop.config import Settings
from bayling_desktop.flags import Flag
from bayling_desktop.ui.translate.segment_filter import SegmentFilter
from bayling_desktop.ui.translate.segment_model import SegmentRow, SegmentTableModel
from bayling_desktop.ui.translate.workspace_view import TranslateWorkspace
from bayling_desktop.ui.worker import ModelClient

CJK = re.compile(r"[\u4e00-\u9fff]")
PARAGRAPHS = ["The weather is nice today.", "I like green tea.", "We open at 9 o'clock.",
              "Thank you for your help.", "The train was late again.",
              "Please close the door.", "This is my favourite book."]


@pytest.fixture
def client(client: ModelClient, qtbot: QtBot, model_settings: Settings) -> ModelClient:
    """The shared client with the real test model loaded."""
    with qtbot.waitSignal(client.modelLoaded, timeout=60_000):
        client.load(model_settings)
    return client


@pytest.fixture
def workspace(client: ModelClient, qtbot: QtBot, model_settings: Settings,
              tmp_path: Path) -> TranslateWorkspace:
    settings = Settings(**{**model_settings.__dict__, "source_language": "en",
                           "target_language": "zh", "max_tokens": 48})
    widget = TranslateWorkspace(client, settings=settings)
    qtbot.addWidget(widget)
    source = tmp_path / "story.txt"
    source.write_text("\n\n".join(PARAGRAPHS) + "\n", encoding="utf-8")
    with qtbot.waitSignal(widget.model.modelReset, timeout=10_000):
        widget.open_paths([source])
    return widget


def test_segment_models_pass_the_model_tester(qtmodeltester: object, qapp: QApplication) -> None:
    model = SegmentTableModel()
    model.set_rows([SegmentRow(0, "p1", "Hello", "你好", "draft"), SegmentRow(1, "p2", "Bye")])
    qtmodeltester.check(model)  # type: ignore[attr-defined]
    proxy = SegmentFilter()
    proxy.setSourceModel(model)
    qtmodeltester.check(proxy)  # type: ignore[attr-defined]
    proxy.set_mode(SegmentFilter.UNTRANSLATED)
    assert proxy.rowCount() == 1
    proxy.set_mode(SegmentFilter.ALL)
    proxy.set_text("hello")
    assert proxy.rowCount() == 1 and proxy.index(0, 1).data() == "Hello"


@pytest.mark.model
def test_open_then_translate_all_fills_every_row(workspace: TranslateWorkspace,
                                                 qtbot: QtBot) -> None:
    assert workspace.model.rowCount() == len(PARAGRAPHS)
    assert workspace.model.index(2, SegmentTableModel.SOURCE).data() == PARAGRAPHS[2]
    speeds: list[float] = []
    workspace.controller.speedChanged.connect(speeds.append)
    workspace.translate_all()
    qtbot.waitUntil(lambda: workspace.model.counts()[0] == len(PARAGRAPHS), timeout=120_000)
    qtbot.waitUntil(lambda: not workspace.controller.runs.running, timeout=10_000)
    for row in workspace.model.rows():
        assert row.status == "draft"
        assert CJK.search(row.target), row.target
    assert workspace.progress.value() == len(PARAGRAPHS)
    assert speeds and all(speed > 0 for speed in speeds)  # the status bar's tokens/s
    assert workspace.eta_label.text() == ""


@pytest.mark.model
def test_stop_while_streaming_keeps_finished_rows(workspace: TranslateWorkspace,
                                                  qtbot: QtBot) -> None:
    workspace.translate_all()
    qtbot.waitUntil(lambda: workspace.model.counts()[0] >= 1, timeout=60_000)
    qtbot.waitUntil(lambda: any(r.status == "translating" and r.target
                                for r in workspace.model.rows()), timeout=60_000)
    workspace.stop()
    qtbot.waitUntil(lambda: not workspace.controller.runs.running, timeout=30_000)
    done, total = workspace.model.counts()
    assert 1 <= done < total
    statuses = {r.status for r in workspace.model.rows()}
    assert "translating" not in statuses
    assert workspace.translate_all_button.isEnabled()
    assert workspace.eta_label.text() == ""  # nothing of the run is left on screen
    assert workspace.progress.format() == f"{done} / {total} segments"
    assert workspace.message_label.text() == "Stopped."


@pytest.mark.model
def test_revision_accept_and_undo(workspace: TranslateWorkspace, qtbot: QtBot) -> None:
    workspace.translate_all()
    qtbot.waitUntil(lambda: not workspace.controller.runs.running, timeout=120_000)
    first = workspace.model.row(0).target
    workspace.select_segment(0)
    assert workspace.revision.segment == 0
    workspace.revision.instruction.setText("Translate it into English instead.")
    workspace.revision.send_button.click()
    qtbot.waitUntil(lambda: workspace.controller.revising.job is None, timeout=60_000)
    proposal = workspace.revision.candidate_text()
    assert proposal and proposal != first
    assert "Translate it into English" in workspace.revision.thread_view.toPlainText()
    workspace.revision.accept_button.click()
    assert workspace.model.row(0).target == proposal
    assert workspace.model.row(0).status == "edited"
    workspace.undo_stack().undo()
    assert workspace.model.row(0).target == first
    assert workspace.model.row(0).status == "draft"


@pytest.mark.model
def test_edit_in_place_then_export(workspace: TranslateWorkspace, qtbot: QtBot,
                                   tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    index = workspace.filter.index(0, SegmentTableModel.TARGET)
    assert workspace.filter.setData(index, "今天天气很好。", Qt.ItemDataRole.EditRole)
    assert workspace.model.row(0).status == "edited"
    out = tmp_path / "story.zh.txt"
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: QMessageBox.StandardButton.Yes)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    workspace.export()
    lines = out.read_text(encoding="utf-8").split("\n\n")
    assert lines[0] == "今天天气很好。"
    assert lines[1] == PARAGRAPHS[1]  # untranslated segments keep their source


def test_unreadable_file_gives_a_message(client_free_workspace: TranslateWorkspace,
                                         qtbot: QtBot, tmp_path: Path,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a: shown.append(text))
    binary = tmp_path / "blob.txt"
    binary.write_bytes(b"\x00\x01\x02" * 100)
    client_free_workspace.open_paths([binary])
    qtbot.waitUntil(lambda: bool(shown), timeout=10_000)
    assert "binary" in shown[0]
    assert client_free_workspace.model.rowCount() == 0


@pytest.fixture
def client_free_workspace(qtbot: QtBot) -> Iterator[TranslateWorkspace]:
    client = ModelClient()  # not the shared fixture: that one is loaded in this file
    widget = TranslateWorkspace(client)
    qtbot.addWidget(widget)
    yield widget
    assert client.shutdown()


@pytest.mark.model
def test_work_is_saved_and_reused(workspace: TranslateWorkspace, qtbot: QtBot,
                                  client: ModelClient, tmp_path: Path) -> None:
    workspace.translate_all()
    qtbot.waitUntil(lambda: not workspace.controller.runs.running, timeout=120_000)
    translated = [row.target for row in workspace.model.rows()]
    # Model drafts stay out of the memory until a person approves them.
    assert workspace.store is not None
    assert workspace.store.memory.lookup("en", "zh", PARAGRAPHS[3]) is None
    assert workspace.controller.editing.approve([3]) == 1
    # A new window on the same file: everything comes back, nothing is left to translate.
    workspace.shutdown()
    again = TranslateWorkspace(client, settings=workspace.settings)
    qtbot.addWidget(again)
    with qtbot.waitSignal(again.model.modelReset, timeout=10_000):
        again.open_paths([tmp_path / "story.txt"])
    assert [row.target for row in again.model.rows()] == translated
    assert again.model.counts() == (len(PARAGRAPHS), len(PARAGRAPHS))
    assert again.model.row(3).status == "approved"
    # Another file repeating a sentence gets it from the translation memory, not the model.
    other = tmp_path / "other.txt"
    other.write_text(f"{PARAGRAPHS[3]}\n", encoding="utf-8")
    with qtbot.waitSignal(again.model.modelReset, timeout=10_000):
        again.open_paths([other])
    again.translate_all()
    qtbot.waitUntil(lambda: not again.controller.runs.running, timeout=30_000)
    assert again.controller.runs.memory_hits == 1  # from the memory, not the model
    assert again.model.row(0).target == translated[3]


def test_glossary_violations_are_flagged(client_free_workspace: TranslateWorkspace,
                                         qtbot: QtBot, tmp_path: Path) -> None:
    widget = client_free_workspace
    source = tmp_path / "terms.txt"
    source.write_text("We use cloud computing.\n\nThe cat sleeps.\n", encoding="utf-8")
    with qtbot.waitSignal(widget.model.modelReset, timeout=10_000):
        widget.open_paths([source])
    widget.filter.setData(widget.filter.index(0, SegmentTableModel.TARGET), "我们使用云。")
    widget.filter.setData(widget.filter.index(1, SegmentTableModel.TARGET), "猫在睡觉。")
    terms = tmp_path / "terms.csv"
    terms.write_text("cloud computing,云计算\n", encoding="utf-8")
    widget.glossary_actions.load_glossary_file(terms)
    assert "(1)" in widget.glossary_button.text()
    assert widget.model.row(0).flags == [Flag("glossary", {"source": "cloud computing",
                                                          "target": "云计算"})]
    assert widget.model.row(1).flags == []
    widget.filter.set_mode(widget.filter.FLAGGED)
    assert widget.filter.rowCount() == 1
    widget.filter.setData(widget.filter.index(0, SegmentTableModel.TARGET), "我们使用云计算。")
    assert widget.model.row(0).flags == []


def test_fuzzy_memory_match_is_offered(client_free_workspace: TranslateWorkspace,
                                       qtbot: QtBot, tmp_path: Path) -> None:
    widget = client_free_workspace
    widget.bar.select_language(widget.bar.source_combo, "en")
    widget.bar.select_language(widget.bar.target_combo, "zh")
    assert widget.store is not None
    widget.store.memory.add("en", "zh", [("The meeting is on Friday.", "会议在周五。")])
    source = tmp_path / "m.txt"
    source.write_text("The meeting is on Monday.\n", encoding="utf-8")
    with qtbot.waitSignal(widget.model.modelReset, timeout=10_000):
        widget.open_paths([source])
    widget.select_segment(0)
    assert "会议在周五。" in widget.revision.memory_label.text()
    assert widget.revision.memory_button.isVisibleTo(widget.revision)
    sent: list[str] = []
    widget.revision.instructionSubmitted.connect(sent.append)
    widget.revision.memory_button.click()
    assert sent and "会议在周五。" in sent[0]


@pytest.mark.model
def test_document_wide_instruction_proposals_are_reviewed(workspace: TranslateWorkspace,
                                                          qtbot: QtBot) -> None:
    workspace.translate_all()
    qtbot.waitUntil(lambda: not workspace.controller.runs.running, timeout=120_000)
    before = [row.target for row in workspace.model.rows()]
    workspace.select_segment(0)
    workspace.revision.whole_document.setChecked(True)
    workspace.revision.instruction.setText("Make it more formal.")
    workspace.revision.send_button.click()
    qtbot.waitUntil(lambda: workspace.controller.revising.document_job is None, timeout=180_000)
    doc = workspace.current
    assert doc is not None and doc.proposals
    # nothing changes until the user decides; no proposal repeats the current text
    assert [row.target for row in workspace.model.rows()] == before
    assert all(text.strip() != before[i].strip() for i, (_c, text, _f) in doc.proposals.items())
    assert all(any(f.code == "proposed" for f in workspace.model.row(i).flags)
               for i in doc.proposals)
    first = sorted(doc.proposals)[0]
    workspace.select_segment(first)
    workspace.revision.reject_button.click()
    assert first not in doc.proposals
    clean = {i: text for i, (_c, text, flags) in doc.proposals.items() if not flags}
    flagged = {i for i, (_c, _t, flags) in doc.proposals.items() if flags}
    print("flagged proposals:", {i: doc.proposals[i][2] for i in flagged})
    if not clean:  # the small model's proposals may all be flagged: none is bulk-accepted
        assert not workspace.revision.accept_all_button.isVisibleTo(workspace.revision)
        return
    workspace.revision.accept_all_button.click()
    for segment, text in clean.items():
        assert workspace.model.row(segment).target == text
    assert set(doc.proposals) == flagged  # flagged ones wait for one-by-one review
    assert workspace.model.row(first).target == before[first]
    workspace.undo_stack().undo()  # one undo step takes back the whole batch
    assert [row.target for row in workspace.model.rows()] == before


@pytest.mark.model
def test_translate_selected_counts_the_selection(workspace: TranslateWorkspace,
                                                 qtbot: QtBot) -> None:
    selection = workspace.table.selectionModel()
    for row in (1, 3):
        selection.select(workspace.filter.index(row, 0),
                         QItemSelectionModel.SelectionFlag.Select
                         | QItemSelectionModel.SelectionFlag.Rows)
    maxima: set[int] = set()
    workspace.progress.valueChanged.connect(
        lambda _value: maxima.add(workspace.progress.maximum()))
    workspace.translate_selected()
    assert workspace.progress.format() == "Translating: 0 / 2"
    qtbot.waitUntil(lambda: not workspace.controller.runs.running, timeout=120_000)
    assert 2 in maxima  # the run's own count, not the document's
    assert [workspace.model.row(i).status != "new" for i in range(len(PARAGRAPHS))] == [
        False, True, False, True, False, False, False]
    assert workspace.progress.format() == "2 / 7 segments"


@pytest.mark.model
def test_explanation_stays_in_the_conversation_when_stopped(workspace: TranslateWorkspace,
                                                            qtbot: QtBot) -> None:
    workspace.select_segment(0)
    workspace.translate_selected()
    qtbot.waitUntil(lambda: not workspace.controller.runs.running, timeout=60_000)
    assert workspace.model.row(0).done
    workspace.settings.max_tokens = 400  # a long answer, so there is time to stop it
    workspace.select_segment(0)
    explain = next(b for b in workspace.revision.quick_buttons
                   if b.text() == "Explain this choice")
    explain.click()
    qtbot.waitUntil(lambda: len(workspace.revision.turns()[-1].reply) > 10, timeout=60_000)
    qtbot.keyClick(workspace.revision.instruction, Qt.Key.Key_Escape)  # Esc stops
    qtbot.waitUntil(lambda: workspace.controller.revising.job is None, timeout=30_000)
    assert workspace.revision.candidate_text() == ""  # never into the proposal box
    turn = workspace.revision.turns()[-1]
    assert turn.kind == "explanation" and len(turn.reply) > 10
    if turn.stopped:
        assert "(stopped)" in workspace.revision.thread_view.toPlainText()


@pytest.mark.model
def test_rows_grow_in_parallel_with_a_parallel_engine(qapp: QApplication, qtbot: QtBot,
                                                      model_settings: Settings,
                                                      tmp_path: Path) -> None:
    settings = Settings(**{**model_settings.__dict__, "source_language": "en",
                           "target_language": "zh", "max_tokens": 48,
                           "parallel_sequences": 3})
    client = ModelClient()
    with qtbot.waitSignal(client.modelLoaded, timeout=60_000):
        client.load(settings)
    try:
        widget = TranslateWorkspace(client, settings=settings)
        qtbot.addWidget(widget)
        source = tmp_path / "story.txt"
        source.write_text("\n\n".join(PARAGRAPHS) + "\n", encoding="utf-8")
        with qtbot.waitSignal(widget.model.modelReset, timeout=10_000):
            widget.open_paths([source])
        growing: list[int] = []
        widget.model.dataChanged.connect(lambda *_args: growing.append(sum(
            1 for r in widget.model.rows() if r.status == "translating" and r.target)))
        throughput: list[tuple[float, int]] = []
        widget.controller.throughputChanged.connect(lambda rate, running: throughput.append(
            (rate, running)))
        widget.translate_all()
        qtbot.waitUntil(lambda: not widget.controller.runs.running, timeout=180_000)
        assert widget.model.counts()[0] + sum(
            1 for r in widget.model.rows() if r.status == "error") == len(PARAGRAPHS)
        assert max(growing) >= 2, "several rows should stream at once"
        assert any(running >= 2 for _rate, running in throughput)
        widget.shutdown()
    finally:
        assert client.shutdown()


@pytest.mark.model
def test_pause_waits_and_resume_finishes(workspace: TranslateWorkspace, qtbot: QtBot) -> None:
    workspace.translate_all()
    qtbot.waitUntil(lambda: workspace.model.counts()[0] >= 1, timeout=60_000)
    workspace.bar.pause_button.setChecked(True)
    qtbot.waitUntil(lambda: workspace.message_label.text().startswith("Paused"),
                    timeout=60_000)
    done = workspace.model.counts()[0]
    qtbot.wait(1_500)
    assert workspace.model.counts()[0] == done < len(PARAGRAPHS)  # nothing moves
    assert workspace.controller.runs.job is not None  # paused, not ended
    workspace.bar.pause_button.setChecked(False)
    qtbot.waitUntil(lambda: not workspace.controller.runs.running, timeout=120_000)
    assert workspace.model.counts()[0] == len(PARAGRAPHS)
    assert workspace.bar.pause_button.text() == "Pause"


def test_the_export_question_says_what_keeps_its_source_and_what_goes_out_flagged(
        client_free_workspace: TranslateWorkspace, qtbot: QtBot, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    ws = client_free_workspace
    source = tmp_path / "three.txt"
    source.write_text("One apple.\n\nTwo pears.\n\nThree plums.\n", encoding="utf-8")
    ws.open_paths([source])
    qtbot.waitUntil(lambda: ws.model.rowCount() == 3, timeout=10_000)
    ws.model.update_row(0, target="一个苹果。", status="draft")
    ws.model.update_row(1, target="两个梨。", status="draft",
                        flags=[Flag("numbers", {"missing": "1", "extra": "none"})])
    project = ws.current.project if ws.current is not None else None
    assert project is not None  # what the rows show is what the project holds
    project.set_target(0, "一个苹果。", "draft", "model")
    project.set_target(1, "两个梨。", "draft", "model",
                       [Flag("numbers", {"missing": "1", "extra": "none"})])
    asked: list[str] = []
    monkeypatch.setattr(QMessageBox, "question", lambda _p, _t, text, *a: (
        asked.append(text), QMessageBox.StandardButton.Yes)[1])
    out = tmp_path / "three.zh.txt"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    ws.export()
    assert asked and "Untranslated segments: 1. They keep their source text." in asked[0]
    assert "Flagged segments: 1. They are exported as translated" in asked[0]
    # …and that is what the file holds
    assert out.read_text(encoding="utf-8").split("\n\n")[:3] == [
        "一个苹果。", "两个梨。", "Three plums.\n"]


def test_files_opened_together_keep_their_order_and_the_first_is_shown(
        client_free_workspace: TranslateWorkspace, qtbot: QtBot, tmp_path: Path) -> None:
    import docx

    ws = client_free_workspace
    first = tmp_path / "first.txt"
    first.write_text("A short note.\n", encoding="utf-8")
    slow = tmp_path / "middle.docx"  # many paragraphs: it finishes loading last
    book = docx.Document()
    for n in range(1500):
        book.add_paragraph(f"Paragraph number {n} of a long report.")
    book.save(str(slow))
    last = tmp_path / "last.srt"
    last.write_text("1\n00:00:01,000 --> 00:00:02,000\nHello.\n", encoding="utf-8")
    ws.open_paths([first, slow, last])
    qtbot.waitUntil(lambda: len(ws.controller.docs) == 3, timeout=30_000)
    combo = ws.bar.document_combo
    assert [combo.itemText(i) for i in range(combo.count())] == [
        "first.txt", "middle.docx", "last.srt"]
    assert ws.current is not None and ws.current.document.path == first
    assert combo.currentText() == "first.txt" and ws.model.rowCount() == 1


def test_what_opening_found_is_said_and_said_again_for_its_own_document(
        client_free_workspace: TranslateWorkspace, qtbot: QtBot, tmp_path: Path) -> None:
    import docx

    ws = client_free_workspace
    report = tmp_path / "report.docx"
    book = docx.Document()
    paragraph = book.add_paragraph("The budget is approved.")
    book.add_comment(paragraph.runs, text="Check the figures.", author="Ann")
    book.save(str(report))
    notes = tmp_path / "notes.txt"
    notes.write_text("A short note.\n", encoding="utf-8")
    ws.open_paths([report, notes])
    qtbot.waitUntil(lambda: len(ws.controller.docs) == 2, timeout=20_000)
    # the comment left untranslated is said (the GUI never showed document notices)
    assert "1 comment(s); they were left untranslated" in ws.message_label.text()
    combo = ws.bar.document_combo
    combo.setCurrentIndex(combo.findText("notes.txt"))
    assert ws.message_label.text() == "notes.txt: 1 segment."  # not report.docx's
    combo.setCurrentIndex(combo.findText("report.docx"))
    assert "comment(s)" in ws.message_label.text()
