"""The projects database's schema, as its migrations, and the rows it hands out.

The first migration is the schema of the earlier ``project_store`` module, so files it
wrote open in :mod:`.projects` unchanged and are upgraded in place (with the usual
backup). A migration is only ever appended: an old file upgrades, never loses data.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .database import Migration
from .tm import MEMORY_TABLE, purge_poisoned_memory

MIGRATIONS: list[Migration] = [
    """
    CREATE TABLE projects (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        source_path TEXT NOT NULL,
        target_lang TEXT NOT NULL,
        source_lang TEXT NOT NULL DEFAULT '',
        created REAL NOT NULL,
        updated REAL NOT NULL
    );
    CREATE TABLE segments (
        project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
        idx INTEGER NOT NULL,
        unit_id TEXT NOT NULL,
        source TEXT NOT NULL,
        target TEXT NOT NULL DEFAULT '',
        status TEXT NOT NULL DEFAULT 'new',
        flags TEXT NOT NULL DEFAULT '[]',
        PRIMARY KEY (project_id, idx)
    );
    CREATE TABLE history (
        id INTEGER PRIMARY KEY,
        project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
        idx INTEGER NOT NULL,
        target TEXT NOT NULL,
        status TEXT NOT NULL,
        author TEXT NOT NULL,
        at REAL NOT NULL
    );
    CREATE INDEX history_segment ON history (project_id, idx);
    """ + MEMORY_TABLE,
    """
    ALTER TABLE projects ADD COLUMN format TEXT NOT NULL DEFAULT '';
    ALTER TABLE projects ADD COLUMN settings TEXT NOT NULL DEFAULT '{}';
    ALTER TABLE history ADD COLUMN undone INTEGER NOT NULL DEFAULT 0;
    CREATE TABLE threads (
        project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
        idx INTEGER NOT NULL,
        position INTEGER NOT NULL,
        role TEXT NOT NULL,
        content TEXT NOT NULL,
        at REAL NOT NULL,
        PRIMARY KEY (project_id, idx, position)
    );
    CREATE TABLE candidates (
        id INTEGER PRIMARY KEY,
        project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
        idx INTEGER NOT NULL,
        batch TEXT NOT NULL,
        instruction TEXT NOT NULL,
        text TEXT NOT NULL,
        state TEXT NOT NULL DEFAULT 'pending',
        at REAL NOT NULL
    );
    CREATE INDEX candidates_batch ON candidates (project_id, batch);
    CREATE TABLE glossary (
        project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
        source TEXT NOT NULL,
        target TEXT NOT NULL,
        PRIMARY KEY (project_id, source)
    );
    """,
    "ALTER TABLE candidates ADD COLUMN flags TEXT NOT NULL DEFAULT '[]';",
    purge_poisoned_memory,
]

STATUSES = ("new", "translating", "draft", "edited", "approved", "error")
#: statuses of a segment that needs no more model work
DONE = ("draft", "edited", "approved")
#: authors a history entry may name besides "model"
AUTHORS = ("model", "model-revision", "memory", "user", "import")


@dataclass
class StoredSegment:
    idx: int
    unit_id: str
    source: str
    target: str = ""
    status: str = "new"
    flags: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class HistoryEntry:
    target: str
    status: str
    author: str
    at: float
    undone: bool


@dataclass(frozen=True)
class ProjectInfo:
    """A row of the project list: enough to show it without loading its segments."""

    id: int
    name: str
    source_path: str
    source_lang: str
    target_lang: str
    done: int
    total: int
    updated: float


@dataclass(frozen=True)
class Candidate:
    """A proposed translation from a document-wide instruction, awaiting review."""

    id: int
    idx: int
    batch: str
    instruction: str
    text: str
    state: str
    #: what the quality checks found (a flagged proposal is never bulk-accepted)
    flags: tuple[str, ...] = ()
