"""The Translate workspace, the view: open documents, translate them with the source and
the translation side by side, edit and approve segments, revise any segment by
conversation, export.

This module composes the widgets (toolbar, segment table, revision panel, message line)
and shows what its controller (``workspace_controller.py``: the open documents, runs,
revision, edits) says through its signals. The view's own parts are the find box
(``segment_filter.py``), the segment actions (``segment_actions.py``) and the document and language
pickers (``pickers.py``), glossary and export actions (``glossary_actions.py``,
``export_actions.py``) and review files (``review_files.py``).
"""

from __future__ import annotations

import weakref
from pathlib import Path

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, Qt, QTimer, Slot
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QMessageBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ...config import Settings
from ...documents import existing_translations
from ...languages import Language
from ...storage.projects import ProjectStore
from ..sentence_text import sentence_text
from ..worker import ModelClient
from . import navigation
from .concordance import ConcordanceDialog
from .export_actions import ExportActions
from .find_box import FindController
from .glossary_actions import GlossaryActions
from .open_document import OpenDocument
from .pdf_password import PasswordPrompt
from .pickers import Pickers
from .review_files import ReviewFiles
from .revision_panel import RevisionPanel
from .segment_actions import SegmentActions
from .segment_editor import SegmentDelegate, segment_table
from .segment_filter import SegmentFilter
from .segment_model import SegmentTableModel
from .toolbar import TranslateToolbar
from .workspace_controller import WorkspaceController

# rows whose height is recomputed per timer tick after a document loads (~1 ms each)
_RESIZE_CHUNK = 10


