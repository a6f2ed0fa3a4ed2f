"""The translation memory as users meet it: TMX in and out, references for a segment.

The SQL lives in :mod:`bayling_desktop.storage.tm`; this module connects it to files
other CAT tools write (TMX 1.4) and to what the editor shows beside a segment.
"""

from __future__ import annotations

from pathlib import Path

from ..storage.tm import FUZZY_THRESHOLD, Match, TranslationMemory
from .tmx import read_tmx, write_tmx


def import_tmx(tm: TranslationMemory, path: Path, source_lang: str, target_lang: str) -> int:
    """Add the pairs of *path* for the language pair as approved; returns how many."""
    return tm.add(source_lang, target_lang, read_tmx(path, source_lang, target_lang),
                  approved=True)


def export_tmx(tm: TranslationMemory, path: Path, target_lang: str | None = None) -> int:
    """Write every remembered pair (for *target_lang*, if given) as TMX; returns how many."""
    pairs = tm.pairs(target_lang)
    write_tmx(path, pairs)
    return len(pairs)


def suggestions(tm: TranslationMemory, source_lang: str, target_lang: str, source: str,
                threshold: float = FUZZY_THRESHOLD, limit: int = 3) -> list[Match]:
    """Remembered pairs at least *threshold* % similar to *source*, best first."""
    return tm.fuzzy(source_lang, target_lang, source, threshold, limit)
