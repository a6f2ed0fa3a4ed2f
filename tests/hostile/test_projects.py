"""Issue 15 item 2: an edited document resumes by content, not position; one writer per
project."""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from bayling_desktop.documents import open_document
from bayling_desktop.storage.projects import ProjectError, ProjectStore
from bayling_desktop.translation.session import DocumentSession

from .conftest import ROOT, consistent

pytestmark = pytest.mark.hostile

PARAGRAPHS = ["The parcel arrives on Monday.", "Please sign the delivery note.",
              "The courier calls first.", "Keep the receipt.", "Thank you for waiting."]


def fake(text: str) -> str:
    return f"«{text}»"


def write(path: Path, paragraphs: list[str]) -> Path:
    path.write_text("\n\n".join(paragraphs) + "\n", encoding="utf-8")
    return path


def units_of(path: Path) -> list[tuple[str, str]]:
    return [(u.id, u.source) for u in open_document(path).units]


def translated_project(tmp_path: Path) -> tuple[ProjectStore, Path]:
    doc = write(tmp_path / "letter.txt", PARAGRAPHS)
    store = ProjectStore(tmp_path / "projects.sqlite3")
    project = store.create(open_document(doc), "en", "zh", name="letter")
    for segment in project.segments:
        project.set_target(segment.idx, fake(segment.source), "draft", "model")
    project.set_target(2, "快递员会先打电话。", "edited", "user")
    store.close()
    return ProjectStore(tmp_path / "projects.sqlite3"), doc


def test_a_paragraph_inserted_at_the_top_shifts_nothing(tmp_path: Path) -> None:
    store, doc = translated_project(tmp_path)
    write(doc, ["A new first line.", *PARAGRAPHS])
    project = store.open_or_create("letter", doc, "zh", "en", units_of(doc))
    assert project.requeued == 1 and project.dropped == 0
    by_source = {s.source: s for s in project.segments}
    assert by_source["A new first line."].status == "new"
    for text in PARAGRAPHS:
        expected = "快递员会先打电话。" if text == PARAGRAPHS[2] else fake(text)
        assert by_source[text].target == expected, text
    # The history and status moved with the segment: undo still works on the right one.
    moved = by_source[PARAGRAPHS[2]]
    assert [e.author for e in project.history(moved.idx)] == ["model", "user"]
    assert project.undo_target(moved.idx).target == fake(PARAGRAPHS[2])
    out = tmp_path / "letter.zh.txt"
    DocumentSession.of_project(project, open_document(doc)).export(out)
    lines = [line for line in out.read_text(encoding="utf-8").split("\n") if line.strip()]
    assert lines == ["A new first line.", *(fake(t) for t in PARAGRAPHS)]
    store.close()
    consistent(store.path)


def test_changed_units_are_requeued_and_removed_ones_kept_in_history(tmp_path: Path) -> None:
    store, doc = translated_project(tmp_path)
    edited = [PARAGRAPHS[0], "Please sign the delivery note twice.", *PARAGRAPHS[3:]]
    write(doc, edited)  # paragraph 2 changed, paragraph 3 removed
    project = store.open_or_create("letter", doc, "zh", "en", units_of(doc))
    assert (project.requeued, project.dropped) == (1, 2)
    assert [s.source for s in project.segments] == edited
    assert [s.status for s in project.segments] == ["draft", "new", "draft", "draft"]
    assert [s.target for s in project.segments] == [fake(edited[0]), "", fake(edited[2]),
                                                    fake(edited[3])]
    assert project.unfinished() == [project.segments[1]]
    # Nothing was deleted: the removed segments' history rows still exist, detached.
    conn = sqlite3.connect(store.path)
    kept = {r[0] for r in conn.execute("SELECT target FROM history WHERE idx < 0")}
    assert {"快递员会先打电话。", fake(PARAGRAPHS[2]), fake(PARAGRAPHS[1])} <= kept
    conn.close()
    again = store.open_or_create("letter", doc, "zh", "en", units_of(doc))
    assert (again.requeued, again.dropped) == (0, 0)  # a second open is no change
    store.close()
    consistent(store.path)


def test_a_reordered_document_keeps_every_translation(tmp_path: Path) -> None:
    store, doc = translated_project(tmp_path)
    write(doc, list(reversed(PARAGRAPHS)))
    project = store.open_or_create("letter", doc, "zh", "en", units_of(doc))
    assert project.requeued == 0
    assert all(s.status in ("draft", "edited") for s in project.segments)
    assert project.segments[-1].target == fake(PARAGRAPHS[0])
    store.close()


HOLDER = """
import sys, time
from pathlib import Path
from bayling_desktop.storage.projects import ProjectStore
store = ProjectStore(Path(sys.argv[1]))
store.open_or_create("letter", Path(sys.argv[2]), "zh", "en", [("p1", "One.")])
print("locked", flush=True)
time.sleep(60)
"""


def test_a_second_process_is_refused_until_the_first_dies(tmp_path: Path) -> None:
    db, doc = tmp_path / "projects.sqlite3", write(tmp_path / "letter.txt", ["One."])
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(db), str(doc)], cwd=ROOT,
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        store = ProjectStore(db)
        with pytest.raises(ProjectError, match="is open in another window or process"):
            store.open_or_create("letter", doc, "zh", "en", [("p1", "One.")])
        assert store.open("letter").segments[0].source == "One."  # reading is fine
        holder.send_signal(signal.SIGKILL)  # a crash must not leave a stale lock
        holder.wait(10)
        deadline = time.monotonic() + 5
        project = None
        while project is None:
            try:
                project = store.open_or_create("letter", doc, "zh", "en", [("p1", "One.")])
            except ProjectError:
                assert time.monotonic() < deadline
                time.sleep(0.05)
        project.set_target(0, "一。", "draft", "model")
        store.close()
    finally:
        holder.kill()
        holder.wait(10)


def test_two_windows_in_one_process_exclude_each_other(tmp_path: Path) -> None:
    doc = write(tmp_path / "letter.txt", ["One."])
    first, second = (ProjectStore(tmp_path / "projects.sqlite3") for _ in range(2))
    opened = first.open_or_create("letter", doc, "zh", "en", [("p1", "One.")])
    assert first.open_or_create("letter", doc, "zh", "en", [("p1", "One.")]).id == opened.id
    with pytest.raises(ProjectError, match="open in another window"):
        second.open_or_create("letter", doc, "zh", "en", [("p1", "One.")])
    first.release(opened)
    assert second.open_or_create("letter", doc, "zh", "en", [("p1", "One.")]).id == opened.id
    first.close()
    second.close()
