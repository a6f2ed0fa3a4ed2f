"""Spaces between words that OCR ran together, put back from the picture.

RapidOCR's recogniser (trained mostly on Chinese) often reads an English line without
its spaces: ``Thequickbrownfox``. It says where it saw each character (one cell per
character, centred where the recogniser's column for it fired), and the scan shows
where the ink stops: between two letters of a word the paper shows through for a
sliver, between two words for the width of a space. So between each two neighbouring
letters the widest run of ink-free columns is measured, and a space goes in where it
is nearer the width of the line's own spaces (where the model kept some) than of its
gaps between letters, or else clearly wider than those gaps and a share of the line's
height. Only Latin letters, digits and closing punctuation before a
letter are considered: Chinese is written without spaces.
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
#: the least contrast (0..255) between paper and ink for gaps to be told
_CONTRAST = 60
#: the share of the box cut off at its top and bottom (other lines reach into it)
_TRIM = 0.15


def _latin(char: str) -> bool:
    return char.isascii() and char.isalnum()


def spaced(text: str, cells: Sequence[Any], image: Any) -> str:
    """*text* with a space put in wherever the picture shows one the recogniser
    dropped; *cells* are the corner points of each character (pixels of *image*), in
    the order of the text. Unchanged when the cells do not match the text."""
    if len(cells) != len(text) or len(text) < 2 or not any(
            _latin(a) and _latin(b) for a, b in itertools.pairwise(text)):
        return text
    gaps = _gaps(text, cells, image)
    if gaps is None:
        return text
    height, between, at_spaces = gaps
    letter_gaps = [gap for gap in between.values() if gap >= 0]
    usual = statistics.median(letter_gaps) if letter_gaps else 0.0
    if at_spaces:  # the model kept some spaces: halfway between theirs and the letters'
        threshold = max((usual + statistics.median(at_spaces)) / 2, usual + 1.5)
    else:
        threshold = max(_SPACE_OF_HEIGHT * height, _SPACE_OF_LETTER_GAP * usual, 2.0)
    out: list[str] = []
    for n, char in enumerate(text):
        out.append(char)
        if between.get(n, -1) >= threshold:
            out.append(" ")
    return "".join(out)


def _gaps(text: str, cells: Sequence[Any], image: Any
          ) -> tuple[float, dict[int, float], list[float]] | None:
    """The line's height (pixels), the widest ink-free run between character *n* and
    the next (for the pairs that may take a space), and the runs where the text has a
    space; None when the picture cannot tell (no contrast, cells off the image)."""
    import numpy

    boxes = [(min(p[0] for p in c), min(p[1] for p in c), max(p[0] for p in c),
              max(p[1] for p in c)) for c in cells]
    top = int(min(b[1] for b in boxes))
    bottom = int(max(b[3] for b in boxes))
    left, right = int(min(b[0] for b in boxes)), int(max(b[2] for b in boxes))
    height = bottom - top
    trim = int(height * _TRIM)  # the neighbouring lines' ascenders and descenders
    band = image[max(top + trim, 0):max(bottom - trim, 0), max(left, 0):max(right, 0)]
    if band.size == 0 or height < 6:
        return None
    gray = band.mean(axis=2) if band.ndim == 3 else band.astype(float)
    paper, ink = numpy.percentile(gray, 90), numpy.percentile(gray, 3)
    if paper - ink < _CONTRAST:
        return None
    inked = (gray < (paper + ink) / 2).any(axis=0)
    centres = [(b[0] + b[2]) / 2 - left for b in boxes]

    def widest_blank(start: float, end: float) -> float:
        columns = inked[max(int(start), 0):max(int(end), 0)]
        best = run = 0
        for has_ink in columns:
            run = 0 if has_ink else run + 1
            best = max(best, run)
        return float(best)

    between: dict[int, float] = {}
    at_spaces: list[float] = []
    for n in range(len(text) - 1):
        a, b = text[n], text[n + 1]
        if b == " " and n + 2 < len(text) and _latin(text[n + 2]):
            at_spaces.append(widest_blank(centres[n], centres[n + 2]))
        elif _latin(b) and (_latin(a) or a in ",.;:!?)"):
            between[n] = widest_blank(centres[n], centres[n + 1])
    return float(height), between, at_spaces
