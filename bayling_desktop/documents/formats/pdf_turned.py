"""Text-layer lines that run up, down or upside down the stored page: a landscape page
stored upright and shown turned by its /Rotate, a table set sideways in a book. They are
laid out as if turned upright (the same columns and paragraphs as level text), and
their boxes put back on the page with the turn, so the translation is written turned
the same way (:mod:`.pdf_write`).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from typing import Any

from .pdf_layout import Block, Line, columns, paragraphs, reading_order


def direction(raw: Mapping[str, Any]) -> int | None:
    """The way a line runs, in degrees (0 across, 90 down, 180 upside down, 270 up the
    page, as MuPDF's y-down coordinates turn); None for a slant."""
    dx, dy = raw.get("dir", (1.0, 0.0))
    angle = math.degrees(math.atan2(dy, dx)) % 360
    cardinal = round(angle / 90) * 90
    return cardinal % 360 if abs(angle - cardinal) < 1 else None


def turned_blocks(page: Any, turn: int, raw_groups: list[list[Mapping[str, Any]]],
                  pieces: Callable[[Mapping[str, Any]], list[Line]]) -> list[Block]:
    """The paragraphs of lines turned by *turn* degrees (a landscape page shown upright
    by its /Rotate, a table set sideways), one list of lines per block of the PDF: laid
    out as if turned upright, in that reading order, their boxes put back on the page
    and the turn kept (the translation is written turned the same way)."""
    import pymupdf

    to_frame = pymupdf.Matrix(-turn)
    corner = page.rect * page.derotation_matrix * to_frame
    to_frame = to_frame * pymupdf.Matrix(1, 0, 0, 1, -corner.x0, -corner.y0)
    back = ~to_frame

    def moved(bbox: Any, matrix: Any) -> tuple[float, float, float, float]:
        rect = pymupdf.Rect(bbox) * matrix
        return (rect.x0, rect.y0, rect.x1, rect.y1)

    blocks: list[Block] = []
    for raw_lines in raw_groups:
        lines = [line for raw in raw_lines for line in pieces(
            {**raw, "dir": (1.0, 0.0), "bbox": moved(raw["bbox"], to_frame),
             "spans": [{**s, "bbox": moved(s["bbox"], to_frame)} for s in raw["spans"]]})]
        blocks += [Block(paragraph) for group in columns(lines)
                   for paragraph in paragraphs(group)]
    blocks = [blocks[i] for i in reading_order([block.rect for block in blocks])]
    # MuPDF often makes each turned line a block of its own: a line that reads on from
    # the last one (under it, as close as the paragraph's lines, same size) joins it
    merged: list[Block] = []
    for block in blocks:
        last, first = (merged[-1].lines[-1] if merged else None), block.lines[0]
        if (last is not None and first.rect[0] < last.rect[2] and first.rect[2] > last.rect[0]
                and first.rect[1] > last.rect[1] and len(paragraphs([last, first])) == 1):
            merged[-1].lines += block.lines
        else:
            merged.append(block)
    for block in merged:
        for line in block.lines:
            line.rect = moved(line.rect, back)
        block.extra["turn"] = turn
    return merged
