"""Command-line entry: the GUI with no subcommand, or translate / chat / models.

Staged like qutebrowser's: parse arguments and handle the display-free commands
before anything imports Qt, so ``translate`` and ``chat`` run on a server without a
display and start fast.
"""

from __future__ import annotations

import argparse
import logging
import sys

from . import APP_NAME, __version__
from .errors import BaylingError


def _versions() -> str:
    try:
        import llama_cpp

        llama = f"llama-cpp-python {llama_cpp.__version__}"
    except ImportError:  # pragma: no cover - a broken install
        llama = "llama-cpp-python missing"
    return f"{APP_NAME} {__version__} ({llama}, Python {sys.version.split()[0]})"


def build_parser() -> argparse.ArgumentParser:
    from .commands import chat, translate

    parser = argparse.ArgumentParser(
        prog="bayling-desktop",
        description="Offline translation assistant running BayLing locally. "
                    "Without a command, opens the desktop app.")
    parser.add_argument("--version", action="version", version=_versions())
    parser.add_argument("--model", metavar="GGUF", help="model file for the desktop app")
    parser.add_argument("-v", "--verbose", action="store_true", help="log details to stderr")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    translate.add_parser(subparsers)
    chat.add_parser(subparsers)
    try:
        from .models.cli import add_parser as add_models_parser
    except ImportError:
        pass
    else:
        add_models_parser(subparsers)
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.DEBUG if args.verbose else logging.WARNING,
                        format="%(levelname)s %(name)s: %(message)s")
    if args.command is None:
        from .app import run_gui

        return run_gui([sys.argv[0]], model=args.model)
    try:
        code: int = args.run(args)
        return code
    except BaylingError as exc:
        print(f"bayling-desktop: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("bayling-desktop: interrupted.", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


def gui_main() -> int:
    """Entry for the console-less launcher (Windows Start menu)."""
    return main([])


if __name__ == "__main__":
    sys.exit(main())
