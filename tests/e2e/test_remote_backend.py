"""The OpenAI-compatible remote backend.

llama-cpp-python's own server (``python -m llama_cpp.server``) needs uvicorn,
fastapi, sse-starlette, starlette-context and pydantic-settings; where those are
missing its test is skipped and the protocol is exercised against a stdlib server
that streams Server-Sent Events exactly like it: a scripted one for errors, cancel
and concurrency, and one that runs the real test model through our LlamaBackend.
"""

from __future__ import annotations

import importlib.util
import json
import os
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Callable, Iterator, Sequence
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import keyring
import pytest

from bayling_desktop.config import Settings
from bayling_desktop.engine.backend import Backend, CancelToken, GenerationParams, Message
from bayling_desktop.engine.remote import (
    RemoteAuthError,
    RemoteBackend,
    RemoteError,
    RemoteModelNotFound,
    estimate_tokens,
)
from tests.memkeyring import MemoryKeyring

Replier = Callable[[dict[str, Any]], list[str]]


def echo_reply(body: dict[str, Any]) -> list[str]:
    words = ("You said: " + body["messages"][-1]["content"]).split(" ")
    return [w + " " for w in words[:-1]] + [words[-1]]


class OpenAIServer:
    """A stdlib chat-completions server that streams like llama.cpp's servers do."""

    def __init__(self, reply: Replier = echo_reply, api_key: str | None = None,
                 models: tuple[str, ...] = ("test-model",), delay: float = 0.0,
                 first_delay: float = 0.0) -> None:
        self.reply = reply
        self.api_key = api_key
        self.models = models
        self.delay = delay
        self.first_delay = first_delay
        self.requests: list[dict[str, Any]] = []
        self.headers: list[dict[str, str]] = []
        self.in_flight = 0
        self.max_in_flight = 0
        self.disconnects = 0
        self._lock = threading.Lock()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, args=(0.05,),
                                        daemon=True)

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}/v1"

    def __enter__(self) -> OpenAIServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, format: str, *args: object) -> None:
                pass

            def _json(self, status: int, data: object) -> None:
                body = json.dumps(data).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def _authorised(self) -> bool:
                if server.api_key is None:
                    return True
                if self.headers.get("Authorization") == f"Bearer {server.api_key}":
                    return True
                self._json(401, {"error": {"message": "Invalid API Key", "code": 401}})
                return False

            def do_GET(self) -> None:
                if self.path != "/v1/models":
                    self._json(404, {"detail": "Not Found"})
                elif self._authorised():
                    self._json(200, {"object": "list", "data": [
                        {"id": m, "object": "model"} for m in server.models]})

            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length", 0))
                body = json.loads(self.rfile.read(length))
                with server._lock:
                    server.requests.append(body)
                    server.headers.append(dict(self.headers))
                if self.path != "/v1/chat/completions":
                    self._json(404, {"detail": "Not Found"})
                    return
                if not self._authorised():
                    return
                if body.get("model") not in server.models:
                    self._json(404, {"error": {"message": f"model '{body.get('model')}' not "
                                               "found", "type": "invalid_request_error"}})
                    return
                with server._lock:
                    server.in_flight += 1
                    server.max_in_flight = max(server.max_in_flight, server.in_flight)
                try:
                    self._stream(body)
                except (BrokenPipeError, ConnectionResetError):
                    with server._lock:
                        server.disconnects += 1
                finally:
                    with server._lock:
                        server.in_flight -= 1

            def _event(self, data: str) -> None:
                self.wfile.write(f"data: {data}\r\n\r\n".encode())
                self.wfile.flush()

            def _stream(self, body: dict[str, Any]) -> None:
                time.sleep(server.first_delay)
                pieces = server.reply(body)
                limit = int(body.get("max_tokens") or len(pieces))
                finish = "length" if len(pieces) > limit else "stop"
                self.send_response(200)
                self.send_header("Content-Type", "text/event-stream")
                self.end_headers()
                self.wfile.write(b": keep-alive\r\n\r\n")
                first = {"choices": [{"index": 0, "delta": {"role": "assistant"}}]}
                self._event(json.dumps(first))
                for piece in pieces[:limit]:
                    chunk = {"object": "chat.completion.chunk", "model": body["model"],
                             "choices": [{"index": 0, "delta": {"content": piece},
                                          "finish_reason": None}]}
                    self._event(json.dumps(chunk, ensure_ascii=False))
                    time.sleep(server.delay)
                self._event(json.dumps({"choices": [{"index": 0, "delta": {},
                                                     "finish_reason": finish}]}))
                self._event("[DONE]")

        return Handler


