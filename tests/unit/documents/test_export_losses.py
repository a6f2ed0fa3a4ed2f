"""Export says precisely what a unit lost (issue 19 items 2 and 6), and what must not be
touched is not: a README's badges and links are named one by one, an HTML page keeps its
charset declaration and says the target's language, a Word hyperlink emptied is named and
a comment keeps its anchored words, ODF fields and relatorio/py3o directives stay as they
were, Markdown code wrapped over a line break is never sent.

The misbehaving translator here drops every tag (as small models do); the well-behaved
one upper-cases the text between tags.
"""

from __future__ import annotations

import html
import re
import zipfile
from pathlib import Path

import pytest

from bayling_desktop.documents import open_document

from .realfiles import SDISTS, sdist_files


def drop_tags(tagged: str) -> str:
    return re.sub(r"</?\d+>|<x\d+/>", "", tagged)


def upper(tagged: str) -> str:
    return re.sub(r"(<[^<>]*>)|([^<]+)", lambda m: m.group(1) or m.group(2).upper(), tagged)


# the top of markdown-it-py's README (MIT), its five badges and a list of links
README = """# markdown-it-py

[![Github-CI][github-ci]][github-link]
[![Coverage Status][codecov-badge]][codecov-link]
[![PyPI][pypi-badge]][pypi-link]
[![Conda][conda-badge]][conda-link]
[![PyPI - Downloads][install-badge]][install-link]

Follows the __[CommonMark spec](http://spec.commonmark.org/)__, see the
[plugin list](https://mdit-py-plugins.readthedocs.io), our [benchmarks](https://b.io/x),
the [security notes](https://s.io/y) and [markdown-it](https://github.com/markdown-it).
Call `MarkdownIt(
"commonmark")` to start.

[github-ci]: https://github.com/executablebooks/markdown-it-py/actions/workflows/tests.yml/badge.svg
[github-link]: https://github.com/executablebooks/markdown-it-py
[codecov-badge]: https://codecov.io/gh/executablebooks/markdown-it-py/branch/master/graph/badge.svg
[codecov-link]: https://codecov.io/gh/executablebooks/markdown-it-py
[pypi-badge]: https://img.shields.io/pypi/v/markdown-it-py.svg
[pypi-link]: https://pypi.org/project/markdown-it-py
[conda-badge]: https://anaconda.org/conda-forge/markdown-it-py/badges/version.svg
[conda-link]: https://anaconda.org/conda-forge/markdown-it-py
[install-badge]: https://img.shields.io/pypi/dw/markdown-it-py?label=pypi%20installs
[install-link]: https://pypistats.org/packages/markdown-it-py
"""


def test_a_readme_that_loses_5_badges_and_10_urls_gets_15_precise_flags(
        tmp_path: Path) -> None:
    path = tmp_path / "README.md"
    path.write_text(README, encoding="utf-8")
    document = open_document(path)
    out = tmp_path / "README.zh.md"
    document.export({u.id: drop_tags(u.source) for u in document.units}, out)
    flags = [f for unit_flags in document.flagged.values() for f in unit_flags]
    links = [f.arg("url") for f in flags if f.code == "link_removed"]
    images = [f.arg("name") for f in flags if f.code == "image_removed"]
    assert len(links) == 10 and len(images) == 5
    assert "https://pypistats.org/packages/markdown-it-py" in links
    assert "http://spec.commonmark.org/" in links and "https://b.io/x" in links
    assert "https://img.shields.io/pypi/v/markdown-it-py.svg" in images
    assert all(f.blocking for f in flags if f.code in ("link_removed", "image_removed"))
    # and a well-behaved translation loses nothing: no flag, every URL still in the file
    document.export({u.id: upper(u.source) for u in document.units}, out)
    written = out.read_text(encoding="utf-8")
    assert not document.flagged and "[![GITHUB-CI][github-ci]][github-link]" in written


def test_markdown_code_wrapped_over_a_line_break_is_never_sent(tmp_path: Path) -> None:
    path = tmp_path / "README.md"
    path.write_text(README, encoding="utf-8")
    document = open_document(path)
    unit = next(u for u in document.units if "to start" in u.source)
    assert "MarkdownIt(" not in unit.source and "commonmark" not in unit.source
    out = tmp_path / "zh.md"
    document.export({u.id: upper(u.source) for u in document.units}, out)
    assert 'Call `MarkdownIt(\n"commonmark")` to start.' in README
    assert 'CALL `MarkdownIt(\n"commonmark")` TO START.' in out.read_text(encoding="utf-8")


PAGE = ('<!DOCTYPE html>\n<html lang="en"><head>'
        '<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">'
        '<title>Caf\xe9 menu</title></head><body lang="en">'
        '<p>Our <a href="https://cafe.example/menu">menu</a> and <img src="logo.png" alt="">'
        ' prices.</p><p lang="fr">Caf\xe9 cr\xe8me</p></body></html>\n')


