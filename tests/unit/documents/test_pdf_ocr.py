"""Scanned PDF pages read by offline OCR (RapidOCR, the real models of its wheel), the
translation set over the scan on the paper's own colour, pages OCR cannot read named,
progress while reading. The scans are made here: a page typeset with PyMuPDF on tinted
paper in blue ink, rendered to a picture and put on a page of its own, as a scanner
would."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pymupdf
import pytest

from bayling_desktop.documents import open_document
from bayling_desktop.documents.formats.pdf import PdfDocument
from bayling_desktop.documents.formats.pdf_check import changed_outside, text_regions
from bayling_desktop.documents.formats.pdf_ocr import _load, ocr_flags
from bayling_desktop.documents.model import Unit
from bayling_desktop.flags import Flag
from bayling_desktop.translation.session import DocumentSession
from tests.unit.documents.test_pdf import make_paper

PAPER = (0.96, 0.93, 0.84)
INK = (0.1, 0.1, 0.45)
FIRST = ("Translation memories keep every sentence a translator has approved, so the "
         "same sentence is never translated twice.")
SECOND = ("Scanned letters and old reports are common in archives, and their pages "
          "hold no text layer at all.")


def _scan(title: str, paragraphs: list[str], dpi: int = 150) -> bytes:
    """A typeset page as a scanner returns it: one picture (PNG)."""
    pdf = pymupdf.open()
    page = pdf.new_page(width=595, height=842)
    page.draw_rect(page.rect, color=None, fill=PAPER)
    assert page.insert_textbox(pymupdf.Rect(72, 60, 523, 110), title, fontsize=20,
                               fontname="hebo", color=INK) >= 0
    top = 130
    for text in paragraphs:
        assert page.insert_textbox(pymupdf.Rect(72, top, 523, top + 60), text, fontsize=12,
                                   fontname="helv", color=INK) >= 0
        top += 80
    return bytes(page.get_pixmap(dpi=dpi).tobytes("png"))


def make_scans(path: Path) -> Path:
    """Page 1 a text layer; page 2 a scan; page 3 a scan under an invisible OCR layer
    (render mode 3) that says something else; page 4 a picture without any text."""
    pdf = pymupdf.open()
    first = pdf.new_page(width=595, height=842)
    first.insert_textbox(pymupdf.Rect(72, 72, 523, 140), "A page with a text layer of its "
                         "own, read as text.", fontsize=11, fontname="tiro")
    scan = pdf.new_page(width=595, height=842)
    scan.insert_image(scan.rect, stream=_scan("Offline Reading", [FIRST, SECOND]))
    layered = pdf.new_page(width=595, height=842)
    layered.insert_image(layered.rect, stream=_scan("Second Scan", [SECOND]))
    layered.insert_text((72, 150), "Invisible words an earlier tool left", fontsize=12,
                        render_mode=3)
    picture = pdf.new_page(width=595, height=842)
    blank = pymupdf.Pixmap(pymupdf.csRGB, pymupdf.IRect(0, 0, 300, 400), False)
    blank.set_rect(blank.irect, (120, 160, 200))
    picture.insert_image(pymupdf.Rect(100, 100, 400, 500), stream=blank.tobytes("png"))
    pdf.save(str(path))
    return path


def _letters(text: str) -> str:
    """What OCR is sure to keep of a text: its letters, lower-cased (this model may drop
    the spaces between English words)."""
    return re.sub(r"[^a-z]", "", text.lower())


@pytest.fixture(scope="module")
def scans(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, PdfDocument]:
    path = make_scans(tmp_path_factory.mktemp("ocr") / "scans.pdf")
    document = open_document(path)
    assert isinstance(document, PdfDocument)
    return path, document


def test_scanned_pages_become_units_with_their_pages(
        scans: tuple[Path, PdfDocument]) -> None:
    _path, document = scans
    by_page: dict[object, list[Unit]] = {}
    for unit in document.units:
        by_page.setdefault(unit.meta["page"], []).append(unit)
    assert [u.source for u in by_page[1]] == ["A page with a text layer of its own, read as "
                                              "text."]
    assert "ocr" not in by_page[1][0].meta
    # the scan: a heading and two paragraphs, in order, each with its box on the page
    scanned = by_page[2]
    assert [_letters(u.source) for u in scanned] == [
        "offlinereading", _letters(FIRST), _letters(SECOND)]
    assert scanned[0].kind == "heading"
    assert all(isinstance(u.meta["ocr"], float) and u.meta["ocr"] > 0.8 for u in scanned)
    x0, y0, x1, y1 = scanned[1].meta["rect"]  # type: ignore[misc]
    assert 65 <= x0 < x1 <= 530 and 125 <= y0 < y1 <= 200
    # under an invisible OCR layer the pixels are read, not the layer
    layered = " ".join(u.source for u in by_page[3])
    assert _letters(SECOND) in _letters(layered) and "invisible" not in layered.lower()
    assert 4 not in by_page
    assert any("Page(s) 2, 3 are scans" in n for n in map(str, document.notices))
    assert any("OCR found no text on page(s) 4" in n for n in map(str, document.notices))


def test_translated_scan_shows_the_translation_on_the_paper_colour(
        scans: tuple[Path, PdfDocument], tmp_path: Path) -> None:
    path, document = scans
    out = tmp_path / "scans.zh.pdf"
    document.target_language = "zh"
    document.export({u.id: "译文" * max(2, len(u.source) // 6) for u in document.units}, out)
    before, after = pymupdf.open(str(path)), pymupdf.open(str(out))
    assert after.page_count == 4  # the page OCR could not read is kept
    page = after[1]
    assert "译文" in page.get_text() and "译文" not in after[3].get_text()
    # each paragraph is covered by a box of the paper's colour, set in the ink's colour
    fills = [d["fill"] for d in page.get_drawings() if d.get("fill")]
    assert len(fills) == 3
    assert all(max(abs(a - b) for a, b in zip(fill, PAPER, strict=True)) < 0.05
               for fill in fills)
    colours = {span["color"] for block in page.get_text("dict")["blocks"]
               for line in block.get("lines", ()) for span in line["spans"]}
    assert all((c & 0xFF) > (c >> 16) + 40 for c in colours), colours  # blue, not black
    # outside the text the pages are what they were
    for number in range(4):
        units = [u for u in document.units if u.meta["page"] == number + 1]
        regions = [u.meta.get("cover") or u.meta["rect"] for u in units] + text_regions(
            after[number])
        assert changed_outside(before[number], after[number], regions) < 0.002
    # the original words are gone from under the translation: the page differs there
    assert changed_outside(before[1], after[1], []) > 0.01


def test_text_ocr_may_misread_is_flagged_not_dropped(scans: tuple[Path, PdfDocument],
                                                      tmp_path: Path) -> None:
    _path, document = scans
    scanned = [u for u in document.units if "ocr" in u.meta]
    document.source_language = "ru"  # the bundled models read Chinese and English
    document.export({}, tmp_path / "scans.txt")
    assert {u.id for u in scanned} <= set(document.flagged)
    page = scanned[0].meta["page"]
    assert Flag("ocr_language", {"page": page, "language": "ru"}) in document.flagged[
        scanned[0].id]
    assert not any(u.id in document.flagged for u in document.units if "ocr" not in u.meta)
    unsure = Unit("u1", "Teh qnick brovvn fox", meta={"page": 7, "ocr": 0.61})
    sure = Unit("u2", "The quick brown fox", meta={"page": 7, "ocr": 0.97})
    assert ocr_flags([unsure, sure], "en") == {
        "u1": [Flag("ocr_uncertain", {"page": 7, "score": "0.61"})]}


def test_reading_reports_progress_page_by_page(tmp_path: Path) -> None:
    heard: list[tuple[int, int]] = []
    session = DocumentSession.open(make_paper(tmp_path / "paper.pdf"),
                                   on_progress=lambda done, total: heard.append((done, total)))
    assert heard == [(0, 3), (1, 3), (2, 3), (3, 3)]
    assert {u.meta["page"] for u in session.document.units} == {1, 2}


def test_loading_ocr_leaves_qt_its_own_plugins(monkeypatch: pytest.MonkeyPatch) -> None:
    # OpenCV's wheel sets these on import; the app's Qt must keep finding its own
    monkeypatch.delenv("QT_QPA_PLATFORM_PLUGIN_PATH", raising=False)
    monkeypatch.setenv("QT_QPA_FONTDIR", "/usr/share/fonts")
    assert _load() is not None
    assert "QT_QPA_PLATFORM_PLUGIN_PATH" not in os.environ
    assert os.environ["QT_QPA_FONTDIR"] == "/usr/share/fonts"


def test_a_scanned_file_where_ocr_reads_nothing_is_refused(tmp_path: Path) -> None:
    from bayling_desktop.errors import DocumentError

    pdf = pymupdf.open()
    page = pdf.new_page()
    grey = pymupdf.Pixmap(pymupdf.csRGB, pymupdf.IRect(0, 0, 60, 80), False)
    grey.set_rect(grey.irect, (200, 200, 200))
    page.insert_image(page.rect, stream=grey.tobytes("png"))
    pdf.save(str(tmp_path / "grey.pdf"))
    with pytest.raises(DocumentError, match="OCR found no text"):
        open_document(tmp_path / "grey.pdf")


def _scanned_askew(flat: pymupdf.Document, width: float, height: float, path: Path) -> None:
    """*flat*'s first page as a scanner 2° askew would give it: one picture, saved at *path*."""
    tilted = pymupdf.open()
    page = tilted.new_page(width=width, height=height)
    page.draw_rect(page.rect, color=None, fill=PAPER)
    page.show_pdf_page(page.rect, flat, 0, rotate=2)
    scan = pymupdf.open()
    scan.new_page(width=width, height=height).insert_image(
        pymupdf.Rect(0, 0, width, height), stream=page.get_pixmap(dpi=150).tobytes("png"))
    scan.save(str(path))


