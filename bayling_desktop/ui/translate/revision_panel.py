"""The revision panel: one segment's conversation with the model (BayLing's
interactive translation). The user asks for a change in plain words, the revised
translation streams into an editable proposal with a word-level diff against the
current text, and Accept writes it back (undoable) or the talk goes on. Explanations
("why this word?") are answers, not translations: they go into the conversation."""

from __future__ import annotations

import difflib
import html
import re
from dataclasses import dataclass

from PySide6.QtCore import QEvent, Qt, Signal, Slot
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ...flags import Flag
from ..flag_text import flag_text
from .revision_tasks import EXPLAIN, quick_actions
from .segment_editor import TaggedEditor

_TOKEN = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]|\w+|\s+|[^\w\s]",
                    re.UNICODE)


def word_diff(before: str, after: str) -> str:
    """HTML of *after* against *before*: removed words struck out, added ones marked.

    Words are compared whole (each CJK character is a word), as a reviewer reads them.
    """
    old, new = _TOKEN.findall(before), _TOKEN.findall(after)
    parts: list[str] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, old, new,
                                                      autojunk=False).get_opcodes():
        if op in ("delete", "replace"):
            parts.append('<span style="color:#c0392b;text-decoration:line-through">'
                         f"{html.escape(''.join(old[i1:i2]))}</span>")
        if op in ("insert", "replace"):
            parts.append('<span style="color:#1e8449;text-decoration:underline">'
                         f"{html.escape(''.join(new[j1:j2]))}</span>")
        if op == "equal":
            parts.append(html.escape("".join(old[i1:i2])))
    return "".join(parts).replace("\n", "<br>")


# Only unmistakable questions: "Could you make it more formal?" is still a request.
_QUESTION = re.compile(r"^\s*(why\b|explain\b|what does\b|what is\b|is this\b|为什么|为何|解释|"
                       r"什么意思)", re.IGNORECASE)


def is_question(instruction: str) -> bool:
    """A question about the translation ("why 睡觉?") wants an answer, not a new version."""
    return _QUESTION.search(instruction) is not None


@dataclass
class Turn:
    """One exchange shown in the conversation."""

    instruction: str
    reply: str
    #: "revision", "explanation" or "document" (a document-wide instruction)
    kind: str = "revision"
    stopped: bool = False
    #: who wrote the reply: "model", or "user" when the translator typed it
    author: str = "model"


