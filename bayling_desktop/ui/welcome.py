"""First start without a model: offer the built-in model, an import, or the manager."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QFileDialog,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..config import Settings
from ..models.selection import asked_model
from ..paths import embedded_models_dir


def default_model_ready() -> bool:
    from ..models.embedded import DEFAULT_MODEL

    path = embedded_models_dir() / DEFAULT_MODEL.file_name
    return path.is_file() and path.stat().st_size == DEFAULT_MODEL.size


def needs_welcome(settings: Settings, model: str | None) -> bool:
    """True when nothing says which model to load and the default is not assembled yet."""
    if settings.backend != "local" or asked_model(settings, model) is not None:
        return False
    return not default_model_ready()


class WelcomePage(QWidget):
    builtinRequested = Signal()
    importRequested = Signal(str)
    managerRequested = Signal()
    # back to the documents without choosing a model now
    backRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel(self)
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.text = QLabel(self)
        self.text.setWordWrap(True)
        self.text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.builtin_button = QPushButton(self)
        self.import_button = QPushButton(self)
        self.manager_button = QPushButton(self)
        self.back_button = QPushButton(self)
        self.back_button.hide()  # only when a document is open behind the page
        self.progress = QProgressBar(self)
        self.progress.hide()
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.setAlignment(Qt.AlignmentFlag.AlignCenter)
        column = QVBoxLayout()
        column.addStretch(1)
        for widget in (self.title, self.text, self.builtin_button, self.import_button,
                       self.manager_button, self.back_button, self.progress, self.status):
            column.addWidget(widget)
        column.addStretch(2)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(80, 20, 80, 20)
        outer.addLayout(column)
        self.builtin_button.clicked.connect(self._on_builtin_button_clicked)
        self.import_button.clicked.connect(self._on_import_button_clicked)
        self.manager_button.clicked.connect(self.managerRequested)
        self.back_button.clicked.connect(self.backRequested)
        self._retranslate()

    def _retranslate(self) -> None:
        self.title.setText("<h2>" + self.tr("Welcome to BayLing Desktop") + "</h2>")
        self.text.setText(self.tr("Choose a model to start. Everything runs on this "
                                  "computer; nothing is sent anywhere."))
        self.builtin_button.setText(self.tr("Use the built-in model"))
        self.import_button.setText(self.tr("Import a .gguf…"))
        self.manager_button.setText(self.tr("Model manager…"))
        self.back_button.setText(self.tr("Back to the document"))

    def show_back(self, shown: bool) -> None:
        self.back_button.setVisible(shown)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def set_busy(self, busy: bool) -> None:
        for button in (self.builtin_button, self.import_button, self.manager_button):
            button.setEnabled(not busy)
        self.progress.setVisible(busy)
        if busy:
            self.progress.setRange(0, 0)

    def set_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(min(done, total))

    def set_status(self, text: str) -> None:
        self.status.setText(text)

    @Slot()
    def _on_builtin_button_clicked(self) -> None:
        self.set_status(self.tr("Preparing the built-in model…"))
        self.builtinRequested.emit()

    @Slot()
    def _on_import_button_clicked(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Import a model"), "",
                                              self.tr("GGUF models (*.gguf);;All files (*)"))
        if name:
            self.importRequested.emit(name)
