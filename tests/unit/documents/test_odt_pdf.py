"""OpenDocument text, and PDF read from a minimal hand-written file (more in test_pdf.py)."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from odf.opendocument import OpenDocumentText
from odf.style import Style, TextProperties
from odf.text import H, P, Span

from bayling_desktop.documents import open_document
from bayling_desktop.documents.tags import strip_tags
from bayling_desktop.errors import DocumentError


def make_odt(path: Path) -> Path:
    doc = OpenDocumentText()
    bold = Style(name="Bold", family="text")
    bold.addElement(TextProperties(fontweight="bold"))
    doc.automaticstyles.addElement(bold)
    doc.text.addElement(H(outlinelevel=1, text="Annual report"))
    paragraph = P(text="Sales grew ")
    paragraph.addElement(Span(stylename=bold, text="strongly"))
    paragraph.addText(" this year.")
    doc.text.addElement(paragraph)
    doc.text.addElement(P(text="Thank you."))
    doc.save(str(path))
    return path


def test_odt_round_trip_and_formatting(tmp_path: Path) -> None:
    document = open_document(make_odt(tmp_path / "r.odt"))
    assert [u.source for u in document.units] == [
        "Annual report", "Sales grew <1>strongly</1> this year.", "Thank you."]
    same = tmp_path / "same.odt"
    document.export({u.id: u.source for u in document.units}, same)
    assert [u.source for u in open_document(same).units] == [u.source for u in document.units]
    out = tmp_path / "zh.odt"
    document.export({"o1": "年度报告", "o2": "销售额今年<1>大幅</1>增长。"}, out)
    again = open_document(out)
    assert [u.source for u in again.units] == ["年度报告", "销售额今年<1>大幅</1>增长。",
                                               "Thank you."]
    with zipfile.ZipFile(out) as archive:
        first = archive.infolist()[0]
        assert first.filename == "mimetype" and first.compress_type == zipfile.ZIP_STORED
        assert b'text:style-name="Bold"' in archive.read("content.xml")


def make_pdf(path: Path, pages: list[list[str]], leading: int = 120) -> Path:
    """A minimal real PDF with a Helvetica text layer, one text line per entry.

    Lines *leading* points apart; 14 reads as lines of one paragraph, 120 as paragraphs.
    """
    objects: list[bytes] = []

    def add(body: bytes) -> int:
        objects.append(body)
        return len(objects)

    font = add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    pages_id = 1 + 2 * len(pages) + 1
    kids = []
    for lines in pages:
        ops = [f"BT /F1 12 Tf 72 {760 - n * leading} Td ({line}) Tj ET"
               for n, line in enumerate(lines)]
        stream = "\n".join(ops).encode("latin-1")
        content = add(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream))
        kids.append(add(b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 612 792] /Contents %d 0 R"
                        b" /Resources << /Font << /F1 %d 0 R >> >> >>" % (pages_id, content, font)))
    add(b"<< /Type /Pages /Kids [%s] /Count %d >>"
        % (b" ".join(b"%d 0 R" % k for k in kids), len(kids)))
    catalog = add(b"<< /Type /Catalog /Pages %d 0 R >>" % pages_id)
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, catalog, xref)
    path.write_bytes(bytes(out))
    return path


def test_pdf_reads_text_page_by_page(tmp_path: Path) -> None:
    pdf = make_pdf(tmp_path / "paper.pdf", [["First paragraph here.", "Second one."],
                                            ["Page two text."]])
    document = open_document(pdf)
    texts = [u.source for u in document.units]
    assert texts == ["First paragraph here.", "Second one.", "Page two text."]
    assert [u.meta["page"] for u in document.units] == [1, 1, 2]


def test_lines_close_together_form_one_paragraph(tmp_path: Path) -> None:
    pdf = make_pdf(tmp_path / "wrapped.pdf", [["A sentence that wraps", "onto a second line."]],
                   leading=14)
    assert [u.source for u in open_document(pdf).units] == [
        "A sentence that wraps onto a second line."]


def test_scanned_pdf_without_text_is_refused(tmp_path: Path) -> None:
    pdf = make_pdf(tmp_path / "scan.pdf", [[]])
    with pytest.raises(DocumentError, match="no text layer"):
        open_document(pdf)


def test_a_page_without_text_is_kept_and_named(tmp_path: Path) -> None:
    pdf = make_pdf(tmp_path / "mixed.pdf", [["Page one text."], [], ["Page three text."]])
    document = open_document(pdf)
    assert [u.meta["page"] for u in document.units] == [1, 3]
    assert list(map(str, document.notices)) == [
        "Page(s) 2 have no text layer (scans or images): they are kept as they are, "
        "untranslated."]
    out = tmp_path / "mixed.zh.pdf"
    document.export({u.id: "译文" for u in document.units}, out)
    import pymupdf

    assert pymupdf.open(str(out)).page_count == 3


def test_marker_translation_of_odt_visits_every_unit(tmp_path: Path) -> None:
    document = open_document(make_odt(tmp_path / "r.odt"))
    out = tmp_path / "m.odt"
    document.export({u.id: f"⟦{u.source}⟧" for u in document.units}, out)
    for unit in open_document(out).units:
        text = strip_tags(unit.source)
        assert text.startswith("⟦") and text.endswith("⟧")
