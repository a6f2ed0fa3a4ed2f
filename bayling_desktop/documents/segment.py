"""Optional sentence splitting of units, and the protection of spans the model never sees.

Small models translate one sentence far more reliably than a long paragraph, so a
unit may be split into sentences and joined back after translation. Splitting is
lossless (the pieces concatenate to the unit's text), knows CJK full stops, English
abbreviations and initials, and never cuts inside a formatting tag pair, so each
sentence keeps balanced tags. Protected spans (placeholders, URLs, e-mails, inline
code, entities) are swapped for void tags by :mod:`.protect`; whole blocks that must
never be sent (code blocks, front matter, subtitle timings) never become units in
the first place: the format modules leave them out.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from itertools import pairwise

from .model import Unit
from .protect import protect, restore, spans_of
from .tags import TAG_PATTERN

__all__ = ["cut_allowed", "glue", "join_sentences", "keeps_whole", "pieces_of", "protect",
           "restore", "sentence_cuts", "settle_cut", "split_sentences", "split_units"]

#: words that end with a full stop without ending the sentence (compared lower-case)
_ABBREVIATION_WORDS = """
mr mrs ms dr prof sr jr st mt vs e.g i.e cf al approx dept est fig figs no nos vol vols
p pp ch sec art ed eds rev gen col lt sgt capt inc ltd co corp jan feb mar apr jun jul aug
sep sept oct nov dec mon tue wed thu fri sat sun u.s u.k a.m p.m ph.d b.a m.a
"""
ABBREVIATIONS = frozenset(_ABBREVIATION_WORDS.split())

#: sentence-final punctuation, with the closing quotes, brackets and tags that follow it
_CJK_END = re.compile(r"[。！？](?:[。！？”’」』）)\]】》\"']|</\d+>)*")
_LATIN_END = re.compile(r"(?:\.{3}|…|[.!?])+(?:[\"'”’)\]]|</\d+>)*(?=\s)")
_CLOSERS = "\"'”’)]"
#: a translation ending in Chinese or Japanese (or full-width punctuation) takes no space
#: after it (Korean puts spaces between words)
_WIDE_END = re.compile(r"[\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uff01-\uff60]$")


def _depths(text: str) -> list[int]:
    """Open paired-tag depth at every position (a cut is allowed only at depth 0)."""
    depth_at = [0] * (len(text) + 1)
    depth = 0
    position = 0
    for match in TAG_PATTERN.finditer(text):
        for index in range(position, match.start()):
            depth_at[index] = depth
        # Just before a tag: the depth outside it for an opening tag, inside for a closing
        # one (a cut there would leave "</2>" alone); within a tag: never a cut.
        depth_at[match.start()] = depth
        for index in range(match.start() + 1, match.end()):
            depth_at[index] = max(depth, 1)
        closing, _number, void = match.groups()
        if void is None:
            depth = max(0, depth - 1) if closing else depth + 1
        position = match.end()
    for index in range(position, len(text) + 1):
        depth_at[index] = depth
    return depth_at


def _is_abbreviation(text: str, dot: int) -> bool:
    """Whether the full stop at *dot* closes an abbreviation or an initial (J. K.)."""
    start = dot
    while start > 0 and not text[start - 1].isspace() and text[start - 1] not in "(\"'“‘":
        start -= 1
    word = text[start:dot].lower()
    if len(word) == 1 and word.isalpha():
        return True
    return word in ABBREVIATIONS


def _cut_points(text: str) -> list[int]:
    depth = _depths(text)
    cuts: set[int] = set()
    for match in _CJK_END.finditer(text):
        end = match.end()
        while end < len(text) and text[end].isspace():
            end += 1
        if 0 < end < len(text) and depth[end] == 0:
            cuts.add(end)
    for match in _LATIN_END.finditer(text):
        punctuation = TAG_PATTERN.sub("", match.group(0)).rstrip(_CLOSERS)
        if punctuation == "." and _is_abbreviation(text, match.start()):
            continue
        end = match.end()
        while end < len(text) and text[end].isspace():
            end += 1
        if end >= len(text) or depth[end] != 0:
            continue
        following = text[end]
        if following.islower():
            continue  # "e.g. this", "3 p.m. today": no new sentence starts in lower case
        cuts.add(end)
    return sorted(cuts)


def split_sentences(text: str) -> list[str]:
    """Split *text* into sentences, each keeping the whitespace that follows it.

    ``"".join(split_sentences(text)) == text`` always holds.
    """
    pieces: list[str] = []
    last = 0
    for cut in _cut_points(text):
        pieces.append(text[last:cut])
        last = cut
    pieces.append(text[last:])
    return [piece for piece in pieces if piece]


def sentence_cuts(text: str) -> list[int]:
    """The offsets where :func:`split_sentences` cuts *text* (each after the whitespace
    that follows a sentence)."""
    return _cut_points(text)


def cut_allowed(text: str, offset: int) -> bool:
    """Whether *text* may be cut into two segments at *offset*: text on both sides, and
    not inside a formatting tag pair (each piece keeps balanced tags), a tag or a
    protected span (a placeholder, a URL)."""
    if not 0 < offset < len(text) or not text[:offset].strip() or not text[offset:].strip():
        return False
    if _depths(text)[offset] != 0:
        return False
    return not any(start < offset < end for _span, start, end in spans_of(text))


def settle_cut(text: str, offset: int) -> int:
    """A cut the cursor put inside or before a run of whitespace moves past it: the
    whitespace stays with the first piece, as the gap that joins the pieces again."""
    while 0 <= offset < len(text) and text[offset].isspace():
        offset += 1
    return offset


def pieces_of(unit: Unit, cuts: Sequence[int]) -> list[Unit]:
    """*unit* cut at *cuts* (sorted offsets into its text): one unit per piece, the unit
    itself when there is no cut.

    A piece's id is ``PARENT#sN``; its meta names the parent and the whitespace that
    followed it, which :func:`join_sentences` needs to join the translations again.
    """
    bounds = [0, *(cut for cut in cuts if 0 < cut < len(unit.source)), len(unit.source)]
    texts = [unit.source[a:b] for a, b in pairwise(bounds)]
    texts = [text for text in texts if text]
    if len(texts) < 2:
        return [unit]
    result = []
    for number, text in enumerate(texts, start=1):
        body = text.rstrip()
        result.append(Unit(f"{unit.id}#s{number}", body, unit.kind, unit.context, None,
                           {**unit.meta, "parent": unit.id, "gap": text[len(body):]}))
    return result


def keeps_whole(unit: Unit, skip_kinds: Sequence[str] = ("cue",)) -> bool:
    """Units sentence splitting leaves whole: a subtitle cue is read as one line on
    screen, and a translation the file already holds cannot be cut into sentences."""
    return unit.kind in skip_kinds or unit.target_status is not None


def split_units(units: Iterable[Unit], skip_kinds: Sequence[str] = ("cue",)) -> list[Unit]:
    """Units with each multi-sentence unit replaced by one unit per sentence (see
    :func:`pieces_of`); cues and units holding a translation stay whole."""
    result: list[Unit] = []
    for unit in units:
        whole = keeps_whole(unit, skip_kinds)
        result.extend([unit] if whole else pieces_of(unit, sentence_cuts(unit.source)))
    return result


def glue(translated: str, gap: str) -> str:
    """What goes between *translated* (a piece's translation) and the next piece: the
    source's whitespace, except none after Chinese or Japanese text."""
    # Chinese and Japanese run sentences (and pieces of one) together: "。 " or "在 北京"
    # would look like a typo
    if gap and not gap.strip(" \t") and _WIDE_END.search(translated):  # a line break stays
        return ""
    return gap


def join_sentences(units: Sequence[Unit], translations: Mapping[str, str]) -> dict[str, str]:
    """Translations per original unit id, from translations of :func:`split_units`'s units.

    Units that were not split pass through; a sentence without a translation keeps its
    source text, so a parent is complete whenever any of its sentences was translated.
    """
    joined: dict[str, str] = {}
    parts: dict[str, list[str]] = {}
    translated: set[str] = set()
    for unit in units:
        parent = unit.meta.get("parent")
        if not isinstance(parent, str):
            if unit.id in translations:
                joined[unit.id] = translations[unit.id]
            continue
        text = translations.get(unit.id)
        if text is not None:
            translated.add(parent)
        body = (text if text is not None else unit.source).strip()
        gap = str(unit.meta.get("gap", ""))
        parts.setdefault(parent, []).append(body + glue(body, gap))
    for parent, pieces in parts.items():
        if parent in translated:
            joined[parent] = "".join(pieces).rstrip()
    return joined