def test_html_keeps_its_http_equiv_charset_and_its_encoding(tmp_path: Path) -> None:
    path = tmp_path / "menu.html"
    path.write_bytes(PAGE.encode("cp1252"))
    document = open_document(path)
    document.target_language = "de"
    out = tmp_path / "menu.de.html"
    document.export({"e1": "Café-Karte", "e2": "Unsere <1>Karte</1> und <x2/> Preise."}, out)
    data = out.read_bytes()
    assert b'<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">' in data
    assert "Café-Karte".encode("cp1252") in data and not document.notices
    assert b'<html lang="de">' in data and b'<body lang="de">' in data
    assert b'<p lang="fr">' in data  # a passage marked as another language keeps its mark


def test_html_that_cannot_hold_the_translation_becomes_utf8_and_says_so(
        tmp_path: Path) -> None:
    import lxml.html

    path = tmp_path / "menu.html"
    path.write_bytes(PAGE.encode("cp1252"))
    document = open_document(path)
    document.target_language = "zh-CN"
    out = tmp_path / "menu.zh.html"
    document.export({"e1": "咖啡菜单", "e2": "我们的<1>菜单</1>和<x2/>价格。"}, out)
    data = out.read_bytes()
    assert b'content="text/html; charset=utf-8"' in data and "咖啡菜单".encode() in data
    assert b'<html lang="zh-CN">' in data and len(document.notices) == 1
    page = lxml.html.document_fromstring(data)  # what a browser does: the meta decides
    assert page.findtext(".//title") == "咖啡菜单"


def test_html_meta_charset_kept_and_lost_link_named(tmp_path: Path) -> None:
    path = tmp_path / "p.html"
    path.write_bytes(PAGE.replace(
        '<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">',
        '<meta charset="iso-8859-1">').encode("latin-1"))
    document = open_document(path)
    out = tmp_path / "p.de.html"
    document.export({"e2": "Unsere Karte und Preise."}, out)
    assert b'<meta charset="iso-8859-1">' in out.read_bytes()
    # the picture was a void tag: it is kept (at the end, named as moved); the link is gone
    assert [(f.code, f.arguments) for f in document.flagged["e2"]] == [
        ("link_removed", {"url": "https://cafe.example/menu"}), ("tag_moved", {"tag": "<x2/>"})]
    assert b'<img src="logo.png" alt="">' in out.read_bytes()


def _word(tmp_path: Path) -> Path:
    from docx import Document as WordDocument
    from docx.opc.constants import RELATIONSHIP_TYPE
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    doc = WordDocument()
    paragraph = doc.add_paragraph("Please read ")
    rid = paragraph.part.relate_to("https://example.org/terms", RELATIONSHIP_TYPE.HYPERLINK,
                                   is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), rid)
    run, text = OxmlElement("w:r"), OxmlElement("w:t")
    text.text = "the terms"
    run.append(text)
    link.append(run)
    paragraph._p.append(link)
    paragraph.add_run(" before you sign.")
    second = doc.add_paragraph("The deadline is ")
    anchored = second.add_run("next Friday")
    second.add_run(" at noon.")
    doc.add_comment(anchored, text="Which Friday?", author="Ann")
    doc.save(str(tmp_path / "c.docx"))
    return tmp_path / "c.docx"


def _document_xml(path: Path) -> str:
    with zipfile.ZipFile(path) as archive:
        return archive.read("word/document.xml").decode()


def test_word_comment_keeps_its_anchored_words(tmp_path: Path) -> None:
    document = open_document(_word(tmp_path))
    assert document.units[1].source == "The deadline is <2>next Friday</2><x3/> at noon."
    out = tmp_path / "zh.docx"
    document.export({"d2": "截止时间是<2>下周五</2><x3/>中午。"}, out)
    anchored = re.search(r"<w:commentRangeStart[^>]*/>(.*?)<w:commentRangeEnd",
                         _document_xml(out)).group(1)
    assert re.sub(r"<[^>]+>", "", anchored) == "下周五" and not document.flagged


def test_word_hyperlink_left_empty_is_named(tmp_path: Path) -> None:
    document = open_document(_word(tmp_path))
    assert document.units[0].source == "Please read <2>the terms</2> before you sign."
    out = tmp_path / "zh.docx"
    document.export({"d1": "签字前请阅读条款。"}, out)
    assert [str(f) for f in document.flagged["d1"]] == ["Link removed (https://example.org/terms)."]
    document.export({"d1": "签字前请阅读<2></2>条款。"}, out)  # the tag kept, its words not
    assert [f.code for f in document.flagged["d1"]] == ["link_removed"]
    document.export({"d1": "签字前请阅读<2>条款</2>。"}, out)
    assert not document.flagged and ">条款</w:t></w:r></w:hyperlink>" in _document_xml(out)


