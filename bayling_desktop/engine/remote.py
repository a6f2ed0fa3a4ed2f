"""A backend on an OpenAI-compatible server (llama-server, llama-cpp-python, vLLM, Ollama).

Teams run one inference server and point every desktop at it, so the rest of the
app must not notice the difference: the same :class:`Completion` of text pieces, the
same cancel token, the same context budgeting. We stream ``/v1/chat/completions``
over Server-Sent Events with the standard library only (no HTTP client is a
dependency of the app), and cancel by shutting the socket down from a watcher
thread, so a cancel lands even while the server is silent.
"""

from __future__ import annotations

import http.client
import json
import socket
import ssl
import time
from collections.abc import Generator, Iterator, Sequence
from typing import Any

from ..errors import GenerationError
from ..sentences import Sentence
from .backend import (
    CancelToken,
    Completion,
    EngineActivity,
    GenerationParams,
    GenerationStats,
    Message,
)
from .budget import fit_messages
from .estimate import cjk_weight, estimate_tokens
from .formats import BAYLING_PLACEHOLDERS, PlaceholderFilter
from .pool import CancelWatcher, Endpoint, EndpointPool
from .sse import BoundedLines, RemoteError, chunk_parts, error_message, parse_chunk, sse_events

__all__ = ["RemoteAuthError", "RemoteBackend", "RemoteError", "RemoteModelNotFound",
           "estimate_tokens", "split_urls"]

_ERROR_BODY_LIMIT = 64 * 1024
#: tokens a chat template adds around each message (role header, separators)
_PER_MESSAGE_TOKENS = 6


class RemoteAuthError(RemoteError):
    """The server wants an API key (401) or refused the one given (403)."""


class RemoteModelNotFound(RemoteError):
    """The server does not serve the model name that was asked for."""


class _Unreachable(Exception):
    """This server failed before any reply text: another one may take the request."""

    def __init__(self, error: RemoteError) -> None:
        super().__init__(str(error))
        self.error = error


def split_urls(base_url: str | Sequence[str]) -> list[str]:
    """Several servers may be given as one string separated by commas or spaces."""
    items = [base_url] if isinstance(base_url, str) else list(base_url)
    urls = [u for item in items for u in item.replace(",", " ").split() if u]
    return urls or [""]


