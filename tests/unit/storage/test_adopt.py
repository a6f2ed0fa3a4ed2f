"""The file's own translations in a project: kept as the translator's, redone only when asked."""

from __future__ import annotations

from pathlib import Path

from bayling_desktop.storage.projects import ProjectStore

UNITS = [("m1", "Save"), ("m2", "Cancel"), ("m3", "Log out"), ("m4", "Help")]
EXISTING = {"m1": ("保存", "approved"), "m2": ("取消", "approved"), "m3": ("退出", "draft")}


def test_the_files_translations_start_done_and_author_file(tmp_path: Path) -> None:
    with ProjectStore(tmp_path / "p.sqlite3") as store:
        project = store.open_or_create("po", tmp_path / "a.po", "zh", "en", UNITS)
        assert store.adopt_existing(project, EXISTING) == 3
        assert [(s.target, s.status) for s in project.segments] == [
            ("保存", "approved"), ("取消", "approved"), ("退出", "draft"), ("", "new")]
        assert [s.unit_id for s in project.unfinished()] == ["m4"]
        assert store.history(project, 0) == [("保存", "approved", "file")]
        # the user's own work is never replaced by the file's
        store.save_segment(project, 1, "撤销", "edited", [], "user")
        assert store.adopt_existing(project, EXISTING) == 2
        assert project.segments[1].target == "撤销"
        reopened = store.open("po")
        assert [(s.target, s.status) for s in reopened.segments][:3] == [
            ("保存", "approved"), ("撤销", "edited"), ("退出", "draft")]
        # a run that starts afresh (the CLI without --project resets every status) starts
        # from the file again; an unchanged target is no new version in the history
        store.reset_statuses(project)
        store.adopt_existing(project, EXISTING)
        assert [(s.target, s.status) for s in project.segments][:2] == [
            ("保存", "approved"), ("取消", "approved")]
        assert store.history(project, 0) == [("保存", "approved", "file")]


def test_retranslate_and_fuzzy_make_them_new_work(tmp_path: Path) -> None:
    with ProjectStore(tmp_path / "p.sqlite3") as store:
        project = store.open_or_create("po", tmp_path / "a.po", "zh", "en", UNITS)
        store.adopt_existing(project, EXISTING)
        store.adopt_existing(project, EXISTING, redo=("draft",))  # --fuzzy
        assert [s.status for s in project.segments] == ["approved", "approved", "new", "new"]
        store.adopt_existing(project, EXISTING, redo=("approved", "draft"))  # --retranslate
        assert [s.status for s in project.segments] == ["new", "new", "new", "new"]
        assert [s.status for s in store.open("po").segments] == ["new"] * 4
