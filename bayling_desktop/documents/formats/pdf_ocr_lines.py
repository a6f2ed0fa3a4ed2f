"""The lines OCR reads off a scan, made into paragraphs: each detected box measured
along its own slope, pieces of one line joined, the page's lines cut into paragraphs by
the rules text-layer pages follow (:mod:`.pdf_layout`), with a scan's looser sizes.
Coordinates are points in the upright image of the page (see :mod:`.pdf_ocr`).
"""

from __future__ import annotations

import itertools
import re
import statistics
from collections.abc import Callable, Sequence

from .pdf_layout import Line, Rect, reading_order, union

_BULLET = re.compile(r"\s*[•·●▪◦■□➢►\-–*]\s*\S")
#: a line box (the detector pads it) is about this many times its text's point size
_BOX_TO_SIZE = 0.72


def ocr_line(corners: Sequence[Sequence[float]], text: str, zoom: float,
             level: Callable[[float, float], tuple[float, float]] | None = None
             ) -> tuple[Line, Rect]:
    """One detected line, in points: upright (a slightly skewed scan's line measured
    along its own slope, so the boxes of neighbouring lines do not overlap; turned by
    *level* first, where the whole page is skewed), and the whole area its tilted box
    covers (what must be painted over)."""
    drawn = [(float(x) / zoom, float(y) / zoom) for x, y in corners[:4]]
    points = [level(x, y) for x, y in drawn] if level else drawn
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    # corners: top-left, top-right, bottom-right, bottom-left
    height = (abs(points[3][1] - points[0][1]) + abs(points[2][1] - points[1][1])) / 2
    middle = sum(ys) / 4
    rect = (min(xs), middle - height / 2, max(xs), middle + height / 2)
    line = Line(rect=rect, text=text, size=height * _BOX_TO_SIZE, font="OCR", serif=False)
    return line, (min(x for x, _ in drawn), min(y for _, y in drawn),
                  max(x for x, _ in drawn), max(y for _, y in drawn))


def join_rows(lines: list[Line]) -> list[Line]:
    """Pieces of one line that OCR found apart ("tween my shoulders." and "Seemed like…"
    with a wide space between) joined left to right: pieces on the same row, less than
    three characters' width apart, with text of the row above or below running across
    the space between them (across a column gutter, none does; a line further away may
    be a heading or a list item set across both columns)."""
    def bridged(left: Line, right: Line) -> bool:
        reach = 1.6 * (left.rect[3] - left.rect[1])
        return any(other.rect[0] < left.rect[2] and other.rect[2] > right.rect[0]
                   and abs(other.rect[1] - left.rect[1]) < reach
                   for other in lines if other is not left and other is not right)

    joined: list[Line] = []
    for line in sorted(lines, key=lambda ln: ln.rect[0]):
        for n, other in enumerate(joined):
            top, bottom = max(other.rect[1], line.rect[1]), min(other.rect[3], line.rect[3])
            height = min(other.rect[3] - other.rect[1], line.rect[3] - line.rect[1])
            gap = line.rect[0] - other.rect[2]
            if (bottom - top > 0.6 * height and -height < gap < 3 * max(line.size, other.size)
                    and bridged(other, line)):
                joined[n] = Line(rect=union((other.rect, line.rect)),
                                 text=f"{other.text} {line.text}",
                                 size=max(other.size, line.size), font=other.font, serif=False)
                break
        else:
            joined.append(line)
    return joined


def ocr_paragraphs(lines: list[Line]) -> list[list[Line]]:
    """OCR lines (no blocks, unlike a text layer) in reading order (the X-Y cut of
    :func:`.pdf_layout.reading_order`, line by line), cut into paragraphs where the next
    line does not sit under the last one, leaves a wider gap than the page's lines
    usually do, changes size, starts with a bullet, or is indented (a first line),
    except under a bullet (a hanging indent), or where the paragraph's box would take
    in a line that is not its own (a caption beside a picture the lines run around)."""
    ordered = [lines[i] for i in reading_order([line.rect for line in lines])]
    pairs = list(itertools.pairwise(ordered))
    gaps = [below.rect[1] - above.rect[3] for above, below in pairs if _stacked(above, below)]
    usual = statistics.median(gaps) if gaps else 0.0
    groups: list[list[Line]] = []
    for line in ordered:
        if groups:
            last, first = groups[-1][-1], groups[-1][0]
            size = max(line.size, last.size)
            close = line.rect[1] - last.rect[3] <= usual + 0.45 * size
            indented = (line.rect[0] > last.rect[0] + 0.8 * line.size
                        and not _BULLET.match(first.text))
            if (_stacked(last, line) and close and abs(line.size - last.size) <= 0.15 * size
                    and not _BULLET.match(line.text) and not indented
                    and not _takes_in(union(ln.rect for ln in [*groups[-1], line]), ordered,
                                      [*groups[-1], line])):
                groups[-1].append(line)
                continue
        groups.append([line])
    return groups


def _takes_in(box: Rect, lines: list[Line], own: list[Line]) -> bool:
    """Whether *box* holds the middle of a line other than its *own*."""
    return any(centre_in(line.rect, box) for line in lines
               if not any(line is mine for mine in own))


def apart(boxes: list[list[Line]]) -> None:
    """Paragraphs whose boxes overlap, one above the other (a detected box reaches a
    little above and below its letters, so close lines' boxes overlap; on a skewed scan
    a long line's box is level with the short line under its low end), made to meet
    halfway: a translation set in one cannot run into the next."""
    for upper, lower in itertools.permutations(boxes, 2):
        a, b = union(ln.rect for ln in upper), union(ln.rect for ln in lower)
        across = min(a[2], b[2]) - max(a[0], b[0])
        a_mid, b_mid = (a[1] + a[3]) / 2, (b[1] + b[3]) / 2
        if across > 0 and a_mid < b_mid and a[3] > b[1]:
            middle = min(max((a[3] + b[1]) / 2, a_mid + 1), b_mid - 1)
            for line in upper:
                if line.rect[3] > middle:
                    line.rect = (line.rect[0], line.rect[1], line.rect[2],
                                 max(middle, line.rect[1] + 1))
            for line in lower:
                if line.rect[1] < middle:
                    line.rect = (line.rect[0], min(middle, line.rect[3] - 1), line.rect[2],
                                 line.rect[3])


def _stacked(above: Line, below: Line) -> bool:
    """Whether *below* could be the line after *above*: under it, overlapping it
    sideways, no more than two lines' height further down."""
    height = above.rect[3] - above.rect[1]
    gap = below.rect[1] - above.rect[3]
    return (min(above.rect[2], below.rect[2]) > max(above.rect[0], below.rect[0])
            and -0.6 * height < gap < 1.5 * height)


def even_sizes(lines: list[Line]) -> None:
    """Give the lines of the body one size: a detected box is as tall as the letters in
    it (ascenders, descenders, capitals), so the same type measures up to a third more
    or less from line to line, which would split every paragraph at a "size change"."""
    if not lines:
        return
    body = statistics.median(line.size for line in lines)
    for line in lines:
        if abs(line.size - body) <= 0.35 * body:
            line.size = body


def centre_in(rect: Sequence[float], box: Sequence[float]) -> bool:
    x, y = (rect[0] + rect[2]) / 2, (rect[1] + rect[3]) / 2
    return box[0] <= x <= box[2] and box[1] <= y <= box[3]
