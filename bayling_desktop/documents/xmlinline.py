"""Inline markup of XML/HTML elements as numbered tags, and back (HTML, XLIFF, ODF, EPUB).

Nested markup nests its tags, so ``<a href><b>x</b></a>`` keeps its bold on the way back
instead of being flattened without a word."""

from __future__ import annotations

import copy
import re
from collections.abc import Callable
from typing import Any

from ..flags import Flag
from .tags import Node, loss_flags, parse, salvage, tag_flags
from .xmlsafe import xml_text

#: HTML elements that are empty by nature: always void tags
_VOID = {"br", "img", "wbr", "input", "hr"}


def _numbered(element: Any, voids: set[int]) -> dict[int, Any]:
    """Tag number -> element, numbered in document order as :func:`tagged_inline` does
    (the inside of a void element is not numbered)."""
    mapping: dict[int, Any] = {}

    def walk(parent: Any) -> None:
        for child in parent:
            if not isinstance(child.tag, str):
                continue
            number = len(mapping) + 1
            mapping[number] = child
            if number not in voids:
                walk(child)

    walk(element)
    return mapping


def fill_inline(element: Any, source: str, target: str) -> list[Flag]:
    """Put *target* into *element*, rebuilding inline children (nested too) from its tags.

    Returns what the element lost, as flags: with broken tags every tag that can be kept
    is kept (:func:`.tags.salvage`) and each lost link or picture is named with its
    address (``link_removed``, ``image_removed``); other lost markup is
    ``formatting_lost``. The text itself always goes in.
    """
    target = xml_text(target)
    voids = {int(n) for n in re.findall(r"<x(\d+)/>", source)}
    inline = _numbered(element, voids)
    problems = tag_flags(source, target)
    written = salvage(source, target) if problems else target
    tree = parse(written)
    lead = xml_text(element.text[: len(element.text) - len(element.text.lstrip())]) if (
        element.text) else ""
    children = [c for c in element]
    last_text = xml_text((children[-1].tail if children else element.text) or "")
    trail = last_text[len(last_text.rstrip()):] if last_text.strip() or children else ""
    for child in children:
        element.remove(child)
    element.text = lead
    last = _build(element, tree, inline)
    if last is None:
        element.text += trail
    else:
        last.tail = (last.tail or "") + trail
    lost = loss_flags(source, written, lambda number: describe_element(inline.get(number)))
    return lost  # tags the source never had, or repeats, dropped: nothing lost


def describe_element(element: Any) -> Flag | None:
    """The flag for losing *element*: a link names its address, a picture its file."""
    if element is None or not isinstance(element.tag, str):
        return None
    for name, value in element.attrib.items():
        local = _localname(name)
        if local == "href" and value:
            return Flag("link_removed", {"url": value}, blocking=True)
    name = _localname(element.tag)
    if name in {"img", "image", "frame"}:
        source = next((v for k, v in element.attrib.items() if _localname(k) in
                       {"src", "href", "name"}), "") or ""
        for image in element.iter():
            source = source or next((v for k, v in image.attrib.items()
                                     if _localname(k) == "href"), "")
        return Flag("image_removed", {"name": source or name}, blocking=True)
    return None


def _build(into: Any, node: Node, inline: dict[int, Any]) -> Any:
    """Append *node*'s text and elements to *into*; the last element appended (or None)."""
    last = None
    for part in node.parts:
        if isinstance(part, str):
            if last is None:
                into.text = (into.text or "") + part
            else:
                last.tail = (last.tail or "") + part
            continue
        if part.number < 0:
            # A void element comes back whole, the very same object: a note or a text
            # frame keeps its content (and its own paragraphs, translated as units).
            child = inline[-part.number]
            child.tail = None
        else:
            child = copy.copy(inline[part.number])  # its attributes; content rebuilt
            for grandchild in list(child):
                child.remove(grandchild)
            child.text = None
            child.tail = None
            _build(child, part, inline)
        into.append(child)
        last = child
    return last


def tagged_inline(element: Any, is_void: Callable[[Any], bool] | None = None) -> str:
    """The element's content with each inline descendant as a numbered tag, nested as in
    the markup (``<1>bold <2>and italic</2></1>``).

    *is_void* says which elements travel as void tags and come back untouched (ODF
    notes, frames, fields; HTML code); by default only empty elements and HTML's void
    elements.
    """
    counter = [0]

    def walk(parent: Any) -> str:
        parts = [parent.text or ""]
        for child in parent:
            if not isinstance(child.tag, str):  # comments, processing instructions
                parts.append(child.tail or "")
                continue
            counter[0] += 1
            number = counter[0]
            inner = "".join(t for t in child.itertext() if isinstance(t, str))
            if _localname(child.tag) in _VOID or (not inner and len(child) == 0) or (
                    is_void is not None and is_void(child)):
                parts.append(f"<x{number}/>")
            else:
                parts.append(f"<{number}>{walk(child)}</{number}>")
            parts.append(child.tail or "")
        return "".join(parts)

    return walk(element)


def _localname(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]
