"""Opening documents and the language pair they are translated in.

The pair is the document session's (``translation/session.py``, the same rule as the
CLI): reopening a file shows the pair its project was last worked on in, a PO or XLIFF
header names it for a new file, else the preferred target unless the text is in that
language already. A pair whose source and target are one language is refused with one
sentence, whether the source was picked or detected. The pickers show the pair of the
document on screen; changing them re-binds its project.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from PySide6.QtCore import QObject, Slot
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from ... import documents
from ...errors import DocumentError
from ...languages import Language, resolve
from ...translation.pair import LanguagePairError
from ..sentence_text import sentence_text
from .controller import Loader, OpenDocument, OpenRequest, Prepared, restore_rows, weak

if TYPE_CHECKING:
    from .workspace import TranslateWorkspace


class DocumentOpener(QObject):
    def __init__(self, workspace: TranslateWorkspace) -> None:
        super().__init__(workspace)
        self.ws = weak(workspace)
        #: a restored desk: the document that was on screen, and all it reopens
        self._front: str | None = None
        self._desk: set[str] = set()
        #: said with the first restored document: the files that were gone
        self._desk_note = ""
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
        self._front = None  # the files asked for now go on screen, not the desk's
        ws.show_message(ws.tr("Opening {0}…").format(", ".join(p.name for p in files)))
        for path in files:
            self._loader.start(self._request(path), ws.store)
        ws.pathsOpened.emit(list(files))

    def _request(self, path: Path, pair: tuple[str, str] | None = None,
                 selected: int | None = None) -> OpenRequest:
        settings = self.ws.settings
        return OpenRequest(path, settings.target_language, settings.translate_comments,
                           settings.source_language, pair, selected)

    def desk(self) -> list[dict[str, Any]]:
        """The documents open, in the picker's order, each with its pair and selected
        segment: what the next start reopens (saved in Settings)."""
        entries: list[dict[str, Any]] = []
        combo = self.ws.bar.document_combo
        for row in range(combo.count()):
            doc = self.ws.docs.get(Path(str(combo.itemData(row))))
            if doc is None:
                continue
            entries.append({"path": str(doc.document.path), "source": doc.source_choice,
                            "target": doc.target or "", "segment": doc.selected,
                            "current": doc is self.ws.current})
        return entries

    def restore_desk(self, entries: list[dict[str, Any]]) -> None:
        """Reopen the documents of :meth:`desk` in their pairs, each segment selected and
        the one that was on screen shown (files that are gone are left out, with a word)."""
        ws = self.ws
        wanted = [entry for entry in entries if isinstance(entry, dict) and entry.get("path")]
        present = [entry for entry in wanted if Path(str(entry["path"])).is_file()]
        missing = [Path(str(entry["path"])).name for entry in wanted if entry not in present]
        self._desk_note = ws.tr("No longer there, not reopened: {0}").format(
            ", ".join(missing)) if missing else ""
        if not present:
            ws.show_message(self._desk_note)
            return
        ws.opened = [Path(str(entry["path"])) for entry in present]
        self._desk = {str(path) for path in ws.opened}
        front = next((e for e in present if e.get("current")), present[0])
        self._front = str(front["path"])
        for entry in present:
            target = str(entry.get("target") or "")
            pair = (str(entry.get("source") or "auto"), target) if target else None
            segment = entry.get("segment")
            self._loader.start(self._request(Path(str(entry["path"])), pair,
                                             segment if isinstance(segment, int) else None),
                               ws.store)

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
        doc = OpenDocument(prepared.session, prepared.rows, stack, prepared.sizes,
                           selected=prepared.selected)
        old = ws.docs.get(path)
        if old is not None:
            ws.undo_group.removeStack(old.undo)
            if old.project is not None and (doc.project is None
                                            or old.project.id != doc.project.id):
                old.session.close()
        notices = [sentence_text(prepared.notice)] if prepared.notice else []
        if doc.session.save_error:
            notices.append(ws.tr("Translations will not be saved: {0}").format(
                sentence_text(doc.session.save_error)))
        # what reading the file left untranslated (comments, tracked changes…) is said too
        warnings = [*map(sentence_text, prepared.document.notices), *notices]
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
        self.show_pair(doc)
        ws.show_document(doc)
        self.say_opened(doc)

    def say_opened(self, doc: OpenDocument) -> None:
        """The message line for *doc* on screen: what opening it found, else its size."""
        ws = self.ws
        size = (ws.tr("{0}: 1 segment.") if len(doc.rows) == 1  # English has a singular
                else ws.tr("{0}: {1} segments.")).format(doc.document.path.name, len(doc.rows))
        note, self._desk_note = self._desk_note, ""
        ws.show_message("\n".join(line for line in (note, doc.opening_note or size) if line),
                        error=doc.opening_note_is_error)

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
        any order, so of a batch the first one given wins, whichever arrives last (of a
        restored desk, the document that was on screen)."""
        current = self.ws.current
        if current is None:
            return True
        if self._front is not None:
            return str(path) == self._front
        order = [str(p) for p in self.ws.opened]
        if str(path) not in order:
            return str(path) not in self._desk  # a desk file arriving late stays behind
        shown = str(current.document.path)
        return shown not in order or order.index(str(path)) <= order.index(shown)

    def show_pair(self, doc: OpenDocument) -> None:
        """Put the document's language pair into the pickers (without re-binding)."""
        bar = self.ws.bar
        if doc.target:
            bar.select_language(bar.target_combo, doc.target)
        bar.select_language(bar.source_combo, doc.source_choice)

    def change_pair(self, doc: OpenDocument, source_choice: str, target: str) -> bool:
        """The user picked another pair for *doc*: its session checks it and binds the
        project for it (the rows then show that project's work). Refused: the pickers go
        back to the document's pair and the user hears why."""
        ws = self.ws
        try:
            doc.session.set_pair(source_choice, target)
        except (LanguagePairError, DocumentError) as exc:
            self.show_pair(doc)
            ws.show_message(sentence_text(exc), error=True)
            return False
        doc.proposals = {}
        restore_rows(doc.session, doc.rows)
        if doc.session.save_error:
            ws.show_message(ws.tr("Translations will not be saved: {0}").format(
                sentence_text(doc.session.save_error)), error=True)
        return True

    @Slot(object, str)
    def _on_loader_failed(self, path: Path, message: str) -> None:
        self.ws.show_message(message, error=True)
        QMessageBox.warning(self.view(), self.ws.tr("Could not open document"), message)

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
        """Why the document on screen cannot be translated in its pair ("" when it can)."""
        doc = self.ws.current
        if doc is None:
            return ""
        try:
            doc.session.check()
        except (LanguagePairError, DocumentError) as exc:
            return sentence_text(exc)
        return ""

    def _picked(self, doc: OpenDocument) -> None:
        """Both pickers' values become *doc*'s pair (not while a run uses its project)."""
        bar = self.ws.bar
        if self.ws.runs.running:
            self.show_pair(doc)
            return
        if self.change_pair(doc, str(bar.source_combo.currentData()),
                            str(bar.target_combo.currentData())):
            self.ws.show_document(doc)

    @Slot(int)
    def _on_target_combo_changed(self, _number: int) -> None:
        doc = self.ws.current
        if doc is not None:
            self._picked(doc)

    @Slot(int)
    def _on_source_combo_changed(self, _number: int) -> None:
        doc = self.ws.current
        if doc is None:
            return
        choice = str(self.ws.bar.source_combo.currentData())
        if doc.target is None or doc.project is None:
            self._picked(doc)
            return
        try:
            doc.session.set_source_choice(choice)  # same project: prompts, memory keys
        except LanguagePairError as exc:
            self.show_pair(doc)
            self.ws.show_message(sentence_text(exc), error=True)

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
        doc = self.ws.current
        if doc is not None:
            self._picked(doc)
