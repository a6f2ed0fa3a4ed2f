"""The translation memory table: remembered (source, target) pairs per language pair.

It lives in the projects database (one file to back up, one transaction per saved
segment covers the segment and its memory entry) but its SQL is kept here, apart from
the project tables. Language codes are stored as given; lookups also accept the base
code ("zh" finds pairs stored as "zh-CN") because TMX files from other tools rarely
agree on regional tags.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable, Iterable
from contextlib import AbstractContextManager
from dataclasses import dataclass

from ..languages import primary_subtag

#: the memory table, as created by the first projects migration
MEMORY_TABLE = """
    CREATE TABLE memory (
        source_lang TEXT NOT NULL,
        target_lang TEXT NOT NULL,
        source TEXT NOT NULL,
        target TEXT NOT NULL,
        approved INTEGER NOT NULL DEFAULT 0,
        updated REAL NOT NULL,
        PRIMARY KEY (source_lang, target_lang, source)
    );
"""

#: fuzzy matches below this similarity (0-100) are noise rather than help
FUZZY_THRESHOLD = 75.0

_UPSERT = ("INSERT INTO memory (source_lang, target_lang, source, target, approved, updated)"
           " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO UPDATE SET target = excluded.target,"
           " approved = max(memory.approved, excluded.approved), updated = excluded.updated")


@dataclass(frozen=True)
class Match:
    """A remembered pair similar to the text being translated."""

    score: float
    source: str
    target: str
    approved: bool


class TranslationMemory:
    """Reads and writes the memory table on a connection owned by a store.

    *transaction* is the store's serialised ``BEGIN IMMEDIATE`` context, so memory
    writes never interleave with a segment being saved from another thread.
    """

    def __init__(self, conn: sqlite3.Connection,
                 transaction: Callable[[], AbstractContextManager[sqlite3.Connection]]) -> None:
        self._conn = conn
        self._transaction = transaction

    def add(self, source_lang: str, target_lang: str, pairs: Iterable[tuple[str, str]],
            approved: bool = True) -> int:
        rows = [(source_lang, target_lang, s, t, int(approved), time.time())
                for s, t in pairs if s.strip() and t.strip()]
        with self._transaction() as conn:
            conn.executemany(_UPSERT, rows)
        return len(rows)

    def remember(self, conn: sqlite3.Connection, source_lang: str, target_lang: str,
                 source: str, target: str, approved: bool) -> None:
        """Add one pair inside a transaction the caller already holds."""
        if source.strip() and target.strip():
            conn.execute(_UPSERT, (source_lang, target_lang, source, target, int(approved),
                                   time.time()))

    def _rows(self, source_lang: str, target_lang: str) -> list[sqlite3.Row]:
        return self._conn.execute(
            "SELECT source, target, approved, source_lang, target_lang FROM memory"
            " WHERE (lower(source_lang) = ? OR lower(source_lang) LIKE ? OR ? = '')"
            " AND (lower(target_lang) = ? OR lower(target_lang) LIKE ?)"
            " ORDER BY approved, updated",
            (primary_subtag(source_lang), primary_subtag(source_lang) + "-%", source_lang,
             primary_subtag(target_lang), primary_subtag(target_lang) + "-%")).fetchall()

    def lookup(self, source_lang: str, target_lang: str, source: str) -> str | None:
        """The remembered translation of exactly *source* (approved ones win), if any."""
        row = self._conn.execute(
            "SELECT target FROM memory WHERE source = ? AND (source_lang = ? OR ? = '')"
            " AND target_lang = ? ORDER BY approved DESC, updated DESC LIMIT 1",
            (source, source_lang, source_lang, target_lang)).fetchone()
        if row is not None:
            return str(row[0])
        for found in reversed(self._rows(source_lang, target_lang)):
            if found["source"] == source:
                return str(found["target"])
        return None

    def fuzzy(self, source_lang: str, target_lang: str, source: str,
              threshold: float = FUZZY_THRESHOLD, limit: int = 3) -> list[Match]:
        """Similar remembered segments, best first (exact matches score 100)."""
        from rapidfuzz import fuzz, process

        by_source: dict[str, sqlite3.Row] = {}
        for row in self._rows(source_lang, target_lang):
            by_source[str(row["source"])] = row  # later (approved, newer) rows win
        found = process.extract(source, list(by_source), scorer=fuzz.ratio,
                                score_cutoff=threshold, limit=limit)
        return [Match(float(score), text, str(by_source[text]["target"]),
                      bool(by_source[text]["approved"])) for text, score, _index in found]

    def pairs(self, target_lang: str | None = None) -> list[tuple[str, str, str, str]]:
        """(source_lang, target_lang, source, target) of every pair, oldest first."""
        query = "SELECT source_lang, target_lang, source, target FROM memory"
        args: tuple[str, ...] = ()
        if target_lang:
            query += " WHERE lower(target_lang) = ? OR lower(target_lang) LIKE ?"
            args = (primary_subtag(target_lang), primary_subtag(target_lang) + "-%")
        return [(r[0], r[1], r[2], r[3])
                for r in self._conn.execute(query + " ORDER BY updated", args)]

    def __len__(self) -> int:
        return int(self._conn.execute("SELECT count(*) FROM memory").fetchone()[0])

    def forget(self, source_lang: str, target_lang: str, source: str) -> None:
        """Drop a pair found to be bad (say, the source copied back by an old version)."""
        with self._transaction() as conn:
            conn.execute("DELETE FROM memory WHERE source_lang = ? AND target_lang = ? AND"
                         " source = ? AND approved = 0", (source_lang, target_lang, source))


def purge_poisoned_memory(conn: sqlite3.Connection) -> None:
    """Migration: remove what earlier versions let into the memory that is not a translation.

    Pairs the verifier rejects (the target equals the source, or is not written in the
    target language's script: English text stored as "Chinese") are deleted; pairs stored
    with an empty source language are re-keyed from a project that knows it, or deleted.
    The verdict is the translation layer's: it registers the SQL function
    ``is_poisoned(source, target, target_lang)`` on the connection
    (``translation.memory.open_store``), so storage does not import the verifier.
    """
    rows = conn.execute("SELECT rowid, source_lang, target_lang, source, target FROM memory"
                        ).fetchall()
    for rowid, source_lang, target_lang, source, target in rows:
        if conn.execute("SELECT is_poisoned(?, ?, ?)",
                        (source, target, target_lang)).fetchone()[0]:
            conn.execute("DELETE FROM memory WHERE rowid = ?", (rowid,))
            continue
        if source_lang:
            continue
        known = conn.execute(
            "SELECT p.source_lang FROM segments s JOIN projects p ON p.id = s.project_id"
            " WHERE s.source = ? AND p.target_lang = ? AND p.source_lang != '' LIMIT 1",
            (source, target_lang)).fetchone()
        if known is None:
            conn.execute("DELETE FROM memory WHERE rowid = ?", (rowid,))
        else:
            conn.execute("UPDATE OR REPLACE memory SET source_lang = ? WHERE rowid = ?",
                         (known[0], rowid))

