"""The Chat tab's left pane: the chats, searched as the user types, with New, Rename and
Delete, and the "Chat deleted · Undo" bar.

It owns only widgets and their timing (the search waits for a pause in typing; the undo
bar goes away after a while); what a click means — open, rename, delete a chat — is the
workspace's, told through signals.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QItemSelection, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from .conversations import ConversationFilter, ConversationListModel, ElidingDelegate

#: how long the "Chat deleted · Undo" bar stays
UNDO_BAR_MS = 8000
#: the search runs once typing pauses this long
SEARCH_DELAY_MS = 200


class ChatList(QWidget):
    #: a chat was picked in the list (its id)
    chatPicked = Signal(int)
    newRequested = Signal()
    renameRequested = Signal()
    deleteRequested = Signal()
    undoRequested = Signal()
    #: the search text after a pause in typing
    searchChanged = Signal(str)

    def __init__(self, filter_model: ConversationFilter, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.search_edit = QLineEdit(self)
        self.search_edit.setClearButtonEnabled(True)
        self.list_view = QListView(self)
        self.list_view.setModel(filter_model)
        self.list_view.setEditTriggers(QAbstractItemView.EditTrigger.EditKeyPressed
                                       | QAbstractItemView.EditTrigger.DoubleClicked)
        self.list_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list_view.setItemDelegate(ElidingDelegate(self.list_view))
        self.list_view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list_view.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.new_button = QPushButton(self)
        self.rename_button = QPushButton(self)
        self.delete_button = QPushButton(self)
        self.undo_bar = QFrame(self)
        self.undo_bar.setFrameShape(QFrame.Shape.StyledPanel)
        self.undo_label = QLabel(self.undo_bar)
        self.undo_button = QPushButton(self.undo_bar)
        bar_layout = QHBoxLayout(self.undo_bar)
        bar_layout.setContentsMargins(6, 2, 6, 2)
        bar_layout.addWidget(self.undo_label, 1)
        bar_layout.addWidget(self.undo_button)
        self.undo_bar.hide()
        self._undo_timer = QTimer(self)
        self._undo_timer.setSingleShot(True)
        self._undo_timer.setInterval(UNDO_BAR_MS)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)

        buttons = QHBoxLayout()
        for button in (self.new_button, self.rename_button, self.delete_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search_edit)
        layout.addWidget(self.list_view, 1)
        layout.addWidget(self.undo_bar)
        layout.addLayout(buttons)

        self.new_button.clicked.connect(self.newRequested)
        self.rename_button.clicked.connect(self.renameRequested)
        self.delete_button.clicked.connect(self.deleteRequested)
        self.undo_button.clicked.connect(self._on_undo_button_clicked)
        self._undo_timer.timeout.connect(self.undo_bar.hide)
        self.search_edit.textChanged.connect(self._search_timer.start)
        self._search_timer.timeout.connect(self._on_search_timer_timeout)
        self.list_view.selectionModel().selectionChanged.connect(
            self._on_list_selection_changed)
        self._retranslate()

    def _retranslate(self) -> None:
        self.search_edit.setPlaceholderText(self.tr("Search all chats"))
        self.new_button.setText(self.tr("New chat"))
        self.rename_button.setText(self.tr("Rename"))
        self.delete_button.setText(self.tr("Delete"))
        self.undo_button.setText(self.tr("Undo"))
        self.undo_label.setText(self.tr("Chat deleted."))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def offer_undo(self) -> None:
        """Show the undo bar for a while (a chat was just deleted)."""
        self.undo_bar.show()
        self._undo_timer.start()

    def focus_search(self) -> None:
        self.search_edit.setFocus()
        self.search_edit.selectAll()

    @Slot()
    def _on_undo_button_clicked(self) -> None:
        self.undo_bar.hide()
        self.undoRequested.emit()

    @Slot()
    def _on_search_timer_timeout(self) -> None:
        self.searchChanged.emit(self.search_edit.text())

    @Slot(QItemSelection, QItemSelection)
    def _on_list_selection_changed(self, selected: QItemSelection,
                                   deselected: QItemSelection) -> None:
        indexes = selected.indexes()
        if indexes:
            self.chatPicked.emit(indexes[0].data(ConversationListModel.IdRole))
