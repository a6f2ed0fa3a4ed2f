"""SQLite with crash safety, forward-only migrations and errors a user can act on.

User data must survive a crash at any moment and a schema change: every store opens
its file through :func:`open_database`, which turns on WAL with full sync, and runs
numbered migrations inside one exclusive transaction, tracked in ``PRAGMA
user_version``. Two processes opening a fresh data folder at once therefore both
succeed: the second waits (busy timeout), then sees the migrated schema. Before
migrating an existing file we copy it aside, so an upgrade never drops data.

A damaged, read-only or full database must end in one sentence, not a traceback, even
when the damage is found by a query long after opening: the connection returned here
translates SQLite's I/O-class errors (corrupt, not a database, full, read-only, I/O,
locked) into :class:`StorageError` wherever they happen. Errors that mean a bug in our
SQL (constraints, syntax) pass through unchanged.
"""

from __future__ import annotations

import logging
import os
import sqlite3
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from ..errors import BaylingError
from ..sentences import Sentence

#: a migration is SQL (run as a script) or a function given the connection
Migration = str | Callable[[sqlite3.Connection], None]

#: how long an opener waits for another process's transaction (migrations included)
BUSY_TIMEOUT_S = 30.0

_log = logging.getLogger(__name__)

# primary SQLite result codes that describe the file or the disk, not our SQL
_BUSY, _LOCKED, _READONLY, _IOERR, _CORRUPT, _FULL, _CANTOPEN, _NOTADB = 5, 6, 8, 10, 11, 13, 14, 26
_FILE_ERRORS = {_BUSY, _LOCKED, _READONLY, _IOERR, _CORRUPT, _FULL, _CANTOPEN, _NOTADB}


class StorageError(BaylingError):
    """The database file is unreadable, corrupt, read-only, on a full disk, or newer."""


def backups(path: Path) -> list[Path]:
    """The migration backups of *path* (``NAME.vN.bak``), newest first."""
    found = [p for p in path.parent.glob(f"{path.name}.v*.bak") if p.is_file()]
    return sorted(found, key=lambda p: p.stat().st_mtime, reverse=True)


def _restore_hint(path: Path) -> Sentence:
    saved = backups(path)
    if saved:
        return Sentence("restore_newest_backup", backup=saved[0])
    return Sentence("restore_move_aside")


def describe(exc: sqlite3.Error, path: Path) -> Sentence | None:
    """One sentence for an error about the file or disk; None for anything else."""
    code = getattr(exc, "sqlite_errorcode", None)
    primary = code & 0xFF if isinstance(code, int) else None
    text = str(exc)
    if primary is None:  # errors raised by the module itself carry no code
        primary = _NOTADB if "not a database" in text else (_CORRUPT if "malformed" in text
                                                            else None)
    folder = path.parent
    if primary == _CORRUPT:
        return Sentence("database_damaged", path=path, error=text, hint=_restore_hint(path))
    if primary == _NOTADB:
        return Sentence("not_a_database", path=path, hint=_restore_hint(path))
    if primary == _FULL:
        return Sentence("database_disk_full", path=path)
    if primary in (_READONLY, _CANTOPEN, _IOERR) and not os.access(folder, os.W_OK):
        return Sentence("data_folder_not_writable", folder=folder)
    if primary == _READONLY or (primary == _CANTOPEN and path.exists()
                                and not os.access(path, os.W_OK)):
        return Sentence("database_read_only", path=path)
    if primary == _CANTOPEN:
        return Sentence("could_not_open_database", path=path, error=text)
    if primary == _IOERR and _disk_full(folder):
        return Sentence("database_disk_full", path=path)
    if primary == _IOERR and _size_limited():
        return Sentence("database_size_limit", path=path)
    if primary == _IOERR:
        return Sentence("database_io_error", path=path, error=text)
    if primary in (_BUSY, _LOCKED):
        return Sentence("database_locked", path=path)
    return None


