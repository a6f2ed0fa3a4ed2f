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

import math
import os
import statistics
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from ...flags import Flag
from ..model import Unit
from .pdf_layout import Block, Line, Rect, union
from .pdf_ocr_gaps import split_and_spaced
from .pdf_ocr_lines import apart, centre_in, even_sizes, join_rows, ocr_line, ocr_paragraphs

#: what the bundled models read: text in other languages is flagged for review
OCR_LANGUAGES = ("zh", "en")
#: a paragraph whose least sure line scores under this is flagged for review
UNCERTAIN = 0.8
#: the resolution pages are read at, and the most pixels along a side (RapidOCR shrinks
#: larger images to 2,000 anyway: rendering more only costs time)
DPI = 150
MAX_SIDE = 2000
#: the direction classifier's answer is taken from this confidence on (RapidOCR's own)
_FLIP_SURE = 0.9
#: a line tilted more than this (degrees) is on a slant, not a skewed scan's line
_SLANT = 10.0
#: a page whose lines are tilted this much (degrees) or more is set level to be read
_SKEW = 0.3
#: lines read with less confidence are left out (RapidOCR's own default)
_TEXT_SCORE = 0.5


@dataclass
class Reading:
    """What the engine read off one image: per line its corner points (pixels), text,
    confidence and one cell per character (corner points: where the recogniser saw it);
    and the share of the detected lines its direction classifier found upside down."""

    lines: list[tuple[Sequence[Sequence[float]], str, float, Sequence[Any]]]
    flipped: float = 0.0


#: reads an RGB image (height × width × 3, uint8)
Engine = Callable[[Any], Reading]

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
    # the classifier turns each upside-down line over before it is read, and says so
    # only to itself: its answers are kept to tell a page that is upside down
    classify = reader.text_cls
    answers: list[Sequence[Any]] = []

    def classify_and_keep(images: Any) -> Any:
        found = classify(images)
        answers.append(found[1])
        return found

    reader.text_cls = classify_and_keep
    lock = threading.Lock()

    def read(image: Any) -> Reading:
        with lock:
            answers.clear()
            # every detected line is returned (text_score 0), so that each lines up
            # with the classifier's answer for it; the unsure ones are left out here
            found, _elapsed = reader(image, return_word_box=True, text_score=0.0)
            labels = [label for batch in answers for label in batch]
        flips = [str(label) == "180" and float(score) >= _FLIP_SURE for label, score in labels]
        found = found or []
        if len(flips) != len(found):
            flips = [True] * len(found)  # unknown: no cells are trusted
        lines = [(item[0], str(item[1]), float(item[2]),
                  # a line turned over is read turned, its cells mirrored: not used
                  () if flipped or len(item) < 4 else item[3])
                 for item, flipped in zip(found, flips, strict=True)
                 if float(item[2]) >= _TEXT_SCORE]
        return Reading(lines, sum(flips) / max(len(flips), 1))

    return read


def needs_ocr(page: Any) -> bool:
    """Whether *page* is a scan: it uses a picture and shows no text (it has none, or an
    invisible OCR layer). Cheap for the usual page: listing a page's pictures reads only
    its resources, and only a page with one has its text traced."""
    if not page.get_images(full=False):
        return False
    trace = page.get_texttrace()
    return not any(span.get("type") != 3 and span.get("opacity", 1) > 0 for span in trace)


