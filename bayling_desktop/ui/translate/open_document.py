"""What the workspace keeps per opened document, and the pieces that change it.

Each document is a :class:`~bayling_desktop.translation.session.DocumentSession` (its
language pair, its project in SQLite where every change is saved at once, its glossary:
the same object the CLI uses) shown as rows, with its own undo stack (in a
``QUndoGroup``, so Edit ▸ Undo, Ctrl+Z and the toolbar always act on the document on
screen). Documents are opened on a helper thread so a large file never freezes the
window; word counts are taken there too.
"""

from __future__ import annotations

import gc
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from ... import documents
from ...documents.formats.pdf import PasswordRequired
from ...documents.timing import cue_timing
from ...errors import BaylingError, DocumentError
from ...flags import Flag
from ...sentences import Sentence
from ...storage.projects import Project, ProjectStore
from ...translation.glossary import Glossary
from ...translation.pair import LanguagePairError
from ...translation.session import DocumentSession
from ..sentence_text import sentence_text
from .revision_panel import Turn
from .segment_model import SegmentRow, count_chars, count_words


@dataclass
class OpenDocument:
    """Everything the workspace keeps for one opened file: its session and its rows."""

    session: DocumentSession
    rows: list[SegmentRow]
    undo: QUndoStack
    #: (words, characters) of each segment's source, counted once when the file is read
    sizes: list[tuple[int, int]] = field(default_factory=list)
    #: explanations asked this session, per segment (they are answers, not translations)
    explanations: dict[int, list[Turn]] = field(default_factory=dict)
    #: proposals of a document-wide instruction: segment -> (candidate id, text, flags)
    proposals: dict[int, tuple[int, str, list[Flag]]] = field(default_factory=dict)
    #: what opening it found to say (the document's notices, the opener's warning; error:
    #: they need acting on), kept as sentences and worded whenever the document is brought
    #: back on screen, so a change of interface language words them anew
    opening_notes: list[Sentence] = field(default_factory=list)
    opening_note_is_error: bool = False
    #: why its translations cannot be saved, when they cannot (said with the notes)
    save_error: Sentence | None = None
    #: the segment last selected (restored when the document is shown again)
    selected: int | None = None

    @property
    def document(self) -> documents.Document:
        return self.session.document

    @property
    def project(self) -> Project | None:
        """Where its translations are saved, for the current target language."""
        return self.session.project

    @property
    def glossary(self) -> Glossary:
        return self.session.glossary

    @property
    def detected(self) -> str | None:
        return self.session.detected

    @property
    def source_choice(self) -> str:
        """The source picker's value for this document: "auto" or a language code."""
        return self.session.pair.source_choice if self.session.pair else "auto"

    @property
    def target(self) -> str | None:
        return self.session.pair.target if self.session.pair else None


class Applier(Protocol):
    def apply_target(self, doc: OpenDocument, segment: int, text: str, status: str,
                     author: str = "user", save: bool = True) -> None: ...


class SetTarget(QUndoCommand):
    """A translation or its status changed (typed, approved, accepted): undoable.

    *applied* marks a change the core already saved (an accepted proposal): the first
    redo only shows it, undo writes the earlier version back.
    """

    def __init__(self, owner: Applier, doc: OpenDocument, segment: int, text: str,
                 status: str, label: str, before: tuple[str, str] | None = None,
                 applied: bool = False) -> None:
        super().__init__(label)
        self.owner = owner
        self.doc = doc
        self.segment = segment
        row = doc.rows[segment]
        self.before = before or (row.target, row.status)
        self.after = (text, status)
        self._applied = applied

    def redo(self) -> None:
        save = not self._applied
        self._applied = False
        self.owner.apply_target(self.doc, self.segment, *self.after, save=save)

    def undo(self) -> None:
        self.owner.apply_target(self.doc, self.segment, *self.before)


@dataclass
class Prepared:
    """A document opened, its pair chosen and its project bound, ready to be shown (made
    off the GUI thread)."""

    session: DocumentSession
    rows: list[SegmentRow]
    sizes: list[tuple[int, int]]
    #: a sentence about the pair (the header's not taken, or refused)
    notice: Sentence | None = None
    #: the segment to select once shown (a restored desk)
    selected: int | None = None

    @property
    def document(self) -> documents.Document:
        return self.session.document


