"""Client glossaries: named term lists in the user data, attached to any number of projects.

Translators keep glossaries per client or domain, not per file: six terms imported for a
client's contract belong in the same client's next document too. A glossary has a
name, optional languages, terms (with a note and a part of speech, as TBX carries
them) and is attached to projects; a project's glossary is the union of the ones
attached to it, in the order they were attached (the first one that defines a source
term wins). One glossary may be the *default*: it is attached to every new project.

Each project also has its *own* glossary (created when a term is first added to a
document that has none attached), so editing terms in a document never needs a
choice; terms edited there are written back to the glossary they came from, which is
what "glossaries follow the client" means.

The tables live in the projects database (one file to back up); this module keeps
their SQL, as ``tm.py`` does for the memory. The migration that created them turns
the earlier per-project ``glossary`` table into one named glossary per project,
attached to it, so nothing imported before is lost.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable, Iterable, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass

from ..errors import BaylingError

GLOSSARY_TABLES = """
    CREATE TABLE glossaries (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        source_lang TEXT NOT NULL DEFAULT '',
        target_lang TEXT NOT NULL DEFAULT '',
        is_default INTEGER NOT NULL DEFAULT 0,
        created REAL NOT NULL
    );
    CREATE TABLE glossary_terms (
        glossary_id INTEGER NOT NULL REFERENCES glossaries(id) ON DELETE CASCADE,
        source TEXT NOT NULL,
        target TEXT NOT NULL,
        note TEXT NOT NULL DEFAULT '',
        pos TEXT NOT NULL DEFAULT '',
        PRIMARY KEY (glossary_id, source)
    );
    CREATE TABLE project_glossaries (
        project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
        glossary_id INTEGER NOT NULL REFERENCES glossaries(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        own INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (project_id, glossary_id)
    );
"""


class GlossaryError(BaylingError):
    """A glossary name already taken, or a glossary that does not exist."""


@dataclass(frozen=True)
class GlossaryInfo:
    id: int
    name: str
    source_lang: str
    target_lang: str
    is_default: bool
    terms: int


@dataclass(frozen=True)
class StoredTerm:
    source: str
    target: str
    note: str = ""
    pos: str = ""


def migrate_project_glossaries(conn: sqlite3.Connection) -> None:
    """Migration: create the glossary tables and move each project's glossary into a
    named glossary attached to it (named after the project), then drop the old table."""
    for statement in GLOSSARY_TABLES.split(";"):
        if statement.strip():
            conn.execute(statement)
    now = time.time()
    projects = conn.execute(
        "SELECT DISTINCT p.id, p.name, p.source_lang, p.target_lang FROM projects p"
        " JOIN glossary g ON g.project_id = p.id ORDER BY p.id").fetchall()
    for project_id, name, source_lang, target_lang in projects:
        cursor = conn.execute(
            "INSERT INTO glossaries (name, source_lang, target_lang, created)"
            " VALUES (?, ?, ?, ?)", (_free_name(conn, str(name)), source_lang, target_lang,
                                     now))
        glossary_id = int(cursor.lastrowid or 0)
        conn.execute("INSERT INTO glossary_terms (glossary_id, source, target)"
                     " SELECT ?, source, target FROM glossary WHERE project_id = ?",
                     (glossary_id, project_id))
        conn.execute("INSERT INTO project_glossaries (project_id, glossary_id, position, own)"
                     " VALUES (?, ?, 0, 1)", (project_id, glossary_id))
    conn.execute("DROP TABLE glossary")


def _free_name(conn: sqlite3.Connection, wanted: str) -> str:
    name, number = wanted, 2
    while conn.execute("SELECT 1 FROM glossaries WHERE name = ?", (name,)).fetchone():
        name, number = f"{wanted} ({number})", number + 1
    return name


class Glossaries:
    """Reads and writes the glossary tables on a connection owned by a store.

    *transaction* is the store's serialised ``BEGIN IMMEDIATE`` context.
    """

    def __init__(self, conn: sqlite3.Connection,
                 transaction: Callable[[], AbstractContextManager[sqlite3.Connection]]) -> None:
        self._conn = conn
        self._transaction = transaction

    # -- the glossaries -------------------------------------------------------------------

    def all(self) -> list[GlossaryInfo]:
        """Every glossary, by name."""
        return [self._info(row) for row in self._conn.execute(
            "SELECT g.*, (SELECT count(*) FROM glossary_terms t WHERE t.glossary_id = g.id)"
            " AS terms FROM glossaries g ORDER BY g.name COLLATE NOCASE")]

    def get(self, name_or_id: str | int) -> GlossaryInfo:
        column = "id" if isinstance(name_or_id, int) else "name"
        row = self._conn.execute(
            "SELECT g.*, (SELECT count(*) FROM glossary_terms t WHERE t.glossary_id = g.id)"
            f" AS terms FROM glossaries g WHERE g.{column} = ?", (name_or_id,)).fetchone()
        if row is None:
            raise GlossaryError("no_such_glossary", name_or_id=name_or_id)
        return self._info(row)

    @staticmethod
    def _info(row: sqlite3.Row) -> GlossaryInfo:
        return GlossaryInfo(int(row["id"]), row["name"], row["source_lang"],
                            row["target_lang"], bool(row["is_default"]), int(row["terms"]))

    def create(self, name: str, source_lang: str = "", target_lang: str = "") -> int:
        name = name.strip()
        if not name:
            raise GlossaryError("glossary_needs_name")
        with self._transaction() as conn:
            if conn.execute("SELECT 1 FROM glossaries WHERE name = ?", (name,)).fetchone():
                raise GlossaryError("glossary_called_already_exists", name=name)
            cursor = conn.execute(
                "INSERT INTO glossaries (name, source_lang, target_lang, created)"
                " VALUES (?, ?, ?, ?)", (name, source_lang, target_lang, time.time()))
        return int(cursor.lastrowid or 0)

    def rename(self, glossary_id: int, name: str) -> None:
        name = name.strip()
        if not name:
            raise GlossaryError("glossary_needs_name")
        with self._transaction() as conn:
            taken = conn.execute("SELECT id FROM glossaries WHERE name = ?", (name,)).fetchone()
            if taken is not None and int(taken[0]) != glossary_id:
                raise GlossaryError("glossary_called_already_exists", name=name)
            conn.execute("UPDATE glossaries SET name = ? WHERE id = ?", (name, glossary_id))

    def delete(self, glossary_id: int) -> None:
        """Delete a glossary; the projects it was attached to simply lose its terms."""
        with self._transaction() as conn:
            conn.execute("DELETE FROM project_glossaries WHERE glossary_id = ?", (glossary_id,))
            conn.execute("DELETE FROM glossary_terms WHERE glossary_id = ?", (glossary_id,))
            conn.execute("DELETE FROM glossaries WHERE id = ?", (glossary_id,))

    def set_default(self, glossary_id: int | None) -> None:
        """The glossary attached to every new project (None: no default)."""
        with self._transaction() as conn:
            conn.execute("UPDATE glossaries SET is_default = 0")
            if glossary_id is not None:
                conn.execute("UPDATE glossaries SET is_default = 1 WHERE id = ?",
                             (glossary_id,))

    def default(self) -> GlossaryInfo | None:
        found = [g for g in self.all() if g.is_default]
        return found[0] if found else None

    # -- terms ----------------------------------------------------------------------------

    def terms(self, glossary_id: int) -> list[StoredTerm]:
        return [StoredTerm(r[0], r[1], r[2], r[3]) for r in self._conn.execute(
            "SELECT source, target, note, pos FROM glossary_terms WHERE glossary_id = ?"
            " ORDER BY source COLLATE NOCASE", (glossary_id,))]

    def set_terms(self, glossary_id: int, terms: Iterable[StoredTerm]) -> int:
        """Replace the glossary's terms (empty sources or targets are left out)."""
        rows = _rows(glossary_id, terms)
        with self._transaction() as conn:
            conn.execute("DELETE FROM glossary_terms WHERE glossary_id = ?", (glossary_id,))
            conn.executemany(_INSERT, rows)
        return len(rows)

    def add_terms(self, glossary_id: int, terms: Iterable[StoredTerm]) -> int:
        """Add or update terms (an import into an existing glossary)."""
        rows = _rows(glossary_id, terms)
        with self._transaction() as conn:
            conn.executemany(_INSERT, rows)
        return len(rows)

    # -- projects -------------------------------------------------------------------------

    def attached(self, project_id: int) -> list[GlossaryInfo]:
        """The glossaries attached to a project, in the order their terms count."""
        ids = [int(r[0]) for r in self._conn.execute(
            "SELECT glossary_id FROM project_glossaries WHERE project_id = ?"
            " ORDER BY own DESC, position", (project_id,))]
        return [self.get(i) for i in ids]

    def projects_of(self, glossary_id: int) -> list[int]:
        return [int(r[0]) for r in self._conn.execute(
            "SELECT project_id FROM project_glossaries WHERE glossary_id = ?", (glossary_id,))]

    def attach(self, project_id: int, glossary_id: int, own: bool = False) -> None:
        with self._transaction() as conn:
            self._attach(conn, project_id, glossary_id, own)

    @staticmethod
    def _attach(conn: sqlite3.Connection, project_id: int, glossary_id: int,
                own: bool = False) -> None:
        position = conn.execute("SELECT coalesce(max(position), -1) + 1 FROM"
                                " project_glossaries WHERE project_id = ?",
                                (project_id,)).fetchone()[0]
        conn.execute("INSERT OR IGNORE INTO project_glossaries (project_id, glossary_id,"
                     " position, own) VALUES (?, ?, ?, ?)",
                     (project_id, glossary_id, position, int(own)))

    def detach(self, project_id: int, glossary_id: int) -> None:
        with self._transaction() as conn:
            conn.execute("DELETE FROM project_glossaries WHERE project_id = ? AND"
                         " glossary_id = ?", (project_id, glossary_id))

    def attach_default(self, conn: sqlite3.Connection, project_id: int) -> None:
        """Inside the caller's transaction: a new project gets the default glossary."""
        row = conn.execute("SELECT id FROM glossaries WHERE is_default = 1").fetchone()
        if row is not None:
            self._attach(conn, project_id, int(row[0]))

    def project_terms(self, project_id: int) -> list[tuple[StoredTerm, int]]:
        """(term, glossary id) of every term a project uses; the first glossary that
        defines a source term wins (the project's own, then in attaching order)."""
        seen: set[str] = set()
        found = []
        for glossary in self.attached(project_id):
            for term in self.terms(glossary.id):
                if term.source not in seen:
                    seen.add(term.source)
                    found.append((term, glossary.id))
        return sorted(found, key=lambda pair: pair[0].source.casefold())

    def save_project_terms(self, project_id: int, project_name: str,
                           terms: Sequence[StoredTerm]) -> None:
        """Write what a document's glossary editor shows back where each term lives.

        Unchanged terms stay; a changed one is changed in its glossary; a removed one is
        removed from it; a new one goes into the project's own glossary (created then).
        """
        wanted = {t.source.strip(): t for t in terms if t.source.strip() and t.target.strip()}
        current = {t.source: (t, g) for t, g in self.project_terms(project_id)}
        with self._transaction() as conn:
            for source, (term, glossary_id) in current.items():
                if source not in wanted:
                    conn.execute("DELETE FROM glossary_terms WHERE glossary_id = ? AND"
                                 " source = ?", (glossary_id, source))
                elif _strip(wanted[source]) != term:
                    conn.executemany(_INSERT, _rows(glossary_id, [wanted[source]]))
            new = [t for s, t in wanted.items() if s not in current]
            if new:
                own = self._own(conn, project_id, project_name)
                conn.executemany(_INSERT, _rows(own, new))

    def _own(self, conn: sqlite3.Connection, project_id: int, project_name: str) -> int:
        row = conn.execute("SELECT glossary_id FROM project_glossaries WHERE project_id = ?"
                           " AND own = 1", (project_id,)).fetchone()
        if row is not None:
            return int(row[0])
        cursor = conn.execute("INSERT INTO glossaries (name, created) VALUES (?, ?)",
                              (_free_name(conn, project_name), time.time()))
        glossary_id = int(cursor.lastrowid or 0)
        self._attach(conn, project_id, glossary_id, own=True)
        return glossary_id


_INSERT = ("INSERT OR REPLACE INTO glossary_terms (glossary_id, source, target, note, pos)"
           " VALUES (?, ?, ?, ?, ?)")


def _strip(term: StoredTerm) -> StoredTerm:
    return StoredTerm(term.source.strip(), term.target.strip(), term.note.strip(),
                      term.pos.strip())


def _rows(glossary_id: int, terms: Iterable[StoredTerm]) -> list[tuple[int, str, str, str, str]]:
    return [(glossary_id, t.source, t.target, t.note, t.pos)
            for t in map(_strip, terms) if t.source and t.target]
