"""Which project a document belongs to: one per file and target, for every front end.

The CLI kept ``cli:{path}:{target}`` projects and the GUI ``gui:{path}:{target}``, so work
done in one was invisible in the other. A document's project is now named by
:func:`file_project_name` whoever opens it, and the migration
:func:`merge_front_end_projects` folds the old pairs together without losing a segment:
per segment the most advanced status wins (approved > edited > draft > failed > new,
the newer change on a tie), and the history, revision threads, proposals and glossary
of both are kept.

A project split into sentences (the CLI's ``--sentences``) has other segments than the
document's units, so it keeps a name of its own (``…:sentences``) rather than being
reconciled against the unit-level project on every switch.
"""

from __future__ import annotations

import json
import sqlite3
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .reconcile import match, tables_with_positions

#: the name prefix of the project bound to a file
PREFIX = "file:"
#: how far along a segment is, for merging two projects of one document
_RANK = {"new": 0, "translating": 0, "error": 1, "draft": 2, "edited": 3, "approved": 4}


def file_key(path: Path | str) -> str:
    """How a document's path is spelled in project names (absolute, links resolved)."""
    return str(Path(path).resolve())


def file_project_name(path: Path | str, target: str, sentences: bool = False) -> str:
    """The name of *path*'s project for *target* (the same for the CLI and the GUI)."""
    return f"{PREFIX}{file_key(path)}:{target}" + (":sentences" if sentences else "")


def parse_file_project_name(name: str, path: Path | str) -> tuple[str, bool] | None:
    """(target, sentences) when *name* is one of *path*'s projects, else None."""
    prefix = f"{PREFIX}{file_key(path)}:"
    if not name.startswith(prefix):
        return None
    target, _, mode = name[len(prefix):].partition(":")
    if not target or mode not in ("", "sentences"):
        return None
    return target, mode == "sentences"


@dataclass(frozen=True)
class FileProject:
    """A project bound to a document (what opening the document needs to know of it)."""

    id: int
    name: str
    target: str
    #: its segments are sentences, not whole units
    sentences: bool
    source_lang: str
    settings: Mapping[str, Any]


def _old_name(name: str) -> tuple[str, str] | None:
    """(path, target) of an old ``cli:``/``gui:`` project name."""
    for prefix in ("cli:", "gui:"):
        if name.startswith(prefix):
            path, _, target = name[len(prefix):].rpartition(":")
            if path and target:
                return path, target
    return None


def _segment_time(conn: sqlite3.Connection, project_id: int) -> dict[int, float]:
    """When each segment last changed (its newest history entry in effect)."""
    return {int(r[0]): float(r[1]) for r in conn.execute(
        "SELECT idx, max(at) FROM history WHERE project_id = ? AND undone = 0 GROUP BY idx",
        (project_id,))}


