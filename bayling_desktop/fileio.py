"""Atomic file writing: an output file is either complete or absent, never half-written.

The data goes to a temporary sibling that is renamed over the target only once it is
complete and synced. The temporary file is created private (0600); before the rename
it gets the mode a plain ``open()`` would have given (0666 less the umask) or, when
it replaces a file, that file's mode, so exports stay readable like any other file.
Writing through a symbolic link updates the file it points to. A writer killed
mid-write (kill -9, power loss) can leave only its hidden ``.NAME.*.part``; the next
successful write of NAME removes such leftovers once they are clearly abandoned.
"""

from __future__ import annotations

import contextlib
import errno
import glob
import os
import stat
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from .errors import OutputError

#: a temporary file untouched this long belongs to a writer that died
STALE_PART_S = 15 * 60


def _describe(exc: OSError, path: Path) -> str:
    if exc.errno == errno.ENOSPC:
        return f"The disk is full: could not write {path}."
    if exc.errno == errno.EFBIG:
        return f"The file {path} is too large for this disk or exceeds the file-size limit."
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return f"Permission denied: cannot write {path}."
    if exc.errno == errno.ENOENT:
        return f"The folder {path.parent} does not exist."
    if exc.errno == errno.EISDIR:
        return f"{path} is a folder, not a file."
    return f"Could not write {path}: {exc.strerror or exc}."


def _umask() -> int:
    """The process umask, read without changing it where the OS allows (Linux)."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    mask = os.umask(0o022)  # elsewhere: the classic read-by-setting, restored at once
    os.umask(mask)
    return mask


def _sweep_abandoned(target: Path, keep: Path) -> None:
    """Remove temporary siblings of *target* that no live writer is still filling."""
    now = time.time()
    for name in glob.glob(os.path.join(glob.escape(str(target.parent)),
                                       f".{glob.escape(target.name)}.*.part")):
        part = Path(name)
        try:
            if part != keep and now - part.stat().st_mtime > STALE_PART_S:
                part.unlink()
        except OSError:
            pass  # another process's business, or already gone


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX; Windows has no directory handles for this)."""
    if os.name != "posix":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _final_mode(target: Path) -> int:
    """The mode the finished file should have: the replaced file's, or open()'s default."""
    try:
        return stat.S_IMODE(target.stat().st_mode)
    except OSError:
        return 0o666 & ~_umask()


@contextlib.contextmanager
def atomic_open(path: str | os.PathLike[str], mode: str = "w", encoding: str | None = "utf-8",
                newline: str | None = None) -> Iterator[IO[Any]]:
    """Open a temporary sibling of *path*; rename it over *path* only on success."""
    target = Path(path)
    if target.is_symlink():
        target = Path(os.path.realpath(target))
    if "b" in mode:
        encoding = None
    if target.is_dir():
        raise OutputError(f"{target} is a folder, not a file.")
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part",
                                        dir=target.parent)
    except OSError as exc:
        raise OutputError(_describe(exc, target)) from exc
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, mode, encoding=encoding, newline=newline) as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
            if hasattr(os, "fchmod"):
                os.fchmod(handle.fileno(), _final_mode(target))
        if not hasattr(os, "fchmod"):  # Windows: only the read-only bit exists
            os.chmod(tmp, _final_mode(target))
        os.replace(tmp, target)
        _sync_folder(target.parent)
        _sweep_abandoned(target, tmp)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise OutputError(_describe(exc, target)) from exc
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def atomic_write_text(path: str | os.PathLike[str], text: str, encoding: str = "utf-8") -> None:
    with atomic_open(path, "w", encoding=encoding, newline="") as handle:
        handle.write(text)


def atomic_write_bytes(path: str | os.PathLike[str], data: bytes) -> None:
    with atomic_open(path, "wb") as handle:
        handle.write(data)