_HANDED_OUT: set[int] = set()


def free_port() -> int:
    """A port nothing listens on, never the same twice in a run: two servers started one
    after the other were once given the same port (the first had not bound it yet)."""
    while True:
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            port = int(sock.getsockname()[1])
        if port not in _HANDED_OUT:
            _HANDED_OUT.add(port)
            return port


HELLO = [Message("user", "hello there friend")]


def test_streams_pieces_and_forwards_parameters() -> None:
    with OpenAIServer() as server:
        backend = RemoteBackend(server.base_url, "test-model")
        assert isinstance(backend, Backend)
        params = GenerationParams(temperature=0.0, max_tokens=50, seed=3, stop=("###",))
        completion = backend.stream([Message("system", "be brief"), *HELLO], params)
        pieces = list(completion)
    assert len(pieces) == 5
    assert completion.text == "You said: hello there friend"
    assert completion.stats is not None
    assert (completion.stats.stop_reason, completion.stats.completion_tokens) == ("stop", 5)
    [request] = server.requests
    assert request["stream"] is True
    assert request["messages"] == [{"role": "system", "content": "be brief"},
                                   {"role": "user", "content": "hello there friend"}]
    assert (request["temperature"], request["max_tokens"], request["seed"],
            request["stop"]) == (0.0, 50, 3, ["###"])
    assert "top_k" not in request and "repeat_penalty" not in request  # unset: not sent
    with OpenAIServer() as server:
        backend = RemoteBackend(server.base_url, "test-model")
        backend.stream(HELLO, GenerationParams(top_k=20, repeat_penalty=1.05)).run()
    assert (server.requests[0]["top_k"], server.requests[0]["repeat_penalty"]) == (20, 1.05)


def test_length_finish_is_reported() -> None:
    with OpenAIServer() as server:
        completion = RemoteBackend(server.base_url, "test-model").stream(
            HELLO, GenerationParams(max_tokens=2))
        assert completion.run() == "You said: "
    assert completion.stats is not None and completion.stats.stop_reason == "length"


def test_base_url_forms_are_accepted() -> None:
    with OpenAIServer() as server:
        root = server.base_url.removesuffix("/v1")
        for url in (root, root + "/", server.base_url + "/",
                    server.base_url + "/chat/completions", root.removeprefix("http://")):
            text = RemoteBackend(url, "test-model").stream(HELLO, GenerationParams()).run()
            assert text.startswith("You said")
        assert RemoteBackend(root, "test-model").list_server_models() == ["test-model"]


def test_api_key_is_sent_and_401_is_clear() -> None:
    with OpenAIServer(api_key="sk-right") as server:
        with pytest.raises(RemoteAuthError, match="needs a valid API key"):
            RemoteBackend(server.base_url, "test-model").stream(HELLO, GenerationParams()).run()
        with pytest.raises(RemoteAuthError, match="401"):
            RemoteBackend(server.base_url, "test-model", "sk-wrong").stream(
                HELLO, GenerationParams()).run()
        backend = RemoteBackend(server.base_url, "test-model", "sk-right")
        assert backend.stream(HELLO, GenerationParams()).run().startswith("You said")
        assert server.headers[-1]["Authorization"] == "Bearer sk-right"
        assert "sk-right" not in repr(backend) and "sk-right" not in backend.description


