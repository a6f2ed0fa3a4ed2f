"""OpenDocument text and PDF (read only)."""

from __future__ import annotations

import zipfile
from pathlib import Path

import docx
import pytest
from odf.opendocument import OpenDocumentText
from odf.style import Style, TextProperties
from odf.text import H, P, Span

from bayling_desktop.documents import default_output_path, open_document
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


def make_pdf(path: Path, pages: list[list[str]]) -> Path:
    from PySide6.QtCore import QPointF
    from PySide6.QtGui import QFont, QPainter, QPdfWriter

    writer = QPdfWriter(str(path))
    painter = QPainter(writer)
    painter.setFont(QFont("DejaVu Sans", 12))
    for number, paragraphs in enumerate(pages):
        if number:
            writer.newPage()
        y = 400.0
        for paragraph in paragraphs:
            painter.drawText(QPointF(300, y), paragraph)
            y += 1200  # far apart: separate paragraphs in the text layer
    painter.end()
    return path


def test_pdf_reads_text_and_exports_docx(tmp_path: Path, qapp: object) -> None:
    pdf = make_pdf(tmp_path / "paper.pdf", [["First paragraph here.", "Second one."],
                                            ["Page two text."]])
    document = open_document(pdf)
    texts = [u.source for u in document.units]
    assert "First paragraph here." in " ".join(texts) and "Page two text." in texts[-1]
    assert any("cannot be rebuilt" in w for w in document.warnings)
    out = default_output_path(pdf, "zh")
    assert out.suffix == ".docx"
    document.export({u.id: "译：" + u.source for u in document.units}, out)
    paragraphs = [p.text for p in docx.Document(str(out)).paragraphs if p.text]
    assert all(p.startswith("译：") for p in paragraphs) and len(paragraphs) == len(texts)
    with pytest.raises(DocumentError, match="cannot be rebuilt"):
        document.export({}, tmp_path / "again.pdf")


def test_scanned_pdf_without_text_is_refused(tmp_path: Path, qapp: object) -> None:
    pdf = make_pdf(tmp_path / "scan.pdf", [[]])
    with pytest.raises(DocumentError, match="no text layer"):
        open_document(pdf)


def test_marker_translation_of_odt_visits_every_unit(tmp_path: Path) -> None:
    document = open_document(make_odt(tmp_path / "r.odt"))
    out = tmp_path / "m.odt"
    document.export({u.id: f"⟦{u.source}⟧" for u in document.units}, out)
    for unit in open_document(out).units:
        text = strip_tags(unit.source)
        assert text.startswith("⟦") and text.endswith("⟧")
