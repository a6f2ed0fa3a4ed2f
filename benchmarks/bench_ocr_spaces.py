"""Spaces in scanned English: how often words come out run together, before and after
the gaps in the picture put spaces back (:mod:`bayling_desktop.documents.formats.pdf_ocr_gaps`),
and whether the spaces put in split words that should stay whole.

    python benchmarks/bench_ocr_spaces.py [FILE ...]

Without arguments it reads the scanned pages of the PDFs ``bench_pdf.py`` fetches
(pdfminer.six and ocrmypdf test files), each page read as it is shown (a page scanned
sideways or upside down is left out: its lines are read turned back, elsewhere). The
judge is ``wordfreq``'s English word list (a measuring tool only, not a dependency of
the app), on the lines that are mostly English words:

- run together: a token of 7 letters or more that is not a word but splits into words;
- a space put in is right when the words on both sides are words and the two joined
  are not one; wrong when joined they make a word (unless both sides are common words
  themselves); unclear otherwise (names, numbers, misread letters).
"""

from __future__ import annotations

import argparse
import functools
import itertools
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from wordfreq import zipf_frequency  # noqa: E402

from bayling_desktop.documents.formats.pdf import fitz  # noqa: E402
from bayling_desktop.documents.formats.pdf_ocr import (  # noqa: E402
    DPI,
    MAX_SIDE,
    needs_ocr,
    ocr_engine,
)
from bayling_desktop.documents.formats.pdf_ocr_gaps import split_and_spaced  # noqa: E402


def _z(word: str) -> float:
    return zipf_frequency(word.lower(), "en")


@functools.cache
def _pieces(word: str) -> int:
    """The fewest dictionary words *word* is made of (0: none)."""
    word = word.lower()
    best: list[int | None] = [0] + [None] * len(word)
    for end in range(1, len(word) + 1):
        for start in range(max(0, end - 18), end):
            part, before = word[start:end], best[start]
            if before is None or (len(part) == 1 and part not in "ai"):
                continue
            if _z(part) >= 3.0 or (len(part) > 3 and _z(part) >= 2.5):
                best[end] = min(best[end] or before + 1, before + 1)
    return best[-1] or 0


def run_together(text: str) -> int:
    return sum(1 for token in re.findall(r"[A-Za-z]+", text)
               if len(token) >= 7 and _z(token) < 2.0 and _pieces(token) >= 2)


def judged(before: str, after: str) -> tuple[int, int, int]:
    """(right, wrong, unclear) spaces put in going from *before* to *after*."""
    right = wrong = unclear = 0
    parts = after.split(" ")
    k = 0
    for token in before.split():
        made, joined = [], ""
        while k < len(parts) and joined != token:
            joined += parts[k]
            made.append(re.sub(r"[^A-Za-z]", "", parts[k]))
            k += 1
        for left, right_word in itertools.pairwise(made):
            if _z(left + right_word) >= 3.0 and not (_z(left) >= 4.0 and _z(right_word) >= 4.0):
                wrong += 1
            elif all(_z(w) >= 2.5 or (w and _pieces(w)) for w in (left, right_word)):
                right += 1
            else:
                unclear += 1
    return right, wrong, unclear


def main() -> None:
    import numpy

    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("inputs", nargs="*", type=Path)
    args = parser.parse_args()
    if args.inputs:
        files = args.inputs
    else:
        from bench_pdf import fetch

        files = fetch()
    engine = ocr_engine()
    if engine is None:
        sys.exit("RapidOCR is not installed")
    pymupdf = fitz()
    totals = {"pages": 0, "lines": 0, "run together before": 0, "run together after": 0,
              "spaces right": 0, "spaces wrong": 0, "spaces unclear": 0}
    for path in files:
        try:
            pdf = pymupdf.open(str(path))
        except RuntimeError:
            continue
        if pdf.needs_pass:
            continue
        for page in pdf:
            if not needs_ocr(page):
                continue
            zoom = min(DPI / 72, MAX_SIDE / max(page.rect.width, page.rect.height))
            pixmap = page.get_pixmap(matrix=pymupdf.Matrix(zoom, zoom),
                                     colorspace=pymupdf.csRGB, alpha=False)
            image = numpy.frombuffer(pixmap.samples, dtype=numpy.uint8).reshape(
                pixmap.height, pixmap.width, 3)
            reading = engine(image)
            if reading.flipped >= 0.25:
                continue  # read turned back elsewhere
            totals["pages"] += 1
            for corners, text, _score, cells in reading.lines:
                xs, ys = [p[0] for p in corners], [p[1] for p in corners]
                if max(ys) - min(ys) > 1.5 * (max(xs) - min(xs)):
                    continue  # a line running up or down the page
                after = " ".join(t for _, t in split_and_spaced(corners, text, cells, image))
                words = re.findall(r"[A-Za-z]{3,}", after)
                if not words or sum(_z(w) >= 3.0 for w in words) * 2 < len(words):
                    continue  # not an English line
                totals["lines"] += 1
                totals["run together before"] += run_together(text)
                totals["run together after"] += run_together(after)
                right, wrong, unclear = judged(text, after)
                totals["spaces right"] += right
                totals["spaces wrong"] += wrong
                totals["spaces unclear"] += unclear
        print(path.name, totals, flush=True)
    print("; ".join(f"{key}: {value}" for key, value in totals.items()))


if __name__ == "__main__":
    main()