def test_a_skewed_scan_gives_boxes_that_do_not_overlap(tmp_path: Path) -> None:
    """A page scanned 2° askew: each line is measured along its slope, so neighbouring
    paragraphs' boxes stay apart (translations set in them cannot overlap), while the
    area painted over still takes in the whole tilted line."""
    typeset = pymupdf.open("png", _scan("Skewed Page", [FIRST, SECOND, FIRST]))
    _scanned_askew(pymupdf.open("pdf", typeset.convert_to_pdf()), 595, 842,
                   tmp_path / "skewed.pdf")
    units = open_document(tmp_path / "skewed.pdf").units
    assert [_letters(u.source) for u in units][1:] == [_letters(t) for t in (FIRST, SECOND,
                                                                               FIRST)]
    rects = [pymupdf.Rect(u.meta["rect"]) for u in units]
    assert all(not (a & b).is_valid or (a & b).is_empty
               for n, a in enumerate(rects) for b in rects[n + 1:])
    covers = [pymupdf.Rect(u.meta["cover"]) for u in units]
    assert all(c.contains(r) and c.height > r.height for c, r in zip(covers, rects,
                                                                       strict=True))


SHORT = "Scanned pages are read the way they stand."


def _card(text: str = SHORT) -> bytes:
    """A small landscape scan (360 × 200 points at 150 dpi): a title and one line."""
    pdf = pymupdf.open()
    page = pdf.new_page(width=360, height=200)
    page.draw_rect(page.rect, color=None, fill=PAPER)
    page.insert_text((24, 50), "Turned Card", fontsize=18, fontname="hebo", color=INK)
    page.insert_text((24, 100), text, fontsize=13, fontname="helv", color=INK)
    return bytes(page.get_pixmap(dpi=150).tobytes("png"))


