"""Signs that a translation lost part of its meaning while keeping its structure intact.

The invariant checks (:mod:`.qa_invariants`) see a placeholder moved or a number changed;
the output checks (:mod:`.qa_output`) see loops, echoes and English left in. What they
cannot see is a small model that drops the one word that carries the message, read by
hand on the integrity benchmark's real units:

- ``Changed “%(object)s” — %(changes)s`` → ``“%(object)s” — %(changes)s``: nothing but the
  placeholders left (:func:`nothing_translated`);
- ``Are you sure?`` → ``是的。``: the question answered instead of translated
  (:func:`question_answered`);
- ``Cannot delete %(name)s`` → ``删掉 %(name)s``: the negation gone, the meaning reversed
  (:func:`negation_lost`);
- ``Fix … <1>#275</1>`` → ``### 改进：…``, ``更新 `gh-actions` 的版本``: a heading, list
  marker or code span the source never had (:func:`markup_added`);
- a three-sentence message answered with two (:func:`sentences_missing`, for review);
- a paper's author line ``Yusuke Shinyama`` → ``马云``: a unit that is only a name, given
  back in the target's script with none of its letters (:func:`names_rendered`, for
  review: a transliteration may be right, an invented name never is).

Each check is deliberately narrow: it fires on a sign that is rare in a faithful
translation, so the repair round (which asks again) is not spent on good drafts.
Only :mod:`.qa` calls this module.
"""

from __future__ import annotations

import re

from ..flags import Flag
from ..languages import primary_subtag
from .qa_output import letters, name_only, plain

#: English words that turn a statement around ("Cannot delete", "does not", "never")
_NEGATION_EN = re.compile(
    r"\b(?:not|no|never|none|nothing|nobody|nowhere|neither|nor|cannot|without|unable|"
    r"\w+n['’]t)\b", re.IGNORECASE)
#: how Chinese, Japanese and Korean say it: 不/没/无/未/非 …, ない/ません/ず, 않/없/못
_NEGATION_TARGET: dict[str, re.Pattern[str]] = {
    "zh": re.compile(r"[不没沒无無未非别別勿否莫禁免拒缺零]|失败|失敗"),
    "ja": re.compile(r"ない|なく|ません|ず|[不未無非禁否]|できな|失敗"),
    "ko": re.compile(r"않|없|못|안\s|아니|금지|불|미|실패"),
}
_QUESTION_MARKS = "?？؟;;¿"
#: sentence-final particles that make a question without a mark (吗, か, 까)
_QUESTION_PARTICLE = re.compile(r"(?:吗|嗎|呢|么|麼|か|かな|까|니|나요|습니까)\W*$")
#: a block marker at the start of a line: heading, quote, list item
_BLOCK_MARKER = re.compile(r"^\s{0,3}(?:#{1,6}\s|>\s|[-*+]\s|\d{1,3}[.)]\s)", re.MULTILINE)
#: English sentence ends: a full stop, question or exclamation mark before a capital
#: (or the end), not after a single letter or a common abbreviation ("e.g.", "Mr.")
_EN_SENTENCE_END = re.compile(
    r"(?<!\b[A-Za-z])(?<!\be\.g)(?<!\bi\.e)(?<!\betc)(?<!\bMr)(?<!\bMrs)(?<!\bDr)(?<!\bvs)"
    r"[.!?]+[\"'”’)]*(?=\s+[\"'“‘(]*[A-Z]|\s*$)")
_CJK_SENTENCE_END = re.compile(r"[。！？!?]+|[.](?=\s|$)")
#: below this many source sentences a merge is a style choice, not a loss
MIN_SENTENCES = 3


def nothing_translated(source: str, text: str) -> Flag | None:
    """Only placeholders, tags and punctuation came back for a source with words."""
    if not re.search(r"[^\W\d_]{2,}", plain(source)) or letters(plain(text)):
        return None
    return Flag("nothing_translated", blocking=True)


def question_answered(source: str, text: str) -> Flag | None:
    """The source asks a question and the translation does not: an answer ("是的。")."""
    plain_source, plain_text = plain(source).strip(), plain(text)
    if not plain_source or plain_source.rstrip("\"'”’)")[-1:] not in _QUESTION_MARKS:
        return None
    if (any(mark in plain_text for mark in _QUESTION_MARKS)
            or _QUESTION_PARTICLE.search(plain_text.strip())):
        return None
    return Flag("question_answered", blocking=True)


def negation_lost(source: str, text: str, target_lang: str,
                  source_lang: str | None) -> Flag | None:
    """An English negation ("Cannot delete") with none in a CJK translation ("删掉")."""
    if source_lang is not None and primary_subtag(source_lang) != "en":
        return None
    said = _NEGATION_TARGET.get(primary_subtag(target_lang))
    plain_text = plain(text)
    if said is None or said.search(plain_text) or not letters(plain_text):
        return None
    found = _NEGATION_EN.search(plain(source))
    if found is None:
        return None
    return Flag("negation_lost", {"word": found.group(0)}, blocking=True)


def markup_added(source: str, text: str) -> Flag | None:
    """A heading, quote or list marker, or a code span, that the source never had."""
    marker = _BLOCK_MARKER.search(text)
    if marker is not None and not _BLOCK_MARKER.search(source):
        return Flag("markup_added", {"markup": marker.group(0).strip()}, blocking=True)
    added = re.findall(r"`[^`\n]+`", text)
    if len(added) > len(re.findall(r"`[^`\n]+`", source)):
        new = [span for span in added if span not in source]
        if new:
            return Flag("markup_added", {"markup": new[0]}, blocking=True)
    return None


def sentences_missing(source: str, text: str, target_lang: str) -> Flag | None:
    """Fewer sentences than an English source of three or more: one may be missing."""
    if primary_subtag(target_lang) not in _NEGATION_TARGET:
        return None
    said = len(_EN_SENTENCE_END.findall(plain(source).strip()))
    if said < MIN_SENTENCES:
        return None
    got = len(_CJK_SENTENCE_END.findall(plain(text).strip()))
    if got >= said - 1 + (said < 4):
        return None
    return Flag("sentences_missing", {"source": said, "target": got})


def names_rendered(source: str, text: str, target_lang: str) -> Flag | None:
    """A unit that is only a person's or product's name, answered in the target's script
    without one of its letters: the small model's "translation" of a name is often
    another name (a transliteration may be right, so this is for review)."""
    if primary_subtag(target_lang) not in _NEGATION_TARGET:
        return None
    name = plain(source).strip()
    if not name_only(name) or re.search(r"[A-Za-z]", plain(text)):
        return None
    return Flag("names_rendered", {"name": name})
