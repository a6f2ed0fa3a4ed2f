"""Bring a stored project in line with its document after the file was edited.

Resuming by position is silent corruption: with one paragraph inserted at the top,
every later paragraph would receive its predecessor's translation. So segments are
matched to the document's units by content: first by unit id *and* a hash of the
source text, then (ids of most formats are positions, and shift) by the hash alone,
nearest first. Matched segments keep their translation, status, flags, history,
revision thread and candidates, renumbered to their new position; units without a
match are new work ("re-queued"); segments whose unit is gone leave the project, but
their history and threads are kept under negative positions, never deleted.
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

#: added to positions while they are renumbered, so no two rows share a key midway
_SHIFT = 1 << 40


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


@dataclass(frozen=True)
class Match:
    """For each new unit, the old position it continues (None: new work)."""

    sources: list[int | None]
    removed: list[int]

    @property
    def requeued(self) -> int:
        return sum(1 for old in self.sources if old is None)

    def unchanged(self, old_count: int) -> bool:
        return self.sources == list(range(old_count)) and not self.removed


def match(old: Sequence[tuple[str, str]], units: Sequence[tuple[str, str]]) -> Match:
    """Match *units* (id, source) to *old* segments (id, source), each used once."""
    by_both: dict[tuple[str, str], list[int]] = defaultdict(list)
    by_text: dict[str, list[int]] = defaultdict(list)
    for idx, (unit_id, source) in enumerate(old):
        digest = text_hash(source)
        by_both[unit_id, digest].append(idx)
        by_text[digest].append(idx)
    used: set[int] = set()
    sources: list[int | None] = [None] * len(units)
    digests = [text_hash(source) for _unit, source in units]
    for new, (unit_id, _source) in enumerate(units):
        for idx in by_both.get((unit_id, digests[new]), ()):
            if idx not in used:
                sources[new] = idx
                used.add(idx)
                break
    for new, digest in enumerate(digests):
        if sources[new] is not None:
            continue
        free = [idx for idx in by_text.get(digest, ()) if idx not in used]
        if free:
            best = min(free, key=lambda idx: abs(idx - new))
            sources[new] = best
            used.add(best)
    removed = [idx for idx in range(len(old)) if idx not in used]
    return Match(sources, removed)


def tables_with_positions(conn: sqlite3.Connection) -> list[str]:
    """Every table that refers to a segment by (project_id, idx), the segments excepted."""
    names = [str(r[0]) for r in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name != 'segments'")]
    found = []
    for name in names:
        columns = {str(r[1]) for r in conn.execute(f'PRAGMA table_info("{name}")')}
        if {"project_id", "idx"} <= columns:
            found.append(name)
    return found


def apply(conn: sqlite3.Connection, project_id: int,
          units: Sequence[tuple[str, str]]) -> Match:
    """Rewrite the project's segments for *units*, inside the caller's transaction."""
    rows = conn.execute("SELECT * FROM segments WHERE project_id = ? ORDER BY idx",
                        (project_id,)).fetchall()
    plan = match([(str(r["unit_id"]), str(r["source"])) for r in rows], units)
    if plan.unchanged(len(rows)) and [int(r["idx"]) for r in rows] == list(range(len(rows))):
        return plan
    tables = tables_with_positions(conn)
    lowest = 0
    for table in tables:
        value = conn.execute(f'SELECT min(idx) FROM "{table}" WHERE project_id = ?',
                             (project_id,)).fetchone()[0]
        if value is not None:
            lowest = min(lowest, int(value))
    remap: dict[int, int] = {}
    for new, old in enumerate(plan.sources):
        if old is not None:
            remap[int(rows[old]["idx"])] = new
    for number, old in enumerate(plan.removed, start=1):
        remap[int(rows[old]["idx"])] = lowest - number  # detached: kept, never shown
    conn.execute("CREATE TEMP TABLE IF NOT EXISTS reconcile_remap "
                 "(old INTEGER PRIMARY KEY, new INTEGER NOT NULL)")
    conn.execute("DELETE FROM reconcile_remap")
    conn.executemany("INSERT INTO reconcile_remap (old, new) VALUES (?, ?)",
                     list(remap.items()))
    for table in tables:
        conn.execute(
            f'UPDATE "{table}" SET idx = (SELECT new FROM reconcile_remap WHERE old = idx)'
            f" + {_SHIFT} WHERE project_id = ? AND idx IN (SELECT old FROM reconcile_remap)",
            (project_id,))
        conn.execute(f'UPDATE "{table}" SET idx = idx - {_SHIFT} '
                     f"WHERE project_id = ? AND idx >= {_SHIFT // 2}", (project_id,))
    conn.execute("DELETE FROM reconcile_remap")
    conn.execute("DELETE FROM segments WHERE project_id = ?", (project_id,))
    conn.executemany(
        "INSERT INTO segments (project_id, idx, unit_id, source, target, status, flags)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)",
        [(project_id, new, unit_id, source,
          *((rows[old]["target"], rows[old]["status"], rows[old]["flags"]) if old is not None
            else ("", "new", "[]")))
         for new, ((unit_id, source), old) in enumerate(zip(units, plan.sources, strict=True))])
    return plan
