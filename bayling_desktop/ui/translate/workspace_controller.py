"""The Translate workspace's controller: the open documents and the work done on them.

It holds each open document (its :class:`~bayling_desktop.translation.session.
DocumentSession` and rows), the segment model the table shows, the undo stacks, and the
parts that act on documents: opening them (``document_opener.py``), pipeline runs
(``pipeline_runs.py``), hand edits (``target_edits.py``), revision
(``revision_controller.py``) and the memory column (``tm_column.py``). Those parts are
its Qt children and reach it through :attr:`~.parts.Part.controller` (their parent),
never through the view; they change the model and say what happened with this object's
signals, which the view (``workspace_view.py``) connects to. Only the revision part is
handed a widget: the panel it presents in.

All model work goes through the shared ModelClient (one worker thread owns the model).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoGroup, QUndoStack

from ...config import Settings
from ...errors import DocumentError
from ...languages import Language, resolve
from ...sentences import Sentence
from ...storage.database import StorageError
from ...storage.projects import ProjectStore
from ...translation.memory import open_store
from ...translation.pair import LanguagePairError
from ..sentence_text import sentence_text
from ..worker import ModelClient
from .document_opener import DocumentOpener
from .open_document import OpenDocument
from .pipeline_runs import RunController
from .revision_controller import RevisionController
from .segment_model import SegmentTableModel
from .target_edits import Editing
from .tm_column import MatchScanner

if TYPE_CHECKING:
    from .revision_panel import RevisionPanel


class WorkspaceController(QObject):
    #: a line for the message area (already in the UI language); True: an error
    message = Signal(str, bool)
    #: the progress bar: value, maximum, its text
    progressShown = Signal(int, int, str)
    #: the run's time left ("" clears it)
    etaShown = Signal(str)
    #: the run was paused or resumed (the Pause button follows)
    pausedChanged = Signal(bool)
    #: a document was opened: its path and its place among the open ones
    documentAdded = Signal(object, int)
    #: a document was closed (its path)
    documentRemoved = Signal(object)
    #: another document is on screen (an OpenDocument, or None: none)
    documentShown = Signal(object)
    #: a file could not be opened: its path and the sentence why
    openFailed = Signal(object, str)
    #: an encrypted PDF needs its password: its path and the OpenRequest to repeat with it
    passwordNeeded = Signal(object, object)
    #: a segment's text settled (its row height fits it again)
    rowSettled = Signal(int)
    #: the run reached a segment the view should bring into sight
    scrollRequested = Signal(int)
    #: the document's glossary changed (its size, the highlighted terms)
    glossaryChanged = Signal()
    #: typed text in open editors must be saved now (before a run, another document)
    commitEdits = Signal()
    #: a translation or status changed: the progress bar and the counts follow
    countsChanged = Signal()
    #: runs, revisions or the document on screen changed: what is enabled follows
    stateChanged = Signal()
    pathsOpened = Signal(list)
    # tokens per second of the run (all sequences together), for the status bar
    speedChanged = Signal(float)
    # aggregate tokens per second and how many sequences run at once, for the status bar
    throughputChanged = Signal(float, int)
    # True while a batch or a revision runs
    busyChanged = Signal(bool)
    # the undo stack on screen changed (another document): for the Edit menu
    undoStackChanged = Signal(object)
    # a translation was asked for before any model was chosen (the window offers one)
    modelNeeded = Signal()

    def __init__(self, client: ModelClient, settings: Settings, panel: RevisionPanel,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.client = client
        self.settings = settings
        self.store: ProjectStore | None = None
        #: why the projects database could not be opened (None when it could)
        self.store_error: Sentence | None = None
        try:
            self.store = open_store()
        except StorageError as exc:  # work is still possible, only not saved: say so
            self.store_error = exc.sentence
        self.undo_group = QUndoGroup(self)
        self.empty_stack = QUndoStack(self)
        self.undo_group.addStack(self.empty_stack)
        self.undo_group.setActiveStack(self.empty_stack)
        self.model = SegmentTableModel(self)
        self.docs: dict[Path, OpenDocument] = {}
        self.current: OpenDocument | None = None
        #: the files of the last open request, in the order given
        self.opened: list[Path] = []
        #: the open documents in the picker's order
        self.order: list[Path] = []
        #: the language pickers' values (source choice or "auto", target code)
        self.picked = (settings.source_language, settings.target_language)
        self.opener: DocumentOpener = DocumentOpener(self)
        self.editing: Editing = Editing(self)
        self.runs: RunController = RunController(self)
        self.revising: RevisionController = RevisionController(self, panel)
        self.matches: MatchScanner = MatchScanner(self)

    # -- state ----------------------------------------------------------------------------

    @property
    def busy(self) -> bool:
        return self.runs.running or self.revising.running

    def say(self, text: str, error: bool = False) -> None:
        self.message.emit(text, error)

    def changed(self) -> None:
        """Runs, revisions or the document changed: the view updates what is enabled."""
        self.stateChanged.emit()
        self.busyChanged.emit(self.busy)

    def undo_stack(self) -> QUndoStack:
        """The undo stack of the document on screen (Edit ▸ Undo drives this one)."""
        return self.undo_group.activeStack() or self.empty_stack

    # -- languages ------------------------------------------------------------------------

    def target_language(self) -> Language:
        return resolve(self.picked[1])

    def source_language(self) -> Language | None:
        code = self.picked[0]
        if code == "auto":
            detected = self.current.detected if self.current is not None else None
            return resolve(detected) if detected else None
        return resolve(code)

    def pair_problem(self) -> str:
        """Why the document on screen cannot be translated in its pair ("" when it can)."""
        doc = self.current
        if doc is None:
            return ""
        try:
            doc.session.check()
        except (LanguagePairError, DocumentError) as exc:
            return sentence_text(exc)
        return ""

    # -- the document on screen -----------------------------------------------------------

    def show(self, doc: OpenDocument | None) -> None:
        """Put *doc* on screen (None: none); a run on another document stops first."""
        if self.runs.running and doc is not self.current:
            self.stop()
        self.commitEdits.emit()  # into the document it was typed in
        self.current = doc
        if doc is not None:  # the pickers show its pair
            self.picked = (doc.source_choice, doc.target or self.picked[1])
        stack = doc.undo if doc is not None else self.empty_stack
        self.undo_group.setActiveStack(stack)
        self.undoStackChanged.emit(stack)
        self.model.set_rows(doc.rows if doc is not None else [])
        self.revising.clear()
        self.documentShown.emit(doc)
        if doc is not None:
            self.matches.scan(doc)  # the TM column fills in as the window stays usable
        self.changed()

    def stop(self) -> None:
        """Stop the run and any revision; finished segments stay."""
        self.runs.stop()
        self.revising.stop()

    def shutdown(self) -> None:
        """The window closes: stop work and let go of the projects (their locks)."""
        self.commitEdits.emit()
        self.stop()
        if self.store is not None:
            self.store.close()
            self.store = None

    def close_current(self) -> bool:
        """Close the document on screen (its work is saved already) and show the next
        open one; False (and a message) while the model works on it."""
        doc = self.current
        if doc is None:
            return False
        if self.busy:
            self.say(self.tr("The document is being worked on; stop it (Esc) before "
                             "closing it."), error=True)
            return False
        self.commitEdits.emit()
        path = doc.document.path
        place = self.order.index(path) if path in self.order else 0
        self.docs.pop(path, None)
        self.order = [p for p in self.order if p != path]
        self.opened = [p for p in self.opened if Path(p) != path]
        if doc.project is not None and self.store is not None:
            self.store.release(doc.project)
        self.documentRemoved.emit(path)
        self.undo_group.setActiveStack(self.empty_stack)
        self.undo_group.removeStack(doc.undo)
        following = self.docs.get(self.order[min(place, len(self.order) - 1)]
                                  ) if self.order else None
        self.show(following)
        if following is not None:
            self.opener.say_opened(following)
        self.say(self.tr("Closed {0}. Its translations are saved; open it again to go "
                         "on.").format(path.name))
        return True

    # -- the glossary ---------------------------------------------------------------------

    def recheck(self) -> None:
        """The document's glossary changed: check its translations again (saving the flags,
        which are the segment's and come back after a restart)."""
        doc = self.current
        if doc is None:
            return
        for row in doc.rows:
            if row.target:
                flags = self.editing.flags_for(doc, row.idx, row.target)
                self.model.update_row(row.idx, flags=flags)
                if doc.project is not None and doc.project.segments[row.idx].flags != flags:
                    doc.project.set_flags(row.idx, flags)
        self.glossaryChanged.emit()

    def terms_in(self, source: str) -> list[str]:
        """The glossary terms of the document on screen found in *source* (highlighted)."""
        doc = self.current
        return [t.source for t in doc.glossary.matches(source)] if doc is not None else []
