"""HTML: every block element whose content is text and inline markup is one unit; inline
elements travel as numbered tags and come back with their attributes. Scripts, styles,
code and preformatted text are never sent; ``<title>`` is a unit, and so is the text of
attributes a reader sees or hears: alt text, tooltips (``title``), ARIA labels,
placeholders, input buttons' captions and the page's meta description."""

from __future__ import annotations

import codecs
import copy
import re
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from ...errors import DocumentError
from ...fileio import atomic_write_bytes
from ...sentences import Sentence
from ..alttext import KIND as ALT_TEXT
from ..alttext import worth_translating
from ..encoding import check_size, decode
from ..model import Document, Unit
from ..tags import strip_tags
from ..xmlinline import fill_inline, tagged_inline
from ..xmlsafe import refuse_declarations, xml_text

_BLOCKS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "td", "th", "dt", "dd", "caption",
           "figcaption", "blockquote", "title", "summary", "legend", "label", "button",
           "option", "div", "section", "article", "header", "footer", "aside", "main", "nav"}
_SKIP = {"script", "style", "code", "pre", "kbd", "samp", "var", "textarea", "svg", "math",
         "noscript", "template"}


#: inline elements whose content is code: void tags inside a translated block
_CODE = {"code", "kbd", "samp", "var"}


#: white space as HTML defines it (str.split() would also eat no-break spaces)
_SPACES = re.compile(r"[ \t\n\r\f]+")


def _holds_code(element: Any) -> bool:
    """Code, or an inline element around nothing but code (a link on a function name):
    a void tag. A link with prose of its own ("View file @ <code>d75</code>") is a paired
    tag, so its prose is translated and only its code travels as a void tag."""
    if _name(element) in _CODE:
        return True
    if not any(_name(d) in _CODE for d in element.iterdescendants()):
        return False
    return not _prose(element).strip()


def _prose(element: Any) -> str:
    """The element's text outside code."""
    parts = [element.text or ""]
    for child in element:
        if isinstance(child.tag, str) and _name(child) not in _CODE:
            parts.append(_prose(child))
        parts.append(child.tail or "")
    return "".join(parts)


_CONTAINERS = _BLOCKS | {"ul", "ol", "table", "dl", "hr", "form", "tr", "tbody", "thead"}


def _name(element: Any) -> str:
    """The element's local name ('' for comments): HTML and XHTML (EPUB) alike."""
    tag = element.tag
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _has_block_inside(element: Any) -> bool:
    """Real pages nest blocks inside inline elements (a <div> in an <a>): such an element
    is not a unit, its inner blocks are, so no text is ever translated twice."""
    return any(_name(d) in _CONTAINERS for d in element.iterdescendants())


#: marks the <span> that holds a block's loose text while the document is open
RUN = "data-bayling-run"


def _blocky(element: Any) -> bool:
    return _name(element) in _CONTAINERS | _SKIP or _has_block_inside(element)


def wrap_loose_text(root: Any) -> None:
    """Give the text that sits beside blocks its own element, so it becomes a unit.

    ``<li>Fairy stories<ol><li>…</li></ol></li>`` (every nested list, every EPUB
    table of contents) has text the block loop would skip: its element holds a block,
    so only the inner blocks were units. Each such run of text and inline elements is
    wrapped in a marked ``<span>`` while the document is open; :func:`unwrap_loose_text`
    takes the spans out again before anything is written.
    """
    # any element, inline ones too: real pages put blocks in a <span> or an <a> beside text
    holders = [e for e in root.iter() if isinstance(e.tag, str)
               and _name(e) not in _SKIP | {"html", "head"} and _has_block_inside(e)
               and not any(_name(a) in _SKIP for a in e.iterancestors())]
    for holder in holders:
        segments: list[tuple[Any, list[Any]]] = [(None, [])]  # (block before, inline nodes)
        for child in holder:
            if isinstance(child.tag, str) and _blocky(child):
                segments.append((child, []))
            else:
                segments[-1][1].append(child)
        for before, nodes in segments:
            text = holder.text if before is None else before.tail
            inner = (text or "") + "".join(
                "".join(t for t in n.itertext() if isinstance(t, str)) + (n.tail or "")
                if isinstance(n.tag, str) else (n.tail or "") for n in nodes)
            if not inner.strip():
                continue
            tag = (holder.tag[:holder.tag.index("}") + 1] + "span"
                   if holder.tag.startswith("{") else "span")
            span = holder.makeelement(tag, {RUN: ""})
            # a lenient HTML parse keeps characters lxml will not set again (controls)
            span.text = xml_text(text) if text else text
            if before is None:
                holder.text = None
                holder.insert(0, span)
            else:
                before.tail = None
                before.addnext(span)
            for node in nodes:
                span.append(node)  # moves the node with its tail


def unwrap_loose_text(root: Any) -> None:
    """Put the content of every marked span back where it was, the spans gone."""
    for span in [e for e in root.iter() if isinstance(e.tag, str) and e.get(RUN) is not None]:
        parent, previous = span.getparent(), span.getprevious()
        if previous is None:
            parent.text = xml_text((parent.text or "") + (span.text or ""))
        else:
            previous.tail = xml_text((previous.tail or "") + (span.text or ""))
        children = list(span)
        at = parent.index(span)
        for offset, child in enumerate(children):
            parent.insert(at + offset, child)
        last = children[-1] if children else previous
        if last is None:
            parent.text = xml_text((parent.text or "") + (span.tail or ""))
        else:
            last.tail = xml_text((last.tail or "") + (span.tail or ""))
        parent.remove(span)


def blocks(root: Any) -> Iterator[tuple[int, Any, str]]:
    """(position in document order, element, tagged text) of every translatable block.

    Shared by HTML pages and EPUB chapters (XHTML): the one place that decides which
    elements are units.
    """
    for position, element in enumerate(root.iter()):
        if _name(element) not in _BLOCKS and element.get(RUN) is None:
            continue
        if any(_name(a) in _SKIP for a in element.iterancestors()) or _has_block_inside(element):
            continue
        if any(_name(c) in _SKIP - _CODE for c in element.iter()):
            continue
        # inline code (and a link around nothing else) travels as a void tag: never sent,
        # the prose around it still is
        text = tagged_inline(element, _holds_code)
        if strip_tags(text).strip():
            # Whitespace in HTML is layout of the source file, not content: collapse it
            # (HTML's own white space only: a no-break space, &nbsp;, is content)
            yield position, element, _SPACES.sub(" ", text).strip(" ")


#: attributes whose text a reader sees or hears: (element names or None for any, attribute)
_TEXT_ATTRIBUTES: tuple[tuple[frozenset[str] | None, str], ...] = (
    (frozenset({"img", "area"}), "alt"),
    (None, "title"),  # tooltips
    (None, "aria-label"),  # what a screen reader says for an icon button
    (frozenset({"input", "textarea"}), "placeholder"),
)
_BUTTON_INPUTS = {"submit", "button", "reset"}
#: kind of the units that are attribute text other than alt text
ATTRIBUTE = "attribute"


def attribute_texts(root: Any) -> Iterator[tuple[int, str, str, str]]:
    """(position, attribute, kind, text) of every attribute text worth a unit: alt text,
    tooltips, ARIA labels, placeholders, the captions of input buttons and the page's
    ``<meta name="description">``."""
    for position, element in enumerate(root.iter()):
        name = _name(element)
        if not name or name in _SKIP or any(_name(a) in _SKIP for a in element.iterancestors()):
            continue
        wanted = [a for names, a in _TEXT_ATTRIBUTES if names is None or name in names]
        if name == "input" and (element.get("type") or "").lower() in _BUTTON_INPUTS:
            wanted.append("value")
        if name == "meta" and (element.get("name") or "").lower() == "description":
            wanted.append("content")
        for attribute in wanted:
            value = element.get(attribute)
            if worth_translating(value):
                kind = ALT_TEXT if attribute == "alt" else ATTRIBUTE
                yield position, attribute, kind, " ".join(value.split())


def fill_attribute(element: Any, attribute: str, text: str) -> None:
    element.set(attribute, xml_text(strip_tags(text)))


class HtmlDocument(Document):
    format_name = "html"

    def __init__(self, path: Path, tree: Any, elements: dict[str, int],
                 units: list[Unit], encoding: str) -> None:
        super().__init__(path, units)
        self._tree = tree
        self._elements = elements
        self.encoding = encoding
        self._trailing_newline = False
        #: the page said which charset it is in (BOM, <meta charset>, XML declaration)
        self._declared = True
        self._doctype = True
        self._bom = False

    def _declare_utf8(self, tree: Any) -> str:
        """A page that never said its charset is read by browsers as windows-1252, so a
        translation that is not plain ASCII must say it: a ``<meta charset>`` goes into
        its head (one notice). A fragment with no head (a snippet for a CMS or an e-mail,
        which take UTF-8) is written as UTF-8, which is also what we read it back as."""
        from lxml import etree

        head = tree.getroot().find("head")
        if head is None or "".join(tree.getroot().itertext()).isascii():
            return "utf-8"
        meta = etree.Element("meta", charset="utf-8")
        meta.tail = head.text
        head.insert(0, meta)
        self.notice(Sentence("charset_added", path=self.path.name))
        return "utf-8"

    def export(self, translations: Mapping[str, str], out_path: Path) -> None:
        import lxml.html

        tree = copy.deepcopy(self._tree)
        # The copy has the same shape: an element's position in document order finds it.
        in_order = list(tree.getroot().iter())
        self.flagged = {}
        # attributes first: a block's fill copies its inline elements, attributes and all
        for unit in sorted(self.units, key=lambda u: "attribute" not in u.meta):
            if unit.id not in translations:
                continue
            element = in_order[self._elements[unit.id]]
            if "attribute" in unit.meta:
                fill_attribute(element, str(unit.meta["attribute"]), translations[unit.id])
                continue
            problems = fill_inline(element, unit.source, translations[unit.id])
            if problems:
                self.flagged[unit.id] = problems
        unwrap_loose_text(tree.getroot())
        if self.target_language:
            set_language(tree.getroot(), self.target_language)
        encoding = self.encoding
        if not self._declared:
            encoding = self._declare_utf8(tree)
        elif not _holds(tree.getroot(), encoding):
            encoding = self._switch_to_utf8(tree.getroot(), encoding)
        # libxml2 invents an HTML 4.0 DOCTYPE for a page that had none (a rendering-mode
        # change in every browser): a page without one is written without one. It keeps
        # a <meta http-equiv="Content-Type"> only when asked to, and adds none when asked
        # to keep one the page does not have.
        data = lxml.html.tostring(tree, encoding=encoding, method="html",
                                  include_meta_content_type=_http_equiv(tree.getroot()) is not None,
                                  **({} if self._doctype else {"doctype": ""}))
        if not isinstance(data, bytes):
            data = str(data).encode(encoding)
        if not self._doctype:
            data = data.removeprefix(b"\n")
        if self._trailing_newline and not data.endswith(b"\n"):
            data += b"\n"
        if self._bom and encoding.lower().replace("_", "-") in ("utf-8", "utf8"):
            data = codecs.BOM_UTF8 + data.removeprefix(codecs.BOM_UTF8)
        atomic_write_bytes(out_path, data)

    def _switch_to_utf8(self, root: Any, encoding: str) -> str:
        """The declared charset cannot hold the translation (windows-1252 has no Chinese):
        the page is written as UTF-8 and every declaration says so (one notice), rather
        than as thousands of character references no one can edit."""
        meta = _http_equiv(root)
        if meta is not None:
            meta.set("content", "text/html; charset=utf-8")
        for element in root.iter("meta"):
            if element.get("charset") is not None:
                element.set("charset", "utf-8")
        self.notice(Sentence("charset_switched", path=self.path.name, encoding=encoding))
        return "utf-8"


