"""The frozen app (PyInstaller onedir) works on its own: CLI, a real translation, the GUI.

Runs when a bundle exists (``python3 packaging/build.py``, or $BAYLING_FROZEN_APP pointing
at the executable); ``python3 dev.py test`` builds one before running the suite.
"""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
FROZEN = Path(os.environ.get("BAYLING_FROZEN_APP",
                             ROOT / "dist" / "bayling-desktop" / "bayling-desktop"))

pytestmark = pytest.mark.skipif(not FROZEN.exists(),
                                reason="no frozen build (run python3 packaging/build.py)")


def run(*args: str | Path, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(FROZEN), *map(str, args)], capture_output=True, text=True,
                          env=dict(os.environ, **env), timeout=300)


def test_version() -> None:
    result = run("--version")
    assert result.returncode == 0, result.stderr
    assert "BayLing Desktop" in result.stdout and "llama-cpp-python" in result.stdout


@pytest.mark.model
def test_translates_one_sentence(tmp_path: Path, qwen_model_path: Path) -> None:
    source = tmp_path / "s.txt"
    source.write_text("The weather is nice today.\n", encoding="utf-8")
    result = run("translate", source, "--to", "zh", "--from", "en", "--model", qwen_model_path)
    assert result.returncode == 0, result.stderr
    assert re.search(r"[\u4e00-\u9fff]", (tmp_path / "s.zh.txt").read_text(encoding="utf-8"))


def test_gui_starts_offscreen_and_exits_cleanly() -> None:
    result = run(QT_QPA_PLATFORM="offscreen", BAYLING_DESKTOP_QUIT_AFTER_MS="2000")
    assert result.returncode == 0, result.stderr
