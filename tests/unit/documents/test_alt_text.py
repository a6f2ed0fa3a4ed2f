"""Alternative text is visible text for whoever cannot see the picture: every format makes
it a unit and writes its translation back; a bare file name (what Office writes when
nobody wrote an alt text) is not one."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
import pptx
from PIL import Image

from bayling_desktop.documents import open_document
from bayling_desktop.documents.alttext import KIND, worth_translating

from .coverage import export_marked, unmarked
from .newformats import make_epub

ALT = "A red square, the company logo"


def _png() -> io.BytesIO:
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), (200, 30, 30)).save(buffer, "PNG")
    buffer.seek(0)
    return buffer


def _alts(document: object) -> list[tuple[str, str]]:
    return [(u.id, u.source) for u in document.units if u.kind == KIND]  # type: ignore[attr-defined]


def test_only_words_are_worth_a_unit() -> None:
    assert worth_translating(ALT)
    assert not worth_translating("image1.png") and not worth_translating(" ")
    assert not worth_translating(None) and worth_translating("Logo")


def test_word_picture_alt_text(tmp_path: Path) -> None:
    word = docx.Document()
    word.add_paragraph("Our logo:")
    word.add_picture(_png())
    word.add_picture(_png())  # its alt text stays the file name python-docx gives it
    word.inline_shapes[0]._inline.docPr.set("descr", ALT)
    path = tmp_path / "logo.docx"
    word.save(str(path))
    document = open_document(path)
    assert [s for _i, s in _alts(document)] == [ALT]
    out = export_marked(document, tmp_path / "marked.docx")
    assert unmarked(out) == []
    shapes = docx.Document(str(out)).inline_shapes
    assert shapes[0]._inline.docPr.get("descr") == "‹A› ‹red› ‹square,› ‹the› ‹company› ‹logo›"


def test_powerpoint_picture_alt_text(tmp_path: Path) -> None:
    deck = pptx.Presentation()
    slide = deck.slides.add_slide(deck.slide_layouts[5])
    slide.shapes.title.text = "Our logo"
    picture = slide.shapes.add_picture(_png(), 0, 0)
    picture._element.nvPicPr.cNvPr.set("descr", ALT)
    slide.shapes.add_picture(_png(), 0, 0)  # descr="image.png": not a unit
    path = tmp_path / "logo.pptx"
    deck.save(str(path))
    document = open_document(path)
    assert _alts(document) == [("s1-alt1", ALT)]
    out = tmp_path / "zh.pptx"
    document.export({"s1-alt1": "红色方块，公司标志"}, out)
    shape = pptx.Presentation(str(out)).slides[0].shapes[1]
    assert shape._element.nvPicPr.cNvPr.get("descr") == "红色方块，公司标志"


def test_html_img_alt_in_reading_order(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(f'<html><body><p>Before</p><img src="a.png" alt="{ALT}"><p>After '
                    '<img src="b.png" alt="b.png"></p></body></html>', encoding="utf-8")
    document = open_document(path)
    assert [u.source for u in document.units] == ["Before", ALT, "After <x1/>"]
    out = tmp_path / "zh.html"
    document.export({document.units[1].id: "红色方块"}, out)
    assert '<img src="a.png" alt="红色方块">' in out.read_text(encoding="utf-8")


def test_epub_img_alt(tmp_path: Path) -> None:
    chapter = ('<?xml version="1.0" encoding="utf-8"?><html xmlns="http://www.w3.org/1999/'
               'xhtml"><head><title>One</title></head><body><p>Text.</p>'
               f'<div><img src="cover.png" alt="{ALT}"/></div></body></html>')
    book = make_epub(tmp_path / "book.epub", chapters=1,
                     extra={"OEBPS/chap1.xhtml": chapter.encode()})
    document = open_document(book)
    assert [s for _i, s in _alts(document)] == [ALT]
    out = export_marked(document, tmp_path / "marked.epub")
    assert unmarked(out) == []
    with zipfile.ZipFile(out) as archive:
        assert 'alt="‹A› ‹red›' in archive.read("OEBPS/chap1.xhtml").decode()


def test_odt_frame_title_and_description(tmp_path: Path) -> None:
    from odf.draw import Frame
    from odf.draw import Image as DrawImage
    from odf.opendocument import OpenDocumentText
    from odf.svg import Desc, Title
    from odf.text import P

    document_odf = OpenDocumentText()
    paragraph = P(text="Our logo: ")
    frame = Frame(width="2cm", height="2cm", anchortype="as-char")
    frame.addElement(DrawImage(href="Pictures/logo.png"))
    title, desc = Title(), Desc()
    title.addText("Company logo")
    desc.addText(ALT)
    frame.addElement(title)
    frame.addElement(desc)
    paragraph.addElement(frame)
    document_odf.text.addElement(paragraph)
    path = tmp_path / "logo.odt"
    document_odf.save(str(path))
    document = open_document(path)
    assert [s for _i, s in _alts(document)] == ["Company logo", ALT]
    assert document.units[0].source == "Our logo: <x1/>"  # the frame travels whole
    out = export_marked(document, tmp_path / "marked.odt")
    assert unmarked(out) == []
    with zipfile.ZipFile(out) as archive:
        assert "<svg:title>‹Company› ‹logo›</svg:title>" in archive.read("content.xml").decode()


def test_html_attributes_a_reader_sees_or_hears(tmp_path: Path) -> None:
    path = tmp_path / "form.html"
    path.write_text(
        '<html><head><meta name="description" content="Order tea online"><title>Shop</title>'
        '</head><body><p>Ask the <abbr title="World Health Organization">WHO</abbr>.</p>'
        '<form><input name="q" placeholder="Search the shop"><input type="submit" '
        'value="Send order"><input type="hidden" value="abc123"><button aria-label="Close '
        'the cart">×</button></form></body></html>', encoding="utf-8")
    document = open_document(path)
    attributes = [(u.meta["attribute"], u.source) for u in document.units
                  if "attribute" in u.meta]
    assert attributes == [("content", "Order tea online"),
                          ("title", "World Health Organization"),
                          ("placeholder", "Search the shop"), ("value", "Send order"),
                          ("aria-label", "Close the cart")]
    out = tmp_path / "zh.html"
    document.export({u.id: f"«{u.source}»" for u in document.units}, out)
    written = out.read_text(encoding="utf-8")
    # the title of an inline element survives its paragraph being filled (it is copied)
    assert '<abbr title="«World Health Organization»">WHO</abbr>' in written
    for kept in ('content="«Order tea online»"', 'placeholder="«Search the shop»"',
                 'value="«Send order»"', 'value="abc123"', 'aria-label="«Close the cart»"'):
        assert kept in written