def merge_projects(conn: sqlite3.Connection, keep: int, other: int) -> None:
    """Fold project *other* into project *keep* (inside the caller's transaction).

    Segments are matched by unit id and source text (as a reconciled document is); a
    matched segment takes *other*'s translation when that is further along. Everything
    *other* holds per segment (history, threads, candidates) moves over to the matched
    position, or under a negative position (kept, never shown) when its unit is not in
    *keep*; then *other* is deleted.
    """
    mine = conn.execute("SELECT * FROM segments WHERE project_id = ? ORDER BY idx",
                        (keep,)).fetchall()
    theirs = conn.execute("SELECT * FROM segments WHERE project_id = ? ORDER BY idx",
                          (other,)).fetchall()
    plan = match([(str(r["unit_id"]), str(r["source"])) for r in theirs],
                 [(str(r["unit_id"]), str(r["source"])) for r in mine])
    my_times, their_times = _segment_time(conn, keep), _segment_time(conn, other)
    remap: dict[int, int] = {}
    for row, old in zip(mine, plan.sources, strict=True):
        if old is None:
            continue
        their = theirs[old]
        remap[int(their["idx"])] = int(row["idx"])
        ours = (_RANK.get(str(row["status"]), 0), my_times.get(int(row["idx"]), 0.0))
        better = (_RANK.get(str(their["status"]), 0), their_times.get(int(their["idx"]), 0.0))
        if better > ours:
            conn.execute("UPDATE segments SET target = ?, status = ?, flags = ? "
                         "WHERE project_id = ? AND idx = ?",
                         (their["target"], their["status"], their["flags"], keep, row["idx"]))
    tables = tables_with_positions(conn)
    floor = 0  # below every position in use: where unmatched rows of *other* go
    used: set[int] = set()
    for table in tables:
        floor = min([floor, *[int(r[0]) for r in conn.execute(
            f'SELECT min(idx) FROM "{table}" WHERE project_id IN (?, ?) AND idx IS NOT NULL',
            (keep, other)) if r[0] is not None]])
        used |= {int(r[0]) for r in conn.execute(
            f'SELECT DISTINCT idx FROM "{table}" WHERE project_id = ?', (other,))}
    for number, idx in enumerate(sorted(used - set(remap)), start=1):
        remap[idx] = floor - number
    conn.execute("CREATE TEMP TABLE IF NOT EXISTS merge_remap "
                 "(old INTEGER PRIMARY KEY, new INTEGER NOT NULL, shift INTEGER NOT NULL)")
    conn.execute("DELETE FROM merge_remap")
    conn.executemany(
        "INSERT INTO merge_remap (old, new, shift) VALUES (?, ?, (SELECT coalesce(max(position)"
        " + 1, 0) FROM threads WHERE project_id = ? AND idx = ?))",
        [(old, new, keep, new) for old, new in remap.items()])
    for table in tables:
        # revision turns of *other* go after the kept project's turns of the segment
        shift = (", position = position + (SELECT shift FROM merge_remap WHERE old = idx)"
                 if table == "threads" else "")
        conn.execute(f'UPDATE "{table}" SET project_id = ?{shift}, '
                     "idx = (SELECT new FROM merge_remap WHERE old = idx) "
                     "WHERE project_id = ?", (keep, other))
    conn.execute("DELETE FROM merge_remap")
    conn.execute("INSERT OR IGNORE INTO glossary (project_id, source, target) "
                 "SELECT ?, source, target FROM glossary WHERE project_id = ?", (keep, other))
    kept, gone = (conn.execute("SELECT * FROM projects WHERE id = ?", (project,)).fetchone()
                  for project in (keep, other))
    settings = {**json.loads(gone["settings"] or "{}"), **json.loads(kept["settings"] or "{}")}
    conn.execute("UPDATE projects SET settings = ?, source_lang = ?, format = ?, "
                 "updated = ?, created = ? WHERE id = ?",
                 (json.dumps(settings, ensure_ascii=False),
                  kept["source_lang"] or gone["source_lang"], kept["format"] or gone["format"],
                  max(kept["updated"], gone["updated"]), min(kept["created"], gone["created"]),
                  keep))
    conn.execute("DELETE FROM projects WHERE id = ?", (other,))


def merge_front_end_projects(conn: sqlite3.Connection) -> None:
    """Migration: one project per document and target, whichever front end made it.

    Every ``cli:``/``gui:`` project is renamed to its file's name; where both front
    ends had one for the same file, target and segmentation, they are merged into the
    one changed last (see :func:`merge_projects`).
    """
    groups: dict[str, list[sqlite3.Row]] = defaultdict(list)
    for row in conn.execute("SELECT * FROM projects ORDER BY updated DESC, id DESC"):
        old = _old_name(str(row["name"]))
        if old is None:
            continue
        sentences = bool(json.loads(row["settings"] or "{}").get("sentences"))
        groups[file_project_name_raw(*old, sentences)].append(row)
    for name, rows in groups.items():
        keep = int(rows[0]["id"])
        for other in rows[1:]:
            merge_projects(conn, keep, int(other["id"]))
        taken = conn.execute("SELECT id FROM projects WHERE name = ?", (name,)).fetchone()
        if taken is not None:  # already migrated by hand: fold into that one
            merge_projects(conn, int(taken[0]), keep)
        else:
            conn.execute("UPDATE projects SET name = ? WHERE id = ?", (name, keep))


def file_project_name_raw(key: str, target: str, sentences: bool = False) -> str:
    """:func:`file_project_name` for a path already spelled as :func:`file_key` does."""
    return f"{PREFIX}{key}:{target}" + (":sentences" if sentences else "")
