"""The notice shown when no OS keyring exists, with the explicit plain-file opt-in."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal, Slot
from PySide6.QtWidgets import QCheckBox, QLabel, QVBoxLayout, QWidget

from ...config import Settings
from ...models.secrets import keyring_available, plaintext_path


class PlaintextOptIn(QWidget):
    """Hidden while a keyring works; otherwise says so and offers the opt-in.

    The checkbox edits ``settings.allow_plaintext_secrets`` in place and announces it
    with ``optInChanged`` so the owner saves the settings.
    """

    optInChanged = Signal(bool)

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._settings = settings
        self.notice = QLabel(self)
        self.notice.setWordWrap(True)
        self.checkbox = QCheckBox(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.notice)
        layout.addWidget(self.checkbox)
        self.checkbox.toggled.connect(self._on_checkbox_toggled)
        self._retranslate()
        self.refresh()

    def _retranslate(self) -> None:
        self.notice.setText(self.tr(
            "No system keyring is available, so tokens and API keys cannot be stored "
            "safely. Install or unlock one (GNOME Keyring, KWallet, macOS Keychain, Windows "
            "Credential Manager), or allow a plain file that only your account can read:"))
        self.checkbox.setText(self.tr("Store secrets in {0} (not encrypted)").format(
            plaintext_path()))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def refresh(self) -> None:
        self.checkbox.blockSignals(True)
        self.checkbox.setChecked(self._settings.allow_plaintext_secrets)
        self.checkbox.blockSignals(False)
        self.setVisible(not keyring_available())

    @Slot(bool)
    def _on_checkbox_toggled(self, checked: bool) -> None:
        self._settings.allow_plaintext_secrets = checked
        self.optInChanged.emit(checked)
