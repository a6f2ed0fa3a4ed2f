"""One app instance per data folder: a second launch hands its files to the first.

The file manager starts ``bayling-desktop FILE`` for every double-click. Two instances
would open the same SQLite project database and step on each other's saves, so the
first instance holds a lock file in the data folder and listens on a local channel
whose name is derived from that folder; a later launch finds the lock taken, sends its
file list over the channel and exits. A lock left behind by a crashed instance is
stale (QLockFile checks the owner's process id) and is taken over.

The channel is the standard library's ``multiprocessing.connection`` (a Unix socket, a
named pipe on Windows), not QtNetwork, which the frozen build leaves out. Its key is
random, written by the first instance into the data folder, so only someone who can
read that folder can talk to it.
"""

from __future__ import annotations

import getpass
import hashlib
import json
import logging
import os
import secrets
import sys
import tempfile
import threading
import time
from multiprocessing import AuthenticationError
from multiprocessing.connection import Client, Connection, Listener
from pathlib import Path

from PySide6.QtCore import QLockFile, QObject, Signal

from ..errors import BaylingError
from ..paths import data_dir

log = logging.getLogger(__name__)

# how long a second launch tries to reach the first (which may still be starting up)
CONNECT_TIMEOUT_MS = 5_000
# how long a first instance's answer may take
REPLY_TIMEOUT_MS = 3_000
_ACK = b"ok"
_STOP = b"stop"


class InstanceUnreachableError(BaylingError):
    """Another instance holds the data folder but does not answer."""


def server_name(folder: Path | None = None) -> str:
    """A channel name unique to this user and data folder (short: Unix paths are limited)."""
    folder = (folder or data_dir()).resolve()
    try:
        user = getpass.getuser()
    except (KeyError, OSError):  # no user name on this system: the folder alone decides
        user = ""
    digest = hashlib.sha256(f"{user}\0{folder}".encode()).hexdigest()[:16]
    return f"bayling-desktop-{digest}"


def _address(name: str) -> tuple[str, str]:
    if sys.platform == "win32":
        return rf"\\.\pipe\{name}", "AF_PIPE"
    if sys.platform.startswith("linux"):
        return "\0" + name, "AF_UNIX"  # the abstract namespace: no file to leave behind
    return os.path.join(tempfile.gettempdir(), f"{name}.sock"), "AF_UNIX"


def encode_files(files: list[Path]) -> bytes:
    return json.dumps({"files": [str(p.absolute()) for p in files]}).encode()


def decode_files(data: bytes) -> list[Path]:
    """The file list of one message; anything malformed yields no files (never a crash)."""
    try:
        message = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return []
    files = message.get("files") if isinstance(message, dict) else None
    if not isinstance(files, list):
        return []
    return [Path(f) for f in files if isinstance(f, str) and f]


def _connect(name: str, key_file: Path, deadline: float) -> Connection | None:
    address, family = _address(name)
    while True:
        try:
            # The first instance may hold the lock but not listen yet: retry until the deadline.
            return Client(address, family, authkey=key_file.read_bytes())
        except (OSError, EOFError, AuthenticationError) as exc:
            if time.monotonic() >= deadline:
                log.info("no answer on %s: %s", name, exc)
                return None
            time.sleep(0.1)


def send_to_running(files: list[Path], name: str, key_file: Path,
                    timeout_ms: int = CONNECT_TIMEOUT_MS) -> bool:
    """Hand *files* to the instance listening on *name*; True once it confirmed."""
    connection = _connect(name, key_file, time.monotonic() + timeout_ms / 1000)
    if connection is None:
        return False
    with connection:
        try:
            connection.send_bytes(encode_files(files))
            if not connection.poll(REPLY_TIMEOUT_MS / 1000):
                return False
            return connection.recv_bytes(16) == _ACK
        except (OSError, EOFError):
            return False


class SingleInstance(QObject):
    """The first instance's side: holds the lock, listens, reports what later launches send."""

    # a later launch asked to open these files (possibly none: then just show the window)
    filesReceived = Signal(list)

    def __init__(self, folder: Path | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        folder = folder or data_dir()
        self.name = server_name(folder)
        self._key_file = folder / "instance.key"
        self._lock = QLockFile(str(folder / "instance.lock"))
        # 0: a lock is stale only when its owner process is gone, never by age
        self._lock.setStaleLockTime(0)
        self._listener: Listener | None = None
        self._thread: threading.Thread | None = None

    def acquire(self) -> bool:
        """Become the primary instance; False when another one holds the data folder."""
        if not self._lock.tryLock(0):
            return False
        key = secrets.token_bytes(32)
        address, family = _address(self.name)
        try:
            if family == "AF_UNIX" and not address.startswith("\0"):
                # We hold the lock, so a socket file of that name is a leftover of a crash.
                Path(address).unlink(missing_ok=True)
            self._key_file.write_bytes(key)
            self._key_file.chmod(0o600)
            self._listener = Listener(address, family, authkey=key)
        except OSError as exc:
            # Files from later launches cannot arrive, but the lock still guards the data.
            log.warning("cannot listen on %s: %s", self.name, exc)
            return True
        self._thread = threading.Thread(target=self._serve, name="single-instance",
                                        daemon=True)
        self._thread.start()
        return True

    def hand_over(self, files: list[Path]) -> None:
        """As a later launch: give *files* to the primary or raise a clear error."""
        if not send_to_running(files, self.name, self._key_file, CONNECT_TIMEOUT_MS):
            raise InstanceUnreachableError("instance_unreachable")

    def release(self) -> None:
        listener, self._listener = self._listener, None
        if listener is not None:
            # accept() blocks in the serving thread: knock once so it sees the stop
            address, family = _address(self.name)
            try:
                with Client(address, family, authkey=self._key_file.read_bytes()) as knock:
                    knock.send_bytes(_STOP)
            except (OSError, EOFError, AuthenticationError):
                pass
            if self._thread is not None:
                self._thread.join(timeout=2)
            listener.close()
            self._key_file.unlink(missing_ok=True)
        self._lock.unlock()

    def _serve(self) -> None:
        """The serving thread: one message per connection, answered, then handed to Qt."""
        listener = self._listener
        while listener is not None:
            try:
                connection = listener.accept()
            except (OSError, EOFError, AuthenticationError) as exc:  # wrong key, dropped caller
                if self._listener is None:
                    return
                log.info("a launch could not be heard: %s", exc)
                continue
            with connection:
                try:
                    if not connection.poll(REPLY_TIMEOUT_MS / 1000):
                        continue
                    data = connection.recv_bytes(1 << 20)
                    if data == _STOP:
                        return
                    connection.send_bytes(_ACK)
                except (OSError, EOFError):
                    continue
            # a queued signal: the slot runs on the GUI thread
            self.filesReceived.emit(decode_files(data))
