"""Scanned PDF pages read by offline OCR: RapidOCR's ONNX models (inside its wheel) run
by onnxruntime, so nothing is downloaded and the frozen app carries them.

A page is a scan when it has no visible text: no text layer at all, or only an
invisible one (render mode 3, what OCR tools such as ocrmypdf lay under a scan; its
text cannot be replaced in place, since the glyphs a reader sees are the image's).
Such a page is rendered, read, and its lines grouped into paragraphs by the same rules
as text-layer pages (:mod:`.pdf_layout`); each becomes a unit marked ``ocr`` with its
confidence. The translated page covers each paragraph of the scan with a box of the
paper's own colour (sampled around it) and sets the translation on it.

RapidOCR's default models read Chinese and English (Latin letters without accents);
text in other languages is read as well as they can, and flagged ``ocr_language`` so a
reviewer compares it with the page (other scripts come out as look-alike Latin letters
or not at all): never dropped, never trusted silently. A line read with low confidence
is flagged ``ocr_uncertain``; a page where nothing was read is named in a notice.
"""

from __future__ import annotations

import itertools
import os
import re
import statistics
import threading
from collections.abc import Callable, Sequence
from typing import Any

from ...flags import Flag
from ..model import Unit
from .pdf_layout import Block, Line, Rect, reading_order, union

_BULLET = re.compile(r"\s*[•·●▪◦■□➢►\-–*]\s*\S")
#: what the bundled models read: text in other languages is flagged for review
OCR_LANGUAGES = ("zh", "en")
#: a paragraph whose least sure line scores under this is flagged for review
UNCERTAIN = 0.8
#: the resolution pages are read at, and the most pixels along a side (RapidOCR shrinks
#: larger images to 2,000 anyway: rendering more only costs time)
DPI = 150
MAX_SIDE = 2000
#: a line box (the detector pads it) is about this many times its text's point size
_BOX_TO_SIZE = 0.72

#: reads an RGB image (height × width × 3, uint8): (corner points, text, confidence)
Engine = Callable[[Any], Sequence[tuple[Sequence[Sequence[float]], str, float]]]

_lock = threading.Lock()
_engine: list[Engine | None] = []


def ocr_engine() -> Engine | None:
    """The OCR engine, built once per process (loading the models takes a moment); None
    when RapidOCR is not installed (the scans are then kept and named, as before)."""
    with _lock:
        if not _engine:
            _engine.append(_load())
        return _engine[0]


def _load() -> Engine | None:
    # OpenCV's wheel points Qt at its own plugins and fonts when imported: the app's Qt
    # (PySide6) must keep its own, so those variables are put back as they were.
    saved = {key: os.environ.get(key) for key in ("QT_QPA_PLATFORM_PLUGIN_PATH",
                                                  "QT_QPA_FONTDIR")}
    try:
        from rapidocr_onnxruntime import RapidOCR
    except ImportError:
        return None
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
    reader = RapidOCR()

    def read(image: Any) -> list[tuple[Sequence[Sequence[float]], str, float]]:
        found, _elapsed = reader(image)
        return [(box, str(text), float(score)) for box, text, score in found or ()]

    return read


def needs_ocr(page: Any) -> bool:
    """Whether *page* is a scan: it uses a picture and shows no text (it has none, or an
    invisible OCR layer). Cheap for the usual page: listing a page's pictures reads only
    its resources, and only a page with one has its text traced."""
    if not page.get_images(full=False):
        return False
    trace = page.get_texttrace()
    return not any(span.get("type") != 3 and span.get("opacity", 1) > 0 for span in trace)


