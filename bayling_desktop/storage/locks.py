"""One writer per project: an advisory file lock held while a project is open.

Two processes (or two windows) working on one project would write each other's rows:
each keeps its own copy of the segments in memory and saves by position. The lock is
an OS file lock (``flock`` / ``msvcrt.locking``) on ``DB.locks/ID.lock``, taken without
waiting, so the second opener is told at once instead of blocking; the OS drops it
when the holder exits, a ``kill -9`` included, so a crash never leaves a stale lock.
Locks belong to one open file description: two stores in one process exclude each
other too, which is what two windows need.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import IO


class LockBusy(Exception):
    """Someone else holds the lock."""


def _try_lock(handle: IO[bytes]) -> bool:
    if sys.platform == "win32":
        import msvcrt

        try:
            handle.seek(0)
            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


class ProjectLocks:
    """The project locks one store holds, released together on close."""

    def __init__(self, database: Path) -> None:
        self.folder = database.with_name(f"{database.name}.locks")
        self._held: dict[int, IO[bytes]] = {}

    def holds(self, project_id: int) -> bool:
        return project_id in self._held

    def acquire(self, project_id: int) -> None:
        """Lock *project_id* (again is fine); LockBusy when another holder has it."""
        if project_id in self._held:
            return
        self.folder.mkdir(exist_ok=True)
        path = self.folder / f"{project_id}.lock"
        handle = open(path, "a+b")  # noqa: SIM115 - kept open while the lock is held
        if not _try_lock(handle):
            handle.close()
            raise LockBusy(str(path))
        handle.seek(0)
        handle.truncate()
        handle.write(f"{os.getpid()}\n".encode())  # for a curious user, not for logic
        handle.flush()
        self._held[project_id] = handle

    def release(self, project_id: int) -> None:
        handle = self._held.pop(project_id, None)
        if handle is not None:
            handle.close()  # closing the descriptor drops the lock

    def release_all(self) -> None:
        for project_id in list(self._held):
            self.release(project_id)
