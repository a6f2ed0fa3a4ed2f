"""PDF layout without the PDF library: lines grouped into paragraphs, paragraphs put in
reading order, hyphenation undone, formulas and code told apart from prose.

Kept free of PyMuPDF so the rules can be read (and tested) on their own: :mod:`.pdf`
turns each page's text into :class:`Line` objects and asks this module what the units are.
A PDF has no paragraphs, columns or reading order of its own; they are inferred from
positions, sizes and fonts, the way a reader's eye does.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

Rect = tuple[float, float, float, float]

#: fonts that draw formulas and symbols (TeX's math italic, symbols and extension fonts,
#: AMS symbols, Symbol, Cambria Math, STIX, dingbats): their text is not prose
_MATH_FONT = re.compile(r"CMMI|CMSY|CMEX|CMBSY|MSAM|MSBM|EUFM|EUSM|rsfs|Symbol|Math|STIX|"
                        r"MT ?Extra|Dingbat|Wingding|Webding|Marvosym|wasy", re.IGNORECASE)
_MONO_FONT = re.compile(r"Courier|Mono|CMTT|Consol|Menlo|Inconsolata|SFTT|LMMono",
                        re.IGNORECASE)
_LETTER = re.compile(r"[^\W\d_]")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uff00-\uffef]")
_SPACES = re.compile(r"\s+")
#: a line ending in a word cut by a hyphen: "Ex-" (ASCII hyphen, U+2010, soft hyphen)
_CUT = re.compile(r"([^\W\d_]+)[-\u2010\u00ad]$")


@dataclass
class Line:
    """One line of text as the PDF draws it (spans of one baseline, joined)."""

    rect: Rect
    text: str
    size: float
    font: str = ""
    bold: bool = False
    italic: bool = False
    serif: bool = True
    color: int = 0
    #: characters drawn in a formula/symbol font, and in a monospaced one
    math_chars: int = 0
    mono_chars: int = 0


@dataclass
class Block:
    """A paragraph (or table cell, header, heading): what becomes one unit."""

    lines: list[Line]
    kind: str = "paragraph"
    #: a table cell's own box (the lines' union otherwise)
    box: Rect | None = None
    extra: dict[str, object] = field(default_factory=dict)

    @property
    def rect(self) -> Rect:
        return self.box or union(line.rect for line in self.lines)

    @property
    def size(self) -> float:
        """The size most of the text is set in (weighted by characters)."""
        weights: dict[float, int] = {}
        for line in self.lines:
            key = round(line.size, 1)
            weights[key] = weights.get(key, 0) + len(line.text)
        return max(weights, key=lambda k: weights[k]) if weights else 10.0


def union(rects: Iterable[Rect]) -> Rect:
    boxes = list(rects)
    return (min(r[0] for r in boxes), min(r[1] for r in boxes),
            max(r[2] for r in boxes), max(r[3] for r in boxes))


def clean(text: str) -> str:
    """One line's text with runs of spaces (justified text) folded."""
    return _SPACES.sub(" ", text).strip()


def join_lines(texts: Sequence[str], hyphenated: set[str] | frozenset[str] = frozenset()) -> str:
    """The lines of one paragraph as one text: ``Ex-`` + ``isting`` is ``Existing``.

    A hyphen at a line's end before a lower-case letter was put there by the typesetter,
    unless the document spells the same compound with its hyphen elsewhere (*hyphenated*,
    lower-cased: "semi-automatic"), so a real compound split at its hyphen keeps it.
    Chinese and Japanese lines join without a space.
    """
    result = ""
    for raw in texts:
        text = clean(raw)
        if not text:
            continue
        if not result:
            result = text
            continue
        cut = _CUT.search(result)
        if cut and text[0].islower():
            word = re.match(r"[^\W\d_]+", text)
            compound = f"{cut.group(1)}-{word.group(0) if word else ''}".lower()
            if result.endswith("\u00ad") or compound not in hyphenated:
                result = result[:-1] + text
            else:
                result = result[:-1] + "-" + text
        elif _CJK.match(text[0]) and _CJK.match(result[-1]):
            result += text
        else:
            result += " " + text
    return result


