"""The glossary editor: view, add, edit and delete terms; import and export CSV or TBX.

The glossary belongs to the document's project (saved in its SQLite), so terms typed
here are in the prompts, the checks and the source highlighting from the next request
on, and are still there after a restart.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, Qt, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...errors import BaylingError
from ...fileio import atomic_write_text
from ...translation.glossary import Glossary, Term, glossary_csv, glossary_tbx, load_glossary
from ..itemmodels import Index
from ..sentence_text import sentence_text


def save_glossary(glossary: Glossary, path: Path, source_lang: str = "",
                  target_lang: str = "") -> None:
    """Write *glossary* as .tbx or .csv (by the suffix); atomic, never half-written."""
    if path.suffix.lower() == ".tbx":
        atomic_write_text(path, glossary_tbx(glossary, source_lang or "und",
                                             target_lang or "und"))
    else:
        atomic_write_text(path, glossary_csv(glossary))


class GlossaryModel(QAbstractTableModel):
    SOURCE, TARGET = range(2)

    def __init__(self, glossary: Glossary, parent: QObject | None = None) -> None:
        super().__init__(parent)
        # [source, target, note, part of speech]: the two last are not shown but kept
        self._terms = [[t.source, t.target, t.note, t.pos] for t in glossary.terms]

    def glossary(self) -> Glossary:
        return Glossary([Term(s.strip(), t.strip(), note, pos) for s, t, note, pos in self._terms
                         if s.strip() and t.strip()])

    def rowCount(self, parent: Index | None = None) -> int:
        return 0 if parent is not None and parent.isValid() else len(self._terms)

    def columnCount(self, parent: Index | None = None) -> int:
        return 0 if parent is not None and parent.isValid() else 2

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("Source term"), self.tr("Required translation"))[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._terms):
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return self._terms[index.row()][index.column()]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return super().flags(index) | Qt.ItemFlag.ItemIsEditable

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or not isinstance(value, str):
            return False
        self._terms[index.row()][index.column()] = value
        self.dataChanged.emit(index, index)
        return True

    def add_term(self, source: str = "", target: str = "", note: str = "", pos: str = "") -> int:
        row = len(self._terms)
        self.beginInsertRows(QModelIndex(), row, row)
        self._terms.append([source, target, note, pos])
        self.endInsertRows()
        return row

    def remove_rows(self, rows: list[int]) -> None:
        for row in sorted(set(rows), reverse=True):
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._terms[row]
            self.endRemoveRows()

    def merge(self, glossary: Glossary) -> int:
        """Add imported terms; an imported term replaces the same source term."""
        known = {r[0].strip().casefold(): n for n, r in enumerate(self._terms)}
        added = 0
        for term in glossary.terms:
            row = known.get(term.source.casefold())
            if row is None:
                known[term.source.casefold()] = self.add_term(term.source, term.target,
                                                              term.note, term.pos)
                added += 1
            else:
                self.setData(self.index(row, self.TARGET), term.target)
        return added


class GlossaryEditor(QDialog):
    """A modal editor over a copy of the glossary; OK hands the edited one back."""

    def __init__(self, glossary: Glossary, source_lang: str, target_lang: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.source_lang, self.target_lang = source_lang, target_lang
        self.model = GlossaryModel(glossary, self)
        self._initial = self._pairs(self.model.glossary())
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.add_button = QPushButton(self)
        self.delete_button = QPushButton(self)
        self.import_button = QPushButton(self)
        self.export_button = QPushButton(self)
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.add_button.clicked.connect(self._on_add_button_clicked)
        self.delete_button.clicked.connect(self._on_delete_button_clicked)
        self.import_button.clicked.connect(self._on_import_button_clicked)
        self.export_button.clicked.connect(self._on_export_button_clicked)
        row = QHBoxLayout()
        for button in (self.add_button, self.delete_button, self.import_button,
                       self.export_button):
            row.addWidget(button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        layout.addWidget(self.buttons)
        self.resize(560, 420)
        self.setWindowTitle(self.tr("Glossary"))
        self.note.setText(self.tr("Required translations of terms. They go into the prompt "
                                  "when a segment contains the term, are highlighted in the "
                                  "source, and a translation without them is flagged."))
        self.add_button.setText(self.tr("Add term"))
        self.delete_button.setText(self.tr("Delete"))
        self.import_button.setText(self.tr("Import…"))
        self.export_button.setText(self.tr("Export…"))

    def glossary(self) -> Glossary:
        return self.model.glossary()

    @staticmethod
    def _pairs(glossary: Glossary) -> list[tuple[str, str]]:
        return [(t.source, t.target) for t in glossary.terms]

    def reject(self) -> None:
        """Cancel, Esc and the window's close button: never drop edits unasked."""
        self.table.setFocus()  # an open cell editor commits its text first
        if self._pairs(self.glossary()) != self._initial and QMessageBox.question(
                self, self.tr("Discard the changes?"),
                self.tr("The glossary was changed here. Close without keeping the "
                        "changes?")) != QMessageBox.StandardButton.Yes:
            return
        super().reject()

    @Slot()
    def _on_add_button_clicked(self) -> None:
        row = self.model.add_term()
        index = self.model.index(row, GlossaryModel.SOURCE)
        self.table.setCurrentIndex(index)
        self.table.edit(index)

    @Slot()
    def _on_delete_button_clicked(self) -> None:
        self.model.remove_rows([i.row() for i in self.table.selectionModel().selectedRows()])

    def import_file(self, path: Path) -> bool:
        try:
            added = self.model.merge(load_glossary(path))
        except BaylingError as exc:
            QMessageBox.warning(self, self.tr("Could not import the glossary"),
                                sentence_text(exc))
            return False
        self.note.setText(self.tr("{0} terms added from {1}.").format(added, path.name))
        return True

    def export_file(self, path: Path) -> bool:
        try:
            save_glossary(self.glossary(), path, self.source_lang, self.target_lang)
        except (BaylingError, OSError) as exc:
            QMessageBox.warning(self, self.tr("Could not export the glossary"),
                                sentence_text(exc))
            return False
        self.note.setText(self.tr("Saved {0}").format(path))
        return True

    @Slot()
    def _on_import_button_clicked(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import glossary"), "",
            self.tr("Glossaries (*.csv *.tsv *.tbx);;All files (*)"))
        if name:
            self.import_file(Path(name))

    @Slot()
    def _on_export_button_clicked(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export glossary"), "glossary.csv",
            self.tr("CSV (*.csv);;TBX (*.tbx)"))
        if name:
            self.export_file(Path(name))
