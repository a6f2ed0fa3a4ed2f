"""The main window's menu bar: its menus, actions, shortcuts and words.

Only building and naming live here; the window connects the actions. The words keep
the main window's translation context, so moving them here changed no translation.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu

from ..config import Settings
from .recent_menu import RecentFilesMenu


class MainMenus:
    def __init__(self, window: QMainWindow, settings: Settings) -> None:
        self._window = window
        bar = window.menuBar()
        self.file_menu = bar.addMenu("")
        self.open_action = self._action(self.file_menu, QKeySequence.StandardKey.Open)
        self.recent_menu = RecentFilesMenu(settings, window)
        self.file_menu.addMenu(self.recent_menu)
        self.export_action = self._action(self.file_menu, "Ctrl+S")
        self.file_menu.addSeparator()
        self.quit_action = self._action(self.file_menu, "Ctrl+Q")
        self.edit_menu = bar.addMenu("")
        self.undo_action = self._action(self.edit_menu, QKeySequence.StandardKey.Undo)
        self.redo_action = self._action(self.edit_menu, QKeySequence.StandardKey.Redo)
        self.edit_menu.addSeparator()
        self.find_action = self._action(self.edit_menu, QKeySequence.StandardKey.Find)
        self.edit_menu.addSeparator()
        self.settings_action = self._action(self.edit_menu, "Ctrl+,")
        self.settings_action.setMenuRole(QAction.MenuRole.PreferencesRole)
        self.view_menu = bar.addMenu("")
        self.show_translate_action = self._action(self.view_menu, "Ctrl+1")
        self.show_chat_action = self._action(self.view_menu, "Ctrl+2")
        self.model_menu = bar.addMenu("")
        self.send_action = self._action(self.model_menu, "Ctrl+Return")
        self.stop_action = self._action(self.model_menu, "Esc")
        self.model_menu.addSeparator()
        self.reload_action = self._action(self.model_menu)
        self.models_action = self._action(self.model_menu)
        self.help_menu = bar.addMenu("")
        self.about_action = self._action(self.help_menu)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self.stop_action.setEnabled(False)

    def _action(self, menu: QMenu,
                shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None) -> QAction:
        action = QAction(self._window)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        menu.addAction(action)
        return action

    def retranslate(self) -> None:
        """Called from the window's LanguageChange (the words are the window's)."""
        texts = (
            (self.file_menu.setTitle, QCoreApplication.translate("MainWindow", "&File")),
            (self.open_action.setText, QCoreApplication.translate("MainWindow", "&Open…")),
            (self.export_action.setText,
             QCoreApplication.translate("MainWindow", "&Export…")),
            (self.quit_action.setText, QCoreApplication.translate("MainWindow", "&Quit")),
            (self.edit_menu.setTitle, QCoreApplication.translate("MainWindow", "&Edit")),
            (self.undo_action.setText, QCoreApplication.translate("MainWindow", "&Undo")),
            (self.redo_action.setText, QCoreApplication.translate("MainWindow", "&Redo")),
            (self.find_action.setText, QCoreApplication.translate("MainWindow", "&Find…")),
            (self.settings_action.setText,
             QCoreApplication.translate("MainWindow", "&Settings…")),
            (self.view_menu.setTitle, QCoreApplication.translate("MainWindow", "&View")),
            (self.show_translate_action.setText,
             QCoreApplication.translate("MainWindow", "&Translate")),
            (self.show_chat_action.setText,
             QCoreApplication.translate("MainWindow", "&Chat")),
            (self.model_menu.setTitle, QCoreApplication.translate("MainWindow", "&Model")),
            (self.send_action.setText, QCoreApplication.translate("MainWindow", "&Send")),
            (self.stop_action.setText, QCoreApplication.translate("MainWindow", "S&top")),
            (self.reload_action.setText,
             QCoreApplication.translate("MainWindow", "&Reload model")),
            (self.models_action.setText,
             QCoreApplication.translate("MainWindow", "Model &manager…")),
            (self.help_menu.setTitle, QCoreApplication.translate("MainWindow", "&Help")),
            (self.about_action.setText,
             QCoreApplication.translate("MainWindow", "&About BayLing Desktop")),
        )
        for setter, text in texts:
            setter(text)
