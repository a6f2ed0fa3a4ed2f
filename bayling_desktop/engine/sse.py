"""Reading an OpenAI-style Server-Sent-Events stream, strictly enough to notice garbage.

A URL that is not an OpenAI-compatible server (a web page, a proxy's login form, a
server speaking another protocol) must end in one sentence naming the URL, never in
an empty "successful" reply; a server that sends only keep-alive comments must time
out like a silent one. Both rules live here, next to the parser, with no HTTP in it.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterator
from typing import Any

from ..errors import GenerationError


class RemoteError(GenerationError):
    """The server could not be reached, refused the request, or answered nonsense."""


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
            continue
        field, _, value = line.partition(":")
        if field == "data":
            data.append(value[1:] if value.startswith(" ") else value)
            last_data = time.monotonic()
            continue
        if field == "error":
            raise RemoteError(f"The server at {where} reported an error: {value.strip()}")
        if field and field not in ("event", "id", "retry"):
            raise RemoteError(f"The server at {where} sent a stream this app cannot read "
                              f"({line[:40]!r}); is it an OpenAI-compatible server?")
        # comments (": keep-alive") and event/id/retry fields carry no reply
        if time.monotonic() - last_data > timeout:
            raise RemoteError(f"The server at {where} sent no data for {timeout:g} seconds "
                              "(only keep-alive messages); it may be overloaded or stuck.")


def parse_chunk(event: str, where: str) -> dict[str, Any]:
    try:
        chunk = json.loads(event)
    except ValueError as exc:
        raise RemoteError(f"The server at {where} sent a reply that is not valid JSON; is it "
                          "an OpenAI-compatible server?") from exc
    if not isinstance(chunk, dict):
        raise RemoteError(f"The server at {where} sent a reply this app cannot read; is it an "
                          "OpenAI-compatible server?")
    if "error" in chunk:
        raise RemoteError(f"The server at {where} reported an error: "
                          f"{describe_error(chunk['error'])}")
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
