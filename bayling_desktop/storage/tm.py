"""The translation memory table: remembered (source, target) pairs per language pair.

It lives in the projects database (one file to back up, one transaction per saved
segment covers the segment and its memory entry) but its SQL is kept here, apart from
the project tables. Language codes are stored as given; lookups also accept the base
code ("zh" finds pairs stored as "zh-CN") because TMX files from other tools rarely
agree on regional tags.

Lookups must not grow with the memory (a 20,000-pair memory scanned per unit kept a
2,000-paragraph document from its first request for minutes): an exact lookup is one
seek in an index on the source text, and a fuzzy one scores only candidates that share
the rarest character trigrams of the text, found in an FTS5 trigram index kept in step
by triggers. Both indexes are derived data, created when missing (an older file is
indexed once on open) — never a migration step, so they can be rebuilt at any time.
"""

from __future__ import annotations

import logging
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
#: how many of a text's rarest trigrams select fuzzy candidates, and how many candidates
#: are scored: enough that a pair 75 % alike shares several of them
FUZZY_GRAMS = 16
FUZZY_CANDIDATES = 200
#: after the four rarest, trigrams are added while their pairs together stay under this
FUZZY_POSTINGS = 4000
#: a trigram in this many pairs is common: its count is kept to rank trigrams by rarity
COMMON_GRAM = 32

_log = logging.getLogger(__name__)

