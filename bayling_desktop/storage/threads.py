"""A project's revision conversations and the proposals of document-wide revisions.

Kept apart from the segments themselves: a thread is talk about a translation, stored
verbatim so each turn replays byte-identical (the engine's KV cache then reuses it);
a candidate is a proposal waiting for review. :class:`.projects.ProjectStore` has
these methods through :class:`ThreadStore`.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Sequence
from contextlib import AbstractContextManager
from typing import TYPE_CHECKING

from ..flags import Flag
from .project_schema import Candidate, flags_from_json, flags_to_json

if TYPE_CHECKING:
    from .projects import Project


class ThreadStore:
    _conn: sqlite3.Connection

    def _tx(self) -> AbstractContextManager[sqlite3.Connection]:
        raise NotImplementedError

    # -- revision threads -------------------------------------------------------------------

    def thread(self, project: Project, idx: int) -> list[tuple[str, str]]:
        """(role, content) of a segment's revision conversation, in order."""
        return [(r["role"], r["content"]) for r in self._conn.execute(
            "SELECT role, content FROM threads WHERE project_id = ? AND idx = ?"
            " ORDER BY position", (project.id, idx))]

    def append_thread(self, project: Project, idx: int,
                      messages: Sequence[tuple[str, str]]) -> None:
        now = time.time()
        with self._tx() as conn:
            start = conn.execute(
                "SELECT coalesce(max(position) + 1, 0) FROM threads WHERE project_id = ?"
                " AND idx = ?", (project.id, idx)).fetchone()[0]
            conn.executemany(
                "INSERT INTO threads (project_id, idx, position, role, content, at)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                [(project.id, idx, start + n, role, content, now)
                 for n, (role, content) in enumerate(messages)])

    def truncate_thread(self, project: Project, idx: int, keep: int) -> None:
        """Keep the first *keep* messages (0 clears the thread)."""
        with self._tx() as conn:
            conn.execute("DELETE FROM threads WHERE project_id = ? AND idx = ? AND position >= ?",
                         (project.id, idx, keep))

    # -- candidates of document-wide revisions ------------------------------------------------

    def add_candidate(self, project: Project, idx: int, batch: str, instruction: str,
                      text: str, flags: Sequence[Flag] = ()) -> int:
        with self._tx() as conn:
            cursor = conn.execute(
                "INSERT INTO candidates (project_id, idx, batch, instruction, text, at, flags)"
                " VALUES (?, ?, ?, ?, ?, ?, ?)",
                (project.id, idx, batch, instruction, text, time.time(),
                 flags_to_json(flags)))
            return int(cursor.lastrowid or 0)

    def candidates(self, project: Project, batch: str | None = None,
                   state: str | None = "pending") -> list[Candidate]:
        query = "SELECT * FROM candidates WHERE project_id = ?"
        args: list[object] = [project.id]
        if batch is not None:
            query += " AND batch = ?"
            args.append(batch)
        if state is not None:
            query += " AND state = ?"
            args.append(state)
        return [Candidate(r["id"], r["idx"], r["batch"], r["instruction"], r["text"], r["state"],
                          tuple(flags_from_json(r["flags"])))
                for r in self._conn.execute(query + " ORDER BY idx, id", args)]

    def set_candidate_state(self, candidate_id: int, state: str) -> None:
        if state not in ("pending", "accepted", "rejected"):
            raise ValueError(f"unknown candidate state {state!r}")
        with self._tx() as conn:
            conn.execute("UPDATE candidates SET state = ? WHERE id = ?", (state, candidate_id))