def hyphenated_words(texts: Iterable[str]) -> set[str]:
    """Compounds written with a hyphen inside a line ("state-of-the-art" gives each pair)."""
    found: set[str] = set()
    for text in texts:
        for match in re.finditer(r"(?=([^\W\d_]+-[^\W\d_]+))", text):
            found.add(match.group(1).lower())
    return found


def rows(lines: list[Line]) -> list[Line]:
    """*lines* (one column) top to bottom, with pieces that share a row joined left to
    right: a PDF may draw a word of a justified line on its own ("2001a.")."""
    merged: list[Line] = []
    for line in sorted(lines, key=lambda ln: (ln.rect[1], ln.rect[0])):
        if merged:
            last = merged[-1]
            top, bottom = max(last.rect[1], line.rect[1]), min(last.rect[3], line.rect[3])
            height = min(last.rect[3] - last.rect[1], line.rect[3] - line.rect[1])
            if height > 0 and bottom - top > 0.5 * height:
                left, right = sorted((last, line), key=lambda ln: ln.rect[0])
                merged[-1] = Line(
                    rect=union((left.rect, right.rect)), text=f"{left.text} {right.text}",
                    size=max(left.size, right.size), font=left.font, bold=left.bold and right.bold,
                    italic=left.italic, serif=left.serif, color=left.color,
                    math_chars=left.math_chars + right.math_chars,
                    mono_chars=left.mono_chars + right.mono_chars)
                continue
        merged.append(line)
    return merged


def columns(lines: list[Line]) -> list[list[Line]]:
    """*lines* of one block sorted into the columns they stand in (left to right), each
    column's lines in order: lines whose horizontal extents overlap, directly or through
    other lines, are one column. (Putting each line in the first column it touches split
    a reference list whose rows are drawn in pieces — "2004." on its own, then the rest
    of the row — into two "columns" standing over each other, whose translations
    overlapped.)"""
    found: list[tuple[float, float, list[Line]]] = []
    for line in sorted(lines, key=lambda ln: ln.rect[0]):
        x0, x1 = line.rect[0], line.rect[2]
        if found and x0 < found[-1][1]:
            left, right, members = found[-1]
            members.append(line)
            found[-1] = (left, max(right, x1), members)
        else:
            found.append((x0, x1, [line]))
    return [rows(members) for _, _, members in found]


def paragraphs(lines: list[Line]) -> list[list[Line]]:
    """Split one text block of the PDF into paragraphs: at a change of text size, and
    at a vertical gap wider than the lines' own spacing (PDF blocks sometimes hold a
    heading and its paragraph, or two paragraphs)."""
    groups: list[list[Line]] = []
    for line in lines:
        if groups:
            last = groups[-1][-1]
            gap = line.rect[1] - last.rect[3]
            size_change = abs(line.size - last.size) > 0.15 * max(line.size, last.size)
            if size_change or gap > 0.9 * max(line.size, last.size) or gap < -last.size * 2:
                groups.append([line])
                continue
            groups[-1].append(line)
        else:
            groups.append([line])
    return groups


def protected_kind(block: Block, body_size: float = 0.0) -> str | None:
    """Why *block* is not prose to translate ("formula", "code", "symbols", "vertical",
    "label"), or None.

    Formulas (mostly in math fonts), code (wholly monospaced), text without a letter
    (page numbers, tick labels) and tiny text, under 70 % of the body size (the labels
    inside a figure), stay on the page as they are.
    """
    text = "".join(line.text for line in block.lines)
    chars = sum(1 for c in text if not c.isspace()) or 1
    math = sum(line.math_chars for line in block.lines)
    mono = sum(line.mono_chars for line in block.lines)
    if math / chars >= 0.4:
        return "formula"
    if mono / chars >= 0.9:
        return "code"
    if not _LETTER.search(text):
        return "symbols"
    if len(block.lines) >= 3 and all(len(line.text.strip()) <= 2 for line in block.lines):
        return "vertical"  # one character a line: vertical writing
    if body_size and block.size <= body_size * 0.7:
        return "label"
    return None