def test_unknown_model_is_a_clear_404() -> None:
    with OpenAIServer() as server:
        backend = RemoteBackend(server.base_url, "no-such-model")
        with pytest.raises(RemoteModelNotFound, match="no model named 'no-such-model'"):
            backend.stream(HELLO, GenerationParams()).run()


def test_wrong_path_is_not_mistaken_for_a_missing_model() -> None:
    with OpenAIServer() as server:
        backend = RemoteBackend(server.base_url.removesuffix("/v1") + "/api/v1", "test-model")
        with pytest.raises(RemoteModelNotFound, match=r"does not exist .*base URL"):
            backend.stream(HELLO, GenerationParams()).run()


def test_connection_refused_is_clear() -> None:
    backend = RemoteBackend(f"http://127.0.0.1:{free_port()}/v1", "m")
    with pytest.raises(RemoteError, match="connection was refused"):
        backend.stream(HELLO, GenerationParams()).run()


def test_slow_server_times_out() -> None:
    with OpenAIServer(first_delay=2.0) as server:
        backend = RemoteBackend(server.base_url, "test-model", timeout=0.3)
        # the server does answer, after 2 s: the error proves the 0.3 s deadline held
        with pytest.raises(RemoteError, match="did not answer in time"):
            backend.stream(HELLO, GenerationParams()).run()


def test_cancel_lands_while_the_server_is_silent() -> None:
    # the server stays silent for 60 s after its first piece: a run that ends with only
    # that piece ended on the cancel, not on the server's next word
    with OpenAIServer(delay=60.0) as server:
        backend = RemoteBackend(server.base_url, "test-model")
        cancel = CancelToken()
        completion = backend.stream(HELLO, GenerationParams(), cancel)
        got: list[str] = []
        threading.Timer(0.3, cancel.cancel).start()
        for piece in completion:
            got.append(piece)
    assert got == ["You "]  # the first piece came, then the server went quiet
    assert completion.stats is not None and completion.stats.stop_reason == "cancelled"


def test_requests_in_flight_are_limited() -> None:
    with OpenAIServer(delay=0.05) as server:
        backend = RemoteBackend(server.base_url, "test-model", max_concurrency=2)
        results: list[str] = []

        def work(i: int) -> None:
            text = backend.stream([Message("user", f"job {i}")], GenerationParams()).run()
            results.append(text)

        threads = [threading.Thread(target=work, args=(i,)) for i in range(5)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=20)
    assert sorted(results) == [f"You said: job {i}" for i in range(5)]
    assert server.max_in_flight == 2


def test_bayling_placeholders_are_replaced_even_when_split() -> None:
    def reply(body: dict[str, Any]) -> list[str]:
        return ["I am [NA", "ME], from [机", "构]."]

    with OpenAIServer(reply=reply, models=("bayling-13b-v1.1",)) as server:
        text = RemoteBackend(server.base_url, "bayling-13b-v1.1").stream(
            HELLO, GenerationParams()).run()
    assert text == "I am BayLing, from 中国科学院计算技术研究所自然语言处理研究组."


def test_old_turns_are_dropped_to_fit_and_the_system_prompt_is_kept() -> None:
    history = [Message("system", "sys")]
    for i in range(30):
        history += [Message("user", f"question {i} " + "word " * 40),
                    Message("assistant", "answer " * 40)]
    history.append(Message("user", "last question"))
    with OpenAIServer() as server:
        backend = RemoteBackend(server.base_url, "test-model", context_length=1024)
        completion = backend.stream(history, GenerationParams(max_tokens=128))
        completion.run()
    sent = server.requests[-1]["messages"]
    assert sent[0] == {"role": "system", "content": "sys"}
    assert sent[-1] == {"role": "user", "content": "last question"}
    assert len(sent) < len(history)
    assert completion.stats is not None and completion.stats.dropped_turns > 0
    assert backend.count_tokens([Message(**m) for m in sent]) + 128 <= 1024


