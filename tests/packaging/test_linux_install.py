"""The built folder installs itself for one user, starts from the menu entry, and uninstalls."""

from __future__ import annotations

import configparser
import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from bayling_desktop import APP_ID, __version__

ROOT = Path(__file__).resolve().parents[2]
FROZEN = Path(os.environ.get("BAYLING_FROZEN_APP") or ROOT / "dist" / "bayling-desktop"
              / "bayling-desktop")
BUNDLE = FROZEN.parent

pytestmark = [
    pytest.mark.skipif(not sys.platform.startswith("linux"), reason="install.sh is for Linux"),
    pytest.mark.skipif(not (BUNDLE / "install.sh").is_file(),
                       reason=f"no built app folder with install.sh at {BUNDLE}: run "
                              "`python3 packaging/build.py`"),
]


def test_install_start_and_uninstall(tmp_path: Path) -> None:
    home = tmp_path / "home"
    data = home / ".local" / "share"
    prefix = home / ".local" / "opt" / "bayling-desktop"
    env = dict(os.environ, HOME=str(home), XDG_DATA_HOME=str(data))
    env.pop("BAYLING_PREFIX", None)
    env.pop("BAYLING_BIN_DIR", None)
    installed = subprocess.run(["sh", str(BUNDLE / "install.sh")], env=env,
                               capture_output=True, text=True, timeout=300)
    assert installed.returncode == 0, installed.stderr

    entry_file = data / "applications" / f"{APP_ID}.desktop"
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # type: ignore[assignment,method-assign]
    entry.read(entry_file, encoding="utf-8")
    command = shlex.split(entry["Desktop Entry"]["Exec"])
    assert command == [str(prefix / "bayling-desktop"), "%F"]
    assert entry["Desktop Entry"]["TryExec"] == str(prefix / "bayling-desktop")
    if shutil.which("desktop-file-validate"):
        checked = subprocess.run(["desktop-file-validate", str(entry_file)],
                                 capture_output=True, text=True)
        assert checked.returncode == 0, checked.stdout
    for size in (16, 32, 48, 64, 128, 256, 512):
        icon = data / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        assert icon.read_bytes()[:4] == b"\x89PNG"
    assert (data / "metainfo" / f"{APP_ID}.metainfo.xml").is_file()

    # what the menu entry starts is the installed copy, and it runs
    started = subprocess.run([command[0], "--version"], env=env, capture_output=True,
                             text=True, timeout=60)
    assert started.returncode == 0 and __version__ in started.stdout, started.stderr
    link = home / ".local" / "bin" / "bayling-desktop"
    assert link.resolve() == (prefix / "bayling-desktop").resolve()

    (data / "bayling-desktop").mkdir(parents=True)  # the user's models and chats
    removed = subprocess.run(["sh", str(prefix / "install.sh"), "--uninstall"], env=env,
                             capture_output=True, text=True, timeout=120)
    assert removed.returncode == 0, removed.stderr
    assert not prefix.exists() and not link.exists() and not entry_file.exists()
    leftovers = [p for p in data.rglob("*") if p.is_file() and APP_ID in p.name]
    assert not leftovers
    assert (data / "bayling-desktop").is_dir()
