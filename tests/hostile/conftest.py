"""Helpers of the hostile-input suite: run the real CLI in a subprocess and judge its exit.

Every case asserts the same promises (issue 15): the exit code, exactly one sentence on
stderr, no traceback, no partial file left behind, the source untouched. Subprocesses
get ``BAYLING_DESKTOP_HOME`` pointing at the test's private folder (the autouse
``private_home`` fixture), so nothing touches the real data.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
NOBODY = 65534

if sys.platform == "win32":  # kill -9, SIGALRM, setuid, rlimits and mounts are POSIX
    collect_ignore = ["test_storage.py", "test_crashes.py", "test_projects.py", "test_fuzz.py"]


def cli(*args: str | os.PathLike[str], cwd: Path | None = None, timeout: float = 120,
        env: dict[str, str] | None = None, stdin: str | None = None,
        preexec: Callable[[], None] | None = None) -> subprocess.CompletedProcess[str]:
    """``python -m bayling_desktop ARGS`` with the test's private home."""
    full_env = dict(os.environ, PYTHONPATH=str(ROOT), PYTHONIOENCODING="utf-8")
    full_env.update(env or {})
    argv = [sys.executable, "-m", "bayling_desktop",
            *(os.fsdecode(a) if isinstance(a, os.PathLike) else a for a in args)]
    return subprocess.run(argv, cwd=cwd or ROOT, env=full_env, capture_output=True,
                          text=True, errors="backslashreplace", timeout=timeout,
                          input=stdin, preexec_fn=preexec)


def one_sentence(result: subprocess.CompletedProcess[str], code: int = 2,
                 contains: str | Sequence[str] = ()) -> str:
    """The run ended with *code* and exactly one line ``bayling-desktop: …`` on stderr."""
    err = result.stderr
    assert "Traceback" not in err, err
    lines = [line for line in err.splitlines() if line.strip()]
    errors = [line for line in lines if line.startswith("bayling-desktop: ")]
    assert result.returncode == code, (result.returncode, err)
    assert len(errors) == 1, err
    message = errors[0].removeprefix("bayling-desktop: ")
    print(f"[{result.returncode}] {message}")  # shown with -s: what the user reads
    assert message.rstrip().endswith((".", ")", "!", "?")), message
    for word in [contains] if isinstance(contains, str) else contains:
        assert word.lower() in message.lower(), message
    return message


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def leftovers(folder: Path) -> list[Path]:
    """Temporary files of an interrupted atomic write (``.NAME.*.part``)."""
    return [p for p in folder.rglob("*") if p.name.endswith(".part")]


def as_nobody() -> Callable[[], None] | None:
    """A preexec that drops root, so permission bits mean something (None: not root)."""
    if os.geteuid() != 0:
        return None

    def drop() -> None:
        os.setgroups([])
        os.setgid(NOBODY)
        os.setuid(NOBODY)

    return drop


@pytest.fixture
def shared_tmp() -> Iterator[Path]:
    """A folder another user can enter (pytest's tmp_path is private to root)."""
    import shutil
    import tempfile

    folder = Path(tempfile.mkdtemp(prefix="hostile-"))
    folder.chmod(0o777)
    yield folder
    for path in [folder, *folder.rglob("*")]:
        if not path.is_symlink():
            path.chmod(0o777 if path.is_dir() else 0o666)
    shutil.rmtree(folder, ignore_errors=True)


def consistent(db: Path) -> None:
    """The projects database is intact: SQLite's own check, contiguous segment positions per
    project, no row pointing at a missing project, memory rows complete."""
    import sqlite3

    conn = sqlite3.connect(db)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        for project_id, count, low, high in conn.execute(
                "SELECT project_id, count(*), min(idx), max(idx) FROM segments "
                "GROUP BY project_id"):
            assert (low, high) == (0, count - 1), f"project {project_id} has gaps"
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
        if "memory" in tables:
            assert conn.execute("SELECT count(*) FROM memory WHERE source = '' OR target = ''"
                                ).fetchone()[0] == 0
    finally:
        conn.close()