def test_loading_from_settings_takes_the_key_from_the_keyring(tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    from bayling_desktop.models.secrets import set_remote_api_key
    from bayling_desktop.models.selection import load_backend

    monkeypatch.setenv("BAYLING_DESKTOP_HOME", str(tmp_path))
    previous = keyring.get_keyring()
    keyring.set_keyring(MemoryKeyring())
    try:
        with OpenAIServer(api_key="sk-kept") as server:
            settings = Settings(backend="openai", remote_base_url=server.base_url,
                                remote_model="test-model", remote_concurrency=3,
                                context_length=2048)
            set_remote_api_key(server.base_url, "sk-kept", settings)
            backend = load_backend(settings)
            assert isinstance(backend, RemoteBackend)
            assert (backend.max_concurrency, backend.context_length) == (3, 2048)
            assert backend.stream(HELLO, GenerationParams()).run().startswith("You said")
    finally:
        keyring.set_keyring(previous)
    written = [p for p in tmp_path.rglob("*") if p.is_file()]
    assert all(b"sk-kept" not in p.read_bytes() for p in written)


# -- with the real test model ---------------------------------------------------------------


@pytest.fixture(scope="module")
def qwen_path() -> Path:
    from bayling_desktop.models.embedded import QWEN_05B, ensure_embedded

    return ensure_embedded(QWEN_05B)


@pytest.mark.model
def test_token_estimate_is_an_upper_bound_for_a_real_tokenizer(qwen_path: Path) -> None:
    import llama_cpp

    vocab = llama_cpp.Llama(model_path=str(qwen_path), vocab_only=True, verbose=False)
    try:
        for text in ("The quick brown fox jumps over the lazy dog, twice.",
                     "百聆是一个基于LLaMA的语言模型，具有强大的中英文翻译能力。",
                     "Grüße aus München — naïve café déjà vu.",
                     "def f(x):\n    return x ** 2  # square\n"):
            real = len(vocab.tokenize(text.encode(), add_bos=False, special=False))
            assert real <= estimate_tokens(text) <= 3 * real + 5, text
    finally:
        vocab.close()


class LlamaShim:
    """An OpenAI SSE endpoint in front of our LlamaBackend, for the real-model test."""

    def __init__(self, model_path: Path) -> None:
        from bayling_desktop.engine.llama import LlamaBackend

        self.backend = LlamaBackend(model_path, context_length=1024, threads=2)
        self.lock = threading.Lock()

    def reply(self, body: dict[str, Any]) -> list[str]:
        messages = [Message.from_dict(m) for m in body["messages"]]
        params = GenerationParams(temperature=body.get("temperature", 0.0),
                                  max_tokens=body["max_tokens"], seed=body.get("seed"))
        with self.lock:
            return list(self.backend.stream(messages, params))


@pytest.mark.model
def test_translation_and_chat_with_the_real_model(qwen_path: Path) -> None:
    from bayling_desktop.translation.profiles import BAYLING
    from bayling_desktop.translation.revision import revision_messages

    translation_messages = BAYLING.translation_messages
    from bayling_desktop.languages import resolve

    shim = LlamaShim(qwen_path)
    try:
        with OpenAIServer(reply=shim.reply, models=("qwen",)) as server:
            backend = RemoteBackend(server.base_url, "qwen")
            messages = translation_messages("你好，世界！", resolve("en"))
            first = backend.stream(messages, GenerationParams.for_translation(max_tokens=12))
            pieces = list(first)
            assert len(pieces) > 1
            assert "hello" in first.text.lower() and "world" in first.text.lower()
            history = [*messages, Message("assistant", first.text)]
            revised = backend.stream(revision_messages(history, "Make it all capitals."),
                                     GenerationParams.for_translation(max_tokens=12)).run()
            assert "HELLO" in revised
            assert server.requests[-1]["messages"][-2]["content"] == first.text
    finally:
        shim.backend.close()


# -- llama-cpp-python's own server ----------------------------------------------------------

_SERVER_DEPS = ("uvicorn", "fastapi", "sse_starlette", "starlette_context", "pydantic_settings")
_MISSING = [name for name in _SERVER_DEPS if importlib.util.find_spec(name) is None]


def start_llama_server(model: Path, log_path: Path
                       ) -> tuple[subprocess.Popen[bytes], str]:
    port = free_port()
    # The server logs a lot; an unread pipe would fill up and freeze it, so log to a file.
    with log_path.open("wb") as log:
        process = subprocess.Popen(
            [sys.executable, "-m", "llama_cpp.server", "--model", str(model), "--host",
             "127.0.0.1", "--port", str(port), "--n_ctx", "2048", "--model_alias", "qwen",
             # by default a new request interrupts the one streaming: not a pool member
             "--interrupt_requests", "False"],
            stdout=log, stderr=subprocess.STDOUT, env={**os.environ})
    return process, f"http://127.0.0.1:{port}/v1"


def wait_until_up(process: subprocess.Popen[bytes], base: str, log_path: Path) -> None:
    deadline = time.monotonic() + 120
    while True:
        if process.poll() is not None:
            raise RuntimeError(log_path.read_text(errors="replace"))
        try:
            with urllib.request.urlopen(base + "/models", timeout=1):
                return
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.5)


