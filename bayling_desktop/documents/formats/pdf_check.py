"""Checks of a translated PDF against its original, shared by the tests and
``benchmarks/bench_pdf.py`` so both measure the same thing.

Replacing text must leave the rest of each page alone: pictures, rules, shading,
text that was not translated. :func:`changed_outside` renders a page of both files,
masks the regions where text was replaced or set (the units' boxes, the new text's
lines, the notes of flagged paragraphs) and counts the pixels that differ elsewhere.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

#: a pixel whose channels all differ by at most this much (0..255) is unchanged: the
#: anti-aliasing of an edge may differ by a shade between two renderings
TOLERANCE = 40
#: the mask reaches this far (points) beyond each text box (glyphs overhang their box)
PAD = 2.0


def text_regions(page: Any) -> list[tuple[float, float, float, float]]:
    """The boxes of *page*'s text lines and annotations (a note's icon)."""
    boxes: list[tuple[float, float, float, float]] = []
    for block in page.get_text("dict")["blocks"]:
        for line in block.get("lines", ()):
            if any(span["text"].strip() for span in line["spans"]):
                x0, y0, x1, y1 = line["bbox"]
                boxes.append((x0, y0, x1, y1))
    for annot in page.annots() or ():
        rect = annot.rect
        boxes.append((rect.x0, rect.y0, rect.x1, rect.y1))
    return boxes


def changed_outside(before: Any, after: Any,
                    regions: Iterable[Sequence[float]], dpi: int = 50) -> float:
    """The share (0..1) of the pixels of page *after* outside *regions* (points in the
    page's own coordinates, plus :data:`PAD`) that differ from page *before*'s. Pages of
    different sizes differ wholly (1.0)."""
    import numpy
    import pymupdf

    if before.rect != after.rect:
        return 1.0
    images = []
    for page in (before, after):
        pixmap = page.get_pixmap(dpi=dpi, colorspace=pymupdf.csRGB, alpha=False)
        images.append(numpy.frombuffer(pixmap.samples, dtype=numpy.uint8).reshape(
            pixmap.height, pixmap.width, 3).astype(numpy.int16))
    height, width = images[0].shape[:2]
    outside = numpy.ones((height, width), dtype=bool)
    scale = dpi / 72
    # regions are in the page's own coordinates, the rendering as the page is shown
    shown = (pymupdf.Rect(r[:4]) * after.rotation_matrix for r in regions)
    for x0, y0, x1, y1 in ((r.x0, r.y0, r.x1, r.y1) for r in shown):
        left, top = max(0, int((x0 - PAD) * scale)), max(0, int((y0 - PAD) * scale))
        right = min(width, int((x1 + PAD) * scale) + 1)
        bottom = min(height, int((y1 + PAD) * scale) + 1)
        outside[top:bottom, left:right] = False
    differs = numpy.abs(images[0] - images[1]).max(axis=2) > TOLERANCE
    total = int(outside.sum())
    return float((differs & outside).sum()) / total if total else 0.0
