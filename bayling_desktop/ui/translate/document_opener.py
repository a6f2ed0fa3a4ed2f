"""Opening documents and the language pair they are translated in (the controller's part).

The pair is the document session's (``translation/session.py``, the same rule as the
CLI): reopening a file shows the pair its project was last worked on in, a PO or XLIFF
header names it for a new file, else the preferred target unless the text is in that
language already. A pair whose source and target are one language is refused with one
sentence, whether the source was picked or detected. The view's pickers show the pair
of the document on screen; changing them re-binds its project through here.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Slot
from PySide6.QtGui import QUndoStack

from ... import documents
from ...errors import DocumentError
from ...translation.pair import LanguagePairError
from ..sentence_text import sentence_text
from .open_document import (
    Loader,
    OpenDocument,
    OpenRequest,
    Prepared,
    restore_rows,
    sizes_of,
)
from .parts import Part

if TYPE_CHECKING:
    from .workspace_controller import WorkspaceController


class DocumentOpener(Part):
    """Reads files on a helper thread, keeps the open documents in order, and changes
    their language pairs."""

    def __init__(self, controller: WorkspaceController) -> None:
        super().__init__(controller)
        #: a restored desk: the document that was on screen, and all it reopens
        self._front: str | None = None
        self._desk: set[str] = set()
        #: said with the first restored document: the files that were gone
        self._desk_note = ""
        self._loader = Loader(self)
        self._loader.loaded.connect(self._on_loader_loaded)
        self._loader.failed.connect(controller.openFailed)
        self._loader.passwordNeeded.connect(controller.passwordNeeded)

    # -- opening ------------------------------------------------------------------------

    def open_paths(self, paths: list[Path]) -> None:
        """Files or folders the user chose, dropped, or gave on the command line."""
        ctl = self.controller
        files: list[Path] = []
        known = set(documents.supported_extensions())
        for path in paths:
            if path.is_dir():
                files.extend(sorted(p for p in path.rglob("*")
                                    if p.is_file() and p.suffix.lower() in known))
            else:
                files.append(path)
        if not files:
            ctl.say(self.tr("No document this app can translate was found there."))
            return
        ctl.opened = files
        self._front = None  # the files asked for now go on screen, not the desk's
        ctl.say(self.tr("Opening {0}…").format(", ".join(p.name for p in files)))
        for path in files:
            self._loader.start(self._request(path), ctl.store)
        ctl.pathsOpened.emit(list(files))

    def open_with_password(self, request: OpenRequest, password: str) -> None:
        """Open an encrypted PDF again, with the password the user typed (kept in memory
        with the document only)."""
        self._loader.start(dataclasses.replace(request, password=password),
                           self.controller.store)

    def _request(self, path: Path, pair: tuple[str, str] | None = None,
                 selected: int | None = None) -> OpenRequest:
        settings = self.controller.settings
        return OpenRequest(path, settings.target_language, settings.translate_comments,
                           settings.source_language, pair, selected)

    def desk(self) -> list[dict[str, Any]]:
        """The documents open, in the picker's order, each with its pair and selected
        segment: what the next start reopens (saved in Settings)."""
        entries: list[dict[str, Any]] = []
        ctl = self.controller
        for path in ctl.order:
            doc = ctl.docs.get(path)
            if doc is None:
                continue
            entries.append({"path": str(doc.document.path), "source": doc.source_choice,
                            "target": doc.target or "", "segment": doc.selected,
                            "current": doc is ctl.current})
        return entries

    def restore_desk(self, entries: list[dict[str, Any]]) -> None:
        """Reopen the documents of :meth:`desk` in their pairs, each segment selected and
        the one that was on screen shown (files that are gone are left out, with a word)."""
        ctl = self.controller
        wanted = [entry for entry in entries if isinstance(entry, dict) and entry.get("path")]
        present = [entry for entry in wanted if Path(str(entry["path"])).is_file()]
        missing = [Path(str(entry["path"])).name for entry in wanted if entry not in present]
        self._desk_note = self.tr("No longer there, not reopened: {0}").format(
            ", ".join(missing)) if missing else ""
        if not present:
            ctl.say(self._desk_note)
            return
        ctl.opened = [Path(str(entry["path"])) for entry in present]
        self._desk = {str(path) for path in ctl.opened}
        front = next((e for e in present if e.get("current")), present[0])
        self._front = str(front["path"])
        for entry in present:
            target = str(entry.get("target") or "")
            pair = (str(entry.get("source") or "auto"), target) if target else None
            segment = entry.get("segment")
            self._loader.start(self._request(Path(str(entry["path"])), pair,
                                             segment if isinstance(segment, int) else None),
                               ctl.store)

    @Slot(object, object)
    def _on_loader_loaded(self, path: Path, prepared: Prepared) -> None:
        ctl = self.controller
        if not prepared.rows:
            ctl.say(self.tr("{0} holds no text to translate.").format(path.name))
            return
        stack = QUndoStack(ctl)
        ctl.undo_group.addStack(stack)
        doc = OpenDocument(prepared.session, prepared.rows, stack, prepared.sizes,
                           selected=prepared.selected)
        old = ctl.docs.get(path)
        if old is not None:
            ctl.undo_group.removeStack(old.undo)
            if old.project is not None and (doc.project is None
                                            or old.project.id != doc.project.id):
                old.session.close()
        # what reading the file left untranslated (comments, tracked changes…) is said too
        doc.opening_notes = [*prepared.document.notices,
                             *([prepared.notice] if prepared.notice else [])]
        doc.save_error = doc.session.save_error
        doc.opening_note_is_error = bool(prepared.notice or doc.save_error)
        ctl.docs[path] = doc
        if path not in ctl.order:
            slot = self._slot(path)
            ctl.order.insert(slot, path)
            ctl.documentAdded.emit(path, slot)
        if not self._shows_first(path):
            return  # an earlier file of the same batch is on screen: keep it there
        current = ctl.current
        if ctl.runs.running and current is not None and current.document.path != path:
            # showing it would stop the run; the user asked for a file, not for that
            ctl.say(self.tr("{0} is open; {1} is still being translated (pick {0} "
                            "above to switch).").format(path.name,
                                                        current.document.path.name))
            return
        ctl.show(doc)
        self.say_opened(doc)

    def say_opened(self, doc: OpenDocument) -> None:
        """The message line for *doc* on screen: what opening it found, else its size."""
        size = (self.tr("{0}: 1 segment.") if len(doc.rows) == 1  # English has a singular
                else self.tr("{0}: {1} segments.")).format(doc.document.path.name,
                                                           len(doc.rows))
        note, self._desk_note = self._desk_note, ""
        lines = [*map(sentence_text, doc.opening_notes)]
        if doc.save_error is not None:
            lines.append(self.tr("Translations will not be saved: {0}").format(
                sentence_text(doc.save_error)))
        self.controller.say("\n".join(line for line in (note, "\n".join(lines) or size)
                                      if line), error=doc.opening_note_is_error)

    def _slot(self, path: Path) -> int:
        """Where *path* goes among the open documents (the picker's order): files opened
        together keep the order given."""
        ctl = self.controller
        order = {str(p): n for n, p in enumerate(ctl.opened)}
        mine = order.get(str(path))
        if mine is not None:
            for row, shown in enumerate(ctl.order):
                other = order.get(str(shown))
                if other is not None and other > mine:
                    return row
        return len(ctl.order)

    def _shows_first(self, path: Path) -> bool:
        """Whether *path*, just loaded, goes on screen: files load in parallel and finish in
        any order, so of a batch the first one given wins, whichever arrives last (of a
        restored desk, the document that was on screen)."""
        current = self.controller.current
        if current is None:
            return True
        if self._front is not None:
            return str(path) == self._front
        order = [str(p) for p in self.controller.opened]
        if str(path) not in order:
            return str(path) not in self._desk  # a desk file arriving late stays behind
        shown = str(current.document.path)
        return shown not in order or order.index(str(path)) <= order.index(shown)

    def change_pair(self, doc: OpenDocument, source_choice: str, target: str) -> bool:
        """The user picked another pair for *doc*: its session checks it and binds the
        project for it (the rows then show that project's work). Refused: False, and the
        user hears why (the view puts the document's pair back into the pickers)."""
        ctl = self.controller
        before = doc.project
        try:
            doc.session.set_pair(source_choice, target)
        except (LanguagePairError, DocumentError) as exc:
            ctl.say(sentence_text(exc), error=True)
            return False
        if doc.project is not before:
            doc.undo.clear()  # its steps (targets, splits) were the other project's
        doc.proposals = {}
        restore_rows(doc.session, doc.rows)
        if len(doc.sizes) != len(doc.rows):  # the other project splits other segments
            doc.sizes = sizes_of(doc.rows)
        if doc.session.save_error:
            ctl.say(self.tr("Translations will not be saved: {0}").format(
                sentence_text(doc.session.save_error)), error=True)
        return True

    def change_source(self, doc: OpenDocument, choice: str) -> bool:
        """Another source language for *doc*, same project (prompts, memory keys)."""
        try:
            doc.session.set_source_choice(choice)
        except LanguagePairError as exc:
            self.controller.say(sentence_text(exc), error=True)
            return False
        return True