#: the derived indexes (see the module docstring); "OR REPLACE" because a row replaced
#: by a REPLACE conflict leaves its entry (SQLite fires no delete trigger for it)
_INDEXES = (
    "CREATE INDEX IF NOT EXISTS memory_by_source ON memory (source)",
    "CREATE VIRTUAL TABLE IF NOT EXISTS memory_grams USING fts5(source, tokenize='trigram')",
    "CREATE VIRTUAL TABLE IF NOT EXISTS memory_grams_vocab USING fts5vocab(memory_grams, row)",
    "CREATE TRIGGER IF NOT EXISTS memory_grams_insert AFTER INSERT ON memory BEGIN"
    " INSERT OR REPLACE INTO memory_grams (rowid, source) VALUES (new.rowid, new.source); END",
    "CREATE TRIGGER IF NOT EXISTS memory_grams_delete AFTER DELETE ON memory BEGIN"
    " DELETE FROM memory_grams WHERE rowid = old.rowid; END",
    "CREATE TRIGGER IF NOT EXISTS memory_grams_update AFTER UPDATE OF source ON memory BEGIN"
    " INSERT OR REPLACE INTO memory_grams (rowid, source) VALUES (new.rowid, new.source); END",
)

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
        self._indexed = self._ensure_indexes()
        self._common: dict[str, int] | None = None

    def _ensure_indexes(self) -> bool:
        """Create the lookup indexes if missing (filling them from existing rows once);
        False where that is impossible (a read-only file): lookups then scan."""
        from .database import StorageError

        have = {r[0] for r in self._conn.execute(
            "SELECT name FROM sqlite_master WHERE name LIKE 'memory_%'")}
        if {"memory_by_source", "memory_grams", "memory_grams_vocab", "memory_grams_insert",
                "memory_grams_delete", "memory_grams_update"} <= have:
            return True
        try:
            with self._transaction() as conn:
                # again inside the write lock: another process may have just made them
                fresh = conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'memory_grams'"
                                     ).fetchone() is None
                for statement in _INDEXES:
                    conn.execute(statement)
                if fresh:
                    conn.execute("INSERT INTO memory_grams (rowid, source)"
                                 " SELECT rowid, source FROM memory")
        except (StorageError, sqlite3.OperationalError) as exc:
            _log.warning("translation-memory indexes unavailable (%s); lookups scan", exc)
            return False
        return True

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

    def _candidates(self, source_lang: str, target_lang: str, source: str
                    ) -> list[sqlite3.Row]:
        """Rows that may be similar to *source*: those sharing its rarest trigrams."""
        grams = {source[i:i + 3].lower() for i in range(len(source) - 2)}
        grams = {g for g in grams if g.strip()}
        if not self._indexed:
            return self._rows(source_lang, target_lang)
        if not grams:  # under three characters: only the text itself is alike enough
            rows = self._conn.execute(
                "SELECT source, target, approved, updated, source_lang, target_lang"
                " FROM memory WHERE source = ?", (source,)).fetchall()
            return [r for r in rows if _same_pair(r, source_lang, target_lang)]
        counts = self._common_grams()
        rare: list[str] = []
        postings = 0
        for gram in sorted(grams, key=lambda g: counts.get(g, 0)):
            postings += counts.get(gram, COMMON_GRAM)
            if len(rare) >= FUZZY_GRAMS or (len(rare) >= 4 and postings > FUZZY_POSTINGS):
                break
            rare.append(gram)
        query = " OR ".join('"' + g.replace('"', '""') + '"' for g in rare)
        rows = self._conn.execute(
            "SELECT m.source, m.target, m.approved, m.updated, m.source_lang, m.target_lang"
            " FROM (SELECT rowid FROM memory_grams WHERE memory_grams MATCH ?"
            "       ORDER BY rank LIMIT ?) AS g JOIN memory AS m ON m.rowid = g.rowid",
            (query, FUZZY_CANDIDATES)).fetchall()
        return [r for r in rows if _same_pair(r, source_lang, target_lang)]

    def _common_grams(self) -> dict[str, int]:
        """How many pairs hold each common trigram, read once per store (a vocabulary
        lookup per trigram costs a scan); rarer ones, and those added since, count as
        rare, which is what they are."""
        if self._common is None:
            self._common = dict(self._conn.execute(
                "SELECT term, doc FROM memory_grams_vocab WHERE doc >= ?",
                (COMMON_GRAM,)).fetchall())
        return self._common

    def _rows(self, source_lang: str, target_lang: str) -> list[sqlite3.Row]:
        """Every row of the language pair: only where the indexes cannot be made."""
        return self._conn.execute(
            "SELECT source, target, approved, updated, source_lang, target_lang FROM memory"
            " WHERE (lower(source_lang) = ? OR lower(source_lang) LIKE ? OR ? = '')"
            " AND (lower(target_lang) = ? OR lower(target_lang) LIKE ?)"
            " ORDER BY approved, updated",
            (primary_subtag(source_lang), primary_subtag(source_lang) + "-%", source_lang,
             primary_subtag(target_lang), primary_subtag(target_lang) + "-%")).fetchall()

    def lookup(self, source_lang: str, target_lang: str, source: str) -> str | None:
        """The remembered translation of exactly *source*, if any: the exact language
        pair first, then regional variants ("zh" finds "zh-CN"); approved, then newer,
        pairs win. One index seek on the source text, whatever the memory's size."""
        rows = self._conn.execute(
            "SELECT target, approved, updated, source_lang, target_lang FROM memory"
            " WHERE source = ?", (source,)).fetchall()
        exact = [r for r in rows if r["target_lang"] == target_lang
                 and (r["source_lang"] == source_lang or not source_lang)]
        found = exact or [r for r in rows if _same_pair(r, source_lang, target_lang)]
        if not found:
            return None
        return str(max(found, key=lambda r: (r["approved"], r["updated"]))["target"])

    def fuzzy(self, source_lang: str, target_lang: str, source: str,
              threshold: float = FUZZY_THRESHOLD, limit: int = 3) -> list[Match]:
        """Similar remembered segments, best first (exact matches score 100)."""
        from rapidfuzz import fuzz, process

        rows = self._candidates(source_lang, target_lang, source)
        by_source: dict[str, sqlite3.Row] = {}
        for row in sorted(rows, key=lambda r: (r["approved"], r["updated"])):
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


def _same_pair(row: sqlite3.Row, source_lang: str, target_lang: str) -> bool:
    """The row's languages match, regional variants included (an empty source: any)."""
    return ((not source_lang or primary_subtag(row["source_lang"]) == primary_subtag(
        source_lang)) and primary_subtag(row["target_lang"]) == primary_subtag(target_lang))


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

