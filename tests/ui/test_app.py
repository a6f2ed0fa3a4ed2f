"""Start-up pieces: the real GUI entry in a subprocess, crash reporting, translations."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from bayling_desktop.ui.crash import CrashReporter
from bayling_desktop.ui.i18n import SOURCE_DIR, compile_translations, resolve_language
from bayling_desktop.ui.translation_build import PACKAGE_DIR

ROOT = PACKAGE_DIR.parent


def test_the_gui_starts_offscreen_and_quits_cleanly(private_home: Path,
                                                    tmp_path: Path) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", BAYLING_DESKTOP_QUIT_AFTER_MS="1500",
               BAYLING_DESKTOP_HOME=str(private_home),
               BAYLING_DESKTOP_MODEL_CACHE=str(tmp_path / "no-models"))
    env.pop("BAYLING_MODEL", None)
    started = time.monotonic()
    done = subprocess.run([sys.executable, "-m", "bayling_desktop"], env=env,
                          capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    assert time.monotonic() - started >= 1.5
    assert "Traceback" not in done.stderr
    assert not (private_home / "log" / "crash.log").exists()


def test_an_unhandled_error_is_logged_and_shown(qtbot: QtBot, private_home: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    shown: list[tuple[str, str]] = []

    buttons: list[str] = []

    def fake_exec(box: QMessageBox) -> int:
        shown.append((box.text(), box.detailedText()))
        buttons.extend(button.text() for button in box.buttons())
        return 0

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    reporter = CrashReporter()
    try:
        raise ValueError("boom in a slot")
    except ValueError as exc:
        with qtbot.waitSignal(reporter.reported, timeout=1_000):
            reporter.excepthook(type(exc), exc, exc.__traceback__)
    qtbot.waitUntil(lambda: len(shown) == 1, timeout=1_000)
    log = (private_home / "log" / "crash.log").read_text(encoding="utf-8")
    assert "Traceback" in log and "ValueError: boom in a slot" in log
    text, details = shown[0]
    assert "crash.log" in text and "Traceback" not in text
    assert details == "ValueError: boom in a slot"
    assert "Open log file" in buttons


def test_start_up_reads_translations_and_never_writes_them(private_home: Path,
                                                           tmp_path: Path) -> None:
    """A checkout whose .qm files were never built: the app starts (in English), and the
    package folder gets nothing; compiling is the install's job (setup.py, dev.py)."""
    root = tmp_path / "checkout"
    shutil.copytree(ROOT / "bayling_desktop", root / "bayling_desktop",
                    ignore=shutil.ignore_patterns("__pycache__", "*.qm"))
    shutil.copytree(SOURCE_DIR, root / "resources" / "i18n")  # the sources are right there
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", BAYLING_DESKTOP_QUIT_AFTER_MS="500",
               BAYLING_DESKTOP_HOME=str(private_home), PYTHONPATH=str(root),
               PYTHONDONTWRITEBYTECODE="1",
               BAYLING_DESKTOP_MODEL_CACHE=str(tmp_path / "no-models"))
    env.pop("BAYLING_MODEL", None)
    done = subprocess.run([sys.executable, "-m", "bayling_desktop"], env=env, cwd=tmp_path,
                          capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    assert not list((root / "bayling_desktop").rglob("*.qm"))


def test_translations_compile_and_are_rebuilt_only_when_stale(tmp_path: Path) -> None:
    built = compile_translations(SOURCE_DIR, tmp_path)
    qm = tmp_path / "bayling_desktop_zh_CN.qm"
    assert built == [qm] and qm.stat().st_size > 1000
    assert compile_translations(SOURCE_DIR, tmp_path) == []
    old = (SOURCE_DIR / "bayling_desktop_zh_CN.ts").stat().st_mtime - 10
    os.utime(qm, (old, old))
    assert compile_translations(SOURCE_DIR, tmp_path) == [qm]


def test_language_settings_resolve() -> None:
    assert resolve_language("zh_CN") == "zh_CN"
    assert resolve_language("en") == "en"
    assert resolve_language("system") in ("en", "zh_CN")
