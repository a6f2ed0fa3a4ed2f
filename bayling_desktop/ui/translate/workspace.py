"""The Translate workspace: open documents, translate them with the source and the
translation side by side, edit and approve segments, revise any segment by
conversation, export.

This module composes the widgets and owns the documents on screen; runs of the
translation pipeline live in ``runs.py``, revision conversations in ``revising.py``.
All model work goes through the shared ModelClient (one worker thread owns the model).
"""

from __future__ import annotations

import weakref
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QAction, QKeySequence, QUndoGroup, QUndoStack
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
from ...flags import Flag
from ...languages import Language
from ...sentences import Sentence
from ...storage.database import StorageError
from ...storage.projects import ProjectStore
from ...translation.glossary import Glossary
from ...translation.memory import open_store
from ..sentence_text import sentence_text
from ..worker import ModelClient
from . import navigation, tools
from .closing import close_document
from .concordance import ConcordanceDialog
from .context_menu import SegmentActions
from .controller import (
    OpenDocument,
)
from .editing import Editing
from .editor import SegmentDelegate, segment_table
from .find import FindController, SegmentFilter
from .glossaries_dialog import GlossariesDialog, open_glossaries
from .opening import DocumentOpener
from .replace import ReplaceDialog, open_replace
from .revising import RevisionController
from .revision import RevisionPanel
from .runs import RunController
from .segments import SegmentTableModel
from .tm_column import MatchScanner
from .toolbar import TranslateToolbar

# rows whose height is recomputed per timer tick after a document loads (~1 ms each)
_RESIZE_CHUNK = 10


