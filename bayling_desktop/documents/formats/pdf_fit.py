"""Where each translation of a PDF page goes, and at what size: fitting, growing, and
keeping translations off each other and off text that stays.

Text that does not fit shrinks: one scale for the whole document (the median of what
the paragraphs need, so sizes stay uniform), then per paragraph down to :data:`FLOOR`
points, then the box may grow downwards into free space. A paragraph that still does
not fit keeps its original text (:mod:`.pdf_write` flags it with its page).

Boxes can collide even so: a PDF may set a paragraph around a small label ("TIP" in an
icon inside the paragraph's box), or hide a line under a drawing inside another
paragraph's box. :func:`settle` makes sure no translation is set over another one or
over original text that stays: a box that holds another unit's text gives way around it
(the largest part of the box that is clear of it), and shrinks within the same limits
to fit there; what cannot fit keeps its original text, and then the others give way
to that too.
"""

from __future__ import annotations

import html
import statistics
from collections.abc import Mapping, Sequence
from typing import Any, cast

from ..model import Unit
from ..tags import strip_tags
from .pdf import fitz

#: the smallest size a translation is set in (points), unless the original was smaller
FLOOR = 6.0
#: the document-wide scale never goes below this (the rest is per paragraph, to FLOOR)
UNIFORM_LOW = 0.7

Rect = tuple[float, float, float, float]
#: a word wider than its box shrinks the text rather than running out of the box
NO_OVERFLOW = 1  # mupdf.FZ_PLACE_STORY_FLAGNO_OVERFLOW
#: the share of a line's height above and below its glyphs' middle band: line boxes
#: carry the fonts' whole ascent and descent, so the boxes of touching lines overlap
#: without their text touching (the benchmark's overlap measure trims the same)
TRIM = 0.2


class Placement:
    """A translation to set: its unit, text, box and size."""

    def __init__(self, unit: Unit, text: str, rect: Rect, size: float) -> None:
        self.unit, self.text, self.rect, self.size = unit, text, rect, size
        #: the ink's colour read off a scan (0xRRGGBB), for a unit read by OCR
        self.ink: int | None = None


def box(unit: Unit) -> Rect:
    x0, y0, x1, y1 = cast(Sequence[float], unit.meta["rect"])
    return (float(x0), float(y0), float(x1), float(y1))


def page_of(unit: Unit) -> int:
    return int(cast(int, unit.meta["page"]))


def size_of(unit: Unit) -> float:
    return float(cast(float, unit.meta.get("size", 10.0)))


def turn_of(unit: Unit) -> int:
    """How far the unit's lines are turned on the page (degrees, clockwise as MuPDF's
    y-down coordinates go: 90 runs down the page, 270 up it; 0 across)."""
    return int(cast(int, unit.meta.get("turn", 0))) % 360


def lines_of(unit: Unit) -> list[Sequence[float]]:
    return cast(list[Sequence[float]], unit.meta.get("lines") or [unit.meta["rect"]])


def css(unit: Unit, size: float, ink: int | None = None) -> str:
    family = "serif" if unit.meta.get("serif") else "sans-serif"
    weight = "bold" if unit.meta.get("bold") else "normal"
    style = "italic" if unit.meta.get("italic") else "normal"
    color = int(cast(int, unit.meta.get("color", 0)) or 0) if ink is None else ink
    return (f"* {{font-family: {family}; font-size: {size:.2f}pt; font-weight: {weight}; "
            f"font-style: {style}; color: #{color & 0xFFFFFF:06x}; line-height: 1.12; "
            "margin: 0; padding: 0;} body {margin: 0; padding: 0;}")


def markup(text: str, lang: str | None) -> str:
    body = html.escape(strip_tags(text)).replace("\n", "<br/>")
    return f'<div lang="{html.escape(lang)}">{body}</div>' if lang else f"<div>{body}</div>"


def shrink_needed(rect: Rect, html_text: str, style: str, turn: int = 0) -> float:
    """How much the text must shrink to fit *rect* (its lines turned by *turn* degrees):
    1.0 when it fits as it is, 0.0 when nothing fits (an empty box).

    MuPDF's HTML layout answers by how much the box would have to grow; shrinking
    the text by the inverse is the same thing. Nothing is drawn.
    """
    width, height = rect[2] - rect[0], rect[3] - rect[1]
    if turn % 180:
        width, height = height, width
    if width <= 0 or height <= 0:
        return 0.0
    story = fitz().Story(html_text, user_css=style)
    fit = story.fit_scale(fitz().Rect(0, 0, width, height), scale_min=1, scale_max=None,
                          delta=0.005, flags=NO_OVERFLOW)
    return 1.0 / float(fit.parameter) if fit.big_enough and fit.parameter else 0.0


def need(unit: Unit, text: str, rect: Rect, lang: str | None) -> float:
    """:func:`shrink_needed` for *unit*'s translation *text* in *rect*."""
    return shrink_needed(rect, markup(text, lang), css(unit, size_of(unit)), turn_of(unit))


def obstacles(page: Any, own: set[Rect]) -> list[Rect]:
    """What a growing box must not run into: text that stays, images, other boxes."""
    rects: list[Rect] = []
    for block in page.get_text("blocks"):
        rects.append((block[0], block[1], block[2], block[3]))
    for info in page.get_image_info():
        x0, y0, x1, y1 = info["bbox"]
        rects.append((x0, y0, x1, y1))
    rects.extend(own)
    return rects


