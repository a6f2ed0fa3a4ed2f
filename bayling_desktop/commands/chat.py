"""``bayling-desktop chat``: one reply, or an interactive session, on stdout."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from ..config import Settings
from ..engine.backend import CancelToken, GenerationParams, Message
from ..engine.formats import format_for_model
from ..engine.gguf_info import read_gguf_info
from ..errors import BaylingError
from ..models.selection import prompt_format_for, resolve_model_path
from .common import add_model_options, open_backend, settings_from_args


def add_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser("chat", help="chat with the model",
                                   description="Chat with the model. With PROMPT, print one "
                                   "reply and exit; without, start an interactive session.")
    parser.add_argument("prompt", nargs="?", metavar="PROMPT")
    parser.add_argument("--history", metavar="FILE.json", type=Path,
                        help="earlier messages as an OpenAI-style JSON list")
    parser.add_argument("--system", metavar="TEXT", help="system prompt")
    parser.add_argument("--dry-run", action="store_true",
                        help="print the exact prompt string the model would receive and exit")
    parser.add_argument("--temperature", type=float, default=None)
    parser.add_argument("--max-tokens", type=int, default=None)
    add_model_options(parser)
    parser.set_defaults(run=run)


def read_history(path: Path) -> list[Message]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise BaylingError.plain(f"The history file {path} does not exist.") from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise BaylingError.plain(f"The history file {path} is not valid JSON ({exc}).") from None
    except RecursionError:  # e.g. [[[[…]]]] a hundred thousand deep
        raise BaylingError.plain(f"The history file {path} is nested too deeply to be a list of "
                                 "messages.") from None
    if not isinstance(data, list):
        raise BaylingError.plain(f"The history file {path} must hold a JSON list of messages.")
    try:
        return [Message.from_dict(item) for item in data]
    except (ValueError, AttributeError):
        raise BaylingError.plain(f"The history file {path} must hold messages like "
                                 '{"role": "user", "content": "..."}.') from None


def run(args: argparse.Namespace) -> int:
    settings = settings_from_args(args)
    messages: list[Message] = []
    if args.system:
        messages.append(Message("system", args.system))
    if args.history:
        messages.extend(read_history(args.history))
    params = GenerationParams(
        temperature=settings.temperature if args.temperature is None else args.temperature,
        top_p=settings.top_p, repeat_penalty=settings.repeat_penalty,
        max_tokens=args.max_tokens or settings.max_tokens)
    if args.dry_run:
        return _dry_run(args, settings, messages)
    backend = open_backend(args, settings)
    try:
        if args.prompt is not None:
            _, stopped = _reply(backend, [*messages, Message("user", args.prompt)], params)
            return 130 if stopped else 0  # Ctrl-C: the shell convention for SIGINT
        return _interactive(backend, messages, params)
    finally:
        backend.close()


def _dry_run(args: argparse.Namespace, settings: Settings, messages: list[Message]) -> int:
    """Render without loading weights: the format needs only the GGUF header."""
    path = resolve_model_path(settings, args.model)
    info = read_gguf_info(path)
    prompt_format = format_for_model(info, prompt_format_for(settings, path, args.chat_format))
    if args.prompt is not None:
        messages = [*messages, Message("user", args.prompt)]
    sys.stdout.write(prompt_format.render(messages).text)
    sys.stdout.flush()
    return 0


def _reply(backend: object, messages: list[Message],
           params: GenerationParams) -> tuple[str, bool]:
    """Stream one reply to stdout; returns its text and whether Ctrl-C stopped it."""
    from ..engine.backend import Backend

    assert isinstance(backend, Backend)
    cancel = CancelToken()
    completion = backend.stream(messages, params, cancel)
    try:
        for piece in completion:
            sys.stdout.write(piece)
            sys.stdout.flush()
    except KeyboardInterrupt:
        cancel.cancel()
        completion.close()
        sys.stdout.write("\n")
        print("[stopped]", file=sys.stderr)
        return completion.text, True
    sys.stdout.write("\n")
    sys.stdout.flush()
    if completion.stats:
        for notice in completion.stats.notices:
            print(f"note: {notice}", file=sys.stderr)
    return completion.text, False


def _interactive(backend: object, messages: list[Message], params: GenerationParams) -> int:
    print("Interactive chat. Ctrl+C stops a reply; /reset clears the conversation; "
          "/exit or Ctrl+D quits.", file=sys.stderr)
    while True:
        try:
            sys.stderr.write("> ")
            sys.stderr.flush()
            line = sys.stdin.readline()
        except KeyboardInterrupt:
            print(file=sys.stderr)
            return 0
        if not line:
            print(file=sys.stderr)
            return 0
        text = line.strip()
        if not text:
            continue
        if text in ("/exit", "/quit"):
            return 0
        if text == "/reset":
            messages = [m for m in messages if m.role == "system"]
            print("(conversation cleared)", file=sys.stderr)
            continue
        messages.append(Message("user", text))
        reply, _ = _reply(backend, messages, params)
        messages.append(Message("assistant", reply))