def _translated_lines(page: pymupdf.Page) -> list[tuple[pymupdf.Rect, tuple[float, float]]]:
    """The translation's lines of *page*, as the reader sees the page: box and direction."""
    found = []
    for block in page.get_text("dict")["blocks"]:
        for line in block.get("lines", ()):
            if "译" in "".join(span["text"] for span in line["spans"]):
                dx, dy = line["dir"]
                seen = pymupdf.Point(dx, dy) * page.rotation_matrix - pymupdf.Point(
                    0, 0) * page.rotation_matrix
                found.append((pymupdf.Rect(line["bbox"]) * page.rotation_matrix,
                              (round(seen.x, 2), round(seen.y, 2))))
    return found


def test_a_turned_page_is_read_and_its_translation_written_upright(tmp_path: Path) -> None:
    """A scan stored sideways on its page with /Rotate 90, shown upright: read as the
    reader sees it, its translation written upright where the line stands."""
    pdf = pymupdf.open()
    page = pdf.new_page(width=200, height=360)
    page.set_rotation(90)
    page.insert_image(page.rect * page.derotation_matrix, stream=_card(), rotate=90)
    pdf.save(str(tmp_path / "turned.pdf"))
    document = open_document(tmp_path / "turned.pdf")
    assert isinstance(document, PdfDocument)
    assert [_letters(u.source) for u in document.units] == ["turnedcard", _letters(SHORT)]
    assert {u.meta.get("turn") for u in document.units} == {270}
    assert not any("rotated" in str(n) for n in document.notices)
    out = tmp_path / "turned.zh.pdf"
    document.target_language = "zh"
    document.export({u.id: "译文" * 4 for u in document.units}, out)
    lines = _translated_lines(pymupdf.open(str(out))[0])
    assert len(lines) == 2 and all(direction == (1.0, 0.0) for _, direction in lines)
    # where the reader sees the lines: the title above the sentence, both on the left
    (title, _), (sentence, _) = sorted(lines, key=lambda item: item[0].y0)
    assert title.y1 <= 70 < sentence.y0 and sentence.y1 <= 120
    assert title.x0 < 40 and sentence.x0 < 40


