"""kill -9 in the middle of a batch: nothing lost, nothing translated twice."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from bayling_desktop.documents import open_document
from bayling_desktop.storage.projects import ProjectStore
from bayling_desktop.translation.pipeline import translate

from .fakes import FakeBackend, fake_translation

ROOT = Path(__file__).resolve().parents[3]
WORDS = ("alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo lima mike "
         "november oscar papa quebec romeo sierra tango")
LINES = [f"Line {n}: the {word} report is ready."
         for n, word in enumerate(WORDS.split(), start=1)]
WORKER = """
import sys
from pathlib import Path
from bayling_desktop.storage.projects import ProjectStore
from bayling_desktop.translation.pipeline import translate
from tests.unit.translation.fakes import FakeBackend
store = ProjectStore(Path(sys.argv[1]))
translate(store.open("resume"), FakeBackend(delay=0.01))
"""


def history(path: Path) -> list[tuple[int, str]]:
    conn = sqlite3.connect(path)
    try:
        return [(int(r[0]), str(r[1])) for r in conn.execute(
            "SELECT idx, author FROM history ORDER BY id")]
    finally:
        conn.close()


def test_killed_batch_resumes_without_losing_or_repeating(tmp_path: Path) -> None:
    document = tmp_path / "report.txt"
    document.write_text("\n\n".join(LINES) + "\n", encoding="utf-8")
    db = tmp_path / "projects.sqlite3"
    store = ProjectStore(db)
    store.create(open_document(document), "en", "zh", name="resume")
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    worker = subprocess.Popen([sys.executable, "-c", WORKER, str(db)], cwd=ROOT, env=env)
    deadline = time.monotonic() + 60
    while len(history(db)) < 5 and time.monotonic() < deadline and worker.poll() is None:
        time.sleep(0.01)
    worker.send_signal(signal.SIGKILL)
    worker.wait(10)
    before = history(db)
    assert 5 <= len(before) < len(LINES), "the worker must die mid-run"

    project = store.open("resume")
    statuses = [s.status for s in project.segments]
    assert statuses[:len(before)] == ["draft"] * len(before)
    # The segment in flight, if any, was left "translating": it is redone, not skipped.
    assert set(statuses[len(before):]) <= {"new", "translating"}
    backend = FakeBackend()
    report = translate(project, backend)
    assert backend.translated_sources == LINES[len(before):]
    assert report.translated == len(LINES) - len(before)
    after = history(db)
    assert sorted(idx for idx, _author in after) == list(range(len(LINES)))  # each once
    assert [s.target for s in store.open("resume").segments] == [
        fake_translation(line) for line in LINES]
    store.close()
