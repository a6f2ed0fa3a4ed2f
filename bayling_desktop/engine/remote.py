"""A backend on an OpenAI-compatible server (llama-server, llama-cpp-python, vLLM, Ollama).

Teams run one inference server and point every desktop at it, so the rest of the
app must not notice the difference: the same :class:`Completion` of text pieces, the
same cancel token, the same context budgeting. We stream ``/v1/chat/completions``
over Server-Sent Events with the standard library only (no HTTP client is a
dependency of the app), and cancel by shutting the socket down from a watcher
thread, so a cancel lands even while the server is silent.
"""

from __future__ import annotations

import contextlib
import http.client
import json
import math
import socket
import ssl
import threading
import time
import unicodedata
from collections.abc import Generator, Iterator, Sequence
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from ..errors import GenerationError, ModelError
from .backend import CancelToken, Completion, GenerationParams, GenerationStats, Message
from .budget import fit_messages
from .formats import BAYLING_PLACEHOLDERS, PlaceholderFilter

if TYPE_CHECKING:
    from ..config import Settings

_CANCEL_POLL = 0.05
_ERROR_BODY_LIMIT = 64 * 1024
#: tokens a chat template adds around each message (role header, separators)
_PER_MESSAGE_TOKENS = 6


class RemoteError(GenerationError):
    """The server could not be reached or refused the request."""


class RemoteAuthError(RemoteError):
    """The server wants an API key (401) or refused the one given (403)."""


class RemoteModelNotFound(RemoteError):
    """The server does not serve the model name that was asked for."""


def estimate_tokens(text: str, cjk_weight: float = 1.5) -> int:
    """A deliberately high token estimate for text we cannot tokenize locally.

    Budgeting only needs an upper bound: an overestimate drops an old turn early,
    an underestimate makes the server refuse the request. Common tokenizers give
    three to four ASCII letters per token, two spaces or punctuation marks per
    token, and one or two tokens per CJK character; LLaMA's 32k vocabulary
    (BayLing v1 and 2) spells most Chinese characters as up to three byte tokens,
    hence *cjk_weight*.
    """
    ascii_chars = symbols = cjk = other = 0
    for char in text:
        if char.isascii():
            if char.isalnum():
                ascii_chars += 1
            else:
                symbols += 1  # spaces and punctuation merge less (code, indentation)
        elif unicodedata.east_asian_width(char) in ("W", "F"):
            cjk += 1
        else:
            other += 1
    return math.ceil(ascii_chars / 3.0 + symbols / 2.0 + cjk * cjk_weight + other * 0.75)


def _cjk_weight(model: str) -> float:
    name = model.lower().replace("_", "-")
    if "bayling" in name and "llama-3" not in name and "llama3" not in name:
        return 3.0
    return 1.5


class _Endpoint:
    def __init__(self, base_url: str) -> None:
        url = base_url.strip().rstrip("/")
        if "://" not in url:
            url = "http://" + url
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise ModelError(f"'{base_url}' is not a server address; use one like "
                             "http://127.0.0.1:8080/v1.")
        self.scheme = parts.scheme
        self.host = parts.hostname
        self.port = parts.port or (443 if parts.scheme == "https" else 80)
        path = parts.path.rstrip("/")
        if path.endswith("/chat/completions"):
            path = path[: -len("/chat/completions")]
        if not path.endswith("/v1"):
            path += "/v1"
        self.api_root = path
        self.display = f"{self.scheme}://{parts.netloc}"

    def connect(self, timeout: float) -> http.client.HTTPConnection:
        if self.scheme == "https":
            return http.client.HTTPSConnection(self.host, self.port, timeout=timeout,
                                               context=ssl.create_default_context())
        return http.client.HTTPConnection(self.host, self.port, timeout=timeout)


class _CancelWatcher:
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
        while not self._done.wait(_CANCEL_POLL):
            if self._cancel.cancelled:
                sock = self._sock or self._conn.sock
                if sock is not None:
                    with contextlib.suppress(OSError):
                        sock.shutdown(socket.SHUT_RDWR)
                return

    def stop(self) -> None:
        self._done.set()


