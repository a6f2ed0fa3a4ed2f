#!/usr/bin/env python3
"""Set up and run BayLing Desktop from a source checkout, with nothing but Python 3.11+.

    python3 dev.py run      install into ./.venv (first time only) and start the app
    python3 dev.py test     install, then ruff + mypy, build the frozen app, run all tests
    python3 dev.py bench    install, then run the benchmarks

The virtual environment is reinstalled only when pyproject.toml changes, so the
one slow step (compiling llama-cpp-python, ~6 minutes on 2 cores) happens once.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PYTHON = BIN / ("python.exe" if os.name == "nt" else "python")
STAMP = VENV / ".dev-stamp"

#: shared libraries Qt needs on a bare Debian/Ubuntu (offscreen and xcb platforms) plus CJK fonts
DEBIAN_PACKAGES = ("libegl1", "libgl1", "libxkbcommon0", "libxkbcommon-x11-0", "libfontconfig1",
                   "libdbus-1-3", "libglib2.0-0", "libxcb-cursor0", "libxcb-icccm4",
                   "libxcb-keysyms1")
#: validators for the .desktop and AppStream files (tests/packaging) and EPUB output
TEST_PACKAGES = ("desktop-file-utils", "appstream", "epubcheck", "gettext")


def say(message: str) -> None:
    print(f"[dev] {message}", flush=True)


def sh(*args: str | Path, env: dict[str, str] | None = None) -> int:
    return subprocess.call([str(a) for a in args], cwd=ROOT, env=env)


def ensure_system_packages(packages: tuple[str, ...] = DEBIAN_PACKAGES) -> None:
    """Install missing Debian packages when we can (root with apt); otherwise just advise."""
    if sys.platform != "linux" or not shutil.which("dpkg-query"):
        return
    missing = [p for p in packages if b"install ok installed" not in subprocess.run(
        ["dpkg-query", "-W", "-f=${Status}", p], capture_output=True).stdout]
    if not missing:
        return
    if os.geteuid() == 0 and shutil.which("apt-get"):
        say(f"installing system packages: {' '.join(missing)}")
        env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
        subprocess.call(["apt-get", "update", "-qq"], env=env)
        subprocess.call(["apt-get", "install", "-y", "-qq", "--no-install-recommends", *missing],
                        env=env)
    else:
        say(f"note: Qt may need these system packages: {' '.join(missing)}")


def ensure_venv(extras: str) -> None:
    wanted = hashlib.sha256((ROOT / "pyproject.toml").read_bytes() + extras.encode()).hexdigest()
    if STAMP.exists() and STAMP.read_text().strip() == wanted:
        return
    if not PYTHON.exists():
        say(f"creating the virtual environment in {VENV}")
        venv.EnvBuilder(with_pip=True).create(VENV)
    say("installing BayLing Desktop and its dependencies (the first time compiles llama.cpp: "
        "several minutes)")
    env = dict(os.environ, CMAKE_BUILD_PARALLEL_LEVEL=str(os.cpu_count() or 2))
    steps = [
        (PYTHON, "-m", "pip", "install", "-q", "--upgrade", "pip"),
        (PYTHON, "-m", "pip", "install", "-q", "-e", f".[{extras}]"),
    ]
    for step in steps:
        if sh(*step, env=env) != 0:
            sys.exit("[dev] installation failed; see the messages above.")
    STAMP.write_text(wanted + "\n")


def build_translations() -> None:
    """Compile the Qt Linguist .ts sources that changed since the install built them.

    The install compiles them (setup.py); a .ts edited afterwards is rebuilt here, before
    the app or the tests start. Generated .qm files are never committed, and the app
    never writes them itself.
    """
    script = ROOT / "bayling_desktop" / "ui" / "translation_build.py"
    if script.exists() and sh(PYTHON, script) != 0:
        sys.exit("[dev] the UI translations could not be compiled; see the messages above.")


def run_app(extra: list[str]) -> int:
    ensure_system_packages()
    ensure_venv("default-model")
    build_translations()
    if sys.platform == "linux" and not (os.environ.get("DISPLAY") or
                                        os.environ.get("WAYLAND_DISPLAY") or
                                        os.environ.get("QT_QPA_PLATFORM")):
        say("no display found: set DISPLAY, or QT_QPA_PLATFORM=offscreen to run headless.")
    return sh(BIN / "bayling-desktop", *extra)


def run_tests(extra: list[str]) -> int:
    ensure_system_packages(DEBIAN_PACKAGES + TEST_PACKAGES)
    ensure_venv("default-model,test-models,test,bench")
    build_translations()
    say("ruff")
    if sh(PYTHON, "-m", "ruff", "check", "bayling_desktop", "tests", "benchmarks", "dev.py"):
        return 1
    say("mypy")
    if sh(PYTHON, "-m", "mypy"):
        return 1
    say("building the frozen app (PyInstaller) for its smoke test")
    if sh(PYTHON, ROOT / "packaging" / "build.py"):
        return 1
    say("pytest")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONDONTWRITEBYTECODE="1")
    return sh(PYTHON, "-m", "pytest", "-q", "-p", "no:cacheprovider", *extra, env=env)


def run_benchmarks(extra: list[str]) -> int:
    ensure_venv("default-model,test-models,test,bench")
    return sh(PYTHON, str(ROOT / "benchmarks" / "run.py"), *extra)


def main() -> int:
    command, extra = (sys.argv[1], sys.argv[2:]) if len(sys.argv) > 1 else ("", [])
    if command == "run":
        return run_app(extra)
    if command == "test":
        return run_tests(extra)
    if command == "bench":
        return run_benchmarks(extra)
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main())
