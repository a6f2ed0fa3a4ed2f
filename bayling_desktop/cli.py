"""Command-line entry: the GUI with no subcommand, or translate / chat / models.

Staged like qutebrowser's: parse arguments and handle the display-free commands
before anything imports Qt, so ``translate`` and ``chat`` run on a server without a
display and start fast.
"""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

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


def _command_names(parser: argparse.ArgumentParser) -> set[str]:
    return {name for action in parser._actions
            if isinstance(action, argparse._SubParsersAction) for name in action.choices}


def _opens_files(argv: list[str], commands: set[str]) -> bool:
    """True when the first positional argument is a file to open, not a command.

    The file manager runs ``bayling-desktop FILE…`` (the .desktop file's ``%F``): an
    existing file, or anything that is not a command name, means "open in the app".
    """
    skip = False
    for arg in argv:
        if skip:
            skip = False
        elif arg == "--":
            return True
        elif arg == "--model":
            skip = True
        elif not arg.startswith("-"):
            return arg not in commands or Path(arg).exists()
    return False


def _run_gui(argv: list[str]) -> int:
    """The desktop app with the files named in *argv* (``[--model GGUF] [-v] [FILE…]``)."""
    parser = argparse.ArgumentParser(prog="bayling-desktop",
                                     description="Open FILEs in the desktop app.")
    parser.add_argument("--model", metavar="GGUF", help="model file for the desktop app")
    parser.add_argument("-v", "--verbose", action="store_true", help="log details to stderr")
    parser.add_argument("files", nargs="*", metavar="FILE", help="documents to open")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.DEBUG if args.verbose else logging.WARNING,
                        format="%(levelname)s %(name)s: %(message)s")
    from .app import run_gui

    return run_gui([sys.argv[0]], model=args.model,
                   files=[Path(name).absolute() for name in args.files])


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    parser = build_parser()
    if _opens_files(argv, _command_names(parser)):
        return _run_gui(argv)
    args = parser.parse_args(argv)
    if args.command is None:
        return _run_gui(argv)
    logging.basicConfig(level=logging.DEBUG if args.verbose else logging.WARNING,
                        format="%(levelname)s %(name)s: %(message)s")
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
    """Entry for the console-less launcher (Windows Start menu): always the app, files open."""
    return _run_gui(sys.argv[1:])


if __name__ == "__main__":
    sys.exit(main())
