#!/usr/bin/env python3
"""Build the self-contained app folder: ``python3 packaging/build.py`` → dist/bayling-desktop/.

Uses the project's ./.venv (created by ``python3 dev.py run``), installs PyInstaller into
it if missing, compiles the UI translations, and runs the spec. Prints the bundle size.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = ROOT / ".venv" / ("Scripts/python.exe" if sys.platform == "win32" else "bin/python")


def size_of(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def main() -> int:
    python = PYTHON if PYTHON.exists() else Path(sys.executable)
    if subprocess.call([str(python), "-c", "import PyInstaller"], stderr=subprocess.DEVNULL):
        subprocess.check_call([str(python), "-m", "pip", "install", "-q", "pyinstaller>=6.5"])
    subprocess.check_call([str(python), "-c", "from bayling_desktop.ui.i18n import "
                           "compile_translations; compile_translations()"], cwd=ROOT)
    started = time.monotonic()
    subprocess.check_call([str(python), "-m", "PyInstaller", "--noconfirm", "--clean",
                           "--log-level", "WARN",
                           "--distpath", str(ROOT / "dist"), "--workpath", str(ROOT / "build"),
                           str(ROOT / "packaging" / "bayling-desktop.spec")], cwd=ROOT)
    bundle = ROOT / "dist" / "bayling-desktop"
    print(f"built {bundle} in {time.monotonic() - started:.0f} s, "
          f"{size_of(bundle) / 1e6:.0f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
