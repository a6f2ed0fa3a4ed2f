"""PDF in, PDF out: reading order, tables, protected text, scans kept, passwords, the
translated PDF with the same pages, and the bilingual PDF. Every PDF here is generated
with PyMuPDF in the test (no network, no fixtures to trust)."""

from __future__ import annotations

from pathlib import Path

import docx
import pymupdf
import pytest

from bayling_desktop.documents import default_output_path, export_bilingual, open_document
from bayling_desktop.documents.formats.pdf import PasswordRequired
from bayling_desktop.documents.formats.pdf_layout import join_lines, reading_order
from bayling_desktop.errors import DocumentError
from bayling_desktop.flags import Flag
from tests.e2e.test_cli import cli, one_sentence_error

LOREM = ("Translation memories keep every sentence a translator has approved, so that the "
         "same sentence is never translated twice and a document reads consistently.")


def _paragraph(page: pymupdf.Page, rect: tuple[float, float, float, float], text: str,
               size: float = 10, font: str = "tiro") -> None:
    assert page.insert_textbox(pymupdf.Rect(rect), text, fontsize=size, fontname=font) >= 0


def _png(width: int = 40, height: int = 30) -> bytes:
    pix = pymupdf.Pixmap(pymupdf.csRGB, pymupdf.IRect(0, 0, width, height), False)
    pix.set_rect(pix.irect, (200, 40, 40))
    return bytes(pix.tobytes("png"))


def make_paper(path: Path) -> Path:
    """A two-column page under a full-width title, a ruled table, a formula in the
    Symbol font, a code line in Courier, a link and a drawing; page 2 a paragraph;
    page 3 only an image (a scan). Pages 1 and 2 carry the same running header."""
    pdf = pymupdf.open()
    page = pdf.new_page(width=595, height=842)
    page.insert_text((200, 30), "Journal of Examples", fontsize=8, fontname="helv")
    _paragraph(page, (72, 60, 523, 95), "A Study of Columns", size=18, font="hebo")
    _paragraph(page, (72, 110, 290, 200), "Left one. " + LOREM)
    _paragraph(page, (72, 210, 290, 300), "Left two. " + LOREM)
    _paragraph(page, (305, 110, 523, 200), "Right one. " + LOREM)
    _paragraph(page, (305, 210, 523, 300), "Right two. " + LOREM)
    # a ruled 2×2 table
    for y in (330, 350, 370):
        page.draw_line((72, y), (292, y))
    for x in (72, 182, 292):
        page.draw_line((x, 330), (x, 370))
    for (x, y), text in {(76, 344): "Revenue", (186, 344): "Growth",
                         (76, 364): "Europe", (186, 364): "Strong"}.items():
        page.insert_text((x, y), text, fontsize=10, fontname="helv")
    page.insert_text((72, 420), "∑ α β γ = ∫ δ", fontsize=11, fontname="symb")
    page.insert_text((72, 450), "print(x) if x else y", fontsize=10, fontname="cour")
    _paragraph(page, (72, 480, 523, 520), "Read the full report online. " + LOREM)
    page.insert_link({"kind": pymupdf.LINK_URI, "from": pymupdf.Rect(72, 480, 300, 495),
                      "uri": "https://example.org/report"})
    page.draw_rect(pymupdf.Rect(400, 600, 500, 700), color=(0, 0, 1), fill=(0.9, 0.9, 1))
    page.insert_image(pymupdf.Rect(72, 600, 152, 660), stream=_png())
    second = pdf.new_page(width=595, height=842)
    second.insert_text((200, 30), "Journal of Examples", fontsize=8, fontname="helv")
    _paragraph(second, (72, 110, 523, 200), "Conclusions. " + LOREM)
    scan = pdf.new_page(width=595, height=842)
    scan.insert_image(pymupdf.Rect(72, 72, 523, 770), stream=_png(200, 300))
    pdf.save(str(path))
    return path


def test_paragraphs_come_in_reading_order_with_pages_and_boxes(tmp_path: Path) -> None:
    document = open_document(make_paper(tmp_path / "paper.pdf"))
    texts = [u.source for u in document.units]
    order = [next(i for i, t in enumerate(texts) if t.startswith(start))
             for start in ("A Study", "Left one", "Left two", "Right one", "Right two",
                           "Read the full")]
    assert order == sorted(order), texts
    title = document.units[order[0]]
    assert title.kind == "heading" and title.meta["page"] == 1
    x0, y0, _x1, y1 = title.meta["rect"]  # type: ignore[misc]
    assert 60 <= y0 < y1 <= 90 and x0 >= 72
    # each cell is its own unit, never run into the body text
    cells = [u.source for u in document.units if u.kind == "cell"]
    assert cells == ["Revenue", "Growth", "Europe", "Strong"]
    # formulas and code are not units: they stay on the page as they are
    assert not any("print(" in t or "α" in t for t in texts)
    # the running header is marked as such; page 3 (a picture) is read by OCR, which finds
    # no text there: the page is named
    assert {u.kind for u in document.units if u.source == "Journal of Examples"} == {"header"}
    assert any("OCR found no text on page(s) 3" in n for n in map(str, document.notices))