class RemoteBackend:
    """Chat completions on a remote server; implements :class:`~.backend.Backend`."""

    def __init__(self, base_url: str, model: str = "", api_key: str | None = None, *,
                 context_length: int = 4096, max_concurrency: int = 2,
                 timeout: float = 120.0, connect_timeout: float = 10.0) -> None:
        self._endpoint = _Endpoint(base_url)
        self.model = model.strip()
        self._api_key = api_key or None
        self._context_length = context_length
        self.max_concurrency = max(1, max_concurrency)
        self._slots = threading.BoundedSemaphore(self.max_concurrency)
        self.timeout = timeout
        self.connect_timeout = connect_timeout
        self._placeholders = BAYLING_PLACEHOLDERS if "bayling" in self.model.lower() else {}
        self._cjk_weight = _cjk_weight(self.model)
        self._closed = False

    @classmethod
    def from_settings(cls, settings: Settings) -> RemoteBackend:
        from ..models.secrets import get_remote_api_key

        if not settings.remote_base_url.strip():
            raise ModelError("Set the server address (base URL) in Settings to use a remote "
                             "model server.")
        return cls(settings.remote_base_url, settings.remote_model,
                   get_remote_api_key(settings.remote_base_url, settings),
                   context_length=settings.context_length,
                   max_concurrency=settings.remote_concurrency)

    def __repr__(self) -> str:  # never show the API key
        key = "set" if self._api_key else "none"
        return (f"RemoteBackend({self._endpoint.display!r}, model={self.model!r}, "
                f"api_key={key})")

    # -- Backend protocol -------------------------------------------------------------

    @property
    def description(self) -> str:
        name = self.model or "server default"
        return f"{name} · {self._endpoint.display} · ctx {self._context_length}"

    @property
    def context_length(self) -> int:
        return self._context_length

    def count_tokens(self, messages: Sequence[Message]) -> int:
        """An estimate (see :func:`estimate_tokens`): the server's tokenizer is remote."""
        return sum(_PER_MESSAGE_TOKENS + estimate_tokens(m.content, self._cjk_weight)
                   for m in messages) + 3

    def stream(self, messages: Sequence[Message], params: GenerationParams,
               cancel: CancelToken | None = None) -> Completion:
        if self._closed:
            raise GenerationError("The remote backend was closed.")
        fitted = fit_messages(messages, self.count_tokens, self.context_length,
                              params.max_tokens)
        stats = GenerationStats(prompt_tokens=fitted.prompt_tokens,
                                dropped_turns=fitted.dropped_turns)
        if fitted.notice:
            stats.notices.append(fitted.notice)
        return Completion(self._generate(fitted.messages, params, cancel or CancelToken(),
                                         stats))

    def close(self) -> None:
        self._closed = True

    # -- HTTP ---------------------------------------------------------------------------

    def _headers(self) -> dict[str, str]:
        headers = {"Content-Type": "application/json", "Accept": "text/event-stream",
                   "User-Agent": "bayling-desktop"}
        if self._api_key:
            headers["Authorization"] = f"Bearer {self._api_key}"
        return headers

    def _payload(self, messages: Sequence[Message], params: GenerationParams) -> bytes:
        body: dict[str, Any] = {
            "model": self.model or "default",
            "messages": [m.to_dict() for m in messages],
            "stream": True,
            "temperature": params.temperature,
            "top_p": params.top_p,
            "max_tokens": params.max_tokens,
        }
        if params.seed is not None:
            body["seed"] = params.seed
        if params.stop:
            body["stop"] = list(params.stop)
        if params.repeat_penalty != 1.0:
            body["repeat_penalty"] = params.repeat_penalty  # llama.cpp servers honour it
        return json.dumps(body, ensure_ascii=False).encode("utf-8")

    def _connection_error(self, exc: BaseException) -> RemoteError:
        where = self._endpoint.display
        if isinstance(exc, ConnectionRefusedError):
            return RemoteError(f"Could not connect to {where}: the connection was refused (is "
                               "the server running?).")
        if isinstance(exc, socket.gaierror):
            return RemoteError(f"Could not find the server {self._endpoint.host}: check the "
                               "address in Settings.")
        if isinstance(exc, TimeoutError | socket.timeout):
            return RemoteError(f"The server at {where} did not answer in time; it may be "
                               "overloaded or unreachable.")
        if isinstance(exc, ssl.SSLError):
            return RemoteError(f"The secure connection to {where} failed ({exc.reason}).")
        return RemoteError(f"The connection to {where} failed: "
                           f"{getattr(exc, 'strerror', None) or exc}.")

    def _status_error(self, status: int, body: bytes) -> RemoteError:
        where = self._endpoint.display
        detail = _error_message(body)
        if status == 401:
            return RemoteAuthError(f"The server at {where} needs a valid API key (401 "
                                   "Unauthorized): set it in Settings.")
        if status == 403:
            return RemoteAuthError(f"The server at {where} refused the API key (403 "
                                   "Forbidden).")
        if status == 404:
            if not self.model:
                return RemoteModelNotFound(f"The server at {where} needs a model name: set "
                                           "one in Settings.")
            if "model" in detail.lower():
                return RemoteModelNotFound(f"The server at {where} has no model named "
                                           f"'{self.model}'; check the model name in "
                                           "Settings.")
            return RemoteModelNotFound(f"{where}{self._endpoint.api_root}/chat/completions "
                                       "does not exist (404): is this an OpenAI-compatible "
                                       "server, and is the base URL right?")
        suffix = f": {detail}" if detail else "."
        if status >= 500:
            return RemoteError(f"The server at {where} failed ({status}){suffix}")
        return RemoteError(f"The server at {where} refused the request ({status}){suffix}")

    def _acquire(self, cancel: CancelToken) -> bool:
        while not self._slots.acquire(timeout=_CANCEL_POLL):
            if cancel.cancelled:
                return False
        return True

    def _generate(self, messages: Sequence[Message], params: GenerationParams,
                  cancel: CancelToken, stats: GenerationStats
                  ) -> Generator[str, None, GenerationStats]:
        started = time.perf_counter()
        if not self._acquire(cancel):
            stats.stop_reason = "cancelled"
            return stats
        conn = self._endpoint.connect(self.connect_timeout)
        watcher = _CancelWatcher(conn, cancel)
        try:
            yield from self._exchange(conn, watcher, messages, params, cancel, stats, started)
        finally:
            watcher.stop()
            conn.close()
            self._slots.release()
        return stats

    def _exchange(self, conn: http.client.HTTPConnection, watcher: _CancelWatcher,
                  messages: Sequence[Message],
                  params: GenerationParams, cancel: CancelToken, stats: GenerationStats,
                  started: float) -> Iterator[str]:
        try:
            conn.request("POST", f"{self._endpoint.api_root}/chat/completions",
                         body=self._payload(messages, params), headers=self._headers())
            watcher.arm(conn.sock)
            if conn.sock is not None:
                conn.sock.settimeout(self.timeout)
            response = conn.getresponse()
        except (OSError, http.client.HTTPException) as exc:
            if cancel.cancelled:
                stats.stop_reason = "cancelled"
                return
            raise self._connection_error(exc) from exc
        if response.status != 200:
            raise self._status_error(response.status, response.read(_ERROR_BODY_LIMIT))
        placeholders = PlaceholderFilter(self._placeholders)
        first_at: float | None = None
        pieces = 0
        stats.stop_reason = "stop"
        try:
            for event in _sse_events(response):
                if cancel.cancelled:
                    break
                if event == "[DONE]":
                    break
                chunk = _parse_chunk(event)
                text, finish, usage = _chunk_parts(chunk)
                if usage:
                    stats.prompt_tokens = int(usage.get("prompt_tokens") or stats.prompt_tokens)
                    stats.completion_tokens = int(usage.get("completion_tokens") or 0)
                if finish == "length":
                    stats.stop_reason = "length"
                if text:
                    if first_at is None:
                        first_at = time.perf_counter()
                        stats.time_to_first_token = first_at - started
                    pieces += 1
                    out = placeholders.feed(text)
                    if out:
                        yield out
        except (OSError, http.client.HTTPException) as exc:
            if not cancel.cancelled:
                raise self._connection_error(exc) from exc
        finally:
            if first_at is not None:
                stats.generation_seconds = time.perf_counter() - first_at
            if not stats.completion_tokens:
                stats.completion_tokens = pieces  # servers send about one token per chunk
        if cancel.cancelled:
            stats.stop_reason = "cancelled"
            return
        tail = placeholders.flush()
        if tail:
            yield tail

    def list_server_models(self) -> list[str]:
        """Model names the server offers (``GET /v1/models``), for the settings dialog."""
        conn = self._endpoint.connect(self.connect_timeout)
        try:
            headers = {k: v for k, v in self._headers().items() if k != "Content-Type"}
            conn.request("GET", f"{self._endpoint.api_root}/models", headers=headers)
            response = conn.getresponse()
            body = response.read(4 * 1024 * 1024)
        except (OSError, http.client.HTTPException) as exc:
            raise self._connection_error(exc) from exc
        finally:
            conn.close()
        if response.status != 200:
            raise self._status_error(response.status, body)
        try:
            data = json.loads(body)
            return [str(item["id"]) for item in data.get("data", [])]
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            raise RemoteError(f"The server at {self._endpoint.display} sent a model list "
                              "this app cannot read.") from exc


