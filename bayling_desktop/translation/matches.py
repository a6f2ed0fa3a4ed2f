"""The best translation-memory match of each segment, for the table's "TM" column.

``TranslationMemory.fuzzy`` reads the memory from SQLite on each call — right for the
revision panel's one segment, far too slow for a column over 20,000 rows. This index
reads the language pair's memory once and answers each segment with one rapidfuzz
``extractOne`` (C code), so the GUI can fill the column a chunk at a time without
blocking. Scores are rapidfuzz's ratio (0–100), as in the panel; below 75 % is noise.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..languages import primary_subtag
from ..storage.tm import FUZZY_THRESHOLD


class MatchIndex:
    def __init__(self, sources: Iterable[str], threshold: float = FUZZY_THRESHOLD) -> None:
        self.sources = list(dict.fromkeys(s for s in sources if s.strip()))
        self.threshold = threshold

    @classmethod
    def from_pairs(cls, pairs: Iterable[tuple[str, str, str, str]], source_lang: str
                   ) -> MatchIndex:
        """From ``memory.pairs`` rows (source_lang, target_lang, source, target); a pair
        stored without a source language counts for any."""
        base = primary_subtag(source_lang) if source_lang else ""
        return cls(s for sl, _tl, s, _t in pairs
                   if not base or not sl or primary_subtag(sl) == base)

    def best(self, source: str) -> float | None:
        """The best score of *source* against the memory (None: nothing above threshold)."""
        if not self.sources or not source.strip():
            return None
        from rapidfuzz import fuzz, process

        found = process.extractOne(source, self.sources, scorer=fuzz.ratio,
                                   score_cutoff=self.threshold)
        return float(found[1]) if found is not None else None
