"""Split and merge segments in the database: the rows of one unit replaced in place.

A unit of the document (a paragraph, a cell, a cue) is one segment, or several when the
translator split it (or the project reads sentences). Which offsets of the unit's text
cut it is recorded per unit in ``segment_cuts`` (with a hash of the unit's text, so an
edited paragraph falls back to its default segmentation instead of being cut at
offsets that no longer mean anything; a migration of :mod:`.project_schema` makes the
table); the session reads the cuts before it reconciles the project with its document,
so a split survives reopening.

Replacing segments never deletes what was written: the history, revision threads and
proposals of the replaced rows move to *detached* positions (negative, never shown,
like the segments :mod:`.reconcile` lets go), and an undo hands those positions back to
the rows it restores, so their history is theirs again.
"""

from __future__ import annotations

import json
import sqlite3
import time
from collections.abc import Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .project_schema import StoredSegment, flags_to_json
from .reconcile import tables_with_positions

if TYPE_CHECKING:
    from .projects import Project

#: added to positions while later rows move, so no two rows share a key midway
_SHIFT = 1 << 40


@dataclass(frozen=True)
class UnitCuts:
    """Where the translator's segmentation cuts a unit's text (offsets into it)."""

    unit_id: str
    #: the hash (``reconcile.text_hash``) of the unit's text the offsets refer to
    source_hash: str
    #: None: the unit's default segmentation (no row is kept)
    cuts: tuple[int, ...] | None


def cuts_of(conn: sqlite3.Connection, project_name: str) -> dict[str, tuple[str, list[int]]]:
    """unit id -> (text hash, cuts) of the project called *project_name* ({} if none)."""
    found: dict[str, tuple[str, list[int]]] = {}
    for unit_id, digest, cuts in conn.execute(
            "SELECT c.unit_id, c.source_hash, c.cuts FROM segment_cuts c "
            "JOIN projects p ON p.id = c.project_id WHERE p.name = ?", (project_name,)):
        try:
            offsets = sorted({int(value) for value in json.loads(cuts)})
        except (ValueError, TypeError):
            continue  # a damaged row reads as the default segmentation
        found[str(unit_id)] = (str(digest), offsets)
    return found


def _lowest(conn: sqlite3.Connection, project_id: int, tables: Sequence[str]) -> int:
    lowest = 0
    for table in tables:
        value = conn.execute(f'SELECT min(idx) FROM "{table}" WHERE project_id = ?',
                             (project_id,)).fetchone()[0]
        if value is not None:
            lowest = min(lowest, int(value))
    return lowest


def _move(conn: sqlite3.Connection, tables: Sequence[str], project_id: int, old: int,
          new: int) -> None:
    for table in tables:
        conn.execute(f'UPDATE "{table}" SET idx = ? WHERE project_id = ? AND idx = ?',
                     (new, project_id, old))


def replace(conn: sqlite3.Connection, project_id: int, start: int, removed: int,
            rows: Sequence[StoredSegment], attach: Sequence[int | None],
            renames: Sequence[tuple[int, str]], cuts: UnitCuts) -> list[int]:
    """Put *rows* in place of the *removed* segments from *start* (inside the caller's
    transaction) and record the unit's *cuts*.

    The history, threads and proposals of the removed segments move to new detached
    positions, returned in order; a row whose *attach* names a detached position takes
    that position's history back (an undo); any other row with a translation starts a
    history of its own. Later segments move up or down with everything bound to them;
    *renames* (position, unit id) renumber the unit's other pieces.
    """
    tables = tables_with_positions(conn)
    detached: list[int] = []
    lowest = _lowest(conn, project_id, tables)
    for number in range(removed):
        lowest -= 1
        _move(conn, tables, project_id, start + number, lowest)
        detached.append(lowest)
    conn.execute("DELETE FROM segments WHERE project_id = ? AND idx >= ? AND idx < ?",
                 (project_id, start, start + removed))
    delta = len(rows) - removed
    if delta:
        for table in ("segments", *tables):
            conn.execute(f'UPDATE "{table}" SET idx = idx + ? WHERE project_id = ? AND idx >= ?',
                         (delta + _SHIFT, project_id, start + removed))
            conn.execute(f'UPDATE "{table}" SET idx = idx - ? WHERE project_id = ? AND idx >= ?',
                         (_SHIFT, project_id, _SHIFT // 2))
    now = time.time()
    for number, (row, back) in enumerate(zip(rows, attach, strict=True)):
        position = start + number
        conn.execute(
            "INSERT INTO segments (project_id, idx, unit_id, source, target, status, flags)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)", (project_id, position, row.unit_id, row.source,
                                              row.target, row.status, flags_to_json(row.flags)))
        if back is not None:
            _move(conn, tables, project_id, back, position)
        elif row.target:
            conn.execute("INSERT INTO history (project_id, idx, target, status, author, at) "
                         "VALUES (?, ?, ?, ?, 'user', ?)",
                         (project_id, position, row.target, row.status, now))
    conn.executemany("UPDATE segments SET unit_id = ? WHERE project_id = ? AND idx = ?",
                     [(unit_id, project_id, position) for position, unit_id in renames])
    if cuts.cuts is None:
        conn.execute("DELETE FROM segment_cuts WHERE project_id = ? AND unit_id = ?",
                     (project_id, cuts.unit_id))
    else:
        conn.execute("INSERT OR REPLACE INTO segment_cuts (project_id, unit_id, source_hash,"
                     " cuts) VALUES (?, ?, ?, ?)", (project_id, cuts.unit_id, cuts.source_hash,
                                                    json.dumps(list(cuts.cuts))))
    conn.execute("UPDATE projects SET updated = ? WHERE id = ?", (now, project_id))
    return detached


class ResegmentStore:
    """Split and merge in :class:`.projects.ProjectStore` (which has these methods)."""

    _conn: sqlite3.Connection

    def _tx(self) -> AbstractContextManager[sqlite3.Connection]:
        raise NotImplementedError

    def segment_cuts(self, name: str) -> dict[str, tuple[str, list[int]]]:
        """Where the translator cut the units of the project called *name* (unit id ->
        (text hash, offsets)); {} for a project not made yet."""
        return cuts_of(self._conn, name)

    def replace_segments(self, project: Project, start: int, removed: int,
                         rows: Sequence[StoredSegment], attach: Sequence[int | None],
                         renames: Sequence[tuple[int, str]],
                         cuts: UnitCuts) -> list[int]:
        """Split or merge: *rows* replace *removed* segments from *start*, in one
        transaction (see :func:`replace`); returns the detached positions that now keep
        the removed segments' history."""
        with self._tx() as conn:
            detached = replace(conn, project.id, start, removed, rows, attach, renames, cuts)
        project.segments[start:start + removed] = [
            StoredSegment(start + n, r.unit_id, r.source, r.target, r.status, list(r.flags))
            for n, r in enumerate(rows)]
        for position in range(start + len(rows), len(project.segments)):
            project.segments[position].idx = position
        for position, unit_id in renames:
            project.segments[position].unit_id = unit_id
        return detached