def is_math_font(name: str) -> bool:
    return bool(_MATH_FONT.search(name))


def is_mono_font(name: str, flags: int) -> bool:
    return bool(flags & 8) or bool(_MONO_FONT.search(name))


def _groups(indexes: list[int], rects: Sequence[Rect], axis: int, gap: float) -> list[list[int]]:
    """*indexes* split where their projections on *axis* (0: x, 1: y) leave a gap."""
    ordered = sorted(indexes, key=lambda i: rects[i][axis])
    groups: list[list[int]] = []
    end = float("-inf")
    for i in ordered:
        start, stop = rects[i][axis], rects[i][axis + 2]
        if not groups or start > end + gap:
            groups.append([i])
            end = stop
        else:
            groups[-1].append(i)
            end = max(end, stop)
    return groups


def reading_order(rects: Sequence[Rect]) -> list[int]:
    """Indexes of *rects* in reading order: columns left to right, each top to bottom,
    with full-width parts (a title, a wide figure) cutting the page into bands first.

    A recursive X-Y cut: split into columns where a vertical white gap crosses the
    whole region, else into bands where a horizontal one does (keeping runs of
    multi-column bands together); a region neither cuts is read top to bottom, left
    to right.
    """

    def cut(indexes: list[int]) -> list[int]:
        if len(indexes) <= 1:
            return indexes
        columns = _groups(indexes, rects, 0, 4.0)
        if len(columns) > 1:
            return [i for column in columns for i in cut(column)]
        bands = _groups(indexes, rects, 1, 0.5)
        if len(bands) == 1:
            return sorted(indexes, key=lambda i: (round(rects[i][1]), rects[i][0]))
        # Consecutive bands that are each in columns are one multi-column stretch: two
        # columns whose paragraphs happen to end at the same height are still read
        # column by column, not across.
        regions: list[tuple[list[int], bool]] = []
        for band in bands:
            columned = len(_groups(band, rects, 0, 4.0)) > 1
            if columned and regions and regions[-1][1]:
                regions[-1][0].extend(band)
            else:
                regions.append((list(band), columned))
        if len(regions) == 1:  # columns whose gutters do not line up: band by band
            return [i for band in bands for i in cut(band)]
        return [i for region, _ in regions for i in cut(region)]

    return cut(list(range(len(rects))))


def repeated_margins(pages: Sequence[Sequence[Block]], heights: Sequence[float]) -> None:
    """Mark blocks in the top or bottom 8 % of their page that recur (digits aside) on
    another page as ``header`` or ``footer``: running titles, page footers."""
    def key(block: Block) -> str:
        return re.sub(r"\d+", "#", " ".join(line.text for line in block.lines).strip().lower())

    seen: dict[str, set[int]] = {}
    zones: list[tuple[Block, str, str]] = []
    for number, (blocks, height) in enumerate(zip(pages, heights, strict=True)):
        for block in blocks:
            top, bottom = block.rect[1], block.rect[3]
            zone = "header" if bottom < height * 0.08 else (
                "footer" if top > height * 0.92 else "")
            if zone:
                zones.append((block, zone, key(block)))
                seen.setdefault(key(block), set()).add(number)
    for block, zone, text in zones:
        if len(seen[text]) > 1:
            block.kind = zone


def heading_kinds(blocks: Iterable[Block], body_size: float) -> None:
    """Short blocks set larger than the body text, or wholly bold, are headings."""
    for block in blocks:
        if block.kind != "paragraph" or len(block.lines) > 3:
            continue
        text = " ".join(line.text for line in block.lines)
        bold = all(line.bold for line in block.lines)
        if len(text) < 150 and (block.size >= body_size * 1.15 or bold):
            block.kind = "heading"
