"""Servers that misbehave on purpose (issue 23): a reply far beyond max_tokens, one line
without end, bytes trickling in one at a time, an error body echoing the API key, and
credentials written into the server address. Each ends in one sentence, within bounded
memory and time, and no secret is ever printed.
"""

from __future__ import annotations

import http.server
import threading
import time
from collections.abc import Iterator

import pytest

from bayling_desktop.engine.backend import CancelToken, GenerationParams, Message
from bayling_desktop.engine.remote import RemoteBackend
from bayling_desktop.engine.sse import MAX_LINE_BYTES, MAX_REPLY_BYTES
from bayling_desktop.errors import BaylingError

from .conftest import cli, one_sentence

pytestmark = pytest.mark.hostile

KEY = "sk-hostile-0123456789abcdef"
CHUNK = b'data: {"choices": [{"delta": {"content": "word "}, "finish_reason": null}]}\n\n'


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.0"

    def log_message(self, format: str, *args: object) -> None:
        pass

    def do_POST(self) -> None:
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        mode = self.server.mode  # type: ignore[attr-defined]
        try:
            if mode == "echo-auth":
                body = (f'{{"error": {{"message": "bad request, headers were: Authorization: '
                        f'{self.headers.get("Authorization")}"}}}}').encode()
                self.send_response(400)
                self.send_header("Content-Type", "application/json")
                self.end_headers()
                self.wfile.write(body)
                return
            self.send_response(200)
            self.send_header("Content-Type", "text/event-stream")
            self.end_headers()
            if mode == "endless-line":
                self.wfile.write(b"data: " + b"x" * (MAX_LINE_BYTES + (1 << 20)))
            elif mode == "too-much":
                block = CHUNK * 4096
                for _ in range(MAX_REPLY_BYTES // len(block) + 2):
                    self.wfile.write(block)
            elif mode == "trickle":
                for _ in range(200):  # one byte every 0.1 s, never a newline
                    self.wfile.write(b"d")
                    self.wfile.flush()
                    time.sleep(0.1)
        except OSError:
            pass  # the client gave up, as it should


@pytest.fixture
def server() -> Iterator[http.server.ThreadingHTTPServer]:
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield httpd
    httpd.shutdown()
    httpd.server_close()


def ask(server: http.server.ThreadingHTTPServer, mode: str, key: str | None = None,
        timeout: float = 30.0) -> str:
    server.mode = mode  # type: ignore[attr-defined]
    url = f"http://127.0.0.1:{server.server_address[1]}/v1"
    backend = RemoteBackend(url, "m", key, timeout=timeout, connect_timeout=2.0)
    try:
        with pytest.raises(BaylingError) as caught:
            "".join(backend.stream([Message("user", "hello")],
                                   GenerationParams(max_tokens=8), CancelToken()))
    finally:
        backend.close()
    return str(caught.value)


def test_a_line_without_end_is_cut_at_the_line_limit(
        server: http.server.ThreadingHTTPServer) -> None:
    message = ask(server, "endless-line")
    assert "line longer than 16 MB" in message


@pytest.mark.slow
def test_a_reply_beyond_the_size_limit_is_stopped(
        server: http.server.ThreadingHTTPServer) -> None:
    message = ask(server, "too-much")
    assert "more than 64 MB" in message and "max_tokens" in message


def test_a_trickle_cannot_reset_the_deadline(server: http.server.ThreadingHTTPServer) -> None:
    started = time.monotonic()
    message = ask(server, "trickle", timeout=1.5)
    assert "no complete line in 1.5 seconds" in message
    assert time.monotonic() - started < 15  # the trickle alone would last 20 s


def test_an_error_body_echoing_the_api_key_is_redacted(
        server: http.server.ThreadingHTTPServer) -> None:
    message = ask(server, "echo-auth", key=KEY)
    assert "(400)" in message and "Authorization: ***" in message
    assert KEY not in message and "0123456789" not in message


def test_credentials_in_the_server_address_are_refused_and_never_printed() -> None:
    result = cli("chat", "--backend", "openai", "--base-url",
                 "http://alice:pa55word@127.0.0.1:9/v1", "--api-model", "m", "hello",
                 timeout=60)
    message = one_sentence(result, 2, ["user name or password", "API key"])
    assert "pa55word" not in result.stderr + result.stdout and "alice" not in message
