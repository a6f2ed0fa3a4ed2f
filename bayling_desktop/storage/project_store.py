"""Translation projects and the translation memory, in one SQLite file.

A project is a source document + target language + its segments with status and a
history of every change. Each segment is saved in its own transaction the moment it
is done, so a crash (or kill -9) loses at most the segment in flight, and reopening
resumes with only the unfinished segments. Translations also feed a translation
memory: an exact match is reused without asking the model again.
"""

from __future__ import annotations

import json
import sqlite3
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from ..paths import data_dir
from .database import open_database

MIGRATIONS = [
    """
    CREATE TABLE projects (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        source_path TEXT NOT NULL,
        target_lang TEXT NOT NULL,
        source_lang TEXT NOT NULL DEFAULT '',
        created REAL NOT NULL,
        updated REAL NOT NULL
    );
    CREATE TABLE segments (
        project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
        idx INTEGER NOT NULL,
        unit_id TEXT NOT NULL,
        source TEXT NOT NULL,
        target TEXT NOT NULL DEFAULT '',
        status TEXT NOT NULL DEFAULT 'new',
        flags TEXT NOT NULL DEFAULT '[]',
        PRIMARY KEY (project_id, idx)
    );
    CREATE TABLE history (
        id INTEGER PRIMARY KEY,
        project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
        idx INTEGER NOT NULL,
        target TEXT NOT NULL,
        status TEXT NOT NULL,
        author TEXT NOT NULL,
        at REAL NOT NULL
    );
    CREATE INDEX history_segment ON history (project_id, idx);
    CREATE TABLE memory (
        source_lang TEXT NOT NULL,
        target_lang TEXT NOT NULL,
        source TEXT NOT NULL,
        target TEXT NOT NULL,
        approved INTEGER NOT NULL DEFAULT 0,
        updated REAL NOT NULL,
        PRIMARY KEY (source_lang, target_lang, source)
    );
    """,
]

DONE = ("draft", "edited", "approved")


@dataclass
class StoredSegment:
    idx: int
    unit_id: str
    source: str
    target: str = ""
    status: str = "new"
    flags: list[str] = field(default_factory=list)


@dataclass
class Project:
    id: int
    name: str
    source_path: str
    target_lang: str
    source_lang: str
    segments: list[StoredSegment]

    def unfinished(self) -> list[StoredSegment]:
        return [s for s in self.segments if s.status not in DONE]


def default_path() -> Path:
    return data_dir() / "projects.sqlite3"


