"""What must survive a translation, checked for presence *and* position.

A unit's invariants are the protected spans of its source (placeholders of every common
syntax, URLs, inline code, template directives, markup inside strings — found by the one
pattern of :mod:`..documents.protect`), its numbered inline tags, its numbers, its edge
whitespace and its line breaks. A small model that cannot place a placeholder tends to
push it to the end (``成功修改了两段文本。%(count)s%(name)s``): the span is there, its
meaning is gone. So presence is not enough; a span that the source had inside the
sentence and the translation has only after its last full stop is *moved*.

Only :mod:`.qa` calls this module; it returns :class:`~bayling_desktop.flags.Flag`\\ s.
"""

from __future__ import annotations

import re
from collections import Counter

from ..documents.protect import spans_of, without_spans
from ..documents.tags import TAG_PATTERN, parse, strip_tags, tag_names
from ..flags import Flag, quote_list

#: what may stand after a span that is still "in its place" at the end of a sentence
_TAIL_FILLER = re.compile(r"[\s\W_]*")
_SENTENCE_END = re.compile(r"[.!?。！？…]['\"”’」』)）]*\s*$")
#: spans a translator may legitimately rewrite (``&amp;`` → 和), so losing one is a review
#: flag, not a blocking one
_SOFT = re.compile(r"^&(?:[A-Za-z]+|#\d+|#x[0-9A-Fa-f]+);$")
_URL = re.compile(r"^(?:https?://|mailto:)|^[\w.+-]+@[\w-]+\.[\w.-]+$")
#: an invented span only matters when it is one a program would interpret
_INTERPRETED = re.compile(r"^(?:%|\$\{|\{|<)")

_NUMBER = re.compile(r"\d+(?:[.,\u00a0\u202f ]\d{3})*(?:[.,]\d+)?")
_CJK_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6,
               "七": 7, "八": 8, "九": 9}
_CJK_NUMERAL = re.compile(r"[零〇一二两三四五六七八九十百千]+")
_SCALE = re.compile(r"(\d+(?:\.\d+)?)\s*(万|亿|千)")
_EN_WORDS = {w: i for i, w in enumerate(
    [
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
    "nineteen", "twenty"
])}


def _tail_start(text: str, tokens: list[tuple[int, int]]) -> int:
    """Where the trailing run of tokens (spans/tags) and filler begins in *text*."""
    position = len(text)
    for start, end in reversed(tokens):
        if _TAIL_FILLER.fullmatch(text[end:position]) is None:
            break
        position = start
    return position


def _moved(source: str, target: str, src: list[tuple[str, int, int]],
           tgt: list[tuple[str, int, int]]) -> list[str]:
    """Tokens the target has only in a trailing run after a full stop (or bunched there,
    when the source had words between them) while the source had them inside the text."""
    if not tgt:
        return []
    tail = _tail_start(target, [(s, e) for _t, s, e in tgt])
    in_tail = [tok for tok, start, _e in tgt if start >= tail]
    if not in_tail or not strip_tags(target[:tail]).strip():
        return []
    src_tail = _tail_start(source, [(s, e) for _t, s, e in src])
    source_tail = Counter(tok for tok, start, _e in src if start >= src_tail)
    candidates = [tok for tok in in_tail if source_tail[tok] == 0]
    if not candidates:
        return []
    after_stop = _SENTENCE_END.search(target[:tail]) is not None
    bunched = len(candidates) >= 2 and _separated_in(source, src, candidates)
    return candidates if after_stop or bunched else []


def _separated_in(source: str, src: list[tuple[str, int, int]], tokens: list[str]) -> bool:
    """Whether words stand between the first two of *tokens* in the source."""
    positions = [(start, end) for tok, start, end in src if tok in tokens][:2]
    if len(positions) < 2:
        return False
    between = source[positions[0][1]:positions[1][0]]
    return re.search(r"[^\W\d_]", between) is not None


