"""The main window: two workspaces, menus, the status bar, drag and drop, the welcome page.

Edit ▸ Undo/Redo act on the visible workspace's history: the chat's undo stack, or the
Translate workspace's ``undo_group`` (one stack per document, the shown one active), so
the menu, Ctrl+Z and the workspaces' own buttons always act on the same history.
"""

from __future__ import annotations

import base64
import contextlib
import dataclasses
from pathlib import Path

from PySide6.QtCore import QByteArray, QEvent, Slot
from PySide6.QtGui import (
    QCloseEvent,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QUndoGroup,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QDialog,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QTabWidget,
    QWidget,
)

from .. import APP_NAME, __version__
from ..config import Settings, load_settings, save_settings
from ..errors import BaylingError
from ..sentences import Sentence
from .chat.workspace import ChatWorkspace
from .dialogs.settings import SettingsDialog, model_settings_changed
from .i18n import Translators
from .menus import MainMenus
from .models import ManagerPage, ModelManagerDialog
from .recent_menu import remember
from .sentence_text import sentence_text
from .status_bar import ModelStatus
from .theme import apply_theme
from .translate.workspace_view import TranslateWorkspace
from .undo_router import UndoRouter
from .welcome import WelcomePage, needs_welcome
from .workbench_menus import WorkbenchMenus
from .worker import ChatResult, ModelClient


