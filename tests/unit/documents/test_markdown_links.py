"""Markdown links and emphasis travel as tags (issue 10 item 7): the URL and its brackets never
reach the model, so a translator that writes full-width brackets cannot break them; when
the tags are lost the unit is flagged "formatting lost", never silently."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bayling_desktop.documents import open_document
from bayling_desktop.documents.formats.mdinline import InlineMarkup
from bayling_desktop.documents.tags import TAG_PATTERN

README = """# Project

See [the guide](https://example.org/wiki/Guide_(advanced) "The guide") and **bold words**.
An image ![a cat](img/cat.png) and *italic*, a ref [link][docs], <https://auto.link>.
Code `[not](a link)` stays, snake_case_name too, and [![badge](b.svg)](https://ci.org).

[docs]: https://docs.example.org
"""


def fullwidth(text: str) -> str:
    """What a careless model does to brackets: full-width ones, everywhere it sees them."""
    out, last = [], 0
    for match in TAG_PATTERN.finditer(text):
        out.append(text[last:match.start()].translate(str.maketrans("()[]", "（）【】")))
        out.append(match.group(0))
        last = match.end()
    out.append(text[last:].translate(str.maketrans("()[]", "（）【】")))
    return "".join(out).replace("guide", "指南").replace("bold words", "粗体字")


def _readme(tmp_path: Path) -> Path:
    path = tmp_path / "README.md"
    path.write_text(README, encoding="utf-8")
    return path


def test_links_and_emphasis_become_tags(tmp_path: Path) -> None:
    sources = [u.source for u in open_document(_readme(tmp_path)).units]
    assert sources[1] == ("See <1>the guide</1> and <2>bold words</2>.\nAn image <3>a cat</3> "
                          "and <4>italic</4>, a ref <5>link</5>, <x6/>.\nCode `[not](a link)` "
                          "stays, snake_case_name too, and <7><8>badge</8></7>.")
    prose = [re.sub(r"`[^`]*`", "", s) for s in sources]  # code spans are protected later
    assert not any("https://" in s or "](" in s for s in prose)


def test_identity_is_byte_for_byte(tmp_path: Path) -> None:
    document = open_document(_readme(tmp_path))
    out = tmp_path / "same.md"
    document.export({u.id: u.source for u in document.units}, out)
    assert out.read_text(encoding="utf-8") == README and not document.flagged


def test_full_width_brackets_cannot_break_a_link(tmp_path: Path) -> None:
    document = open_document(_readme(tmp_path))
    out = tmp_path / "zh.md"
    document.export({u.id: fullwidth(u.source) for u in document.units}, out)
    text = out.read_text(encoding="utf-8")
    assert '[the 指南](https://example.org/wiki/Guide_(advanced) "The guide")' in text
    assert "**粗体字**" in text and "![a cat](img/cat.png)" in text and "*italic*" in text
    assert "[link][docs]" in text and "<https://auto.link>" in text
    assert "[![badge](b.svg)](https://ci.org)" in text and not document.flagged


def test_lost_tags_are_flagged_and_the_text_kept(tmp_path: Path) -> None:
    document = open_document(_readme(tmp_path))
    unit = document.units[1]
    out = tmp_path / "lost.md"
    document.export({unit.id: "参见指南和粗体字。<x6/>"}, out)
    codes = [(f.code, f.arguments) for f in document.flagged[unit.id]]
    # every link and image by its address, the emphasis once: never one vague sentence
    assert codes == [("link_removed", {"url": "https://example.org/wiki/Guide_(advanced)"}),
                     ("image_removed", {"name": "img/cat.png"}),
                     ("link_removed", {"url": "https://docs.example.org"}),
                     ("link_removed", {"url": "https://ci.org"}),
                     ("image_removed", {"name": "b.svg"}),
                     ("formatting_lost", {}), ("tag_moved", {"tag": "<x6/>"})]
    assert all(f.blocking for f in document.flagged[unit.id][:5])
    assert "参见指南和粗体字。<https://auto.link>" in out.read_text(encoding="utf-8")


@pytest.mark.parametrize("content", [
    "a * b * c", "2*3*4 = 24", "[unclosed link", "x](y)", "*", "**", "_a_b", "\\*not\\*",
    "[a](<dest with space>)", "[a](b 'single title')", "__init__ method", "~~gone~~ **[x](y)**",
])
def test_any_inline_text_round_trips(content: str) -> None:
    inline = InlineMarkup(content)
    assert inline.rebuild(inline.tagged) == (content, [])


def test_html_links_travel_as_tags_and_lost_ones_are_flagged(tmp_path: Path) -> None:
    page = tmp_path / "p.html"
    page.write_text('<html><body><p>Read <a href="https://x.org/a_(b)">the docs</a> now.</p>'
                    "</body></html>", encoding="utf-8")
    document = open_document(page)
    assert document.units[0].source == "Read <1>the docs</1> now."
    out = tmp_path / "zh.html"
    document.export({"e1": fullwidth("现在阅读<1>文档</1>（）。")}, out)
    assert '<a href="https://x.org/a_(b)">文档</a>' in out.read_text(encoding="utf-8")
    document.export({"e1": "现在阅读文档。"}, out)
    assert [str(f) for f in document.flagged["e1"]] == ["Link removed (https://x.org/a_(b))."]
    assert "现在阅读文档。" in out.read_text(encoding="utf-8")


def test_inline_code_in_html_is_a_void_tag_and_the_prose_is_translated(tmp_path: Path) -> None:
    page = tmp_path / "api.html"
    page.write_text("<html><body><p>Call <code>open(path)</code> or "
                    '<a href="#x"><code>close()</code></a> first.</p><pre>raw()</pre>'
                    "</body></html>", encoding="utf-8")
    document = open_document(page)
    assert [u.source for u in document.units] == ["Call <x1/> or <x2/> first."]
    out = tmp_path / "zh.html"
    document.export({"e1": "先调用<x1/>或<x2/>。"}, out)
    assert ('<p>先调用<code>open(path)</code>或<a href="#x"><code>close()</code></a>。</p>'
            in out.read_text(encoding="utf-8"))


def test_nested_inline_markup_nests_its_tags_and_comes_back(tmp_path: Path) -> None:
    page = tmp_path / "n.html"
    page.write_text('<html><body><p>See <a href="/x"><b>the bold</b> link<br></a> now.</p>'
                    "</body></html>", encoding="utf-8")
    document = open_document(page)
    assert document.units[0].source == "See <1><2>the bold</2> link<x3/></1> now."
    out = tmp_path / "zh.html"
    document.export({"e1": "现在看<1><2>粗体</2>链接<x3/></1>。"}, out)
    assert '<p>现在看<a href="/x"><b>粗体</b>链接<br></a>。</p>' in out.read_text(encoding="utf-8")


def test_an_odf_span_keeps_its_field(tmp_path: Path) -> None:
    from odf import text
    from odf.opendocument import OpenDocumentText
    from odf.style import Style, TextProperties

    doc = OpenDocumentText()
    bold = Style(name="B", family="text")
    bold.addElement(TextProperties(fontweight="bold"))
    doc.automaticstyles.addElement(bold)
    paragraph = text.P(text="Due ")
    span = text.Span(stylename=bold, text="on ")
    span.addElement(text.Date(text="2024-03-01"))
    paragraph.addElement(span)
    doc.text.addElement(paragraph)
    doc.save(str(tmp_path / "d.odt"))
    document = open_document(tmp_path / "d.odt")
    assert document.units[0].source == "Due <1>on <x2/></1>"
    document.export({"o1": "到期<1>于<x2/></1>"}, tmp_path / "zh.odt")
    again = open_document(tmp_path / "zh.odt")
    assert again.units[0].source == "到期<1>于<x2/></1>" and not document.flagged
