"""PDF out: no translation is set over another or over original text that stays, and
the translated file stays small. Every PDF here is generated with PyMuPDF in the test.

The overlap check is the benchmark's (``benchmarks/bench_pdf.py``), made stricter: the
middle bands of the re-read lines (a line box less a fifth of its height at the top and
at the bottom, where the fonts' ascent and descent make touching lines overlap) of the
translation may not meet another line's middle band at all.
"""

from __future__ import annotations

from pathlib import Path

import pymupdf
import pytest

from bayling_desktop.documents import open_document
from bayling_desktop.documents.formats import pdf_write
from bayling_desktop.documents.formats.pdf_layout import Line, columns
from bayling_desktop.documents.formats.pdf_save import compact_text
from bayling_desktop.documents.model import Document
from bayling_desktop.flags import Flag

LOREM = ("Translation memories keep every sentence a translator has approved, so that the "
         "same sentence is never translated twice and a document reads consistently.")


def _bands(page: pymupdf.Page) -> list[tuple[pymupdf.Rect, str]]:
    found = []
    for block in page.get_text("dict")["blocks"]:
        for line in block.get("lines", ()):
            spans = [s for s in line["spans"] if s["text"].strip()]
            if spans:
                x0, y0, x1, y1 = line["bbox"]
                trim = (y1 - y0) * 0.2
                found.append((pymupdf.Rect(x0, y0 + trim, x1, y1 - trim), spans[0]["font"]))
    return found


def crossings(source: Path, out: Path) -> list[tuple[str, str]]:
    """Pairs of (new line's font, other line's font) whose middle bands meet, on any page
    of *out*: a line in a font *source* does not have is a translation."""
    before = pymupdf.open(str(source))
    old = {f[3].split("+")[-1] for page in before for f in page.get_fonts(full=True)}
    found = []
    for page in pymupdf.open(str(out)):
        lines = _bands(page)
        for n, (rect, font) in enumerate(lines):
            if font.split("+")[-1] in old:
                continue
            for other, other_font in lines[:n] + lines[n + 1:]:
                meet = rect & other
                if not meet.is_empty and meet.width > 0.5 and meet.height > 0.5:
                    found.append((font, other_font))
    return found


