"""The Local models page: the library's GGUF files, import, rename, remove, default.

The list reads GGUF headers only (``models.library`` caches them), so it stays
instant for many large files. Copying an imported file and preparing a built-in
model can take minutes, so both run through :class:`BackgroundTasks`.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from PySide6.QtCore import QEvent, QItemSelection, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...config import Settings
from ...engine.backend import CancelToken
from ...errors import BaylingError
from ...models.library import (
    LocalModel,
    import_model,
    list_models,
    remove_model,
    rename_model,
    set_default,
)
from ..sentence_text import sentence_text
from .local_table import LocalModelTableModel
from .tasks import BackgroundTasks, Report
from .units import context_text, size_text


class LocalModelsTab(QWidget):
    # settings were edited in place; True when the model to load changed
    settingsEdited = Signal(bool)

    def __init__(self, settings: Settings, tasks: BackgroundTasks,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._settings = settings
        self._tasks = tasks
        self._import_job: int | None = None
        self._default_job: int | None = None
        self.model = LocalModelTableModel(parent=self)
        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().setVisible(False)
        self.view.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        self.details = QLabel(self)
        self.details.setWordWrap(True)
        self.details.setTextFormat(Qt.TextFormat.PlainText)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.import_button = QPushButton(self)
        self.rename_button = QPushButton(self)
        self.remove_button = QPushButton(self)
        self.default_button = QPushButton(self)
        self.refresh_button = QPushButton(self)
        self.import_progress = QProgressBar(self)
        self.import_progress.setRange(0, 100)
        self.import_cancel_button = QPushButton(self)
        self.status = QLabel(self)
        self.status.setWordWrap(True)

        buttons = QHBoxLayout()
        for button in (self.import_button, self.rename_button, self.remove_button,
                       self.default_button, self.refresh_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        progress_row = QHBoxLayout()
        progress_row.addWidget(self.import_progress, 1)
        progress_row.addWidget(self.import_cancel_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.details)
        layout.addLayout(buttons)
        layout.addLayout(progress_row)
        layout.addWidget(self.status)
        self._show_importing(False)

        self.view.selectionModel().selectionChanged.connect(self._on_view_selection_changed)
        self.model.modelReset.connect(self._update_buttons)
        self.import_button.clicked.connect(self._on_import_button_clicked)
        self.rename_button.clicked.connect(self._on_rename_button_clicked)
        self.remove_button.clicked.connect(self._on_remove_button_clicked)
        self.default_button.clicked.connect(self._on_default_button_clicked)
        self.refresh_button.clicked.connect(self._on_refresh_button_clicked)
        self.import_cancel_button.clicked.connect(self._on_import_cancel_button_clicked)
        tasks.progressed.connect(self._on_tasks_progressed)
        tasks.succeeded.connect(self._on_tasks_succeeded)
        tasks.failed.connect(self._on_tasks_failed)
        tasks.cancelled.connect(self._on_tasks_cancelled)
        self._retranslate()
        self.refresh()

    def _retranslate(self) -> None:
        self.import_button.setText(self.tr("Import…"))
        self.rename_button.setText(self.tr("Rename…"))
        self.remove_button.setText(self.tr("Remove…"))
        self.default_button.setText(self.tr("Set as default"))
        self.refresh_button.setText(self.tr("Refresh"))
        self.import_cancel_button.setText(self.tr("Cancel import"))
        self.model.retranslate()
        self._update_buttons()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    # -- the list -----------------------------------------------------------------------

    def refresh(self, select: str | None = None) -> None:
        """Re-read the library; keep (or move) the selection by model name."""
        current = self.selected_entry()
        wanted = select or (current.name if current is not None else None)
        try:
            entries = list_models(self._settings)
        except (BaylingError, OSError) as exc:
            entries = []
            self.status.setText(self.tr("The model folder could not be read: {0}").format(
                sentence_text(exc)))
        self.model.set_entries(entries, self._settings)
        row = self.model.row_of(wanted) if wanted else -1
        if row < 0:
            row = next((i for i, e in enumerate(entries) if e.is_default), 0)
        if entries:
            self.view.selectRow(row)
        self._update_buttons()

    def selected_entry(self) -> LocalModel | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.entry_at(rows[0].row()) if rows else None

    def _details_text(self, entry: LocalModel) -> str:
        lines = [entry.title]
        if entry.path is not None:
            lines.append(self.tr("File: {0} ({1})").format(entry.path, size_text(entry.size)))
        info = entry.info
        if info is not None:
            lines.append(self.tr("Architecture {0}, {1}, context {2}, {3} tensors, "
                                 "vocabulary of {4} tokens.").format(
                info.architecture or "?", info.quantization or "?",
                context_text(info.context_length) or "?", info.tensor_count,
                info.vocab_size))
            lines.append(self.tr("Has a chat template.") if info.chat_template
                         else self.tr("No chat template: a prompt format is chosen for it."))
        if entry.error:
            lines.append(sentence_text(entry.error))
        return "\n".join(lines)

    @Slot()
    def _update_buttons(self) -> None:
        entry = self.selected_entry()
        user = entry is not None and not entry.builtin
        busy_default = self._default_job is not None
        self.rename_button.setEnabled(user)
        self.remove_button.setEnabled(user)
        self.default_button.setEnabled(entry is not None and entry.usable
                                       and not entry.is_default and not busy_default)
        self.import_button.setEnabled(self._import_job is None)
        self.details.setText(self._details_text(entry) if entry is not None else "")

    @Slot(QItemSelection, QItemSelection)
    def _on_view_selection_changed(self, selected: QItemSelection,
                                   deselected: QItemSelection) -> None:
        self._update_buttons()

    @Slot()
    def _on_refresh_button_clicked(self) -> None:
        self.refresh()

    def _fail(self, title: str, message: str) -> None:
        QMessageBox.warning(self, title, message)

    # -- import -------------------------------------------------------------------------

    def _show_importing(self, busy: bool) -> None:
        self.import_progress.setVisible(busy)
        self.import_cancel_button.setVisible(busy)
        self.import_button.setEnabled(not busy)

    def start_import(self, path: str) -> None:
        self.import_progress.setValue(0)
        self._show_importing(True)
        self.status.setText(self.tr("Importing {0}…").format(Path(path).name))

        def task(report: Report, cancel: CancelToken) -> object:
            def progress(done: int, total: int) -> None:
                report((done, total))

            return import_model(path, progress=progress, cancel=cancel)

        self._import_job = self._tasks.start(task)

    @Slot()
    def _on_import_button_clicked(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import a GGUF model"), str(Path.home()),
            self.tr("GGUF models (*.gguf);;All files (*)"))
        if path:
            self.start_import(path)

    @Slot()
    def _on_import_cancel_button_clicked(self) -> None:
        if self._import_job is not None:
            self._tasks.cancel(self._import_job)

    # -- rename, remove, default ------------------------------------------------------------

    @Slot()
    def _on_rename_button_clicked(self) -> None:
        entry = self.selected_entry()
        if entry is None or entry.builtin:
            return
        stem = entry.name[:-5] if entry.name.lower().endswith(".gguf") else entry.name
        new_name, accepted = QInputDialog.getText(
            self, self.tr("Rename a model"), self.tr("New file name for {0}:").format(
                entry.name), QLineEdit.EchoMode.Normal, stem)
        if not accepted or not new_name.strip() or new_name.strip() == stem:
            return
        was_default = entry.is_default
        try:
            renamed = rename_model(entry.name, new_name, self._settings)
        except BaylingError as exc:
            self._fail(self.tr("Rename a model"), sentence_text(exc))
            return
        self.refresh(select=renamed.name)
        self.status.setText(self.tr("Renamed {0} to {1}.").format(entry.name, renamed.name))
        if was_default:
            self.settingsEdited.emit(True)

    @Slot()
    def _on_remove_button_clicked(self) -> None:
        entry = self.selected_entry()
        if entry is None or entry.builtin:
            return
        text = self.tr("Delete {0} ({1}) from the disk? This cannot be undone.").format(
            entry.name, size_text(entry.size))
        if entry.is_default:
            text += "\n\n" + self.tr("It is the default model; the built-in model takes "
                                     "its place.")
        answer = QMessageBox.question(
            self, self.tr("Remove a model"), text,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            return
        was_default = entry.is_default
        try:
            remove_model(entry.name, self._settings)
        except BaylingError as exc:
            self._fail(self.tr("Remove a model"), sentence_text(exc))
            return
        self.refresh()
        self.status.setText(self.tr("Removed {0}.").format(entry.name))
        if was_default:
            self.settingsEdited.emit(True)

    @Slot()
    def _on_default_button_clicked(self) -> None:
        entry = self.selected_entry()
        if entry is None or self._default_job is not None:
            return
        # set_default may assemble a built-in model (slow): work on a copy off the GUI
        # thread and take its model_path back when it is done.
        draft = dataclasses.replace(self._settings)
        name = entry.name

        def task(report: Report, cancel: CancelToken) -> object:
            chosen = set_default(draft, name)
            return (chosen.name, draft.model_path)

        self.status.setText(self.tr("Preparing {0}…").format(entry.title))
        self._default_job = self._tasks.start(task)
        self._update_buttons()

    # -- task outcomes --------------------------------------------------------------------

    @Slot(int, object)
    def _on_tasks_progressed(self, job: int, value: object) -> None:
        if job == self._import_job and isinstance(value, tuple) and len(value) == 2:
            done, total = value
            self.import_progress.setValue(int(done * 100 / total) if total else 0)

    @Slot(int, object)
    def _on_tasks_succeeded(self, job: int, result: object) -> None:
        if job == self._import_job:
            self._import_job = None
            self._show_importing(False)
            name = result.name if isinstance(result, LocalModel) else None
            self.refresh(select=name)
            self.status.setText(self.tr("Imported {0}.").format(name))
        elif job == self._default_job:
            self._default_job = None
            if isinstance(result, tuple):
                name, model_path = result
                changed = self._settings.model_path != model_path
                self._settings.model_path = model_path
                self.refresh(select=name)
                chosen = self.model.entry_at(self.model.row_of(name))
                self.status.setText(self.tr("{0} is now the default model.").format(
                    chosen.title if chosen is not None else name))
                if changed:
                    self.settingsEdited.emit(True)
            self._update_buttons()

    @Slot(int, str)
    def _on_tasks_failed(self, job: int, message: str) -> None:
        if job == self._import_job:
            self._import_job = None
            self._show_importing(False)
            self.status.clear()
            self._fail(self.tr("Could not import the model"), message)
            self._update_buttons()
        elif job == self._default_job:
            self._default_job = None
            self.status.clear()
            self._fail(self.tr("Could not set the default model"), message)
            self._update_buttons()

    @Slot(int)
    def _on_tasks_cancelled(self, job: int) -> None:
        if job == self._import_job:
            self._import_job = None
            self._show_importing(False)
            self.status.setText(self.tr("The import was cancelled; nothing was added."))
            self._update_buttons()
        elif job == self._default_job:
            self._default_job = None
            self.status.clear()
            self._update_buttons()
