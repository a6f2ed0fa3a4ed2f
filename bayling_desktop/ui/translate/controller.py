"""What the workspace keeps per opened document, and the pieces that change it.

Each document has its own undo stack (in a ``QUndoGroup``, so Edit ▸ Undo, Ctrl+Z and
the toolbar always act on the document on screen), its project in SQLite (where every
change is saved at once) and its glossary. Documents are parsed on a helper thread so
a large file never freezes the window; word counts are taken there too.
"""

from __future__ import annotations

import contextlib
import gc
import threading
import weakref
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Protocol, TypeVar, cast

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from ... import documents
from ...errors import BaylingError
from ...flags import Flag
from ...languages import resolve
from ...storage.projects import Project, ProjectStore
from ...translation.glossary import Glossary
from ...translation.langdetect import detect_language
from .revision import Turn
from .segments import SegmentRow, count_chars, count_words

if TYPE_CHECKING:
    from ...documents.model import Unit


_T = TypeVar("_T")


def weak(owner: _T) -> _T:
    """A reference to *owner* that is no part of a reference cycle.

    The workspace's helpers point back at it; as strong references those cycles are
    left to Python's cycle collector, which runs on whatever thread allocates next — a
    loader or model thread — and destroying Qt widgets there crashes the process.
    """
    return cast(_T, weakref.proxy(owner))


class LanguagePairError(BaylingError):
    """Source and target language are the same."""


@dataclass
class OpenDocument:
    """Everything the workspace keeps for one opened file."""

    document: documents.Document
    rows: list[SegmentRow]
    undo: QUndoStack
    #: (words, characters) of each segment's source, counted once when the file is read
    sizes: list[tuple[int, int]] = field(default_factory=list)
    #: where its translations are saved, for the current target language
    project: Project | None = None
    glossary: Glossary = field(default_factory=Glossary)
    #: explanations asked this session, per segment (they are answers, not translations)
    explanations: dict[int, list[Turn]] = field(default_factory=dict)
    #: proposals of a document-wide instruction: segment -> (candidate id, text, flags)
    proposals: dict[int, tuple[int, str, list[Flag]]] = field(default_factory=dict)
    detected: str | None = None
    #: the source picker's value for this document: "auto" or a language code
    source_choice: str = "auto"
    #: what opening it found to say (notices, warnings; error: they need acting on),
    #: said again whenever the document is brought back on screen
    opening_note: str = ""
    opening_note_is_error: bool = False


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


def cue_timing(document: documents.Document, number: int, unit: Unit) -> tuple[float,
                                                                                float] | None:
    """(start, end) seconds of a subtitle cue, or None for other kinds of unit."""
    if unit.kind != "cue":
        return None
    start, end = unit.meta.get("start"), unit.meta.get("end")
    if start is None or end is None:
        cues = getattr(document, "_subtitles", None)
        vtt = getattr(document, "_vtt", None)
        try:
            position = int(unit.id.rsplit("-", 1)[-1]) - 1
            if cues is not None:
                start, end = cues[position].start, cues[position].end
            elif vtt is not None:
                caption = vtt.captions[position]
                start, end = caption.start_in_seconds, caption.end_in_seconds
        except (ValueError, IndexError, AttributeError):
            return None
    seconds = [value.total_seconds() if isinstance(value, timedelta) else value
               for value in (start, end)]
    if all(isinstance(value, (int, float)) for value in seconds):
        return float(seconds[0]), float(seconds[1])  # type: ignore[arg-type]
    return None


@dataclass
class Prepared:
    """A document read and bound to its project, ready to be shown (made off the GUI thread)."""

    document: documents.Document
    rows: list[SegmentRow]
    sizes: list[tuple[int, int]]
    detected: str | None
    #: the pair to show: the source choice ("auto" or a code) and the target code
    source_choice: str
    target: str
    #: a sentence about the pair the file asked for and did not get
    notice: str = ""
    project: Project | None = None
    glossary: Glossary = field(default_factory=Glossary)
    #: why the work cannot be saved (the project is open elsewhere…)
    save_error: str = ""


def prepare(path: Path, store: ProjectStore | None, source_choice: str,
            target: str, include_comments: bool = False) -> Prepared:
    """Read *path*, choose its language pair and bind its project (any thread).

    The pair is the project's (the file was worked on before), else the file header's,
    else the one on screen. 100,000 segments take seconds here, so the loader runs it
    on its own thread and the window only shows the result.
    """
    document = documents.open_document(path, include_comments=include_comments)
    sizes = [(count_words(u.source), count_chars(u.source)) for u in document.units]
    rows = rows_of(document)
    detected = detect_language(" ".join(r.source for r in rows[:50]))
    declared: tuple[str | None, str | None] = getattr(document, "declared_languages",
                                                      (None, None))
    source, wanted = remembered_pair(store, path) or declared
    notice = ""
    if wanted:
        try:
            check_pair(source, wanted)
            target = resolve(wanted).code
            if source:
                source_choice = source if source == "auto" else resolve(source).code
        except LanguagePairError as exc:
            notice = str(exc)
        except BaylingError:
            notice = (f"{path.name} names the language “{wanted}”, which this app does not "
                      "offer; pick the target language.")
    elif source and source != "auto":
        with contextlib.suppress(BaylingError):  # unknown: detection decides
            source_choice = resolve(source).code
    prepared = Prepared(document, rows, sizes, detected, source_choice, target, notice)
    if store is not None and rows:
        bind(store, prepared)
    return prepared


