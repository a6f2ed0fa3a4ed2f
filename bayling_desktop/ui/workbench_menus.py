"""The translator's workbench in the menu bar: Close document, Replace, the Segment
menu (the same actions as the right-click menu) and Help ▸ Keyboard shortcuts.

Kept apart from ``menus.py`` so the window's own menus stay short; everything here is
added to those menus at the places a CAT-tool user looks for it, and re-worded on a
UI language switch like the rest.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu

from .help_shortcuts import ShortcutsDialog, shortcut_rows
from .translate.glossaries_dialog import open_glossaries
from .translate.replace_dialog import open_replace

if TYPE_CHECKING:
    from .menus import MainMenus
    from .translate.workspace_view import TranslateWorkspace


class WorkbenchMenus(QObject):
    def __init__(self, window: QMainWindow, menus: MainMenus,
                 workspace: TranslateWorkspace) -> None:
        super().__init__(window)
        self.window = window
        self.menus = menus
        self.workspace = workspace
        self.export_review_action = QAction(window)
        self.export_review_action.setShortcut(QKeySequence("Ctrl+Shift+E"))
        self.import_review_action = QAction(window)
        self.import_review_action.setShortcut(QKeySequence("Ctrl+Shift+I"))
        for action in (self.export_review_action, self.import_review_action):
            menus.file_menu.insertAction(menus.quit_action, action)
        menus.file_menu.insertSeparator(menus.quit_action)
        self.close_action = QAction(window)
        self.close_action.setShortcut(QKeySequence("Ctrl+W"))
        menus.file_menu.insertAction(menus.quit_action, self.close_action)
        menus.file_menu.insertSeparator(menus.quit_action)
        self.replace_action = QAction(window)
        self.replace_action.setShortcut(QKeySequence("Ctrl+H"))
        edit_actions = menus.edit_menu.actions()
        after_find = edit_actions[edit_actions.index(menus.find_action) + 1]
        menus.edit_menu.insertAction(after_find, self.replace_action)
        self.glossaries_action = QAction(window)
        self.glossaries_action.setShortcut(QKeySequence("Ctrl+Shift+G"))
        menus.edit_menu.insertAction(after_find, self.glossaries_action)
        self.segment_menu = QMenu(window)
        for number, action in enumerate(workspace.segment_actions.all):
            if number == 3:
                self.segment_menu.addSeparator()
            self.segment_menu.addAction(action)
        self.segment_menu.addSeparator()
        self.segment_menu.addActions(workspace.segment_actions.splitting.actions)
        self.segment_menu.addSeparator()
        self.segment_menu.addAction(workspace.segment_actions.check_spelling)
        self.segment_menu.aboutToShow.connect(workspace.segment_actions.update_enabled)
        window.menuBar().insertMenu(menus.model_menu.menuAction(), self.segment_menu)
        self.shortcuts_action = QAction(window)
        self.shortcuts_action.setShortcut(QKeySequence("F1"))
        menus.help_menu.insertAction(menus.about_action, self.shortcuts_action)
        self.close_action.triggered.connect(self._on_close_action_triggered)
        self.replace_action.triggered.connect(self._on_replace_action_triggered)
        self.glossaries_action.triggered.connect(self._on_glossaries_action_triggered)
        self.export_review_action.triggered.connect(self._on_export_review_action_triggered)
        self.import_review_action.triggered.connect(self._on_import_review_action_triggered)
        self.shortcuts_action.triggered.connect(self.show_shortcuts)
        self.dialog: ShortcutsDialog | None = None
        from .translate.pdf_preview import PdfPreview

        #: View ▸ Page preview (Ctrl+3): a PDF's page and its translation, beside the table
        self.pdf_preview = PdfPreview(window, menus, workspace)
        window.installEventFilter(self)
        self.retranslate()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        return super().eventFilter(watched, event)

    def retranslate(self) -> None:
        self.close_action.setText(self.tr("&Close document"))
        self.export_review_action.setText(self.tr("Export re&view file…"))
        self.import_review_action.setText(self.tr("&Import review…"))
        self.replace_action.setText(self.tr("&Replace in translations…"))
        self.glossaries_action.setText(self.tr("&Glossaries…"))
        self.segment_menu.setTitle(self.tr("Se&gment"))
        self.shortcuts_action.setText(self.tr("&Keyboard shortcuts"))

    def _show_translate(self) -> None:
        tabs = getattr(self.window, "tabs", None)
        if tabs is not None:
            tabs.setCurrentWidget(self.workspace)

    @Slot()
    def _on_close_action_triggered(self) -> None:
        self._show_translate()
        self.workspace.controller.close_current()

    @Slot()
    def _on_replace_action_triggered(self) -> None:
        self._show_translate()
        open_replace(self.workspace)

    @Slot()
    def _on_glossaries_action_triggered(self) -> None:
        self._show_translate()
        open_glossaries(self.workspace)

    @Slot()
    def _on_export_review_action_triggered(self) -> None:
        self._show_translate()
        self.workspace.review_files.export_dialog()

    @Slot()
    def _on_import_review_action_triggered(self) -> None:
        self._show_translate()
        self.workspace.review_files.import_dialog()

    @Slot()
    def show_shortcuts(self) -> ShortcutsDialog:
        self.dialog = ShortcutsDialog(shortcut_rows(self.window, [self.workspace]),
                                      self.window)
        self.dialog.show()
        return self.dialog
