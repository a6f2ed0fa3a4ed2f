"""Coverage is measured, not assumed (issue 14 item 5).

:func:`visible_text` lists every piece of visible text a file holds, straight from its XML
(for Word every ``w:t`` of every story part, deleted revisions aside; for ODF every text
node of the paragraphs; for EPUB every text node of the spine's XHTML bodies…). The
marker translator wraps each word in ‹…›; after a marked export every visible text node
must consist of marked words only, so a text the module never reached shows up at once.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from lxml import etree

from bayling_desktop.documents import Document, open_document
from bayling_desktop.documents.alttext import worth_translating
from bayling_desktop.documents.formats.odt import travels_whole
from bayling_desktop.documents.tags import TAG_PATTERN

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
SML = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
TEXT_NS = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
SVG_NS = "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
_MARKED = re.compile(r"(?:\s|‹[^‹›]*›)*")


def mark(tagged: str) -> str:
    """The marker translator: every word wrapped, tags kept exactly where they were."""
    out, last = [], 0
    for match in TAG_PATTERN.finditer(tagged):
        out.append(re.sub(r"\S+", lambda m: f"‹{m.group(0)}›", tagged[last:match.start()]))
        out.append(match.group(0))
        last = match.end()
    out.append(re.sub(r"\S+", lambda m: f"‹{m.group(0)}›", tagged[last:]))
    return "".join(out)


def _xml_parts(path: Path, prefixes: tuple[str, ...]) -> list[tuple[str, etree._Element]]:
    with zipfile.ZipFile(path) as archive:
        names = sorted(archive.namelist(), key=lambda n: [int(t) if t.isdigit() else t
                                                          for t in re.split(r"(\d+)", n)])
        return [(name, etree.fromstring(archive.read(name)))
                for name in names if name.startswith(prefixes)
                and name.endswith((".xml", ".xhtml", ".html", ".ncx", ".opf"))]


def visible_text(path: Path, *, comments: bool = False) -> list[str]:
    """Every visible text node of *path* (non-blank), in file order."""
    suffix = path.suffix.lower()
    found: list[str] = []
    if suffix == ".docx":
        for name, root in _xml_parts(path, ("word/",)):
            if re.fullmatch(r"word/charts/chart\d*\.xml", name):  # titles, axis titles
                found += [t.text for t in root.iter(f"{A}t") if t.text and t.text.strip()]
                continue
            # the story parts; word/glossary/ holds building blocks, not the document
            if not re.fullmatch(r"word/(document|header\d*|footer\d*|footnotes|endnotes"
                                + (r"|comments" if comments else "") + r")\.xml", name):
                continue
            # one entry per paragraph: a word may span runs (a non-breaking hyphen, a
            # field boundary), so a paragraph's w:t nodes are checked together
            paragraphs: dict[etree._Element, list[str]] = {}
            for t in root.iter(f"{W}t"):
                owner = next(a for a in t.iterancestors() if a.tag in (f"{W}p", root.tag))
                paragraphs.setdefault(owner, []).append(t.text or "")
            found += [text for text in map("".join, paragraphs.values()) if text.strip()]
            found += alt_texts(root)
    elif suffix == ".pptx":
        for _name, root in _xml_parts(path, ("ppt/slides/slide", "ppt/notesSlides/",
                                             "ppt/charts/chart")):
            # a:fld (slide number, date) is computed by PowerPoint: a void tag, never text
            found += [t.text for t in root.iter(f"{A}t") if t.text and t.text.strip()
                      and t.getparent().tag != f"{A}fld"]
            found += alt_texts(root) if _name.startswith("ppt/slides/") else []
    elif suffix == ".odt":
        for _name, root in _xml_parts(path, ("content.xml", "styles.xml")):
            for paragraph in root.iter(f"{{{TEXT_NS}}}p", f"{{{TEXT_NS}}}h"):
                ancestors = [a.tag.rsplit("}")[-1] for a in paragraph.iterancestors()]
                if (not comments and "annotation" in ancestors) or (
                        _name == "styles.xml" and "master-styles" not in ancestors):
                    continue
                found += [t for t in _odf_text(paragraph) if t.strip()]
            found += [str(e.text) for e in root.iter(f"{{{SVG_NS}}}title", f"{{{SVG_NS}}}desc")
                      if worth_translating(e.text)]
    elif suffix == ".xlsx":
        found += _xlsx_text(path, comments)
    elif suffix == ".epub":
        skip = ("script", "style", "code", "pre")
        for name, root in _xml_parts(path, ("",)):
            if name.endswith((".xhtml", ".html")):
                body = root.find("{http://www.w3.org/1999/xhtml}body")
                title = root.find(".//{http://www.w3.org/1999/xhtml}title")
                nodes = ([title] if title is not None else []) + (
                    list(body.iter()) if body is not None else [])
                for node in nodes:
                    if not isinstance(node.tag, str) or node.tag.rsplit("}")[-1] in skip:
                        continue
                    found += [t for t in (node.text, *(c.tail for c in node)) if t and t.strip()]
                found += alt_texts(body) if body is not None else []
            elif name.endswith(".ncx"):
                found += [t.text for t in root.iter("{http://www.daisy.org/z3986/2005/ncx/}text")
                          if t.text and t.text.strip()]
            elif name.endswith(".opf"):
                found += [t.text for t in root.iter("{http://purl.org/dc/elements/1.1/}title",
                                                    "{http://purl.org/dc/elements/1.1/}description")
                          if t.text and t.text.strip()]
    else:
        raise ValueError(f"no coverage helper for {suffix}")
    return found


def alt_texts(root: etree._Element) -> list[str]:
    """Alternative text of pictures and shapes (OOXML ``descr``, HTML ``alt``): what a
    screen reader says, so visible text for accessibility."""
    return [str(e.get(a)) for e in root.iter() if isinstance(e.tag, str)
            for a in ("descr", "alt") if worth_translating(e.get(a))
            and (a == "descr" or e.tag.rsplit("}")[-1] in ("img", "area"))]


def _xlsx_text(path: Path, comments: bool) -> list[str]:
    """Cells, validation messages, header/footer text (codes removed, one entry per
    section), chart and drawing text, and comments when asked for."""
    found: list[str] = []
    prefixes = ("xl/sharedStrings.xml", "xl/worksheets/sheet", "xl/charts/chart",
                "xl/drawings/drawing") + (("xl/comments",) if comments else ())
    for name, root in _xml_parts(path, prefixes):
        if name.startswith(("xl/charts/", "xl/drawings/")):
            found += [t.text for t in root.iter(f"{A}t") if t.text and t.text.strip()]
            found += alt_texts(root)
            continue
        for item in root.iter(f"{SML}si", f"{SML}is", f"{SML}text"):
            found += [t.text for t in item.iter(f"{SML}t") if t.text and t.text.strip()
                      and not t.getparent().tag.endswith("}rPh")]
        for validation in root.iter(f"{SML}dataValidation"):
            found += [validation.get(a) for a in ("promptTitle", "prompt", "errorTitle",
                                                  "error") if validation.get(a)]
        for element in root.iter(f"{SML}headerFooter"):
            for part in element:
                text = re.sub(r'&(?:"[^"]*"|\d+|K[0-9A-Fa-f]{6}|[PNDTFAZGBIUESXYH])', " ",
                              (part.text or "").replace("&&", "\0"))
                found += [t.replace("\0", "&") for t in re.split("&[LCR]", text) if t.strip()]
    return found


def _odf_text(element: etree._Element) -> list[str]:
    out = [element.text or ""]
    for child in element:
        # own paragraphs (note, frame, annotation), fields and template directives are not
        # the paragraph's text; their tails are
        if isinstance(child.tag, str) and not travels_whole(child):
            out += _odf_text(child)
        out.append(child.tail or "")
    return out


def unmarked(path: Path, **kwargs: bool) -> list[str]:
    """The visible text nodes of *path* that are not made of marked words."""
    return [text for text in visible_text(path, **kwargs) if not _MARKED.fullmatch(text)]


def export_marked(document: Document, out: Path) -> Path:
    document.export({u.id: mark(u.source) for u in document.units}, out)
    return out


def assert_covered(path: Path, out: Path, **kwargs: bool) -> Document:
    """Open, mark, export: every visible text node came back marked or its unit is flagged."""
    document = open_document(path, include_comments=kwargs.get("comments", False)) if (
        path.suffix in (".docx", ".odt")) else open_document(path)
    export_marked(document, out)
    missed = unmarked(out, **kwargs)
    assert not missed or document.flagged, f"{path.name}: text left behind: {missed[:10]}"
    if not document.flagged:
        assert missed == []
    return document
