from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from bayling_desktop.documents import open_document
from bayling_desktop.flags import Flag
from bayling_desktop.storage.database import open_database
from bayling_desktop.storage.projects import MIGRATIONS, Project, ProjectError, ProjectStore
from tests.unit.conftest import SENTENCES


def test_create_list_open_and_delete(store: ProjectStore, project: Project,
                                     doc_path: Path) -> None:
    assert project.name == "order.txt → zh" and project.format == "txt"
    assert [s.source for s in project.segments] == SENTENCES
    assert all(s.status == "new" for s in project.segments)
    second = store.create(open_document(doc_path), "en", "ja")
    assert second.name == "order.txt → ja"
    again = store.create(open_document(doc_path), "en", "zh")
    assert again.name == "order.txt → zh (2)"
    with pytest.raises(ProjectError, match="already exists"):
        store.create(open_document(doc_path), "en", "zh", name=project.name)
    project.set_target(0, "包裹周一到。", "draft", "model")
    infos = {info.name: info for info in store.infos()}
    assert (infos[project.name].done, infos[project.name].total) == (1, len(SENTENCES))
    assert store.open(project.id).segments[0].target == "包裹周一到。"
    store.delete(second.id)
    assert second.name not in store.names()
    with pytest.raises(ProjectError, match="no project"):
        store.open(second.id)


def test_every_change_is_saved_at_once_and_resumes(tmp_path: Path, store: ProjectStore,
                                                   project: Project) -> None:
    project.set_status(1, "translating")
    project.set_target(0, "包裹周一到。", "draft", "model", [Flag("numbers", {"missing": "1"})])
    # A second connection (another process) sees the committed segment immediately.
    other = ProjectStore(store.path)
    reopened = other.open(project.name)
    assert reopened.segments[0].target == "包裹周一到。"
    assert reopened.segments[0].flags == [Flag("numbers", {"missing": "1"})]
    # "translating" is not done: a crash mid-segment means it is translated again.
    assert [s.idx for s in reopened.unfinished()] == list(range(1, len(SENTENCES)))
    other.close()


def test_undo_walks_back_through_history(project: Project) -> None:
    project.set_target(2, "快递员会先打电话。", "draft", "model")
    project.set_target(2, "快递员会先给您打电话。", "edited", "user")
    assert project.store.memory.lookup("en", "zh", SENTENCES[2]) == "快递员会先给您打电话。"
    restored = project.undo_target(2)
    assert (restored.target, restored.status) == ("快递员会先打电话。", "draft")
    # the person's version left the memory; a model draft never enters it by itself
    assert project.store.memory.lookup("en", "zh", SENTENCES[2]) is None
    assert [(e.author, e.undone) for e in project.history(2)] == [("model", False),
                                                                   ("user", True)]
    assert project.undo_target(2).status == "new"
    assert project.store.memory.lookup("en", "zh", SENTENCES[2]) is None
    with pytest.raises(ProjectError, match="nothing to undo"):
        project.undo_target(2)
    fresh = project.store.open(project.id)
    assert (fresh.segments[2].target, fresh.segments[2].status) == ("", "new")


def test_bad_status_and_index_are_refused(project: Project) -> None:
    with pytest.raises(ValueError):
        project.set_target(0, "x", "finished", "user")
    with pytest.raises(ProjectError, match="no segment 99"):
        project.set_target(98, "x", "draft", "user")


def test_files_of_the_earlier_project_store_are_upgraded(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    conn = open_database(path, MIGRATIONS[:1])  # the schema project_store.py wrote
    conn.execute("INSERT INTO projects VALUES (1, 'doc', 'doc.txt', 'zh', 'en', 0, 0)")
    conn.execute("INSERT INTO segments VALUES (1, 0, 'p1', 'Hello', '你好', 'draft', '[]')")
    conn.execute("INSERT INTO segments VALUES (1, 1, 'p2', 'World', '', 'new', '[]')")
    conn.execute("INSERT INTO history (project_id, idx, target, status, author, at)"
                 " VALUES (1, 0, '你好', 'draft', 'model', 0)")
    conn.close()
    store = ProjectStore(path)
    upgraded = store.open("doc")
    assert upgraded.segments[0].target == "你好" and upgraded.settings == {}
    assert [s.idx for s in upgraded.unfinished()] == [1]
    assert store.history(upgraded, 0) == [("你好", "draft", "model")]
    store.close()
    assert (tmp_path / "old.sqlite3.v1.bak").exists()
    assert sqlite3.connect(path).execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)


def test_flags_stored_as_sentences_by_older_versions_become_codes(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    conn = open_database(path, MIGRATIONS[:4])
    conn.execute("INSERT INTO projects (id, name, source_path, target_lang, source_lang,"
                 " created, updated) VALUES (1, 'doc', 'doc.txt', 'zh', 'en', 0, 0)")
    old = ["The translation repeats itself.", "Suspicious length: 3.4× the source.",
           "Glossary: “courier” should be translated as “快递员”.", "Something unknown."]
    conn.execute("INSERT INTO segments VALUES (1, 0, 'p1', 'Hello', '', 'error', ?)",
                 (json.dumps(old),))
    conn.close()
    project = ProjectStore(path).open("doc")
    assert project.segments[0].flags == [
        Flag("loop", blocking=True), Flag("length", {"ratio": "3.4"}),
        Flag("glossary", {"source": "courier", "target": "快递员"}),
        Flag("text", {"text": "Something unknown."})]
    assert [f.message for f in project.segments[0].flags] == [
        "The translation repeats itself.", "Suspicious length: 3.4× the source.",
        "Glossary: “courier” should be translated as “快递员”.", "Something unknown."]


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
