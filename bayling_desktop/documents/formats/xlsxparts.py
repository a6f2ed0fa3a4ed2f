"""Where a workbook's visible text lives, part by part, as translatable items.

* cells: shared strings and inline strings (rich text runs as numbered tags);
* a sheet's data-validation messages (the input prompt and the error alert a user sees);
* a sheet's printed header and footer, whose codes (``&L``, ``&P``, ``&"Arial,Bold"``)
  travel as void tags;
* chart titles, axis titles and text boxes: DrawingML paragraphs in ``xl/charts/`` and
  ``xl/drawings/`` (the cached copies of cell values in a chart are not text: Excel
  reads them from the cells again), and the alternative text of pictures and shapes;
* cell comments (notes, and Excel 365's threaded comments), only when asked for, as in Word.

Each item knows its tagged text and how to take a translation back.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Any

from ...flags import Flag
from ..alttext import KIND as ALT_TEXT
from ..alttext import worth_translating
from ..runs import Piece, Runs
from ..tags import FORMATTING_LOST, fallback_text, parse, render_markup, strip_tags, tag_flags
from ..xmlsafe import xml_text

SHARED = "xl/sharedStrings.xml"
A = "http://schemas.openxmlformats.org/drawingml/2006/main"
THREADED = "http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments"
#: data-validation attributes a user reads (the list itself, formula1, is data)
VALIDATION_TEXT = ("promptTitle", "prompt", "errorTitle", "error")
HEADERS = ("oddHeader", "oddFooter", "evenHeader", "evenFooter", "firstHeader", "firstFooter")
#: header/footer codes: sections, fields, fonts, sizes, colours; "&&" is a literal "&"
_HF_CODE = re.compile(r'&(?:"[^"]*"|\d+|K[0-9A-Fa-f]{6}|K\d\d[+-]\d{3}|[LCRPNDTFAZGBIUESXYH])')


@dataclass
class Item:
    """One translatable piece of a part."""

    tagged: str
    fill: Callable[[str], list[Flag]]
    kind: str


def kind_of_part(name: str) -> str | None:
    """Which items a part holds: 'cells', 'sheet' (cells and more), 'drawing', 'comments'."""
    if name == SHARED:
        return "cells"
    if name.startswith("xl/worksheets/") and name.endswith(".xml") and "/_rels/" not in name:
        return "sheet"
    if re.fullmatch(r"xl/(charts/chart|drawings/drawing)\d+\.xml", name):
        return "drawing"
    if re.fullmatch(r"xl/comments\d*\.xml", name) or re.fullmatch(
            r"xl/threadedComments/threadedComment\d*\.xml", name):
        return "comments"  # Excel 365 shows the threaded ones, older Excel the others
    return None


def unit_prefix(name: str) -> str:
    return PurePosixPath(name).stem


def items(name: str, root: Any, ns: str) -> list[Item]:
    """Every translatable item of the part *name*, in document order."""
    kind = kind_of_part(name)
    if kind == "drawing":
        from .pptx import drawing_runs

        paragraphs = [_runs_item(drawing_runs(p), "drawing") for p in root.iter(f"{{{A}}}p")]
        # a picture's or shape's alternative text: what a screen reader says instead
        return paragraphs + [_attribute_item(e, "descr", ALT_TEXT) for e in root.iter()
                             if str(e.tag).endswith("}cNvPr") and worth_translating(e.get("descr"))]
    if kind == "comments" and name.startswith("xl/threadedComments/"):
        return [_text_item(text, "comment") for text in root.iter(f"{{{THREADED}}}text")]
    if kind == "comments":
        return [_runs_item(cell_runs(text, ns), "comment")
                for text in root.iter(f"{{{ns}}}text")]
    found = [_runs_item(cell_runs(item, ns), "cell") for item in string_items(name, root, ns)]
    if kind == "sheet":
        for validation in root.iter(f"{{{ns}}}dataValidation"):
            found += [_attribute_item(validation, a) for a in VALIDATION_TEXT
                      if validation.get(a)]
        for element in root.iter(*(f"{{{ns}}}{h}" for h in HEADERS)):
            found += _header_items(element)
    return found


def string_items(name: str, root: Any, ns: str) -> Iterator[Any]:
    """The ``si`` (shared strings) or ``is`` (inline string cells) elements of a part."""
    if name == SHARED:
        yield from root.iter(f"{{{ns}}}si")
        return
    for cell in root.iter(f"{{{ns}}}c"):
        if cell.get("t") == "inlineStr":
            inline = cell.find(f"{{{ns}}}is")
            if inline is not None:
                yield inline


def cell_runs(item: Any, ns: str) -> Runs:
    """A cell's (or a comment's) rich text: ``<t>`` alone, or ``<r>`` runs."""
    from lxml import etree

    pieces = []
    plain = item.find(f"{{{ns}}}t")
    if plain is not None:
        pieces.append(Piece(plain, b"", anchor=plain))
    for run in item.findall(f"{{{ns}}}r"):
        rpr = run.find(f"{{{ns}}}rPr")
        pieces.append(Piece(run, etree.tostring(rpr) if rpr is not None else b"", anchor=run))

    def get(element: Any) -> str:
        text = element if element.tag == f"{{{ns}}}t" else element.find(f"{{{ns}}}t")
        return text.text or "" if text is not None else ""

    def put(element: Any, value: str) -> None:
        text = element if element.tag == f"{{{ns}}}t" else element.find(f"{{{ns}}}t")
        if text is None:
            text = etree.SubElement(element, f"{{{ns}}}t")
        text.text = value
        if value != value.strip():
            text.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")

    return Runs(pieces, get, put)


def _runs_item(runs: Runs, kind: str) -> Item:
    return Item(runs.tagged, runs.fill, kind)


def _text_item(element: Any, kind: str) -> Item:
    """An element holding plain text (a threaded comment)."""
    def fill(text: str) -> list[Flag]:
        element.text = xml_text(strip_tags(text))
        return []

    return Item(element.text or "", fill, kind)


def _attribute_item(element: Any, attribute: str, kind: str = "validation") -> Item:
    def fill(text: str) -> list[Flag]:
        element.set(attribute, xml_text(strip_tags(text)))
        return []

    return Item(element.get(attribute), fill, kind)


def _header_items(element: Any) -> list[Item]:
    """A header/footer string, one item per section (``&L``, ``&C``, ``&R``): the model
    never sees a section code, and the codes that open a section (font, size) stay at its
    front; codes inside the text (``&P``, ``&N``) are void tags, and ``&&`` is a plain '&'."""
    source = element.text or ""
    heads: list[str] = [""]
    bodies: list[list[str]] = [[]]
    last = 0
    for match in re.finditer(r"&&|" + _HF_CODE.pattern, source):
        bodies[-1].append(source[last:match.start()])
        code = match.group(0)
        if code in ("&L", "&C", "&R"):
            heads.append(code)
            bodies.append([])
        elif code != "&&" and not "".join(bodies[-1]):
            heads[-1] += code  # a section's own opening codes
        else:
            bodies[-1].append(code)
        last = match.end()
    bodies[-1].append(source[last:])
    rendered = ["".join(body) for body in bodies]

    def item(index: int) -> Item:
        markup: dict[int, tuple[str, str]] = {}
        tagged = []
        for token in bodies[index]:
            if token.startswith("&") and token != "&&" and _HF_CODE.fullmatch(token):
                markup[len(markup) + 1] = (token, "")
                tagged.append(f"<x{len(markup)}/>")
            else:
                tagged.append(token.replace("&&", "&"))  # the model sees a plain "&"
        text = "".join(tagged)

        def fill(target: str) -> list[Flag]:
            target = xml_text(target)
            problems = tag_flags(text, target)
            if problems:
                target = fallback_text(text, target)
            # every code is a tag: an "&" left in the text is a literal one, written "&&"
            rendered[index] = render_markup(parse(target.replace("&", "&&")), markup)
            element.text = "".join(h + r for h, r in zip(heads, rendered, strict=True))
            return [*problems, FORMATTING_LOST] if problems else []

        return Item(text, fill, "header")

    return [item(n) for n in range(len(bodies))]