def bind(store: ProjectStore, prepared: Prepared) -> None:
    """Attach the project for the file and the pair, and restore its work into the rows."""
    path = prepared.document.path
    source = prepared.source_choice if prepared.source_choice != "auto" else (
        prepared.detected or "")
    try:
        project = store.open_or_create(
            project_name(path, prepared.target), path, prepared.target, source,
            [(r.unit_id, r.source) for r in prepared.rows],
            format_name=prepared.document.format_name)
    except BaylingError as exc:  # open in another window: work goes on, unsaved
        prepared.project, prepared.save_error = None, str(exc)
        return
    store.remember_reading(project, prepared.document)
    # what the file already holds translated is the translator's: kept, not new work
    store.adopt_existing(project, documents.existing_translations(prepared.document,
                                                                  prepared.target))
    if project.settings.get("source_choice") != prepared.source_choice:
        store.update_settings(project, source_choice=prepared.source_choice)
    if source and project.source_lang != source:  # the user chose another source language
        store.set_source_lang(project, source)
    # the project holds the file's own translations now (adopted above, in the target
    # language: a TMX's French is no Chinese draft), and whatever was done since
    for row, saved in zip(prepared.rows, project.segments, strict=True):
        row.target, row.status, row.flags = saved.target, saved.status, list(saved.flags)
        row.target_lang = prepared.target
    prepared.project, prepared.save_error = project, ""
    prepared.glossary = Glossary.from_pairs(store.glossary(project))


class Loader(QObject):
    """Runs :func:`prepare` on a plain thread and hands the result back as a queued signal.

    Python's cycle collector is paused while a load runs and resumed on the GUI thread:
    reading a large file allocates enough to trigger a collection on the loader thread,
    and a collection there may destroy Qt widgets left in cycles, which crashes.
    """

    loaded = Signal(object, object)  # path, Prepared
    failed = Signal(object, str)  # path, message
    _running = 0

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        # connected first, so collection is back on before anyone handles the result
        self.loaded.connect(self._on_done)
        self.failed.connect(self._on_done)

    def start(self, path: Path, store: ProjectStore | None, source_choice: str,
              target: str, include_comments: bool = False) -> None:
        if Loader._running == 0:
            Loader._was_enabled = gc.isenabled()
            gc.disable()
        Loader._running += 1
        threading.Thread(target=self._run,
                         args=(path, store, source_choice, target, include_comments),
                         daemon=True).start()

    def _on_done(self, *_result: object) -> None:
        Loader._running = max(Loader._running - 1, 0)
        if Loader._running == 0 and Loader._was_enabled:
            gc.enable()

    _was_enabled = True

    def _run(self, path: Path, store: ProjectStore | None, source_choice: str,
             target: str, include_comments: bool) -> None:
        try:
            prepared = prepare(path, store, source_choice, target, include_comments)
        except BaylingError as exc:
            self.failed.emit(path, str(exc))
        except Exception as exc:  # a parser bug must not vanish silently
            self.failed.emit(path, self.tr("{0} could not be read: {1}").format(path.name, exc))
        else:
            self.loaded.emit(path, prepared)


def rows_of(document: documents.Document) -> list[SegmentRow]:
    return [SegmentRow(i, unit.id, unit.source, unit.target or "" if unit.target_status else "",
                       unit.target_status or "new" if unit.target else "new",
                       timing=cue_timing(document, i, unit))
            for i, unit in enumerate(document.units)]


def project_name(path: Path, target: str) -> str:
    return f"gui:{path.resolve()}:{target}"


def remembered_pair(store: ProjectStore | None, path: Path) -> tuple[str, str] | None:
    """(source, target) of the project this file was last worked on in, if any.

    The source is what the user chose ("auto" for detection), kept in the project's
    settings; the target is the project's own language.
    """
    if store is None:
        return None
    prefix = f"gui:{path.resolve()}:"
    for info in store.infos():  # most recently changed first
        if info.name.startswith(prefix):
            project = store.open(info.id)
            source = str(project.settings.get("source_choice") or project.source_lang
                         or "auto")
            return source, info.target_lang
    return None


def check_pair(source: str | None, target: str) -> None:
    """Refuse translating a language into itself (a header or a slip of the mouse)."""
    if source and source != "auto" and source.split("-")[0].lower() == (
            target.split("-")[0].lower()) and source.lower() == target.lower():
        raise LanguagePairError(
            f"The source and the target language are both “{target}”: choose another "
            "target language.")
