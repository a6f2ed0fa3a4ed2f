"""Atomic file writing: an output file is either complete or absent, never half-written.

The data goes to a temporary sibling that is renamed over the target only once it is
complete and synced. The temporary file is created private (0600); before the rename
it gets the mode a plain ``open()`` would have given (0666 less the umask) or, when
it replaces a file, that file's mode, so exports stay readable like any other file.
Writing through a symbolic link updates the file it points to. A writer killed
mid-write (kill -9, power loss) can leave only its hidden ``.NAME.*.part``; the next
successful write of NAME removes such leftovers once they are clearly abandoned.

Every write passes one guard, :func:`check_output`, before anything is created: it refuses
a target that is a document opened as input by this process (by inode, so links and other
spellings count), one of the app's own databases or settings files, a device node, FIFO
or other non-regular file, a folder, or a name longer than the file system allows. The
CLI calls it again, with ``probe=True``, for every output before the first model request,
so a read-only or full folder is found before any work is done, not after.
"""

from __future__ import annotations

import contextlib
import errno
import glob
import os
import stat
import tempfile
import threading
import time
import weakref
from collections import deque
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from .errors import OutputError
from .paths import app_folders
from .sentences import Sentence

#: a temporary file untouched this long belongs to a writer that died
STALE_PART_S = 15 * 60
#: the longest file name (in bytes) ext4, NTFS, APFS and most others accept
MAX_NAME_BYTES = 255

#: the documents open as inputs in this process: (device, inode) → (path, mtime in ns,
#: how many owners hold it); an entry lives as long as its document object
_inputs: dict[tuple[int, int], tuple[str, int, int]] = {}
_inputs_lock = threading.Lock()
#: inputs whose document was collected, not yet taken out of _inputs. A document's
#: finalizer runs whenever the garbage collector does — also on a thread that holds
#: _inputs_lock (any allocation under it may collect), where taking the lock again
#: would deadlock — so it only queues the key (deque.append is atomic) and the next
#: holder of the lock applies it.
_released: deque[tuple[int, int]] = deque()


def protect(path: str | os.PathLike[str], owner: object | None = None) -> None:
    """Remember *path* as an input: no writer of this process may replace it while
    *owner* (the document read from it) lives; without an owner, for the process."""
    try:
        info = os.stat(path)
    except OSError:
        return
    key = (info.st_dev, info.st_ino)
    real = os.path.realpath(path)
    with _inputs_lock:
        _apply_releases()
        _, _, owners = _inputs.get(key, ("", 0, 0))
        _inputs[key] = (real, info.st_mtime_ns, owners + 1)
    if owner is not None:
        weakref.finalize(owner, _released.append, key)


def _apply_releases() -> None:
    """Take the collected documents' inputs out (the caller holds _inputs_lock)."""
    while _released:
        key = _released.popleft()
        entry = _inputs.get(key)
        if entry is not None:
            if entry[2] <= 1:
                del _inputs[key]
            else:
                _inputs[key] = (entry[0], entry[1], entry[2] - 1)


def _is_input(info: os.stat_result) -> bool:
    """The file is an open input, under any name (a link counts): the same inode, still
    unchanged; an inode number reused by a newer file is not mistaken for it."""
    with _inputs_lock:
        _apply_releases()
        entry = _inputs.get((info.st_dev, info.st_ino))
    return entry is not None and entry[1] == info.st_mtime_ns


def _app_files() -> set[tuple[int, int]]:
    """The app's own databases (and their journals and backups) and settings files."""
    found: set[tuple[int, int]] = set()
    data, config = app_folders()
    for folder, pattern in ((data, "*.sqlite3*"), (config, "*")):
        for name in glob.glob(os.path.join(glob.escape(str(folder)), pattern)):
            with contextlib.suppress(OSError):
                info = os.stat(name)
                if stat.S_ISREG(info.st_mode):
                    found.add((info.st_dev, info.st_ino))
    return found


