"""Translation projects in SQLite: segments, their history, revision threads, candidates.

A project is a source document + language pair + its segments. Every change to a
segment is its own transaction (``BEGIN IMMEDIATE … COMMIT`` under WAL with full
sync), so a crash or ``kill -9`` loses at most the segment in flight and reopening
resumes with the unfinished ones. Every target change is appended to ``history``;
undo marks the newest entry undone and restores the one before it, so nothing a user
or the model wrote is ever deleted.

The schema and its migrations are in :mod:`.project_schema`, revision threads and
candidates in :mod:`.threads`.
"""

from __future__ import annotations

import json
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Protocol

from ..errors import BaylingError
from ..flags import Flag
from ..paths import data_dir
from . import identity, reconcile
from .adopt import adopt
from .database import open_database
from .glossaries import Glossaries, StoredTerm
from .locks import LockBusy, ProjectLocks
from .project_schema import (
    AUTHORS,
    DONE,
    MIGRATIONS,
    STATUSES,
    Candidate,
    HistoryEntry,
    ProjectInfo,
    StoredSegment,
    flags_from_json,
    flags_to_json,
    settings_from_json,
)
from .resegment import ResegmentStore
from .threads import ThreadStore
from .tm import TranslationMemory


class SourceUnit(Protocol):
    """What the store reads of a document's unit (``documents.Unit`` is one)."""

    @property
    def id(self) -> str: ...
    @property
    def source(self) -> str: ...


class SourceDocument(Protocol):
    """What the store reads of a document (``documents.Document`` is one): storage does
    not import the formats."""

    @property
    def path(self) -> Path: ...
    @property
    def format_name(self) -> str: ...
    @property
    def units(self) -> Sequence[SourceUnit]: ...

__all__ = ["AUTHORS", "DONE", "MIGRATIONS", "STATUSES", "Candidate", "HistoryEntry", "Project",
           "ProjectError", "ProjectInfo", "ProjectStore", "StoredSegment", "default_path"]

class ProjectError(BaylingError):
    """A project that does not exist, or a request that does not fit it."""


def default_path() -> Path:
    return data_dir() / "projects.sqlite3"


class Project:
    """One project with its segments in memory; every change goes through the store."""

    def __init__(self, store: ProjectStore, row: sqlite3.Row,
                 segments: list[StoredSegment]) -> None:
        self.store = store
        self.id = int(row["id"])
        self.name = str(row["name"])
        self.source_path = str(row["source_path"])
        self.source_lang = str(row["source_lang"])
        self.target_lang = str(row["target_lang"])
        self.format = str(row["format"])
        self.settings: dict[str, Any] = settings_from_json(row["settings"])
        self.created = float(row["created"])
        self.segments = segments
        #: set by open_or_create when the document changed: units that became new work,
        #: and segments whose unit is gone (their history is kept)
        self.requeued = 0
        self.dropped = 0

    def __repr__(self) -> str:
        return f"Project({self.id}, {self.name!r}, {len(self.segments)} segments)"

    def unfinished(self) -> list[StoredSegment]:
        """Segments that still need the model, in reading order."""
        return [s for s in self.segments if s.status not in DONE]

    def set_target(self, index: int, text: str, status: str = "edited", author: str = "user",
                   flags: Sequence[Flag] = (), remember: bool | None = None) -> None:
        self.store.save_segment(self, index, text, status, list(flags), author, remember)

    def set_status(self, index: int, status: str) -> None:
        self.store.set_status(self, index, status)

    def set_flags(self, index: int, flags: Sequence[Flag]) -> None:
        self.store.set_flags(self, index, flags)

    def undo_target(self, index: int) -> StoredSegment:
        return self.store.undo_target(self, index)

    def history(self, index: int) -> list[HistoryEntry]:
        return self.store.entries(self, index)

    def translations(self) -> dict[str, str]:
        """unit id -> target for every segment with a usable translation."""
        return {s.unit_id: s.target for s in self.segments if s.status in DONE and s.target}