@dataclass(frozen=True)
class OpenRequest:
    """How the workspace wants a file opened."""

    path: Path
    #: the user's preferred target language (Settings)
    preferred_target: str
    include_comments: bool = False
    #: the user's usual source language ("auto": none), for a text too short to tell
    preferred_source: str = "auto"
    #: (source choice, target) to open in, as a restored desk had it (None: the rule)
    pair: tuple[str, str] | None = None
    selected: int | None = None
    #: what the user typed for an encrypted PDF (kept in memory only)
    password: str | None = None


def prepare(request: OpenRequest, store: ProjectStore | None) -> Prepared:
    """Open the file, choose its language pair and bind its project (any thread).

    The pair follows the one rule of :mod:`bayling_desktop.translation.pair` (the
    project's, else the file header's, else the preferred target unless the text is in
    that language). 100,000 segments take seconds here, so the loader runs it on its
    own thread and the window only shows the result.
    """
    session = DocumentSession.open(request.path, store,
                                   include_comments=request.include_comments,
                                   password=request.password)
    source, target = request.pair or (None, None)
    pair = session.choose_pair(source=source, target=target,
                               preferred_target=request.preferred_target,
                               preferred_source=request.preferred_source)
    prepared = Prepared(session, [], [], pair.notice, request.selected)
    if session.document.units:
        try:
            session.bind()  # first: the project's split segments are its rows
        except (LanguagePairError, DocumentError) as exc:  # shown, refused again on Translate
            prepared.notice = exc.sentence
    prepared.rows = rows_of(session.units())
    prepared.sizes = sizes_of(prepared.rows)
    restore_rows(session, prepared.rows)
    return prepared


def restore_rows(session: DocumentSession, rows: list[SegmentRow]) -> None:
    """Put the project's saved work (targets, statuses, flags) into the rows; rows of
    another segmentation (the project of another target split other segments) are made
    again first, in place."""
    project = session.project
    if project is None:
        return
    if [row.unit_id for row in rows] != [s.unit_id for s in project.segments]:
        rows[:] = rows_of(session.units())
    # the project holds the file's own translations (adopted when the session bound it,
    # in the target language: a TMX's French is no Chinese draft), and whatever was done
    # since
    for row, saved in zip(rows, project.segments, strict=True):
        row.target, row.status, row.flags = saved.target, saved.status, list(saved.flags)
        row.target_lang = project.target_lang


def sizes_of(rows: list[SegmentRow]) -> list[tuple[int, int]]:
    """(words, characters) of each segment's source."""
    return [(count_words(row.source), count_chars(row.source)) for row in rows]


class Loader(QObject):
    """Runs :func:`prepare` on a plain thread and hands the result back as a queued signal.

    Python's cycle collector is paused while a load runs and resumed on the GUI thread:
    reading a large file allocates enough to trigger a collection on the loader thread,
    and a collection there may destroy Qt widgets left in cycles, which crashes.
    """

    loaded = Signal(object, object)  # path, Prepared
    failed = Signal(object, str)  # path, message
    # an encrypted PDF: its password is asked for (the OpenRequest that needs it)
    passwordNeeded = Signal(object, object)  # path, OpenRequest
    _running = 0

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        # connected first, so collection is back on before anyone handles the result
        self.loaded.connect(self._on_done)
        self.failed.connect(self._on_done)
        self.passwordNeeded.connect(self._on_done)

    def start(self, request: OpenRequest, store: ProjectStore | None) -> None:
        if Loader._running == 0:
            Loader._was_enabled = gc.isenabled()
            gc.disable()
        Loader._running += 1
        threading.Thread(target=self._run, args=(request, store), daemon=True).start()

    def _on_done(self, *_result: object) -> None:
        Loader._running = max(Loader._running - 1, 0)
        if Loader._running == 0 and Loader._was_enabled:
            gc.enable()

    _was_enabled = True

    def _run(self, request: OpenRequest, store: ProjectStore | None) -> None:
        path = request.path
        try:
            prepared = prepare(request, store)
        except PasswordRequired:
            self.passwordNeeded.emit(path, request)
        except BaylingError as exc:
            self.failed.emit(path, sentence_text(exc))
        except Exception as exc:  # a parser bug must not vanish silently
            self.failed.emit(path, self.tr("{0} could not be read: {1}").format(path.name, exc))
        else:
            self.loaded.emit(path, prepared)


def rows_of(units: list[documents.Unit]) -> list[SegmentRow]:
    """One row per segment's unit (a unit of the file, or a piece of one)."""
    return [SegmentRow(i, unit.id, unit.source, unit.target or "" if unit.target_status else "",
                       unit.target_status or "new" if unit.target else "new",
                       timing=cue_timing(unit))
            for i, unit in enumerate(units)]