def test_hyphenation_is_undone_unless_the_document_writes_the_compound() -> None:
    assert join_lines(["Ex-", "isting systems"]) == "Existing systems"
    assert join_lines(["a state-of-the-", "art method"], {"the-art"}) == "a state-of-the-art method"
    assert join_lines(["Version 2-", "3"]) == "Version 2- 3"  # not a word cut
    assert join_lines(["这是一个", "句子。"]) == "这是一个句子。"


def test_reading_order_reads_columns_before_crossing_them() -> None:
    title, left_a, left_b, right_a, right_b, footer = (
        (72, 60, 523, 90), (72, 110, 290, 200), (72, 210, 290, 300),
        (305, 110, 523, 200), (305, 210, 523, 300), (72, 480, 523, 520))
    rects = [right_b, footer, left_b, title, right_a, left_a]
    assert [rects[i] for i in reading_order(rects)] == [title, left_a, left_b, right_a,
                                                        right_b, footer]


def test_translated_pdf_keeps_pages_images_drawings_links(tmp_path: Path) -> None:
    source = make_paper(tmp_path / "paper.pdf")
    document = open_document(source)
    out = default_output_path(source, "zh")
    assert out.name == "paper.zh.pdf"
    document.target_language = "zh"
    translations = {u.id: "译文" + u.source.upper() for u in document.units}
    document.export(translations, out)
    before, after = pymupdf.open(str(source)), pymupdf.open(str(out))
    assert after.page_count == before.page_count == 3
    for old, new in zip(before, after, strict=True):
        assert old.rect == new.rect
        assert len(new.get_images()) == len(old.get_images())
        assert len(new.get_drawings()) == len(old.get_drawings())
    text = after[0].get_text()
    assert "译文LEFT ONE" in text.replace("\n", "") and "Left one" not in text
    assert "print(x)" in text  # protected code kept verbatim
    assert [link["uri"] for link in after[0].get_links()] == ["https://example.org/report"]
    # every unit's translation sits inside its own box, or grew downwards into free space
    for unit in document.units:
        x0, y0, x1, _ = unit.meta["rect"]  # type: ignore[misc]
        box = pymupdf.Rect(x0 - 1, y0 - 1, x1 + 1, 842)
        assert "译文" in after[int(unit.meta["page"]) - 1].get_textbox(box), unit  # type: ignore[call-overload]
    fonts = {f[3]: f[1] for page in after for f in page.get_fonts(full=True)}
    added = {name: ext for name, ext in fonts.items() if "+" in name}
    assert any("Droid" in name for name in added) and "n/a" not in added.values()
    assert not document.flagged


def test_a_translation_that_cannot_fit_keeps_the_source_and_is_flagged(tmp_path: Path) -> None:
    pdf = pymupdf.open()
    page = pdf.new_page(width=300, height=300)
    page.insert_text((20, 40), "Short label", fontsize=10, fontname="helv")
    page.insert_text((20, 54), "Next line below", fontsize=10, fontname="helv")
    for y in range(70, 290, 14):  # the rest of the page is taken
        page.insert_text((20, y), f"Body line {y} of text", fontsize=10, fontname="helv")
    pdf.save(str(tmp_path / "tight.pdf"))
    document = open_document(tmp_path / "tight.pdf")
    first = document.units[0]
    assert first.source.startswith("Short label")
    out = tmp_path / "tight.zh.pdf"
    document.export({first.id: "很长的译文" * 80}, out)
    assert document.flagged[first.id] == [Flag("pdf_overflow", {"page": 1, "size": "6"})]
    assert any("did not fit" in n and "page(s) 1" in n for n in map(str, document.notices))
    result = pymupdf.open(str(out))[0]
    assert "Short label" in result.get_text()  # never cut, never drawn over its neighbours
    assert [a.type[1] for a in result.annots()] == ["Text"]


def test_bilingual_pdf_puts_each_page_beside_its_translation(tmp_path: Path) -> None:
    source = make_paper(tmp_path / "paper.pdf")
    document = open_document(source)
    translations = {u.id: "译文" + u.source for u in document.units}
    out = tmp_path / "paper.zh.bilingual.pdf"
    export_bilingual(document, translations, out)
    pdf = pymupdf.open(str(out))
    assert pdf.page_count == 3 and pdf[0].rect.width == 2 * 595
    left = pdf[0].get_textbox(pymupdf.Rect(0, 0, 595, 842))
    right = pdf[0].get_textbox(pymupdf.Rect(595, 0, 1190, 842))
    assert "Left one" in left and "译文" not in left and "译文" in right


