"""The toolbar's pickers: which open document is on screen, and its language pair.

A view part: the document picker lists the controller's open documents in its order
and switches between them (asking first when that would stop a run); the language
pickers show the pair of the document on screen, and a change the user makes goes to
the controller's opener, which re-binds the document's project or refuses with a
sentence (the pickers then show the document's pair again). The Open dialog and the
warning for a file that could not be read are here too.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QFileDialog, QMessageBox

from ... import documents
from .open_document import OpenDocument
from .parts import ViewPart

if TYPE_CHECKING:
    from .workspace_view import TranslateWorkspace


class Pickers(ViewPart):
    def __init__(self, view: TranslateWorkspace) -> None:
        super().__init__(view)
        bar, ctl = view.bar, view.controller
        bar.open_button.clicked.connect(self.open_dialog)
        bar.document_combo.currentIndexChanged.connect(self._on_document_combo_changed)
        bar.swap_button.clicked.connect(self._on_swap_button_clicked)
        bar.source_combo.currentIndexChanged.connect(self._on_source_combo_changed)
        bar.target_combo.currentIndexChanged.connect(self._on_target_combo_changed)
        ctl.documentAdded.connect(self._on_controller_document_added)
        ctl.documentRemoved.connect(self._on_controller_document_removed)
        ctl.openFailed.connect(self._on_controller_open_failed)
        self._tell()

    def _tell(self) -> None:
        """The controller learns the pickers' values (its languages are these)."""
        bar = self.view.bar
        self.controller.picked = (str(bar.source_combo.currentData()),
                                  str(bar.target_combo.currentData()))

    # -- documents ------------------------------------------------------------------------

    @Slot()
    def open_dialog(self) -> None:
        patterns = " ".join(f"*{ext}" for ext in documents.supported_extensions())
        names, _ = QFileDialog.getOpenFileNames(
            self.view, self.tr("Open documents"), "",
            self.tr("Documents ({0});;All files (*)").format(patterns))
        if names:
            self.controller.opener.open_paths([Path(n) for n in names])

    @Slot(object, int)
    def _on_controller_document_added(self, path: Path, slot: int) -> None:
        combo = self.view.bar.document_combo
        blocked = combo.blockSignals(True)
        combo.insertItem(slot, path.name, str(path))
        combo.blockSignals(blocked)

    @Slot(object)
    def _on_controller_document_removed(self, path: Path) -> None:
        combo = self.view.bar.document_combo
        blocked = combo.blockSignals(True)
        combo.removeItem(combo.findData(str(path)))
        combo.blockSignals(blocked)

    def show_document(self, doc: OpenDocument | None) -> None:
        """*doc* is on screen: the document picker names it, the others show its pair."""
        if doc is None:
            return
        combo = self.view.bar.document_combo
        blocked = combo.blockSignals(True)
        combo.setCurrentIndex(combo.findData(str(doc.document.path)))
        combo.blockSignals(blocked)
        self.show_pair(doc)

    @Slot(object, str)
    def _on_controller_open_failed(self, path: Path, message: str) -> None:
        self.view.show_message(message, error=True)
        QMessageBox.warning(self.view, self.tr("Could not open document"), message)

    @Slot(int)
    def _on_document_combo_changed(self, number: int) -> None:
        ctl = self.controller
        data = self.view.bar.document_combo.itemData(number)
        doc = ctl.docs.get(Path(data)) if data else None
        if doc is not None and doc is not ctl.current:
            if not self._may_leave_run():
                return
            ctl.show(doc)
            ctl.opener.say_opened(doc)  # not the previous document's message

    def _may_leave_run(self) -> bool:
        """Switching documents stops a running translation: ask, and stay on "no"."""
        ctl = self.controller
        current = ctl.current
        if not ctl.runs.running or current is None:
            return True
        answer = QMessageBox.question(
            self.view, self.tr("Stop translating?"),
            self.tr("{0} is being translated. Showing another document stops the run; the "
                    "finished segments are kept. Stop it?").format(current.document.path.name))
        if answer == QMessageBox.StandardButton.Yes:
            return True
        self.show_document(current)
        return False

    # -- languages ------------------------------------------------------------------------

    def show_pair(self, doc: OpenDocument) -> None:
        """Put the document's language pair into the pickers (without re-binding)."""
        bar = self.view.bar
        if doc.target:
            bar.select_language(bar.target_combo, doc.target)
        bar.select_language(bar.source_combo, doc.source_choice)
        self._tell()

    def _picked(self, doc: OpenDocument) -> None:
        """Both pickers' values become *doc*'s pair (not while a run uses its project)."""
        ctl = self.controller
        source, target = ctl.picked
        if ctl.runs.running or not ctl.opener.change_pair(doc, source, target):
            self.show_pair(doc)
            return
        ctl.show(doc)

    @Slot(int)
    def _on_target_combo_changed(self, _number: int) -> None:
        self._tell()
        doc = self.controller.current
        if doc is not None:
            self._picked(doc)

    @Slot(int)
    def _on_source_combo_changed(self, _number: int) -> None:
        self._tell()
        doc = self.controller.current
        if doc is None:
            return
        if doc.target is None or doc.project is None:
            self._picked(doc)
        elif not self.controller.opener.change_source(doc, self.controller.picked[0]):
            self.show_pair(doc)

    @Slot()
    def _on_swap_button_clicked(self) -> None:
        bar = self.view.bar
        source, target = self.controller.picked
        if source == "auto":
            self.view.show_message(self.tr("Choose the source language first to swap."))
            return
        bar.select_language(bar.source_combo, target)
        bar.select_language(bar.target_combo, source)
        self._tell()
        doc = self.controller.current
        if doc is not None:
            self._picked(doc)