def _disk_full(folder: Path) -> bool:
    """SQLite reports a full disk as an I/O error when the WAL index cannot grow."""
    import shutil

    try:
        return shutil.disk_usage(folder).free < 1 << 20
    except OSError:
        return False


def _size_limited() -> bool:
    try:
        import resource
    except ImportError:  # Windows
        return False
    soft, _hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    return soft != resource.RLIM_INFINITY


class _Cursor(sqlite3.Cursor):
    """Rows are read lazily: damage found while fetching is translated too."""

    def _fail(self, exc: sqlite3.Error) -> BaseException:
        connection = self.connection
        path = connection.path if isinstance(connection, _Connection) else Path("?")
        message = describe(exc, path)
        return StorageError(message) if message else exc

    def execute(self, sql: str, parameters: Any = (), /) -> _Cursor:
        try:
            super().execute(sql, parameters)
        except sqlite3.Error as exc:
            raise self._fail(exc) from exc
        return self

    def executemany(self, sql: str, seq_of_parameters: Iterable[Any], /) -> _Cursor:
        try:
            super().executemany(sql, seq_of_parameters)
        except sqlite3.Error as exc:
            raise self._fail(exc) from exc
        return self

    def fetchone(self) -> Any:
        try:
            return super().fetchone()
        except sqlite3.Error as exc:
            raise self._fail(exc) from exc

    def fetchmany(self, size: int | None = 1) -> list[Any]:
        try:
            return super().fetchmany(size if size is not None else self.arraysize)
        except sqlite3.Error as exc:
            raise self._fail(exc) from exc

    def fetchall(self) -> list[Any]:
        try:
            return super().fetchall()
        except sqlite3.Error as exc:
            raise self._fail(exc) from exc

    def __next__(self) -> Any:
        try:
            return super().__next__()
        except sqlite3.Error as exc:
            raise self._fail(exc) from exc


class _Connection(sqlite3.Connection):
    """A connection whose statements report file and disk trouble as StorageError."""

    path: Path

    def execute(self, sql: str, parameters: Any = (), /) -> _Cursor:
        if not self.in_transaction and sql.strip().upper() == "ROLLBACK":
            # SQLite already rolled back by itself (full disk, I/O error): a second
            # ROLLBACK would replace the real error with "no transaction is active".
            return self.cursor(_Cursor)
        return self.cursor(_Cursor).execute(sql, parameters)

    def executemany(self, sql: str, parameters: Iterable[Any], /) -> _Cursor:
        return self.cursor(_Cursor).executemany(sql, parameters)


def open_database(path: Path, migrations: Sequence[Migration],
                  functions: Mapping[str, tuple[int, Callable[..., Any]]] | None = None
                  ) -> sqlite3.Connection:
    """Open (creating or upgrading) the database at *path*; every problem is a StorageError.

    *functions* (name -> (number of arguments, function)) become SQL functions of the
    connection before any migration runs: a migration that needs a verdict only a higher
    layer can give (is this remembered pair a translation?) asks for it in SQL, so
    storage imports nothing above it.
    """
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StorageError("could_not_create_data", parent=path.parent,
                           reason=exc.strerror or exc) from exc
    _refuse_emptied(path)
    existed = path.exists() and path.stat().st_size > 0
    conn: _Connection | None = None
    try:
        conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_S, check_same_thread=False,
                               isolation_level=None, factory=_Connection)
        conn.path = path
        conn.row_factory = sqlite3.Row
        for name, (arguments, function) in (functions or {}).items():
            conn.create_function(name, arguments, function, deterministic=True)
        conn.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_S * 1000)}")
        _enable_wal(conn)
        conn.execute("PRAGMA synchronous=FULL")
        conn.execute("PRAGMA foreign_keys=ON")
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])
        if version < len(migrations):
            _migrate(conn, path, migrations, version, existed)
            if not existed and str(path) != ":memory:":
                _first_backup(conn, path, len(migrations))
        elif version > len(migrations):
            raise StorageError(_newer(path))
    except BaseException as exc:
        if conn is not None:
            conn.close()
        if isinstance(exc, sqlite3.Error):
            message = describe(exc, path) or Sentence("could_not_be_opened", path=path, error=exc)
            raise StorageError(message) from exc
        raise
    return conn