def _odt(tmp_path: Path) -> Path:
    from odf import style, text
    from odf.opendocument import OpenDocumentText

    doc = OpenDocumentText()
    layout = style.PageLayout(name="pm1")
    doc.automaticstyles.addElement(layout)
    master = style.MasterPage(name="Standard", pagelayoutname=layout)
    footer = style.Footer()
    printed = text.P(text="Last changed ")
    printed.addElement(text.ModificationDate(text="17 Dec 2009"))
    footer.addElement(printed)
    master.addElement(footer)
    doc.masterstyles.addElement(master)
    dated = text.P(text="Printed on ")
    dated.addElement(text.Date(text="March 1, 2024"))
    dated.addText(", page ")
    dated.addElement(text.PageNumber(text="3"))
    doc.text.addElement(dated)
    loop = text.P(text="Items: ")
    loop.addElement(text.A(href='relatorio://for each="line in items"', text="for each"))
    loop.addText(" and ")
    loop.addElement(text.A(href="py3o://for=\"item in items\"", text='for="item in items"'))
    doc.text.addElement(loop)
    doc.save(str(tmp_path / "t.odt"))
    return tmp_path / "t.odt"


def test_odf_fields_and_template_directives_are_untouched(tmp_path: Path) -> None:
    document = open_document(_odt(tmp_path))
    sources = [u.source for u in document.units]
    assert sources == ["Printed on <x1/>, page <x2/>", "Items: <x1/> and <x2/>",
                       "Last changed <x1/>"]
    out = tmp_path / "zh.odt"
    document.export({u.id: upper(u.source) for u in document.units}, out)
    with zipfile.ZipFile(out) as archive:
        content = archive.read("content.xml").decode()
        styles = archive.read("styles.xml").decode()
    assert ">March 1, 2024</text:date>" in content and ">3</text:page-number>" in content
    assert ">for each</text:a>" in content and '>for="item in items"</text:a>' in content
    assert ">17 Dec 2009</text:modification-date>" in styles and "LAST CHANGED" in styles


@pytest.mark.skipif("py3o.template" not in SDISTS, reason="no py3o sdist pinned")
def test_real_py3o_templates_keep_every_directive(tmp_path: Path) -> None:
    templates = [p for p in sdist_files("py3o.template", ".odt") if "for" in p.name]
    assert templates
    for template in templates:
        document = open_document(template)
        joined = " ".join(u.source for u in document.units)
        assert "in items" not in joined and "/for" not in joined, template.name
        out = tmp_path / template.name
        document.export({u.id: upper(u.source) for u in document.units}, out)
        with zipfile.ZipFile(template) as before, zipfile.ZipFile(out) as after:
            # the same XML, whichever way a serialiser escapes a quote in text
            old = html.unescape(before.read("content.xml").decode())
            new = html.unescape(after.read("content.xml").decode())
        directives = re.findall(r"<text:a [^>]*py3o://.*?</text:a>", old, re.S)
        assert directives and all(d in new for d in directives), template.name


def test_powerpoint_link_lost_is_named_by_its_address(tmp_path: Path) -> None:
    from pptx import Presentation
    from pptx.util import Inches

    deck = Presentation()
    slide = deck.slides.add_slide(deck.slide_layouts[5])
    paragraph = slide.shapes.add_textbox(Inches(1), Inches(1), Inches(4), Inches(1)
                                         ).text_frame.paragraphs[0]
    for text, address in (("Visit ", None), ("our site", "https://example.org/deck"),
                          (" today.", None)):
        run = paragraph.add_run()
        run.text = text
        if address:
            run.hyperlink.address = address
    deck.save(str(tmp_path / "l.pptx"))
    document = open_document(tmp_path / "l.pptx")
    unit = next(u for u in document.units if "site" in u.source)
    assert unit.source == "Visit <2>our site</2> today."
    document.export({unit.id: "今天访问我们的网站。"}, tmp_path / "zh.pptx")
    assert [str(f) for f in document.flagged[unit.id]] == [
        "Link removed (https://example.org/deck)."]


def test_epub_says_the_target_language(tmp_path: Path) -> None:
    from .newformats import make_epub

    document = open_document(make_epub(tmp_path / "book.epub"))
    document.target_language = "zh"
    out = tmp_path / "zh.epub"
    document.export({u.id: upper(u.source) for u in document.units}, out)
    with zipfile.ZipFile(out) as archive:
        names = archive.namelist()
        opf = next(archive.read(n).decode() for n in names if n.endswith(".opf"))
        chapters = [archive.read(n).decode() for n in names if n.endswith(".xhtml")]
    assert "<dc:language>zh</dc:language>" in opf
    assert chapters and all('lang="zh"' in c for c in chapters)