def stop(process: subprocess.Popen[bytes]) -> None:
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=10)


@pytest.fixture(scope="module")
def llama_server(qwen_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    log_path = tmp_path_factory.mktemp("llama-server") / "server.log"
    process, base = start_llama_server(qwen_path, log_path)
    try:
        wait_until_up(process, base, log_path)
        yield base
    finally:
        stop(process)


@pytest.mark.model
@pytest.mark.skipif(bool(_MISSING), reason="llama_cpp.server needs " + ", ".join(_MISSING))
def test_real_llama_cpp_server_translates_chats_and_cancels(llama_server: str) -> None:
    from bayling_desktop.translation.profiles import BAYLING

    translation_messages = BAYLING.translation_messages
    from bayling_desktop.languages import resolve

    backend = RemoteBackend(llama_server, "qwen")
    assert "qwen" in backend.list_server_models()
    completion = backend.stream(translation_messages("你好，世界！", resolve("en")),
                                GenerationParams.for_translation(max_tokens=12))
    assert "hello" in completion.run().lower()
    chat = backend.stream([Message("user", "Say hi in French, one word.")],
                          GenerationParams(temperature=0.0, max_tokens=8)).run()
    assert chat.strip()
    cancel = CancelToken()
    long = backend.stream([Message("user", "Count from 1 to 500, one number per line.")],
                          GenerationParams(temperature=0.0, max_tokens=400), cancel)
    got = []
    for piece in long:
        got.append(piece)
        if len(got) == 3:
            cancel.cancel()
    assert long.stats is not None and long.stats.stop_reason == "cancelled"
    assert len(got) < 50


# -- servers that are not what they claim (issue 15) ------------------------------------------


class RawServer:
    """Answers every POST with fixed bytes: a web page, garbage SSE, keep-alives only."""

    def __init__(self, content_type: str, chunks: list[bytes], pause: float = 0.0,
                 props: dict[str, Any] | None = None) -> None:
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, format: str, *args: object) -> None:
                pass

            def do_GET(self) -> None:
                body = json.dumps(outer.props).encode() if outer.props else b"{}"
                self.send_response(200 if outer.props and self.path == "/props" else 404)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def do_POST(self) -> None:
                self.rfile.read(int(self.headers.get("Content-Length", 0)))
                with outer.lock:
                    outer.posts += 1
                self.send_response(200)
                self.send_header("Content-Type", outer.content_type)
                self.end_headers()
                try:
                    for chunk in outer.chunks:
                        self.wfile.write(chunk)
                        self.wfile.flush()
                        time.sleep(outer.pause)
                except (BrokenPipeError, ConnectionResetError):
                    pass

        self.content_type, self.chunks, self.pause, self.props = content_type, chunks, pause, props
        self.posts = 0
        self.lock = threading.Lock()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        threading.Thread(target=self._server.serve_forever, args=(0.05,), daemon=True).start()

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}/v1"

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()


