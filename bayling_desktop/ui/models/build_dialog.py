"""Model manager ▸ Build from Hugging Face…: BayLing 2 safetensors → a GGUF in the library.

A thin front end over ``models.build.pipeline.build_model`` (the CLI's ``models
build`` runs the same call): one progress bar per stage with its ETA, Cancel at any
stage (no half model file is left; a partial download resumes next time), and the
result's path and prompt format when it is done. The build runs on a thread from
:class:`BackgroundTasks`; only plain :class:`BuildProgress` values cross threads.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...config import Settings
from ...engine.backend import CancelToken
from ...models import catalog, secrets
from ...models.build.common import BuildProgress
from ...models.build.pipeline import BuildResult, build_model
from ...models.build.quantize import QUANT_TYPES
from .tasks import BackgroundTasks, Report
from .units import duration_text, size_text

STAGES = ("download", "convert", "quantize")


class BuildDialog(QDialog):
    # the path of the finished GGUF (already in the library)
    modelBuilt = Signal(str)

    def __init__(self, settings: Settings, tasks: BackgroundTasks, source: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._settings = settings
        self._tasks = tasks
        self._job: int | None = None
        self.source_combo = QComboBox(self)
        self.source_combo.setEditable(True)
        for entry in catalog.CATALOG:
            if entry.buildable:
                self.source_combo.addItem(entry.repo_id)
        if source:
            self.source_combo.setEditText(source)
        self.folder_button = QPushButton(self)
        self.quant_combo = QComboBox(self)
        self.quant_combo.addItems(list(QUANT_TYPES))
        self.source_label = QLabel(self)
        self.quant_label = QLabel(self)
        self.stage_labels = {stage: QLabel(self) for stage in STAGES}
        self.bars = {stage: QProgressBar(self) for stage in STAGES}
        self.eta_labels = {stage: QLabel(self) for stage in STAGES}
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.buttons = QDialogButtonBox(self)
        self.start_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.ActionRole)
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.cancel_button.setEnabled(False)

        source_row = QHBoxLayout()
        source_row.addWidget(self.source_combo, 1)
        source_row.addWidget(self.folder_button)
        form = QFormLayout()
        form.addRow(self.source_label, source_row)
        form.addRow(self.quant_label, self.quant_combo)
        for stage in STAGES:
            row = QHBoxLayout()
            row.addWidget(self.bars[stage], 1)
            row.addWidget(self.eta_labels[stage])
            self.bars[stage].setRange(0, 1000)
            self.bars[stage].setValue(0)
            form.addRow(self.stage_labels[stage], row)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self.resize(640, 280)

        self.folder_button.clicked.connect(self._on_folder_button_clicked)
        self.start_button.clicked.connect(self._on_start_button_clicked)
        self.cancel_button.clicked.connect(self._on_cancel_button_clicked)
        self.close_button.clicked.connect(self.reject)
        tasks.progressed.connect(self._on_tasks_progressed)
        tasks.succeeded.connect(self._on_tasks_succeeded)
        tasks.failed.connect(self._on_tasks_failed)
        tasks.cancelled.connect(self._on_tasks_cancelled)
        self._retranslate()

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Build from Hugging Face"))
        self.source_label.setText(self.tr("Repository or folder:"))
        self.quant_label.setText(self.tr("Quantization:"))
        self.folder_button.setText(self.tr("Choose folder…"))
        self.start_button.setText(self.tr("Build"))
        self.cancel_button.setText(self.tr("Cancel build"))
        names = {"download": self.tr("Download"), "convert": self.tr("Convert"),
                 "quantize": self.tr("Quantize")}
        for stage in STAGES:
            self.stage_labels[stage].setText(names[stage])
        if self._job is None and not self.status.text():
            self.status.setText(self.tr(
                "Downloads the safetensors of a BayLing 2 model (or reads a local checkpoint "
                "folder), converts them to GGUF with BayLing's prompt format inside, "
                "quantizes the result and adds it to your models."))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    @property
    def running(self) -> bool:
        return self._job is not None

    def start(self) -> int:
        """Start the build with the fields' values; returns the job id."""
        source = self.source_combo.currentText().strip()
        quant = self.quant_combo.currentText()
        token = secrets.get_hub_token(self._settings)
        threads = self._settings.threads

        def run(report: Report, cancel: CancelToken) -> BuildResult:
            return build_model(source, quant=quant, token=token, threads=threads,
                               progress=report, cancel=cancel)

        for bar in self.bars.values():
            bar.setValue(0)
        for label in self.eta_labels.values():
            label.clear()
        self._set_running(True)
        self.status.setText(self.tr("Checking {0}…").format(source))
        self._job = self._tasks.start(run)
        return self._job

    def _set_running(self, running: bool) -> None:
        self.start_button.setEnabled(not running)
        self.cancel_button.setEnabled(running)
        self.source_combo.setEnabled(not running)
        self.quant_combo.setEnabled(not running)
        self.folder_button.setEnabled(not running)

    def _finish(self) -> None:
        self._job = None
        self._set_running(False)

    def done(self, result: int) -> None:
        if self._job is not None:
            self._tasks.cancel(self._job)
        super().done(result)

    @Slot()
    def _on_folder_button_clicked(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Checkpoint folder"))
        if folder:
            self.source_combo.setEditText(folder)

    @Slot()
    def _on_start_button_clicked(self) -> None:
        if self._job is None and self.source_combo.currentText().strip():
            self.start()

    @Slot()
    def _on_cancel_button_clicked(self) -> None:
        if self._job is not None:
            self._tasks.cancel(self._job)
            self.status.setText(self.tr("Cancelling…"))

    @Slot(int, object)
    def _on_tasks_progressed(self, job: int, value: object) -> None:
        if job != self._job or not isinstance(value, BuildProgress):
            return
        if value.stage not in self.bars:
            return
        position = STAGES.index(value.stage)
        for earlier in STAGES[:position]:
            self.bars[earlier].setValue(1000)
            self.eta_labels[earlier].clear()
        self.bars[value.stage].setValue(int(value.fraction * 1000))
        eta = duration_text(value.eta)
        self.eta_labels[value.stage].setText(
            self.tr("{0} left").format(eta) if eta else "")
        self.status.setText(self.tr("{0}: {1} of {2} {3}").format(
            self.stage_labels[value.stage].text(), size_text(value.done),
            size_text(value.total), value.detail).strip())

    @Slot(int, object)
    def _on_tasks_succeeded(self, job: int, result: object) -> None:
        if job != self._job:
            return
        self._finish()
        if isinstance(result, BuildResult):
            for bar in self.bars.values():
                bar.setValue(1000)
            self.status.setText(self.tr("Built {0} (prompt format {1}); it is now in your "
                                        "models.").format(Path(result.path).name,
                                                          result.prompt_format))
            self.modelBuilt.emit(str(result.path))

    @Slot(int, str)
    def _on_tasks_failed(self, job: int, message: str) -> None:
        if job == self._job:
            self._finish()
            self.status.setText(message)

    @Slot(int)
    def _on_tasks_cancelled(self, job: int) -> None:
        if job == self._job:
            self._finish()
            self.status.setText(self.tr("The build was cancelled; no model file was left "
                                        "behind. A partial download resumes next time."))
