"""File ▸ Open recent: the documents opened lately, newest first, kept in the settings."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, Signal, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QWidget

from ..config import Settings

MAX_RECENT = 12


def remember(recent: list[str], paths: list[Path], limit: int = MAX_RECENT) -> list[str]:
    """*recent* with *paths* moved to the front (newest first), without duplicates."""
    fresh = [str(p.absolute()) for p in paths]
    merged = list(dict.fromkeys(reversed(fresh)))
    merged += [p for p in recent if p not in merged]
    return merged[:limit]


class RecentFilesMenu(QMenu):
    """Rebuilt from the settings each time it opens, so it never shows a stale list."""

    # the user picked this file
    fileChosen = Signal(object)
    # the list changed (cleared, or a vanished file dropped): the settings want saving
    listChanged = Signal()

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.file_actions: list[QAction] = []
        self._separator = self.addSeparator()
        self.clear_action = QAction(self)
        self.clear_action.triggered.connect(self._on_clear_action_triggered)
        self.addAction(self.clear_action)
        self.aboutToShow.connect(self.rebuild)
        self._retranslate()
        self.rebuild()

    def _retranslate(self) -> None:
        self.setTitle(self.tr("Open &recent"))
        self.clear_action.setText(self.tr("&Clear the list"))
        self.rebuild()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    @Slot()
    def rebuild(self) -> None:
        # clear_action stays put and the file actions go before it: QMenu cuts every
        # connection from a removed action to the menu, so re-adding it would lose ours.
        for action in self.file_actions:
            self.removeAction(action)
            action.deleteLater()
        self.file_actions = []
        for number, name in enumerate(self.settings.recent_files, start=1):
            path = Path(name)
            # "&1 report.docx": the number is the keyboard accelerator (1-9)
            prefix = f"&{number} " if number < 10 else ""
            action = QAction(prefix + path.name.replace("&", "&&"), self)
            action.setToolTip(name)
            action.setStatusTip(name)
            action.setData(name)
            action.triggered.connect(self._on_file_action_triggered)
            self.insertAction(self._separator, action)
            self.file_actions.append(action)
        self._separator.setVisible(bool(self.settings.recent_files))
        self.clear_action.setEnabled(bool(self.settings.recent_files))
        self.menuAction().setEnabled(bool(self.settings.recent_files))

    @Slot()
    def _on_file_action_triggered(self) -> None:
        action = self.sender()
        if not isinstance(action, QAction):
            return
        self.fileChosen.emit(Path(str(action.data())))

    def forget(self, path: Path) -> None:
        """Drop *path* (it vanished) from the list."""
        self.settings.recent_files = [p for p in self.settings.recent_files if p != str(path)]
        self.listChanged.emit()
        self.rebuild()

    @Slot()
    def _on_clear_action_triggered(self) -> None:
        self.settings.recent_files = []
        self.listChanged.emit()
        self.rebuild()
