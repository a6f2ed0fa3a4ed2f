"""Edit ▸ Glossaries… (Ctrl+Shift+G): every client glossary in one place.

The list shows the named glossaries (the default one marked); a tick attaches one to
the document on screen, whose checks, prompts and highlighting use it at once. The
table edits the selected glossary's terms (saved with *Save terms*), and the buttons
create, rename, delete, make default, import (CSV, TSV, TBX) and export (CSV, TBX).
The SQL is ``storage/glossaries.py``; this is only its face.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGridLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...errors import BaylingError
from ...storage.glossaries import GlossaryInfo
from ...translation.glossary import Glossary, Term, load_glossary, project_glossary, stored_terms
from ..sentence_text import sentence_text
from .glossary_editor import GlossaryModel, save_glossary

if TYPE_CHECKING:
    from .workspace_controller import WorkspaceController
    from .workspace_view import TranslateWorkspace


class GlossariesDialog(QDialog):
    def __init__(self, controller: WorkspaceController, parent: QWidget) -> None:
        super().__init__(parent)
        self.controller = controller
        self.glossaries = QListWidget(self)
        self.model = GlossaryModel(Glossary(), self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        self.new_button, self.rename_button, self.delete_button = (
            QPushButton(self), QPushButton(self), QPushButton(self))
        self.default_button, self.import_button, self.export_button = (
            QPushButton(self), QPushButton(self), QPushButton(self))
        self.add_term_button, self.save_button = QPushButton(self), QPushButton(self)
        buttons = QGridLayout()
        for number, button in enumerate((self.new_button, self.rename_button,
                                         self.delete_button, self.default_button,
                                         self.import_button, self.export_button)):
            buttons.addWidget(button, number // 3, number % 3)
        self.close_buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.close_buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.hint)
        layout.addWidget(self.glossaries, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 2)
        terms_row = QDialogButtonBox(self)
        terms_row.addButton(self.add_term_button, QDialogButtonBox.ButtonRole.ActionRole)
        terms_row.addButton(self.save_button, QDialogButtonBox.ButtonRole.ApplyRole)
        layout.addWidget(terms_row)
        layout.addWidget(self.close_buttons)
        self.glossaries.currentRowChanged.connect(self._on_glossaries_current_row_changed)
        self.glossaries.itemChanged.connect(self._on_glossaries_item_changed)
        self.new_button.clicked.connect(self._on_new_button_clicked)
        self.rename_button.clicked.connect(self._on_rename_button_clicked)
        self.delete_button.clicked.connect(self._on_delete_button_clicked)
        self.default_button.clicked.connect(self._on_default_button_clicked)
        self.import_button.clicked.connect(self._on_import_button_clicked)
        self.export_button.clicked.connect(self._on_export_button_clicked)
        self.add_term_button.clicked.connect(self._on_add_term_button_clicked)
        self.save_button.clicked.connect(self.save_terms)
        self.resize(620, 640)
        self.retranslate()
        self.reload()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            self.reload()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Glossaries"))
        doc = self.controller.current
        self.hint.setText(self.tr("Tick a glossary to use it in {0}: its terms go into the "
                                  "prompts and the checks.").format(doc.document.path.name)
                          if doc is not None else
                          self.tr("Open a document to attach glossaries to it."))
        for button, text in ((self.new_button, self.tr("New…")),
                             (self.rename_button, self.tr("Rename…")),
                             (self.delete_button, self.tr("Delete")),
                             (self.default_button, self.tr("Default for new documents")),
                             (self.import_button, self.tr("Import…")),
                             (self.export_button, self.tr("Export…")),
                             (self.add_term_button, self.tr("Add term")),
                             (self.save_button, self.tr("Save terms"))):
            button.setText(text)

    # -- the list -------------------------------------------------------------------------

    def _store_ok(self) -> bool:
        return self.controller.store is not None

    def reload(self, select: int | None = None) -> None:
        store = self.controller.store
        current = select if select is not None else self.selected_id()
        doc = self.controller.current
        attached: set[int] = set()
        if store is not None and doc is not None and doc.project is not None:
            attached = {g.id for g in store.glossaries.attached(doc.project.id)}
        blocked = self.glossaries.blockSignals(True)
        self.glossaries.clear()
        for info in (store.glossaries.all() if store is not None else []):
            item = QListWidgetItem(self._label(info), self.glossaries)
            item.setData(Qt.ItemDataRole.UserRole, info.id)
            if doc is not None and doc.project is not None:
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Checked if info.id in attached
                                   else Qt.CheckState.Unchecked)
            if info.id == current:
                self.glossaries.setCurrentItem(item)
        self.glossaries.blockSignals(blocked)
        self._show_terms()

    def _label(self, info: GlossaryInfo) -> str:
        text = self.tr("{0} ({1} terms)").format(info.name, info.terms)
        return text + self.tr(" · default") if info.is_default else text

    def selected_id(self) -> int | None:
        item = self.glossaries.currentItem()
        return int(item.data(Qt.ItemDataRole.UserRole)) if item is not None else None

    def select(self, glossary_id: int) -> None:
        for row in range(self.glossaries.count()):
            if self.glossaries.item(row).data(Qt.ItemDataRole.UserRole) == glossary_id:
                self.glossaries.setCurrentRow(row)

    @Slot(int)
    def _on_glossaries_current_row_changed(self, _row: int) -> None:
        self._show_terms()

    def _show_terms(self) -> None:
        store, glossary_id = self.controller.store, self.selected_id()
        terms = (store.glossaries.terms(glossary_id)
                 if store is not None and glossary_id is not None else [])
        self.model = GlossaryModel(Glossary([Term(t.source, t.target, t.note, t.pos)
                                             for t in terms]), self)
        self.table.setModel(self.model)
        for button in (self.rename_button, self.delete_button, self.default_button,
                       self.export_button, self.import_button, self.add_term_button,
                       self.save_button):
            button.setEnabled(glossary_id is not None)

    @Slot(QListWidgetItem)
    def _on_glossaries_item_changed(self, item: QListWidgetItem) -> None:
        self.set_attached(int(item.data(Qt.ItemDataRole.UserRole)),
                          item.checkState() == Qt.CheckState.Checked)

    # -- what the buttons do (public: tests and the buttons call the same) ----------------

    def set_attached(self, glossary_id: int, attached: bool) -> None:
        """Attach *glossary_id* to the document on screen, or detach it."""
        store, doc = self.controller.store, self.controller.current
        if store is None or doc is None or doc.project is None:
            return
        if attached:
            store.glossaries.attach(doc.project.id, glossary_id)
        else:
            store.glossaries.detach(doc.project.id, glossary_id)
        self._refresh_document()

    def _refresh_document(self) -> None:
        """The document's glossary is read again: checks, prompts, highlighting."""
        doc = self.controller.current
        if doc is not None and doc.project is not None:
            doc.session.glossary = project_glossary(doc.project)
            self.controller.recheck()

    def create_glossary(self, name: str) -> int | None:
        store = self.controller.store
        if store is None:
            return None
        source, target = self.controller.source_language(), self.controller.target_language()
        try:
            glossary_id = store.glossaries.create(name, source.code if source else "",
                                                  target.code)
        except BaylingError as exc:
            QMessageBox.warning(self, self.tr("Glossaries"), sentence_text(exc))
            return None
        self.reload(select=glossary_id)
        return glossary_id

    def save_terms(self) -> int:
        """Write the table into the selected glossary; documents using it see it at once."""
        store, glossary_id = self.controller.store, self.selected_id()
        if store is None or glossary_id is None:
            return 0
        count = store.glossaries.set_terms(glossary_id, stored_terms(self.model.glossary()))
        self.reload()
        self._refresh_document()
        return count

    def import_file(self, path: Path) -> int:
        """Add the terms of a CSV/TSV/TBX file to the selected glossary (same source: the
        file's translation wins)."""
        store, glossary_id = self.controller.store, self.selected_id()
        if store is None or glossary_id is None:
            return 0
        try:
            glossary = load_glossary(path)
        except BaylingError as exc:
            QMessageBox.warning(self, self.tr("Could not load the glossary"),
                                sentence_text(exc))
            return 0
        count = store.glossaries.add_terms(glossary_id, stored_terms(glossary))
        self.reload()
        self._refresh_document()
        return count

    def export_file(self, path: Path) -> bool:
        store, glossary_id = self.controller.store, self.selected_id()
        if store is None or glossary_id is None:
            return False
        info = store.glossaries.get(glossary_id)
        glossary = Glossary([Term(t.source, t.target, t.note, t.pos)
                             for t in store.glossaries.terms(glossary_id)])
        try:
            save_glossary(glossary, path, info.source_lang, info.target_lang)
        except OSError as exc:
            QMessageBox.warning(self, self.tr("Export failed"), str(exc))
            return False
        return True

    @Slot()
    def _on_new_button_clicked(self) -> None:
        name, ok = QInputDialog.getText(self, self.tr("New glossary"),
                                        self.tr("Name (a client or a domain):"))
        if ok and name.strip():
            self.create_glossary(name)

    @Slot()
    def _on_rename_button_clicked(self) -> None:
        store, glossary_id = self.controller.store, self.selected_id()
        if store is None or glossary_id is None:
            return
        name, ok = QInputDialog.getText(self, self.tr("Rename glossary"), self.tr("Name:"),
                                        text=store.glossaries.get(glossary_id).name)
        if ok:
            try:
                store.glossaries.rename(glossary_id, name)
            except BaylingError as exc:
                QMessageBox.warning(self, self.tr("Glossaries"), sentence_text(exc))
            self.reload()

    @Slot()
    def _on_delete_button_clicked(self) -> None:
        store, glossary_id = self.controller.store, self.selected_id()
        if store is None or glossary_id is None:
            return
        info = store.glossaries.get(glossary_id)
        users = len(store.glossaries.projects_of(glossary_id))
        if QMessageBox.question(self, self.tr("Delete glossary"), self.tr(
                "Delete “{0}” and its {1} terms? {2} documents use it.").format(
                info.name, info.terms, users)) != QMessageBox.StandardButton.Yes:
            return
        store.glossaries.delete(glossary_id)
        self.reload()
        self._refresh_document()

    @Slot()
    def _on_default_button_clicked(self) -> None:
        store, glossary_id = self.controller.store, self.selected_id()
        if store is not None and glossary_id is not None:
            default = store.glossaries.default()
            store.glossaries.set_default(None if default is not None
                                         and default.id == glossary_id else glossary_id)
            self.reload()

    @Slot()
    def _on_import_button_clicked(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import terms"), "",
            self.tr("Glossaries (*.csv *.tsv *.txt *.tbx);;All files (*)"))
        if name:
            self.import_file(Path(name))

    @Slot()
    def _on_export_button_clicked(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Export glossary"), "",
                                              self.tr("TBX (*.tbx);;CSV (*.csv)"))
        if name:
            self.export_file(Path(name))

    @Slot()
    def _on_add_term_button_clicked(self) -> None:
        row = self.model.add_term()
        self.table.edit(self.model.index(row, GlossaryModel.SOURCE))


def open_glossaries(workspace: TranslateWorkspace) -> GlossariesDialog:
    dialog = GlossariesDialog(workspace.controller, workspace)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog
