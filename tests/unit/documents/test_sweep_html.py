"""HTML as real pages are written (found by scripts/document_sweep.py on the pages in Babel's,
Sphinx's and Django's sdists): named entities without a DTD, no ``<meta charset>``, no
DOCTYPE, no-break spaces."""

from __future__ import annotations

from pathlib import Path

from bayling_desktop.documents import open_document


def _page(tmp_path: Path, data: bytes, name: str = "page.html") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_named_entities_are_html_not_an_xml_attack(tmp_path: Path) -> None:
    """&nbsp; and &copy; are undeclared entities to an XML parser; the safety check read
    them as an entity attack and refused nearly every real page."""
    for data in (b"<p>Hello &copy; world</p>",
                 b"<!DOCTYPE html><html><head><meta charset='utf-8'></head>"
                 b"<body><p>10&nbsp;km &copy; 2024</p></body></html>"):
        document = open_document(_page(tmp_path, data))
        assert document.units[0].source.startswith(("Hello ©", "10\xa0km"))


def test_a_utf8_page_without_a_charset_is_not_read_as_latin1(tmp_path: Path) -> None:
    path = _page(tmp_path, "<html><head><title>Café</title></head>"
                           "<body><p>Crème brûlée</p></body></html>".encode())
    document = open_document(path)
    assert [u.source for u in document.units] == ["Café", "Crème brûlée"]
    out = tmp_path / "zh.html"
    document.export({u.id: "焦糖布丁" for u in document.units}, out)
    # what a browser (and we) read back: the page now says it is UTF-8, and says it once
    assert b'<meta charset="utf-8">' in out.read_bytes()
    assert [u.source for u in open_document(out).units] == ["焦糖布丁", "焦糖布丁"]
    assert len(document.notices) == 1 and "UTF-8" in str(document.notices[0])


def test_a_fragment_without_a_head_stays_a_fragment_in_utf8(tmp_path: Path) -> None:
    document = open_document(_page(tmp_path, b"<p>Hello</p>\n"))
    out = tmp_path / "zh.html"
    document.export({document.units[0].id: "你好"}, out)
    assert out.read_bytes() == "<html><body><p>你好</p>\n</body></html>\n".encode()
    assert open_document(out).units[0].source == "你好" and document.notices == []


def test_no_doctype_is_invented(tmp_path: Path) -> None:
    """libxml2 adds an HTML 4.0 Transitional DOCTYPE to a page without one, which switches
    browsers out of the page's rendering mode."""
    document = open_document(_page(tmp_path, b"<html><body><p>Hi</p></body></html>"))
    out = tmp_path / "same.html"
    document.export({u.id: u.source for u in document.units}, out)
    assert out.read_bytes() == b"<html><body><p>Hi</p></body></html>"
    kept = open_document(_page(tmp_path, b"<!DOCTYPE html>\n<html><body><p>Hi</p></body></html>",
                               "doctype.html"))
    kept.export({u.id: u.source for u in kept.units}, out)
    assert out.read_bytes().startswith(b"<!DOCTYPE html>\n<html>")


def test_no_break_spaces_are_content_not_layout(tmp_path: Path) -> None:
    document = open_document(_page(tmp_path, b"<html><body><p> 10&nbsp;km\n  away </p>"
                                             b"</body></html>"))
    assert document.units[0].source == "10\xa0km away"
    out = tmp_path / "same.html"
    document.export({u.id: u.source for u in document.units}, out)
    assert "10\xa0km away".encode() in out.read_bytes()


NESTED = (b"<html><body><ul><li>Fairy <b>stories</b> here<ol><li>Inner</li></ol>after <i>it</i>"
          b"</li><li><span class='author'>Abram</span>\n<ol><li>X</li></ol></li></ul>"
          b"loose body text<p>para</p></body></html>")


def test_text_beside_a_nested_list_is_a_unit(tmp_path: Path) -> None:
    """A list item that holds a list (every nested list, every table of contents) was
    skipped as a container, and its own text with it."""
    document = open_document(_page(tmp_path, NESTED))
    assert [u.source for u in document.units] == [
        "Fairy <1>stories</1> here", "Inner", "after <1>it</1>", "<1>Abram</1>", "X",
        "loose body text", "para"]
    same = tmp_path / "same.html"
    document.export({u.id: u.source for u in document.units}, same)
    assert same.read_bytes() == NESTED.replace(b"'author'", b'"author"')  # no span left
    out = tmp_path / "zh.html"
    document.export({u.id: f"«{u.source}»" for u in document.units}, out)
    assert out.read_bytes().startswith("<html><body><ul><li>«Fairy <b>stories</b> here»<ol>"
                                       "<li>«Inner»</li></ol>«after <i>it</i>»</li>".encode())
    assert "«loose body text»<p>«para»</p>" in out.read_text(encoding="utf-8")


def test_a_link_with_prose_around_code_keeps_its_prose_translatable(tmp_path: Path) -> None:
    """GitHub's pages (a saved one is in Django's tests): "View file @ <code>d75</code>"
    inside a link went out as one void tag, its prose never translated."""
    page = (b'<html><body><p><a href="/blob">View file @ <code>d7504a3</code></a></p>'
            b'<p>Call <a href="/f"><code>f()</code></a> first.</p></body></html>')
    document = open_document(_page(tmp_path, page))
    assert [u.source for u in document.units] == ["<1>View file @ <x2/></1>", "Call <x1/> first."]
    out = tmp_path / "zh.html"
    document.export({"e1": "<1>查看文件 @ <x2/></1>", "e2": "先调用 <x1/>。"}, out)
    assert ('<a href="/blob">查看文件 @ <code>d7504a3</code></a>' in out.read_text("utf-8"))
    assert '先调用 <a href="/f"><code>f()</code></a>。' in out.read_text("utf-8")


def test_text_beside_a_block_inside_an_inline_element_is_a_unit(tmp_path: Path) -> None:
    """GitHub's page in Django's tests: a <span> holding a menu <div> and "Watch thread"."""
    page = (b'<html><body><div><span class="button"><span class="icon"></span>Watch thread'
            b"<div><p>You receive all notifications.</p></div></span></div></body></html>")
    document = open_document(_page(tmp_path, page))
    assert [u.source for u in document.units] == ["<x1/>Watch thread",
                                                  "You receive all notifications."]
    same = tmp_path / "same.html"
    document.export({u.id: u.source for u in document.units}, same)
    assert same.read_bytes() == page


def test_loose_text_with_control_characters_and_odd_tag_names(tmp_path: Path) -> None:
    """Found by the fuzz test: a lenient parse keeps what lxml refuses to set again."""
    page = (b"<html><h}ad></h}ad><body><ul><li>Text\x01 here<ol><li>x</li></ol>tail\x02 "
            b"<b>end</b></li></ul></body></html>")
    document = open_document(_page(tmp_path, page))
    assert [u.source for u in document.units] == ["Text here", "x", "tail <1>end</1>"]
    out = tmp_path / "zh.html"
    document.export({u.id: u.source for u in document.units}, out)
    assert [u.source for u in open_document(out).units] == [u.source for u in document.units]