@pytest.mark.parametrize(("content_type", "chunks", "message"), [
    ("text/html; charset=utf-8", [b"<!doctype html><html><body>Login</body></html>"],
     "answered with text/html instead of an event stream"),
    ("text/event-stream", [b"<html>\n<body>not sse</body>\n</html>\n"],
     "sent a stream this app cannot read"),
    ("text/event-stream", [b": hello\n\n"], "closed the connection before replying"),
    ("text/event-stream", [b'data: {"status": "ok"}\n\n'], "sent no reply this app can read"),
    ("text/event-stream", [b'data: {"foo": [1, 2]}\n\ndata: [DONE]\n\n'],
     "sent no reply this app can read"),
    ("text/event-stream", [b"data: <html>\n\n"], "not valid JSON"),
])
def test_a_server_that_is_not_openai_compatible_is_an_error_naming_it(
        content_type: str, chunks: list[bytes], message: str) -> None:
    server = RawServer(content_type, chunks)
    try:
        backend = RemoteBackend(server.base_url, "m")
        with pytest.raises(RemoteError, match=message) as caught:
            backend.stream(HELLO, GenerationParams()).run()
        assert server.base_url.removesuffix("/v1") in str(caught.value)
    finally:
        server.close()


def test_a_whole_json_reply_from_a_server_that_ignores_stream_is_used() -> None:
    reply = {"choices": [{"index": 0, "message": {"role": "assistant", "content": "Bonjour"},
                          "finish_reason": "stop"}], "usage": {"completion_tokens": 2}}
    server = RawServer("application/json", [json.dumps(reply).encode()])
    try:
        assert RemoteBackend(server.base_url, "m").stream(HELLO, GenerationParams()).run() == (
            "Bonjour")
    finally:
        server.close()


def test_keep_alive_comments_alone_time_out() -> None:
    server = RawServer("text/event-stream", [b": ping\n\n"] * 60, pause=0.05)
    try:
        backend = RemoteBackend(server.base_url, "m", timeout=0.5)
        # the pings go on for 3 s: only a deadline they cannot reset ends it this way
        with pytest.raises(RemoteError, match=r"sent no data for 0\.5 seconds"):
            backend.stream(HELLO, GenerationParams()).run()
    finally:
        server.close()


def test_a_ten_thousand_message_history_is_fitted_in_linear_work(
        monkeypatch: pytest.MonkeyPatch) -> None:
    history = [Message("user" if i % 2 == 0 else "assistant", f"message {i} " + "w " * 20)
               for i in range(10_000)]
    history.append(Message("user", "last question"))
    with OpenAIServer() as server:
        backend = RemoteBackend(server.base_url, "test-model", context_length=4096)
        counted: list[int] = []
        count_tokens = backend.count_tokens

        def counting(messages: Sequence[Message]) -> int:
            counted.append(len(messages))
            return count_tokens(messages)

        monkeypatch.setattr(backend, "count_tokens", counting)
        completion = backend.stream(history, GenerationParams(max_tokens=64))
        assert completion.run().endswith("last question")
        assert len(counted) <= 6, f"{len(counted)} full prompt counts for one request"
    assert completion.stats is not None and completion.stats.dropped_turns > 4000


# -- a pool of servers ------------------------------------------------------------------------


