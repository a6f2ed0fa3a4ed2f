"""A pool of OpenAI-compatible servers: how many requests each takes, and which is next.

A team outgrows one laptop by pointing the app at several llama-server or vLLM
instances. Each server takes as many requests at once as it has slots (llama-server
reports ``total_slots`` at ``/props``; others get a default), a request goes to the
least busy server that is up, and a server that just failed is skipped for a while so
the others carry the work.
"""

from __future__ import annotations

import contextlib
import http.client
import json
import socket
import ssl
import threading
import time
from urllib.parse import urlsplit

from ..errors import ModelError
from ..redaction import redact, url_credentials
from .backend import CancelToken

#: requests in flight per server when it does not say (llama-server's /props does)
DEFAULT_SERVER_SLOTS = 4
#: seconds a server that failed is passed over while others answer
DOWN_SECONDS = 10.0
_POLL = 0.05


class Endpoint:
    def __init__(self, base_url: str, slots: int = 0) -> None:
        url = base_url.strip().rstrip("/")
        if "://" not in url:
            url = "http://" + url
        parts = urlsplit(url)
        try:
            port = parts.port
        except ValueError:
            port = -1
        if parts.scheme not in ("http", "https") or not parts.hostname or port == -1:
            raise ModelError("not_a_server_address", address=redact(base_url))
        if url_credentials(url):
            # it would be shown in every message and stored in plain settings: refuse it
            raise ModelError("server_address_has_credentials", address=redact(url))
        self.scheme = parts.scheme
        self.host = parts.hostname
        self.port = port or (443 if parts.scheme == "https" else 80)
        path = parts.path.rstrip("/")
        if path.endswith("/chat/completions"):
            path = path[: -len("/chat/completions")]
        if not path.endswith("/v1"):
            path += "/v1"
        self.api_root = path
        self.display = f"{self.scheme}://{parts.netloc}"  # no credentials: refused above
        self._slots = slots
        self.in_flight = 0
        self.down_until = 0.0

    def connect(self, timeout: float) -> http.client.HTTPConnection:
        if self.scheme == "https":
            return http.client.HTTPSConnection(self.host, self.port, timeout=timeout,
                                               context=ssl.create_default_context())
        return http.client.HTTPConnection(self.host, self.port, timeout=timeout)

    def slots(self, timeout: float) -> int:
        """Requests this server takes at once: as configured, else as /props says, else 4."""
        if self._slots <= 0:
            self._slots = self._server_slots(timeout) or DEFAULT_SERVER_SLOTS
        return self._slots

    def _server_slots(self, timeout: float) -> int | None:
        root = self.api_root[: -len("/v1")]
        conn = self.connect(timeout)
        try:
            conn.request("GET", f"{root}/props", headers={"User-Agent": "bayling-desktop"})
            response = conn.getresponse()
            body = response.read(1024 * 1024)
            if response.status != 200:
                return None
            slots = json.loads(body).get("total_slots")
            return int(slots) if isinstance(slots, int) and 0 < slots <= 256 else None
        except (OSError, http.client.HTTPException, ValueError, AttributeError):
            return None
        finally:
            with contextlib.suppress(OSError):
                conn.close()


class EndpointPool:
    def __init__(self, endpoints: list[Endpoint], probe_timeout: float) -> None:
        self.endpoints = endpoints
        self._probe_timeout = probe_timeout
        self._cond = threading.Condition()

    @property
    def capacity(self) -> int:
        return sum(e.slots(self._probe_timeout) for e in self.endpoints)

    def lease(self, cancel: CancelToken, tried: list[Endpoint]) -> Endpoint | None:
        """The least busy server not yet *tried* for this request; None when none is left.

        Servers that failed recently come last; waits while every candidate is full.
        """
        untried = [e for e in self.endpoints if e not in tried]
        if not untried:
            return None
        limits = {id(e): e.slots(self._probe_timeout) for e in untried}
        with self._cond:
            while not cancel.cancelled:
                now = time.monotonic()
                up = [e for e in untried if e.down_until <= now] or untried
                free = [e for e in up if e.in_flight < limits[id(e)]]
                if free:
                    best = min(free, key=lambda e: e.in_flight / limits[id(e)])
                    best.in_flight += 1
                    return best
                self._cond.wait(_POLL)
        return None

    def release(self, endpoint: Endpoint, failed: bool = False) -> None:
        with self._cond:
            endpoint.in_flight -= 1
            if failed:
                endpoint.down_until = time.monotonic() + DOWN_SECONDS
            else:
                endpoint.down_until = 0.0
            self._cond.notify_all()


class CancelWatcher:
    """Shuts the connection's socket down when *cancel* fires, unblocking a read.

    ``http.client`` drops ``conn.sock`` once a response that ends with the
    connection arrives (a typical SSE stream), while the response keeps reading
    from the same socket; so the socket is captured with :meth:`arm` as soon as
    the request is sent.
    """

    def __init__(self, conn: http.client.HTTPConnection, cancel: CancelToken) -> None:
        self._conn = conn
        self._sock: socket.socket | None = None
        self._cancel = cancel
        self._done = threading.Event()
        self._thread = threading.Thread(target=self._run, name="remote-cancel", daemon=True)
        self._thread.start()

    def arm(self, sock: socket.socket | None) -> None:
        self._sock = sock

    def _run(self) -> None:
        while not self._done.wait(_POLL):
            if self._cancel.cancelled:
                sock = self._sock or self._conn.sock
                if sock is not None:
                    with contextlib.suppress(OSError):
                        sock.shutdown(socket.SHUT_RDWR)
                return

    def stop(self) -> None:
        self._done.set()
