"""A simple list of the models BayLing Desktop knows; the model manager replaces it."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QListWidget, QVBoxLayout, QWidget

from ...config import Settings
from ...errors import BaylingError


class ModelListDialog(QDialog):
    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Models"))
        self.list_widget = QListWidget(self)
        self.hint = QLabel(self.tr("Downloading and importing models comes with the model "
                                   "manager; for now choose a file in Settings."), self)
        self.hint.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list_widget)
        layout.addWidget(self.hint)
        layout.addWidget(buttons)
        self._fill(settings)

    def _fill(self, settings: Settings) -> None:
        try:
            from ...models.library import list_models

            entries = list_models(settings)
        except (ImportError, BaylingError, OSError) as exc:
            self.list_widget.addItem(self.tr("The model list is unavailable: {0}").format(exc))
            return
        for entry in entries:
            state = self.tr("default") if entry.is_default else ""
            if entry.error:
                state = entry.error
            elif entry.path is None:
                state = self.tr("not assembled yet")
            text = entry.title + (f" — {state}" if state else "")
            self.list_widget.addItem(text)
