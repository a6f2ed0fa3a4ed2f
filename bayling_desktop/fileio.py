"""Atomic file writing: an output file is either complete or absent, never half-written."""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from .errors import OutputError


def _describe(exc: OSError, path: Path) -> str:
    if exc.errno == errno.ENOSPC:
        return f"The disk is full: could not write {path}."
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return f"Permission denied: cannot write {path}."
    if exc.errno == errno.ENOENT:
        return f"The folder {path.parent} does not exist."
    if exc.errno == errno.EISDIR:
        return f"{path} is a folder, not a file."
    return f"Could not write {path}: {exc.strerror or exc}."


@contextlib.contextmanager
def atomic_open(path: str | os.PathLike[str], mode: str = "w", encoding: str | None = "utf-8",
                newline: str | None = None) -> Iterator[IO[Any]]:
    """Open a temporary sibling of *path*; rename it over *path* only on success."""
    target = Path(path)
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
        os.replace(tmp, target)
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