def span_flags(source: str, target: str) -> list[Flag]:
    """Protected spans (placeholders, URLs, code, directives, markup) lost, invented or moved."""
    src, tgt = spans_of(source), spans_of(target)
    have, want = Counter(t for t, _s, _e in tgt), Counter(t for t, _s, _e in src)
    flags: list[Flag] = []
    for span in sorted((want - have).elements()):
        if _URL.search(span):
            flags.append(Flag("link_removed", {"url": span}, blocking=True))
        else:
            flags.append(Flag("placeholder_missing", {"name": span},
                              blocking=_SOFT.match(span) is None))
    for span in sorted((have - want).elements()):
        if _INTERPRETED.match(span) and not _SOFT.match(span):
            flags.append(Flag("placeholder_extra", {"name": span}, blocking=True))
    present = [(t, s, e) for t, s, e in tgt if want[t]]
    flags += [Flag("placeholder_moved", {"name": span}, blocking=True)
              for span in dict.fromkeys(_moved(source, target, src, present))]
    return flags


def _tags_with_positions(text: str) -> list[tuple[str, int, int]]:
    return [(m.group(0), m.start(), m.end()) for m in TAG_PATTERN.finditer(text)]


def tag_flags(source: str, target: str) -> list[Flag]:
    """The numbered inline tags: the same ones, once each, nested, not emptied, not moved."""
    expected, found = tag_names(source), tag_names(target)
    if not expected and not found:
        return []
    flags: list[Flag] = []
    try:
        tree = parse(target)
    except ValueError as exc:
        flags.append(Flag("tag_broken", {"detail": str(exc)}, blocking=True))
        tree = None
    want, have = Counter(expected), Counter(found)
    missing, extra = sorted((want - have).elements()), sorted((have - want).elements())
    if missing:
        flags.append(Flag("tag_missing", {"tags": " ".join(missing)}, blocking=True))
    if extra:
        repeated = [t for t in extra if want[t]]
        invented = [t for t in extra if not want[t]]
        if repeated:
            flags.append(Flag("tag_repeated", {"tags": " ".join(repeated)}, blocking=True))
        if invented:
            flags.append(Flag("tag_extra", {"tags": " ".join(invented)}, blocking=True))
    if tree is None or missing or extra:
        return flags
    for number in _emptied(source, target):
        flags.append(Flag("tag_empty", {"tag": f"<{number}>"}, blocking=True))
    moved = _moved(source, target, _tags_with_positions(source), _tags_with_positions(target))
    flags += [Flag("tag_moved", {"tag": tag}, blocking=True)
              for tag in dict.fromkeys(moved) if not tag.startswith("</")]
    return flags


_PAIR = re.compile(r"<(\d+)>(.*?)</\1>", re.S)


def _emptied(source: str, target: str) -> list[str]:
    """Paired tags that hold words in the source and nothing in the target (a link whose
    text went elsewhere: the link is still in the file, but nobody can click it)."""
    inner_source = {m.group(1): m.group(2) for m in _PAIR.finditer(source)}
    inner_target = {m.group(1): m.group(2) for m in _PAIR.finditer(target)}
    return [n for n, text in inner_source.items()
            if re.search(r"\w", strip_tags(text)) and n in inner_target
            and not strip_tags(inner_target[n]).strip() and not tag_names(inner_target[n])]


def _cjk_value(numeral: str) -> int | None:
    """一 → 1, 十二 → 12, 二十 → 20, 三百 → 300 (enough for counts, dates and ordinals)."""
    total, current = 0, 0
    for char in numeral:
        if char in _CJK_DIGITS:
            current = _CJK_DIGITS[char]
        elif char in "十百千":
            unit = {"十": 10, "百": 100, "千": 1000}[char]
            total += (current or 1) * unit
            current = 0
    value = total + current
    return value if numeral else None


