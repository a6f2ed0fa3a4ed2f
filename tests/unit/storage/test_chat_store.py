"""ChatStore: the SQL behind the Chat workspace (no Qt needed)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bayling_desktop.storage.chats import ChatStore, default_chats_path
from bayling_desktop.storage.database import StorageError


def test_default_path_is_under_the_data_dir(private_home: Path) -> None:
    assert default_chats_path() == private_home / "data" / "chats.sqlite3"


def test_messages_keep_order_and_survive_reopening(tmp_path: Path) -> None:
    path = tmp_path / "chats.sqlite3"
    store = ChatStore(path)
    chat = store.create("Greetings")
    store.add_message(chat.id, "user", "Hello")
    store.add_message(chat.id, "assistant", "你好")
    store.close()
    again = ChatStore(path)
    assert [c.title for c in again.conversations()] == ["Greetings"]
    assert [(m.position, m.role, m.content) for m in again.messages(chat.id)] == [
        (0, "user", "Hello"), (1, "assistant", "你好")]


def test_recently_used_conversation_comes_first(tmp_path: Path) -> None:
    store = ChatStore(tmp_path / "c.sqlite3")
    first = store.create("first")
    second = store.create("second")
    assert [c.id for c in store.conversations()] == [second.id, first.id]
    store.add_message(first.id, "user", "bump")
    assert [c.id for c in store.conversations()] == [first.id, second.id]


def test_truncate_drops_later_messages_and_positions_continue(tmp_path: Path) -> None:
    store = ChatStore(tmp_path / "c.sqlite3")
    chat = store.create("t")
    for text in ("a", "b", "c", "d"):
        store.add_message(chat.id, "user", text)
    store.truncate(chat.id, 2)
    store.add_message(chat.id, "user", "e")
    assert [(m.position, m.content) for m in store.messages(chat.id)] == [
        (0, "a"), (1, "b"), (2, "e")]


def test_delete_is_undoable_until_the_next_start(tmp_path: Path) -> None:
    path = tmp_path / "c.sqlite3"
    store = ChatStore(path)
    keep = store.create("keep")
    gone = store.create("gone")
    store.add_message(gone.id, "user", "secret")
    store.set_deleted(gone.id, True)
    assert [c.id for c in store.conversations()] == [keep.id]
    assert store.search("secret") == []
    store.set_deleted(gone.id, False)
    assert store.search("secret") == [gone.id]
    store.set_deleted(gone.id, True)
    store.close()
    reopened = ChatStore(path)
    reopened.set_deleted(gone.id, False)  # too late: purged at start, with its messages
    assert [c.id for c in reopened.conversations()] == [keep.id]
    assert reopened.messages(gone.id) == []


def test_search_matches_titles_and_messages_and_treats_wildcards_literally(
        tmp_path: Path) -> None:
    store = ChatStore(tmp_path / "c.sqlite3")
    a = store.create("Weather talk")
    b = store.create("Other")
    store.add_message(b.id, "assistant", "It is 100% sure_thing")
    store.add_message(a.id, "user", "rain tomorrow?")
    assert store.search("weather") == [a.id]
    assert store.search("RAIN") == [a.id]
    assert store.search("100%") == [b.id]
    assert store.search("e_t") == [b.id]
    assert store.search("%") == [b.id]
    assert store.search("_") == [b.id]
    assert store.search("nothing like this") == []


def test_markdown_export_is_written_whole(tmp_path: Path) -> None:
    store = ChatStore(tmp_path / "c.sqlite3")
    chat = store.create("Export me")
    store.add_message(chat.id, "user", "Translate 你好")
    store.add_message(chat.id, "assistant", "**Hello**\n")
    target = tmp_path / "out.md"
    store.export_markdown(chat.id, target)
    text = target.read_text(encoding="utf-8")
    assert text.startswith("# Export me\n")
    assert text.index("## You") < text.index("Translate 你好") < text.index("## Assistant")
    assert "**Hello**" in text
    assert list(tmp_path.glob(".out.md.*")) == []


def test_a_file_from_a_newer_version_is_refused(tmp_path: Path) -> None:
    import sqlite3

    path = tmp_path / "c.sqlite3"
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA user_version = 99")
    conn.close()
    with pytest.raises(StorageError, match="newer version"):
        ChatStore(path)


_V1_SCHEMA = """
CREATE TABLE conversations (id INTEGER PRIMARY KEY, title TEXT NOT NULL, created REAL NOT NULL,
    updated REAL NOT NULL, deleted INTEGER NOT NULL DEFAULT 0);
CREATE TABLE messages (id INTEGER PRIMARY KEY,
    conversation_id INTEGER NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
    position INTEGER NOT NULL, role TEXT NOT NULL CHECK (role IN ('system', 'user', 'assistant')),
    content TEXT NOT NULL, created REAL NOT NULL, UNIQUE (conversation_id, position));
CREATE INDEX conversations_updated ON conversations(updated);
INSERT INTO conversations VALUES (1, 'Old chat', 1.0, 2.0, 0);
INSERT INTO messages VALUES (1, 1, 0, 'user', 'Hello from last year', 1.0);
INSERT INTO messages VALUES (2, 1, 1, 'assistant', 'Hi there', 2.0);
PRAGMA user_version = 1;
"""


def test_a_version_1_file_upgrades_keeping_every_message(tmp_path: Path) -> None:
    import sqlite3

    path = tmp_path / "chats.sqlite3"
    conn = sqlite3.connect(path)
    conn.executescript(_V1_SCHEMA)
    conn.close()
    store = ChatStore(path)
    assert [(m.role, m.content, m.incomplete) for m in store.messages(1)] == [
        ("user", "Hello from last year", False), ("assistant", "Hi there", False)]
    store.add_message(1, "assistant", "Half a reply", incomplete=True)
    store.close()
    assert list(tmp_path.glob("chats.sqlite3.v1.bak"))  # the old file was kept aside
    again = ChatStore(path)
    assert [m.incomplete for m in again.messages(1)] == [False, False, True]
    assert "Half a reply\n\n*(Stopped: this reply is incomplete.)*" in again.to_markdown(1)
    assert "Hi there\n\n*(Stopped" not in again.to_markdown(1)
