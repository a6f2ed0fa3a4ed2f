"""Chat history in SQLite: conversations, their messages, search and Markdown export.

Deleting is two-step (mark, then purge) so the GUI can offer Undo without keeping
rows in memory; conversations still marked deleted when the app starts again are
purged for good.
"""

from __future__ import annotations

import sqlite3
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from ..fileio import atomic_write_text
from ..paths import data_dir
from .database import Migration, open_database

_MIGRATIONS: list[Migration] = [
    """
    CREATE TABLE conversations (
        id INTEGER PRIMARY KEY,
        title TEXT NOT NULL,
        created REAL NOT NULL,
        updated REAL NOT NULL,
        deleted INTEGER NOT NULL DEFAULT 0
    );
    CREATE TABLE messages (
        id INTEGER PRIMARY KEY,
        conversation_id INTEGER NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('system', 'user', 'assistant')),
        content TEXT NOT NULL,
        created REAL NOT NULL,
        UNIQUE (conversation_id, position)
    );
    CREATE INDEX conversations_updated ON conversations(updated);
    """,
    # v2: a reply the user stopped stays marked incomplete after a restart (old rows: 0)
    "ALTER TABLE messages ADD COLUMN incomplete INTEGER NOT NULL DEFAULT 0;",
]


@dataclass(frozen=True)
class Conversation:
    id: int
    title: str
    created: float
    updated: float


@dataclass(frozen=True)
class StoredMessage:
    id: int
    conversation_id: int
    position: int
    role: str
    content: str
    # the user stopped this reply before the model finished it
    incomplete: bool = False


def default_chats_path() -> Path:
    return data_dir() / "chats.sqlite3"


def _like_pattern(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


class ChatStore:
    """All SQL about chats; one connection guarded by a lock (the GUI thread uses it)."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or default_chats_path()
        self._conn = open_database(self.path, _MIGRATIONS)
        self._lock = threading.Lock()
        self.purge_deleted()

    def close(self) -> None:
        with self._lock:
            self._conn.close()

    def _write(self, sql: str, args: tuple[object, ...] = ()) -> sqlite3.Cursor:
        with self._lock:
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                cursor = self._conn.execute(sql, args)
            except BaseException:
                self._conn.execute("ROLLBACK")
                raise
            self._conn.execute("COMMIT")
            return cursor

    def _read(self, sql: str, args: tuple[object, ...] = ()) -> list[sqlite3.Row]:
        with self._lock:
            return list(self._conn.execute(sql, args))

    # -- conversations ------------------------------------------------------------------

    def conversations(self) -> list[Conversation]:
        """Live conversations, most recently used first."""
        rows = self._read("SELECT id, title, created, updated FROM conversations "
                          "WHERE deleted = 0 ORDER BY updated DESC, id DESC")
        return [Conversation(r["id"], r["title"], r["created"], r["updated"]) for r in rows]

    def conversation(self, conversation_id: int) -> Conversation | None:
        rows = self._read("SELECT id, title, created, updated FROM conversations "
                          "WHERE id = ? AND deleted = 0", (conversation_id,))
        return Conversation(rows[0]["id"], rows[0]["title"], rows[0]["created"],
                            rows[0]["updated"]) if rows else None

    def create(self, title: str) -> Conversation:
        now = time.time()
        cursor = self._write("INSERT INTO conversations (title, created, updated) "
                             "VALUES (?, ?, ?)", (title, now, now))
        assert cursor.lastrowid is not None
        return Conversation(cursor.lastrowid, title, now, now)

    def rename(self, conversation_id: int, title: str) -> None:
        self._write("UPDATE conversations SET title = ? WHERE id = ?", (title, conversation_id))

    def set_deleted(self, conversation_id: int, deleted: bool) -> None:
        """Hide (or bring back) a conversation; it is purged at the next start."""
        self._write("UPDATE conversations SET deleted = ? WHERE id = ?",
                    (int(deleted), conversation_id))

    def purge_deleted(self) -> int:
        cursor = self._write("DELETE FROM conversations WHERE deleted = 1")
        return cursor.rowcount

    # -- messages -----------------------------------------------------------------------

    def messages(self, conversation_id: int) -> list[StoredMessage]:
        rows = self._read("SELECT id, conversation_id, position, role, content, incomplete "
                          "FROM messages WHERE conversation_id = ? ORDER BY position",
                          (conversation_id,))
        return [StoredMessage(r["id"], r["conversation_id"], r["position"], r["role"],
                              r["content"], bool(r["incomplete"])) for r in rows]

    def add_message(self, conversation_id: int, role: str, content: str,
                    incomplete: bool = False) -> StoredMessage:
        """Append a message; *incomplete* marks a reply the user stopped mid-way."""
        now = time.time()
        with self._lock:
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                position = self._conn.execute(
                    "SELECT COALESCE(MAX(position) + 1, 0) FROM messages "
                    "WHERE conversation_id = ?", (conversation_id,)).fetchone()[0]
                cursor = self._conn.execute(
                    "INSERT INTO messages (conversation_id, position, role, content, created, "
                    "incomplete) VALUES (?, ?, ?, ?, ?, ?)",
                    (conversation_id, position, role, content, now, int(incomplete)))
                self._conn.execute("UPDATE conversations SET updated = ? WHERE id = ?",
                                   (now, conversation_id))
            except BaseException:
                self._conn.execute("ROLLBACK")
                raise
            self._conn.execute("COMMIT")
        assert cursor.lastrowid is not None
        return StoredMessage(cursor.lastrowid, conversation_id, position, role, content,
                             incomplete)

    def truncate(self, conversation_id: int, position: int) -> None:
        """Drop the messages from *position* on (regenerate, edit-and-resend)."""
        self._write("DELETE FROM messages WHERE conversation_id = ? AND position >= ?",
                    (conversation_id, position))

    def search(self, text: str) -> list[int]:
        """Ids of live conversations whose title or any message contains *text*."""
        pattern = _like_pattern(text)
        rows = self._read(
            "SELECT c.id FROM conversations c WHERE c.deleted = 0 AND ("
            " c.title LIKE ?1 ESCAPE '\\' OR EXISTS (SELECT 1 FROM messages m"
            " WHERE m.conversation_id = c.id AND m.content LIKE ?1 ESCAPE '\\'))"
            " ORDER BY c.updated DESC, c.id DESC", (pattern,))
        return [r["id"] for r in rows]

    # -- export -------------------------------------------------------------------------

    def to_markdown(self, conversation_id: int) -> str:
        conversation = self.conversation(conversation_id)
        title = conversation.title if conversation else "Chat"
        parts = [f"# {title}\n"]
        headings = {"user": "You", "assistant": "Assistant", "system": "System"}
        for message in self.messages(conversation_id):
            note = "\n\n*(Stopped: this reply is incomplete.)*" if message.incomplete else ""
            parts.append(f"## {headings.get(message.role, message.role)}\n\n"
                         f"{message.content.strip()}{note}\n")
        return "\n".join(parts)

    def export_markdown(self, conversation_id: int, path: Path) -> None:
        atomic_write_text(path, self.to_markdown(conversation_id))