class TranslateWorkspace(QWidget):
    pathsOpened = Signal(list)
    # tokens per second of the run (all sequences together), for the status bar
    speedChanged = Signal(float)
    # aggregate tokens per second and how many sequences run at once, for the status bar
    throughputChanged = Signal(float, int)
    # True while a batch or a revision runs
    busyChanged = Signal(bool)
    # the undo stack on screen changed (another document): for the Edit menu
    undoStackChanged = Signal(object)

    def __init__(self, client: ModelClient, parent: QWidget | None = None,
                 settings: Settings | None = None) -> None:
        super().__init__(parent)
        self.client = client
        self.settings = settings or Settings()
        self.store: ProjectStore | None = None
        store_error: Sentence | None = None
        try:
            self.store = open_store()
        except StorageError as exc:  # work is still possible, only not saved: say so
            store_error = exc.sentence
        self.undo_group = QUndoGroup(self)
        self._empty_stack = QUndoStack(self)
        self.undo_group.addStack(self._empty_stack)
        self.undo_group.setActiveStack(self._empty_stack)
        self.model = SegmentTableModel(self)
        self.filter = SegmentFilter(self)
        self.filter.setSourceModel(self.model)
        self.docs: dict[Path, OpenDocument] = {}
        self.current: OpenDocument | None = None
        self.opened: list[Path] = []
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
        self.opener = DocumentOpener(self)
        self.finder = FindController(self)
        self.editing = Editing(self)
        self.runs = RunController(self)
        self.revising = RevisionController(self)
        self.segment_actions = SegmentActions(self)
        self.matches = MatchScanner(self)
        self._connect()
        self.update_actions()
        self.store_error = store_error
        if store_error:
            self.show_message(self.tr("Translations will not be saved: {0}").format(
                sentence_text(store_error)), error=True)
            QTimer.singleShot(0, self._on_store_error_timer_timeout)

    @Slot()
    def _on_store_error_timer_timeout(self) -> None:
        """Once the window is up: the projects database could not be opened (its sentence
        names the file and the backup); documents open, but no work is saved."""
        QMessageBox.warning(self, self.tr("Translations will not be saved"),
                            sentence_text(self.store_error or ""))

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
        self.delegate.terms_for = weakref.WeakMethod(self._highlight_terms)
        self.table = segment_table(self, self.filter, self.delegate)
        self._fit_number_column(0)
        self.revision = RevisionPanel(self)
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
        bar = self.bar
        bar.translate_all_button.clicked.connect(self.translate_all)
        bar.translate_selected_button.clicked.connect(self.translate_selected)
        bar.pause_button.toggled.connect(self.runs.set_paused)
        bar.stop_button.clicked.connect(self.stop)
        bar.export_button.clicked.connect(self.export)
        bar.glossary_button.clicked.connect(self.open_glossary_editor)
        bar.undo_button.clicked.connect(self.undo_group.undo)
        bar.redo_button.clicked.connect(self.undo_group.redo)
        bar.approve_button.clicked.connect(self.approve_selected)
        bar.next_untranslated_button.clicked.connect(self.next_untranslated)
        bar.next_flagged_button.clicked.connect(self.next_flagged)
        bar.concordance_button.clicked.connect(self.open_concordance)
        self.undo_group.canUndoChanged.connect(bar.undo_button.setEnabled)
        self.undo_group.canRedoChanged.connect(bar.redo_button.setEnabled)
        self.model.dataChanged.connect(self._counts_timer.start)
        self.table.selectionModel().currentRowChanged.connect(self._on_table_current_changed)
        self.table.selectionModel().selectionChanged.connect(self._counts_timer.start)

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

    # -- opening and languages (opening.py) ---------------------------------------------

    def open_paths(self, paths: list[Path]) -> None:
        """Files or folders the user chose, dropped, or gave on the command line."""
        self.opener.open_paths(paths)

    def open_dialog(self) -> None:
        self.opener.open_dialog()

    def target_language(self) -> Language:
        return self.opener.target_language()

    def source_language(self) -> Language | None:
        return self.opener.source_language()

    def language_pair_problem(self) -> str:
        return self.opener.pair_problem()

    def desk(self) -> list[dict[str, Any]]:
        """The open documents, their pairs and selected segments, for the next start."""
        return self.opener.desk()

    def restore_desk(self, entries: list[dict[str, Any]]) -> None:
        """Reopen what :meth:`desk` saved (the documents open when the app was closed)."""
        self.opener.restore_desk(entries)

    def show_document(self, doc: OpenDocument) -> None:
        if self.runs.running and doc is not self.current:
            self.stop()
        self.delegate.commit_open_editors()  # into the document it was typed in
        self.current = doc
        self.undo_group.setActiveStack(doc.undo)
        self.undoStackChanged.emit(doc.undo)
        self.model.set_rows(doc.rows)
        self._fit_number_column(len(doc.rows))
        self.revising.clear()
        self.bar.detected_code = doc.detected or ""  # the toolbar names it in the UI language
        self.bar.detected_name = ""
        self.bar.glossary_size = len(doc.glossary)
        self.bar.kept_count = len(existing_translations(doc.document, doc.project.target_lang)
                                  ) if doc.project is not None else 0
        self.bar.retranslate_check.setChecked(False)
        self.bar.retranslate_check.setVisible(self.bar.kept_count > 0)
        self.bar.retranslate()
        self._resize_from = 0
        self._resize_timer.start()
        self.matches.scan(doc)  # the TM column fills in as the window stays usable
        self.update_progress()
        self.update_counts()
        self.update_actions()
        if doc.selected is not None and 0 <= doc.selected < len(doc.rows):
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

    # -- translating (the pipeline runs in runs.py) ---------------------------------------

    def translate_all(self) -> None:
        self.runs.start(None)

    def translate_selected(self) -> None:
        self.runs.start(self.selected_segments())

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
        self.runs.stop()
        self.revising.stop()

    def shutdown(self) -> None:
        """The window closes: stop work and let go of the projects (their locks)."""
        self.delegate.commit_open_editors()
        self.stop()
        if self.store is not None:
            self.store.close()
            self.store = None

    def confirm_close(self) -> bool:
        """Asked before the window closes: a running translation is stopped only if the
        user agrees (finished segments are saved already). True: go ahead and close."""
        if not self.runs.running:
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
        return self.undo_group.activeStack() or self._empty_stack

    def flags_for(self, doc: OpenDocument, segment: int, text: str) -> list[Flag]:
        return self.editing.flags_for(doc, segment, text)

    def apply_target(self, doc: OpenDocument, segment: int, text: str, status: str,
                     author: str = "user", save: bool = True) -> None:
        self.editing.apply_target(doc, segment, text, status, author, save)

    def approve(self, segments: list[int]) -> int:
        """Approve translated segments: a person vouches for them, so they go to memory."""
        return self.editing.approve(segments)

    def approve_selected(self) -> None:
        self.editing.approve(self.selected_segments())

    def confirm_current(self) -> None:
        self.editing.confirm_current()

    def next_untranslated(self) -> bool:
        return navigation.go_next(self, lambda row: not row.done)

    def next_flagged(self) -> bool:
        return navigation.go_next(self, lambda row: row.flagged)

    # -- glossary, concordance, export (tools.py) -----------------------------------------

    def _highlight_terms(self, source: str) -> list[str]:
        doc = self.current
        return [t.source for t in doc.glossary.matches(source)] if doc is not None else []

    def set_glossary(self, glossary: Glossary) -> None:
        tools.set_glossary(self, glossary)

    def load_glossary(self, path: Path) -> None:
        tools.load_glossary_file(self, path)

    def open_glossary_editor(self) -> None:
        tools.open_glossary_editor(self)

    def open_concordance(self) -> None:
        tools.open_concordance(self)

    def export(self) -> None:
        tools.export(self)

    def open_replace(self) -> ReplaceDialog | None:
        """Edit ▸ Replace in translations (Ctrl+H), with a preview; one undo step."""
        return open_replace(self)

    def open_glossaries(self) -> GlossariesDialog:
        """Edit ▸ Glossaries (Ctrl+Shift+G): client glossaries, attached to this document."""
        return open_glossaries(self)

    def close_document(self) -> bool:
        """File ▸ Close document (Ctrl+W)."""
        return close_document(self)

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
            self.revising.show_segment(segment)

    def show_message(self, text: str, error: bool = False) -> None:
        """Lines under the table, already in the UI language (see ``sentence_text``)."""
        self.message_label.setText(text)
        self.message_label.setStyleSheet("color: #c0392b;" if error else "")

    def update_progress(self) -> None:
        if self.runs.running:
            return  # the run shows its own progress (finished units of the run)
        done, total = self.model.counts()
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        self.progress.setFormat(self.tr("{0} / {1} segments").format(done, total))

    def update_counts(self) -> None:
        self.bar.counts_label.setText(navigation.counts_text(self))

    def update_actions(self) -> None:
        bar = self.bar
        has_doc = self.current is not None
        batch = self.runs.running
        revising = self.revising.running
        bar.translate_all_button.setEnabled(has_doc and not batch and not revising)
        bar.translate_selected_button.setEnabled(has_doc and not batch and not revising)
        bar.pause_button.setEnabled(batch)
        bar.stop_button.setEnabled(batch or revising)
        bar.export_button.setEnabled(has_doc and not batch)
        for button in (bar.approve_button, bar.next_untranslated_button,
                       bar.next_flagged_button, bar.glossary_button):
            button.setEnabled(has_doc)
        bar.undo_button.setEnabled(self.undo_group.canUndo())
        bar.redo_button.setEnabled(self.undo_group.canRedo())
        self.segment_actions.update_enabled()
        self.busyChanged.emit(batch or revising)
