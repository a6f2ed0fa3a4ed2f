"""The SQLite layer every store uses: migrations that back up first, all or nothing."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from bayling_desktop.storage.database import StorageError, open_database


def test_database_migrates_forward_and_backs_up(tmp_path: Path) -> None:
    path = tmp_path / "data.sqlite3"
    v1 = ["CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT);"]
    conn = open_database(path, v1)
    conn.execute("INSERT INTO notes (body) VALUES ('keep me')")
    conn.close()
    v2 = [*v1, "ALTER TABLE notes ADD COLUMN lang TEXT DEFAULT 'en';"]
    conn = open_database(path, v2)
    assert tuple(conn.execute("SELECT body, lang FROM notes").fetchone()) == ("keep me", "en")
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 2
    conn.close()
    assert (tmp_path / "data.sqlite3.v1.bak").exists()


def test_failed_migration_changes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "data.sqlite3"
    v1 = ["CREATE TABLE t (x INTEGER);"]
    open_database(path, v1).close()
    with pytest.raises(StorageError, match="unchanged"):
        open_database(path, [*v1, "ALTER TABLE t ADD COLUMN y TEXT; SELECT * FROM missing;"])
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
    assert [r[1] for r in conn.execute("PRAGMA table_info(t)")] == ["x"]


def test_database_from_a_newer_app_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "data.sqlite3"
    open_database(path, ["CREATE TABLE a (x);", "CREATE TABLE b (x);"]).close()
    with pytest.raises(StorageError, match="newer version"):
        open_database(path, ["CREATE TABLE a (x);"])
