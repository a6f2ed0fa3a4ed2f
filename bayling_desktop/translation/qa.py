"""Quality checks: what a reviewer should look at before a translation is exported.

Small local models fail in recognisable ways — nothing, the source copied back, a
loop, the instruction echoed, a "Here is the translation:" preamble, a dropped
number or tag. Each check turns one of those into a flag (a sentence a user can
read); flags are stored with the segment and export warns while any remain.
"""

from __future__ import annotations

import re

from ..documents.tags import strip_tags, tag_names, validate_tags
from .glossary import Glossary
from .langdetect import dominant_script, expected_script

_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_LOOP = re.compile(r"(.{2,40}?)\1{3,}", re.S)
_WORD_LOOP = re.compile(r"\b(\w+(?:\W+\w+){0,4}?)(?:\W+\1\b){3,}", re.IGNORECASE)
_ECHO = ("provide the ", "提供这句话的", "make sure to include these words", "确保包含这些词",
         "translate the following", "translation for this sentence")
_PREAMBLE = re.compile(
    r"^\s*(?:sure|certainly|of course|here(?:'s| is) (?:the |a |my )?(?:\w+ )?translation"
    r"|(?:the )?(?:\w+ )?translation\s*[:：]|译文\s*[:：]|翻译(?:结果|如下)?\s*[:：])",
    re.IGNORECASE)
#: a CJK character carries roughly as much meaning as three Latin letters
_WIDE = re.compile(r"[\u1100-\u11ff\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")
#: weighted target/source length ratios outside these bounds are suspicious
MIN_RATIO, MAX_RATIO = 0.3, 3.0
#: sources shorter than this (weighted characters) are too short to judge length by
MIN_LENGTH_TO_JUDGE = 20

EMPTY = "Empty translation."
IDENTICAL = "The translation is identical to the source."


def _weight(text: str) -> int:
    return len(text) + 2 * len(_WIDE.findall(text))


def _numbers(text: str) -> list[str]:
    return sorted(n.replace(",", "") for n in _NUMBER.findall(strip_tags(text)))


def check_segment(source: str, target: str, target_lang: str | None = None,
                  glossary: Glossary | None = None) -> list[str]:
    """Flags for one segment's translation (an empty list when nothing looks wrong)."""
    text = target.strip()
    if not text:
        return [EMPTY]
    flags: list[str] = []
    if text == source.strip() and re.search(r"[^\W\d_]{3,}", source):
        flags.append(IDENTICAL)
    elif target_lang is not None:
        script = dominant_script(text)
        if (script is not None and script == dominant_script(source)
                and script != expected_script(target_lang) and len(text) >= 8):
            flags.append("The translation is still in the source language's script.")
    if _numbers(source) != _numbers(text):
        flags.append("Numbers differ from the source.")
    if tag_names(source) or tag_names(text):
        flags += validate_tags(source, text)
    if glossary is not None:
        flags += glossary.violations(source, text)
    if _weight(source.strip()) >= MIN_LENGTH_TO_JUDGE:
        ratio = _weight(text) / _weight(source.strip())
        if not MIN_RATIO <= ratio <= MAX_RATIO:
            flags.append(f"Suspicious length: {ratio:.1f}× the source.")
    if ((_LOOP.search(text) and not _LOOP.search(source))
            or (_WORD_LOOP.search(text) and not _WORD_LOOP.search(source))):
        flags.append("The translation repeats itself.")
    lowered = text.lower()
    if any(echo in lowered for echo in _ECHO) and not any(e in source.lower() for e in _ECHO):
        flags.append("The model echoed the instruction.")
    elif _PREAMBLE.match(text) and not _PREAMBLE.match(source):
        flags.append("The model added a preamble before the translation.")
    return flags
