"""The translation memory as users meet it: what may enter, what may be reused, TMX.

The SQL lives in :mod:`bayling_desktop.storage.tm`; this module decides policy. A pair
is reused only when it still passes the quality checks for this target (an echo that
an older version stored is dropped on sight, not served again), and it is keyed with
the document's real source language — given by the user, or detected once per
document and stored in the project, never a process-wide "last seen" guess.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from ..documents.formats.tmx import read_pairs, write_pairs
from ..storage.projects import DONE, Project, ProjectStore, StoredSegment
from ..storage.tm import FUZZY_THRESHOLD, Match, TranslationMemory
from .glossary import Glossary
from .langdetect import detect_language
from .qa import Flag, check_translation

#: characters of a document's text the source-language detector reads
_SAMPLE = 4000


def is_poisoned(source: str, target: str, target_lang: str) -> bool:
    """Whether a remembered pair must not stay in the memory (the verifier blocks it)."""
    return any(f.blocking for f in check_translation(source, target, target_lang))


def open_store(path: Path | None = None) -> ProjectStore:
    """The projects and memory database, opened with this layer's verdict on remembered
    pairs (an old file's memory is cleaned with it on upgrade). Front ends open it so."""
    return ProjectStore(path, is_poisoned=is_poisoned)


def detect_project_language(project: Project) -> str:
    """Detect the source language from the document's text once and store it.

    Returns the detected code, or "" when there is too little text to tell (the memory is
    then not used: a pair keyed with an empty language would match every language). A
    language equal to the target is not stored: the caller refuses that run.
    """
    sample, size = [], 0
    for segment in project.segments:
        sample.append(segment.source)
        size += len(segment.source)
        if size >= _SAMPLE:
            break
    code = detect_language("\n".join(sample)) or ""
    if code and code.split("-")[0] != project.target_lang.split("-")[0]:
        project.store.set_source_lang(project, code)
    return code


def done_by_source(project: Project) -> dict[str, str]:
    """Source → translation of the done, unflagged segments: the repeats a run may reuse.

    Built once per run, so finding a repeat costs one lookup, not a scan of the project.
    """
    found: dict[str, str] = {}
    for other in project.segments:
        if other.status in DONE and other.target.strip() and not other.flags:
            found.setdefault(other.source, other.target)
    return found


def reusable_translation(project: Project, segment: StoredSegment, glossary: Glossary | None,
                         done: Mapping[str, str], use_memory: bool = True
                         ) -> tuple[str, list[Flag], str] | None:
    """(text, flags, origin) of a translation that needs no model, or None.

    Origin "memory" is an exact memory match; "repeat" an identical segment of this
    document that is done and unflagged (*done*, from :func:`done_by_source`). Matches
    that fail a blocking check are not used — and a bad memory pair is forgotten.
    """
    candidates: list[tuple[str, str]] = []
    tm = project.store.memory
    if use_memory and project.source_lang:
        remembered = tm.lookup(project.source_lang, project.target_lang, segment.source)
        if remembered:
            candidates.append((remembered, "memory"))
    if segment.source in done:
        candidates.append((done[segment.source], "repeat"))
    for text, origin in candidates:
        flags = check_translation(segment.source, text, project.target_lang, glossary,
                                  source_lang=project.source_lang or None)
        if any(f.blocking for f in flags):
            if origin == "memory":
                tm.forget(project.source_lang, project.target_lang, segment.source)
            continue
        return text, flags, origin
    return None


def import_tmx(tm: TranslationMemory, path: Path, source_lang: str, target_lang: str) -> int:
    """Add the pairs of *path* for the language pair as approved; returns how many."""
    return tm.add(source_lang, target_lang, read_pairs(path, source_lang, target_lang),
                  approved=True)


def export_tmx(tm: TranslationMemory, path: Path, target_lang: str | None = None) -> int:
    """Write every remembered pair (for *target_lang*, if given) as TMX; returns how many."""
    pairs = tm.pairs(target_lang)
    write_pairs(path, pairs)
    return len(pairs)


def suggestions(tm: TranslationMemory, source_lang: str, target_lang: str, source: str,
                threshold: float = FUZZY_THRESHOLD, limit: int = 3) -> list[Match]:
    """Remembered pairs at least *threshold* % similar to *source*, best first."""
    return tm.fuzzy(source_lang, target_lang, source, threshold, limit)