def set_language(root: Any, language: str) -> None:
    """Say the page is in *language*: ``lang`` (and ``xml:lang`` where the page has it) on
    the root, and on every element that declared the root's old language (a ``<body
    lang="en">``); a quotation marked as another language keeps its mark."""
    xml_lang = "{http://www.w3.org/XML/1998/namespace}lang"
    old = root.get("lang") or root.get(xml_lang)
    root.set("lang", language)
    if root.get(xml_lang) is not None:
        root.set(xml_lang, language)
    if not old:
        return
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        for attribute in ("lang", xml_lang):
            if element.get(attribute) == old:
                element.set(attribute, language)


def _http_equiv(root: Any) -> Any:
    """The page's ``<meta http-equiv="Content-Type">``, or None."""
    for meta in root.iter("meta"):
        if (meta.get("http-equiv") or "").lower() == "content-type":
            return meta
    return None


def _holds(root: Any, encoding: str) -> bool:
    """Whether *encoding* can hold every character of the page's text and attributes."""
    try:
        for element in root.iter():
            for text in (element.text, element.tail, *element.attrib.values()):
                if text:
                    text.encode(encoding)
    except UnicodeEncodeError:
        return False
    except LookupError:
        return True  # a charset Python does not know: libxml2 wrote it, let it write it
    return True


def load(path: Path) -> HtmlDocument:
    import lxml.etree
    import lxml.html

    check_size(path)
    data = path.read_bytes()
    if not data.strip():
        raise DocumentError("document_empty", path=path.name)
    refuse_declarations(data, path.name)
    parser = lxml.html.HTMLParser(no_network=True, huge_tree=False, remove_comments=False)
    declared = _declares_charset(data)
    # libxml2 reads a page that does not say its charset as Latin-1 (mojibake for every
    # UTF-8 page without a <meta charset>): such a page is decoded here, as text files are
    source: bytes | str = data if declared else decode(data, path.name)[0]
    try:
        tree = lxml.html.document_fromstring(source, parser=parser).getroottree()
    except (lxml.etree.ParserError, ValueError) as exc:
        raise DocumentError("not_readable_html_file", path=path.name, error=exc) from None
    encoding = (tree.docinfo.encoding if declared else None) or "utf-8"
    wrap_loose_text(tree.getroot())
    units: list[Unit] = []
    elements: dict[str, int] = {}
    found: list[tuple[int, str, str, dict[str, object]]] = [
        (p, e.tag, t, {}) for p, e, t in blocks(tree.getroot())]
    found += [(p, kind, t, {"attribute": a}) for p, a, kind, t in attribute_texts(
        tree.getroot())]
    for position, kind, text, meta in sorted(found, key=lambda f: f[0]):  # reading order
        unit_id = f"e{len(units) + 1}"
        units.append(Unit(unit_id, text, kind, meta=meta))
        elements[unit_id] = position
    if not units:
        raise DocumentError("no_text_to_translate", path=path.name)
    document = HtmlDocument(path, tree, elements, units, encoding)
    document._trailing_newline = data.endswith(b"\n")
    document._declared = declared
    document._bom = data.startswith(codecs.BOM_UTF8)
    document._doctype = re.search(rb"<!doctype", data[:4096], re.IGNORECASE) is not None
    return document


_CHARSET = re.compile(rb"<meta[^>]*charset|<\?xml[^>]*encoding", re.IGNORECASE)


def _declares_charset(data: bytes) -> bool:
    """A byte-order mark, a ``<meta charset>`` (or http-equiv) or an XML declaration in
    the first kilobytes: what browsers (and libxml2) go by."""
    return data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")) or (
        _CHARSET.search(data[:8192]) is not None)
