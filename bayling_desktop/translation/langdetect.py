"""Guessing a text's language offline, well enough to choose the instruction wording.

Scripts decide most cases (Han, Kana, Hangul, Cyrillic, Arabic…); Latin text is told
apart by its most common short words. Very short text is unreliable, so callers fall
back to the last language pair used (``fallback``).
"""

from __future__ import annotations

import re
import unicodedata

_STOPWORDS = {
    # short UI strings ("a moment ago", "Save as…", "Select all") hold few of the long
    # list's words, and "a"/"as" alone made them Portuguese: the pair check then let an
    # English catalogue be translated "into English"
    "en": "the and of to is in that it for you with on are this be was not have "
          "a an at by or from all your ago now will can has more what which there than",
    "de": "der die und das ist nicht ich zu den mit ein eine sie es auf für",
    "fr": "le la les et est des une un que pas pour dans ce il vous sur",
    "es": "el la los las que es de y en un una por con para no del",
    "it": "il la che di e non un una per sono con del della le",
    "pt": "o a os as que de e não um uma para com do da em é",
    "nl": "de het een en van is niet dat op te voor met zijn ik",
}
_WORDS = {lang: set(words.split()) for lang, words in _STOPWORDS.items()}
_TOKEN = re.compile(r"[^\W\d_]+", re.UNICODE)
MIN_LETTERS = 12


def _script(char: str) -> str:
    if "\u3040" <= char <= "\u30ff":
        return "ja"
    if "\uac00" <= char <= "\ud7af" or "\u1100" <= char <= "\u11ff":
        return "ko"
    if "\u4e00" <= char <= "\u9fff" or "\u3400" <= char <= "\u4dbf":
        return "zh"
    name = unicodedata.name(char, "")
    for prefix, lang in (("CYRILLIC", "ru"), ("ARABIC", "ar"), ("HEBREW", "he"),
                         ("GREEK", "el"), ("THAI", "th"), ("DEVANAGARI", "hi")):
        if name.startswith(prefix):
            return lang
    return "latin" if char.isalpha() else ""


def script_counts(text: str) -> dict[str, int]:
    """Letters per script ("zh", "ja", "ko", "ru", … or "latin") in *text*."""
    counts: dict[str, int] = {}
    for char in text:
        script = _script(char)
        if script:
            counts[script] = counts.get(script, 0) + 1
    return counts


def dominant_script(text: str) -> str | None:
    counts = script_counts(text)
    if counts.get("ja"):
        return "ja"  # Japanese mixes Kana with Han
    return max(counts, key=lambda k: counts[k]) if counts else None


def expected_script(language_code: str) -> str:
    """The script a language is written in, in the names :func:`dominant_script` uses."""
    base = language_code.split("-")[0].lower()
    scripts = {"zh": "zh", "ja": "ja", "ko": "ko", "ru": "ru", "uk": "ru", "bg": "ru",
               "sr": "ru", "ar": "ar", "fa": "ar", "ur": "ar", "he": "he", "el": "el",
               "th": "th", "hi": "hi", "mr": "hi", "ne": "hi"}
    return scripts.get(base, "latin")


def detect_language(text: str, fallback: str | None = None) -> str | None:
    """A BCP 47 code for *text*, or *fallback* when there is too little to go on."""
    counts = script_counts(text)
    letters = sum(counts.values())
    if letters < MIN_LETTERS:
        return fallback
    if counts.get("ja"):
        return "ja"  # Japanese mixes Kana with Han
    best = max(counts, key=lambda k: counts[k])
    if best != "latin":
        return best
    words = [w.lower() for w in _TOKEN.findall(text)]
    scores = {lang: sum(w in vocab for w in words) for lang, vocab in _WORDS.items()}
    lang, score = max(scores.items(), key=lambda item: item[1])
    return lang if score else fallback
