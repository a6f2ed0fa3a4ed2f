"""The projects database's schema, as its migrations, and the rows it hands out.

The first migration is the schema of the earlier ``project_store`` module, so files it
wrote open in :mod:`.projects` unchanged and are upgraded in place (with the usual
backup). A migration is only ever appended: an old file upgrades, never loses data.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from ..flags import Flag
from .database import Migration
from .glossaries import migrate_project_glossaries
from .identity import merge_front_end_projects
from .tm import MEMORY_TABLE, purge_poisoned_memory


def flags_to_json(flags: Sequence[Flag]) -> str:
    return json.dumps([f.to_json() for f in flags], ensure_ascii=False)


def settings_from_json(text: str | None) -> dict[str, Any]:
    """A project's stored settings; a damaged value reads as none, not as a crash."""
    try:
        data = json.loads(text or "{}")
    except ValueError:
        return {}
    return data if isinstance(data, dict) else {}


def flags_from_json(text: str | None) -> list[Flag]:
    """A segment's stored flags; a damaged value reads as no flags, not as a crash."""
    try:
        data = json.loads(text or "[]")
    except ValueError:
        return []
    return [Flag.from_json(item) for item in data] if isinstance(data, list) else []


#: the sentences older versions stored, and the code each one was
_OLD_SENTENCES: dict[str, tuple[str, bool]] = {
    "Empty translation.": ("empty", True),
    "The translation is identical to the source.": ("identical", False),
    "The translation is almost identical to the source.": ("near_identical", True),
    "The text was left in the source language.": ("untranslated", True),
    "The model echoed the instruction.": ("echo", True),
    "The model added a preamble or explanation before the translation.": ("preamble", True),
    "The model answered the request instead of translating the text.": ("chatter", True),
    "The translation repeats itself.": ("loop", True),
    "Inline formatting was lost; the text was kept without it.": ("formatting_lost", False),
    "Formatting lost: the text went in without its inline formatting.":
        ("formatting_lost", False),
    "The model gave no usable translation.": ("failed", True),
}
_OLD_PATTERNS: list[tuple[re.Pattern[str], str, bool]] = [
    (re.compile(r"^Suspicious length: (?P<ratio>[\d.]+)× the source\.$"), "length", False),
    (re.compile(r"^Glossary: “(?P<source>.*)” should be translated as “(?P<target>.*)”\.$"),
     "glossary", False),
    (re.compile(r"^Same text as segment (?P<segment>\d+), which failed\.$"), "repeat_failed",
     True),
]


def _flag_of_sentence(item: object) -> Flag:
    if not isinstance(item, str):
        return Flag.from_json(item)
    if item in _OLD_SENTENCES:
        code, blocking = _OLD_SENTENCES[item]
        return Flag(code, blocking=blocking)
    for pattern, code, blocking in _OLD_PATTERNS:
        match = pattern.match(item)
        if match:
            return Flag(code, match.groupdict(), blocking)
    return Flag("text", {"text": item})


def flags_as_codes(conn: sqlite3.Connection) -> None:
    """Migration: flags stored as English sentences become codes with arguments (a
    sentence no code matches is kept whole as a ``text`` flag — nothing is dropped)."""
    for table, key in (("segments", "rowid"), ("candidates", "id")):
        for rowid, flags in conn.execute(f"SELECT {key}, flags FROM {table}").fetchall():
            try:
                items = json.loads(flags or "[]")
            except ValueError:
                items = []
            converted = [_flag_of_sentence(item).to_json() for item in items] \
                if isinstance(items, list) else []
            conn.execute(f"UPDATE {table} SET flags = ? WHERE {key} = ?",
                         (json.dumps(converted, ensure_ascii=False), rowid))

#: where the translator cut each unit into segments (split and merge, see
#: :mod:`.resegment`): offsets into the unit's text, valid for the text with that hash
SEGMENT_CUTS = """
CREATE TABLE segment_cuts (
    project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
    unit_id TEXT NOT NULL,
    source_hash TEXT NOT NULL,
    cuts TEXT NOT NULL,
    PRIMARY KEY (project_id, unit_id)
);
"""

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
    flags_as_codes,
    # one project per document and target for the CLI and the GUI (was cli:… and gui:…);
    # before the glossary move below, which drops the per-project glossary table it merges
    merge_front_end_projects,
    # client glossaries: named, attached to projects; each project's old glossary
    # table becomes a glossary named after the project, attached to it
    migrate_project_glossaries,
    # split and merged segments: where the translator cut each unit (storage/resegment.py)
    SEGMENT_CUTS,
]

STATUSES = ("new", "translating", "draft", "edited", "approved", "error")
#: statuses of a segment that needs no more model work
DONE = ("draft", "edited", "approved")
#: authors a history entry may name besides "model" ("file": a translation the document
#: already held when it was opened)
AUTHORS = ("model", "model-revision", "memory", "user", "import", "file")


@dataclass
class StoredSegment:
    """THE segment: a piece of a document unit with its translation, status (one of
    :data:`STATUSES`) and flag codes. The pipeline, the session and the GUI's rows (a
    subclass that adds what only the view needs) all use this one type."""

    idx: int
    unit_id: str
    source: str
    target: str = ""
    status: str = "new"
    flags: list[Flag] = field(default_factory=list)

    @property
    def done(self) -> bool:
        """Needs no more model work (a draft, an edit or an approval)."""
        return self.status in DONE


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
    #: how the project reads its document and the pair chosen (comments, source_choice…)
    settings: Mapping[str, Any] = field(default_factory=dict)


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
    flags: tuple[Flag, ...] = ()
