"""SQLite with crash safety and forward-only migrations.

User data must survive a crash at any moment and a schema change: every store opens
its file through :func:`open_database`, which turns on WAL with full sync, and runs
numbered migrations inside transactions, tracked in ``PRAGMA user_version``. Before
migrating an existing file we copy it aside, so an upgrade never drops data.
"""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Callable, Sequence
from pathlib import Path

from ..errors import BaylingError

#: a migration is SQL (run as a script) or a function given the connection
Migration = str | Callable[[sqlite3.Connection], None]


class StorageError(BaylingError):
    """The database file is unreadable, corrupt, or from a newer version of the app."""


def open_database(path: Path, migrations: Sequence[Migration]) -> sqlite3.Connection:
    path.parent.mkdir(parents=True, exist_ok=True)
    existed = path.exists() and path.stat().st_size > 0
    try:
        conn = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
        conn.row_factory = sqlite3.Row
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=FULL")
        conn.execute("PRAGMA foreign_keys=ON")
        version = conn.execute("PRAGMA user_version").fetchone()[0]
    except sqlite3.DatabaseError as exc:
        raise StorageError(f"{path} is not a readable database ({exc}).") from exc
    if version > len(migrations):
        conn.close()
        raise StorageError(f"{path.name} was written by a newer version of BayLing Desktop; "
                           "update the app to open it.")
    if version < len(migrations) and existed:
        backup = path.with_name(f"{path.name}.v{version}.bak")
        conn.execute("PRAGMA wal_checkpoint(FULL)")
        shutil.copy2(path, backup)
    for number in range(version, len(migrations)):
        migration = migrations[number]
        try:
            conn.execute("BEGIN IMMEDIATE")
            if isinstance(migration, str):
                for statement in _statements(migration):
                    conn.execute(statement)
            else:
                migration(conn)
            conn.execute(f"PRAGMA user_version = {number + 1}")
            conn.execute("COMMIT")
        except sqlite3.Error as exc:
            conn.execute("ROLLBACK")
            conn.close()
            raise StorageError(f"Could not upgrade {path.name} (step {number + 1}): {exc}. "
                               "Your data is unchanged.") from exc
    return conn


def _statements(script: str) -> list[str]:
    """Split a migration script into statements (executescript would commit our transaction)."""
    statements: list[str] = []
    buffer = ""
    for line in script.splitlines(keepends=True):
        buffer += line
        if sqlite3.complete_statement(buffer):
            if buffer.strip():
                statements.append(buffer.strip())
            buffer = ""
    if buffer.strip():
        statements.append(buffer.strip())
    return statements
