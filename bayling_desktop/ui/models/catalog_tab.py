"""The Catalog page: BayLing and translation models with their fit on this machine, any GGUF
on the Hub by repository and file name, and Build from Hugging Face… for BayLing 2."""

from __future__ import annotations

import re

from PySide6.QtCore import QEvent, QItemSelection, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...models.catalog import CatalogEntry
from ..sentence_text import sentence_text
from .catalog_table import CatalogTableModel

_REPO_ID = re.compile(r"^[\w.-]+/[\w.-]+$")


def valid_hub_request(repo_id: str, filename: str) -> bool:
    """Whether *repo_id* looks like ``owner/name`` and *filename* names a GGUF file."""
    name = filename.strip()
    return (bool(_REPO_ID.match(repo_id.strip())) and name.lower().endswith(".gguf")
            and len(name) > 5 and "\\" not in name and ".." not in name.split("/"))


class CatalogTab(QWidget):
    # (repository id, file name, revision)
    downloadRequested = Signal(str, str, str)
    # a Hub repository id or checkpoint folder to build ("" to ask)
    buildRequested = Signal(str)

    def __init__(self, parent: QWidget | None = None, settings: object = None) -> None:
        super().__init__(parent)
        self.model = CatalogTableModel(parent=self, settings=settings)
        self.recommendation = QLabel(self)
        self.recommendation.setWordWrap(True)
        self.recommendation.setTextFormat(Qt.TextFormat.PlainText)
        self.build_button = QPushButton(self)
        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().setVisible(False)
        self.view.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        self.details = QLabel(self)
        self.details.setWordWrap(True)
        self.details.setTextFormat(Qt.TextFormat.PlainText)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.download_button = QPushButton(self)
        self.download_button.setEnabled(False)

        self.hub_group = QGroupBox(self)
        self.repo_edit = QLineEdit(self.hub_group)
        self.file_edit = QLineEdit(self.hub_group)
        self.hub_button = QPushButton(self.hub_group)
        self.hub_button.setEnabled(False)
        self.repo_label = QLabel(self.hub_group)
        self.file_label = QLabel(self.hub_group)
        hub_form = QFormLayout(self.hub_group)
        hub_form.addRow(self.repo_label, self.repo_edit)
        hub_form.addRow(self.file_label, self.file_edit)
        hub_form.addRow("", self.hub_button)

        row = QHBoxLayout()
        row.addWidget(self.details, 1)
        row.addWidget(self.download_button, 0, Qt.AlignmentFlag.AlignTop)
        top = QHBoxLayout()
        top.addWidget(self.recommendation, 1)
        top.addWidget(self.build_button, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        layout.addLayout(row)
        layout.addWidget(self.hub_group)

        self.view.selectionModel().selectionChanged.connect(self._on_view_selection_changed)
        self.download_button.clicked.connect(self._on_download_button_clicked)
        self.build_button.clicked.connect(self._on_build_button_clicked)
        self.repo_edit.textChanged.connect(self._on_hub_fields_changed)
        self.file_edit.textChanged.connect(self._on_hub_fields_changed)
        self.hub_button.clicked.connect(self._on_hub_button_clicked)
        self._retranslate()
        self.view.selectRow(0)

    def set_settings(self, settings: object) -> None:
        """Recompute fit and recommendation after the settings changed."""
        selected = self.selected_entry()
        self.model.set_settings(settings)
        row = next((r for r in range(self.model.rowCount())
                    if selected is not None and self.model.entry_at(r) == selected), 0)
        self.view.selectRow(row)
        self._retranslate()

    def _retranslate(self) -> None:
        self.build_button.setText(self.tr("Build from Hugging Face…"))
        pick = self.model.recommended
        if pick is None:
            self.recommendation.setText(self.tr(
                "None of these models fits this machine comfortably at the current context "
                "length; lower it in Settings or pick a smaller model."))
        else:
            row = next(r for r in range(self.model.rowCount())
                       if self.model.entry_at(r) == pick)
            check = self.model.fit_at(row)
            reason = sentence_text(check.reason) if check else ""
            self.recommendation.setText(self.tr("Recommended for this machine: {0}. {1}")
                                        .format(pick.title, reason))
        self.hub_group.setTitle(self.tr("Download from the Hub…"))
        self.repo_edit.setPlaceholderText(self.tr("owner/repository-GGUF"))
        self.file_edit.setPlaceholderText(self.tr("model-q4_k_m.gguf"))
        self.hub_button.setText(self.tr("Download this file"))
        self.repo_label.setText(self.tr("Repository:"))
        self.file_label.setText(self.tr("File name:"))
        self.model.retranslate()
        self._show_details()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def selected_entry(self) -> CatalogEntry | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.entry_at(rows[0].row()) if rows else None

    def _show_details(self) -> None:
        entry = self.selected_entry()
        if entry is None:
            self.details.clear()
            self.download_button.setEnabled(False)
            return
        self.details.setText(self.tr("{0} — based on {1}, {2} parameters, {3}.\n{4}\n\n{5}")
                             .format(entry.title, entry.base_model, entry.parameters,
                                     entry.quantization, entry.notes, entry.how_to_get))
        self.download_button.setText(self.tr("Build…") if entry.buildable and
                                     not entry.downloadable else self.tr("Download"))
        available = entry.downloadable or entry.buildable
        self.download_button.setVisible(available)
        self.download_button.setEnabled(available)

    @Slot(QItemSelection, QItemSelection)
    def _on_view_selection_changed(self, selected: QItemSelection,
                                   deselected: QItemSelection) -> None:
        self._show_details()

    @Slot()
    def _on_download_button_clicked(self) -> None:
        entry = self.selected_entry()
        if entry is not None and entry.file_name is not None:
            self.downloadRequested.emit(entry.repo_id, entry.file_name, "main")
        elif entry is not None and entry.buildable:
            self.buildRequested.emit(entry.repo_id)

    @Slot()
    def _on_build_button_clicked(self) -> None:
        self.buildRequested.emit("")

    @Slot()
    def _on_hub_fields_changed(self) -> None:
        self.hub_button.setEnabled(valid_hub_request(self.repo_edit.text(),
                                                     self.file_edit.text()))

    @Slot()
    def _on_hub_button_clicked(self) -> None:
        repo, name = self.repo_edit.text().strip(), self.file_edit.text().strip()
        if valid_hub_request(repo, name):
            self.downloadRequested.emit(repo, name, "main")
