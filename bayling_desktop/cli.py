"""Command-line entry: the GUI with no subcommand, or translate / chat / models.

Staged like qutebrowser's: parse arguments and handle the display-free commands
before anything imports Qt, so ``translate`` and ``chat`` run on a server without a
display and start fast.
"""

from __future__ import annotations

import argparse
import logging
import multiprocessing
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
    from .commands import chat, review, translate

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
    review.add_parser(subparsers)
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
    try:
        return _main(sys.argv[1:] if argv is None else argv)
    except KeyboardInterrupt:  # Ctrl-C before the command's own handling (imports, parsing)
        _say("interrupted.")
        return 130


def _main(argv: list[str]) -> int:
    # The quantizer runs in a spawned child process; a frozen app must let it start.
    multiprocessing.freeze_support()
    parser = build_parser()
    if _opens_files(argv, _command_names(parser)):
        return _run_gui(argv)
    args = parser.parse_args(argv)
    if args.command is None:
        return _run_gui(argv)
    logging.basicConfig(level=logging.DEBUG if args.verbose else logging.WARNING,
                        format="%(levelname)s %(name)s: %(message)s")
    try:
        _check_arguments(argv, args)
        code: int = args.run(args)
        return code
    except BaylingError as exc:
        _say(str(exc))
        return 2
    except KeyboardInterrupt:
        _say("interrupted.")
        return 130
    except BrokenPipeError:
        return 0
    except RecursionError:
        _say("the input is nested too deeply to be read.")
        return 2
    except UnicodeError as exc:
        if "surrogates not allowed" not in str(exc):
            return _unexpected(exc, args.verbose)
        _say("a file or folder name is not valid UTF-8 text; rename it and try again.")
        return 2
    except Exception as exc:
        return _unexpected(exc, args.verbose)


def _say(message: str) -> None:
    """One line on stderr, whatever the terminal's encoding (names may hold odd bytes).

    Messages that quote a library (lxml puts newlines in its own) are folded onto one line.
    """
    message = " ".join(message.split())
    sys.stderr.write(f"bayling-desktop: {message}\n".encode(
        sys.stderr.encoding or "utf-8", "backslashreplace").decode(
        sys.stderr.encoding or "utf-8", "replace"))
    sys.stderr.flush()


def _check_arguments(argv: list[str], args: argparse.Namespace) -> None:
    """Refuse what would otherwise fail deep inside with a raw library exception."""
    for arg in argv:
        if any("\udc80" <= char <= "\udcff" for char in arg):
            shown = arg.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
            raise BaylingError.plain(f"{shown} is not valid UTF-8 text (a file name from another "
                                     "system?); rename the file and try again.")
    base_url = getattr(args, "base_url", None)
    if base_url:
        from urllib.parse import urlsplit

        for url in base_url.replace(",", " ").split():
            try:
                urlsplit(url if "://" in url else f"http://{url}").port  # noqa: B018
            except ValueError as exc:
                raise BaylingError.plain(f"--base-url {url} is not a valid server address ({exc}); "
                                         "use one like http://127.0.0.1:8080/v1.") from None


def _unexpected(exc: Exception, verbose: bool) -> int:
    """A bug: one sentence on stderr, the traceback in a log file (and on stderr with -v)."""
    import traceback

    details = "".join(traceback.format_exception(exc))
    if verbose:
        sys.stderr.write(details)
    where = None
    for folder in _log_folders():
        try:
            where = folder / "cli-error.log"
            with where.open("a", encoding="utf-8", errors="backslashreplace") as log:
                log.write(details + "\n")
            break
        except OSError:
            where = None
    _say(f"unexpected error ({type(exc).__name__}: {exc}); "
         + (f"the details are in {where}." if where else "run with -v for the details."))
    return 1


def _log_folders() -> list[Path]:
    import tempfile

    folders = []
    try:
        from .paths import log_dir

        folders.append(log_dir())
    except (OSError, BaylingError):  # the data folder itself may be what is broken
        pass
    return [*folders, Path(tempfile.gettempdir())]


def gui_main() -> int:
    """Entry for the console-less launcher (Windows Start menu): always the app, files open."""
    multiprocessing.freeze_support()
    return _run_gui(sys.argv[1:])


if __name__ == "__main__":
    sys.exit(main())