def _marker(document: Document) -> dict[str, str]:
    return {u.id: "译" * max(2, len(u.source) // 2) for u in document.units}


def test_a_row_drawn_in_pieces_stays_one_row_of_one_column() -> None:
    """naacl06-shinyama.pdf draws "2004." apart from the rest of its row: the pieces
    were put in two "columns" standing over each other, whose translations overlapped."""
    year = Line((324.1, 345.3, 346.5, 355.8), "2004.", 10)
    rest = Line((356.7, 345.3, 540.0, 355.8), "Discovering relations among named entities", 10)
    left = Line((324.1, 356.3, 405.2, 366.7), "from large corpora.", 10)
    right = Line((415.4, 356.3, 540.0, 366.7), "In Proceedings of the Annual", 10)
    full = Line((324.1, 367.2, 540.0, 377.7), "Meeting of Association of Computational", 10)
    found = columns([year, rest, left, right, full])
    assert [[line.text for line in column] for column in found] == [[
        "2004. Discovering relations among named entities",
        "from large corpora. In Proceedings of the Annual",
        "Meeting of Association of Computational"]]


def test_true_columns_in_one_block_stay_apart() -> None:
    a = Line((72, 100, 290, 110), "Left column text", 10)
    b = Line((305, 100, 523, 110), "Right column text", 10)
    c = Line((72, 112, 280, 122), "more on the left", 10)
    assert [[line.text for line in col] for col in columns([b, a, c])] == [
        ["Left column text", "more on the left"], ["Right column text"]]


def _reference_list(path: Path) -> Path:
    """References whose rows are drawn a piece at a time, the year on its own."""
    pdf = pymupdf.open()
    page = pdf.new_page(width=595, height=842)
    y = 100.0
    for n in range(6):
        page.insert_text((72, y), f"Author{n} Name, Other Person and Third Writer.",
                         fontsize=10, fontname="tiro")
        page.insert_text((84, y + 11), f"200{n}.", fontsize=10, fontname="tiro")
        page.insert_text((118, y + 11), "Discovering relations among named entities",
                         fontsize=10, fontname="tiro")
        page.insert_text((84, y + 22), "from large corpora.", fontsize=10, fontname="tiro")
        page.insert_text((180, y + 22), "In Proceedings of the Annual Meeting",
                         fontsize=10, fontname="tiro")
        y += 40
    pdf.save(str(path))
    return path


def test_a_reference_list_drawn_word_by_word_is_translated_without_overlaps(
        tmp_path: Path) -> None:
    source = _reference_list(tmp_path / "refs.pdf")
    document = open_document(source)
    document.target_language = "zh"
    out = tmp_path / "refs.zh.pdf"
    document.export(_marker(document), out)
    assert not document.flagged
    assert crossings(source, out) == []
    assert "Discovering" not in pymupdf.open(str(out))[0].get_text()


def _label_in_paragraph(path: Path) -> Path:
    """A paragraph whose last rows are short, with a small "TIP" label beside them:
    inside the paragraph's box (the union of its lines), clear of its text."""
    pdf = pymupdf.open()
    page = pdf.new_page(width=400, height=400)
    # drawn first, the label is a block of its own (as the tax instructions' icons are)
    page.draw_rect(pymupdf.Rect(236, 118, 276, 150), color=(0, 0, 0), fill=(0, 0, 0))
    page.insert_text((242, 138), "TIP", fontsize=12, fontname="hebo", color=(1, 1, 1))
    words = (LOREM + " " + LOREM).split()
    y, start = 60.0, 0
    for row in range(8):
        count = 7 if row < 5 else 3
        page.insert_text((60, y), " ".join(words[start:start + count]), fontsize=10,
                         fontname="helv")
        start += count
        y += 12
    pdf.save(str(path))
    return path


def test_a_paragraph_gives_way_to_a_label_inside_its_box(tmp_path: Path) -> None:
    source = _label_in_paragraph(tmp_path / "tip.pdf")
    document = open_document(source)
    label = next(u for u in document.units if u.source == "TIP")
    body = next(u for u in document.units if u.source.startswith("Translation memories"))
    lx0, ly0, lx1, ly1 = label.meta["rect"]  # type: ignore[misc]
    bx0, by0, bx1, by1 = body.meta["rect"]  # type: ignore[misc]
    assert bx0 < lx0 and lx1 < bx1 and by0 < ly0 and ly1 < by1  # inside the paragraph's box
    document.target_language = "zh"
    out = tmp_path / "tip.zh.pdf"
    # a translation as long as the source fills the paragraph's box, down to the label
    document.export({u.id: "译" * len(u.source) for u in document.units}, out)
    assert crossings(source, out) == []
    text = pymupdf.open(str(out))[0].get_text()
    # both are translated (the paragraph smaller, beside or under the label), or the
    # one that could not fit keeps its text and is flagged
    for unit in (label, body):
        flags = document.flagged.get(unit.id, [])
        assert (unit.source[:20] not in text) if not flags else (
            flags == [Flag("pdf_overflow", {"page": 1, "size": "6"})]
            and unit.source[:20] in text)


def test_text_under_a_form_field_keeps_its_text_and_is_flagged(tmp_path: Path) -> None:
    pdf = pymupdf.open()
    page = pdf.new_page(width=400, height=300)
    page.insert_text((40, 60), "Department of the Treasury", fontsize=10, fontname="helv")
    page.insert_text((40, 160), "Read the instructions before you fill in the form.",
                     fontsize=10, fontname="helv")
    button = pymupdf.Widget()
    button.field_type = pymupdf.PDF_WIDGET_TYPE_BUTTON
    button.field_name = "Publication"
    button.rect = pymupdf.Rect(30, 40, 300, 80)
    button.fill_color = (1, 1, 1)
    button.button_caption = "View the publication"
    page.add_widget(button)
    pdf.save(str(tmp_path / "form.pdf"))
    document = open_document(tmp_path / "form.pdf")
    hidden = next(u for u in document.units if u.source.startswith("Department"))
    document.target_language = "zh"
    out = tmp_path / "form.zh.pdf"
    document.export(_marker(document), out)
    # the page text the button hides, and the button's own caption (text of its
    # appearance, which redaction cannot remove), keep their text; the rest is translated
    instructions = next(u for u in document.units if u.source.startswith("Read"))
    assert document.flagged[hidden.id] == [Flag("pdf_text_kept", {"page": 1})]
    assert instructions.id not in document.flagged
    assert {f for flags in document.flagged.values() for f in flags} == {
        Flag("pdf_text_kept", {"page": 1})}
    result = pymupdf.open(str(out))[0]
    assert "Department of the Treasury" in result.get_text()
    assert "Read the instructions" not in result.get_text()
    assert crossings(tmp_path / "form.pdf", out) == []


def test_compact_text_writes_moves_not_matrices_and_never_drifts() -> None:
    lines = ["q", "BT", "/F0 9 Tf", "1 0 0 -1 0 7.7486 Tm", "[<0035>]TJ",
             "1 0 0 -1 26.81443 7.7486 Tm", "[<0001>]TJ"]
    # a hundred lines, each moved down by MuPDF's own relative move
    lines += ["0 -10.2368 Td", "[<0036>]TJ"] * 100
    lines += ["1 0 0 -1 5 1000 Tm", "[<0037>-120<0038>]TJ", "T*", "2 0 Td", "ET", "Q"]
    out = compact_text("\n".join(lines).encode()).decode().split("\n")
    assert out[3:7] == ["1 0 0 -1 0 7.75 Tm", "<0035>Tj", "26.81 0 Td", "<0001>Tj"]
    y = 7.75
    for move in [line for line in out if line.startswith("0 ") and line.endswith("Td")]:
        y -= float(move.split()[1])  # the matrix flips y: a move of -ty goes down the page
    assert abs(y - (7.7486 + 100 * 10.2368)) < 0.006  # rounded from the exact place
    assert "[<0037>-120<0038>]TJ" in out  # an array with kerning is left as it is
    assert out[-3:] == ["2 0 Td", "ET", "Q"]  # after T*, nothing is rewritten


def test_translated_page_carries_one_content_stream_and_no_forms(tmp_path: Path) -> None:
    source = tmp_path / "one.pdf"
    pdf = pymupdf.open()
    page = pdf.new_page(width=300, height=300)
    page.insert_textbox(pymupdf.Rect(20, 20, 280, 200), LOREM, fontsize=10, fontname="helv")
    pdf.save(str(source))
    document = open_document(source)
    document.target_language = "zh"
    out = tmp_path / "one.zh.pdf"
    document.export(_marker(document), out)
    result = pymupdf.open(str(out))
    assert len(result[0].get_contents()) == 1 and result[0].get_xobjects() == []
    content = result.xref_stream(result[0].get_contents()[0]) or b""
    assert content.count(b" Tm") <= 2 and b" Td" in content  # moves, not matrices
    assert "译译" in result[0].get_text() and "Translation" not in result[0].get_text()


def test_a_page_whose_box_is_offset_keeps_its_translation_in_place(tmp_path: Path,
                                                                    monkeypatch:
                                                                    pytest.MonkeyPatch
                                                                    ) -> None:
    """Where the sheet of translations must be moved onto the page (a crop box that does
    not start at 0, 0), it stays a form: the text lands in its box either way."""
    source = tmp_path / "cropped.pdf"
    pdf = pymupdf.open()
    page = pdf.new_page(width=400, height=600)
    page.insert_textbox(pymupdf.Rect(40, 340, 360, 420), LOREM, fontsize=10, fontname="helv")
    page.set_cropbox(pymupdf.Rect(0, 300, 400, 600))
    pdf.save(str(source))
    document = open_document(source)
    document.target_language = "zh"
    written = {}
    for inline in (True, False):
        if not inline:
            monkeypatch.setattr(pdf_write, "inline_sheet", lambda page: False)
        out = tmp_path / f"cropped-{inline}.zh.pdf"
        document.export(_marker(document), out)
        page = pymupdf.open(str(out))[0]
        written[inline] = [tuple(round(v, 1) for v in word[:4]) for word in
                           page.get_text("words")]
    assert written[True] == written[False] and written[True]
    unit = document.units[0]
    x0, y0, x1, _ = unit.meta["rect"]  # type: ignore[misc]
    # (a CJK font's line box reaches a little higher than the Latin one's)
    assert all(x0 - 1 <= w[0] and w[2] <= x1 + 1 and y0 - 3 <= w[1] for w in written[True])