class RevisionPanel(QWidget):
    instructionSubmitted = Signal(str)
    # an explanation was asked for: the answer belongs to the conversation
    explanationRequested = Signal(str)
    acceptRequested = Signal()
    # the instruction should be applied to every translated segment of the document
    documentInstructionSubmitted = Signal(str)
    acceptAllRequested = Signal()
    rejectRequested = Signal()
    stopRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._turns: list[Turn] = []
        self._busy = False
        self._current = ""
        self._source = ""
        #: the instruction last sent, given back if its request fails
        self._sent = ""
        #: what set_notes shows: flags, glossary terms, and the proposal they are about
        self._notes: tuple[list[Flag], list[tuple[str, str]], str | None] = ([], [], None)
        self._build()
        self.set_segment(None, "", "")
        self.set_memory([])
        self.set_busy(False)

    def _build(self) -> None:
        self.title = QLabel(self)
        self.title.setObjectName("revisionTitle")
        self.source_view = TaggedEditor(self)  # tags as chips, like the table
        self.source_view.setReadOnly(True)
        self.source_view.setMaximumHeight(90)
        self.notes = QLabel(self)
        self.notes.setWordWrap(True)
        self.notes.setTextFormat(Qt.TextFormat.RichText)
        self.thread_view = QTextBrowser(self)
        self.thread_view.setOpenLinks(False)
        self.candidate = TaggedEditor(self)
        self.candidate.setMaximumHeight(110)
        self.candidate.textChanged.connect(self._on_candidate_text_changed)
        self.candidate.confirmed.connect(self._on_candidate_confirmed)  # Ctrl+Enter accepts
        self.diff_view = QTextBrowser(self)
        self.diff_view.setMaximumHeight(70)
        self.instruction = QLineEdit(self)
        self.instruction.setClearButtonEnabled(True)
        self.instruction.returnPressed.connect(self._on_instruction_return_pressed)
        self.send_button = QPushButton(self)
        self.send_button.clicked.connect(self._on_instruction_return_pressed)
        self.stop_button = QPushButton(self)
        self.stop_button.clicked.connect(self.stopRequested)
        self.accept_button = QPushButton(self)
        self.accept_button.clicked.connect(self.acceptRequested)
        self.reject_button = QPushButton(self)
        self.reject_button.clicked.connect(self.rejectRequested)
        self.whole_document = QCheckBox(self)
        self.accept_all_button = QPushButton(self)
        self.accept_all_button.clicked.connect(self.acceptAllRequested)
        self.accept_all_button.hide()
        self.quick_buttons: list[QPushButton] = []
        quick = QGridLayout()
        for number, (_label, instruction) in enumerate(quick_actions()):
            button = QPushButton(self)
            button.setProperty("instruction", instruction)
            button.clicked.connect(self._on_quick_button_clicked)
            quick.addWidget(button, number // 2, number % 2)
            self.quick_buttons.append(button)
        self.memory_label = QLabel(self)
        self.memory_label.setWordWrap(True)
        self.memory_button = QPushButton(self)
        self.memory_button.clicked.connect(self._on_memory_button_clicked)
        self._memory_target = ""
        self.source_label = QLabel(self)
        self.thread_label = QLabel(self)
        self.candidate_label = QLabel(self)
        row = QHBoxLayout()
        row.addWidget(self.instruction, 1)
        row.addWidget(self.send_button)
        row.addWidget(self.stop_button)
        decide = QHBoxLayout()
        decide.addWidget(self.accept_button)
        decide.addWidget(self.reject_button)
        decide.addWidget(self.accept_all_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.source_label)
        layout.addWidget(self.source_view)
        layout.addWidget(self.notes)
        memory = QHBoxLayout()
        memory.addWidget(self.memory_label, 1)
        memory.addWidget(self.memory_button)
        layout.addLayout(memory)
        layout.addWidget(self.thread_label)
        layout.addWidget(self.thread_view, 1)
        layout.addWidget(self.candidate_label)
        layout.addWidget(self.candidate)
        layout.addWidget(self.diff_view)
        layout.addLayout(decide)
        layout.addLayout(quick)
        layout.addLayout(row)
        layout.addWidget(self.whole_document)
        self._retranslate()

    def _retranslate(self) -> None:
        self.source_label.setText(self.tr("Source"))
        self.thread_label.setText(self.tr("Revision conversation"))
        self.candidate_label.setText(self.tr("Proposed translation (you can edit it)"))
        self.instruction.setPlaceholderText(
            self.tr("Ask for a change, e.g. “more formal” or “render 云计算 as cloud computing”"))
        self.send_button.setText(self.tr("Send"))
        self.send_button.setToolTip(self.tr("Send the instruction (Enter)"))
        self.stop_button.setText(self.tr("Stop"))
        self.stop_button.setToolTip(self.tr("Stop the model (Esc)"))
        self.accept_button.setText(self.tr("Accept"))
        self.accept_button.setToolTip(self.tr("Write the proposal into the document"))
        self.reject_button.setText(self.tr("Reject"))
        self.whole_document.setText(self.tr("Apply the instruction to every translated segment"))
        self.accept_all_button.setText(self.tr("Accept all proposals"))
        self.memory_button.setText(self.tr("Use as reference"))
        self.memory_button.setToolTip(self.tr(
            "Ask the model to revise the translation using this earlier translation"))
        labels = {"More formal": self.tr("More formal"), "More concise": self.tr("More concise"),
                  "Explain": self.tr("Explain this choice"),
                  "Use glossary": self.tr("Retranslate with the glossary")}
        for button, (label, _instruction) in zip(self.quick_buttons, quick_actions(),
                                                 strict=True):
            button.setText(labels.get(label, label))
        segment = getattr(self, "segment", None)  # re-said on a language switch
        self.title.setText(self.tr("Segment {0}").format(segment + 1) if segment is not None
                           else self.tr("Select a segment to revise it"))
        self._render_thread()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and self._busy:
            self.stopRequested.emit()
            return
        super().keyPressEvent(event)

    # -- state from the workspace -------------------------------------------------------

    def set_segment(self, number: int | None, source: str, target: str) -> None:
        self.segment = number
        enabled = number is not None
        self.title.setText(self.tr("Segment {0}").format(number + 1) if number is not None
                           else self.tr("Select a segment to revise it"))
        self.source_view.set_text(source)
        self._source = source
        self.instruction.setEnabled(enabled)
        for button in self.quick_buttons:
            button.setEnabled(enabled)
        self.send_button.setEnabled(enabled and not self._busy)
        self._current = target
        self.set_candidate("")
        self.set_notes([], [])

    def set_notes(self, flags: list[Flag], terms: list[tuple[str, str]],
                  about: str | None = None) -> None:
        """The flags of the segment (or of the proposal *about*) and the glossary terms.

        A proposal's findings hold for its text only: once the user edits the proposal
        they are no longer shown ("the same as the current translation" would be untrue).
        """
        self._notes = (list(flags), list(terms), about)
        if about is not None and self.candidate.text().strip() != about.strip():
            flags = []
        lines = [f"⚠ {html.escape(flag_text(flag))}" for flag in flags]
        if terms:
            lines.append(self.tr("Glossary: {0}").format(", ".join(
                f"{html.escape(s)} → {html.escape(t)}" for s, t in terms)))
        self.notes.setText("<br>".join(lines))
        self.notes.setVisible(bool(lines))

    def set_memory(self, matches: list[tuple[float, str, str]]) -> None:
        """Fuzzy translation-memory matches for this segment: (score, source, target)."""
        if matches:
            score, source, target = matches[0]
            self._memory_target = target
            # what differs between the remembered source and this one is what the
            # remembered translation gets wrong: struck out / underlined word by word
            self.memory_label.setTextFormat(Qt.TextFormat.RichText)
            self.memory_label.setText(
                html.escape(self.tr("Translation memory ({0:.0f}%): {1}").format(score, target))
                + "<br><small>" + html.escape(self.tr("Its source, against this one:"))
                + " " + word_diff(source, self._source) + "</small>")
        else:
            self._memory_target = ""
            self.memory_label.clear()
        self.memory_label.setVisible(bool(matches))
        self.memory_button.setVisible(bool(matches))

    def set_thread(self, turns: list[Turn]) -> None:
        self._turns = list(turns)
        self._render_thread()

    def turns(self) -> list[Turn]:
        return list(self._turns)

    def append_explanation(self, text: str) -> None:
        """Streamed text of an explanation: it grows the newest turn of the conversation."""
        if self._turns and self._turns[-1].kind == "explanation":
            self._turns[-1].reply += text
            self._render_thread()

    def _render_thread(self) -> None:
        parts = []
        labels = {"revision": "", "explanation": self.tr(" (explanation)"),
                  "document": self.tr(" (whole document)")}
        # tr() outside the f-strings: lupdate cannot see texts inside them
        you, stopped_note, empty = (self.tr("You"), self.tr("(stopped)"),
                                    self.tr("No revisions yet."))
        model, typed = self.tr("BayLing"), self.tr("You (edited by hand)")
        for turn in self._turns:
            stopped = f" <i>{stopped_note}</i>" if turn.stopped else ""
            writer = typed if turn.author == "user" else model
            parts.append(f"<p><b>{you}{labels.get(turn.kind, '')}:</b> "
                         f"{_escape(turn.instruction)}</p>"
                         f"<p><b>{writer}:</b> {_escape(turn.reply)}{stopped}</p>")
        if not parts:
            parts.append(f"<p><i>{empty}</i></p>")
        self.thread_view.setHtml("".join(parts))
        bar = self.thread_view.verticalScrollBar()
        bar.setValue(bar.maximum())  # the newest turn is what the user is reading

    def set_candidate(self, text: str) -> None:
        self.candidate.set_text(text, self._source)
        self._update_buttons()

    def append_candidate(self, text: str) -> None:
        self.candidate.moveCursor(self.candidate.textCursor().MoveOperation.End)
        self.candidate.insertPlainText(text)

    def candidate_text(self) -> str:
        return self.candidate.text().strip()

    @Slot()
    def _on_candidate_text_changed(self) -> None:
        text = self.candidate.text()
        flags, terms, about = self._notes
        if about is not None:
            self.set_notes(flags, terms, about)
        self.diff_view.setHtml(word_diff(self._current, text) if text.strip() else "")
        self.diff_view.setVisible(bool(text.strip()))
        self._update_buttons()

    def _update_buttons(self) -> None:
        has = bool(self.candidate.text().strip())
        self.accept_button.setEnabled(has and not self._busy)
        self.reject_button.setEnabled(has and not self._busy)

    def take_instruction(self, text: str) -> None:
        """*text* was sent: clear the box if it came from there (a quick action leaves
        what the user is typing alone); it comes back if the request fails."""
        if self.instruction.text().strip() == text.strip():
            self._sent = text
            self.instruction.clear()

    def restore_instruction(self) -> None:
        """The request failed: give the user back what they typed, unless they typed on."""
        if self._sent and not self.instruction.text().strip():
            self.instruction.setText(self._sent)
        self._sent = ""

    def set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.stop_button.setVisible(busy)
        self.send_button.setEnabled(not busy and self.segment is not None)
        self.candidate.setReadOnly(busy)
        self._update_buttons()

    @property
    def busy(self) -> bool:
        return self._busy

    def set_pending_proposals(self, count: int, flagged: int = 0) -> None:
        """Proposals of a document-wide instruction: Accept all takes the unflagged ones."""
        self.accept_all_button.setVisible(count - flagged > 0)
        self.accept_all_button.setText(self.tr("Accept all proposals ({0})").format(
            count - flagged))
        self.accept_all_button.setToolTip(self.tr(
            "{0} flagged proposals stay for one-by-one review.").format(flagged)
            if flagged else "")

    # -- user actions -------------------------------------------------------------------

    @Slot()
    def _on_candidate_confirmed(self) -> None:
        if self.accept_button.isEnabled():
            self.acceptRequested.emit()

    @Slot()
    def _on_instruction_return_pressed(self) -> None:
        text = self.instruction.text().strip()
        if not text or self._busy:
            return
        # the receiver clears the box once it took the request (take_instruction): a
        # refused one ("the model is not loaded yet") keeps what the user typed
        if self.whole_document.isChecked():
            self.documentInstructionSubmitted.emit(text)
        elif self.segment is not None:
            if is_question(text):
                self.explanationRequested.emit(text)
            else:
                self.instructionSubmitted.emit(text)

    @Slot()
    def _on_memory_button_clicked(self) -> None:
        if self._memory_target and self.segment is not None and not self._busy:
            self.instructionSubmitted.emit(
                "Revise the translation using this earlier translation of a similar sentence "
                f"as a reference: {self._memory_target}")

    @Slot()
    def _on_quick_button_clicked(self) -> None:
        button = self.sender()
        instruction = button.property("instruction") if button is not None else None
        if isinstance(instruction, str) and self.segment is not None and not self._busy:
            if instruction == EXPLAIN:
                self.explanationRequested.emit(instruction)
            else:
                self.instructionSubmitted.emit(instruction)


def _escape(text: str) -> str:
    return html.escape(text).replace("\n", "<br>")
