"""The Translate workspace: open documents, translate them segment by segment with the
source and the translation side by side, revise any segment by conversation, export.

All model work goes through the shared ModelClient (one worker thread owns the model);
documents are parsed on a helper thread so a large file never freezes the window.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import cast

from PySide6.QtCore import (
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    Qt,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ... import documents
from ...config import Settings
from ...engine.backend import Message
from ...errors import BaylingError
from ...languages import Language, all_languages, resolve
from ...storage.database import StorageError
from ...storage.project_store import Project, ProjectStore
from ...translation.glossary import Glossary, load_glossary
from ..worker import ModelClient, TaskFn
from .revision import RevisionPanel
from .segments import SegmentFilter, SegmentRow, SegmentTableModel
from .tasks import (
    BatchResult,
    CandidateReady,
    Job,
    RevisionJob,
    RevisionResult,
    SegmentDone,
    SegmentStarted,
    first_turn,
    make_batch_task,
    make_document_revision_task,
    make_revision_task,
)

# rows whose height is recomputed per timer tick after a large document loads
_RESIZE_CHUNK = 60


@dataclass
class OpenDocument:
    """Everything the workspace keeps for one opened file."""

    document: documents.Document
    rows: list[SegmentRow]
    # per segment: the revision conversation [(instruction, reply)]
    threads: dict[int, list[tuple[str, str]]] = field(default_factory=dict)
    # per segment: the messages of that conversation, kept byte-identical for KV reuse
    messages: dict[int, list[Message]] = field(default_factory=dict)
    # where its translations are saved, for the current target language
    project: Project | None = None
    # proposals of a document-wide instruction, waiting for the user's review
    proposals: dict[int, str] = field(default_factory=dict)


class _Loader(QObject):
    """Parses documents on a plain thread and hands the result back as a queued signal."""

    loaded = Signal(object, object)  # path, Document
    failed = Signal(object, str)  # path, message

    def start(self, path: Path) -> None:
        threading.Thread(target=self._run, args=(path,), daemon=True).start()

    def _run(self, path: Path) -> None:
        try:
            document = documents.open_document(path)
        except BaylingError as exc:
            self.failed.emit(path, str(exc))
        except Exception as exc:  # a parser bug must not vanish silently
            self.failed.emit(path, self.tr("{0} could not be read: {1}").format(path.name, exc))
        else:
            self.loaded.emit(path, document)


class SetTarget(QUndoCommand):
    """A translation changed (typed in, accepted from a revision): undoable."""

    def __init__(self, workspace: TranslateWorkspace, doc: OpenDocument, segment: int,
                 text: str, status: str, label: str) -> None:
        super().__init__(label)
        self.workspace = workspace
        self.doc = doc
        self.segment = segment
        row = doc.rows[segment]
        self.before = (row.target, row.status)
        self.after = (text, status)

    def redo(self) -> None:
        self.workspace.apply_target(self.doc, self.segment, *self.after)

    def undo(self) -> None:
        self.workspace.apply_target(self.doc, self.segment, *self.before)


class TranslateWorkspace(QWidget):
    pathsOpened = Signal(list)
    # tokens per second of the latest segment, for the status bar
    speedChanged = Signal(float)
    # True while a batch or a revision runs
    busyChanged = Signal(bool)

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
        # segments filled from the translation memory instead of the model, this session
        self.memory_hits = 0
        self.glossary = Glossary()
        self.undo_stack = QUndoStack(self)
        self.model = SegmentTableModel(self)
        self.filter = SegmentFilter(self)
        self.filter.setSourceModel(self.model)
        self.docs: dict[Path, OpenDocument] = {}
        self.current: OpenDocument | None = None
        self.opened: list[Path] = []
        self._batch_job: int | None = None
        self._revision_job: int | None = None
        self._document_job: int | None = None
        self._streaming_segment: int | None = None
        self._pause = threading.Event()
        self._batch_started = 0.0
        self._resize_from = 0
        self._loader = _Loader(self)
        self._loader.loaded.connect(self._on_loader_loaded)
        self._loader.failed.connect(self._on_loader_failed)
        self._resize_timer = QTimer(self)
        self._resize_timer.setInterval(0)
        self._resize_timer.timeout.connect(self._on_resize_timer_timeout)
        self._build()
        self._connect()
        self._retranslate()
        self._update_actions()
        if store_error:
            self._show_message(self.tr("Translations will not be saved: {0}").format(
                store_error), error=True)

    # -- building -----------------------------------------------------------------------

    def _build(self) -> None:
        self.document_combo = QComboBox(self)
        self.open_button = QPushButton(self)
        self.source_combo = QComboBox(self)
        self.target_combo = QComboBox(self)
        self.swap_button = QToolButton(self)
        self.swap_button.setText("⇄")
        self.source_combo.addItem("", "auto")
        for lang in all_languages():
            self.source_combo.addItem(f"{lang.english} ({lang.code})", lang.code)
            self.target_combo.addItem(f"{lang.english} ({lang.code})", lang.code)
        self._select_language(self.source_combo, self.settings.source_language)
        self._select_language(self.target_combo, self.settings.target_language)
        self.translate_all_button = QPushButton(self)
        self.translate_selected_button = QPushButton(self)
        self.pause_button = QPushButton(self)
        self.pause_button.setCheckable(True)
        self.stop_button = QPushButton(self)
        self.export_button = QPushButton(self)
        self.glossary_button = QPushButton(self)
        self.undo_button = QToolButton(self)
        self.redo_button = QToolButton(self)
        self.filter_combo = QComboBox(self)
        self.filter_combo.addItems(["", "", ""])
        self.find_edit = QLineEdit(self)
        self.find_edit.setClearButtonEnabled(True)
        self.progress = QProgressBar(self)
        self.progress.setTextVisible(True)
        self.eta_label = QLabel(self)
        self.message_label = QLabel(self)
        self.message_label.setWordWrap(True)

        self.table = QTableView(self)
        self.table.setModel(self.filter)
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
        metrics = self.table.fontMetrics()
        header.setSectionResizeMode(SegmentTableModel.NUMBER, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(SegmentTableModel.NUMBER, metrics.horizontalAdvance("00000") + 8)
        header.setSectionResizeMode(SegmentTableModel.SOURCE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(SegmentTableModel.TARGET, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(SegmentTableModel.STATUS, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(SegmentTableModel.STATUS,
                             metrics.horizontalAdvance("translating… ⚠") + 16)
        self.revision = RevisionPanel(self)

        top = QHBoxLayout()
        top.addWidget(self.open_button)
        top.addWidget(self.document_combo, 1)
        top.addWidget(self.source_combo)
        top.addWidget(self.swap_button)
        top.addWidget(self.target_combo)
        actions = QHBoxLayout()
        for widget in (self.translate_all_button, self.translate_selected_button,
                       self.pause_button, self.stop_button, self.undo_button,
                       self.redo_button):
            actions.addWidget(widget)
        actions.addStretch(1)
        actions.addWidget(self.glossary_button)
        actions.addWidget(self.filter_combo)
        actions.addWidget(self.find_edit)
        actions.addWidget(self.export_button)
        progress = QHBoxLayout()
        progress.addWidget(self.progress, 1)
        progress.addWidget(self.eta_label)
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.table, 1)
        left_layout.addWidget(self.message_label)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(left)
        splitter.addWidget(self.revision)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(actions)
        layout.addLayout(progress)
        layout.addWidget(splitter, 1)
        self.setAcceptDrops(False)  # the main window takes drops and calls open_paths

    def _connect(self) -> None:
        self.open_button.clicked.connect(self.open_dialog)
        self.document_combo.currentIndexChanged.connect(self._on_document_combo_changed)
        self.swap_button.clicked.connect(self._on_swap_button_clicked)
        self.target_combo.currentIndexChanged.connect(self._on_target_combo_changed)
        self.translate_all_button.clicked.connect(self.translate_all)
        self.translate_selected_button.clicked.connect(self.translate_selected)
        self.pause_button.toggled.connect(self._on_pause_button_toggled)
        self.stop_button.clicked.connect(self.stop)
        self.export_button.clicked.connect(self.export)
        self.glossary_button.clicked.connect(self.open_glossary_dialog)
        self.undo_button.clicked.connect(self.undo_stack.undo)
        self.redo_button.clicked.connect(self.undo_stack.redo)
        self.undo_stack.canUndoChanged.connect(self.undo_button.setEnabled)
        self.undo_stack.canRedoChanged.connect(self.redo_button.setEnabled)
        self.filter_combo.currentIndexChanged.connect(self.filter.set_mode)
        self.find_edit.textChanged.connect(self.filter.set_text)
        self.model.targetEdited.connect(self._on_model_target_edited)
        self.table.selectionModel().currentRowChanged.connect(self._on_table_current_changed)
        self.revision.instructionSubmitted.connect(self._on_revision_instruction_submitted)
        self.revision.acceptRequested.connect(self._on_revision_accept_requested)
        self.revision.documentInstructionSubmitted.connect(
            self._on_revision_document_instruction_submitted)
        self.revision.acceptAllRequested.connect(self._on_revision_accept_all_requested)
        self.revision.rejectRequested.connect(self._on_revision_reject_requested)
        self.revision.stopRequested.connect(self._on_revision_stop_requested)
        self.client.piece.connect(self._on_client_piece)
        self.client.progress.connect(self._on_client_progress)
        self.client.finished.connect(self._on_client_finished)
        self.client.failed.connect(self._on_client_failed)
        self.client.cancelled.connect(self._on_client_cancelled)

    def _retranslate(self) -> None:
        self.open_button.setText(self.tr("Open…"))
        self.source_combo.setItemText(0, self.tr("Detect language"))
        self.swap_button.setToolTip(self.tr("Swap languages"))
        self.translate_all_button.setText(self.tr("Translate all"))
        self.translate_selected_button.setText(self.tr("Translate selected"))
        self.pause_button.setText(self.tr("Resume") if self.pause_button.isChecked()
                                  else self.tr("Pause"))
        self.stop_button.setText(self.tr("Stop"))
        self.stop_button.setToolTip(self.tr("Stop translating (Esc)"))
        self.export_button.setText(self.tr("Export…"))
        self.glossary_button.setText(self.tr("Glossary ({0})…").format(len(self.glossary)))
        self.glossary_button.setToolTip(self.tr(
            "Load required term translations from a .csv, .tsv or .tbx file"))
        self.export_button.setToolTip(self.tr("Save the translated document (Ctrl+S)"))
        self.undo_button.setText(self.tr("Undo"))
        self.redo_button.setText(self.tr("Redo"))
        for number, text in enumerate((self.tr("All segments"), self.tr("Untranslated"),
                                       self.tr("Flagged"))):
            self.filter_combo.setItemText(number, text)
        self.find_edit.setPlaceholderText(self.tr("Find in segments (Ctrl+F)"))
        self.document_combo.setPlaceholderText(
            self.tr("Open or drop a document (txt, md, docx, srt, po, xliff…)"))
        self._update_progress()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    @staticmethod
    def _select_language(combo: QComboBox, code: str) -> None:
        index = combo.findData(code)
        if index < 0 and code != "auto":
            try:
                index = combo.findData(resolve(code).code)
            except BaylingError:
                index = -1
        combo.setCurrentIndex(max(index, 0))

    # -- opening ------------------------------------------------------------------------

    def open_paths(self, paths: list[Path]) -> None:
        """Files or folders the user chose or dropped onto the window."""
        files: list[Path] = []
        known = set(documents.supported_extensions())
        for path in paths:
            if path.is_dir():
                files.extend(sorted(p for p in path.rglob("*")
                                    if p.is_file() and p.suffix.lower() in known))
            else:
                files.append(path)
        if not files:
            self._show_message(self.tr("No document this app can translate was found there."))
            return
        self.opened = files
        self._show_message(self.tr("Opening {0}…").format(", ".join(p.name for p in files)))
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

    @Slot(object, object)
    def _on_loader_loaded(self, path: Path, document: documents.Document) -> None:
        rows = [SegmentRow(i, unit.id, unit.source, unit.target or "",
                           "draft" if unit.target else "new")
                for i, unit in enumerate(document.units)]
        if not rows:
            self._show_message(self.tr("{0} holds no text to translate.").format(path.name))
            return
        doc = OpenDocument(document, rows)
        self._bind_project(doc)
        self.docs[path] = doc
        if self.document_combo.findData(str(path)) < 0:
            self.document_combo.addItem(path.name, str(path))
        self.document_combo.setCurrentIndex(self.document_combo.findData(str(path)))
        self._show(doc)
        warnings = list(getattr(document, "warnings", []))
        self._show_message("\n".join(warnings) if warnings else self.tr(
            "{0}: {1} segments.").format(path.name, len(rows)))

    def _project_name(self, doc: OpenDocument) -> str:
        return f"gui:{doc.document.path.resolve()}:{self.target_language().code}"

    def _bind_project(self, doc: OpenDocument) -> None:
        """Attach the saved project for this file and target language, restoring its work."""
        if self.store is None:
            return
        source = self.source_language()
        doc.project = self.store.open_or_create(
            self._project_name(doc), doc.document.path, self.target_language().code,
            source.code if source else "", [(r.unit_id, r.source) for r in doc.rows])
        for row, saved in zip(doc.rows, doc.project.segments, strict=True):
            unit_target = doc.document.units[row.index].target or ""
            row.target = saved.target or unit_target
            row.status = saved.status if saved.target or saved.status == "error" else (
                "draft" if unit_target else "new")
            row.flags = list(saved.flags)

    def _save(self, doc: OpenDocument, segment: int, author: str) -> None:
        if self.store is not None and doc.project is not None:
            row = doc.rows[segment]
            self.store.save_segment(doc.project, segment, row.target, row.status, row.flags,
                                    author)

    @Slot(int)
    def _on_target_combo_changed(self, _number: int) -> None:
        doc = self.current
        if doc is None or self._batch_job is not None:
            return
        self._bind_project(doc)
        self._show(doc)

    @Slot(object, str)
    def _on_loader_failed(self, path: Path, message: str) -> None:
        self._show_message(message, error=True)
        QMessageBox.warning(self, self.tr("Could not open document"), message)

    @Slot(int)
    def _on_document_combo_changed(self, number: int) -> None:
        data = self.document_combo.itemData(number)
        doc = self.docs.get(Path(data)) if data else None
        if doc is not None and doc is not self.current:
            self._show(doc)

    def _show(self, doc: OpenDocument) -> None:
        if self._batch_job is not None and doc is not self.current:
            self.stop()
        self.current = doc
        self.undo_stack.clear()
        self.model.set_rows(doc.rows)
        self.revision.set_segment(None, "", "")
        self._resize_from = 0
        self._resize_timer.start()
        self._update_progress()
        self._update_actions()

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
        return resolve(str(self.target_combo.currentData()))

    def source_language(self) -> Language | None:
        code = str(self.source_combo.currentData())
        return None if code == "auto" else resolve(code)

    @Slot()
    def _on_swap_button_clicked(self) -> None:
        source = str(self.source_combo.currentData())
        target = str(self.target_combo.currentData())
        if source == "auto":
            self._show_message(self.tr("Choose the source language first to swap."))
            return
        self._select_language(self.source_combo, target)
        self._select_language(self.target_combo, source)

    # -- translating --------------------------------------------------------------------

    def translate_all(self) -> None:
        if self.current is None:
            return
        self._start_batch([r.index for r in self.current.rows if not r.done])

    def translate_selected(self) -> None:
        if self.current is None:
            return
        rows = sorted({self.filter.mapToSource(i).row()
                       for i in self.table.selectionModel().selectedRows()})
        self._start_batch(rows)

    def send(self) -> None:
        """Ctrl+Enter: the revision box if it has text, else translate the selection."""
        if self.revision.instruction.hasFocus() and self.revision.instruction.text().strip():
            self.revision._on_instruction_return_pressed()
        else:
            self.translate_selected()

    def _start_batch(self, segments: list[int]) -> None:
        doc = self.current
        if doc is None or not segments or self._batch_job is not None:
            return
        if not self.client.ready:
            self._show_message(self.tr("The model is not loaded yet."), error=True)
            return
        segments = self._fill_from_memory(doc, segments)
        if not segments:
            self._show_message(self.tr("Every segment came from the translation memory."))
            return
        job = Job(tuple((i, doc.rows[i].source) for i in segments), self.target_language(),
                  self.source_language(), self.glossary.as_dict(),
                  self.settings.translation_temperature,
                  self.settings.max_tokens)
        self._pause.clear()
        self.pause_button.setChecked(False)
        self._batch_started = time.monotonic()
        self._batch_total = len(segments)
        self._batch_done = 0
        self._batch_job = self.client.submit_task(cast(TaskFn, make_batch_task(job, self._pause)))
        self._show_message(self.tr("Translating {0} segments…").format(len(segments)))
        self._update_actions()

    def _fill_from_memory(self, doc: OpenDocument, segments: list[int]) -> list[int]:
        """Use exact translation-memory matches; return the segments the model must do."""
        if self.store is None:
            return segments
        source = self.source_language()
        remaining = []
        reused = 0
        for segment in segments:
            found = self.store.memory_lookup(source.code if source else "",
                                             self.target_language().code,
                                             doc.rows[segment].source)
            if found:
                self.apply_target(doc, segment, found, "draft", author="memory")
                reused += 1
            else:
                remaining.append(segment)
        self.memory_hits += reused
        return remaining

    @Slot(bool)
    def _on_pause_button_toggled(self, paused: bool) -> None:
        self._retranslate()
        if paused:
            self._pause.set()
            self._show_message(self.tr("Pausing after the current segment…"))
        elif self._batch_job is None and self.current is not None:
            self.translate_all()

    def stop(self) -> None:
        """Esc: stop the batch and any revision; finished segments stay."""
        for job in (self._batch_job, self._revision_job, self._document_job):
            if job is not None:
                self.client.cancel(job)

    @Slot(int, str)
    def _on_client_piece(self, job_id: int, text: str) -> None:
        doc = self.current
        if job_id == self._batch_job and doc is not None and self._streaming_segment is not None:
            self.model.append_target(self._streaming_segment, text)
        elif job_id == self._revision_job:
            self.revision.append_candidate(text)

    @Slot(int, object)
    def _on_client_progress(self, job_id: int, value: object) -> None:
        doc = self.current
        if job_id == self._document_job and doc is not None:
            self._on_document_progress(doc, value)
            return
        if job_id != self._batch_job or doc is None:
            return
        if isinstance(value, SegmentStarted):
            self._streaming_segment = value.segment
            self.model.update_row(value.segment, target="", status="translating", flags=[])
            self._scroll_to(value.segment)
        elif isinstance(value, SegmentDone):
            self._streaming_segment = None
            if value.error == "cancelled":
                row = doc.rows[value.segment]
                self.model.update_row(value.segment, target="" if not row.done else row.target,
                                      status="new")
            elif value.error:
                self.model.update_row(value.segment, target=value.text, status="error",
                                      flags=[value.error])
            else:
                self.model.update_row(value.segment, target=value.text, status="draft",
                                      flags=self._qa(doc.rows[value.segment].source, value.text))
            self.table.resizeRowToContents(self._proxy_row(value.segment))
            if value.error != "cancelled":
                self._save(doc, value.segment, "model")
            self._batch_done = value.done
            if value.tokens_per_second:
                self.speedChanged.emit(value.tokens_per_second)
            self._update_progress(value.elapsed)

    @Slot(int, object)
    def _on_client_finished(self, job_id: int, result: object) -> None:
        if job_id == self._document_job:
            self._document_job = None
            count = len(self.current.proposals) if self.current else 0
            self._show_message(self.tr("{0} proposals to review: select a flagged segment, or "
                                       "accept them all.").format(count))
            self._update_actions()
        elif job_id == self._batch_job:
            self._batch_job = None
            self._streaming_segment = None
            if isinstance(result, BatchResult) and result.paused:
                self._show_message(self.tr("Paused. Press Resume to continue."))
            else:
                self._show_message(self.tr("Translation finished."))
            self._update_actions()
            self._update_progress()
        elif job_id == self._revision_job and isinstance(result, RevisionResult):
            self._revision_job = None
            self._finish_revision(result)

    @Slot(int, str)
    def _on_client_failed(self, job_id: int, message: str) -> None:
        if job_id == self._document_job:
            self._document_job = None
            self._show_message(message, error=True)
            self._update_actions()
        elif job_id == self._batch_job:
            self._batch_job = None
            self._mark_streaming_new()
            self._show_message(message, error=True)
            self._update_actions()
        elif job_id == self._revision_job:
            self._revision_job = None
            self.revision.set_busy(False)
            self._show_message(message, error=True)
            self._update_actions()

    @Slot(int)
    def _on_client_cancelled(self, job_id: int) -> None:
        if job_id == self._document_job:
            self._document_job = None
            self._show_message(self.tr("Stopped; the proposals made so far can be reviewed."))
            self._update_actions()
        elif job_id == self._batch_job:
            self._batch_job = None
            self._mark_streaming_new()
            self._show_message(self.tr("Stopped."))
            self._update_actions()
        elif job_id == self._revision_job:
            self._revision_job = None
            self.revision.set_busy(False)
            self.revision.set_candidate("")
            self._update_actions()

    def _mark_streaming_new(self) -> None:
        if self._streaming_segment is not None and self.current is not None:
            self.model.update_row(self._streaming_segment, target="", status="new")
        self._streaming_segment = None

    def _qa(self, source: str, target: str) -> list[str]:
        from .qa import quick_checks

        return quick_checks(source, target) + self.glossary.violations(source, target)

    def open_glossary_dialog(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Load glossary"), "",
            self.tr("Glossaries (*.csv *.tsv *.tbx);;All files (*)"))
        if name:
            self.load_glossary(Path(name))

    def load_glossary(self, path: Path) -> None:
        try:
            self.glossary = load_glossary(path)
        except BaylingError as exc:
            QMessageBox.warning(self, self.tr("Could not load the glossary"), str(exc))
            return
        self._retranslate()
        doc = self.current
        if doc is not None:  # re-check what is already translated against the new terms
            for row in doc.rows:
                if row.target:
                    self.model.update_row(row.index, flags=self._qa(row.source, row.target))
        self._show_message(self.tr("Glossary loaded: {0} terms.").format(len(self.glossary)))

    # -- editing and revising -------------------------------------------------------------

    def apply_target(self, doc: OpenDocument, segment: int, text: str, status: str,
                     author: str = "user") -> None:
        """Write a translation into a row and save it (edits, accepted revisions, undo)."""
        flags = self._qa(doc.rows[segment].source, text) if text else []
        if doc is self.current:
            self.model.update_row(segment, target=text, status=status, flags=flags)
            self.table.resizeRowToContents(self._proxy_row(segment))
        else:
            row = doc.rows[segment]
            row.target, row.status, row.flags = text, status, flags
        self._save(doc, segment, author)
        self._update_progress()

    @Slot(int, str)
    def _on_model_target_edited(self, segment: int, text: str) -> None:
        if self.current is not None:
            self.undo_stack.push(SetTarget(self, self.current, segment, text, "edited",
                                           self.tr("Edit segment {0}").format(segment + 1)))

    @Slot(QModelIndex, QModelIndex)
    def _on_table_current_changed(self, current: QModelIndex, previous: QModelIndex) -> None:
        doc = self.current
        if doc is None or not current.isValid() or self._revision_job is not None:
            return
        segment = self.filter.mapToSource(current).row()
        row = doc.rows[segment]
        self.revision.set_segment(segment, row.source, row.target)
        self.revision.set_thread(doc.threads.get(segment, []))
        self.revision.set_memory(self._memory_matches(row.source, row.target))
        if segment in doc.proposals:
            self.revision.set_candidate(doc.proposals[segment])

    def _memory_matches(self, source: str, current: str) -> list[tuple[float, str, str]]:
        if self.store is None:
            return []
        language = self.source_language()
        matches = self.store.memory_fuzzy(language.code if language else "",
                                          self.target_language().code, source)
        return [m for m in matches if m[2] != current]

    @Slot(str)
    def _on_revision_instruction_submitted(self, instruction: str) -> None:
        doc = self.current
        segment = self.revision.segment
        if doc is None or segment is None or self._revision_job is not None:
            return
        if not self.client.ready:
            self._show_message(self.tr("The model is not loaded yet."), error=True)
            return
        row = doc.rows[segment]
        if not row.target.strip():
            self._show_message(self.tr("Translate this segment first, then revise it."))
            return
        history = doc.messages.get(segment) or first_turn(
            row.source, self.target_language(), self.source_language(),
            self.glossary.as_dict(), row.target)
        doc.messages[segment] = history
        job = RevisionJob(segment, tuple(history), instruction,
                          self.settings.translation_temperature, self.settings.max_tokens)
        self.revision.set_candidate("")
        self.revision.set_busy(True)
        self._pending_instruction = instruction
        self._revision_job = self.client.submit_task(cast(TaskFn, make_revision_task(job)))
        self._update_actions()

    def _finish_revision(self, result: RevisionResult) -> None:
        doc = self.current
        self.revision.set_busy(False)
        if doc is None:
            return
        history = doc.messages.setdefault(result.segment, [])
        history += [Message("user", result.instruction), Message("assistant", result.text)]
        doc.threads.setdefault(result.segment, []).append((result.instruction, result.text))
        if self.revision.segment == result.segment:
            self.revision.set_thread(doc.threads[result.segment])
            self.revision.set_candidate(result.text)
        self._update_actions()

    @Slot()
    def _on_revision_accept_requested(self) -> None:
        doc = self.current
        segment = self.revision.segment
        text = self.revision.candidate_text()
        if doc is None or segment is None or not text:
            return
        doc.proposals.pop(segment, None)
        self.undo_stack.push(SetTarget(self, doc, segment, text, "edited",
                                       self.tr("Accept revision of segment {0}").format(
                                           segment + 1)))
        self.revision.set_candidate("")
        self.revision.set_pending_proposals(len(doc.proposals))

    @Slot()
    def _on_revision_reject_requested(self) -> None:
        doc = self.current
        segment = self.revision.segment
        if doc is not None and segment is not None and segment in doc.proposals:
            del doc.proposals[segment]
            row = doc.rows[segment]
            self.model.update_row(segment, flags=self._qa(row.source, row.target))
            self.revision.set_pending_proposals(len(doc.proposals))
        self.revision.set_candidate("")

    @Slot(str)
    def _on_revision_document_instruction_submitted(self, instruction: str) -> None:
        """One instruction for the whole document: proposals per segment, for review."""
        doc = self.current
        if doc is None or self._document_job is not None or self._batch_job is not None:
            return
        if not self.client.ready:
            self._show_message(self.tr("The model is not loaded yet."), error=True)
            return
        items = []
        for row in doc.rows:
            if row.done and row.target.strip():
                history = doc.messages.get(row.index) or first_turn(
                    row.source, self.target_language(), self.source_language(),
                    self.glossary.as_dict(), row.target)
                items.append((row.index, tuple(history)))
        if not items:
            self._show_message(self.tr("Translate the document first, then revise it."))
            return
        self._document_job = self.client.submit_task(cast(TaskFn, make_document_revision_task(
            items, instruction, self.settings.translation_temperature,
            self.settings.max_tokens)))
        self._show_message(self.tr("Revising {0} segments: “{1}”…").format(len(items),
                                                                        instruction))
        self._update_actions()

    def _on_document_progress(self, doc: OpenDocument, value: object) -> None:
        if isinstance(value, SegmentStarted):
            self._scroll_to(value.segment)
        elif isinstance(value, CandidateReady):
            doc.proposals[value.segment] = value.text
            row = doc.rows[value.segment]
            self.model.update_row(value.segment, flags=[
                *self._qa(row.source, row.target),
                self.tr("A revision is proposed: select the segment to review it.")])
            self.revision.set_pending_proposals(len(doc.proposals))
            if self.revision.segment == value.segment:
                self.revision.set_candidate(value.text)
            self.progress.setFormat(self.tr("Revising: {0} / {1}").format(value.done,
                                                                          value.total))

    @Slot()
    def _on_revision_accept_all_requested(self) -> None:
        doc = self.current
        if doc is None or not doc.proposals:
            return
        self.undo_stack.beginMacro(self.tr("Accept {0} proposals").format(len(doc.proposals)))
        for segment, text in sorted(doc.proposals.items()):
            self.undo_stack.push(SetTarget(self, doc, segment, text, "edited", ""))
        self.undo_stack.endMacro()
        doc.proposals.clear()
        self.revision.set_pending_proposals(0)
        self.revision.set_candidate("")

    @Slot()
    def _on_revision_stop_requested(self) -> None:
        if self._revision_job is not None:
            self.client.cancel(self._revision_job)

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
        filters = [same, bilingual_docx, bilingual_html]
        name, chosen = QFileDialog.getSaveFileName(self, self.tr("Export translation"),
                                                   str(suggested), ";;".join(filters))
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
        self._show_message(self.tr("Saved {0}").format(out))

    # -- misc ---------------------------------------------------------------------------

    def focus_find(self) -> None:
        self.find_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.find_edit.selectAll()

    def _proxy_row(self, segment: int) -> int:
        return self.filter.mapFromSource(self.model.index(segment, 0)).row()

    def _scroll_to(self, segment: int) -> None:
        index = self.filter.mapFromSource(self.model.index(segment, 0))
        if index.isValid():
            self.table.scrollTo(index, QAbstractItemView.ScrollHint.EnsureVisible)

    def select_segment(self, segment: int) -> None:
        index = self.filter.mapFromSource(self.model.index(segment, SegmentTableModel.TARGET))
        self.table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows)

    def _show_message(self, text: str, error: bool = False) -> None:
        self.message_label.setText(text)
        self.message_label.setStyleSheet("color: #c0392b;" if error else "")

    def _update_progress(self, elapsed: float | None = None) -> None:
        done, total = self.model.counts()
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        self.progress.setFormat(self.tr("{0} / {1} segments").format(done, total))
        if self._batch_job is not None and elapsed and self._batch_done:
            remaining = (self._batch_total - self._batch_done) * elapsed / self._batch_done
            self.eta_label.setText(self.tr("ETA {0}").format(_clock(remaining)))
        else:
            self.eta_label.clear()

    def _update_actions(self) -> None:
        has_doc = self.current is not None
        batch = self._batch_job is not None
        revising = self._revision_job is not None or self._document_job is not None
        self.translate_all_button.setEnabled(has_doc and not batch and not revising)
        self.translate_selected_button.setEnabled(has_doc and not batch and not revising)
        self.pause_button.setEnabled(has_doc and (batch or self.pause_button.isChecked()))
        self.stop_button.setEnabled(batch or revising)
        self.export_button.setEnabled(has_doc and not batch)
        self.undo_button.setEnabled(self.undo_stack.canUndo())
        self.redo_button.setEnabled(self.undo_stack.canRedo())
        self.busyChanged.emit(batch or revising)


def _clock(seconds: float) -> str:
    seconds = int(seconds)
    return f"{seconds // 60}:{seconds % 60:02d}"
