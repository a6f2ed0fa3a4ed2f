"""The Chat workspace: conversation list on the left, transcript and input on the right."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QKeyEvent, QUndoStack
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ...config import Settings
from ...engine.backend import GenerationParams
from ...errors import BaylingError
from ...sentences import Sentence
from ...storage.chats import ChatStore
from ...storage.database import StorageError
from ..sentence_text import sentence_text
from ..worker import ChatResult, ModelClient
from .chat_list import ChatList
from .conversations import (
    ConversationFilter,
    ConversationListModel,
    DeleteConversation,
    RenameConversation,
)
from .messages import ChatTurn, MessageListModel
from .transcript import TranscriptView

TITLE_LENGTH = 40


def title_from(text: str) -> str:
    line = text.strip().splitlines()[0] if text.strip() else "Chat"
    return line if len(line) <= TITLE_LENGTH else line[:TITLE_LENGTH - 1].rstrip() + "…"


class ChatWorkspace(QWidget):
    # a reply finished; the main window shows its numbers in the status bar
    replyFinished = Signal(object)
    # True while a reply streams
    streamingChanged = Signal(bool)

    def __init__(self, client: ModelClient, settings: Settings, store: ChatStore | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.client = client
        self.settings = settings
        self.store_error: Sentence | None = None
        if store is None:
            try:
                store = ChatStore()
            except StorageError as exc:
                # a damaged or newer chat database: say so once, keep chatting unsaved
                self.store_error = exc.sentence
                store = ChatStore(Path(":memory:"))
                QTimer.singleShot(0, self._on_store_error_timer_timeout)
        self.store = store
        self.undo_stack = QUndoStack(self)
        self.conversations = ConversationListModel(self.store, self)
        self.filter = ConversationFilter(self)
        self.filter.setSourceModel(self.conversations)
        self.messages = MessageListModel(self)
        self.current_id: int | None = None
        self._job: int | None = None
        self._stream_row = -1
        self._edit_row: int | None = None
        self._build()
        self._connect()
        self._retranslate()
        if self.conversations.rowCount():
            self.open_conversation(self.conversations.id_at(0))

    # -- building -----------------------------------------------------------------------

    def _build(self) -> None:
        self.chats = ChatList(self.filter, self)
        self.transcript = TranscriptView(self.messages, self)
        self.notice_label = QLabel(self)
        self.notice_label.setWordWrap(True)
        self.notice_label.hide()
        self.edit_banner = QFrame(self)
        self.edit_label = QLabel(self.edit_banner)
        self.cancel_edit_button = QPushButton(self.edit_banner)
        banner_layout = QHBoxLayout(self.edit_banner)
        banner_layout.setContentsMargins(6, 2, 6, 2)
        banner_layout.addWidget(self.edit_label, 1)
        banner_layout.addWidget(self.cancel_edit_button)
        self.edit_banner.hide()
        self.input_edit = QPlainTextEdit(self)
        self.input_edit.setMaximumHeight(120)
        self.input_edit.installEventFilter(self)
        self.send_button = QPushButton(self)
        self.stop_button = QPushButton(self)
        self.regenerate_button = QPushButton(self)
        self.stop_button.setEnabled(False)
        actions = QHBoxLayout()
        actions.addStretch(1)
        actions.addWidget(self.regenerate_button)
        actions.addWidget(self.stop_button)
        actions.addWidget(self.send_button)
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.transcript, 1)
        right_layout.addWidget(self.notice_label)
        right_layout.addWidget(self.edit_banner)
        right_layout.addWidget(self.input_edit)
        right_layout.addLayout(actions)

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.chats)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([220, 600])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

    def _connect(self) -> None:
        self.chats.newRequested.connect(self.new_chat)
        self.chats.renameRequested.connect(self.rename_current)
        self.chats.deleteRequested.connect(self.delete_current)
        self.chats.undoRequested.connect(self.undo_stack.undo)
        self.chats.searchChanged.connect(self.apply_search)
        self.chats.chatPicked.connect(self.open_conversation)
        self.send_button.clicked.connect(self.send)
        self.stop_button.clicked.connect(self.stop)
        self.regenerate_button.clicked.connect(self.regenerate)
        self.cancel_edit_button.clicked.connect(self._on_cancel_edit_button_clicked)
        self.transcript.editRequested.connect(self.edit_message)
        self.transcript.regenerateRequested.connect(self.regenerate)
        self.client.piece.connect(self._on_client_piece)
        self.client.finished.connect(self._on_client_finished)
        self.client.failed.connect(self._on_client_failed)
        self.client.cancelled.connect(self._on_client_cancelled)

    def _retranslate(self) -> None:
        self.input_edit.setPlaceholderText(self.tr("Message the model (Ctrl+Enter to send)"))
        self.send_button.setText(self.tr("Send"))
        self.stop_button.setText(self.tr("Stop"))
        self.regenerate_button.setText(self.tr("Regenerate"))
        self.edit_label.setText(self.tr("Editing an earlier message: sending replaces it and "
                                        "every reply after it."))
        self.cancel_edit_button.setText(self.tr("Cancel"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.input_edit and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if (event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
                    and event.modifiers() & Qt.KeyboardModifier.ControlModifier):
                self.send()
                return True
        return super().eventFilter(watched, event)

    # -- state --------------------------------------------------------------------------

    @property
    def streaming(self) -> bool:
        return self._job is not None

    def _set_streaming(self, job: int | None) -> None:
        self._job = job
        busy = job is not None
        self.stop_button.setEnabled(busy)
        self.send_button.setEnabled(not busy)
        self.regenerate_button.setEnabled(not busy)
        self.streamingChanged.emit(busy)

    @Slot()
    def _on_store_error_timer_timeout(self) -> None:
        """Once the window is up: the chat database could not be opened (its sentence
        names the file and the backup); chats of this session are not saved."""
        message = sentence_text(self.store_error or "")
        self._show_notice(self.tr("Chats will not be saved: {0}").format(message))
        QMessageBox.warning(self, self.tr("Chats will not be saved"), message)

    def _show_notice(self, text: str) -> None:
        self.notice_label.setText(text)
        self.notice_label.setVisible(bool(text))

    def _params(self) -> GenerationParams:
        s = self.settings
        params = GenerationParams(temperature=s.temperature, top_p=s.top_p,
                                  max_tokens=s.max_tokens, repeat_penalty=s.repeat_penalty)
        # a waiting user goes first for a free sequence slot of a parallel engine
        return dataclasses.replace(params, interactive=True)

    # -- conversations ------------------------------------------------------------------

    def open_conversation(self, conversation_id: int | None) -> None:
        if conversation_id == self.current_id:
            return
        self._abandon_stream()
        self._cancel_edit()
        self.current_id = conversation_id
        turns: list[ChatTurn] = []
        if conversation_id is not None:
            turns = [ChatTurn(m.role, m.content, m.id,  # type: ignore[arg-type]
                              stopped=m.incomplete)
                     for m in self.store.messages(conversation_id)]
        self.messages.set_turns(turns)
        self._show_notice("")
        self._select(conversation_id)

    def _select(self, conversation_id: int | None) -> None:
        selection = self.chats.list_view.selectionModel()
        if conversation_id is None:
            selection.clearSelection()
            return
        row = self.conversations.row_of(conversation_id)
        index = self.filter.mapFromSource(self.conversations.index(row))
        if index.isValid() and self.chats.list_view.currentIndex() != index:
            self.chats.list_view.setCurrentIndex(index)

    def new_chat(self) -> None:
        """Start an empty chat; it is stored once the first message is sent."""
        self.open_conversation(None)
        self.input_edit.setFocus()

    def rename_current(self, title: str | None = None) -> None:
        if self.current_id is None:
            return
        if title is None:
            self.chats.list_view.edit(self.chats.list_view.currentIndex())
            return
        old = self.conversations.title_of(self.current_id)
        if title.strip() and title.strip() != old:
            self.undo_stack.push(RenameConversation(self.conversations, self.current_id, old,
                                                    title.strip()))

    def delete_current(self) -> None:
        if self.current_id is None:
            return
        conversation_id = self.current_id
        title = self.conversations.title_of(conversation_id)
        self.open_conversation(None)
        self.undo_stack.push(DeleteConversation(self.conversations, conversation_id, title))
        self.chats.offer_undo()

    def focus_find(self) -> None:
        self.chats.focus_search()

    def export_current(self, path: Path | None = None) -> Path | None:
        """Write the open chat as Markdown (asking where when *path* is None)."""
        if self.current_id is None:
            return None
        if path is None:
            suggested = title_from(self.conversations.title_of(self.current_id))
            name, _ = QFileDialog.getSaveFileName(
                self, self.tr("Export chat"), f"{suggested}.md",
                self.tr("Markdown (*.md);;All files (*)"))
            if not name:
                return None
            path = Path(name)
        try:
            self.store.export_markdown(self.current_id, path)
        except BaylingError as exc:
            self._show_notice(sentence_text(exc))
            return None
        return path

    # -- chatting -----------------------------------------------------------------------

    def send(self) -> None:
        text = self.input_edit.toPlainText().strip()
        if not text or self.streaming:
            return
        if self.current_id is None:
            conversation = self.conversations.create(title_from(text))
            self.current_id = conversation.id
            self._select(conversation.id)
        if self._edit_row is not None:
            self.store.truncate(self.current_id, self._edit_row)
            self.messages.truncate(self._edit_row)
            self._cancel_edit()
        stored = self.store.add_message(self.current_id, "user", text)
        self.messages.append(ChatTurn("user", text, stored.id))
        self.conversations.touch(self.current_id)
        self.input_edit.clear()
        self._ask()

    def regenerate(self) -> None:
        """Drop the last reply and ask again."""
        if self.streaming or self.current_id is None:
            return
        turns = self.messages.turns
        if turns and turns[-1].role == "assistant":
            self.store.truncate(self.current_id, len(turns) - 1)
            self.messages.truncate(len(turns) - 1)
        if self.messages.turns and self.messages.turns[-1].role == "user":
            self._ask()

    def _ask(self) -> None:
        self._show_notice("")
        history = self.messages.history()
        self._stream_row = self.messages.append(ChatTurn("assistant", "", streaming=True))
        self._set_streaming(self.client.submit_chat(history, self._params()))

    def _abandon_stream(self) -> None:
        """Leaving a chat mid-reply: keep what streamed so far, ignore the rest."""
        if self._job is None:
            return
        self.client.cancel(self._job)
        row = self._stream_row
        self._finish(self.messages.turns[row].content if row >= 0 else "", stopped=True)

    def stop(self) -> None:
        if self._job is not None:
            self.client.cancel(self._job)

    def edit_message(self, row: int) -> None:
        turns = self.messages.turns
        if self.streaming or not 0 <= row < len(turns) or turns[row].role != "user":
            return
        self._edit_row = row
        self.input_edit.setPlainText(turns[row].content)
        self.edit_banner.show()
        self.input_edit.setFocus()

    def _cancel_edit(self) -> None:
        self._edit_row = None
        self.edit_banner.hide()

    def _finish(self, text: str, stopped: bool = False) -> None:
        """Keep the reply (stored), or drop an empty one; a *stopped* one is marked so."""
        row, conversation_id = self._stream_row, self.current_id
        self._stream_row = -1
        self._set_streaming(None)
        if row < 0 or conversation_id is None:
            return
        if text.strip():
            stored = self.store.add_message(conversation_id, "assistant", text,
                                            incomplete=stopped)
            self.messages.update(row, content=text, message_id=stored.id, streaming=False,
                                 stopped=stopped)
            self.conversations.touch(conversation_id)
        else:
            self.messages.truncate(row)

    @Slot(int, str)
    def _on_client_piece(self, job_id: int, text: str) -> None:
        if job_id == self._job and self._stream_row >= 0:
            self.messages.append_text(self._stream_row, text)

    @Slot(int, object)
    def _on_client_finished(self, job_id: int, result: object) -> None:
        if job_id != self._job or not isinstance(result, ChatResult):
            return
        self._finish(result.text)
        if result.notices:
            self._show_notice(" ".join(sentence_text(n) for n in result.notices))
        elif result.stop_reason == "length":
            self._show_notice(self.tr("The reply reached the maximum length set in Settings."))
        self.replyFinished.emit(result)

    @Slot(int, str)
    def _on_client_failed(self, job_id: int, message: str) -> None:
        if job_id != self._job:
            return
        self._finish("")
        self._show_notice(message)

    @Slot(int)
    def _on_client_cancelled(self, job_id: int) -> None:
        if job_id != self._job:
            return
        row = self._stream_row
        partial = self.messages.turns[row].content if row >= 0 else ""
        self._finish(partial, stopped=True)

    # -- widget signals -----------------------------------------------------------------

    @Slot()
    def _on_cancel_edit_button_clicked(self) -> None:
        self._cancel_edit()
        self.input_edit.clear()

    def apply_search(self, text: str) -> None:
        text = text.strip()
        self.filter.set_allowed(set(self.store.search(text)) if text else None)

    def shutdown(self) -> None:
        self._abandon_stream()
        self.store.close()
