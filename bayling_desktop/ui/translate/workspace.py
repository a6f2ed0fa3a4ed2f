"""The Translate workspace: open documents, translate them with the source and the
translation side by side, edit and approve segments, revise any segment by
conversation, export.

This module composes the widgets and owns the documents on screen; runs of the
translation pipeline live in ``runs.py``, revision conversations in ``revising.py``.
All model work goes through the shared ModelClient (one worker thread owns the model).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QAction, QKeySequence, QUndoGroup, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHeaderView,
    QLabel,
    QMessageBox,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ... import documents
from ...config import Settings
from ...errors import BaylingError
from ...languages import Language, resolve
from ...storage.database import StorageError
from ...storage.projects import ProjectStore
from ...translation.glossary import Glossary, load_glossary
from ...translation.langdetect import detect_language
from ...translation.qa import check_segment
from ..worker import ModelClient
from . import navigation
from .concordance import ConcordanceDialog
from .controller import (
    LanguagePairError,
    Loader,
    OpenDocument,
    SetTarget,
    check_pair,
    project_name,
    remembered_pair,
    rows_of,
)
from .editor import SegmentDelegate
from .find import DEBOUNCE_MS, SegmentFilter
from .glossary_editor import GlossaryEditor
from .revising import RevisionController
from .revision import RevisionPanel
from .runs import RunController
from .segments import SegmentTableModel
from .toolbar import TranslateToolbar

# rows whose height is recomputed per timer tick after a large document loads
_RESIZE_CHUNK = 60


class TranslateWorkspace(QWidget):
    pathsOpened = Signal(list)
    # tokens per second of the run (all sequences together), for the status bar
    speedChanged = Signal(float)
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
        store_error = ""
        try:
            self.store = ProjectStore()
        except StorageError as exc:  # work is still possible, only not saved: say so
            store_error = str(exc)
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
        self._loader = Loader(self)
        self._loader.loaded.connect(self._on_loader_loaded)
        self._loader.failed.connect(self._on_loader_failed)
        self._resize_timer = QTimer(self)
        self._resize_timer.setInterval(0)
        self._resize_timer.timeout.connect(self._on_resize_timer_timeout)
        self._find_timer = QTimer(self)
        self._find_timer.setSingleShot(True)
        self._find_timer.setInterval(DEBOUNCE_MS)
        self._find_timer.timeout.connect(self._on_find_timer_timeout)
        self._counts_timer = QTimer(self)
        self._counts_timer.setSingleShot(True)
        self._counts_timer.setInterval(150)
        self._counts_timer.timeout.connect(self.update_counts)
        self.concordance: ConcordanceDialog | None = None
        self._build()
        self.runs = RunController(self)
        self.revising = RevisionController(self)
        self._connect()
        self.update_actions()
        if store_error:
            self.show_message(self.tr("Translations will not be saved: {0}").format(
                store_error), error=True)

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
        self.table = QTableView(self)
        self.table.setModel(self.filter)
        self.delegate = SegmentDelegate(self)
        self.delegate.terms_for = self._highlight_terms
        self.table.setItemDelegate(self.delegate)
        self.table.setWordWrap(True)
        self.table.setAlternatingRowColors(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                   | QAbstractItemView.EditTrigger.EditKeyPressed
                                   | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        # Fixed widths for the narrow columns: ResizeToContents would measure every row on
        # each streamed update, which stalls the GUI on a long document.
        header.setSectionResizeMode(SegmentTableModel.NUMBER, QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(SegmentTableModel.SOURCE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(SegmentTableModel.TARGET, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(SegmentTableModel.STATUS, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(SegmentTableModel.STATUS,
                             self.table.fontMetrics().horizontalAdvance("00:00:00,000 ⚠") + 16)
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
        bar.open_button.clicked.connect(self.open_dialog)
        bar.document_combo.currentIndexChanged.connect(self._on_document_combo_changed)
        bar.swap_button.clicked.connect(self._on_swap_button_clicked)
        bar.source_combo.currentIndexChanged.connect(self._on_source_combo_changed)
        bar.target_combo.currentIndexChanged.connect(self._on_target_combo_changed)
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
        bar.filter_combo.currentIndexChanged.connect(self._on_filter_combo_changed)
        bar.find_edit.textChanged.connect(self._find_timer.start)
        self.model.targetEdited.connect(self._on_model_target_edited)
        self.model.dataChanged.connect(self._counts_timer.start)
        self.delegate.confirmed.connect(self._on_delegate_confirmed)
        self.table.selectionModel().currentRowChanged.connect(self._on_table_current_changed)
        self.table.selectionModel().selectionChanged.connect(self._counts_timer.start)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.update_progress()
            self.update_counts()
        super().changeEvent(event)

    def _fit_number_column(self, count: int) -> None:
        """The # column fits the largest segment number (six digits for 100,000 rows)."""
        width = self.table.fontMetrics().horizontalAdvance("0" * max(len(str(count)), 3)) + 14
        self.table.horizontalHeader().resizeSection(SegmentTableModel.NUMBER, width)

    # -- opening ------------------------------------------------------------------------

    def open_paths(self, paths: list[Path]) -> None:
        """Files or folders the user chose, dropped, or gave on the command line."""
        files: list[Path] = []
        known = set(documents.supported_extensions())
        for path in paths:
            if path.is_dir():
                files.extend(sorted(p for p in path.rglob("*")
                                    if p.is_file() and p.suffix.lower() in known))
            else:
                files.append(path)
        if not files:
            self.show_message(self.tr("No document this app can translate was found there."))
            return
        self.opened = files
        self.show_message(self.tr("Opening {0}…").format(", ".join(p.name for p in files)))
        for path in files:
            self._loader.start(path)
        self.pathsOpened.emit(list(files))

    def open_dialog(self) -> None:
        patterns = " ".join(f"*{ext}" for ext in documents.supported_extensions())
        names, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Open documents"), "",
            self.tr("Documents ({0});;All files (*)").format(patterns))
        if names:
            self.open_paths([Path(n) for n in names])

    @Slot(object, object, object)
    def _on_loader_loaded(self, path: Path, document: documents.Document,
                          sizes: list[tuple[int, int]]) -> None:
        rows = rows_of(document)
        if not rows:
            self.show_message(self.tr("{0} holds no text to translate.").format(path.name))
            return
        stack = QUndoStack(self)
        self.undo_group.addStack(stack)
        doc = OpenDocument(document, rows, stack, sizes)
        doc.detected = detect_language(" ".join(r.source for r in rows[:50]))
        notice = self._choose_pair(doc)
        self._bind_project(doc)
        old = self.docs.get(path)
        if old is not None:
            self.undo_group.removeStack(old.undo)
        self.docs[path] = doc
        combo = self.bar.document_combo
        if combo.findData(str(path)) < 0:
            combo.addItem(path.name, str(path))
        blocked = combo.blockSignals(True)
        combo.setCurrentIndex(combo.findData(str(path)))
        combo.blockSignals(blocked)
        self._show(doc)
        warnings = [*getattr(document, "warnings", []), *([notice] if notice else [])]
        self.show_message("\n".join(warnings) if warnings else self.tr(
            "{0}: {1} segments.").format(path.name, len(rows)), error=bool(notice))

    def _choose_pair(self, doc: OpenDocument) -> str:
        """Show the document's language pair: its project's, else its header's."""
        path = doc.document.path
        declared: tuple[str | None, str | None] = getattr(
            doc.document, "declared_languages", (None, None))
        source, target = remembered_pair(self.store, path) or declared
        if target:
            try:
                check_pair(source, target)
            except LanguagePairError as exc:
                return str(exc)
            if not self.bar.select_language(self.bar.target_combo, target):
                return self.tr("{0} names the language “{1}”, which this app does not "
                               "offer; pick the target language.").format(path.name, target)
        if source:
            self.bar.select_language(self.bar.source_combo, source)
        return ""

    def _bind_project(self, doc: OpenDocument) -> None:
        """Attach the saved project for this file and target language, restoring its work."""
        if self.store is None:
            return
        choice = str(self.bar.source_combo.currentData())
        source = choice if choice != "auto" else (doc.detected or "")
        path = doc.document.path
        doc.project = self.store.open_or_create(
            project_name(path, self.target_language().code), path, self.target_language().code,
            source, [(r.unit_id, r.source) for r in doc.rows],
            format_name=doc.document.format_name)
        if doc.project.settings.get("source_choice") != choice:
            self.store.update_settings(doc.project, source_choice=choice)
        for row, saved in zip(doc.rows, doc.project.segments, strict=True):
            unit_target = doc.document.units[row.index].target or ""
            row.target = saved.target or unit_target
            row.status = saved.status if saved.target or saved.status == "error" else (
                "draft" if unit_target else "new")
            row.flags = list(saved.flags)
        doc.glossary = Glossary.from_pairs(self.store.glossary(doc.project))
        doc.proposals = {}

    @Slot(object, str)
    def _on_loader_failed(self, path: Path, message: str) -> None:
        self.show_message(message, error=True)
        QMessageBox.warning(self, self.tr("Could not open document"), message)

    @Slot(int)
    def _on_document_combo_changed(self, number: int) -> None:
        data = self.bar.document_combo.itemData(number)
        doc = self.docs.get(Path(data)) if data else None
        if doc is not None and doc is not self.current:
            self._choose_pair(doc)
            self._show(doc)

    def _show(self, doc: OpenDocument) -> None:
        if self.runs.running and doc is not self.current:
            self.stop()
        self.current = doc
        self.undo_group.setActiveStack(doc.undo)
        self.undoStackChanged.emit(doc.undo)
        self.model.set_rows(doc.rows)
        self._fit_number_column(len(doc.rows))
        self.revising.clear()
        detected = resolve(doc.detected).english if doc.detected else ""
        self.bar.detected_name = detected
        self.bar.glossary_size = len(doc.glossary)
        self.bar.retranslate()
        self._resize_from = 0
        self._resize_timer.start()
        self.update_progress()
        self.update_counts()
        self.update_actions()

    @Slot()
    def _on_resize_timer_timeout(self) -> None:
        """Grow row heights to fit wrapped text a chunk at a time: no long freeze."""
        end = min(self._resize_from + _RESIZE_CHUNK, self.filter.rowCount())
        for row in range(self._resize_from, end):
            self.table.resizeRowToContents(row)
        self._resize_from = end
        if end >= self.filter.rowCount():
            self._resize_timer.stop()

    # -- languages ----------------------------------------------------------------------

    def target_language(self) -> Language:
        return resolve(str(self.bar.target_combo.currentData()))

    def source_language(self) -> Language | None:
        code = str(self.bar.source_combo.currentData())
        if code == "auto":
            detected = self.current.detected if self.current is not None else None
            return resolve(detected) if detected else None
        return resolve(code)

    def _rebind(self) -> None:
        doc = self.current
        if doc is not None and not self.runs.running:
            self._bind_project(doc)
            self._show(doc)

    @Slot(int)
    def _on_target_combo_changed(self, _number: int) -> None:
        try:
            check_pair(str(self.bar.source_combo.currentData()), self.target_language().code)
        except LanguagePairError as exc:
            self.show_message(str(exc), error=True)
        self._rebind()

    @Slot(int)
    def _on_source_combo_changed(self, _number: int) -> None:
        try:
            check_pair(str(self.bar.source_combo.currentData()), self.target_language().code)
        except LanguagePairError as exc:
            self.show_message(str(exc), error=True)
        if self.current is not None and self.current.project is not None and self.store:
            self.store.update_settings(self.current.project,
                                       source_choice=str(self.bar.source_combo.currentData()))

    @Slot()
    def _on_swap_button_clicked(self) -> None:
        source = str(self.bar.source_combo.currentData())
        target = str(self.bar.target_combo.currentData())
        if source == "auto":
            self.show_message(self.tr("Choose the source language first to swap."))
            return
        self.bar.select_language(self.bar.source_combo, target)
        self.bar.select_language(self.bar.target_combo, source)
        self._rebind()

    def language_pair_problem(self) -> str:
        try:
            check_pair(str(self.bar.source_combo.currentData()), self.target_language().code)
        except LanguagePairError as exc:
            return str(exc)
        return ""

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
        elif self.table.hasFocus() or self.table.isAncestorOf(self.focusWidget()):
            self.confirm_current()
        else:
            self.translate_selected()

    def stop(self) -> None:
        """Esc: stop the run and any revision; finished segments stay."""
        self.runs.stop()
        self.revising.stop()

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

    def flags_for(self, doc: OpenDocument, segment: int, text: str) -> list[str]:
        row = doc.rows[segment]
        return check_segment(row.source, text, self.target_language().code,
                             doc.glossary) if text else []

    def apply_target(self, doc: OpenDocument, segment: int, text: str, status: str,
                     author: str = "user", save: bool = True) -> None:
        """Write a translation into a row and save it (edits, approvals, revisions, undo)."""
        flags = self.flags_for(doc, segment, text)
        if doc is self.current:
            self.model.update_row(segment, target=text, status=status, flags=flags)
            self.table.resizeRowToContents(self.proxy_row(segment))
        else:
            row = doc.rows[segment]
            row.target, row.status, row.flags = text, status, flags
        if save and doc.project is not None:
            doc.project.set_target(segment, text, status, author, flags)
        self.update_progress()

    def push_target(self, doc: OpenDocument, segment: int, text: str, status: str,
                    label: str) -> None:
        doc.undo.push(SetTarget(self, doc, segment, text, status, label))

    @Slot(int, str)
    def _on_model_target_edited(self, segment: int, text: str) -> None:
        if self.current is not None:
            self.push_target(self.current, segment, text, "edited",
                             self.tr("Edit segment {0}").format(segment + 1))

    def approve(self, segments: list[int]) -> int:
        """Approve translated segments: a person vouches for them, so they go to memory."""
        doc = self.current
        chosen = [s for s in segments if doc is not None and doc.rows[s].target.strip()
                  and doc.rows[s].status != "approved"]
        if doc is None or not chosen:
            return 0
        doc.undo.beginMacro(self.tr("Approve {0} segments").format(len(chosen)))
        for segment in chosen:
            self.push_target(doc, segment, doc.rows[segment].target, "approved", "")
        doc.undo.endMacro()
        return len(chosen)

    def approve_selected(self) -> None:
        self.approve(self.selected_segments())

    def confirm_current(self) -> None:
        index = self.table.currentIndex()
        if index.isValid():
            self._on_delegate_confirmed(self.filter.mapToSource(index).row())

    @Slot(int)
    def _on_delegate_confirmed(self, segment: int) -> None:
        """Ctrl+Enter in the editor: the typed text is already saved; approve, go on."""
        self.approve([segment])
        navigation.go_next(self, lambda row: not row.done or row.status == "draft",
                           start=segment, edit=True)

    def next_untranslated(self) -> bool:
        return navigation.go_next(self, lambda row: not row.done)

    def next_flagged(self) -> bool:
        return navigation.go_next(self, lambda row: row.flagged)

    # -- glossary, concordance ------------------------------------------------------------

    def _highlight_terms(self, source: str) -> list[str]:
        doc = self.current
        return [t.source for t in doc.glossary.matches(source)] if doc is not None else []

    def set_glossary(self, glossary: Glossary) -> None:
        doc = self.current
        if doc is None:
            self.show_message(self.tr("Open a document first: a glossary belongs to a "
                                      "document's project."))
            return
        doc.glossary = glossary
        if doc.project is not None and self.store is not None:
            self.store.set_glossary(doc.project, glossary.pairs())
        for row in doc.rows:  # re-check what is already translated against the new terms
            if row.target:
                self.model.update_row(row.index,
                                      flags=self.flags_for(doc, row.index, row.target))
        self.bar.glossary_size = len(glossary)
        self.bar.retranslate()
        self.table.viewport().update()

    def load_glossary(self, path: Path) -> None:
        try:
            glossary = load_glossary(path)
        except BaylingError as exc:
            QMessageBox.warning(self, self.tr("Could not load the glossary"), str(exc))
            return
        self.set_glossary(glossary)
        self.show_message(self.tr("Glossary loaded: {0} terms.").format(len(glossary)))

    def open_glossary_editor(self) -> None:
        doc = self.current
        if doc is None:
            self.show_message(self.tr("Open a document first."))
            return
        source = self.source_language()
        editor = GlossaryEditor(doc.glossary, source.code if source else "",
                                self.target_language().code, self)
        if editor.exec():
            self.set_glossary(editor.glossary())

    def open_concordance(self) -> None:
        pairs: list[tuple[str, str]] = []
        if self.store is not None:
            source = self.source_language()
            base = source.code.split("-")[0] if source else ""
            pairs = [(s, t) for sl, _tl, s, t in self.store.memory_pairs(
                self.target_language().code) if not base or sl.split("-")[0] in (base, "")]
        if self.concordance is None:
            self.concordance = ConcordanceDialog(pairs, self)
        else:
            self.concordance.set_pairs(pairs)
        self.concordance.show()
        self.concordance.search.setFocus()

    # -- export -------------------------------------------------------------------------

    def export(self) -> None:
        doc = self.current
        if doc is None:
            return
        pending = [r for r in doc.rows if not r.done or r.flags]
        if pending and QMessageBox.question(
                self, self.tr("Export anyway?"),
                self.tr("{0} segments are untranslated or flagged; they keep their source "
                        "text. Export anyway?").format(len(pending))
        ) != QMessageBox.StandardButton.Yes:
            return
        source = doc.document.path
        suggested = documents.default_output_path(source, self.target_language().code)
        same = self.tr("Same format (*{0})").format(suggested.suffix)  # a PDF gives .docx
        bilingual_docx = self.tr("Bilingual table (*.docx)")
        bilingual_html = self.tr("Bilingual side by side (*.html)")
        name, chosen = QFileDialog.getSaveFileName(
            self, self.tr("Export translation"), str(suggested),
            ";;".join([same, bilingual_docx, bilingual_html]))
        if not name:
            return
        out = Path(name)
        translations = {r.unit_id: r.target for r in doc.rows if r.target.strip() and r.done}
        try:
            if chosen in (bilingual_docx, bilingual_html):
                documents.export_bilingual(doc.document, translations, out)
            else:
                doc.document.export(translations, out)
        except BaylingError as exc:
            QMessageBox.warning(self, self.tr("Export failed"), str(exc))
            return
        self.show_message(self.tr("Saved {0}").format(out))

    # -- find, selection, messages -------------------------------------------------------

    def focus_find(self) -> None:
        self.find_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.find_edit.selectAll()

    @Slot(int)
    def _on_filter_combo_changed(self, mode: int) -> None:
        self.filter.set_mode(mode)
        self._after_filter()

    @Slot()
    def _on_find_timer_timeout(self) -> None:
        self.filter.set_text(self.find_edit.text())
        self._after_filter()

    def _after_filter(self) -> None:
        empty = self.filter.rowCount() == 0 and self.model.rowCount() > 0
        self.no_matches.setText(self.tr("No segment matches “{0}”.").format(
            self.find_edit.text().strip()) if self.filter.needle
            else self.tr("No segment matches this filter."))
        self.no_matches.setVisible(empty)
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
            self.revising.show_segment(self.filter.mapToSource(current).row())

    def show_message(self, text: str, error: bool = False) -> None:
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
        self.busyChanged.emit(batch or revising)

    # names kept for the screenshot script and older callers
    @property
    def _batch_job(self) -> int | None:
        return self.runs.job

    @property
    def _revision_job(self) -> int | None:
        return self.revising.job

    @property
    def _document_job(self) -> int | None:
        return self.revising.document_job