class ProjectStore(ThreadStore, ResegmentStore):
    """All projects and the translation memory, in one file (thread-safe writes)."""

    def __init__(self, path: Path | None = None, *,
                 is_poisoned: Callable[[str, str, str], bool] | None = None) -> None:
        """*is_poisoned(source, target, target_lang)* judges remembered pairs when an old
        file's memory is cleaned on upgrade (``translation.memory.open_store`` passes the
        verifier's judgement; a store opened without it cannot upgrade such a file)."""
        self.path = path or default_path()
        functions = {"is_poisoned": (3, is_poisoned)} if is_poisoned is not None else None
        self._conn = open_database(self.path, MIGRATIONS, functions)
        self._lock = threading.RLock()
        self._project_locks = ProjectLocks(self.path)
        self.memory = TranslationMemory(self._conn, self._tx)
        self.glossaries = Glossaries(self._conn, self._tx)

    def close(self) -> None:
        self._project_locks.release_all()
        self._conn.close()

    def release(self, project: Project) -> None:
        """Let another window or process open *project* (closing the store does too)."""
        self._project_locks.release(project.id)

    def __enter__(self) -> ProjectStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def _tx(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                yield self._conn
            except BaseException:
                self._conn.execute("ROLLBACK")
                raise
            self._conn.execute("COMMIT")

    # -- projects -------------------------------------------------------------------------

    def create(self, document: SourceDocument, source_lang: str, target_lang: str,
               name: str | None = None, settings: Mapping[str, Any] | None = None) -> Project:
        """A new project over *document*, one segment per unit, under a free name."""
        if name is None:
            name = self._free_name(f"{document.path.name} → {target_lang}")
        elif self._find(name) is not None:
            raise ProjectError("project_called_already_exists", name=name)
        return self.open_or_create(name, document.path, target_lang, source_lang,
                                   [(u.id, u.source) for u in document.units],
                                   format_name=document.format_name, settings=settings)

    def _free_name(self, wanted: str) -> str:
        name, number = wanted, 2
        while self._find(name) is not None:
            name, number = f"{wanted} ({number})", number + 1
        return name

    def _find(self, name_or_id: str | int) -> sqlite3.Row | None:
        if isinstance(name_or_id, int):
            return self._conn.execute("SELECT * FROM projects WHERE id = ?",
                                      (name_or_id,)).fetchone()
        return self._conn.execute("SELECT * FROM projects WHERE name = ?",
                                  (name_or_id,)).fetchone()

    def open_or_create(self, name: str, source_path: Path, target_lang: str, source_lang: str,
                       units: Sequence[tuple[str, str]], *, format_name: str = "",
                       settings: Mapping[str, Any] | None = None) -> Project:
        """The project called *name*, created with *units* (id, source) if it is new.

        The project is locked for this store until :meth:`release` or :meth:`close`:
        another window or process gets a ProjectError instead of writing over it. An
        existing project whose document was edited is reconciled by content (see
        :mod:`.reconcile`): unchanged units keep their translations wherever they
        moved, changed ones are re-queued; ``project.requeued`` and ``.dropped`` say
        how many, so the caller can tell the user.
        """
        now = time.time()
        with self._tx() as conn:
            row = conn.execute("SELECT id FROM projects WHERE name = ?", (name,)).fetchone()
            if row is None:
                cursor = conn.execute(
                    "INSERT INTO projects (name, source_path, target_lang, source_lang, created,"
                    " updated, format, settings) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    (name, str(source_path), target_lang, source_lang, now, now, format_name,
                     json.dumps(dict(settings or {}), ensure_ascii=False)))
                project_id = int(cursor.lastrowid or 0)
                self._lock_project(project_id, name)
                conn.executemany(
                    "INSERT INTO segments (project_id, idx, unit_id, source) VALUES (?, ?, ?, ?)",
                    [(project_id, idx, unit_id, source)
                     for idx, (unit_id, source) in enumerate(units)])
                self.glossaries.attach_default(conn, project_id)
                plan = None
            else:
                project_id = int(row[0])
                self._lock_project(project_id, name)
                plan = reconcile.apply(conn, project_id, units)
        project = self.open(project_id)
        if plan is not None:
            project.requeued, project.dropped = plan.requeued, len(plan.removed)
        return project

    def _lock_project(self, project_id: int, name: str) -> None:
        try:
            self._project_locks.acquire(project_id)
        except LockBusy:
            raise ProjectError("project_open_another_window", name=name) from None
        except OSError as exc:
            raise ProjectError("could_not_lock_project", name=name, reason=exc.strerror or exc) \
                from None

    def open(self, name_or_id: str | int) -> Project:
        row = self._find(name_or_id)
        if row is None:
            raise ProjectError("no_such_project", name_or_id=name_or_id)
        segments = [StoredSegment(r["idx"], r["unit_id"], r["source"], r["target"], r["status"],
                                  flags_from_json(r["flags"]))
                    for r in self._conn.execute(
                        "SELECT * FROM segments WHERE project_id = ? ORDER BY idx", (row["id"],))]
        return Project(self, row, segments)

    def infos(self) -> list[ProjectInfo]:
        """Every project, most recently changed first."""
        placeholders = ", ".join("?" for _ in DONE)
        rows = self._conn.execute(
            "SELECT p.*, count(s.idx) AS total, "
            f"coalesce(sum(s.status IN ({placeholders})), 0) AS done "
            "FROM projects p LEFT JOIN segments s ON s.project_id = p.id "
            "GROUP BY p.id ORDER BY p.updated DESC, p.id DESC", DONE).fetchall()
        return [ProjectInfo(r["id"], r["name"], r["source_path"], r["source_lang"],
                            r["target_lang"], int(r["done"]), int(r["total"]), r["updated"],
                            settings_from_json(r["settings"]))
                for r in rows]

    def names(self) -> list[str]:
        return [info.name for info in self.infos()]

    def projects_of(self, path: Path) -> list[identity.FileProject]:
        """The projects bound to the file *path* (see :mod:`.identity`), most recently
        worked on first (one query on the project table: no segment is read)."""
        prefix = identity.file_project_name_raw(identity.file_key(path), "")
        found = []
        for row in self._conn.execute(
                "SELECT * FROM projects WHERE substr(name, 1, ?) = ? "
                "ORDER BY updated DESC, id DESC", (len(prefix), prefix)):
            parsed = identity.parse_file_project_name(str(row["name"]), path)
            if parsed is not None:
                found.append(identity.FileProject(
                    int(row["id"]), str(row["name"]), parsed[0], parsed[1],
                    str(row["source_lang"]), settings_from_json(row["settings"])))
        return found

    def recent_targets(self, limit: int = 20) -> list[str]:
        """The target languages of the projects worked on last, newest first."""
        return [str(r[0]) for r in self._conn.execute(
            "SELECT target_lang FROM projects ORDER BY updated DESC, id DESC LIMIT ?",
            (limit,))]

    def touch(self, project: Project) -> None:
        """Mark *project* as the one its document was last worked on in."""
        with self._tx() as conn:
            conn.execute("UPDATE projects SET updated = ? WHERE id = ?",
                         (time.time(), project.id))

    def delete(self, name_or_id: str | int) -> None:
        row = self._find(name_or_id)
        if row is None:
            raise ProjectError("no_such_project", name_or_id=name_or_id)
        with self._tx() as conn:
            conn.execute("DELETE FROM projects WHERE id = ?", (row["id"],))

    def set_source_lang(self, project: Project, code: str) -> None:
        """Record the source language once it is known (given, or detected once)."""
        with self._tx() as conn:
            conn.execute("UPDATE projects SET source_lang = ?, updated = ? WHERE id = ?",
                         (code, time.time(), project.id))
        project.source_lang = code

    def update_settings(self, project: Project, **changes: Any) -> None:
        project.settings.update(changes)
        with self._tx() as conn:
            conn.execute("UPDATE projects SET settings = ?, updated = ? WHERE id = ?",
                         (json.dumps(project.settings, ensure_ascii=False), time.time(),
                          project.id))

    # -- segments ---------------------------------------------------------------------------

    @staticmethod
    def _check(project: Project, idx: int, status: str) -> StoredSegment:
        if status not in STATUSES:
            raise ValueError(f"unknown segment status {status!r}")
        if not 0 <= idx < len(project.segments):
            raise ProjectError("project_no_segment", project=project.name, idx=idx + 1)
        return project.segments[idx]

    def save_segment(self, project: Project, idx: int, target: str, status: str,
                     flags: Sequence[Flag], author: str, remember: bool | None = None) -> None:
        """Persist one segment now (its own transaction) and record it in the history.

        *remember* puts the pair into the translation memory in the same transaction.
        The caller's memory policy decides (``translation/memory.py``); by default only
        what a person wrote or approved is remembered — never a model draft, so a bad
        draft cannot be served back on a later run. Edited and approved pairs are marked
        approved and win over model drafts on a later lookup.
        """
        segment = self._check(project, idx, status)
        now = time.time()
        with self._tx() as conn:
            conn.execute("UPDATE segments SET target = ?, status = ?, flags = ? "
                         "WHERE project_id = ? AND idx = ?",
                         (target, status, flags_to_json(flags), project.id, idx))
            conn.execute("INSERT INTO history (project_id, idx, target, status, author, at) "
                         "VALUES (?, ?, ?, ?, ?, ?)", (project.id, idx, target, status, author,
                                                       now))
            conn.execute("UPDATE projects SET updated = ? WHERE id = ?", (now, project.id))
            if remember is None:
                remember = status in ("edited", "approved") and not flags
            if remember and status in DONE and project.source_lang:
                self.memory.remember(conn, project.source_lang, project.target_lang,
                                     segment.source, target, status in ("edited", "approved"))
        segment.target, segment.status, segment.flags = target, status, list(flags)

    def set_status(self, project: Project, idx: int, status: str) -> None:
        """Change only the status (e.g. "translating"): not a new version of the text."""
        segment = self._check(project, idx, status)
        with self._tx() as conn:
            conn.execute("UPDATE segments SET status = ? WHERE project_id = ? AND idx = ?",
                         (status, project.id, idx))
        segment.status = status

    def reset_statuses(self, project: Project, keep: Sequence[str] = ()) -> None:
        """Every segment back to "new" (texts and history kept), in one transaction;
        segments whose status is in *keep* (say, what a person wrote) stay as they are."""
        spared = f" AND status NOT IN ({', '.join('?' for _ in keep)})" if keep else ""
        with self._tx() as conn:
            conn.execute(f"UPDATE segments SET status = 'new' WHERE project_id = ?{spared}",
                         (project.id, *keep))
        for segment in project.segments:
            if segment.status not in keep:
                segment.status = "new"

    def adopt_existing(self, project: Project, existing: Mapping[str, tuple[str, str]],
                       redo: Sequence[str] = ()) -> int:
        """The file's own translations into *project* (see :mod:`.adopt`)."""
        return adopt(self._tx, project, existing, redo)

    def set_flags(self, project: Project, idx: int, flags: Sequence[Flag]) -> None:
        segment = self._check(project, idx, project.segments[idx].status
                              if 0 <= idx < len(project.segments) else "new")
        with self._tx() as conn:
            conn.execute("UPDATE segments SET flags = ? WHERE project_id = ? AND idx = ?",
                         (flags_to_json(flags), project.id, idx))
        segment.flags = list(flags)

    def entries(self, project: Project, idx: int) -> list[HistoryEntry]:
        """Every change to a segment, oldest first, undone ones included."""
        return [HistoryEntry(r["target"], r["status"], r["author"], r["at"], bool(r["undone"]))
                for r in self._conn.execute(
                    "SELECT * FROM history WHERE project_id = ? AND idx = ? ORDER BY id",
                    (project.id, idx))]

    def authors(self, project: Project) -> dict[int, str]:
        """Who wrote each segment's current text ("model", "memory", "user"…), by index."""
        return {int(r[0]): str(r[1]) for r in self._conn.execute(
            "SELECT idx, author FROM history WHERE project_id = ? AND undone = 0 ORDER BY id",
            (project.id,))}

    def history(self, project: Project, idx: int) -> list[tuple[str, str, str]]:
        """(target, status, author) of every change still in effect, oldest first."""
        return [(e.target, e.status, e.author) for e in self.entries(project, idx)
                if not e.undone]

    def undo_target(self, project: Project, idx: int) -> StoredSegment:
        """Return the segment to the version before its newest one (or to "new")."""
        segment = self._check(project, idx, "new")
        with self._tx() as conn:
            rows = conn.execute(
                "SELECT id, target, status FROM history WHERE project_id = ? AND idx = ?"
                " AND undone = 0 ORDER BY id DESC LIMIT 2", (project.id, idx)).fetchall()
            if not rows:
                raise ProjectError("segment_nothing_undo", idx=idx + 1)
            conn.execute("UPDATE history SET undone = 1 WHERE id = ?", (rows[0]["id"],))
            target, status = (rows[1]["target"], rows[1]["status"]) if len(rows) > 1 else (
                "", "new")
            conn.execute("UPDATE segments SET target = ?, status = ?, flags = '[]'"
                         " WHERE project_id = ? AND idx = ?", (target, status, project.id, idx))
            conn.execute(
                "DELETE FROM memory WHERE source_lang = ? AND target_lang = ? AND source = ?"
                " AND target = ?", (project.source_lang, project.target_lang, segment.source,
                                    rows[0]["target"]))
            if status in ("edited", "approved") and project.source_lang:
                self.memory.remember(conn, project.source_lang, project.target_lang,
                                     segment.source, target, status in ("edited", "approved"))
        segment.target, segment.status, segment.flags = target, status, []
        return segment

    # -- glossary ---------------------------------------------------------------------------

    def glossary(self, project: Project) -> list[tuple[str, str]]:
        """The (source, target) terms of every glossary attached to *project*."""
        return [(t.source, t.target) for t in self.glossary_terms(project)]

    def glossary_terms(self, project: Project) -> list[StoredTerm]:
        """The terms with their notes and parts of speech (see :mod:`.glossaries`)."""
        return [term for term, _glossary in self.glossaries.project_terms(project.id)]

    def set_glossary(self, project: Project,
                     terms: Sequence[tuple[str, str] | StoredTerm]) -> None:
        """Save what the document's glossary shows: each term back into the glossary it
        came from, new ones into the project's own (see ``Glossaries.save_project_terms``)."""
        kept = {t.source: t for t in self.glossary_terms(project)}
        stored = [t if isinstance(t, StoredTerm) else _with_notes(kept, t[0], t[1])
                  for t in terms]
        self.glossaries.save_project_terms(project.id, project.name, stored)


def _with_notes(kept: Mapping[str, StoredTerm], source: str, target: str) -> StoredTerm:
    """A (source, target) pair from an editor that shows no notes keeps the stored ones."""
    old = kept.get(source.strip())
    if old is not None and old.target == target.strip():
        return old
    return StoredTerm(source, target, old.note if old else "", old.pos if old else "")