def read_page(page: Any, engine: Engine) -> tuple[list[Block], bool]:
    """The paragraphs OCR finds on *page* (an unrotated one: a turned page is kept as it
    is, like turned text), in reading order, and whether some lines run up or down the
    page (a sideways scan, a spine: kept as they are, like vertical text of a text
    layer); each block's ``extra["ocr"]`` is the confidence of its least sure line."""
    import numpy
    import pymupdf

    width, height = page.rect.width, page.rect.height
    zoom = min(DPI / 72, MAX_SIDE / max(width, height, 1.0))
    pixmap = page.get_pixmap(matrix=pymupdf.Matrix(zoom, zoom), colorspace=pymupdf.csRGB,
                             alpha=False)
    image = numpy.frombuffer(pixmap.samples, dtype=numpy.uint8).reshape(
        pixmap.height, pixmap.width, 3)
    found: list[tuple[Line, float, Rect]] = []
    turned = 0
    for corners, text, score in engine(image):
        if text.strip():
            line, drawn = _line(corners, text, zoom)
            if drawn[3] - drawn[1] > 1.5 * (drawn[2] - drawn[0]) and len(text.strip()) > 1:
                turned += 1  # a line running up or down the page
                continue
            found.append((line, score, drawn))
    if turned >= len(found) > 0:
        return [], True  # a page scanned sideways: its few "lines" across are misreadings
    _even_sizes([line for line, _, _ in found])
    blocks: list[Block] = []
    for group in _paragraphs(_join_rows([line for line, _, _ in found])):
        block = Block(group)
        inside = [(score, drawn) for line, score, drawn in found
                  if _centre_in(line.rect, block.rect)]
        block.extra["ocr"] = round(min((s for s, _ in inside), default=0.0), 3)
        block.extra["cover"] = union([block.rect, *(d for _, d in inside)])
        blocks.append(block)
    return blocks, turned > 0


def _line(corners: Sequence[Sequence[float]], text: str, zoom: float) -> tuple[Line, Rect]:
    """One detected line, in points: upright (a slightly skewed scan's line measured
    along its own slope, so the boxes of neighbouring lines do not overlap), and the
    whole area its tilted box covers (what must be painted over)."""
    points = [(float(x) / zoom, float(y) / zoom) for x, y in corners[:4]]
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    # corners: top-left, top-right, bottom-right, bottom-left
    height = (abs(points[3][1] - points[0][1]) + abs(points[2][1] - points[1][1])) / 2
    middle = sum(ys) / 4
    rect = (min(xs), middle - height / 2, max(xs), middle + height / 2)
    line = Line(rect=rect, text=text, size=height * _BOX_TO_SIZE, font="OCR", serif=False)
    return line, (min(xs), min(ys), max(xs), max(ys))


def _join_rows(lines: list[Line]) -> list[Line]:
    """Pieces of one line that OCR found apart ("tween my shoulders." and "Seemed like…"
    with a wide space between) joined left to right: pieces on the same row, less than
    three characters' width apart, with text of a nearby row running across the space
    between them (across a column gutter, none does)."""
    def bridged(left: Line, right: Line) -> bool:
        reach = 3 * (left.rect[3] - left.rect[1])
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


def _paragraphs(lines: list[Line]) -> list[list[Line]]:
    """OCR lines (no blocks, unlike a text layer) in reading order (the X-Y cut of
    :func:`.pdf_layout.reading_order`, line by line), cut into paragraphs where the next
    line does not sit under the last one, leaves a wider gap than the page's lines
    usually do, changes size, starts with a bullet, or is indented (a first line),
    except under a bullet (a hanging indent)."""
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
                    and not _BULLET.match(line.text) and not indented):
                groups[-1].append(line)
                continue
        groups.append([line])
    return groups


def _stacked(above: Line, below: Line) -> bool:
    """Whether *below* could be the line after *above*: under it, overlapping it
    sideways, no more than two lines' height further down."""
    height = above.rect[3] - above.rect[1]
    gap = below.rect[1] - above.rect[3]
    return (min(above.rect[2], below.rect[2]) > max(above.rect[0], below.rect[0])
            and -0.6 * height < gap < 1.5 * height)


def _even_sizes(lines: list[Line]) -> None:
    """Give the lines of the body one size: a detected box is as tall as the letters in
    it (ascenders, descenders, capitals), so the same type measures up to a third more
    or less from line to line, which would split every paragraph at a "size change"."""
    if not lines:
        return
    body = statistics.median(line.size for line in lines)
    for line in lines:
        if abs(line.size - body) <= 0.35 * body:
            line.size = body


def _centre_in(rect: Sequence[float], box: Sequence[float]) -> bool:
    x, y = (rect[0] + rect[2]) / 2, (rect[1] + rect[3]) / 2
    return box[0] <= x <= box[2] and box[1] <= y <= box[3]


