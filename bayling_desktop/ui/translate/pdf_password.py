"""The password of an encrypted PDF, asked for when the file is opened in the window.

The core opens such a file with the password it is given (``--password`` on the command
line); here the controller says a password is needed (``passwordNeeded``) and the user
types it. A wrong one asks again, saying so; Cancel opens nothing (no half-open
document, no project). The password stays in memory with the open document (to write
the translated PDF), never in the settings or the projects database.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QInputDialog, QLineEdit, QWidget

from .open_document import OpenRequest
from .parts import ViewPart

if TYPE_CHECKING:
    from .workspace_view import TranslateWorkspace


class PasswordDialog(QInputDialog):
    """One password field, its text hidden, naming the file (and a wrong first try)."""

    def __init__(self, name: str, wrong: bool, parent: QWidget) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Password needed"))
        self.setInputMode(QInputDialog.InputMode.TextInput)
        self.setTextEchoMode(QLineEdit.EchoMode.Password)
        label = self.tr("{0} is protected by a password. Password:").format(name)
        if wrong:
            label = self.tr("The password for {0} is wrong; try again:").format(name)
        self.setLabelText(label)
        self.setOkButtonText(self.tr("Open"))


def ask_password(parent: QWidget, name: str, wrong: bool) -> str | None:
    """The password the user typed for *name*, or None when they cancelled."""
    dialog = PasswordDialog(name, wrong, parent)
    accepted = dialog.exec()
    text = dialog.textValue()
    dialog.deleteLater()
    return text if accepted and text else None


class PasswordPrompt(ViewPart):
    """Asks for the password whenever the controller finds an encrypted PDF."""

    def __init__(self, view: TranslateWorkspace) -> None:
        super().__init__(view)
        view.controller.passwordNeeded.connect(self._on_controller_password_needed)

    @Slot(object, object)
    def _on_controller_password_needed(self, path: Path, request: OpenRequest) -> None:
        password = ask_password(self.view, path.name, wrong=request.password is not None)
        if password is None:
            self.view.show_message(self.tr("{0} was not opened: it needs its password.")
                                   .format(path.name))
            return
        self.controller.opener.open_with_password(request, password)
