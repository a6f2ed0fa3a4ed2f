"""Compiling the Qt Linguist sources (``.ts``) into the ``.qm`` files Qt loads.

A build step, never something the running app does: the package folder of an installed
app may be read-only or shared, and a start-up that writes into it hides a broken build.
Three builds call :func:`compile_translations`: the wheel (``setup.py``'s ``build_py``,
in place for an editable install), ``dev.py`` after installing, and
``packaging/build.py`` before PyInstaller. This module imports nothing but the standard
library, so ``setup.py`` loads it by path in a build environment where the package
itself is not importable; ``lrelease`` comes from PySide6 (a build requirement).
"""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent.parent
#: the editable sources (a source checkout or an sdist)
SOURCE_DIR = PACKAGE_DIR.parent / "resources" / "i18n"
#: where the app looks for the compiled catalogues (package data)
COMPILED_DIR = PACKAGE_DIR / "resources" / "i18n"


class TranslationBuildError(RuntimeError):
    pass


def _lrelease() -> str:
    """PySide6's lrelease: beside this Python, on PATH, or inside the PySide6 package."""
    beside = Path(sys.executable).with_name("pyside6-lrelease")
    if beside.exists():
        return str(beside)
    found = shutil.which("pyside6-lrelease") or shutil.which("lrelease")
    if found is not None:
        return found
    spec = importlib.util.find_spec("PySide6")  # found, not imported: no Qt loaded
    for folder in (spec.submodule_search_locations or []) if spec else []:
        for name in ("lrelease", "lrelease.exe"):
            if (Path(folder) / name).is_file():
                return str(Path(folder) / name)
    raise TranslationBuildError("pyside6-lrelease was not found; install PySide6.")


def compile_translations(source_dir: Path = SOURCE_DIR, target_dir: Path = COMPILED_DIR,
                         force: bool = False) -> list[Path]:
    """Build every ``.ts`` into a ``.qm`` that is missing or older; return those built."""
    built: list[Path] = []
    if not source_dir.is_dir():
        return built
    target_dir.mkdir(parents=True, exist_ok=True)
    for source in sorted(source_dir.glob("*.ts")):
        target = target_dir / source.with_suffix(".qm").name
        if not force and target.exists() and target.stat().st_mtime >= source.stat().st_mtime:
            continue
        done = subprocess.run([_lrelease(), "-silent", str(source), "-qm", str(target)],
                              capture_output=True, text=True, check=False)
        if done.returncode != 0 or not target.exists():
            raise TranslationBuildError(f"lrelease failed for {source.name}: "
                                        f"{done.stderr.strip() or done.stdout.strip()}")
        built.append(target)
    return built


if __name__ == "__main__":  # python bayling_desktop/ui/translation_build.py
    for path in compile_translations():
        print(f"built {path}")