def _sse_events(response: http.client.HTTPResponse) -> Iterator[str]:
    """The ``data`` of each Server-Sent Event (multi-line data joined with newlines)."""
    data: list[str] = []
    while True:
        raw = response.readline()
        if not raw:
            if data:
                yield "\n".join(data)
            return
        line = raw.decode("utf-8", errors="replace").rstrip("\r\n")
        if not line:
            if data:
                yield "\n".join(data)
                data = []
            continue
        if line.startswith(":"):
            continue  # a comment / keep-alive
        field, _, value = line.partition(":")
        if field == "data":
            data.append(value[1:] if value.startswith(" ") else value)
        elif field == "error":
            raise RemoteError(f"The server reported an error: {value.strip()}")


def _parse_chunk(event: str) -> dict[str, Any]:
    try:
        chunk = json.loads(event)
    except ValueError as exc:
        raise RemoteError("The server sent a reply that is not valid JSON; is it an "
                          "OpenAI-compatible server?") from exc
    if not isinstance(chunk, dict):
        raise RemoteError("The server sent a reply this app cannot read.")
    if "error" in chunk:
        raise RemoteError(f"The server reported an error: {_describe_error(chunk['error'])}")
    return chunk


def _chunk_parts(chunk: dict[str, Any]) -> tuple[str, str | None, dict[str, Any] | None]:
    usage = chunk.get("usage") if isinstance(chunk.get("usage"), dict) else None
    choices = chunk.get("choices") or []
    if not choices or not isinstance(choices[0], dict):
        return "", None, usage
    choice = choices[0]
    delta = choice.get("delta") or {}
    text = delta.get("content") if isinstance(delta, dict) else None
    if text is None:
        text = choice.get("text")  # some servers stream the completions shape
    return (text if isinstance(text, str) else ""), choice.get("finish_reason"), usage


def _describe_error(error: object) -> str:
    if isinstance(error, dict):
        return str(error.get("message") or error.get("type") or error)
    return str(error)


def _error_message(body: bytes) -> str:
    text = body.decode("utf-8", errors="replace").strip()
    try:
        data = json.loads(text)
    except ValueError:
        return text[:200]
    if isinstance(data, dict):
        if "error" in data:
            return _describe_error(data["error"])[:300]
        if "detail" in data:
            return str(data["detail"])[:300]
    return text[:200]

