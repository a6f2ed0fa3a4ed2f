"""The translations a file already holds become the project's, unless asked otherwise.

A PO catalogue with 198 translated entries, an XLIFF file whose targets are final: that
is a translator's work, and a run must neither translate it again nor write over it.
:func:`adopt` gives each segment that has no work of its own the file's translation
and status ("approved", or "draft" for fuzzy / needs-review targets), with a history
entry by "file"; segments the user or the model already worked on keep their work.
With *redo* ("approved", "draft" or both: the CLI's ``--retranslate`` and ``--fuzzy``)
those of the file's translations become new work instead — the model translates them
and, where it fails, the file's translation stays (export leaves the entry alone).
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable, Collection, Mapping
from contextlib import AbstractContextManager
from typing import TYPE_CHECKING

from .project_schema import DONE

if TYPE_CHECKING:
    from .projects import Project


def adopt(tx: Callable[[], AbstractContextManager[sqlite3.Connection]], project: Project,
          existing: Mapping[str, tuple[str, str]], redo: Collection[str] = ()) -> int:
    """Apply *existing* (unit id -> (target, status)) to *project*; returns how many
    segments now hold the file's translation."""
    changes: list[tuple[int, str, str, bool]] = []  # idx, target, status, new version
    adopted = 0
    for segment in project.segments:
        found = existing.get(segment.unit_id)
        if found is None:
            continue
        target, status = found
        if status in redo:
            if segment.status in DONE and segment.target == target:
                changes.append((segment.idx, target, "new", False))
        elif segment.status not in DONE:
            changes.append((segment.idx, target, status, segment.target != target))
            adopted += 1
        elif segment.target == target:
            adopted += 1
    if not changes:
        return adopted
    now = time.time()
    with tx() as conn:
        for idx, target, status, version in changes:
            conn.execute("UPDATE segments SET target = ?, status = ?, flags = '[]' "
                         "WHERE project_id = ? AND idx = ?", (target, status, project.id, idx))
            if version:
                conn.execute("INSERT INTO history (project_id, idx, target, status, author, at)"
                             " VALUES (?, ?, ?, ?, 'file', ?)",
                             (project.id, idx, target, status, now))
    for idx, target, status, _version in changes:
        segment = project.segments[idx]
        segment.target, segment.status, segment.flags = target, status, []
    return adopted
