"""Opening documents and the language pair they are translated in.

A document remembers its pair: reopening a file shows the target language its project
was last worked on in (not the last global choice), a PO or XLIFF header names it for
a new file, and a source equal to the target is refused with a sentence. When the
source is "detect", the detected language is shown and stored in the project, so the
memory is keyed with a real language.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QObject, Slot
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from ... import documents
from ...errors import DocumentError
from ...languages import Language, resolve
from ..i18n import translate_error
from .controller import (
    LanguagePairError,
    Loader,
    OpenDocument,
    Prepared,
    bind,
    check_pair,
    weak,
)

if TYPE_CHECKING:
    from .workspace import TranslateWorkspace


class DocumentOpener(QObject):
    def __init__(self, workspace: TranslateWorkspace) -> None:
        super().__init__(workspace)
        self.ws = weak(workspace)
        self._loader = Loader(self)
        self._loader.loaded.connect(self._on_loader_loaded)
        self._loader.failed.connect(self._on_loader_failed)
        bar = workspace.bar
        bar.open_button.clicked.connect(self.open_dialog)
        bar.document_combo.currentIndexChanged.connect(self._on_document_combo_changed)
        bar.swap_button.clicked.connect(self._on_swap_button_clicked)
        bar.source_combo.currentIndexChanged.connect(self._on_source_combo_changed)
        bar.target_combo.currentIndexChanged.connect(self._on_target_combo_changed)

    def view(self) -> QWidget:
        """The workspace as a Qt parent (``self.ws`` is a weak proxy, which Qt refuses)."""
        return cast(QWidget, self.parent())

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
            self._loader.start(path, ws.store, str(ws.bar.source_combo.currentData()),
                               self.target_language().code, ws.settings.translate_comments)
        ws.pathsOpened.emit(list(files))

    @Slot()
    def open_dialog(self) -> None:
        patterns = " ".join(f"*{ext}" for ext in documents.supported_extensions())
        names, _ = QFileDialog.getOpenFileNames(
            self.view(), self.ws.tr("Open documents"), "",
            self.ws.tr("Documents ({0});;All files (*)").format(patterns))
        if names:
            self.open_paths([Path(n) for n in names])

    @Slot(object, object)
    def _on_loader_loaded(self, path: Path, prepared: Prepared) -> None:
        ws = self.ws
        if not prepared.rows:
            ws.show_message(ws.tr("{0} holds no text to translate.").format(path.name))
            return
        stack = QUndoStack(self.view())
        ws.undo_group.addStack(stack)
        doc = OpenDocument(prepared.document, prepared.rows, stack, prepared.sizes,
                           prepared.project, prepared.glossary)
        doc.detected = prepared.detected
        doc.source_choice = prepared.source_choice
        old = ws.docs.get(path)
        if old is not None:
            ws.undo_group.removeStack(old.undo)
            if old.project is not None and ws.store is not None and (
                    prepared.project is None or old.project.id != prepared.project.id):
                ws.store.release(old.project)
        notices = [prepared.notice] if prepared.notice else []
        if prepared.save_error:
            notices.append(ws.tr("Translations will not be saved: {0}").format(
                prepared.save_error))
        # what reading the file left untranslated (comments, tracked changes…) is said too
        warnings = [*getattr(prepared.document, "warnings", []),
                    *getattr(prepared.document, "notices", []), *notices]
        doc.opening_note, doc.opening_note_is_error = "\n".join(warnings), bool(notices)
        ws.docs[path] = doc
        combo = ws.bar.document_combo
        if combo.findData(str(path)) < 0:
            combo.insertItem(self._combo_slot(path), path.name, str(path))
        if not self._shows_first(path):
            return  # an earlier file of the same batch is on screen: keep it there
        current = ws.current
        if ws.runs.running and current is not None and current.document.path != path:
            # showing it would stop the run; the user asked for a file, not for that
            ws.show_message(ws.tr("{0} is open; {1} is still being translated (pick {0} "
                                  "above to switch).").format(path.name,
                                                              current.document.path.name))
            return
        blocked = combo.blockSignals(True)
        combo.setCurrentIndex(combo.findData(str(path)))
        combo.blockSignals(blocked)
        self.show_pair(doc, prepared.target)
        ws.show_document(doc)
        self.say_opened(doc)

    def say_opened(self, doc: OpenDocument) -> None:
        """The message line for *doc* on screen: what opening it found, else its size."""
        ws = self.ws
        size = (ws.tr("{0}: 1 segment.") if len(doc.rows) == 1  # English has a singular
                else ws.tr("{0}: {1} segments.")).format(doc.document.path.name, len(doc.rows))
        ws.show_message(doc.opening_note or size, error=doc.opening_note_is_error)

    def _combo_slot(self, path: Path) -> int:
        """Where *path* goes in the picker: files opened together keep the order given."""
        order = {str(p): n for n, p in enumerate(self.ws.opened)}
        mine = order.get(str(path))
        combo = self.ws.bar.document_combo
        if mine is not None:
            for row in range(combo.count()):
                other = order.get(str(combo.itemData(row)))
                if other is not None and other > mine:
                    return row
        return combo.count()

    def _shows_first(self, path: Path) -> bool:
        """Whether *path*, just loaded, goes on screen: files load in parallel and finish in
        any order, so of a batch the first one given wins, whichever arrives last."""
        current = self.ws.current
        order = [str(p) for p in self.ws.opened]
        if current is None or str(path) not in order:
            return True
        shown = str(current.document.path)
        return shown not in order or order.index(str(path)) <= order.index(shown)

    def show_pair(self, doc: OpenDocument, target: str | None = None) -> None:
        """Put the document's language pair into the pickers (without re-binding)."""
        bar = self.ws.bar
        target = target or (doc.project.target_lang if doc.project is not None else None)
        if target:
            bar.select_language(bar.target_combo, target)
        bar.select_language(bar.source_combo, doc.source_choice)

    def bind_project(self, doc: OpenDocument) -> None:
        """Re-bind *doc* after the user changed its pair (the old project is let go)."""
        store = self.ws.store
        if store is None:
            return
        previous = doc.project
        prepared = Prepared(doc.document, doc.rows, doc.sizes, doc.detected,
                            str(self.ws.bar.source_combo.currentData()),
                            self.target_language().code)
        bind(store, prepared)
        doc.project, doc.glossary = prepared.project, prepared.glossary
        doc.source_choice = prepared.source_choice
        doc.proposals = {}
        if prepared.save_error:
            self.ws.show_message(self.ws.tr("Translations will not be saved: {0}").format(
                prepared.save_error), error=True)
        if previous is not None and (doc.project is None or previous.id != doc.project.id):
            store.release(previous)  # another window may work on that pair now

    @Slot(object, str)
    def _on_loader_failed(self, path: Path, message: str) -> None:
        self.ws.show_message(message, error=True)
        QMessageBox.warning(self.view(), self.ws.tr("Could not open document"),
                            translate_error(message))

    @Slot(int)
    def _on_document_combo_changed(self, number: int) -> None:
        data = self.ws.bar.document_combo.itemData(number)
        doc = self.ws.docs.get(Path(data)) if data else None
        if doc is not None and doc is not self.ws.current:
            if not self._may_leave_run():
                return
            self.show_pair(doc)
            self.ws.show_document(doc)
            self.say_opened(doc)  # not the previous document's message

    def _may_leave_run(self) -> bool:
        """Switching documents stops a running translation: ask, and stay on "no"."""
        ws, current = self.ws, self.ws.current
        if not ws.runs.running or current is None:
            return True
        answer = QMessageBox.question(
            self.view(), ws.tr("Stop translating?"),
            ws.tr("{0} is being translated. Showing another document stops the run; the "
                  "finished segments are kept. Stop it?").format(current.document.path.name))
        if answer == QMessageBox.StandardButton.Yes:
            return True
        combo = ws.bar.document_combo
        blocked = combo.blockSignals(True)
        combo.setCurrentIndex(combo.findData(str(current.document.path)))
        combo.blockSignals(blocked)
        return False

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
            current = self.ws.current
            if current is not None:  # a catalogue that says it holds another language
                documents.check_target_language(current.document, self.target_language().code)
        except (LanguagePairError, DocumentError) as exc:
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
        if doc is not None:
            doc.source_choice = str(self.ws.bar.source_combo.currentData())
            store = self.ws.store
            if doc.project is not None and store is not None:
                store.update_settings(doc.project, source_choice=doc.source_choice)
                source = doc.source_choice if doc.source_choice != "auto" else doc.detected
                if source and not problem and doc.project.source_lang != source:
                    store.set_source_lang(doc.project, source)  # prompts and memory keys

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