def _newer(path: Path) -> Sentence:
    return Sentence("database_newer", path=path, hint=_restore_hint(path))


def _first_backup(conn: _Connection, path: Path, version: int) -> None:
    """Keep a backup of a database this process just created.

    Without one, a file later emptied to 0 bytes (a full disk, a sync tool) looked like a
    crash before the first write and was silently started afresh, so finished work was
    translated again; with it, :func:`_refuse_emptied` says what happened.
    """
    target = path.with_name(f"{path.name}.v{version}.bak")
    if target.exists():
        return
    try:
        os.replace(_backup_copy(conn, path, version), target)
    except (OSError, sqlite3.Error, StorageError) as exc:
        _log.warning("could not keep a first backup of %s: %s", path, exc)


def _enable_wal(conn: _Connection) -> None:
    """Switch to WAL, waiting like a busy timeout would: SQLite does not wait by itself
    here, so a second process opening a brand-new file used to fail at once."""
    import time

    deadline = time.monotonic() + BUSY_TIMEOUT_S
    while True:
        try:
            sqlite3.Connection.execute(conn, "PRAGMA journal_mode=WAL").fetchone()
            return
        except sqlite3.OperationalError as exc:
            code = getattr(exc, "sqlite_errorcode", 0) & 0xFF
            if code not in (_BUSY, _LOCKED) or time.monotonic() > deadline:
                raise
            time.sleep(0.02)


def _refuse_emptied(path: Path) -> None:
    """A 0-byte file beside migration backups once held data: say so, never start afresh.

    A 0-byte file without backups is what a crash before the very first write leaves
    (or a concurrent first opener): nothing is lost, so it is simply initialised.
    """
    if not path.is_file() or path.stat().st_size > 0:
        return
    saved = backups(path)
    if saved:
        raise StorageError("database_empty_data_held", path=path, saved=saved[0], path2=path.name)
    _log.info("%s is empty and has no backup; initialising it", path)


def _migrate(conn: _Connection, path: Path, migrations: Sequence[Migration], version: int,
             existed: bool) -> None:
    """Run the missing migrations in one exclusive transaction (a concurrent opener waits).

    The backup is taken before the transaction (SQLite's backup cannot read through a
    connection holding the write lock) into a temporary name, and kept only if no other
    process migrated the file in between.
    """
    partial = _backup_copy(conn, path, version) if existed and version > 0 else None
    try:
        conn.execute("BEGIN EXCLUSIVE")
        current = int(conn.execute("PRAGMA user_version").fetchone()[0])
        if current > len(migrations):
            raise StorageError(_newer(path))
        if partial is not None and current == version:
            os.replace(partial, path.with_name(f"{path.name}.v{version}.bak"))
        for number in range(current, len(migrations)):
            migration = migrations[number]
            try:
                if isinstance(migration, str):
                    for statement in _statements(migration):
                        conn.execute(statement)
                else:
                    migration(conn)
            except sqlite3.Error as exc:  # file and disk trouble is a StorageError already
                raise StorageError("could_not_upgrade_step", path=path.name, number=number + 1,
                                   error=exc) from exc
            conn.execute(f"PRAGMA user_version = {number + 1}")
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    finally:
        if partial is not None:
            partial.unlink(missing_ok=True)


def _backup_copy(conn: _Connection, path: Path, version: int) -> Path:
    """A consistent copy of the file under a name of this process's own (openers race)."""
    import tempfile

    try:
        fd, name = tempfile.mkstemp(prefix=f".{path.name}.v{version}.", suffix=".bak.part",
                                    dir=path.parent)
    except OSError as exc:
        raise StorageError("could_not_back_up", path=path, reason=exc.strerror or exc) from exc
    os.close(fd)
    partial = Path(name)
    try:
        with sqlite3.connect(partial) as copy:
            conn.backup(copy)
        copy.close()
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return partial


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
