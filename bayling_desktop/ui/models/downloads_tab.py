"""The Downloads page: Hub transfers with a progress bar each, cancel/resume, the Hub token.

Downloads run through :class:`BackgroundTasks`; the page only turns the plain
progress records the core reports into table rows. A cancelled or interrupted
download keeps its partial file (``models.download`` records it beside the target),
so it shows as paused and Resume continues it, in this session or after a restart.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QItemSelection, QModelIndex, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
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
from ...models.download import (
    DownloadProgress,
    discard_partial,
    download_file,
    pending_downloads,
)
from ...models.secrets import SecretsError, get_hub_token, set_hub_token
from ...paths import models_dir
from ..sentence_text import sentence_text
from .downloads_table import DownloadRow, DownloadState, DownloadTableModel
from .secrets_box import PlaintextOptIn
from .tasks import BackgroundTasks, Report
from .units import size_text

PROGRESS_COLUMN_WIDTH = 240


class DownloadsView(QTableView):
    """A table whose Progress column holds a real QProgressBar per row."""

    def __init__(self, model: DownloadTableModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModel(model)
        self._model = model
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.verticalHeader().setVisible(False)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(DownloadTableModel.PROGRESS, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(DownloadTableModel.PROGRESS, PROGRESS_COLUMN_WIDTH)
        header.setSectionResizeMode(DownloadTableModel.REPOSITORY,
                                    QHeaderView.ResizeMode.Stretch)
        model.rowsInserted.connect(self._on_model_rows_inserted)
        model.dataChanged.connect(self._on_model_data_changed)
        model.modelReset.connect(self._on_model_model_reset)

    def progress_bar(self, row: int) -> QProgressBar | None:
        widget = self.indexWidget(self._model.index(row, DownloadTableModel.PROGRESS))
        return widget if isinstance(widget, QProgressBar) else None

    def _sync(self, row: int) -> None:
        bar = self.progress_bar(row)
        if bar is None:
            bar = QProgressBar(self)
            bar.setRange(0, 100)
            self.setIndexWidget(self._model.index(row, DownloadTableModel.PROGRESS), bar)
        index = self._model.index(row, DownloadTableModel.PROGRESS)
        bar.setValue(int(self._model.data(index, DownloadTableModel.PercentRole) or 0))
        bar.setFormat(str(self._model.data(index) or ""))

    @Slot(QModelIndex, int, int)
    def _on_model_rows_inserted(self, parent: QModelIndex, first: int, last: int) -> None:
        for row in range(first, last + 1):
            self._sync(row)

    @Slot(QModelIndex, QModelIndex, list)
    def _on_model_data_changed(self, top_left: QModelIndex, bottom_right: QModelIndex,
                               roles: list[int]) -> None:
        for row in range(top_left.row(), bottom_right.row() + 1):
            self._sync(row)

    @Slot()
    def _on_model_model_reset(self) -> None:
        for row in range(self._model.rowCount()):
            self._sync(row)


class DownloadsTab(QWidget):
    # the verified file's path, once a download completed
    downloadFinished = Signal(str)
    # settings were edited in place (the plain-file opt-in) and want saving
    settingsEdited = Signal(bool)

    def __init__(self, settings: Settings, tasks: BackgroundTasks,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._settings = settings
        self._tasks = tasks
        # job id -> row key, for the downloads this page started
        self._jobs: dict[int, str] = {}
        self.model = DownloadTableModel(self)
        self.view = DownloadsView(self.model, self)
        self.empty_label = QLabel(self)
        self.empty_label.setWordWrap(True)
        self.cancel_button = QPushButton(self)
        self.resume_button = QPushButton(self)
        self.discard_button = QPushButton(self)
        self.clear_button = QPushButton(self)

        self.token_group = QGroupBox(self)
        self.token_edit = QLineEdit(self.token_group)
        self.token_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.token_save_button = QPushButton(self.token_group)
        self.token_forget_button = QPushButton(self.token_group)
        self.token_status = QLabel(self.token_group)
        self.token_status.setWordWrap(True)
        self.opt_in = PlaintextOptIn(settings, self.token_group)
        token_row = QHBoxLayout()
        token_row.addWidget(self.token_edit, 1)
        token_row.addWidget(self.token_save_button)
        token_row.addWidget(self.token_forget_button)
        token_layout = QVBoxLayout(self.token_group)
        token_layout.addLayout(token_row)
        token_layout.addWidget(self.token_status)
        token_layout.addWidget(self.opt_in)

        buttons = QHBoxLayout()
        for button in (self.cancel_button, self.resume_button, self.discard_button,
                       self.clear_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.empty_label)
        layout.addLayout(buttons)
        layout.addWidget(self.token_group)

        self.view.selectionModel().selectionChanged.connect(self._on_view_selection_changed)
        self.model.dataChanged.connect(self._update_buttons)
        self.model.rowsInserted.connect(self._update_buttons)
        self.model.rowsRemoved.connect(self._update_buttons)
        self.cancel_button.clicked.connect(self._on_cancel_button_clicked)
        self.resume_button.clicked.connect(self._on_resume_button_clicked)
        self.discard_button.clicked.connect(self._on_discard_button_clicked)
        self.clear_button.clicked.connect(self._on_clear_button_clicked)
        self.token_save_button.clicked.connect(self._on_token_save_button_clicked)
        self.token_forget_button.clicked.connect(self._on_token_forget_button_clicked)
        self.opt_in.optInChanged.connect(self._on_opt_in_opt_in_changed)
        tasks.progressed.connect(self._on_tasks_progressed)
        tasks.succeeded.connect(self._on_tasks_succeeded)
        tasks.failed.connect(self._on_tasks_failed)
        tasks.cancelled.connect(self._on_tasks_cancelled)
        self._retranslate()
        self.load_pending()
        self._show_token_status()

    # -- texts --------------------------------------------------------------------------

    def _retranslate(self) -> None:
        self.empty_label.setText(self.tr(
            "Downloads appear here. Choose a model on the Catalog page; nothing is "
            "downloaded until you ask."))
        self.cancel_button.setText(self.tr("Cancel"))
        self.resume_button.setText(self.tr("Resume"))
        self.discard_button.setText(self.tr("Discard…"))
        self.clear_button.setText(self.tr("Clear finished"))
        self.token_group.setTitle(self.tr("Hugging Face access token"))
        self.token_edit.setPlaceholderText(self.tr("hf_… (needed for gated or private "
                                                   "repositories only)"))
        self.token_save_button.setText(self.tr("Save token"))
        self.token_forget_button.setText(self.tr("Forget"))
        self.model.retranslate()
        self._show_token_status()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    # -- downloads ----------------------------------------------------------------------

    def load_pending(self) -> None:
        """Show partial downloads an earlier session left, ready to resume."""
        for pending in pending_downloads(models_dir()):
            current = self.model.get(str(pending.target))
            if current is None or not current.state.active:
                self.model.put(DownloadRow.from_pending(pending))
        self._update_buttons()

    def start(self, repo_id: str, filename: str, revision: str = "main") -> str | None:
        """Start (or resume) a download; return its row key, None if it is already running."""
        target = models_dir() / Path(filename).name
        key = str(target)
        current = self.model.get(key)
        if current is not None and current.state.active:
            QMessageBox.warning(self, self.tr("Already downloading"), self.tr(
                "{0} is already being downloaded.").format(target.name))
            return None
        try:
            token = get_hub_token(self._settings)
        except SecretsError as exc:
            token = None
            QMessageBox.warning(self, self.tr("Hugging Face token"), self.tr(
                "The stored token could not be read, so the download goes without it: "
                "{0}").format(sentence_text(exc)))
        downloaded = current.downloaded if current is not None else 0
        total = current.total if current is not None else 0
        self.model.put(DownloadRow(repo_id, filename, revision, target, DownloadState.STARTING,
                                   downloaded, total))
        directory = target.parent

        def task(report: Report, cancel: CancelToken) -> object:
            return str(download_file(repo_id, filename, revision=revision,
                                     target_dir=directory, token=token, progress=report,
                                     cancel=cancel))

        self._jobs[self._tasks.start(task)] = key
        self.view.selectRow(self.model.find(key))
        return key

    def _job_of(self, key: str) -> int | None:
        return next((job for job, k in self._jobs.items() if k == key), None)

    def _stopped(self, key: str, message: str) -> DownloadRow | None:
        """Mark a stopped download paused when its partial file remains, else failed."""
        for pending in pending_downloads(Path(key).parent):
            if str(pending.target) == key:
                return self.model.update(key, state=DownloadState.PAUSED,
                                         downloaded=pending.downloaded, total=pending.total,
                                         speed=0.0, eta=None, message=message)
        return self.model.update(key, state=DownloadState.FAILED, speed=0.0, eta=None,
                                 message=message)

    @Slot(int, object)
    def _on_tasks_progressed(self, job: int, value: object) -> None:
        key = self._jobs.get(job)
        if key is not None and isinstance(value, DownloadProgress):
            self.model.apply_progress(key, value)

    @Slot(int, object)
    def _on_tasks_succeeded(self, job: int, result: object) -> None:
        key = self._jobs.pop(job, None)
        if key is None:
            return
        row = self.model.get(key)
        total = row.total if row is not None else 0
        self.model.update(key, state=DownloadState.DONE, downloaded=total, speed=0.0,
                          eta=0.0, message="")
        self.downloadFinished.emit(str(result))

    @Slot(int, str)
    def _on_tasks_failed(self, job: int, message: str) -> None:
        key = self._jobs.pop(job, None)
        if key is None:
            return
        row = self._stopped(key, message)
        name = row.filename if row is not None else Path(key).name
        QMessageBox.warning(self, self.tr("Download failed"),
                            self.tr("{0} could not be downloaded.\n\n{1}").format(name, message))

    @Slot(int)
    def _on_tasks_cancelled(self, job: int) -> None:
        key = self._jobs.pop(job, None)
        if key is not None:
            self._stopped(key, "")

    # -- buttons ------------------------------------------------------------------------

    def selected_row(self) -> DownloadRow | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    @Slot()
    def _update_buttons(self) -> None:
        row = self.selected_row()
        state = row.state if row is not None else None
        self.cancel_button.setEnabled(state is not None and state.active)
        self.resume_button.setEnabled(state in (DownloadState.PAUSED, DownloadState.FAILED))
        self.discard_button.setEnabled(state == DownloadState.PAUSED)
        self.clear_button.setEnabled(any(r.state in (DownloadState.DONE, DownloadState.FAILED)
                                         for r in self.model.rows()))
        self.empty_label.setVisible(self.model.rowCount() == 0)

    @Slot(QItemSelection, QItemSelection)
    def _on_view_selection_changed(self, selected: QItemSelection,
                                   deselected: QItemSelection) -> None:
        self._update_buttons()

    @Slot()
    def _on_cancel_button_clicked(self) -> None:
        row = self.selected_row()
        job = self._job_of(row.key) if row is not None else None
        if row is not None and job is not None:
            self._tasks.cancel(job)
            self.model.update(row.key, message=self.tr("cancelling…"))

    @Slot()
    def _on_resume_button_clicked(self) -> None:
        row = self.selected_row()
        if row is not None and not row.state.active:
            self.start(row.repo_id, row.filename, row.revision)

    @Slot()
    def _on_discard_button_clicked(self) -> None:
        row = self.selected_row()
        if row is None or row.state != DownloadState.PAUSED:
            return
        answer = QMessageBox.question(
            self, self.tr("Discard the partial download"),
            self.tr("Delete the {0} already downloaded of {1}? Downloading it again starts "
                    "from the beginning.").format(size_text(row.downloaded), row.filename),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            discard_partial(row.target)
        except OSError as exc:
            QMessageBox.warning(self, self.tr("Discard the partial download"),
                                self.tr("The partial file could not be deleted: {0}")
                                .format(exc.strerror or exc))
            return
        self.model.remove(row.key)

    @Slot()
    def _on_clear_button_clicked(self) -> None:
        for row in self.model.rows():
            if row.state in (DownloadState.DONE, DownloadState.FAILED):
                self.model.remove(row.key)

    # -- the Hub token ------------------------------------------------------------------

    def _show_token_status(self) -> None:
        try:
            stored = get_hub_token(self._settings) is not None
        except SecretsError as exc:
            self.token_status.setText(sentence_text(exc))
            return
        self.token_forget_button.setEnabled(stored)
        self.token_status.setText(
            self.tr("A token is stored; it is sent only to the Hub.") if stored
            else self.tr("No token stored. Public models download without one."))

    def _store_token(self, token: str) -> None:
        try:
            set_hub_token(token, self._settings)
        except SecretsError as exc:
            self.opt_in.refresh()
            QMessageBox.warning(self, self.tr("Hugging Face access token"),
                                sentence_text(exc))
            return
        self.token_edit.clear()
        self._show_token_status()

    @Slot()
    def _on_token_save_button_clicked(self) -> None:
        token = self.token_edit.text().strip()
        if token:
            self._store_token(token)

    @Slot()
    def _on_token_forget_button_clicked(self) -> None:
        self._store_token("")

    @Slot(bool)
    def _on_opt_in_opt_in_changed(self, allowed: bool) -> None:
        self.settingsEdited.emit(False)
        self._show_token_status()
