"""What the gaps between the characters of a scanned line say: where a space was lost,
and where one detected "line" is really two, side by side across a column gutter.

RapidOCR's recogniser (trained mostly on Chinese) often reads an English line without
its spaces: ``Thequickbrownfox``. It says where it saw each character (one cell per
character, centred where the recogniser's column for it fired), and the scan shows
where the ink stops: between two letters of a word the paper shows through for a
sliver, between two words for the width of a space. So between each two neighbouring
characters the widest run of ink-free columns is measured. A space goes in where it is
nearer the width of the line's own spaces (where the model kept some) than of its gaps
between letters, or else clearly wider than those gaps and a share of the line's
height; only between Latin letters, digits and closing punctuation (Chinese is written
without spaces). A gap wider than the line is tall is a column gutter the detector
bridged: the line is cut there, so each column's text stays in its column.
"""

from __future__ import annotations

import itertools
import statistics
from collections.abc import Sequence
from typing import Any

#: a gap counts as a space from this share of the line box's height (a space is about
#: a quarter of an em; the detector's box is about 1.4 ems tall)
_SPACE_OF_HEIGHT = 0.18
#: ... and from this many times the line's usual gap between two letters of a word
_SPACE_OF_LETTER_GAP = 2.5
#: a gap this many times the line's height is a gutter between two columns
_GUTTER_OF_HEIGHT = 1.2
#: letters whose sides show more paper than most (and "fi" drawn as one glyph): a gap
#: beside one must be this much wider to be a space
_NARROW = frozenset("ijtfI1")
_NARROW_MORE = 1.2
#: the least contrast (0..255) between paper and ink for gaps to be told
_CONTRAST = 60
#: the share of the box cut off at its top and bottom (other lines reach into it)
_TRIM = 0.1

Corners = Sequence[Sequence[float]]


def _latin(char: str) -> bool:
    return char.isascii() and char.isalnum()


def split_and_spaced(corners: Corners, text: str, cells: Sequence[Any], image: Any
                     ) -> list[tuple[Corners, str]]:
    """One detected line of *image* as the pieces it holds (more than one where a
    gutter runs through it), each with its corner points and its text with the spaces
    the recogniser dropped put back. *cells* are the corner points of each character,
    in the order of the text; without them (or when they do not match) the line is
    returned as it is."""
    if len(cells) != len(text) or len(text) < 2:
        return [(corners, text)]
    found = _gaps(text, cells, image)
    if found is None:
        return [(corners, text)]
    height, gaps = found
    cuts = [n for n, gap in enumerate(gaps) if gap >= _GUTTER_OF_HEIGHT * height]
    pieces: list[tuple[Corners, str]] = []
    for start, end in itertools.pairwise([0, *(n + 1 for n in cuts), len(text)]):
        piece = text[start:end].strip()
        if not piece:
            continue
        spaced = _spaced(text, gaps, height, start, end)
        if not cuts:
            return [(corners, spaced)]
        lefts = [min(p[0] for p in cells[n]) for n in range(start, end) if not text[n].isspace()]
        rights = [max(p[0] for p in cells[n]) for n in range(start, end)
                  if not text[n].isspace()]
        pieces.append((_part(corners, min(lefts), max(rights)), spaced))
    return pieces


def _spaced(text: str, gaps: list[float], height: float, start: int, end: int) -> str:
    """``text[start:end]`` with spaces where its gaps say words end."""
    between = {n: gaps[n] for n in range(start, end - 1) if _latin(text[n + 1])
               and (_latin(text[n]) or text[n] in ",.;:!?)")}
    at_spaces = [gaps[n] for n in range(start, end - 2) if text[n + 1] == " "
                 and _latin(text[n + 2]) and gaps[n] >= 0]
    usual = statistics.median(between.values()) if between else 0.0
    if at_spaces:  # the model kept some spaces: halfway between theirs and the letters'
        threshold = max((usual + statistics.median(at_spaces)) / 2, usual + 1.5)
    else:
        threshold = max(_SPACE_OF_HEIGHT * height, _SPACE_OF_LETTER_GAP * usual, 2.0)
    out: list[str] = []
    for n in range(start, end):
        out.append(text[n])
        narrow = text[n] in _NARROW or (n + 1 < end and text[n + 1] in _NARROW)
        if between.get(n, -1) >= threshold * (_NARROW_MORE if narrow else 1.0):
            out.append(" ")
    return "".join(out).strip()


def _part(corners: Corners, left: float, right: float) -> list[list[float]]:
    """The corner points of the stretch of a (perhaps tilted) line box between the
    image columns *left* and *right*."""
    (x0, y0), (x1, y1), (x2, y2), (x3, y3) = ((float(p[0]), float(p[1])) for p in corners[:4])

    def at(ax: float, ay: float, bx: float, by: float, x: float) -> float:
        return ay if bx == ax else ay + (by - ay) * (x - ax) / (bx - ax)

    return [[left, at(x0, y0, x1, y1, left)], [right, at(x0, y0, x1, y1, right)],
            [right, at(x3, y3, x2, y2, right)], [left, at(x3, y3, x2, y2, left)]]


def _gaps(text: str, cells: Sequence[Any], image: Any) -> tuple[float, list[float]] | None:
    """The line's height (pixels) and, for each character, the widest ink-free run
    between it and the next character that is not a space (-1 for a space and the
    last); None when the picture cannot tell (no contrast, cells off the image)."""
    import numpy

    boxes = [(min(p[0] for p in c), min(p[1] for p in c), max(p[0] for p in c),
              max(p[1] for p in c)) for c in cells]
    top = max(int(min(b[1] for b in boxes)), 0)
    bottom = int(max(b[3] for b in boxes))
    left, right = max(int(min(b[0] for b in boxes)), 0), int(max(b[2] for b in boxes))
    area = image[top:bottom, left:right]
    if area.size == 0 or bottom - top < 6:
        return None
    gray = area.mean(axis=2) if area.ndim == 3 else area.astype(float)
    # the band the line's letters stand in, column by column: between its box's top and
    # bottom edges (which slope on a skewed scan), less what neighbouring lines' ascenders
    # and descenders reach into
    columns = numpy.arange(area.shape[1]) + left
    upper = numpy.interp(columns, [boxes[0][0], boxes[-1][2]], [boxes[0][1], boxes[-1][1]])
    lower = numpy.interp(columns, [boxes[0][0], boxes[-1][2]], [boxes[0][3], boxes[-1][3]])
    height = float(numpy.median(lower - upper))
    rows = numpy.arange(area.shape[0])[:, None] + top
    band = (rows >= upper + height * _TRIM) & (rows <= lower - height * _TRIM)
    if not band.any():
        return None
    # the paper is most of the band; the ink is dark on it or, printed white on
    # black, light
    paper, dark, light = numpy.percentile(gray[band], (50, 3, 97))
    ink = dark if paper - dark >= light - paper else light
    if abs(paper - ink) < _CONTRAST:
        return None
    inked = ((abs(gray - paper) > abs(ink - paper) / 2) & band).any(axis=0)
    centres = [(b[0] + b[2]) / 2 - left for b in boxes]

    def widest_blank(start: float, end: float) -> float:
        best = run = 0
        for has_ink in inked[max(int(start), 0):max(int(end), 0)]:
            run = 0 if has_ink else run + 1
            best = max(best, run)
        return float(best)

    gaps = [-1.0] * len(text)
    marks = [n for n, char in enumerate(text) if not char.isspace()]
    for n, following in itertools.pairwise(marks):
        gaps[n] = widest_blank(centres[n], centres[following])
    return height, gaps