@pytest.mark.parametrize("angle", [90, 180, 270])
def test_a_page_scanned_sideways_or_upside_down_is_read(tmp_path: Path, angle: int) -> None:
    """The page is upright but its picture is turned (lines running down, upside down,
    up): read turned back, the translation written turned as the lines are."""
    pdf = pymupdf.open()
    width, height = (200, 360) if angle % 180 else (360, 200)
    page = pdf.new_page(width=width, height=height)
    page.insert_image(page.rect, stream=_card(), rotate=angle)
    pdf.save(str(tmp_path / "sideways.pdf"))
    document = open_document(tmp_path / "sideways.pdf")
    assert [_letters(u.source) for u in document.units] == ["turnedcard", _letters(SHORT)]
    turns = {u.meta.get("turn") for u in document.units}
    assert len(turns) == 1 and turns != {None}
    # the area painted over takes in each paragraph's box; its lines were read surely
    assert all(pymupdf.Rect(u.meta["cover"]).contains(pymupdf.Rect(u.meta["rect"]))
               and u.meta["ocr"] > 0.8 for u in document.units)
    notices = [str(n) for n in document.notices]
    assert not any("rotated" in n for n in notices), notices
    out = tmp_path / "sideways.zh.pdf"
    document.target_language = "zh"
    document.export({u.id: "译文" * 4 for u in document.units}, out)
    lines = _translated_lines(pymupdf.open(str(out))[0])
    turn = pymupdf.Point(1, 0) * pymupdf.Matrix(turns.pop())
    assert len(lines) == 2 and all(d == (round(turn.x, 2), round(turn.y, 2))
                                   for _, d in lines)
    # each translation stands in its unit's box
    for unit in document.units:
        assert any(pymupdf.Rect(unit.meta["rect"]).contains((rect.tl + rect.br) / 2)
                   for rect, _ in lines)


def test_words_the_recogniser_ran_together_get_their_spaces_back(tmp_path: Path) -> None:
    """RapidOCR reads these Helvetica lines as ``Thesamesentenceisnever…``: the spaces
    come back from the gaps in the picture, and no word is cut in two."""
    sentences = ["It is extremely powerful, yet amazingly simple to learn and use.",
                 "Tracks may be overdubbed and all effects are recorded.",
                 "The same sentence is never translated twice by a translator."]
    typeset = pymupdf.open()
    page = typeset.new_page(width=360, height=140)
    for n, sentence in enumerate(sentences):
        page.insert_text((12, 30 + 40 * n), sentence, fontsize=10, fontname="helv")
    scan = pymupdf.open()
    scan.new_page(width=360, height=140).insert_image(
        pymupdf.Rect(0, 0, 360, 140), stream=page.get_pixmap(dpi=150).tobytes("png"))
    scan.save(str(tmp_path / "spaces.pdf"))
    assert [u.source for u in open_document(tmp_path / "spaces.pdf").units] == sentences


