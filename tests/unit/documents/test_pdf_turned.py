"""Text-layer PDF pages that are turned: a landscape page stored upright with /Rotate
(its lines run up or down the stored page, across for the reader), and text that runs
across the stored page of a page with /Rotate. Both are read and written back where
and as they stand."""

from __future__ import annotations

from pathlib import Path

import pymupdf
import pytest

from bayling_desktop.documents import open_document

FIRST = "A landscape page is stored upright and turned by its Rotate key for the reader."
SECOND = "Its second paragraph stands lower down."


def _as_seen(page: pymupdf.Page) -> list[tuple[str, pymupdf.Rect, tuple[float, float]]]:
    """Each text line of *page* as the reader sees it: text, box and direction."""
    found = []
    turn = page.rotation_matrix
    for block in page.get_text("dict")["blocks"]:
        for line in block.get("lines", ()):
            text = "".join(span["text"] for span in line["spans"]).strip()
            if text:
                way = pymupdf.Point(line["dir"]) * turn - pymupdf.Point(0, 0) * turn
                found.append((text, pymupdf.Rect(line["bbox"]) * turn,
                              (round(way.x, 2), round(way.y, 2))))
    return found


@pytest.mark.parametrize("rotation", [90, 270])
def test_a_landscape_page_shown_by_rotate_is_translated_upright(tmp_path: Path,
                                                                rotation: int) -> None:
    upright = pymupdf.open()
    source = upright.new_page(width=842, height=595)
    source.insert_textbox(pymupdf.Rect(72, 72, 500, 140), FIRST, fontsize=12, fontname="helv")
    source.insert_textbox(pymupdf.Rect(72, 420, 500, 470), SECOND, fontsize=12,
                          fontname="helv")
    pdf = pymupdf.open()
    page = pdf.new_page(width=595, height=842)
    page.set_rotation(rotation)
    page.show_pdf_page(page.rect * page.derotation_matrix, upright, 0, rotate=rotation)
    pdf.save(str(tmp_path / "landscape.pdf"))
    assert all(way == (1.0, 0.0) for _, _, way in _as_seen(pymupdf.open(
        str(tmp_path / "landscape.pdf"))[0]))  # the reader sees the lines across
    document = open_document(tmp_path / "landscape.pdf")
    assert [u.source for u in document.units] == [FIRST, SECOND]
    assert not document.notices
    out = tmp_path / "landscape.zh.pdf"
    document.target_language = "zh"
    document.export({u.id: "译文" * 10 for u in document.units}, out)
    seen = _as_seen(pymupdf.open(str(out))[0])
    assert [text for text, _, _ in seen] == ["译文" * 10] * 2
    assert all(way == (1.0, 0.0) for _, _, way in seen)
    first, second = sorted((rect for _, rect, _ in seen), key=lambda r: r.y0)  # any order
    assert 60 < first.x0 < 80 and 60 < first.y0 < 100 and 400 < second.y0 < 440


def test_text_low_on_a_turned_page_is_written_where_it_stands(tmp_path: Path) -> None:
    """Text set across the stored page (the reader sees it turned), far down it: the
    translation goes there, turned the same way, not cut off at the displayed height."""
    pdf = pymupdf.open()
    page = pdf.new_page(width=595, height=842)
    page.insert_text((72, 760), "Low on the stored page, turned for the reader.", fontsize=12)
    page.set_rotation(90)
    pdf.save(str(tmp_path / "low.pdf"))
    document = open_document(tmp_path / "low.pdf")
    assert len(document.units) == 1 and "turn" not in document.units[0].meta
    out = tmp_path / "low.zh.pdf"
    document.target_language = "zh"
    document.export({document.units[0].id: "译文" * 8}, out)
    written = pymupdf.open(str(out))[0]
    lines = [ln for b in written.get_text("dict")["blocks"] for ln in b.get("lines", ())]
    assert len(lines) == 1 and "译文" in lines[0]["spans"][0]["text"]
    x0, y0, _x1, y1 = lines[0]["bbox"]
    assert lines[0]["dir"] == (1.0, 0.0) and 70 < x0 < 80 and 740 < y0 < y1 < 770
