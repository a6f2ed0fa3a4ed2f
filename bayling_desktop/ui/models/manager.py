"""The model manager: catalog, downloads, local library, remote server, and BayLing 2 builds.

It edits the :class:`Settings` object it is given in place (like the core's
``set_default``), saves it, and emits ``settingsChanged`` when the model to load
changed (default model, remote backend) so the main window reloads it. Every slow
call runs on a thread owned by the dialog; closing the dialog cancels them (a
download keeps its partial file and shows as resumable next time).
"""

from __future__ import annotations

import enum
import logging

from PySide6.QtCore import QEvent, Signal, Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QMessageBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...config import Settings, save_settings
from .build_dialog import BuildDialog
from .catalog_tab import CatalogTab
from .downloads_tab import DownloadsTab
from .local_tab import LocalModelsTab
from .remote_tab import RemoteTab
from .tasks import BackgroundTasks

log = logging.getLogger(__name__)


class ManagerPage(enum.Enum):
    CATALOG = 0
    DOWNLOADS = 1
    LOCAL = 2
    REMOTE = 3


class ModelManagerDialog(QDialog):
    # the settings were saved and the model to load changed: reload it
    settingsChanged = Signal()

    Page = ManagerPage

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._settings = settings
        self.tasks = BackgroundTasks(self)
        self.tabs = QTabWidget(self)
        self.catalog_tab = CatalogTab(self.tabs, settings)
        self.build_dialog: BuildDialog | None = None
        self.downloads_tab = DownloadsTab(settings, self.tasks, self.tabs)
        self.local_tab = LocalModelsTab(settings, self.tasks, self.tabs)
        self.remote_tab = RemoteTab(settings, self.tasks, self.tabs)
        for page in (self.catalog_tab, self.downloads_tab, self.local_tab, self.remote_tab):
            self.tabs.addTab(page, "")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(self.buttons)
        self.resize(900, 600)

        self.buttons.rejected.connect(self.reject)
        self.catalog_tab.downloadRequested.connect(self._on_catalog_tab_download_requested)
        self.catalog_tab.buildRequested.connect(self._on_catalog_tab_build_requested)
        self.downloads_tab.downloadFinished.connect(self._on_downloads_tab_download_finished)
        for tab in (self.downloads_tab, self.local_tab, self.remote_tab):
            tab.settingsEdited.connect(self._on_tab_settings_edited)
        self._retranslate()
        if self.downloads_tab.model.rowCount():
            self.show_page(ManagerPage.DOWNLOADS)

    @property
    def settings(self) -> Settings:
        return self._settings

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Models"))
        for position, text in enumerate((self.tr("Catalog"), self.tr("Downloads"),
                                         self.tr("Local models"), self.tr("Remote server"))):
            self.tabs.setTabText(position, text)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def show_page(self, page: ManagerPage) -> None:
        """Open on one page (the first-start screen opens the catalog)."""
        self.tabs.setCurrentIndex(page.value)

    def done(self, result: int) -> None:
        self.tasks.shutdown()
        super().done(result)

    @Slot(str, str, str)
    def _on_catalog_tab_download_requested(self, repo_id: str, filename: str,
                                           revision: str) -> None:
        if self.downloads_tab.start(repo_id, filename, revision) is not None:
            self.show_page(ManagerPage.DOWNLOADS)

    def open_build(self, source: str = "") -> BuildDialog:
        """Show Build from Hugging Face… (one dialog, reused while it lives)."""
        if self.build_dialog is None:
            self.build_dialog = BuildDialog(self._settings, self.tasks, source, self)
            self.build_dialog.modelBuilt.connect(self._on_build_dialog_model_built)
        elif source and not self.build_dialog.running:
            self.build_dialog.source_combo.setEditText(source)
        self.build_dialog.show()
        return self.build_dialog

    @Slot(str)
    def _on_catalog_tab_build_requested(self, source: str) -> None:
        self.open_build(source)

    @Slot(str)
    def _on_build_dialog_model_built(self, path: str) -> None:
        self.local_tab.refresh()
        self.show_page(ManagerPage.LOCAL)

    @Slot(str)
    def _on_downloads_tab_download_finished(self, path: str) -> None:
        self.local_tab.refresh()

    @Slot(bool)
    def _on_tab_settings_edited(self, reload_model: bool) -> None:
        # The opt-in checkbox exists on two pages; keep them showing the same value.
        self.downloads_tab.opt_in.refresh()
        self.remote_tab.opt_in.refresh()
        try:
            save_settings(self._settings)
        except OSError as exc:
            log.warning("could not save settings: %s", exc)
            QMessageBox.warning(self, self.tr("Settings"), self.tr(
                "The settings could not be saved: {0}").format(exc.strerror or exc))
            return
        self.catalog_tab.set_settings(self._settings)
        if reload_model:
            self.settingsChanged.emit()