def test_docx_and_text_exports_stay_available(tmp_path: Path) -> None:
    document = open_document(make_paper(tmp_path / "paper.pdf"))
    out = tmp_path / "paper.zh.docx"
    document.export({u.id: "译：" + u.source for u in document.units}, out)
    paragraphs = [p.text for p in docx.Document(str(out)).paragraphs if p.text]
    assert len(paragraphs) == len(document.units) and paragraphs[0].startswith("译：")
    with pytest.raises(DocumentError, match=r"\.pdf, \.docx, \.md or \.txt"):
        document.export({}, tmp_path / "paper.rtf")


def _encrypted(path: Path, user: str) -> Path:
    pdf = pymupdf.open()
    _paragraph(pdf.new_page(), (72, 72, 400, 200), "Secret minutes of the meeting.")
    pdf.save(str(path), encryption=pymupdf.PDF_ENCRYPT_AES_256, owner_pw="owner",
             user_pw=user)
    return path


def test_passwords(tmp_path: Path) -> None:
    # an empty user password opens in every viewer, and here too
    opened = open_document(_encrypted(tmp_path / "open.pdf", ""))
    assert opened.units[0].source == "Secret minutes of the meeting."
    locked = _encrypted(tmp_path / "locked.pdf", "s3cret")
    with pytest.raises(PasswordRequired, match="protected by a password"):
        open_document(locked)
    with pytest.raises(PasswordRequired, match="wrong"):
        open_document(locked, password="guess")
    document = open_document(locked, password="s3cret")
    out = tmp_path / "locked.zh.pdf"
    document.export({document.units[0].id: "会议纪要。"}, out)  # reopened with the password
    assert "会议纪要" in pymupdf.open(str(out))[0].get_text()


def test_damaged_pdf_is_refused_in_one_sentence(tmp_path: Path,
                                                capfd: pytest.CaptureFixture[str]) -> None:
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
                       b"garbage garbage\n%%EOF\n")
    with pytest.raises(DocumentError, match="damaged PDF"):
        open_document(broken)
    assert capfd.readouterr().err == ""  # no library warnings printed first


def test_cli_asks_for_the_password(tmp_path: Path) -> None:
    locked = _encrypted(tmp_path / "locked.pdf", "s3cret")
    line = one_sentence_error(cli("translate", locked, "--to", "zh"))
    assert "password" in line and "--password" in line
    line = one_sentence_error(cli("translate", locked, "--to", "zh", "--password", "nope"))
    assert "wrong" in line


def test_a_word_drawn_on_its_own_joins_its_row() -> None:
    from bayling_desktop.documents.formats.pdf_layout import Line, rows

    line = Line((324, 407, 539, 417), "Shubin Zhao. GLARF. In ACL/EACL", 10)
    stray = Line((394, 407, 420, 417), "2001a.", 10)
    below = Line((324, 418, 540, 428), "Workshop on Sharing Tools", 10)
    assert [r.text for r in rows([below, stray, line])] == [
        "Shubin Zhao. GLARF. In ACL/EACL 2001a.", "Workshop on Sharing Tools"]


def test_bilingual_pdf_can_alternate_pages(tmp_path: Path) -> None:
    from bayling_desktop.documents.formats.pdf_write import write_bilingual

    document = open_document(make_paper(tmp_path / "paper.pdf"))
    out = tmp_path / "alternate.pdf"
    write_bilingual(document, {u.id: "译文" + u.source for u in document.units}, out,
                    alternate=True)
    pdf = pymupdf.open(str(out))
    assert pdf.page_count == 6 and pdf[0].rect.width == 595
    assert "译文" not in pdf[0].get_text() and "译文" in pdf[1].get_text()


def test_long_documents_merge_their_fonts_as_they_go(tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    from bayling_desktop.documents.formats import pdf_write

    monkeypatch.setattr(pdf_write, "CHECKPOINT", 1)  # a merge before every page
    document = open_document(make_paper(tmp_path / "paper.pdf"))
    out = tmp_path / "paper.zh.pdf"
    document.export({u.id: "译文" + u.source for u in document.units}, out)
    result = pymupdf.open(str(out))
    assert result.page_count == 3 and "译文Conclusions" in result[1].get_text()
    droid = {f[0] for page in result for f in page.get_fonts(full=True) if "Droid" in f[3]}
    assert len(droid) == 1  # one subset font for every page, not a copy per page
