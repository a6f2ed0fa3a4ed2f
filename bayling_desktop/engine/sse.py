"""Reading an OpenAI-style Server-Sent-Events stream, strictly enough to notice garbage.

A URL that is not an OpenAI-compatible server (a web page, a proxy's login form, a
server speaking another protocol) must end in one sentence naming the URL, never in
an empty "successful" reply; a server that sends only keep-alive comments must time
out like a silent one. Both rules live here, next to the parser, with no HTTP in it.

A hostile or broken server must not exhaust memory or time either: :class:`BoundedLines`
reads the stream in pieces with a limit on one line (:data:`MAX_LINE_BYTES`) and on the
whole reply (:data:`MAX_REPLY_BYTES`), and a deadline per line that bytes trickling in
one by one cannot reset (the socket timeout alone restarts at every byte). Every
:class:`RemoteError` passes :func:`~bayling_desktop.redaction.redact`, because its text
may quote the server, which may quote our ``Authorization`` header.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterator
from typing import Any

from ..errors import GenerationError
from ..redaction import redact
from ..sentences import Sentence

#: the longest line of an event stream (a chunk is a few hundred bytes; a whole reply
#: sent as one event stays far below)
MAX_LINE_BYTES = 16 * 1024 * 1024
#: the most one reply may send in all, whatever max_tokens the server ignored
MAX_REPLY_BYTES = 64 * 1024 * 1024


class RemoteError(GenerationError):
    """The server could not be reached, refused the request, or answered nonsense."""

    def __init__(self, code: str | Sentence, /, **args: object) -> None:
        sentence = code if isinstance(code, Sentence) else Sentence(code, **args)
        super().__init__(sentence.map_text(redact))


class BoundedLines:
    """Lines of a response read in pieces, with size limits and a per-line deadline.

    *read1* returns whatever bytes arrived (at least one, or b"" at the end), like
    ``HTTPResponse.read1``; the deadline is checked after every piece, so a server
    that sends one byte a second without a newline ends in *timeout* seconds.
    """

    def __init__(self, read1: Callable[[int], bytes], where: str, timeout: float,
                 max_line: int = MAX_LINE_BYTES, max_total: int = MAX_REPLY_BYTES) -> None:
        self._read1 = read1
        self._where = where
        self._timeout = timeout
        self._max_line = max_line
        self._max_total = max_total
        self._buffer = bytearray()
        self._total = 0
        self._ended = False

    def readline(self) -> bytes:
        """The next line with its newline; b"" at the end of the stream."""
        started = time.monotonic()
        while True:
            end = self._buffer.find(b"\n")
            if end >= 0:
                line = bytes(self._buffer[:end + 1])
                del self._buffer[:end + 1]
                return line
            if self._ended:
                line, self._buffer = bytes(self._buffer), bytearray()
                return line
            if len(self._buffer) > self._max_line:
                raise RemoteError("server_sent_line_longer", where=self._where,
                                  max_line=self._max_line >> 20)
            if time.monotonic() - started > self._timeout:
                raise RemoteError("server_sent_no_complete", where=self._where,
                                  timeout=f"{self._timeout:g}")
            piece = self._read1(64 * 1024)
            if not piece:
                self._ended = True
                continue
            self._total += len(piece)
            if self._total > self._max_total:
                raise RemoteError("server_sent_more_mb", where=self._where,
                                  max_total=self._max_total >> 20)
            self._buffer += piece

    def read_all(self) -> bytes:
        """Everything up to the end (a whole JSON reply or an error body), within the
        same limits and within one deadline for the whole body."""
        started = time.monotonic()
        parts = []
        while line := self.readline():
            parts.append(line)
            if time.monotonic() - started > self._timeout:
                raise RemoteError("server_did_not_finish", where=self._where,
                                  timeout=f"{self._timeout:g}")
        return b"".join(parts)


def sse_events(readline: Callable[[], bytes], where: str, timeout: float) -> Iterator[str]:
    """The ``data`` of each event (multi-line data joined with newlines).

    Raises :class:`RemoteError` when no data line arrived for *timeout* seconds even
    though bytes did (keep-alive comments only).
    """
    data: list[str] = []
    last_data = time.monotonic()
    while True:
        raw = readline()
        if not raw:
            if data:
                yield "\n".join(data)
            return
        line = raw.decode("utf-8", errors="replace").rstrip("\r\n")
        if not line:
            if data:
                yield "\n".join(data)
                data = []
            elif time.monotonic() - last_data > timeout:  # blank lines are no reply either
                raise RemoteError("server_silent", where=where, timeout=f"{timeout:g}")
            continue
        field, _, value = line.partition(":")
        if field == "data":
            data.append(value[1:] if value.startswith(" ") else value)
            last_data = time.monotonic()
            continue
        if field == "error":
            raise RemoteError("server_reported_error", where=where, error=value.strip())
        if field and field not in ("event", "id", "retry"):
            raise RemoteError("server_sent_stream_cannot", where=where, line=f"{line[:40]!r}")
        # comments (": keep-alive") and event/id/retry fields carry no reply
        if time.monotonic() - last_data > timeout:
            raise RemoteError("server_only_keepalive", where=where, timeout=f"{timeout:g}")


def parse_chunk(event: str, where: str) -> dict[str, Any]:
    try:
        chunk = json.loads(event)
    except ValueError as exc:
        raise RemoteError("server_sent_reply_not", where=where) from exc
    if not isinstance(chunk, dict):
        raise RemoteError("server_sent_reply_cannot", where=where)
    if "error" in chunk:
        raise RemoteError("server_reported_error", where=where,
                          error=describe_error(chunk['error']))
    return chunk


def chunk_parts(chunk: dict[str, Any]
                ) -> tuple[str, str | None, dict[str, Any] | None, bool]:
    """(text, finish reason, usage, whether the chunk had the OpenAI shape at all)."""
    usage = chunk.get("usage") if isinstance(chunk.get("usage"), dict) else None
    choices = chunk.get("choices")
    if not isinstance(choices, list):
        return "", None, usage, usage is not None
    if not choices or not isinstance(choices[0], dict):
        return "", None, usage, True
    choice = choices[0]
    message = choice.get("delta") or choice.get("message") or {}
    text = message.get("content") if isinstance(message, dict) else None
    if text is None:
        text = choice.get("text")  # the completions shape (raw prompts, some servers)
    return (text if isinstance(text, str) else ""), choice.get("finish_reason"), usage, True


def describe_error(error: object) -> str:
    if isinstance(error, dict):
        return str(error.get("message") or error.get("type") or error)
    return str(error)


def error_message(body: bytes) -> str:
    text = body.decode("utf-8", errors="replace").strip()
    try:
        data = json.loads(text)
    except ValueError:
        return text[:200]
    if isinstance(data, dict):
        if "error" in data:
            return describe_error(data["error"])[:300]
        if "detail" in data:
            return str(data["detail"])[:300]
    return text[:200]
