"""The transcript: one widget per turn of a MessageListModel, with its actions."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QPersistentModelIndex, Qt, Signal, Slot
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from .markdown import SafeMarkdownView
from .messages import ChatTurn, MessageListModel


class MessageView(QFrame):
    """One turn: who said it, the text, and Copy / Edit / Regenerate."""

    editClicked = Signal(int)
    regenerateClicked = Signal()

    def __init__(self, row: int, turn: ChatTurn, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.row = row
        self.turn = turn
        self.setObjectName(f"message-{turn.role}")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self._who = QLabel(self)
        self.body = SafeMarkdownView(self)
        # "Stopped": a reply cut short by the user must not pass for a finished answer
        self.stopped_label = QLabel(self)
        self.stopped_label.setObjectName("stopped-note")
        self.stopped_label.hide()
        self.copy_button = QPushButton(self)
        self.edit_button = QPushButton(self)
        self.regenerate_button = QPushButton(self)
        for button in (self.copy_button, self.edit_button, self.regenerate_button):
            button.setFlat(True)
            button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.copy_button.clicked.connect(self._on_copy_button_clicked)
        self.edit_button.clicked.connect(self._on_edit_button_clicked)
        self.regenerate_button.clicked.connect(self.regenerateClicked)
        header = QHBoxLayout()
        header.addWidget(self._who)
        header.addStretch(1)
        header.addWidget(self.copy_button)
        header.addWidget(self.edit_button)
        header.addWidget(self.regenerate_button)
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(self.body)
        layout.addWidget(self.stopped_label)
        self.edit_button.setVisible(turn.role == "user")
        self.regenerate_button.setVisible(False)
        self._retranslate()
        self.set_turn(turn)

    def set_turn(self, turn: ChatTurn) -> None:
        self.turn = turn
        if turn.role == "assistant":
            self.body.set_markdown(turn.content)
        else:
            self.body.setPlainText(turn.content)
        self.copy_button.setEnabled(not turn.streaming)
        self.stopped_label.setVisible(turn.stopped)

    def _retranslate(self) -> None:
        who = {"user": self.tr("You"), "assistant": self.tr("Assistant"),
               "system": self.tr("System")}
        self._who.setText(f"<b>{who.get(self.turn.role, self.turn.role)}</b>")
        self.copy_button.setText(self.tr("Copy"))
        self.edit_button.setText(self.tr("Edit"))
        self.regenerate_button.setText(self.tr("Regenerate"))
        self.stopped_label.setText("<i>" + self.tr("Stopped: this reply is incomplete.") + "</i>")

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    @Slot()
    def _on_copy_button_clicked(self) -> None:
        QGuiApplication.clipboard().setText(self.turn.content)

    @Slot()
    def _on_edit_button_clicked(self) -> None:
        self.editClicked.emit(self.row)


class TranscriptView(QScrollArea):
    editRequested = Signal(int)
    regenerateRequested = Signal()

    def __init__(self, model: MessageListModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._model = model
        self.views: list[MessageView] = []
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        container = QWidget(self)
        self._layout = QVBoxLayout(container)
        self._layout.addStretch(1)
        self.setWidget(container)
        self._follow = True
        self.verticalScrollBar().rangeChanged.connect(self._on_scrollbar_range_changed)
        self.verticalScrollBar().valueChanged.connect(self._on_scrollbar_value_changed)
        model.modelReset.connect(self._on_model_reset)
        model.rowsInserted.connect(self._on_model_rows_inserted)
        model.rowsRemoved.connect(self._on_model_rows_removed)
        model.dataChanged.connect(self._on_model_data_changed)
        self._on_model_reset()

    def _add(self, row: int) -> None:
        view = MessageView(row, self._model.turns[row], self.widget())
        view.editClicked.connect(self.editRequested)
        view.regenerateClicked.connect(self.regenerateRequested)
        self.views.insert(row, view)
        self._layout.insertWidget(row, view)

    def _refresh_actions(self) -> None:
        last = len(self.views) - 1
        for number, view in enumerate(self.views):
            view.row = number
            view.regenerate_button.setVisible(
                number == last and view.turn.role == "assistant" and not view.turn.streaming)

    @Slot()
    def _on_model_reset(self) -> None:
        for view in self.views:
            view.deleteLater()
        self.views.clear()
        for row in range(self._model.rowCount()):
            self._add(row)
        self._follow = True
        self._refresh_actions()

    @Slot(QModelIndex, int, int)
    def _on_model_rows_inserted(self, parent: QModelIndex, first: int, last: int) -> None:
        for row in range(first, last + 1):
            self._add(row)
        self._refresh_actions()

    @Slot(QModelIndex, int, int)
    def _on_model_rows_removed(self, parent: QModelIndex, first: int, last: int) -> None:
        for view in self.views[first:last + 1]:
            # out of the layout now: a reply inserted before the next event loop turn
            # (regenerate) must not land above a view that is only marked for deletion
            self._layout.removeWidget(view)
            view.hide()
            view.deleteLater()
        del self.views[first:last + 1]
        self._refresh_actions()

    @Slot(QModelIndex, QModelIndex, list)
    def _on_model_data_changed(self, top: QModelIndex | QPersistentModelIndex,
                               bottom: QModelIndex | QPersistentModelIndex,
                               roles: list[int]) -> None:
        turns = self._model.turns
        for row in range(top.row(), bottom.row() + 1):
            self.views[row].set_turn(turns[row])
        self._refresh_actions()

    @Slot(int, int)
    def _on_scrollbar_range_changed(self, low: int, high: int) -> None:
        if self._follow:
            self.verticalScrollBar().setValue(high)

    @Slot(int)
    def _on_scrollbar_value_changed(self, value: int) -> None:
        bar = self.verticalScrollBar()
        # Keep following a streaming reply only while the user stays at the bottom.
        self._follow = value >= bar.maximum() - 4