class TranslateWorkspace(QWidget):
    """The view: widgets only. What it shows comes from :attr:`controller`'s signals;
    what the user does goes to the controller's parts."""

    def __init__(self, client: ModelClient, parent: QWidget | None = None,
                 settings: Settings | None = None) -> None:
        super().__init__(parent)
        self.revision = RevisionPanel(self)
        self.controller = WorkspaceController(client, settings or Settings(), self.revision,
                                              self)
        self.filter = SegmentFilter(self)
        self.filter.setSourceModel(self.controller.model)
        self._resize_from = 0
        self._resize_timer = QTimer(self)
        self._resize_timer.setInterval(0)
        self._resize_timer.timeout.connect(self._on_resize_timer_timeout)
        self._counts_timer = QTimer(self)
        self._counts_timer.setSingleShot(True)
        self._counts_timer.setInterval(150)
        self._counts_timer.timeout.connect(self.update_counts)
        self.concordance: ConcordanceDialog | None = None
        self._build()
        self.pickers = Pickers(self)
        self.password_prompt = PasswordPrompt(self)  # an encrypted PDF opened
        self.finder = FindController(self)
        self.segment_actions = SegmentActions(self)
        self.glossary_actions = GlossaryActions(self)
        self.export_actions = ExportActions(self)
        self.review_files = ReviewFiles(self)
        self._connect()
        self.update_actions()
        if self.controller.store_error:
            self.show_message(self.tr("Translations will not be saved: {0}").format(
                sentence_text(self.controller.store_error)), error=True)
            QTimer.singleShot(0, self._on_store_error_timer_timeout)

    # -- what the controller holds, by the names the window and the tests use ------------

    @property
    def settings(self) -> Settings:
        return self.controller.settings

    @settings.setter
    def settings(self, settings: Settings) -> None:
        """New preferences (the Settings dialog): the next documents open with them."""
        self.controller.settings = settings

    @property
    def model(self) -> SegmentTableModel:
        return self.controller.model

    @property
    def store(self) -> ProjectStore | None:
        return self.controller.store

    @property
    def current(self) -> OpenDocument | None:
        return self.controller.current

    @Slot()
    def _on_store_error_timer_timeout(self) -> None:
        """Once the window is up: the projects database could not be opened (its sentence
        names the file and the backup); documents open, but no work is saved."""
        QMessageBox.warning(self, self.tr("Translations will not be saved"),
                            sentence_text(self.controller.store_error or ""))

    # -- building -----------------------------------------------------------------------

    def _build(self) -> None:
        self.bar = TranslateToolbar(self)
        bar = self.bar
        bar.select_language(bar.source_combo, self.settings.source_language)
        bar.select_language(bar.target_combo, self.settings.target_language)
        # short names the tests and the main window use
        self.progress, self.eta_label = bar.progress, bar.eta_label
        self.find_edit, self.glossary_button = bar.find_edit, bar.glossary_button
        self.translate_all_button = bar.translate_all_button
        self.message_label = QLabel(self)
        self.message_label.setWordWrap(True)
        self.no_matches = QLabel(self)
        self.no_matches.hide()
        self.delegate = SegmentDelegate(self)
        self.delegate.terms_for = weakref.WeakMethod(self.controller.terms_in)
        self.table = segment_table(self, self.filter, self.delegate)
        self._fit_number_column(0)
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.no_matches)
        left_layout.addWidget(self.table, 1)
        left_layout.addWidget(self.message_label)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(left)
        splitter.addWidget(self.revision)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(bar)
        layout.addWidget(splitter, 1)
        self.setAcceptDrops(False)  # the main window takes drops and calls open_paths
        self.shortcuts: dict[str, QAction] = {}
        for name, keys, slot in (("next_untranslated", "Ctrl+U", self.next_untranslated),
                                 ("next_flagged", "F8", self.next_flagged),
                                 ("concordance", "Ctrl+K", self.open_concordance)):
            action = QAction(self)
            action.setShortcut(QKeySequence(keys))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(slot)
            self.addAction(action)
            self.shortcuts[name] = action

    def _connect(self) -> None:
        bar, ctl = self.bar, self.controller
        bar.translate_all_button.clicked.connect(self.translate_all)
        bar.translate_selected_button.clicked.connect(self.translate_selected)
        bar.pause_button.toggled.connect(ctl.runs.set_paused)
        bar.stop_button.clicked.connect(self.stop)
        bar.export_button.clicked.connect(self.export)
        bar.glossary_button.clicked.connect(self.glossary_actions.open_glossary_editor)
        bar.undo_button.clicked.connect(ctl.undo_group.undo)
        bar.redo_button.clicked.connect(ctl.undo_group.redo)
        bar.approve_button.clicked.connect(self.approve_selected)
        bar.next_untranslated_button.clicked.connect(self.next_untranslated)
        bar.next_flagged_button.clicked.connect(self.next_flagged)
        bar.concordance_button.clicked.connect(self.open_concordance)
        ctl.undo_group.canUndoChanged.connect(bar.undo_button.setEnabled)
        ctl.undo_group.canRedoChanged.connect(bar.redo_button.setEnabled)
        ctl.model.dataChanged.connect(self._counts_timer.start)
        self.delegate.confirmed.connect(self._on_delegate_confirmed)
        self.table.selectionModel().currentRowChanged.connect(self._on_table_current_changed)
        self.table.selectionModel().selectionChanged.connect(self._counts_timer.start)
        ctl.message.connect(self.show_message)
        ctl.progressShown.connect(self.bar.show_progress)
        ctl.etaShown.connect(self.eta_label.setText)
        ctl.pausedChanged.connect(self.bar.show_paused)
        ctl.documentShown.connect(self._on_controller_document_shown)
        ctl.rowSettled.connect(self._on_controller_row_settled)
        ctl.scrollRequested.connect(self.scroll_to)
        ctl.glossaryChanged.connect(self._on_controller_glossary_changed)
        ctl.countsChanged.connect(self._on_controller_counts_changed)
        ctl.stateChanged.connect(self.update_actions)
        ctl.commitEdits.connect(self.delegate.commit_open_editors)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.update_progress()
            self.update_counts()
            # a message said in the old language would stay behind: let it go
            self.message_label.clear()
        super().changeEvent(event)

    def _fit_number_column(self, count: int) -> None:
        """The # column fits the largest segment number (six digits for 100,000 rows)."""
        width = self.table.fontMetrics().horizontalAdvance("0" * max(len(str(count)), 3)) + 14
        self.table.horizontalHeader().resizeSection(SegmentTableModel.NUMBER, width)

    # -- opening and languages (the controller's opener; the pickers in pickers.py) -----

    def open_paths(self, paths: list[Path]) -> None:
        """Files or folders the user chose, dropped, or gave on the command line."""
        self.controller.opener.open_paths(paths)

    def open_dialog(self) -> None:
        self.pickers.open_dialog()

    def target_language(self) -> Language:
        return self.controller.target_language()

    def source_language(self) -> Language | None:
        return self.controller.source_language()

    @Slot(object)
    def _on_controller_document_shown(self, doc: OpenDocument | None) -> None:
        self.pickers.show_document(doc)
        self._fit_number_column(len(doc.rows) if doc is not None else 0)
        self.bar.show_document(
            doc.detected or "" if doc is not None else "",
            len(doc.glossary) if doc is not None else 0,
            len(existing_translations(doc.document, doc.project.target_lang))
            if doc is not None and doc.project is not None else 0)
        self.refit_rows()
        self.update_progress()
        self.update_counts()
        if doc is not None and doc.selected is not None and 0 <= doc.selected < len(doc.rows):
            self.select_segment(doc.selected)  # where the user was in this document

    @Slot()
    def _on_resize_timer_timeout(self) -> None:
        """Grow row heights to fit wrapped text a chunk at a time: no long freeze."""
        end = min(self._resize_from + _RESIZE_CHUNK, self.filter.rowCount())
        for row in range(self._resize_from, end):
            self.table.resizeRowToContents(row)
        self._resize_from = end
        if end >= self.filter.rowCount():
            self._resize_timer.stop()

    # -- translating (the controller's runs) ----------------------------------------------

    def translate_all(self) -> None:
        if self.controller.runs.start(None, redo_existing=self.bar.retranslate_check
                                      .isChecked()):
            self.bar.retranslate_check.setChecked(False)

    def translate_selected(self) -> None:
        self.controller.runs.start(self.selected_segments())

    def selected_segments(self) -> list[int]:
        return sorted({self.filter.mapToSource(i).row()
                       for i in self.table.selectionModel().selectedRows()})

    def send(self) -> None:
        """Ctrl+Enter: send the revision box, confirm the segment in the table, else
        translate the selection. Typed text is never dropped."""
        if self.revision.instruction.hasFocus() and self.revision.instruction.text().strip():
            self.revision._on_instruction_return_pressed()
        elif self.table.hasFocus() or (self.focusWidget() is not None
                                       and self.table.isAncestorOf(self.focusWidget())):
            self.confirm_current()
        else:
            self.translate_selected()

    def stop(self) -> None:
        """Esc: stop the run and any revision; finished segments stay."""
        self.controller.stop()

    def shutdown(self) -> None:
        """The window closes: stop work and let go of the projects (their locks)."""
        self.controller.shutdown()

    def confirm_close(self) -> bool:
        """Asked before the window closes: a running translation is stopped only if the
        user agrees (finished segments are saved already). True: go ahead and close."""
        if not self.controller.runs.running:
            return True
        answer = QMessageBox.question(
            self, self.tr("Stop the translation?"),
            self.tr("A translation is running. Stop it and quit? Finished segments are "
                    "saved; the rest are translated next time."))
        if answer != QMessageBox.StandardButton.Yes:
            return False
        self.stop()
        return True

    # -- editing, approving, undo -----------------------------------------------------------

    def undo_stack(self) -> QUndoStack:
        """The undo stack of the document on screen (Edit ▸ Undo drives this one)."""
        return self.controller.undo_stack()




    def approve_selected(self) -> None:
        self.controller.editing.approve(self.selected_segments())

    def confirm_current(self) -> None:
        index = self.table.currentIndex()
        if index.isValid():
            self._on_delegate_confirmed(self.filter.mapToSource(index).row())

    @Slot(int)
    def _on_delegate_confirmed(self, segment: int) -> None:
        """Ctrl+Enter in the editor: the typed text is already saved; approve, go on."""
        self.controller.editing.approve([segment])
        navigation.go_next(self, lambda row: not row.done or row.status == "draft",
                           start=segment, edit=True)

    def next_untranslated(self) -> bool:
        return navigation.go_next(self, lambda row: not row.done)

    def next_flagged(self) -> bool:
        return navigation.go_next(self, lambda row: row.flagged)

    @Slot(int)
    def _on_controller_row_settled(self, segment: int) -> None:
        self.table.resizeRowToContents(self.proxy_row(segment))

    # -- glossary, concordance, export (glossary_actions.py, export_actions.py) ----------

    def open_concordance(self) -> ConcordanceDialog:
        """Ctrl+K: the memory search window."""
        return self.glossary_actions.open_concordance()

    def export(self) -> None:
        self.export_actions.export()

    @Slot()
    def _on_controller_glossary_changed(self) -> None:
        doc = self.controller.current
        self.bar.glossary_size = len(doc.glossary) if doc is not None else 0
        self.bar.retranslate()
        self.table.viewport().update()
        self.refit_rows()  # highlighted terms are laid out anew: tall rows must not clip

    # -- find, selection, messages -------------------------------------------------------

    def focus_find(self) -> None:
        self.find_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.find_edit.selectAll()

    def refit_rows(self) -> None:
        """Row heights are measured again, a chunk per tick (after a filter change)."""
        self._resize_from = 0
        self._resize_timer.start()

    def proxy_row(self, segment: int) -> int:
        return self.filter.mapFromSource(self.model.index(segment, 0)).row()

    @Slot(int)
    def scroll_to(self, segment: int) -> None:
        index = self.filter.mapFromSource(self.model.index(segment, 0))
        if index.isValid():
            self.table.scrollTo(index, QAbstractItemView.ScrollHint.EnsureVisible)

    def select_segment(self, segment: int) -> None:
        index = self.filter.mapFromSource(self.model.index(segment, SegmentTableModel.TARGET))
        self.table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows)

    @Slot(QModelIndex, QModelIndex)
    def _on_table_current_changed(self, current: QModelIndex, previous: QModelIndex) -> None:
        if current.isValid():
            segment = self.filter.mapToSource(current).row()
            if self.current is not None:
                self.current.selected = segment
            self.controller.revising.show_segment(segment)

    @Slot(str, bool)
    def show_message(self, text: str, error: bool = False) -> None:
        """Lines under the table, already in the UI language (see ``sentence_text``)."""
        self.message_label.setText(text)
        self.message_label.setStyleSheet("color: #c0392b;" if error else "")

    @Slot()
    def _on_controller_counts_changed(self) -> None:
        self.update_progress()
        self.update_counts()

    def update_progress(self) -> None:
        if self.controller.runs.running:
            return  # the run shows its own progress (finished units of the run)
        done, total = self.model.counts()
        self.bar.show_progress(done, total, self.tr("{0} / {1} segments").format(done, total))

    def update_counts(self) -> None:
        self.bar.counts_label.setText(navigation.counts_text(self))

    @Slot()
    def update_actions(self) -> None:
        ctl = self.controller
        self.bar.enable(self.current is not None, ctl.runs.running, ctl.revising.running)
        self.bar.undo_button.setEnabled(ctl.undo_group.canUndo())
        self.bar.redo_button.setEnabled(ctl.undo_group.canRedo())
        self.segment_actions.update_enabled()