def check_name(path: str | os.PathLike[str]) -> None:
    """Refuse a file name the file system cannot hold (before any ``stat`` trips on it)."""
    name = Path(path).name
    size = len(os.fsencode(name))
    if size > MAX_NAME_BYTES:
        raise OutputError("file_name_too_long", name=name[:40], size=size,
                          max_name_bytes=MAX_NAME_BYTES)


def check_output(path: str | os.PathLike[str], *, inputs: tuple[Path, ...] = (),
                 app_file: bool = False, probe: bool = False) -> Path:
    """The one output-path guard: return the file a write to *path* would replace, or
    refuse in one sentence (an :class:`OutputError`) before anything is written.

    *inputs* adds files beyond those :func:`protect` recorded; *app_file* is for the
    app's own settings writer; *probe* also makes sure the folder takes a new file now
    (read-only, full or missing folders are found before the work, not after it).
    """
    check_name(path)
    target = Path(path)
    if target.is_symlink():
        target = Path(os.path.realpath(target))
    try:
        info = target.stat()
    except FileNotFoundError:
        info = None
    except OSError as exc:
        raise OutputError(_describe(exc, target)) from None
    if info is not None:
        if stat.S_ISDIR(info.st_mode):
            raise OutputError("folder_not_file", path=target)
        if not stat.S_ISREG(info.st_mode):
            raise OutputError("device_other_special_file", target=target)
        key = (info.st_dev, info.st_ino)
        if _is_input(info) or any(os.path.samefile(target, p) for p in inputs
                                 if os.path.exists(p)):
            raise OutputError("output_input_file_itself", target=target, target2=target.name)
        if not app_file and key in _app_files():
            raise OutputError("output_own_databases_settings", target=target)
    if probe:
        _probe_folder(target)
    return target


def _probe_folder(target: Path) -> None:
    """Create and remove a temporary file beside *target*: the folder takes writes now."""
    if not target.parent.is_dir():
        raise OutputError("output_folder_not_exist", parent=target.parent)
    try:
        fd, name = tempfile.mkstemp(prefix=".bayling-probe.", suffix=".part",
                                    dir=target.parent)
        try:
            os.write(fd, b"\0" * 4096)  # a full disk refuses data, not always the name
            os.fsync(fd)
        finally:
            os.close(fd)
            os.unlink(name)
    except OSError as exc:
        raise OutputError(_describe(exc, target)) from None


def _describe(exc: OSError, path: Path) -> Sentence:
    if exc.errno == errno.ENOSPC:
        return Sentence("disk_full_write", path=path)
    if exc.errno == errno.EFBIG:
        return Sentence("file_too_large_for_disk", path=path)
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return Sentence("permission_denied_write", path=path)
    if exc.errno == errno.ENOENT:
        return Sentence("folder_not_exist", parent=path.parent)
    if exc.errno == errno.EISDIR:
        return Sentence("folder_not_file", path=path)
    if exc.errno == errno.ENAMETOOLONG:
        return Sentence("file_name_too_long_here", name=path.name[:40])
    return Sentence("could_not_write", out_path=path, failure_reason=exc.strerror or exc)


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
                newline: str | None = None, *, app_file: bool = False) -> Iterator[IO[Any]]:
    """Open a temporary sibling of *path*; rename it over *path* only on success.

    *path* passes :func:`check_output` first; *app_file* is for the app's own settings.
    """
    target = check_output(path, app_file=app_file)
    if "b" in mode:
        encoding = None
    # a name near the limit leaves no room for the temporary decoration: shorten that
    prefix = f".{target.name}."
    if len(os.fsencode(prefix)) > MAX_NAME_BYTES - 20:
        prefix = ".bayling-long-name."
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=prefix, suffix=".part", dir=target.parent)
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


def atomic_write_text(path: str | os.PathLike[str], text: str, encoding: str = "utf-8", *,
                      app_file: bool = False) -> None:
    with atomic_open(path, "w", encoding=encoding, newline="", app_file=app_file) as handle:
        handle.write(text)


def atomic_write_bytes(path: str | os.PathLike[str], data: bytes) -> None:
    with atomic_open(path, "wb") as handle:
        handle.write(data)
