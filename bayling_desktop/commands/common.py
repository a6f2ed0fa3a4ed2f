"""Options shared by the subcommands that talk to a model."""

from __future__ import annotations

import argparse

from ..config import Settings, check_option, load_settings
from ..engine.backend import Backend
from ..engine.formats import FORMAT_NAMES
from ..models.selection import load_backend


def add_model_options(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("model")
    group.add_argument("--model", metavar="GGUF",
                       help="model file (default: $BAYLING_MODEL, the configured model, "
                            "or the embedded default model)")
    group.add_argument("--chat-format", choices=FORMAT_NAMES, default=None,
                       help="prompt format (default: detected from the model)")
    group.add_argument("--ctx", type=int, default=None, metavar="N",
                       help="context length in tokens")
    group.add_argument("--threads", type=int, default=None, metavar="N")
    group.add_argument("--parallel", type=_parallel, default=None, metavar="N",
                       help="sequences (or server requests) run at once; 0 = auto, "
                            "1 = one at a time")
    group.add_argument("--backend", choices=("local", "openai"), default=None,
                       help="run the model locally (default) or on an OpenAI-compatible server")
    group.add_argument("--base-url", default=None, help="server URL for --backend openai")
    group.add_argument("--api-model", default=None, help="model name on the server")


def _parallel(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = -1
    if not 0 <= value <= 64:
        raise argparse.ArgumentTypeError(f"expected a number from 0 (auto) to 64, not {text!r}")
    return value


def settings_from_args(args: argparse.Namespace) -> Settings:
    settings = load_settings()
    for name, option in (("context_length", "--ctx"), ("threads", "--threads")):
        value = getattr(args, option.removeprefix("--"))
        if value is not None:  # refused before llama.cpp sees it (it aborts on some)
            check_option(name, value, option)
    if args.ctx:
        settings.context_length = args.ctx
    if args.threads:
        settings.threads = args.threads
    if getattr(args, "parallel", None) is not None:
        settings.parallel_sequences = args.parallel
    if args.backend:
        settings.backend = args.backend
    if args.base_url:
        settings.remote_base_url = args.base_url
    if args.api_model:
        settings.remote_model = args.api_model
    return settings


def open_backend(args: argparse.Namespace, settings: Settings) -> Backend:
    return load_backend(settings, args.model, args.chat_format)
