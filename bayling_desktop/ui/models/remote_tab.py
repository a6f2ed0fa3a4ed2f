"""The Remote server page: use an OpenAI-compatible server instead of the local model.

The API key goes to the keyring (per server address) and never into the settings
file. Probing the server ("Fetch models", "Test connection") is network I/O, so it
runs through :class:`BackgroundTasks`.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal, Slot
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ...config import Settings
from ...engine.backend import CancelToken
from ...engine.remote import RemoteBackend
from ...errors import BaylingError
from ...models.secrets import SecretsError, get_remote_api_key, set_remote_api_key
from ..sentence_text import sentence_text
from .secrets_box import PlaintextOptIn
from .tasks import BackgroundTasks, Report

MAX_CONCURRENCY = 32
# how long a probe waits for the server to accept the connection
PROBE_CONNECT_TIMEOUT_S = 5.0


class RemoteTab(QWidget):
    # settings were edited in place; True when the backend to load changed
    settingsEdited = Signal(bool)

    def __init__(self, settings: Settings, tasks: BackgroundTasks,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._settings = settings
        self._tasks = tasks
        self._fetch_job: int | None = None
        self._test_job: int | None = None
        self.local_radio = QRadioButton(self)
        self.remote_radio = QRadioButton(self)
        self.backend_group = QButtonGroup(self)
        self.backend_group.addButton(self.local_radio)
        self.backend_group.addButton(self.remote_radio)
        self.url_edit = QLineEdit(self)
        self.model_combo = QComboBox(self)
        self.model_combo.setEditable(True)
        self.fetch_button = QPushButton(self)
        self.key_edit = QLineEdit(self)
        self.key_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.key_status = QLabel(self)
        self.key_status.setWordWrap(True)
        self.concurrency_spin = QSpinBox(self)
        self.concurrency_spin.setRange(1, MAX_CONCURRENCY)
        self.test_button = QPushButton(self)
        self.save_button = QPushButton(self)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.opt_in = PlaintextOptIn(settings, self)

        model_row = QHBoxLayout()
        model_row.addWidget(self.model_combo, 1)
        model_row.addWidget(self.fetch_button)
        self.url_label = QLabel(self)
        self.model_label = QLabel(self)
        self.key_label = QLabel(self)
        self.concurrency_label = QLabel(self)
        form = QFormLayout()
        form.addRow(self.url_label, self.url_edit)
        form.addRow(self.model_label, model_row)
        form.addRow(self.key_label, self.key_edit)
        form.addRow("", self.key_status)
        form.addRow(self.concurrency_label, self.concurrency_spin)
        buttons = QHBoxLayout()
        buttons.addWidget(self.test_button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.local_radio)
        layout.addWidget(self.remote_radio)
        layout.addLayout(form)
        layout.addWidget(self.opt_in)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        layout.addStretch(1)

        self.url_edit.editingFinished.connect(self._on_url_edit_editing_finished)
        self.fetch_button.clicked.connect(self._on_fetch_button_clicked)
        self.test_button.clicked.connect(self._on_test_button_clicked)
        self.save_button.clicked.connect(self._on_save_button_clicked)
        self.opt_in.optInChanged.connect(self._on_opt_in_opt_in_changed)
        tasks.succeeded.connect(self._on_tasks_succeeded)
        tasks.failed.connect(self._on_tasks_failed)
        tasks.cancelled.connect(self._on_tasks_cancelled)
        self._retranslate()
        self.load()

    def _retranslate(self) -> None:
        self.local_radio.setText(self.tr("Run the model on this computer (llama.cpp)"))
        self.remote_radio.setText(self.tr("Use an OpenAI-compatible server (llama-server, "
                                          "vLLM, Ollama…)"))
        self.url_edit.setPlaceholderText("http://127.0.0.1:8080/v1")
        line_edit = self.model_combo.lineEdit()
        if line_edit is not None:
            line_edit.setPlaceholderText(self.tr("the server's default model"))
        self.fetch_button.setText(self.tr("Fetch models"))
        self.key_edit.setPlaceholderText(self.tr("leave empty to keep the stored key"))
        self.test_button.setText(self.tr("Test connection"))
        self.save_button.setText(self.tr("Save"))
        self.url_label.setText(self.tr("Server address:"))
        self.model_label.setText(self.tr("Model name:"))
        self.key_label.setText(self.tr("API key:"))
        self.concurrency_label.setText(self.tr("Requests at once:"))
        self.concurrency_spin.setToolTip(self.tr(
            "How many segments a document translation sends to the server at the same time."))
        self._show_key_status()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def load(self) -> None:
        s = self._settings
        (self.remote_radio if s.backend == "openai" else self.local_radio).setChecked(True)
        self.url_edit.setText(s.remote_base_url)
        self.model_combo.setEditText(s.remote_model)
        self.concurrency_spin.setValue(max(1, min(MAX_CONCURRENCY, s.remote_concurrency)))
        self.key_edit.clear()
        self._show_key_status()

    def _stored_key(self, url: str) -> str | None:
        if not url:
            return None
        try:
            return get_remote_api_key(url, self._settings)
        except SecretsError:
            return None

    def _show_key_status(self) -> None:
        url = self.url_edit.text().strip()
        self.key_status.setText(
            self.tr("A key for this server is stored in the keyring.")
            if self._stored_key(url) else self.tr("No key stored for this server."))

    @Slot()
    def _on_url_edit_editing_finished(self) -> None:
        self._show_key_status()

    @Slot(bool)
    def _on_opt_in_opt_in_changed(self, allowed: bool) -> None:
        self.settingsEdited.emit(False)
        self._show_key_status()

    # -- probing the server ---------------------------------------------------------------

    def _probe_backend(self) -> RemoteBackend | None:
        url = self.url_edit.text().strip()
        if not url:
            QMessageBox.warning(self, self.tr("Remote server"),
                                self.tr("Enter the server address first."))
            return None
        key = self.key_edit.text().strip() or self._stored_key(url)
        try:
            return RemoteBackend(url, self.model_combo.currentText(), key,
                                 connect_timeout=PROBE_CONNECT_TIMEOUT_S)
        except BaylingError as exc:
            QMessageBox.warning(self, self.tr("Remote server"), sentence_text(exc))
            return None

    def _start_probe(self) -> int | None:
        backend = self._probe_backend()
        if backend is None:
            return None

        def task(report: Report, cancel: CancelToken) -> object:
            return backend.list_server_models()

        self.fetch_button.setEnabled(False)
        self.test_button.setEnabled(False)
        self.status.setText(self.tr("Contacting {0}…").format(self.url_edit.text().strip()))
        return self._tasks.start(task)

    @Slot()
    def _on_fetch_button_clicked(self) -> None:
        if self._fetch_job is None and self._test_job is None:
            self._fetch_job = self._start_probe()

    @Slot()
    def _on_test_button_clicked(self) -> None:
        if self._fetch_job is None and self._test_job is None:
            self._test_job = self._start_probe()

    def _probe_done(self) -> None:
        self._fetch_job = self._test_job = None
        self.fetch_button.setEnabled(True)
        self.test_button.setEnabled(True)

    @Slot(int, object)
    def _on_tasks_succeeded(self, job: int, result: object) -> None:
        if job not in (self._fetch_job, self._test_job):
            return
        testing = job == self._test_job
        self._probe_done()
        names = [str(name) for name in result] if isinstance(result, list) else []
        if testing:
            text = self.tr("Connected. The server offers {0} model(s): {1}").format(
                len(names), ", ".join(names) or "—")
            wanted = self.model_combo.currentText().strip()
            if wanted and names and wanted not in names:
                text += " " + self.tr("It does not list “{0}”; requests may fail.").format(
                    wanted)
            self.status.setText(text)
            return
        current = self.model_combo.currentText()
        self.model_combo.clear()
        self.model_combo.addItems(names)
        self.model_combo.setEditText(current if current or not names else names[0])
        self.status.setText(self.tr("The server offers {0} model(s).").format(len(names)))

    @Slot(int, str)
    def _on_tasks_failed(self, job: int, message: str) -> None:
        if job not in (self._fetch_job, self._test_job):
            return
        self._probe_done()
        self.status.setText(self.tr("The connection failed."))
        QMessageBox.warning(self, self.tr("Remote server"), message)

    @Slot(int)
    def _on_tasks_cancelled(self, job: int) -> None:
        if job in (self._fetch_job, self._test_job):
            self._probe_done()
            self.status.clear()

    # -- saving ---------------------------------------------------------------------------

    def save(self) -> bool:
        """Store the form in the settings (and the key in the keyring); False if refused."""
        url = self.url_edit.text().strip()
        remote = self.remote_radio.isChecked()
        if remote and not url:
            QMessageBox.warning(self, self.tr("Remote server"), self.tr(
                "Enter the server address to use a remote server."))
            return False
        if url:
            try:
                RemoteBackend(url)
            except BaylingError as exc:
                QMessageBox.warning(self, self.tr("Remote server"), sentence_text(exc))
                return False
        key = self.key_edit.text().strip()
        if key:
            try:
                set_remote_api_key(url, key, self._settings)
            except SecretsError as exc:
                self.opt_in.refresh()
                QMessageBox.warning(self, self.tr("API key"), sentence_text(exc))
                return False
            self.key_edit.clear()
        s = self._settings
        values = {"backend": "openai" if remote else "local", "remote_base_url": url,
                  "remote_model": self.model_combo.currentText().strip(),
                  "remote_concurrency": self.concurrency_spin.value()}
        changed = any(getattr(s, name) != value for name, value in values.items())
        for name, value in values.items():
            setattr(s, name, value)
        self._show_key_status()
        self.status.setText(self.tr("Saved."))
        if changed or (key and remote):
            self.settingsEdited.emit(True)
        return True

    @Slot()
    def _on_save_button_clicked(self) -> None:
        self.save()
