"""One app instance per data folder: a second launch hands its files to the first.

The file manager starts ``bayling-desktop FILE`` for every double-click. Two instances
would open the same SQLite project database and step on each other's saves, so the
first instance holds a lock file in the data folder and listens on a local socket whose
name is derived from that folder; a later launch finds the lock taken, sends its file
list over the socket and exits. A lock left behind by a crashed instance is stale
(QLockFile checks the owner's process id) and is taken over.
"""

from __future__ import annotations

import getpass
import hashlib
import json
import logging
import time
from pathlib import Path

from PySide6.QtCore import QByteArray, QLockFile, QObject, Signal, Slot
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from ..errors import BaylingError
from ..paths import data_dir

log = logging.getLogger(__name__)

# how long a second launch tries to reach the first (which may still be starting up)
CONNECT_TIMEOUT_MS = 5_000
# how long a first instance's answer may take
REPLY_TIMEOUT_MS = 3_000
_ACK = b"ok\n"


class InstanceUnreachableError(BaylingError):
    """Another instance holds the data folder but does not answer."""


def server_name(folder: Path | None = None) -> str:
    """A socket name unique to this user and data folder (short: Unix paths are limited)."""
    folder = (folder or data_dir()).resolve()
    try:
        user = getpass.getuser()
    except (KeyError, OSError):  # no user name on this system: the folder alone decides
        user = ""
    digest = hashlib.sha256(f"{user}\0{folder}".encode()).hexdigest()[:16]
    return f"bayling-desktop-{digest}"


def encode_files(files: list[Path]) -> bytes:
    return json.dumps({"files": [str(p.absolute()) for p in files]}).encode() + b"\n"


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


def send_to_running(files: list[Path], name: str,
                    timeout_ms: int = CONNECT_TIMEOUT_MS) -> bool:
    """Hand *files* to the instance listening on *name*; True once it confirmed."""
    socket = QLocalSocket()
    deadline = time.monotonic() + timeout_ms / 1000
    while True:
        # The first instance may hold the lock but not listen yet: retry until the deadline.
        socket.connectToServer(name)
        if socket.waitForConnected(max(1, int((deadline - time.monotonic()) * 1000))):
            break
        socket.abort()
        if time.monotonic() >= deadline:
            return False
        time.sleep(0.1)
    socket.write(QByteArray(encode_files(files)))
    # flush() may already have written everything, so waitForBytesWritten's answer says
    # nothing: the first instance's acknowledgement is what counts.
    socket.flush()
    socket.waitForBytesWritten(REPLY_TIMEOUT_MS)
    reply = b""
    deadline = time.monotonic() + REPLY_TIMEOUT_MS / 1000
    while b"\n" not in reply and time.monotonic() < deadline:
        if socket.bytesAvailable() or socket.waitForReadyRead(REPLY_TIMEOUT_MS):
            reply += bytes(socket.readAll().data())
        elif socket.state() != QLocalSocket.LocalSocketState.ConnectedState:
            break
    socket.disconnectFromServer()
    return reply.startswith(_ACK.strip())


class SingleInstance(QObject):
    """The first instance's side: holds the lock, listens, reports what later launches send."""

    # a later launch asked to open these files (possibly none: then just show the window)
    filesReceived = Signal(list)

    def __init__(self, folder: Path | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        folder = folder or data_dir()
        self.name = server_name(folder)
        self._lock = QLockFile(str(folder / "instance.lock"))
        # 0: a lock is stale only when its owner process is gone, never by age
        self._lock.setStaleLockTime(0)
        self._server: QLocalServer | None = None
        self._buffers: dict[QLocalSocket, bytes] = {}

    def acquire(self) -> bool:
        """Become the primary instance; False when another one holds the data folder."""
        if not self._lock.tryLock(0):
            return False
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        # We hold the lock, so a socket of that name is a leftover of a crash.
        QLocalServer.removeServer(self.name)
        if not server.listen(self.name):
            # Files from later launches cannot arrive, but the lock still guards the data.
            log.warning("cannot listen on %s: %s", self.name, server.errorString())
            return True
        server.newConnection.connect(self._on_server_new_connection)
        self._server = server
        return True

    def hand_over(self, files: list[Path]) -> None:
        """As a later launch: give *files* to the primary or raise a clear error."""
        if not send_to_running(files, self.name, CONNECT_TIMEOUT_MS):
            raise InstanceUnreachableError(
                "BayLing Desktop is already running with this data folder but does not "
                "answer; close it (or end its process) and try again.")

    def release(self) -> None:
        if self._server is not None:
            self._server.close()
            self._server = None
        self._lock.unlock()

    @Slot()
    def _on_server_new_connection(self) -> None:
        assert self._server is not None
        while self._server.hasPendingConnections():
            socket = self._server.nextPendingConnection()
            self._buffers[socket] = b""
            socket.readyRead.connect(self._on_socket_ready_read)
            socket.disconnected.connect(self._on_socket_disconnected)
            # Data may have arrived before the connection was handed to us.
            self._read(socket)

    @Slot()
    def _on_socket_ready_read(self) -> None:
        socket = self.sender()
        if isinstance(socket, QLocalSocket):
            self._read(socket)

    def _read(self, socket: QLocalSocket) -> None:
        if socket not in self._buffers:
            return
        data = self._buffers[socket] + bytes(socket.readAll().data())
        if b"\n" not in data:
            self._buffers[socket] = data[-65_536:]
            return
        line = data.split(b"\n", 1)[0]
        del self._buffers[socket]
        socket.write(QByteArray(_ACK))
        socket.flush()
        self.filesReceived.emit(decode_files(line))

    @Slot()
    def _on_socket_disconnected(self) -> None:
        socket = self.sender()
        if isinstance(socket, QLocalSocket):
            self._buffers.pop(socket, None)
            socket.deleteLater()