def numbers_in(text: str) -> Counter[str]:
    """The numbers of *text*, with separators dropped (1,000 = 1000; 3,5 = 3.5 = 35)."""
    plain = without_spans(strip_tags(text))
    found: Counter[str] = Counter()
    for match in _SCALE.finditer(plain):
        factor = {"万": 10_000, "亿": 100_000_000, "千": 1000}[match.group(2)]
        found[str(round(float(match.group(1)) * factor))] += 1
        plain = plain.replace(match.group(0), " ", 1)
    for match in _NUMBER.finditer(plain):
        found[re.sub(r"\D", "", match.group(0)).lstrip("0") or "0"] += 1
    return found


def _spelled(text: str) -> Counter[str]:
    """Numbers written as words or CJK numerals (二〇二四 is read digit by digit)."""
    found: Counter[str] = Counter()
    for match in _CJK_NUMERAL.finditer(text):
        numeral = match.group(0)
        if len(numeral) >= 3 and not any(c in "十百千" for c in numeral):
            found["".join(str(_CJK_DIGITS[c]) for c in numeral).lstrip("0") or "0"] += 1
        value = _cjk_value(numeral)
        if value is not None:
            found[str(value)] += 1
    for word in re.findall(r"[A-Za-z]+", text):
        if word.lower() in _EN_WORDS:
            found[str(_EN_WORDS[word.lower()])] += 1
    return found


def number_flags(source: str, target: str) -> list[Flag]:
    """A number of the source missing from the translation is blocking (1998 → 2000 must
    never reach the file); one the translation adds (a month name written as 10) is not."""
    want, have = numbers_in(source), numbers_in(target)
    missing = want - have
    if missing:
        missing -= _spelled(target)
    extra = have - want - _spelled(source)
    if not missing and not extra:
        return []
    if not extra:
        return [Flag("numbers_missing", {"missing": quote_list(sorted(missing))},
                     blocking=True)]
    if not missing:
        return [Flag("numbers_added", {"extra": quote_list(sorted(extra))})]
    return [Flag("numbers", {"missing": quote_list(sorted(missing)),
                             "extra": quote_list(sorted(extra))}, blocking=True)]


def edge_whitespace(text: str) -> tuple[str, str]:
    core = text.strip()
    if not core:
        return text, ""
    start = text.index(core[0])
    return text[:start], text[start + len(core):]


def whitespace_flags(source: str, target: str) -> list[Flag]:
    if edge_whitespace(source) != edge_whitespace(target):
        return [Flag("whitespace")]
    return []


def line_flags(source: str, target: str) -> list[Flag]:
    """A multi-line source whose translation has another number of lines (for review;
    formats where lines are structure — subtitles — judge that on export)."""
    expected = source.strip().count("\n") + 1
    found = target.strip().count("\n") + 1
    if expected >= 2 and found != expected:
        return [Flag("lines_changed", {"expected": expected, "found": found})]
    return []


#: quotation marks that come in pairs (the ASCII ones and ‘’ do not: ' and ’ are also
#: apostrophes, " opens and closes alike)
_QUOTE_PAIRS = ("「」", "『』", "《》", "“”", "«»")


def _unbalanced_quotes(text: str) -> list[str]:
    return [pair for pair in _QUOTE_PAIRS if text.count(pair[0]) != text.count(pair[1])]


def quote_flags(source: str, target: str) -> list[Flag]:
    """A quotation opened and never closed (WTForms' ``'%(value)s' is not a valid
    choice`` came back ``「%(value)s'は…``): the reader cannot tell where the quoted
    name ends. Only when every pair of the source is closed (a unit may hold half of a
    quotation that runs on into the next)."""
    plain = strip_tags(source)
    if _unbalanced_quotes(plain) or plain.count('"') % 2:
        return []
    broken = _unbalanced_quotes(strip_tags(target))
    return [Flag("quotes_unbalanced", {"marks": broken[0]}, blocking=True)] if broken else []