def read_page(page: Any, engine: Engine,
              only: Callable[[Rect, float, str], bool] | None = None
              ) -> tuple[list[Block], bool]:
    """The paragraphs OCR finds on *page*, in reading order, and whether the page had to
    be kept because its lines run every which way; each block's ``extra["ocr"]`` is the
    confidence of its least sure line, ``extra["turn"]`` how far its lines are turned.

    The page is read as it is displayed (its /Rotate applied). Lines that run up or down
    the page (a sideways scan) or a page where most lines are upside down are read again
    with the picture turned the way its text stands; the boxes found are mapped back to
    the page's own (unrotated) coordinates, where the translation is written turned as
    the original lines are. With *only*, just the lines it accepts (box on the page,
    confidence, text) are kept, and the page is read only as it is shown."""
    import numpy
    import pymupdf

    width, height = page.rect.width, page.rect.height
    zoom = min(DPI / 72, MAX_SIDE / max(width, height, 1.0))
    pixmap = page.get_pixmap(matrix=pymupdf.Matrix(zoom, zoom), colorspace=pymupdf.csRGB,
                             alpha=False)
    image = numpy.frombuffer(pixmap.samples, dtype=numpy.uint8).reshape(
        pixmap.height, pixmap.width, 3)
    reading = engine(image)
    found, across, down, slanted, skew = _lines(reading, zoom, image)
    frame = image
    angle = 0
    if only is not None:
        found = [item for item in found if only(item[0].rect, item[1], item[0].text)]
        down = slanted = 0
    elif down >= across > 0 or (down and not across) or (across and reading.flipped >= 0.25):
        # lines running up or down the page, or many upside down: read again turned
        # each other way it could stand, and keep the surest reading across
        best = ((_sureness(found), found, 0, across, down, slanted, skew, image)
                if across > down else None)
        for turn in (90, 270) if down >= across else (180,):
            frame = numpy.ascontiguousarray(numpy.rot90(image, k=turn // 90))
            lines, across, down, slanted, skew = _lines(engine(frame), zoom, frame)
            if across > down and (best is None or _sureness(lines) > best[0]):
                best = (_sureness(lines), lines, turn, across, down, slanted, skew, frame)
        if best is None:
            return [], True  # read no way up: kept as it is and named
        _, found, angle, across, down, slanted, skew, frame = best
    even_sizes([line for line, _, _ in found])
    # frame (upright image, points) -> page as displayed -> page unrotated
    upright = pymupdf.Rect(0, 0, *((height, width) if angle % 180 else (width, height)))
    to_page = pymupdf.Matrix(angle)
    shift = upright * to_page
    to_page = (to_page * pymupdf.Matrix(1, 0, 0, 1, -shift.x0, -shift.y0)
               * page.derotation_matrix)
    turn = (angle - page.rotation) % 360

    # a level box (of a skewed page) keeps its size, its top left corner turned back into
    # place (where a line starts: paragraphs set flush left stay stacked, not staggered)
    middle = pymupdf.Point(frame.shape[1] / zoom / 2, frame.shape[0] / zoom / 2)
    back = (pymupdf.Matrix(1, 0, 0, 1, -middle.x, -middle.y) * pymupdf.Matrix(skew)
            * pymupdf.Matrix(1, 0, 0, 1, middle.x, middle.y))

    def mapped(rect: Sequence[float], level: bool = True) -> Rect:
        box = pymupdf.Rect(rect)
        if level and skew:
            corner = box.tl * back
            box = pymupdf.Rect(corner.x, corner.y, corner.x + box.width, corner.y + box.height)
        box = box * to_page
        return (box.x0, box.y0, box.x1, box.y1)

    groups = ocr_paragraphs(join_rows([line for line, _, _ in found]))
    apart(groups)
    blocks: list[Block] = []
    for group in groups:  # all measured in the frame before any box is mapped
        inside = [(score, drawn) for line, score, drawn in found
                  if centre_in(line.rect, union(ln.rect for ln in group))]
        block = Block(group)
        block.extra["ocr"] = round(min((s for s, _ in inside), default=0.0), 3)
        block.extra["cover"] = union([*(mapped(ln.rect) for ln in group),
                                      *(mapped(d, level=False) for _, d in inside)])
        if turn:
            block.extra["turn"] = turn
        blocks.append(block)
    for line in {id(ln): ln for group in groups for ln in group}.values():
        line.rect = mapped(line.rect)
    return blocks, down + slanted > 0  # a spine, a chart's slanted labels: kept, named


def _sureness(lines: list[tuple[Line, float, Rect]]) -> float:
    """How sure a reading is: its confidence weighted by characters (text read the wrong
    way up still comes out, as look-alike letters read with less confidence)."""
    chars = sum(len(line.text) for line, _, _ in lines)
    return sum(len(line.text) * score for line, score, _ in lines) / max(chars, 1)


def _lines(reading: Reading, zoom: float, image: Any
           ) -> tuple[list[tuple[Line, float, Rect]], int, int, int, float]:
    """The lines of *reading* that run across the image (each with its confidence and
    the area its tilted box covers, in points; a line bridging a column gutter cut in
    two), and how many characters run across, up or down it (boxes tall and narrow),
    and on a slant (a chart's labels: left as they are, as slanted text of a text
    layer is, since set across they would run into each other). On a skewed scan the
    lines are set level (turned by the page's skew about the image's middle: its long
    lines then stack as they were typeset), and the skew (degrees) is returned."""
    pieces = [(part, text, score) for corners, raw, score, cells in reading.lines
              for part, text in split_and_spaced(corners, raw, cells, image) if text.strip()]
    tilts = [_tilt(part) for part, text, _ in pieces if len(text) >= 8]
    skew = statistics.median(t for t in tilts if abs(t) <= _SLANT) if any(
        abs(t) <= _SLANT for t in tilts) else 0.0
    skew = skew if abs(skew) >= _SKEW else 0.0
    middle_x, middle_y = image.shape[1] / zoom / 2, image.shape[0] / zoom / 2
    turn = math.radians(-skew)

    def level(x: float, y: float) -> tuple[float, float]:
        dx, dy = x - middle_x, y - middle_y
        return (middle_x + dx * math.cos(turn) - dy * math.sin(turn),
                middle_y + dx * math.sin(turn) + dy * math.cos(turn))

    found: list[tuple[Line, float, Rect]] = []
    across = down = slanted = 0
    for part, text, score in pieces:
        line, drawn = ocr_line(part, text, zoom, level if skew else None)
        chars = len(text.strip())
        if drawn[3] - drawn[1] > 1.5 * (drawn[2] - drawn[0]) and chars > 1:
            down += chars  # a line running up or down the page
        elif abs(_tilt(part) - skew) > _SLANT:
            slanted += chars
        else:
            across += chars
            found.append((line, score, drawn))
    return found, across, down, slanted, skew


def _tilt(corners: Sequence[Sequence[float]]) -> float:
    """How far a detected box's top edge climbs or falls, in degrees."""
    return math.degrees(math.atan2(float(corners[1][1]) - float(corners[0][1]),
                                   float(corners[1][0]) - float(corners[0][0])))


#: a picture covering this share of a page that has a text layer may hold text of its
#: own (a scanned figure, a screenshot) ...
PICTURE_SHARE = 0.2
#: ... read from it only in lines this sure, with this many letters: a photo or a logo
#: gives OCR shapes to misread
PICTURE_SURE = 0.9
PICTURE_LETTERS = 4


class Scans:
    """What :func:`.pdf.load` did with the pages that show text only as pixels: read by OCR,
    read without a line found, kept as they are (OCR not installed: ``blank``; lines
    that read no way up: ``turned``)."""

    def __init__(self) -> None:
        self.read_pages: list[int] = []
        self.unread: list[int] = []
        self.blank: list[int] = []
        self.turned: list[int] = []
        #: pages with a text layer where text was read from a picture too
        self.pictures: list[int] = []
        self._engine: list[Engine | None] = []

    def _ocr(self) -> Engine | None:
        if not self._engine:
            self._engine.append(ocr_engine())
        return self._engine[0]

    def read_pictures(self, page: Any, number: int) -> list[Block]:
        """The text of the large pictures on a page that has a text layer (a page
        mixing a scan with text), outside the text layer's words, in lines read with
        confidence only: a photo or a logo adds nothing."""
        import pymupdf

        area = page.rect.width * page.rect.height
        pictures = [pymupdf.Rect(info["bbox"]) & page.rect for info in page.get_image_info()]
        pictures = [p for p in pictures if p.get_area() >= PICTURE_SHARE * area]
        engine = self._ocr() if pictures and not page.rotation % 360 else None
        if engine is None:
            return []
        words = [pymupdf.Rect(word[:4]) for word in page.get_text("words")]

        def wanted(rect: Rect, score: float, text: str) -> bool:
            box = pymupdf.Rect(rect)
            return (score >= PICTURE_SURE and sum(c.isalpha() for c in text) >= PICTURE_LETTERS
                    and any(centre_in(rect, picture) for picture in pictures)
                    and not any(box.intersects(word) for word in words))

        try:
            blocks, _ = read_page(page, engine, wanted)
        except Exception:  # as for a scan: the page keeps its text layer's units
            return []
        if blocks:
            self.pictures.append(number)
        return blocks

    def read(self, page: Any, number: int) -> list[Block]:
        engine = self._ocr()
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
    clip = clip * page.rotation_matrix & page.rect  # a pixmap's clip is as displayed
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