def grown(rect: Rect, others: Sequence[Rect], page_height: float) -> Rect:
    """*rect* extended downwards to just above the nearest thing under it (a box whose
    top is below *rect*'s middle is under it: OCR's line boxes overlap a little)."""
    x0, y0, x1, y1 = rect
    bottom = page_height - 18.0
    for ox0, oy0, ox1, _oy1 in others:
        if oy0 >= (y0 + y1) / 2 and ox0 < x1 - 0.5 and ox1 > x0 + 0.5:
            bottom = min(bottom, oy0 - 1.0)
    return (x0, y0, x1, max(y1, bottom))


def uniform_scale(needs: Sequence[tuple[Unit, float]]) -> float:
    """The one scale of the document's body text (see the module's docstring)."""
    body = [n for unit, n in needs if unit.kind == "paragraph" and n > 0]
    return max(UNIFORM_LOW, min(1.0, statistics.median(body))) if body else 1.0


def ink(unit: Unit) -> list[Rect]:
    """The middle bands of *unit*'s original lines: where its glyphs are (for lines
    turned up or down the page, the band runs down the middle)."""
    bands: list[Rect] = []
    turned = bool(turn_of(unit) % 180)
    for x0, y0, x1, y1 in (tuple(line[:4]) for line in lines_of(unit)):
        if turned:
            trim = (x1 - x0) * TRIM
            bands.append((x0 + trim, y0, x1 - trim, y1))
        else:
            trim = (y1 - y0) * TRIM
            bands.append((x0, y0 + trim, x1, y1 - trim))
    return bands


def _core(item: Placement) -> Rect:
    """Where *item*'s translation will have the middle bands of its lines: its box less
    a tenth of the text's size at the top and at the bottom. (A re-read line's box
    carries its font's whole ascent and descent — 1.3 to 1.5 times the size for Droid
    Sans Fallback and Charis, more than the 1.12 line height the layout gives it — so
    its middle band may start just 0.11 of the size below the box's top.)"""
    x0, y0, x1, y1 = item.rect
    trim = item.size * 0.1
    if turn_of(item.unit) % 180:  # its lines run up or down the page
        return (x0 + trim, y0, max(x0 + trim, x1 - trim), y1)
    return (x0, y0 + trim, x1, max(y0 + trim, y1 - trim))


def _meets(a: Rect, b: Rect) -> bool:
    return min(a[2], b[2]) - max(a[0], b[0]) > 0.5 and min(a[3], b[3]) - max(a[1], b[1]) > 0.5


def _clear_of(rect: Rect, blocker: Rect) -> list[Rect]:
    """The parts of *rect* above, below, left and right of *blocker* (the empty ones
    left out), largest first."""
    x0, y0, x1, y1 = rect
    parts = [(x0, y0, x1, blocker[1]), (x0, blocker[3], x1, y1),
             (x0, y0, blocker[0], y1), (blocker[2], y0, x1, y1)]
    return sorted((r for r in parts if r[2] - r[0] > 1 and r[3] - r[1] > 1),
                  key=lambda r: -(r[2] - r[0]) * (r[3] - r[1]))


def _give_way(item: Placement, blocker: Rect, lang: str | None) -> float:
    """Move *item* into the part of its box clear of *blocker* where its text can be
    largest (a one-line label fits a short wide part better than a tall narrow one);
    returns the scale its text needs there (0.0: no part)."""
    best: tuple[float, Rect] | None = None
    for part in _clear_of(item.rect, blocker):
        scale = need(item.unit, item.text, part, lang)
        if best is None or scale > best[0]:
            best = (scale, part)
    if best is None:
        return 0.0
    item.rect = best[1]
    return best[0]


def settle(placed: list[Placement], kept: list[Unit], uniform: float,
           lang: str | None) -> tuple[list[Placement], list[Placement]]:
    """*placed* with no translation over another or over the text of *kept* units
    (see the module's docstring); returns (placed, those that now keep their text).

    Smaller boxes are settled first: a label inside a paragraph's box keeps its place
    and the paragraph gives way around it.
    """
    blocked = [band for unit in kept for band in ink(unit)]
    settled: list[Placement] = []
    given_up: list[Placement] = []
    pending = sorted(placed, key=lambda p: (p.rect[2] - p.rect[0]) * (p.rect[3] - p.rect[1]))
    while pending:
        item = pending.pop(0)
        blockers = blocked + [_core(other) for other in settled]
        while True:
            hit = next((b for b in blockers if _meets(_core(item), b)), None)
            if hit is None:
                settled.append(item)
                break
            size = size_of(item.unit)
            scale = _give_way(item, hit, lang)
            if size * scale < min(FLOOR, size) - 0.01:
                # its original stays: whatever was settled over it is settled again
                given_up.append(item)
                blocked += ink(item.unit)
                again = [other for other in settled
                         if any(_meets(_core(other), band) for band in ink(item.unit))]
                settled = [other for other in settled if other not in again]
                pending = sorted(again + pending, key=lambda p: (p.rect[2] - p.rect[0])
                                 * (p.rect[3] - p.rect[1]))
                break
            item.size = max(size * min(uniform, scale), min(FLOOR, size))
    return settled, given_up


def pages_needs(items: Mapping[int, list[tuple[Unit, str]]],
                lang: str | None) -> dict[str, float]:
    """unit id -> how much its translation must shrink to fit its own box."""
    return {unit.id: need(unit, text, box(unit), lang)
            for page_items in items.values() for unit, text in page_items}
