"""What a PDF's user chooses and what the written PDF keeps: the bilingual PDF's layout
(beside, or alternating pages) from the CLI and the session, and a translated page
unchanged outside its text (rendered and compared pixel by pixel)."""

from __future__ import annotations

from pathlib import Path

import pymupdf

from bayling_desktop.documents import open_document
from bayling_desktop.documents.formats.pdf_check import changed_outside, text_regions
from bayling_desktop.translation.session import DocumentSession
from tests.hostile.test_cli_inputs import PAIRS, from_memory
from tests.unit.documents.test_pdf import make_paper


def _greetings(path: Path) -> Path:
    """Two pages, one greeting each: the translation memory of the CLI tests has both."""
    pdf = pymupdf.open()
    for text in PAIRS:
        pdf.new_page(width=400, height=300).insert_text((60, 80), text, fontsize=14,
                                                        fontname="helv")
    pdf.save(str(path))
    return path


def test_cli_writes_the_bilingual_pdf_on_alternating_pages(tmp_path: Path) -> None:
    source = _greetings(tmp_path / "greetings.pdf")
    result = from_memory(tmp_path, source, "--bilingual", "pdf",
                         "--bilingual-layout", "alternate")
    assert result.returncode == 0, result.stderr
    review = pymupdf.open(str(tmp_path / "greetings.zh.bilingual.pdf"))
    assert review.page_count == 4 and review[0].rect.width == 400
    assert [page.get_text().strip() for page in review] == [
        "Hello world.", "你好，世界。", "Good morning.", "早上好。"]


def test_cli_refuses_a_page_layout_for_a_bilingual_table(tmp_path: Path) -> None:
    source = _greetings(tmp_path / "greetings.pdf")
    result = from_memory(tmp_path, source, "--bilingual", "docx",
                         "--bilingual-layout", "alternate")
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert result.returncode != 0 and len(lines) == 1, result.stderr
    assert "--bilingual pdf" in lines[0]
    assert not (tmp_path / "greetings.zh.pdf").exists()


def test_session_exports_either_layout(tmp_path: Path) -> None:
    session = DocumentSession.open(make_paper(tmp_path / "paper.pdf"))
    translations = {u.id: "译文" + u.source for u in session.document.units}
    beside = tmp_path / "beside.pdf"
    alternate = tmp_path / "alternate.pdf"
    session.export(beside, bilingual=True, translations=translations)
    session.export(alternate, bilingual=True, translations=translations,
                   bilingual_layout="alternate")
    assert [p.rect.width for p in pymupdf.open(str(beside))] == [1190] * 3
    pages = pymupdf.open(str(alternate))
    assert pages.page_count == 6 and "译文" in pages[1].get_text()


def test_translated_pages_are_unchanged_outside_their_text(tmp_path: Path) -> None:
    source = make_paper(tmp_path / "paper.pdf")
    document = open_document(source)
    out = tmp_path / "paper.zh.pdf"
    document.export({u.id: "译文" * max(2, len(u.source) // 5) for u in document.units}, out)
    before, after = pymupdf.open(str(source)), pymupdf.open(str(out))
    for number in range(before.page_count):
        units = [u.meta["rect"] for u in document.units if u.meta["page"] == number + 1]
        regions = units + text_regions(after[number])
        assert changed_outside(before[number], after[number], regions) < 0.001
    # and it sees a change that is not text: the drawing of page 1 painted red
    moved = pymupdf.open(str(out))
    moved[0].draw_rect(pymupdf.Rect(400, 600, 500, 700), color=(1, 0, 0), fill=(1, 0, 0))
    units = [u.meta["rect"] for u in document.units if u.meta["page"] == 1]
    assert changed_outside(before[0], moved[0], units + text_regions(moved[0])) > 0.005