def test_pool_spreads_requests_skips_a_dead_server_and_reads_props() -> None:
    props = RawServer("text/event-stream", [], props={"total_slots": 3})
    dead = f"http://127.0.0.1:{free_port()}/v1"
    try:
        with OpenAIServer(delay=0.02) as one, OpenAIServer(delay=0.02) as two:
            backend = RemoteBackend(f"{one.base_url}, {two.base_url}", "test-model")
            assert backend.parallel == 8  # no /props: four each
            results: list[str] = []

            def work(i: int) -> None:
                results.append(backend.stream([Message("user", f"job {i}")],
                                              GenerationParams()).run())

            threads = [threading.Thread(target=work, args=(i,)) for i in range(8)]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join(20)
            assert sorted(results) == sorted(f"You said: job {i}" for i in range(8))
            assert len(one.requests) >= 2 and len(two.requests) >= 2  # least busy first
            with_dead = RemoteBackend([dead, one.base_url], "test-model")
            for _ in range(3):
                assert with_dead.stream(HELLO, GenerationParams()).run().startswith("You said")
        assert RemoteBackend([props.base_url, dead], "m").parallel == 3 + 4
        all_down = RemoteBackend([dead, f"http://127.0.0.1:{free_port()}"], "m")
        with pytest.raises(RemoteError, match="None of the model servers answered") as caught:
            all_down.stream(HELLO, GenerationParams()).run()
        assert dead.removesuffix("/v1") in str(caught.value)
        assert str(caught.value).count("connection was refused") == 2
    finally:
        props.close()


@pytest.mark.model
@pytest.mark.skipif(bool(_MISSING), reason="llama_cpp.server needs " + ", ".join(_MISSING))
def test_a_pool_of_two_real_servers_survives_one_being_killed(qwen_path: Path,
                                                              tmp_path: Path) -> None:
    from bayling_desktop.languages import resolve

    servers = [start_llama_server(qwen_path, tmp_path / f"server{i}.log") for i in range(2)]
    try:
        for i, (process, base) in enumerate(servers):
            wait_until_up(process, base, tmp_path / f"server{i}.log")
        (_, alive), (victim, doomed) = servers
        backend = RemoteBackend([alive, doomed], "qwen")
        assert backend.parallel == 8  # llama_cpp.server has no /props: four each
        words = ["你好", "谢谢", "再见", "早上好", "晚安", "朋友", "水", "书", "猫", "狗",
                 "山", "河"]
        outcomes: list[tuple[str, str]] = []
        lock = threading.Lock()

        def work(k: int) -> None:
            for i in range(k, len(words), 4):
                messages = [Message("user", f"Translate into {resolve('en').name}: {words[i]}")]
                try:
                    text = backend.stream(messages, GenerationParams.for_translation(8)).run()
                    result = ("ok", text)
                except RemoteError as exc:
                    result = ("error", str(exc))
                with lock:
                    outcomes.append(result)

        threads = [threading.Thread(target=work, args=(k,)) for k in range(4)]
        for thread in threads:
            thread.start()
        deadline = time.monotonic() + 120
        while len(outcomes) < 2 and time.monotonic() < deadline:
            time.sleep(0.05)
        victim.kill()  # mid-run: requests queued on it move to the other server
        for thread in threads:
            thread.join(180)
        assert len(outcomes) == len(words)
        errors = [message for kind, message in outcomes if kind == "error"]
        # Only a reply that was already streaming from the killed server can be lost, and
        # it says where and what happened.
        assert len(errors) <= 1, errors
        assert all(doomed.removesuffix("/v1") in e and "broke during the reply" in e
                   for e in errors)
        assert all(text.strip() for kind, text in outcomes if kind == "ok"), outcomes
        assert backend.stream(HELLO, GenerationParams(max_tokens=4)).run().strip()
        stop(servers[0][0])
        with pytest.raises(RemoteError, match="None of the model servers answered") as caught:
            backend.stream(HELLO, GenerationParams(max_tokens=4)).run()
        assert alive.removesuffix("/v1") in str(caught.value)
        assert doomed.removesuffix("/v1") in str(caught.value)
    finally:
        for process, _ in servers:
            if process.poll() is None:
                stop(process)
