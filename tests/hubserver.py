"""A tiny stand-in for the Hugging Face Hub's file-resolve protocol, on 127.0.0.1.

It answers ``HEAD`` and (ranged) ``GET`` on ``/{repo}/resolve/{revision}/{filename}``
with the headers huggingface_hub reads (``ETag``, ``X-Repo-Commit``,
``X-Linked-Etag``, ``X-Linked-Size``, ``Content-Length``, ``Content-Range``). Large
("LFS") files are answered with a 302 to a ``/cdn/`` address, as the Hub does.
Tests can make it cut a transfer short, corrupt bytes, or refuse with 401/403/404,
and read back every request it served and how many body bytes it sent.
"""

from __future__ import annotations

import hashlib
import re
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import unquote, urlsplit

COMMIT = "0123456789abcdef0123456789abcdef01234567"
_RESOLVE = re.compile(r"^/(?P<repo>[^/]+/[^/]+)/resolve/(?P<rev>[^/]+)/(?P<file>.+)$")
_CDN = re.compile(r"^/cdn/(?P<repo>[^/]+/[^/]+)/(?P<file>.+)$")
_RANGE = re.compile(r"^bytes=(\d+)-(\d*)$")


@dataclass
class HostedFile:
    data: bytes
    #: served like an LFS file: 302 to /cdn/, X-Linked-Etag = sha256
    lfs: bool = True
    #: answer every request for this file with this status (401, 403, 404…)
    status: int | None = None
    #: X-Error-Code header sent with *status* (e.g. "GatedRepo", "EntryNotFound")
    error_code: str | None = None
    #: close the connection after this many body bytes of the next GETs (then cleared)
    cut_after: list[int] = field(default_factory=list)
    #: byte offsets whose value is flipped in every GET body
    corrupt_at: tuple[int, ...] = ()
    #: ignore Range headers and always send the whole file (a misbehaving proxy)
    ignore_range: bool = False
    #: seconds to pause after each 64 KiB piece (a slow link, to test cancel)
    throttle: float = 0.0

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()

    @property
    def git_sha1(self) -> str:
        return hashlib.sha1(b"blob %d\0" % len(self.data) + self.data).hexdigest()


@dataclass
class Served:
    method: str
    path: str
    range: str | None
    status: int
    body_bytes: int
    authorization: str | None


def payload(size: int, seed: int = 7) -> bytes:
    """Deterministic bytes for a hosted file."""
    import random

    return random.Random(seed).randbytes(size)


class HubServer:
    """``with HubServer() as hub: hub.add("org/repo", "m.gguf", data)``; ``hub.url``."""

    def __init__(self) -> None:
        self.files: dict[tuple[str, str], HostedFile] = {}
        self.log: list[Served] = []
        #: when set, requests without "Authorization: Bearer <token>" get 401
        self.required_token: str | None = None
        self._lock = threading.Lock()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), _handler_for(self))
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, args=(0.05,),
                                        daemon=True)

    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host!s}:{port}"

    def add(self, repo: str, filename: str, data: bytes, **options: object) -> HostedFile:
        hosted = HostedFile(data, **options)  # type: ignore[arg-type]
        self.files[(repo, filename)] = hosted
        return hosted

    def record(self, served: Served) -> None:
        with self._lock:
            self.log.append(served)

    def gets(self) -> list[Served]:
        with self._lock:
            return [s for s in self.log if s.method == "GET"]

    def body_bytes_sent(self) -> int:
        return sum(s.body_bytes for s in self.gets())

    def start(self) -> HubServer:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)

    def __enter__(self) -> HubServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


def _handler_for(hub: HubServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format: str, *args: object) -> None:
            pass  # keep test output clean

        def do_HEAD(self) -> None:
            self._answer(head=True)

        def do_GET(self) -> None:
            self._answer(head=False)

        def _done(self, status: int, sent: int = 0) -> None:
            hub.record(Served(self.command, self.path, self.headers.get("Range"), status, sent,
                              self.headers.get("Authorization")))

        def _plain(self, status: int, headers: dict[str, str] | None = None) -> None:
            body = b'{"error": "refused"}'
            self.send_response(status)
            for key, value in (headers or {}).items():
                self.send_header(key, value)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(body)
            self._done(status)

        def _answer(self, head: bool) -> None:
            path = unquote(urlsplit(self.path).path)
            resolve, cdn = _RESOLVE.match(path), _CDN.match(path)
            match = resolve or cdn
            if match is None:
                self._plain(404, {"X-Error-Code": "RepoNotFound"})
                return
            hosted = hub.files.get((match["repo"], match["file"]))
            if hub.required_token is not None and resolve and (
                    self.headers.get("Authorization") != f"Bearer {hub.required_token}"):
                self._plain(401, {"X-Error-Message": "Invalid username or password."})
                return
            if hosted is None:
                self._plain(404, {"X-Error-Code": "EntryNotFound"})
                return
            if hosted.status is not None:
                headers = {"X-Error-Code": hosted.error_code} if hosted.error_code else {}
                self._plain(hosted.status, headers)
                return
            if resolve and hosted.lfs:
                self.send_response(302)
                self.send_header("Location", f"/cdn/{match['repo']}/{match['file']}")
                self.send_header("ETag", f'"{hosted.git_sha1}"')
                self.send_header("X-Linked-Etag", f'"{hosted.sha256}"')
                self.send_header("X-Linked-Size", str(len(hosted.data)))
                self.send_header("X-Repo-Commit", COMMIT)
                self.send_header("Content-Length", "0")
                self.end_headers()
                self._done(302)
                return
            self._send_file(hosted, head, etag=hosted.sha256 if cdn else hosted.git_sha1)

        def _send_file(self, hosted: HostedFile, head: bool, etag: str) -> None:
            data = hosted.data
            start, end = 0, len(data) - 1
            status = 200
            wanted = self.headers.get("Range")
            if wanted and not hosted.ignore_range:
                parsed = _RANGE.match(wanted.strip())
                if parsed is None or int(parsed[1]) >= len(data):
                    self.send_response(416)
                    self.send_header("Content-Range", f"bytes */{len(data)}")
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    self._done(416)
                    return
                start = int(parsed[1])
                end = int(parsed[2]) if parsed[2] else end
                status = 206
            body = bytearray(data[start:end + 1])
            for offset in hosted.corrupt_at:
                if start <= offset <= end:
                    body[offset - start] ^= 0xFF
            self.send_response(status)
            self.send_header("ETag", f'"{etag}"')
            self.send_header("X-Repo-Commit", COMMIT)
            self.send_header("Accept-Ranges", "bytes")
            self.send_header("Content-Length", str(len(body)))
            if status == 206:
                self.send_header("Content-Range", f"bytes {start}-{end}/{len(data)}")
            self.end_headers()
            if head:
                self._done(status)
                return
            limit = len(body)
            if hosted.cut_after:
                limit = min(limit, hosted.cut_after.pop(0))
            sent = 0
            try:
                while sent < limit:
                    piece = bytes(body[sent:min(limit, sent + 64 * 1024)])
                    self.wfile.write(piece)
                    sent += len(piece)
                    if hosted.throttle:
                        self.wfile.flush()
                        time.sleep(hosted.throttle)
                self.wfile.flush()
            except (BrokenPipeError, ConnectionResetError):
                pass
            self._done(status, sent)
            if limit < len(body):
                # Cut the transfer short: the client sees fewer bytes than Content-Length.
                self.close_connection = True
                self.connection.shutdown(2)

    return Handler