LEFT = ["Two columns set close together", "have lines that stand level", "with each other across",
        "the narrow gutter between them."]
RIGHT = ["The detector may take both", "for one line running across", "the page: each column",
         "must keep its own text."]


ACROSS = "A last line is set across both columns, as a list item may be."


def test_lines_of_two_columns_are_not_joined_across_the_gutter(tmp_path: Path) -> None:
    """Two columns with level lines and a narrow gutter, a line across both under
    them: each column is its own paragraph, the line across a third; no box takes in
    another's text (translations set there cannot overlap)."""
    typeset = pymupdf.open()
    page = typeset.new_page(width=330, height=120)
    for n, (left, right) in enumerate(zip(LEFT, RIGHT, strict=True)):
        page.insert_text((10, 24 + 14 * n), left, fontsize=10, fontname="tiro")
        page.insert_text((150, 24 + 14 * n), right, fontsize=10, fontname="tiro")
    page.insert_text((10, 24 + 14 * 5), ACROSS, fontsize=10, fontname="tiro")
    scan = pymupdf.open()
    scan.new_page(width=330, height=120).insert_image(
        pymupdf.Rect(0, 0, 330, 120), stream=page.get_pixmap(dpi=150).tobytes("png"))
    scan.save(str(tmp_path / "columns.pdf"))
    units = open_document(tmp_path / "columns.pdf").units
    assert [_letters(u.source) for u in units] == [
        _letters(" ".join(LEFT)), _letters(" ".join(RIGHT)), _letters(ACROSS)]
    rects = [pymupdf.Rect(u.meta["rect"]) for u in units]
    assert all((a & b).is_empty for n, a in enumerate(rects) for b in rects[n + 1:])


def test_slanted_labels_are_left_as_they_are_and_named(tmp_path: Path) -> None:
    """A chart's labels at 45°: set across in boxes they would run into each other."""
    typeset = pymupdf.open()
    page = typeset.new_page(width=300, height=160)
    page.insert_text((20, 20), "Votes cast in each round", fontsize=12, fontname="helv")
    for n, label in enumerate(("Northwood", "Easton", "Southfield", "Westbury", "Midvale")):
        corner = pymupdf.Point(40 + 45 * n, 140)
        page.insert_text(corner, label, fontsize=10, fontname="helv",
                         morph=(corner, pymupdf.Matrix(-45)))
    scan = pymupdf.open()
    scan.new_page(width=300, height=160).insert_image(
        pymupdf.Rect(0, 0, 300, 160), stream=page.get_pixmap(dpi=150).tobytes("png"))
    scan.save(str(tmp_path / "chart.pdf"))
    document = open_document(tmp_path / "chart.pdf")
    assert [_letters(u.source) for u in document.units] == ["votescastineachround"]
    assert any("rotated text on page(s) 1" in str(n) for n in document.notices)


def test_a_paragraph_box_never_takes_in_another_line_and_boxes_meet_halfway() -> None:
    """Lines running around a picture with its caption beside them: the paragraph is
    cut rather than given a box over the caption; close paragraphs' boxes, which
    overlap as detected boxes do, are made to meet halfway."""
    from bayling_desktop.documents.formats.pdf_layout import Line
    from bayling_desktop.documents.formats.pdf_ocr_lines import apart, ocr_paragraphs

    def line(x0: float, y0: float, x1: float, text: str) -> Line:
        return Line(rect=(x0, y0, x1, y0 + 12), text=text, size=9.0, font="OCR")

    beside = [line(200, 100 + 11 * n, 400, f"beside the picture {n}") for n in range(4)]
    caption = line(40, 134, 150, "THEY TIP-TOED ALONG.")
    below = line(40, 144, 400, "and a full line under both")
    groups = ocr_paragraphs([*beside, caption, below])
    boxes = [(min(ln.rect[0] for ln in g), min(ln.rect[1] for ln in g),
              max(ln.rect[2] for ln in g), max(ln.rect[3] for ln in g)) for g in groups]
    assert sorted(ln.text for g in groups for ln in g) == sorted(
        ln.text for ln in [*beside, caption, below])
    for group, box in zip(groups, boxes, strict=True):
        for other in (ln for ln in [*beside, caption, below] if ln not in group):
            x, y = (other.rect[0] + other.rect[2]) / 2, (other.rect[1] + other.rect[3]) / 2
            assert not (box[0] <= x <= box[2] and box[1] <= y <= box[3]), other.text
    upper, lower = [line(40, 200, 400, "one paragraph")], [line(40, 209, 400, "the next")]
    apart([upper, lower])
    assert upper[0].rect[3] == lower[0].rect[1] == 210.5


