"""Broken "servers" for ``--backend openai`` (issue 15 items 5 and 8): a web page, garbage
SSE, an empty stream, a JSON reply that is not a completion, keep-alive comments only.

Each must end in one sentence naming the URL with exit 2 — never exit 0 with an empty
reply. The keep-alive case needs a short timeout, so it runs the backend in-process.
"""

from __future__ import annotations

import http.server
import threading
import time
from collections.abc import Iterator

import pytest

from bayling_desktop.engine.backend import CancelToken, GenerationParams, Message
from bayling_desktop.errors import BaylingError

from .conftest import cli, one_sentence

pytestmark = pytest.mark.hostile

REPLIES: dict[str, tuple[str, bytes]] = {
    "html": ("text/html", b"<!doctype html><html><body><h1>Welcome to nginx!</h1></body></html>"),
    "garbage": ("text/event-stream", b"data: {not json at all\n\ndata: \x00\xff\xfe\n\n"),
    "empty": ("text/event-stream", b""),
    "not-openai": ("application/json", b'{"hello": "world", "status": "ok"}'),
    "wrong-fields": ("text/event-stream", b'data: {"foo": [1, 2, 3]}\n\ndata: [DONE]\n\n'),
}


class Handler(http.server.BaseHTTPRequestHandler):
    mode = "html"

    def log_message(self, format: str, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        if self.server.mode in ("keepalive", "wrong-fields"):  # type: ignore[attr-defined]
            body = b'{"object": "list", "data": [{"id": "m", "object": "model"}]}'
            self.send_response(200)  # the model list is fine: only the stream misbehaves
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            return
        self._answer()

    def do_POST(self) -> None:
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        self._answer()

    def _answer(self) -> None:
        mode = self.server.mode  # type: ignore[attr-defined]
        if mode == "keepalive":
            self.send_response(200)
            self.send_header("Content-Type", "text/event-stream")
            self.end_headers()
            try:
                for _ in range(60):  # twelve seconds of ": keep-alive", never any data
                    self.wfile.write(b": keep-alive\n\n")
                    self.wfile.flush()
                    time.sleep(0.2)
            except OSError:
                pass
            return
        kind, body = REPLIES[mode]
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture
def server() -> Iterator[http.server.ThreadingHTTPServer]:
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    httpd.mode = "html"  # type: ignore[attr-defined]
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield httpd
    httpd.shutdown()
    httpd.server_close()


#: cases another helper is fixing (issue 15 item 5); the lead flips them when it lands
#: cases another part of the code still fails (none now: the engine names the URL)
PENDING: dict[str, str] = {}


@pytest.mark.parametrize("mode", [
    pytest.param(mode, marks=pytest.mark.xfail(reason=PENDING[mode], strict=False))
    if mode in PENDING else mode for mode in sorted(REPLIES)])
def test_a_server_that_is_not_openai_compatible(server: http.server.ThreadingHTTPServer,
                                                mode: str) -> None:
    server.mode = mode  # type: ignore[attr-defined]
    url = f"http://127.0.0.1:{server.server_address[1]}"
    result = cli("chat", "--backend", "openai", "--base-url", f"{url}/v1", "--api-model", "m",
                 "hello", timeout=60)
    one_sentence(result, 2, [url])
    assert result.stdout.strip() == ""


def test_keep_alive_comments_alone_time_out(server: http.server.ThreadingHTTPServer) -> None:
    from bayling_desktop.engine.remote import RemoteBackend

    server.mode = "keepalive"  # type: ignore[attr-defined]
    url = f"http://127.0.0.1:{server.server_address[1]}/v1"
    backend = RemoteBackend(url, "m", None, timeout=1.5, connect_timeout=2.0)
    started = time.monotonic()
    with pytest.raises(BaylingError, match="no data"):
        "".join(backend.stream([Message("user", "hello")], GenerationParams(max_tokens=8),
                               CancelToken()))
    assert time.monotonic() - started < 8
    backend.close()
