"""The revision panel: one segment's conversation with the model (BayLing's
interactive translation). The user asks for a change in plain words, the revised
translation streams in, and Accept writes it back (undoable) or the talk goes on."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from .tasks import quick_actions


class RevisionPanel(QWidget):
    instructionSubmitted = Signal(str)
    acceptRequested = Signal()
    # the instruction should be applied to every translated segment of the document
    documentInstructionSubmitted = Signal(str)
    acceptAllRequested = Signal()
    rejectRequested = Signal()
    stopRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._turns: list[tuple[str, str]] = []
        self._build()
        self.set_segment(None, "", "")
        self.set_memory([])
        self.set_busy(False)

    def _build(self) -> None:
        self.title = QLabel(self)
        self.title.setObjectName("revisionTitle")
        self.source_view = QPlainTextEdit(self)
        self.source_view.setReadOnly(True)
        self.source_view.setMaximumHeight(90)
        self.thread_view = QTextBrowser(self)
        self.thread_view.setOpenLinks(False)
        self.candidate = QPlainTextEdit(self)
        self.candidate.setReadOnly(True)
        self.candidate.setMaximumHeight(110)
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
        memory = QHBoxLayout()
        memory.addWidget(self.memory_label, 1)
        memory.addWidget(self.memory_button)
        layout.addLayout(memory)
        layout.addWidget(self.thread_label)
        layout.addWidget(self.thread_view, 1)
        layout.addWidget(self.candidate_label)
        layout.addWidget(self.candidate)
        layout.addLayout(decide)
        layout.addLayout(quick)
        layout.addLayout(row)
        layout.addWidget(self.whole_document)
        self._retranslate()

    def _retranslate(self) -> None:
        self.source_label.setText(self.tr("Source"))
        self.thread_label.setText(self.tr("Revision conversation"))
        self.candidate_label.setText(self.tr("Proposed translation"))
        self.instruction.setPlaceholderText(
            self.tr("Ask for a change, e.g. “more formal” or “render 云计算 as cloud computing”"))
        self.send_button.setText(self.tr("Send"))
        self.send_button.setToolTip(self.tr("Send the instruction (Enter)"))
        self.stop_button.setText(self.tr("Stop"))
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
        self._render_thread()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    # -- state from the workspace -------------------------------------------------------

    def set_segment(self, number: int | None, source: str, target: str) -> None:
        self.segment = number
        enabled = number is not None
        self.title.setText(self.tr("Segment {0}").format(number + 1) if number is not None
                           else self.tr("Select a segment to revise it"))
        self.source_view.setPlainText(source)
        self.instruction.setEnabled(enabled)
        for button in self.quick_buttons:
            button.setEnabled(enabled)
        self.send_button.setEnabled(enabled)
        self.set_candidate("")
        self._current = target

    def set_memory(self, matches: list[tuple[float, str, str]]) -> None:
        """Fuzzy translation-memory matches for this segment: (score, source, target)."""
        if matches:
            score, _source, target = matches[0]
            self._memory_target = target
            self.memory_label.setText(self.tr("Translation memory ({0:.0f}%): {1}").format(
                score, target))
        else:
            self._memory_target = ""
            self.memory_label.clear()
        self.memory_label.setVisible(bool(matches))
        self.memory_button.setVisible(bool(matches))

    def set_thread(self, turns: list[tuple[str, str]]) -> None:
        """(instruction, reply) pairs of this segment's conversation so far."""
        self._turns = list(turns)
        self._render_thread()

    def _render_thread(self) -> None:
        parts = []
        for instruction, reply in self._turns:
            parts.append(f"<p><b>{self.tr('You')}:</b> {_escape(instruction)}</p>"
                         f"<p><b>BayLing:</b> {_escape(reply)}</p>")
        if not parts:
            parts.append(f"<p><i>{self.tr('No revisions yet.')}</i></p>")
        self.thread_view.setHtml("".join(parts))

    def set_candidate(self, text: str) -> None:
        self.candidate.setPlainText(text)
        has = bool(text.strip())
        self.accept_button.setEnabled(has and not getattr(self, "_busy", False))
        self.reject_button.setEnabled(has and not getattr(self, "_busy", False))

    def append_candidate(self, text: str) -> None:
        self.candidate.moveCursor(self.candidate.textCursor().MoveOperation.End)
        self.candidate.insertPlainText(text)

    def candidate_text(self) -> str:
        return self.candidate.toPlainText().strip()

    def set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.stop_button.setVisible(busy)
        self.send_button.setEnabled(not busy and self.segment is not None)
        has = bool(self.candidate.toPlainText().strip())
        self.accept_button.setEnabled(has and not busy)
        self.reject_button.setEnabled(has and not busy)

    # -- user actions -------------------------------------------------------------------

    def set_pending_proposals(self, count: int) -> None:
        self.accept_all_button.setVisible(count > 0)
        self.accept_all_button.setText(self.tr("Accept all proposals ({0})").format(count))

    @Slot()
    def _on_instruction_return_pressed(self) -> None:
        text = self.instruction.text().strip()
        if not text or self._busy:
            return
        if self.whole_document.isChecked():
            self.instruction.clear()
            self.documentInstructionSubmitted.emit(text)
        elif self.segment is not None:
            self.instruction.clear()
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
            self.instructionSubmitted.emit(instruction)


def _escape(text: str) -> str:
    return (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace("\n", "<br>"))

