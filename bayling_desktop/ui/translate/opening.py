"""Opening documents and the language pair they are translated in.

A document remembers its pair: reopening a file shows the target language its project
was last worked on in (not the last global choice), a PO or XLIFF header names it for
a new file, and a source equal to the target is refused with a sentence. When the
source is "detect", the detected language is shown and stored in the project, so the
memory is keyed with a real language.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Slot
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QFileDialog, QMessageBox

from ... import documents
from ...errors import BaylingError
from ...languages import Language, resolve
from ...translation.glossary import Glossary
from ...translation.langdetect import detect_language
from .controller import (
    LanguagePairError,
    Loader,
    OpenDocument,
    check_pair,
    project_name,
    remembered_pair,
    rows_of,
)

if TYPE_CHECKING:
    from .workspace import TranslateWorkspace


class DocumentOpener(QObject):
    def __init__(self, workspace: TranslateWorkspace) -> None:
        super().__init__(workspace)
        self.ws = workspace
        self._loader = Loader(self)
        self._loader.loaded.connect(self._on_loader_loaded)
        self._loader.failed.connect(self._on_loader_failed)
        bar = workspace.bar
        bar.open_button.clicked.connect(self.open_dialog)
        bar.document_combo.currentIndexChanged.connect(self._on_document_combo_changed)
        bar.swap_button.clicked.connect(self._on_swap_button_clicked)
        bar.source_combo.currentIndexChanged.connect(self._on_source_combo_changed)
        bar.target_combo.currentIndexChanged.connect(self._on_target_combo_changed)

    # -- opening ------------------------------------------------------------------------

    def open_paths(self, paths: list[Path]) -> None:
        """Files or folders the user chose, dropped, or gave on the command line."""
        ws = self.ws
        files: list[Path] = []
        known = set(documents.supported_extensions())
        for path in paths:
            if path.is_dir():
                files.extend(sorted(p for p in path.rglob("*")
                                    if p.is_file() and p.suffix.lower() in known))
            else:
                files.append(path)
        if not files:
            ws.show_message(ws.tr("No document this app can translate was found there."))
            return
        ws.opened = files
        ws.show_message(ws.tr("Opening {0}…").format(", ".join(p.name for p in files)))
        for path in files:
            self._loader.start(path)
        ws.pathsOpened.emit(list(files))

    @Slot()
    def open_dialog(self) -> None:
        patterns = " ".join(f"*{ext}" for ext in documents.supported_extensions())
        names, _ = QFileDialog.getOpenFileNames(
            self.ws, self.ws.tr("Open documents"), "",
            self.ws.tr("Documents ({0});;All files (*)").format(patterns))
        if names:
            self.open_paths([Path(n) for n in names])

    @Slot(object, object, object)
    def _on_loader_loaded(self, path: Path, document: documents.Document,
                          sizes: list[tuple[int, int]]) -> None:
        ws = self.ws
        rows = rows_of(document)
        if not rows:
            ws.show_message(ws.tr("{0} holds no text to translate.").format(path.name))
            return
        stack = QUndoStack(ws)
        ws.undo_group.addStack(stack)
        doc = OpenDocument(document, rows, stack, sizes)
        doc.detected = detect_language(" ".join(r.source for r in rows[:50]))
        notice = self.choose_pair(doc)
        self.bind_project(doc)
        old = ws.docs.get(path)
        if old is not None:
            ws.undo_group.removeStack(old.undo)
        ws.docs[path] = doc
        combo = ws.bar.document_combo
        if combo.findData(str(path)) < 0:
            combo.addItem(path.name, str(path))
        blocked = combo.blockSignals(True)
        combo.setCurrentIndex(combo.findData(str(path)))
        combo.blockSignals(blocked)
        ws.show_document(doc)
        warnings = [*getattr(document, "warnings", []), *([notice] if notice else [])]
        ws.show_message("\n".join(warnings) if warnings else ws.tr(
            "{0}: {1} segments.").format(path.name, len(rows)), error=bool(notice))

    def choose_pair(self, doc: OpenDocument) -> str:
        """Show the document's language pair: its project's, else its header's."""
        bar = self.ws.bar
        path = doc.document.path
        declared: tuple[str | None, str | None] = getattr(
            doc.document, "declared_languages", (None, None))
        source, target = remembered_pair(self.ws.store, path) or declared
        if target:
            try:
                check_pair(source, target)
            except LanguagePairError as exc:
                return str(exc)
            if not bar.select_language(bar.target_combo, target):
                return self.ws.tr("{0} names the language “{1}”, which this app does not "
                                  "offer; pick the target language.").format(path.name, target)
        if source:
            bar.select_language(bar.source_combo, source)
        return ""

    def bind_project(self, doc: OpenDocument) -> None:
        """Attach the saved project for this file and target language, restoring its work."""
        store = self.ws.store
        if store is None:
            return
        choice = str(self.ws.bar.source_combo.currentData())
        source = choice if choice != "auto" else (doc.detected or "")
        path = doc.document.path
        target = self.target_language().code
        previous = doc.project
        try:
            doc.project = store.open_or_create(
                project_name(path, target), path, target, source,
                [(r.unit_id, r.source) for r in doc.rows],
                format_name=doc.document.format_name)
        except BaylingError as exc:  # e.g. open in another window: work, but say so
            doc.project = None
            self.ws.show_message(self.ws.tr("Translations will not be saved: {0}").format(exc),
                                 error=True)
            return
        if previous is not None and previous.id != doc.project.id:
            store.release(previous)  # another window may work on that pair now
        if doc.project.settings.get("source_choice") != choice:
            store.update_settings(doc.project, source_choice=choice)
        for row, saved in zip(doc.rows, doc.project.segments, strict=True):
            unit_target = doc.document.units[row.index].target or ""
            row.target = saved.target or unit_target
            row.status = saved.status if saved.target or saved.status == "error" else (
                "draft" if unit_target else "new")
            row.flags = list(saved.flags)
        doc.glossary = Glossary.from_pairs(store.glossary(doc.project))
        doc.proposals = {}

    @Slot(object, str)
    def _on_loader_failed(self, path: Path, message: str) -> None:
        self.ws.show_message(message, error=True)
        QMessageBox.warning(self.ws, self.ws.tr("Could not open document"), message)

    @Slot(int)
    def _on_document_combo_changed(self, number: int) -> None:
        data = self.ws.bar.document_combo.itemData(number)
        doc = self.ws.docs.get(Path(data)) if data else None
        if doc is not None and doc is not self.ws.current:
            self.choose_pair(doc)
            self.ws.show_document(doc)

    # -- languages ----------------------------------------------------------------------

    def target_language(self) -> Language:
        return resolve(str(self.ws.bar.target_combo.currentData()))

    def source_language(self) -> Language | None:
        code = str(self.ws.bar.source_combo.currentData())
        if code == "auto":
            current = self.ws.current
            detected = current.detected if current is not None else None
            return resolve(detected) if detected else None
        return resolve(code)

    def pair_problem(self) -> str:
        try:
            check_pair(str(self.ws.bar.source_combo.currentData()),
                       self.target_language().code)
        except LanguagePairError as exc:
            return str(exc)
        return ""

    def _rebind(self) -> None:
        doc = self.ws.current
        if doc is not None and not self.ws.runs.running:
            self.bind_project(doc)
            self.ws.show_document(doc)

    @Slot(int)
    def _on_target_combo_changed(self, _number: int) -> None:
        problem = self.pair_problem()
        doc = self.ws.current
        if problem and doc is not None and doc.project is not None:
            # Refused: the document stays in the pair it had.
            self.ws.bar.select_language(self.ws.bar.target_combo, doc.project.target_lang)
        else:
            self._rebind()
        if problem:
            self.ws.show_message(problem, error=True)

    @Slot(int)
    def _on_source_combo_changed(self, _number: int) -> None:
        problem = self.pair_problem()
        if problem:
            self.ws.show_message(problem, error=True)
        doc = self.ws.current
        if doc is not None and doc.project is not None and self.ws.store is not None:
            self.ws.store.update_settings(
                doc.project, source_choice=str(self.ws.bar.source_combo.currentData()))

    @Slot()
    def _on_swap_button_clicked(self) -> None:
        bar = self.ws.bar
        source = str(bar.source_combo.currentData())
        target = str(bar.target_combo.currentData())
        if source == "auto":
            self.ws.show_message(self.ws.tr("Choose the source language first to swap."))
            return
        bar.select_language(bar.source_combo, target)
        bar.select_language(bar.target_combo, source)
        self._rebind()