def test_a_picture_holding_text_on_a_page_with_a_text_layer_is_read(tmp_path: Path) -> None:
    """A page mixing a text layer with a scanned picture of text (and a picture of a
    shape, as a logo): the picture's text is read by OCR beside the text layer's, the
    shape adds nothing, the page is named."""
    figure = pymupdf.open()
    drawn = figure.new_page(width=320, height=90)
    drawn.draw_rect(drawn.rect, color=None, fill=PAPER)
    drawn.insert_text((12, 36), "A scanned figure holds its own text.", fontsize=14,
                      fontname="helv", color=INK)
    logo = pymupdf.Pixmap(pymupdf.csRGB, pymupdf.IRect(0, 0, 120, 120), False)
    logo.set_rect(logo.irect, (40, 40, 40))
    logo.set_rect(pymupdf.IRect(20, 10, 34, 110), (150, 150, 150))
    logo.set_rect(pymupdf.IRect(20, 10, 100, 24), (150, 150, 150))
    pdf = pymupdf.open()
    page = pdf.new_page(width=360, height=300)
    page.insert_text((20, 30), "The text layer says this, above the figure.", fontsize=11,
                     fontname="tiro")
    page.insert_image(pymupdf.Rect(20, 50, 340, 140),
                      stream=drawn.get_pixmap(dpi=150).tobytes("png"))
    page.insert_image(pymupdf.Rect(120, 160, 240, 280), stream=logo.tobytes("png"))
    pdf.save(str(tmp_path / "mixed.pdf"))
    document = open_document(tmp_path / "mixed.pdf")
    assert [(u.source, "ocr" in u.meta) for u in document.units] == [
        ("The text layer says this, above the figure.", False),
        ("A scanned figure holds its own text.", True)]
    assert any("Text in pictures on page(s) 1" in str(n) for n in document.notices)
    out = tmp_path / "mixed.zh.pdf"
    document.target_language = "zh"
    document.export({u.id: "译文" * 6 for u in document.units}, out)
    assert pymupdf.open(str(out))[0].get_text().count("译文" * 6) == 2


def test_a_skewed_scans_long_lines_make_paragraphs(tmp_path: Path) -> None:
    """Scanned 2° askew, a long line's box stands level with the line under its low
    end: read level, the lines stack again into their paragraphs."""
    typeset = pymupdf.open()
    page = typeset.new_page(width=595, height=240)
    page.draw_rect(page.rect, color=None, fill=PAPER)
    for n, text in enumerate((FIRST, SECOND)):
        assert page.insert_textbox(pymupdf.Rect(40, 40 + 80 * n, 555, 110 + 80 * n),
                                   text * 2, fontsize=12, fontname="helv", color=INK) >= 0
    flat = pymupdf.open("pdf", pymupdf.open("png", page.get_pixmap(dpi=150).tobytes(
        "png")).convert_to_pdf())
    _scanned_askew(flat, 595, 240, tmp_path / "askew.pdf")
    units = open_document(tmp_path / "askew.pdf").units
    assert [_letters(u.source) for u in units] == [_letters(FIRST * 2), _letters(SECOND * 2)]
    first, second = (pymupdf.Rect(u.meta["rect"]) for u in units)
    assert (first & second).is_empty