class RemoteBackend:
    """Chat completions on one server or a pool; implements :class:`~.backend.Backend`."""

    def __init__(self, base_url: str | Sequence[str], model: str = "",
                 api_key: str | None = None, *, context_length: int = 4096,
                 max_concurrency: int = 0, timeout: float = 120.0,
                 connect_timeout: float = 10.0) -> None:
        """*max_concurrency* is per server; 0 asks the server (``/props``), else 4."""
        self._pool = EndpointPool([Endpoint(u, max(0, max_concurrency))
                                   for u in split_urls(base_url)],
                                  probe_timeout=min(connect_timeout, 3.0))
        self._endpoint = self._pool.endpoints[0]
        self.model = model.strip()
        self._api_key = api_key or None
        self._context_length = context_length
        self.timeout = timeout
        self.connect_timeout = connect_timeout
        self._placeholders = BAYLING_PLACEHOLDERS if "bayling" in self.model.lower() else {}
        self._cjk_weight = cjk_weight(self.model)
        self._closed = False

    def __repr__(self) -> str:  # never show the API key
        key = "set" if self._api_key else "none"
        return (f"RemoteBackend({self._servers()!r}, model={self.model!r}, "
                f"api_key={key})")

    def _servers(self) -> str:
        return ", ".join(e.display for e in self._pool.endpoints)

    # -- Backend protocol -------------------------------------------------------------

    @property
    def description(self) -> str:
        where = self._endpoint.display
        if len(self._pool.endpoints) > 1:
            where += f" +{len(self._pool.endpoints) - 1}"
        # no model named: the server's own default, named by the server's address (no
        # English words here, since the GUI shows this as the model's name)
        parts = [self.model] if self.model else []
        return " · ".join([*parts, where, f"ctx {self._context_length}"])

    @property
    def context_length(self) -> int:
        return self._context_length

    @property
    def parallel(self) -> int:
        """Requests in flight at once over all servers (asks each server once)."""
        return self._pool.capacity

    @property
    def max_concurrency(self) -> int:
        return self.parallel

    @property
    def format_name(self) -> str:
        return ""  # the server renders its own chat template

    @property
    def info(self) -> None:
        return None  # no file here to read a header from

    @property
    def model_name(self) -> str:
        return self.model

    def activity(self) -> EngineActivity | None:
        return None  # the servers' own queues are not visible from here

    def reset_cache(self) -> None:
        return None  # the servers keep their own prompt caches

    def count_tokens(self, messages: Sequence[Message]) -> int:
        """An estimate (see :func:`estimate_tokens`): the server's tokenizer is remote."""
        return sum(self._message_cost(m) for m in messages) + 3

    def _message_cost(self, message: Message) -> int:
        return _PER_MESSAGE_TOKENS + estimate_tokens(message.content, self._cjk_weight)

    def stream(self, messages: Sequence[Message], params: GenerationParams,
               cancel: CancelToken | None = None) -> Completion:
        if self._closed:
            raise GenerationError("remote_backend_closed")
        fitted = fit_messages(messages, self.count_tokens, self.context_length,
                              params.max_tokens, message_cost=self._message_cost)
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
            "stream": True,
            "temperature": params.temperature,
            "top_p": params.top_p,
            "max_tokens": params.max_tokens,
        }
        if params.raw:
            body["prompt"] = next((m.content for m in reversed(messages) if m.role == "user"),
                                  "")
        else:
            body["messages"] = [m.to_dict() for m in messages]
        if params.seed is not None:
            body["seed"] = params.seed
        if params.stop:
            body["stop"] = list(params.stop)
        if params.top_k > 0:
            body["top_k"] = params.top_k  # llama.cpp servers, vLLM and Ollama's OpenAI API
        if params.repeat_penalty != 1.0:
            body["repeat_penalty"] = params.repeat_penalty  # llama.cpp servers honour it
        return json.dumps(body, ensure_ascii=False).encode("utf-8")

    def _connection_error(self, exc: BaseException, endpoint: Endpoint) -> RemoteError:
        where = endpoint.display
        if isinstance(exc, RemoteError):
            return exc
        if isinstance(exc, ConnectionRefusedError):
            return RemoteError("could_not_connect_connection", where=where)
        if isinstance(exc, socket.gaierror):
            return RemoteError("could_not_find_server", host=endpoint.host)
        if isinstance(exc, TimeoutError | socket.timeout):
            return RemoteError("server_did_not_answer", where=where)
        if isinstance(exc, ssl.SSLError):
            return RemoteError("secure_connection_failed", where=where, reason=exc.reason)
        return RemoteError("connection_failed", where=where,
                           reason=getattr(exc, 'strerror', None) or exc)

    def _status_error(self, status: int, body: bytes, endpoint: Endpoint) -> RemoteError:
        where = endpoint.display
        detail = error_message(body)
        if status == 401:
            return RemoteAuthError("server_needs_valid_api", where=where)
        if status == 403:
            return RemoteAuthError("server_refused_api_key", where=where)
        if status == 404:
            if not self.model:
                return RemoteModelNotFound("server_needs_model_name", where=where)
            if "model" in detail.lower():
                return RemoteModelNotFound("server_no_model_named", where=where, model=self.model)
            return RemoteModelNotFound("chat_completions_not_exist", where=where,
                                       api_root=endpoint.api_root)
        failed = status >= 500
        if detail:
            return RemoteError("server_failed_detail" if failed else "server_refused_detail",
                               where=where, status=status, detail=detail)
        return RemoteError("server_failed" if failed else "server_refused_request",
                           where=where, status=status)

    def _generate(self, messages: Sequence[Message], params: GenerationParams,
                  cancel: CancelToken, stats: GenerationStats
                  ) -> Generator[str, None, GenerationStats]:
        """Try the least busy server; one that fails before replying hands over to the next."""
        started = time.perf_counter()
        tried: list[Endpoint] = []
        failures: list[RemoteError] = []
        while True:
            endpoint = self._pool.lease(cancel, tried)
            if endpoint is None:
                if cancel.cancelled:
                    stats.stop_reason = "cancelled"
                    return stats
                raise self._all_failed(failures)
            tried.append(endpoint)
            failed = False
            try:
                yield from self._exchange(endpoint, messages, params, cancel, stats, started)
                return stats
            except _Unreachable as exc:
                failed = True
                if len(self._pool.endpoints) == 1:
                    raise exc.error from None
                failures.append(exc.error)
            finally:
                self._pool.release(endpoint, failed)

    def _all_failed(self, failures: list[RemoteError]) -> RemoteError:
        reasons: Sentence | str = ""
        for failure in reversed(failures):
            reasons = Sentence("reasons", first=failure.sentence, rest=reasons) if reasons \
                else failure.sentence
        return RemoteError("none_model_servers_answered", servers=self._servers(), reasons=reasons)

    def _exchange(self, endpoint: Endpoint, messages: Sequence[Message],
                  params: GenerationParams, cancel: CancelToken, stats: GenerationStats,
                  started: float) -> Iterator[str]:
        conn = endpoint.connect(self.connect_timeout)
        watcher = CancelWatcher(conn, cancel)
        path = "completions" if params.raw else "chat/completions"
        try:
            try:
                conn.request("POST", f"{endpoint.api_root}/{path}",
                             body=self._payload(messages, params), headers=self._headers())
                watcher.arm(conn.sock)
                if conn.sock is not None:
                    conn.sock.settimeout(self.timeout)
                response = conn.getresponse()
            except (OSError, http.client.HTTPException) as exc:
                if cancel.cancelled:
                    stats.stop_reason = "cancelled"
                    return
                raise _Unreachable(self._connection_error(exc, endpoint)) from exc
            if response.status != 200:
                error = self._status_error(response.status, self._error_body(response, endpoint),
                                           endpoint)
                if response.status >= 500:
                    raise _Unreachable(error)
                raise error
            yield from self._read_reply(endpoint, response, cancel, stats, started)
        finally:
            watcher.stop()
            conn.close()

    def _error_body(self, response: http.client.HTTPResponse, endpoint: Endpoint) -> bytes:
        """The start of an error reply, read within the size limit and the deadline."""
        lines = BoundedLines(response.read1, endpoint.display, self.timeout,
                             max_line=_ERROR_BODY_LIMIT, max_total=_ERROR_BODY_LIMIT)
        try:
            return lines.read_all()
        except (RemoteError, OSError, http.client.HTTPException):
            return b""

    def _read_reply(self, endpoint: Endpoint, response: http.client.HTTPResponse,
                    cancel: CancelToken, stats: GenerationStats, started: float
                    ) -> Iterator[str]:
        where = endpoint.display
        kind = (response.getheader("Content-Type") or "").split(";")[0].strip().lower()
        whole = kind == "application/json"
        lines = BoundedLines(response.read1, where, self.timeout)
        if whole:  # a server that ignores "stream": one whole reply
            events: Iterator[str] = iter([lines.read_all().decode("utf-8", errors="replace")])
        elif kind == "text/event-stream":
            events = sse_events(lines.readline, where, self.timeout)
        else:
            raise RemoteError("server_answered_instead_event", where=where,
                              kind=kind or 'an unlabelled reply')
        placeholders = PlaceholderFilter(self._placeholders)
        first_at: float | None = None
        pieces = events_seen = 0
        understood = finished = False
        stats.stop_reason = "stop"
        try:
            for event in events:
                events_seen += 1
                if cancel.cancelled:
                    break
                if event == "[DONE]":  # the end, but a reply needs an OpenAI-shaped chunk
                    finished = True
                    break
                text, finish, usage, shaped = chunk_parts(parse_chunk(event, where))
                understood = understood or shaped
                finished = finished or finish is not None or (whole and shaped)
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
                error = self._connection_error(exc, endpoint)
                if not pieces:
                    raise _Unreachable(error) from exc
                raise RemoteError("connection_broke_during_reply", where=where,
                                  error=str(error).rstrip('.')) from exc
        finally:
            if first_at is not None:
                stats.generation_seconds = time.perf_counter() - first_at
            if not stats.completion_tokens:
                stats.completion_tokens = pieces  # servers send about one token per chunk
        if cancel.cancelled:
            stats.stop_reason = "cancelled"
            return
        if not events_seen:  # e.g. killed while our request waited in its queue
            raise _Unreachable(RemoteError("server_closed_connection_before", where=where))
        if not understood:
            raise RemoteError("server_sent_no_reply", where=where)
        if not finished:
            error = RemoteError("connection_ended_early", where=where)
            if not pieces:
                raise _Unreachable(error)
            raise error
        tail = placeholders.flush()
        if tail:
            yield tail

    def list_server_models(self) -> list[str]:
        """Model names the (first) server offers (``GET /v1/models``), for Settings."""
        endpoint = self._endpoint
        conn = endpoint.connect(self.connect_timeout)
        try:
            headers = {k: v for k, v in self._headers().items() if k != "Content-Type"}
            conn.request("GET", f"{endpoint.api_root}/models", headers=headers)
            response = conn.getresponse()
            body = BoundedLines(response.read1, endpoint.display, self.timeout,
                                max_total=4 * 1024 * 1024).read_all()
        except (OSError, http.client.HTTPException) as exc:
            raise self._connection_error(exc, endpoint) from exc
        finally:
            conn.close()
        if response.status != 200:
            raise self._status_error(response.status, body, endpoint)
        try:
            data = json.loads(body)
            return [str(item["id"]) for item in data.get("data", [])]
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            raise RemoteError("server_sent_model_list", display=endpoint.display) from exc
