#!/usr/bin/env python3
"""Build the self-contained app folder: ``python3 packaging/build.py`` → dist/bayling-desktop/.

Uses the project's ./.venv (``python3 dev.py run`` creates it), installs PyInstaller into
it when missing, compiles the UI translations, runs packaging/bayling-desktop.spec and
prints the build time and the bundle size.

``--venv DIR`` builds from a separate environment layered over the project's: DIR gets
its own pip and PyInstaller and sees the project venv's packages through a ``.pth``
file, so a shared or read-only project venv is never modified.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import sysconfig
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "packaging" / "bayling-desktop.spec"
PROJECT_VENV = ROOT / ".venv"
PYINSTALLER = "pyinstaller>=6.5"


def venv_python(folder: Path) -> Path:
    return folder / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def site_packages(python: Path) -> Path:
    """The purelib folder of the environment that *python* belongs to."""
    out = subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_path("
                          "'purelib'))"], capture_output=True, text=True, check=True)
    return Path(out.stdout.strip())


def layered_venv(folder: Path, base_python: Path) -> Path:
    """A venv at *folder* that also imports everything installed for *base_python*.

    ``site.addsitedir`` (run from a ``.pth`` line) also processes the base's own ``.pth``
    files, so editable installs of the project resolve as they do in the base venv.
    """
    python = venv_python(folder)
    if not python.exists():
        print(f"creating the build environment {folder}", flush=True)
        # the base's interpreter makes it, so both share one Python version and ABI
        subprocess.check_call([str(base_python), "-m", "venv", str(folder)])
    base = site_packages(base_python)
    link = site_packages(python) / "_bayling_base_venv.pth"
    link.write_text(f"import site; site.addsitedir({str(base)!r})\n", encoding="utf-8")
    return python


def ensure_pyinstaller(python: Path) -> None:
    if subprocess.call([str(python), "-c", "import PyInstaller"],
                       stderr=subprocess.DEVNULL) == 0:
        return
    print(f"installing {PYINSTALLER} into {python.parent.parent}", flush=True)
    subprocess.check_call([str(python), "-m", "pip", "install", "-q", PYINSTALLER])


def compile_translations(python: Path) -> None:
    """Fresh .qm files for the bundle (the frozen app only reads them, as any install)."""
    script = ROOT / "bayling_desktop" / "ui" / "translation_build.py"
    if not script.exists():  # a build without the UI
        return
    if subprocess.call([str(python), str(script)], cwd=ROOT) != 0:
        compiled = list((ROOT / "bayling_desktop" / "resources" / "i18n").glob("*.qm"))
        if not compiled:
            sys.exit("the UI translations could not be compiled and none were built before")
        print("warning: the UI translations were not compiled; the bundle keeps the "
              ".qm files already in bayling_desktop/resources/i18n", file=sys.stderr)


def bundle_size(folder: Path) -> int:
    """Bytes on disk of the bundle, counting each file once (symlinks not followed)."""
    return sum(p.lstat().st_size for p in folder.rglob("*") if p.is_file()
               and not p.is_symlink())


def app_version() -> str:
    text = (ROOT / "bayling_desktop" / "__init__.py").read_text(encoding="utf-8")
    found = re.search(r'^__version__ = "([^"]+)"', text, re.MULTILINE)
    return found.group(1) if found else "0"


def archive(bundle: Path) -> Path:
    """``bayling-desktop-VERSION-PLATFORM.tar.gz`` holding the folder (symlinks kept)."""
    base = bundle.parent / f"bayling-desktop-{app_version()}-{sysconfig.get_platform()}"
    kind = "zip" if os.name == "nt" else "gztar"
    return Path(shutil.make_archive(str(base), kind, bundle.parent, bundle.name))


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--venv", type=Path, default=None, metavar="DIR",
                        help="build from DIR, a venv layered over the project's .venv "
                             "(created when missing)")
    parser.add_argument("--clean", action="store_true",
                        help="drop PyInstaller's caches in build/ first (slower)")
    parser.add_argument("--dist", type=Path, default=ROOT / "dist",
                        help="output folder (default: dist/)")
    parser.add_argument("--archive", action="store_true",
                        help="also pack the folder for download: .tar.gz (.zip on Windows)")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    base = venv_python(PROJECT_VENV)
    base = base if base.exists() else Path(sys.executable)
    python = layered_venv(args.venv.resolve(), base) if args.venv else base
    ensure_pyinstaller(python)
    compile_translations(python)
    command = [str(python), "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
               "--distpath", str(args.dist), "--workpath", str(ROOT / "build"), str(SPEC)]
    if args.clean:
        command.insert(3, "--clean")
    started = time.monotonic()
    if subprocess.call(command, cwd=ROOT) != 0:
        print("the PyInstaller build failed; see the messages above.", file=sys.stderr)
        return 1
    elapsed = time.monotonic() - started
    bundle = args.dist / "bayling-desktop"
    print(f"built {bundle} in {elapsed:.0f} s: {bundle_size(bundle) / 2**20:.0f} MiB "
          f"({sysconfig.get_platform()})")
    if args.archive:
        packed = archive(bundle)
        print(f"packed {packed}: {packed.stat().st_size / 2**20:.0f} MiB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
