"""The revision panel and document-wide proposals, without a model: what is stored in
the project comes back, flagged proposals are never bulk-accepted, the proposal is
editable with a word diff, explanations stay in the conversation, Esc stops."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from bayling_desktop.config import Settings
from bayling_desktop.engine.backend import Backend
from bayling_desktop.flags import Flag
from bayling_desktop.ui.translate.revision_panel import (
    RevisionPanel,
    Turn,
    is_question,
    word_diff,
)
from bayling_desktop.ui.translate.segment_model import SegmentTableModel
from bayling_desktop.ui.translate.workspace_view import TranslateWorkspace
from bayling_desktop.ui.worker import ModelClient

from .fake_backend import EchoBackend

SOURCES = ["The cat sleeps.", "The dog barks.", "Birds sing."]
DRAFTS = ["猫在睡觉。", "狗在叫。", "鸟儿在唱歌。"]


_OPEN: list[TranslateWorkspace] = []


def workspace(client: ModelClient, qtbot: QtBot, path: Path) -> TranslateWorkspace:
    """A fresh window on *path*, as after a restart (the previous one has quit)."""
    while _OPEN:
        _OPEN.pop().shutdown()
    widget = TranslateWorkspace(client, settings=Settings(source_language="en",
                                                          target_language="zh"))
    qtbot.addWidget(widget)
    _OPEN.append(widget)
    with qtbot.waitSignal(widget.model.modelReset, timeout=10_000):
        widget.open_paths([path])
    return widget


@pytest.fixture
def translated(client: ModelClient, qtbot: QtBot, tmp_path: Path) -> Path:
    path = tmp_path / "story.txt"
    path.write_text("\n\n".join(SOURCES) + "\n", encoding="utf-8")
    widget = workspace(client, qtbot, path)
    assert widget.current is not None and widget.current.project is not None
    for index, text in enumerate(DRAFTS):
        widget.current.project.set_target(index, text, "draft", "model")
    return path


def test_word_diff_marks_whole_words() -> None:
    diff = word_diff("The cat sleeps now.", "The black cat sleeps.")
    assert "line-through\">now</span>" in diff or "line-through\"> now</span>" in diff
    assert "underline\"> black</span>" in diff
    assert word_diff("猫在睡觉。", "猫在休息。").count("line-through") == 1


def test_questions_are_told_from_instructions() -> None:
    assert is_question("Why this word?") and is_question("为什么用“睡觉”？")
    assert is_question("Explain the tone") and not is_question("Make it more formal.")
    assert not is_question("Use 小猫 instead")
    assert not is_question("Could you make it more formal?")


def test_proposal_is_editable_and_esc_stops(qtbot: QtBot) -> None:
    panel = RevisionPanel()
    qtbot.addWidget(panel)
    panel.set_segment(0, "The cat sleeps.", "猫在睡觉。")
    panel.set_candidate("猫正在睡觉。")
    assert not panel.candidate.isReadOnly()
    panel.candidate.setPlainText("那只猫正在睡觉。")
    assert panel.candidate_text() == "那只猫正在睡觉。"
    assert "underline" in panel.diff_view.toHtml()
    with qtbot.waitSignal(panel.acceptRequested, timeout=1_000):  # Ctrl+Enter accepts
        qtbot.keyClick(panel.candidate, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    panel.set_busy(True)
    with qtbot.waitSignal(panel.stopRequested, timeout=1_000):
        qtbot.keyClick(panel.instruction, Qt.Key.Key_Escape)
    panel.set_busy(False)
    with qtbot.assertNotEmitted(panel.stopRequested):
        qtbot.keyClick(panel.instruction, Qt.Key.Key_Escape)


def test_conversation_scrolls_to_the_newest_turn_and_explanations_stay_there(
        qtbot: QtBot) -> None:
    panel = RevisionPanel()
    qtbot.addWidget(panel)
    panel.resize(300, 500)
    panel.show()
    panel.set_segment(0, "The cat sleeps.", "猫在睡觉。")
    panel.set_thread([Turn(f"Change {n}", "猫在睡觉。" * 8) for n in range(30)])
    bar = panel.thread_view.verticalScrollBar()
    assert bar.maximum() > 0 and bar.value() == bar.maximum()
    explained: list[str] = []
    panel.explanationRequested.connect(explained.append)
    sent: list[str] = []
    panel.instructionSubmitted.connect(sent.append)
    explain = next(b for b in panel.quick_buttons if b.text() == "Explain this choice")
    explain.click()
    assert explained and not sent  # an explanation is not a revision request
    panel.instruction.setText("Why 睡觉 and not 休息?")
    panel.send_button.click()  # a question is answered in the conversation too
    assert explained[-1] == "Why 睡觉 and not 休息?" and not sent
    panel.instruction.setText("Use 休息 instead.")
    panel.send_button.click()
    assert sent == ["Use 休息 instead."]
    panel.set_thread([*panel.turns(), Turn(explained[0], "", "explanation")])
    panel.append_explanation("“睡觉” is the everyday word.")
    assert panel.candidate_text() == ""
    assert "everyday word" in panel.thread_view.toPlainText()


def test_accept_all_takes_only_unflagged_proposals(client: ModelClient, qtbot: QtBot,
                                                   translated: Path) -> None:
    widget = workspace(client, qtbot, translated)
    project = widget.current.project  # type: ignore[union-attr]
    assert project is not None
    store = project.store
    store.add_candidate(project, 0, "b1", "More formal", "那只猫正在睡觉。")
    store.add_candidate(project, 1, "b1", "More formal", "Provide the Chinese translation "
                        "for this sentence: The dog barks.",  # the instruction echoed
                        flags=[Flag("echo", blocking=True)])
    store.add_candidate(project, 2, "b1", "More formal", DRAFTS[2])  # unchanged
    # a restart: the proposals are in the project, the identical one is dropped
    widget = workspace(client, qtbot, translated)
    doc = widget.current
    assert doc is not None and sorted(doc.proposals) == [0, 1]
    assert "(1)" in widget.revision.accept_all_button.text()
    widget.select_segment(1)
    assert "echoed the instruction" in widget.revision.notes.text()
    widget.revision.accept_all_button.click()
    assert widget.model.row(0).target == "那只猫正在睡觉。"
    assert widget.model.row(1).target == DRAFTS[1]  # flagged: left for review
    assert sorted(doc.proposals) == [1]
    assert "flagged" in widget.message_label.text()
    widget.undo_stack().undo()
    assert widget.model.row(0).target == DRAFTS[0]
    # the document-wide instruction is part of segment 1's conversation once accepted
    widget.undo_stack().redo()
    widget.select_segment(0)
    assert "More formal" in widget.revision.thread_view.toPlainText()


def test_one_by_one_review_of_a_flagged_proposal(client: ModelClient, qtbot: QtBot,
                                                 translated: Path) -> None:
    widget = workspace(client, qtbot, translated)
    project = widget.current.project  # type: ignore[union-attr]
    assert project is not None
    project.store.add_candidate(project, 1, "b2", "Shorter", "Provide the Chinese "
                                "translation for this sentence: dog",
                                flags=[Flag("echo", blocking=True)])
    widget = workspace(client, qtbot, translated)
    widget.select_segment(1)
    widget.revision.candidate.setPlainText("狗叫。")  # the reviewer fixes it by hand
    widget.revision.accept_button.click()
    assert widget.model.row(1).target == "狗叫。"
    assert widget.model.row(1).status == "edited"
    assert widget.current is not None and not widget.current.proposals


def test_revision_thread_and_glossary_notes_come_back(client: ModelClient, qtbot: QtBot,
                                                      translated: Path) -> None:
    widget = workspace(client, qtbot, translated)
    doc = widget.current
    assert doc is not None and doc.project is not None
    store = doc.project.store
    store.append_thread(doc.project, 0, [("user", "Provide the Chinese translation for this "
                                         "sentence: The cat sleeps."),
                                         ("assistant", DRAFTS[0]),
                                         ("user", "Use 小猫"), ("assistant", "小猫在睡觉。")])
    doc.project.set_target(0, "小猫在睡觉。", "edited", "model-revision")
    store.set_glossary(doc.project, [("cat", "猫")])
    again = workspace(client, qtbot, translated)
    again.select_segment(0)
    assert "Use 小猫" in again.revision.thread_view.toPlainText()
    assert "cat → 猫" in again.revision.notes.text()
    assert again.model.index(0, SegmentTableModel.TARGET).data() == "小猫在睡觉。"


def test_accepting_a_typed_proposal_for_an_untranslated_segment_says_why(
        client: ModelClient, qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "new.txt"
    path.write_text("Nothing translated yet.\n", encoding="utf-8")
    widget = workspace(client, qtbot, path)
    widget.select_segment(0)
    widget.revision.candidate.setPlainText("还没有翻译。")
    widget.revision.accept_button.click()
    assert "no translation to revise" in widget.message_label.text()
    assert widget.model.row(0).status == "new"


def test_a_revision_that_echoes_the_instruction_says_so_in_the_panel(
        qtbot: QtBot, translated: Path, loaded_client: Callable[[Backend], ModelClient]
        ) -> None:
    # a small local model that answers with the request's last message, as they do
    client = loaded_client(EchoBackend())
    widget = workspace(client, qtbot, translated)
    speeds: list[float] = []
    widget.controller.speedChanged.connect(speeds.append)
    widget.select_segment(1)
    widget.revision.instruction.setText("Make it sound more formal, please.")
    with qtbot.waitSignal(widget.controller.busyChanged, timeout=10_000,
                          check_params_cb=lambda busy: not busy):
        widget.revision.send_button.click()
    assert widget.revision.candidate.text().strip()
    # the revision's own speed reaches the status bar (the fake decodes a word per 4 ms)
    assert len(speeds) == 1 and 20 < speeds[0] < 1000, speeds
    notes = widget.revision.notes.text()
    assert "⚠" in notes, notes  # the proposal's own finding, not the segment's (none)
    assert "echoed the instruction" in notes or "does not read as a revision" in notes, notes
    # the finding is about the model's text: editing the proposal by hand retires it
    widget.revision.candidate.setPlainText("狗在大声地叫。")
    assert "⚠" not in widget.revision.notes.text()
    widget.shutdown()
    _OPEN.clear()
    assert client.shutdown()


def test_a_refused_or_failed_instruction_is_kept_in_the_box(
        client: ModelClient, qtbot: QtBot, translated: Path) -> None:
    widget = workspace(client, qtbot, translated)  # no model loaded: the request is refused
    widget.select_segment(0)
    typed = "Use a warmer tone and say 小猫 instead of 猫."
    widget.revision.instruction.setText(typed)
    widget.revision.send_button.click()
    assert "not loaded" in widget.message_label.text()
    assert widget.revision.instruction.text() == typed  # the user's sentence survives

    panel = widget.revision
    panel.take_instruction(typed)  # sent…
    assert panel.instruction.text() == ""
    panel.restore_instruction()  # …and failed: it comes back
    assert panel.instruction.text() == typed
    panel.instruction.setText("half typed")
    panel.take_instruction("Make it more formal.")  # a quick action leaves it alone
    assert panel.instruction.text() == "half typed"