class ProjectStore:
    def __init__(self, path: Path | None = None) -> None:
        self.path = path or default_path()
        self._conn = open_database(self.path, MIGRATIONS)
        self._lock = threading.Lock()

    def close(self) -> None:
        self._conn.close()

    def _tx(self) -> _Transaction:
        return _Transaction(self._conn, self._lock)

    # -- projects -----------------------------------------------------------------------

    def open_or_create(self, name: str, source_path: Path, target_lang: str, source_lang: str,
                       units: list[tuple[str, str]]) -> Project:
        """The project called *name*, created with *units* (id, source) if it is new.

        An existing project whose segments no longer match the document (the file was
        edited) keeps the translations of the units whose source text is unchanged.
        """
        now = time.time()
        with self._tx() as conn:
            row = conn.execute("SELECT id FROM projects WHERE name = ?", (name,)).fetchone()
            if row is None:
                cursor = conn.execute(
                    "INSERT INTO projects (name, source_path, target_lang, source_lang, created,"
                    " updated) VALUES (?, ?, ?, ?, ?, ?)",
                    (name, str(source_path), target_lang, source_lang, now, now))
                project_id = int(cursor.lastrowid or 0)
                old: dict[tuple[str, str], sqlite3.Row] = {}
            else:
                project_id = int(row[0])
                old = {(r["unit_id"], r["source"]): r for r in conn.execute(
                    "SELECT * FROM segments WHERE project_id = ? ORDER BY idx", (project_id,))}
            current = [(i, unit_id, source) for i, (unit_id, source) in enumerate(units)]
            if [(k[0], k[1]) for k in old] != [(u, s) for _, u, s in current]:
                conn.execute("DELETE FROM segments WHERE project_id = ?", (project_id,))
                for idx, unit_id, source in current:
                    previous = old.get((unit_id, source))
                    conn.execute(
                        "INSERT INTO segments (project_id, idx, unit_id, source, target, status,"
                        " flags) VALUES (?, ?, ?, ?, ?, ?, ?)",
                        (project_id, idx, unit_id, source,
                         previous["target"] if previous else "",
                         previous["status"] if previous else "new",
                         previous["flags"] if previous else "[]"))
        return self.load(name)

    def load(self, name: str) -> Project:
        row = self._conn.execute("SELECT * FROM projects WHERE name = ?", (name,)).fetchone()
        if row is None:
            raise KeyError(name)
        segments = [StoredSegment(r["idx"], r["unit_id"], r["source"], r["target"], r["status"],
                                  json.loads(r["flags"]))
                    for r in self._conn.execute(
                        "SELECT * FROM segments WHERE project_id = ? ORDER BY idx", (row["id"],))]
        return Project(row["id"], row["name"], row["source_path"], row["target_lang"],
                       row["source_lang"], segments)

    def names(self) -> list[str]:
        return [r[0] for r in self._conn.execute(
            "SELECT name FROM projects ORDER BY updated DESC")]

    def save_segment(self, project: Project, idx: int, target: str, status: str,
                     flags: list[str], author: str) -> None:
        """Persist one segment now (its own transaction) and record it in the history."""
        now = time.time()
        with self._tx() as conn:
            conn.execute("UPDATE segments SET target = ?, status = ?, flags = ? "
                         "WHERE project_id = ? AND idx = ?",
                         (target, status, json.dumps(flags, ensure_ascii=False), project.id, idx))
            conn.execute("INSERT INTO history (project_id, idx, target, status, author, at) "
                         "VALUES (?, ?, ?, ?, ?, ?)", (project.id, idx, target, status, author,
                                                       now))
            conn.execute("UPDATE projects SET updated = ? WHERE id = ?", (now, project.id))
            segment = project.segments[idx]
            if target.strip() and status in DONE:
                conn.execute(
                    "INSERT INTO memory (source_lang, target_lang, source, target, approved,"
                    " updated) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO UPDATE SET"
                    " target = excluded.target, approved = excluded.approved,"
                    " updated = excluded.updated",
                    (project.source_lang, project.target_lang, segment.source, target,
                     int(status in ("edited", "approved")), now))
        segment = project.segments[idx]
        segment.target, segment.status, segment.flags = target, status, list(flags)

    def history(self, project: Project, idx: int) -> list[tuple[str, str, str]]:
        """(target, status, author) of every change to a segment, oldest first."""
        return [(r["target"], r["status"], r["author"]) for r in self._conn.execute(
            "SELECT * FROM history WHERE project_id = ? AND idx = ? ORDER BY id",
            (project.id, idx))]

    # -- translation memory -----------------------------------------------------------------

    def memory_fuzzy(self, source_lang: str, target_lang: str, source: str,
                     threshold: float = 75.0, limit: int = 3) -> list[tuple[float, str, str]]:
        """(score 0-100, source, target) of similar remembered segments, best first."""
        from rapidfuzz import fuzz, process

        rows = self._conn.execute(
            "SELECT source, target FROM memory WHERE source_lang = ? AND target_lang = ?",
            (source_lang, target_lang)).fetchall()
        by_source = {str(r[0]): str(r[1]) for r in rows}
        found = process.extract(source, list(by_source), scorer=fuzz.ratio,
                                score_cutoff=threshold, limit=limit)
        return [(float(score), text, by_source[text]) for text, score, _index in found]

    def memory_add(self, source_lang: str, target_lang: str, pairs: list[tuple[str, str]],
                   approved: bool = True) -> int:
        """Add (source, target) pairs, e.g. imported from a TMX file; returns how many."""
        now = time.time()
        with self._tx() as conn:
            conn.executemany(
                "INSERT INTO memory (source_lang, target_lang, source, target, approved,"
                " updated) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO UPDATE SET"
                " target = excluded.target, approved = excluded.approved,"
                " updated = excluded.updated",
                [(source_lang, target_lang, s, t, int(approved), now) for s, t in pairs])
        return len(pairs)

    def memory_pairs(self, target_lang: str | None = None) -> list[tuple[str, str, str, str]]:
        """(source_lang, target_lang, source, target) of every remembered pair."""
        query = "SELECT source_lang, target_lang, source, target FROM memory"
        args: tuple[str, ...] = ()
        if target_lang:
            query += " WHERE target_lang = ?"
            args = (target_lang,)
        rows = self._conn.execute(query + " ORDER BY updated", args)
        return [(r[0], r[1], r[2], r[3]) for r in rows]

    def memory_lookup(self, source_lang: str, target_lang: str, source: str) -> str | None:
        row = self._conn.execute(
            "SELECT target FROM memory WHERE source_lang = ? AND target_lang = ? AND source = ?",
            (source_lang, target_lang, source)).fetchone()
        return str(row[0]) if row else None


class _Transaction:
    """BEGIN IMMEDIATE … COMMIT, serialised across threads (GUI and model worker)."""

    def __init__(self, conn: sqlite3.Connection, lock: threading.Lock) -> None:
        self._conn = conn
        self._lock = lock

    def __enter__(self) -> sqlite3.Connection:
        self._lock.acquire()
        self._conn.execute("BEGIN IMMEDIATE")
        return self._conn

    def __exit__(self, kind: object, value: object, traceback: object) -> None:
        try:
            self._conn.execute("COMMIT" if kind is None else "ROLLBACK")
        finally:
            self._lock.release()
