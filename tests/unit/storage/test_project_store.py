from __future__ import annotations

from pathlib import Path

from bayling_desktop.storage.projects import ProjectStore


def test_segments_history_and_memory(tmp_path: Path) -> None:
    store = ProjectStore(tmp_path / "p.sqlite3")
    project = store.open_or_create("doc", tmp_path / "doc.txt", "zh", "en",
                                   [("p1", "Hello"), ("p2", "World")])
    assert [s.status for s in project.segments] == ["new", "new"]
    store.save_segment(project, 0, "你好", "draft", [], "model")
    store.save_segment(project, 0, "您好", "edited", [], "user")
    assert store.history(project, 0) == [("你好", "draft", "model"), ("您好", "edited", "user")]
    assert store.memory.lookup("en", "zh", "Hello") == "您好"
    assert store.memory.lookup("en", "ja", "Hello") is None
    store.close()
    reopened = ProjectStore(tmp_path / "p.sqlite3")
    again = reopened.open("doc")
    assert again.segments[0].target == "您好" and [s.idx for s in again.unfinished()] == [1]


def test_edited_document_keeps_translations_of_unchanged_units(tmp_path: Path) -> None:
    store = ProjectStore(tmp_path / "p.sqlite3")
    project = store.open_or_create("doc", tmp_path / "d.txt", "zh", "",
                                   [("p1", "Hello"), ("p2", "World")])
    store.save_segment(project, 1, "世界", "draft", [], "model")
    changed = store.open_or_create("doc", tmp_path / "d.txt", "zh", "",
                                   [("p1", "Hi"), ("p2", "World"), ("p3", "New")])
    assert [(s.source, s.target, s.status) for s in changed.segments] == [
        ("Hi", "", "new"), ("World", "世界", "draft"), ("New", "", "new")]
