"""What the workspace keeps per opened document, and the pieces that change it.

Each document has its own undo stack (in a ``QUndoGroup``, so Edit ▸ Undo, Ctrl+Z and
the toolbar always act on the document on screen), its project in SQLite (where every
change is saved at once) and its glossary. Documents are parsed on a helper thread so
a large file never freezes the window; word counts are taken there too.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from ... import documents
from ...errors import BaylingError
from ...storage.projects import Project, ProjectStore
from ...translation.glossary import Glossary
from .revision import Turn
from .segments import SegmentRow, count_chars, count_words

if TYPE_CHECKING:
    from ...documents.model import Unit


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
    proposals: dict[int, tuple[int, str, list[str]]] = field(default_factory=dict)
    detected: str | None = None


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


class Loader(QObject):
    """Parses documents on a plain thread and hands the result back as a queued signal."""

    loaded = Signal(object, object, object)  # path, Document, sizes
    failed = Signal(object, str)  # path, message

    def start(self, path: Path) -> None:
        threading.Thread(target=self._run, args=(path,), daemon=True).start()

    def _run(self, path: Path) -> None:
        try:
            document = documents.open_document(path)
            sizes = [(count_words(u.source), count_chars(u.source)) for u in document.units]
        except BaylingError as exc:
            self.failed.emit(path, str(exc))
        except Exception as exc:  # a parser bug must not vanish silently
            self.failed.emit(path, self.tr("{0} could not be read: {1}").format(path.name, exc))
        else:
            self.loaded.emit(path, document, sizes)


def rows_of(document: documents.Document) -> list[SegmentRow]:
    return [SegmentRow(i, unit.id, unit.source, unit.target or "",
                       "draft" if unit.target else "new",
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