class Scans:
    """What :func:`.pdf.load` did with the pages that show text only as pixels: read by OCR,
    read without a line found, kept as they are (OCR not installed: ``blank``; turned)."""

    def __init__(self) -> None:
        self.read_pages: list[int] = []
        self.unread: list[int] = []
        self.blank: list[int] = []
        self.turned: list[int] = []
        self._engine: list[Engine | None] = []

    def read(self, page: Any, number: int) -> list[Block]:
        if page.rotation % 360:
            self.turned.append(number)  # set back upright it would read sideways
            return []
        if not self._engine:
            self._engine.append(ocr_engine())
        engine = self._engine[0]
        if engine is None:
            self.blank.append(number)
            return []
        try:
            blocks, turned = read_page(page, engine)
        except Exception:  # whatever onnxruntime or OpenCV raise on one page: that page
            blocks, turned = [], False  # is kept as it is and named; the rest is read
        if turned:
            self.turned.append(number)
        if blocks or not turned:
            (self.read_pages if blocks else self.unread).append(number)
        return blocks


def ocr_flags(units: Sequence[Unit], source: str | None) -> dict[str, list[Flag]]:
    """unit id -> what a reviewer should check about the OCR of that unit: a line read
    with low confidence, or text in a language the models do not read (*source*, the
    document's source language, when known)."""
    foreign = source is not None and source.split("-")[0].lower() not in OCR_LANGUAGES
    found: dict[str, list[Flag]] = {}
    for unit in units:
        score = unit.meta.get("ocr")
        if not isinstance(score, (int, float)):
            continue
        page = unit.meta.get("page")
        if foreign:
            found.setdefault(unit.id, []).append(
                Flag("ocr_language", {"page": page, "language": source}))
        if score < UNCERTAIN:
            found.setdefault(unit.id, []).append(
                Flag("ocr_uncertain", {"page": page, "score": f"{score:.2f}"}))
    return found


def colours(page: Any, rect: Sequence[float]) -> tuple[tuple[float, float, float],
                                                        tuple[float, float, float]]:
    """The paper's colour around *rect* on *page* (the median of a ring just outside
    it) and the ink's (the pixels farthest from it), as RGB in 0..1."""
    import numpy
    import pymupdf

    pad = 2.0
    clip = pymupdf.Rect(rect[0] - pad, rect[1] - pad, rect[2] + pad, rect[3] + pad)
    clip &= page.rect
    if clip.is_empty:
        return (1.0, 1.0, 1.0), (0.0, 0.0, 0.0)
    pixmap = page.get_pixmap(clip=clip, dpi=72, colorspace=pymupdf.csRGB, alpha=False)
    pixels = numpy.frombuffer(pixmap.samples, dtype=numpy.uint8).reshape(
        pixmap.height, pixmap.width, 3).astype(float)
    ring = numpy.concatenate([pixels[0], pixels[-1], pixels[:, 0], pixels[:, -1]])
    paper = numpy.median(ring, axis=0)
    distance = numpy.abs(pixels - paper).sum(axis=2).ravel()
    flat = pixels.reshape(-1, 3)
    darkest = flat[distance >= numpy.percentile(distance, 95)]
    ink = darkest.mean(axis=0) if len(darkest) else 255 - paper
    if numpy.abs(ink - paper).sum() < 120:  # too little contrast: black or white
        ink = numpy.zeros(3) if paper.mean() > 128 else numpy.full(3, 255.0)
    return (tuple(float(v) / 255 for v in paper),  # type: ignore[return-value]
            tuple(float(v) / 255 for v in ink))


def cover(page: Any, rects: Sequence[Sequence[float]],
          colour: tuple[float, float, float]) -> None:
    """Paint *rects* over the scan in *colour*, before a translation is set there."""
    import pymupdf

    x0, y0, x1, y1 = union([(r[0], r[1], r[2], r[3]) for r in rects])
    page.draw_rect(pymupdf.Rect(x0 - 1, y0 - 1, x1 + 1, y1 + 1), color=None, fill=colour,
                   overlay=True, width=0)
