"""Spell checking of translations: which words of a target text are not in the language's
word list.

The word lists are pyspellchecker's (pure Python, the lists ship inside its wheel, so it
installs the same on Windows, macOS and Linux, and freezes into the app like any data
file; a Hunspell binding needs a C library and dictionaries from the system, which
Windows does not have). It covers Arabic, Basque, Dutch, English, French, German,
Italian, Latvian, Persian, Portuguese, Russian and Spanish; other languages (Chinese,
Japanese…) are simply not checked. Words that occur in the source (names, product
codes, terms left as they are), words with digits, tags and all-capital words are never
marked: a spell checker that marks "ACME" and "Zurich" in every row is one people
switch off.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from ..documents.tags import TAG_PATTERN
from ..languages import primary_subtag

LANGUAGES = ("ar", "de", "en", "es", "eu", "fa", "fr", "it", "lv", "nl", "pt", "ru")
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")


def supported(language: str) -> bool:
    return primary_subtag(language) in LANGUAGES if language else False


@lru_cache(maxsize=4)
def _checker(language: str) -> Any:
    from spellchecker import SpellChecker

    return SpellChecker(language=language, case_sensitive=False)


def misspelled(text: str, language: str, source: str = "") -> list[tuple[int, int]]:
    """(start, end) of each word of *text* the language's word list does not know."""
    code = primary_subtag(language) if language else ""
    if code not in LANGUAGES or not text.strip():
        return []
    tags = [(m.start(), m.end()) for m in TAG_PATTERN.finditer(text)]
    in_source = {w.casefold() for w in _WORD.findall(source)}
    spans = []
    words = []
    for match in _WORD.finditer(text):
        word = match.group(0)
        if (len(word) < 2 or word.isupper() or word.casefold() in in_source
                or any(s <= match.start() < e for s, e in tags)):
            continue
        spans.append((match.start(), match.end()))
        words.append(word.casefold().replace("’", "'"))
    unknown = _checker(code).unknown(words) if words else set()
    return [span for span, word in zip(spans, words, strict=True) if word in unknown]