class MainWindow(QMainWindow):
    def __init__(self, settings: Settings | None = None, model: str | None = None,
                 translators: Translators | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings or load_settings()
        self.model = model
        self.translators = translators or Translators()
        self.client = ModelClient(self)
        try:
            self.translate = TranslateWorkspace(self.client, self, settings=self.settings)
            self.chat = ChatWorkspace(self.client, self.settings, parent=self)
        except BaseException:
            # the model threads are running: left alone they keep a failed start alive
            self.client.shutdown()
            raise
        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.translate, "")
        self.tabs.addTab(self.chat, "")
        self.welcome = WelcomePage(self)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.tabs)
        self.stack.addWidget(self.welcome)
        self.setCentralWidget(self.stack)
        self.setAcceptDrops(True)
        self.resize(1100, 720)
        self._build_status_bar()
        self.menus = MainMenus(self, self.settings)
        self.workbench = WorkbenchMenus(self, self.menus, self.translate)
        self._connect()
        self._retranslate()

    # -- building -----------------------------------------------------------------------

    def _build_status_bar(self) -> None:
        self.status = ModelStatus(self.client, self.statusBar())
        # kept as attributes: tests and the About box read them
        self.model_label = self.status.model_label
        self.load_bar = self.status.load_bar
        self.format_label = self.status.format_label
        self.context_label = self.status.context_label
        self.speed_label = self.status.speed_label

    def _connect(self) -> None:
        self.menus.open_action.triggered.connect(self._on_open_action_triggered)
        self.menus.export_action.triggered.connect(self._on_export_action_triggered)
        self.menus.quit_action.triggered.connect(self.close)
        self.menus.recent_menu.fileChosen.connect(self._on_recent_menu_file_chosen)
        self.menus.recent_menu.listChanged.connect(self._on_recent_menu_list_changed)
        self.translate.controller.pathsOpened.connect(self._on_translate_paths_opened)
        self.undo_router = UndoRouter(self.menus.undo_action, self.menus.redo_action,
                                      (self.chat.undo_stack, self._translate_history()),
                                      self.undo_history, self)
        self.stack.destroyed.connect(self.undo_router.detach)
        self.tabs.currentChanged.connect(self._on_tabs_current_changed)
        self.stack.currentChanged.connect(self._on_tabs_current_changed)
        self.menus.find_action.triggered.connect(self._on_find_action_triggered)
        self.menus.settings_action.triggered.connect(self.open_settings)
        self.menus.show_translate_action.triggered.connect(self._on_show_translate_action_triggered)
        self.menus.show_chat_action.triggered.connect(self._on_show_chat_action_triggered)
        self.menus.send_action.triggered.connect(self._on_send_action_triggered)
        self.menus.stop_action.triggered.connect(self._on_stop_action_triggered)
        self.menus.reload_action.triggered.connect(self.load_model)
        self.menus.models_action.triggered.connect(self._on_models_action_triggered)
        self.menus.about_action.triggered.connect(self._on_about_action_triggered)
        self.client.modelLoadProgress.connect(self._on_client_model_load_progress)
        self.client.modelLoaded.connect(self._on_client_model_loaded)
        self.translate.controller.modelNeeded.connect(self._on_translate_model_needed)
        self.welcome.backRequested.connect(self._on_welcome_back_requested)
        self.client.modelFailed.connect(self._on_client_model_failed)
        self.client.busyChanged.connect(self.menus.stop_action.setEnabled)
        self.chat.replyFinished.connect(self._on_chat_reply_finished)
        self.translate.controller.speedChanged.connect(self._on_translate_speed_changed)
        self.welcome.builtinRequested.connect(self._on_welcome_builtin_requested)
        self.welcome.importRequested.connect(self._on_welcome_import_requested)
        self.welcome.managerRequested.connect(self._on_welcome_manager_requested)

    def _retranslate(self) -> None:
        self.setWindowTitle(APP_NAME)
        self.tabs.setTabText(0, self.tr("Translate"))
        self.tabs.setTabText(1, self.tr("Chat"))
        self.menus.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    # -- model --------------------------------------------------------------------------

    def start(self) -> None:
        """After the window is shown: load the model, or welcome a first-time user — unless
        a document is being opened (``bayling-desktop FILE``): a document needs no model,
        so it shows at once and the model is chosen when a translation is asked for."""
        if needs_welcome(self.settings, self.model):
            if not self.translate.controller.opened:
                self.stack.setCurrentWidget(self.welcome)
        else:
            self.load_model()

    @Slot()
    def _on_translate_model_needed(self) -> None:
        """A translation was asked for and no model is chosen yet: the welcome page picks
        one (built-in, import, manager); once it is loaded the document comes back."""
        if self.client.loading or self.client.ready:
            return
        self.welcome.set_status(self.tr("Choose a model to translate with; your document "
                                        "stays open."))
        self.welcome.show_back(True)
        self.stack.setCurrentWidget(self.welcome)

    @Slot()
    def _on_welcome_back_requested(self) -> None:
        self.translate.controller.runs.forget_pending()
        self.stack.setCurrentWidget(self.tabs)

    @Slot()
    def load_model(self) -> None:
        self.client.load(self.settings, self.model)

    def show_stats(self, result: ChatResult) -> None:
        self.status.show_stats(result)

    @Slot(int, int)
    def _on_client_model_load_progress(self, done: int, total: int) -> None:
        self.welcome.set_progress(done, total)

    @Slot(str)
    def _on_client_model_loaded(self, description: str) -> None:
        if self.stack.currentWidget() is self.welcome:
            self.welcome.set_busy(False)
            self.stack.setCurrentWidget(self.tabs)

    @Slot(object)
    def _on_client_model_failed(self, message: Sentence) -> None:
        if self.stack.currentWidget() is self.welcome:
            self.welcome.set_busy(False)
            self.welcome.set_status(sentence_text(message))

    @Slot(float)
    def _on_translate_speed_changed(self, tokens_per_second: float) -> None:
        activity = self.client.activity()
        if activity is not None and activity.running > 0:
            self.status.show_speed(activity.tokens_per_second, activity.running)
        else:
            self.status.show_speed(tokens_per_second)

    @Slot(object)
    def _on_chat_reply_finished(self, result: object) -> None:
        if isinstance(result, ChatResult):
            self.show_stats(result)

    @Slot()
    def _on_models_action_triggered(self) -> None:
        self.open_model_list(ManagerPage.LOCAL)

    @Slot()
    def _on_welcome_manager_requested(self) -> None:
        self.open_model_list(ManagerPage.CATALOG)

    @Slot()
    def _on_welcome_builtin_requested(self) -> None:
        self.welcome.set_busy(True)
        self.model = None
        self.client.load(dataclasses.replace(self.settings, model_path=None, backend="local"))

    @Slot(str)
    def _on_welcome_import_requested(self, path: str) -> None:
        from ..engine.gguf_info import read_gguf_info

        try:
            read_gguf_info(path)
        except BaylingError as exc:
            self.welcome.set_status(sentence_text(exc))
            return
        self.welcome.set_busy(True)
        self.apply_settings(dataclasses.replace(self.settings, model_path=path))

    # -- settings -----------------------------------------------------------------------

    @Slot()
    def open_settings(self) -> None:
        dialog = SettingsDialog(self.settings, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.apply_settings(dialog.edited_settings())

    def apply_settings(self, new: Settings) -> None:
        """Save *new*, then switch language / theme / model where they changed."""
        old = self.settings
        try:
            save_settings(new)
        except BaylingError as exc:
            QMessageBox.warning(self, self.tr("Settings not saved"), sentence_text(exc))
            return
        self.settings = new
        self.chat.settings = new
        self.translate.settings = new
        self.menus.recent_menu.settings = new
        if new.ui_language != old.ui_language:
            self.translators.install(new.ui_language)
        if new.theme != old.theme:
            apply_theme(new.theme)
        if model_settings_changed(old, new):
            # An explicit choice in Settings wins over the --model of this session.
            self.model = None
            self.load_model()

    @Slot()
    def open_model_list(self, page: ManagerPage = ManagerPage.LOCAL) -> None:
        """Model ▸ Model manager: catalog, downloads, local models, remote server."""
        dialog = ModelManagerDialog(self.settings, self)
        dialog.settingsChanged.connect(self._on_model_manager_settings_changed)
        dialog.show_page(page)
        dialog.exec()

    @Slot()
    def _on_model_manager_settings_changed(self) -> None:
        # The default model or the backend changed: load what the user chose now.
        self.model = None
        self.load_model()

    # -- actions ------------------------------------------------------------------------

    def _save_settings(self) -> None:
        try:
            save_settings(self.settings)
        except BaylingError as exc:
            self.statusBar().showMessage(sentence_text(exc), 8000)

    def open_files(self, paths: list[Path]) -> None:
        """Open documents in the Translate workspace (command line, another launch)."""
        self.stack.setCurrentWidget(self.tabs)
        self.tabs.setCurrentWidget(self.translate)
        self.translate.open_paths(paths)

    @Slot(list)
    def receive_files(self, paths: list[Path]) -> None:
        """A later launch handed over its files: open them and come to the front."""
        if paths:
            self.open_files(paths)
        if self.isMinimized():
            self.showNormal()
        self.show()
        self.raise_()
        self.activateWindow()

    @Slot(list)
    def _on_translate_paths_opened(self, paths: list[Path]) -> None:
        self.settings.recent_files = remember(self.settings.recent_files, paths)
        self.menus.recent_menu.rebuild()
        self._save_settings()

    @Slot(object)
    def _on_recent_menu_file_chosen(self, path: Path) -> None:
        if not path.exists():
            self.menus.recent_menu.forget(path)
            self.statusBar().showMessage(
                self.tr("{0} no longer exists; it was removed from the list.").format(
                    path.name), 8000)
            return
        self.open_files([path])

    @Slot()
    def _on_recent_menu_list_changed(self) -> None:
        self._save_settings()

    # -- undo ---------------------------------------------------------------------------

    def _translate_history(self) -> QUndoGroup | QUndoStack:
        group = getattr(self.translate, "undo_group", None)
        if isinstance(group, QUndoGroup):
            return group
        stack = self.translate.undo_stack
        return stack if isinstance(stack, QUndoStack) else stack()

    def undo_history(self) -> QUndoGroup | QUndoStack:
        """What Edit ▸ Undo acts on now: the visible workspace's history."""
        return self.chat.undo_stack if self._chat_active() else self._translate_history()

    @Slot(int)
    def _on_tabs_current_changed(self, _index: int) -> None:
        self.undo_router.update()

    # -- layout -------------------------------------------------------------------------

    def restore_layout(self) -> None:
        """Size, position and toolbars as the user left them, and the documents that were
        open (nothing on a first start)."""
        for value, restore in ((self.settings.window_geometry, self.restoreGeometry),
                               (self.settings.window_state, self.restoreState)):
            if value:
                # a damaged entry (not base64) keeps the default layout
                with contextlib.suppress(ValueError):
                    restore(QByteArray(base64.b64decode(value)))
        if self.settings.open_documents:
            self.translate.controller.opener.restore_desk(self.settings.open_documents)

    def _store_layout(self) -> None:
        self.settings.window_geometry = base64.b64encode(
            bytes(self.saveGeometry().data())).decode("ascii")
        self.settings.window_state = base64.b64encode(
            bytes(self.saveState().data())).decode("ascii")
        self.settings.open_documents = self.translate.controller.opener.desk()
        self._save_settings()

    def _chat_active(self) -> bool:
        return self.stack.currentWidget() is self.tabs and self.tabs.currentWidget() is self.chat

    @Slot()
    def _on_open_action_triggered(self) -> None:
        self.stack.setCurrentWidget(self.tabs)  # from the welcome page too: no model needed
        self.tabs.setCurrentWidget(self.translate)
        self.translate.open_dialog()

    @Slot()
    def _on_export_action_triggered(self) -> None:
        if self._chat_active():
            self.chat.export_current()
        else:
            self.translate.export()

    @Slot()
    def _on_find_action_triggered(self) -> None:
        if self._chat_active():
            self.chat.focus_find()
        else:
            self.translate.focus_find()

    @Slot()
    def _on_show_translate_action_triggered(self) -> None:
        self.tabs.setCurrentWidget(self.translate)

    @Slot()
    def _on_show_chat_action_triggered(self) -> None:
        self.tabs.setCurrentWidget(self.chat)

    @Slot()
    def _on_send_action_triggered(self) -> None:
        if self._chat_active():
            self.chat.send()
        else:
            self.translate.send()

    @Slot()
    def _on_stop_action_triggered(self) -> None:
        self.chat.stop()
        self.translate.stop()

    @Slot()
    def _on_about_action_triggered(self) -> None:
        QMessageBox.about(self, self.tr("About BayLing Desktop"), self.about_text())

    def about_text(self) -> str:
        """Versions and licences: what a bug report or a licence audit needs."""
        import llama_cpp
        from PySide6 import __version__ as pyside_version
        from PySide6.QtCore import qVersion

        model = self.model_label.text() or self.tr("none")
        return self.tr(
            "{0} {1}\n\nAn offline translation assistant running BayLing and other GGUF "
            "models on this computer.\n\nModel: {2}\nllama-cpp-python {3} (llama.cpp)\n"
            "Qt {4}, PySide6 {5}\n\nLicences: BayLing Desktop GPL-3.0-or-later; BayLing "
            "weights GPL-3.0; the built-in Qwen2.5-Coder-0.5B-Instruct model Apache-2.0; "
            "llama.cpp MIT; Qt for Python LGPL-3.0.").format(
            APP_NAME, __version__, model, llama_cpp.__version__, qVersion(), pyside_version)

    # -- drag and drop ------------------------------------------------------------------

    @staticmethod
    def _local_paths(event: QDropEvent | QDragEnterEvent | QDragMoveEvent) -> list[Path]:
        mime = event.mimeData()
        if not mime.hasUrls():
            return []
        return [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._local_paths(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if self._local_paths(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = self._local_paths(event)
        if not paths:
            event.ignore()
            return
        event.acceptProposedAction()
        self.open_files(paths)

    # -- closing ------------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:
        # a running translation is stopped only if the user agrees
        confirm = getattr(self.translate, "confirm_close", None)
        if confirm is not None and not confirm():
            event.ignore()
            return
        self._store_layout()
        self.chat.shutdown()
        shutdown = getattr(self.translate, "shutdown", None)
        if shutdown is not None:  # stops its work and lets go of the projects' locks
            shutdown()
        self.client.shutdown()
        event.accept()
