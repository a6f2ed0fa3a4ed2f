"""Inline markup of XML/HTML elements as numbered tags, and back (HTML, XLIFF)."""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

from .tags import FORMATTING_LOST, Node, parse, strip_tags, validate_tags
from .xmlsafe import xml_text

#: HTML elements that are empty by nature: always void tags
_VOID = {"br", "img", "wbr", "input", "hr"}


def fill_inline(element: Any, source: str, target: str) -> list[str]:
    """Put *target* into *element*, rebuilding inline children from its tags.

    Returns the problems found; with broken tags the text goes in without its inline
    markup (nothing is lost) and the caller flags the unit.
    """
    target = xml_text(target)
    inline = {n: c for n, c in enumerate(
        (c for c in element if isinstance(c.tag, str)), start=1)}
    problems = validate_tags(source, target)
    tree = None
    if not problems:
        try:
            tree = parse(target)
        except ValueError as exc:
            problems = [str(exc)]
    lead = xml_text(element.text[: len(element.text) - len(element.text.lstrip())]) if (
        element.text) else ""
    children = [c for c in element]
    last_text = xml_text((children[-1].tail if children else element.text) or "")
    trail = last_text[len(last_text.rstrip()):] if last_text.strip() or children else ""
    for child in children:
        element.remove(child)
    if tree is None:
        element.text = lead + strip_tags(target) + trail
        return [*problems, FORMATTING_LOST]
    element.text = lead
    last = None
    for part in tree.parts:
        if isinstance(part, str):
            if last is None:
                element.text += part
            else:
                last.tail = (last.tail or "") + part
            continue
        if part.number < 0:
            # A void element comes back whole, the very same object: a note or a text
            # frame keeps its content (and its own paragraphs, translated as units).
            child = inline[-part.number]
            child.tail = None
        else:
            child = copy.copy(inline[part.number])
            child.tail = None
            for grandchild in list(child):
                child.remove(grandchild)
            # Nested markup inside an inline element comes back as its plain text.
            child.text = strip_tags(_flatten(part))
        element.append(child)
        last = child
    if last is None:
        element.text += trail
    else:
        last.tail = (last.tail or "") + trail
    return []


def _flatten(node: Node) -> str:
    return "".join(p if isinstance(p, str) else _flatten(p) for p in node.parts)


def tagged_inline(element: Any, is_void: Callable[[Any], bool] | None = None) -> str:
    """The element's content with each direct inline child as a numbered tag.

    *is_void* says which children travel as void tags and come back untouched (ODF
    notes, frames, fields); by default only empty elements and HTML's void elements.
    """
    parts = [element.text or ""]
    number = 0
    for child in element:
        if not isinstance(child.tag, str):  # comments, processing instructions
            parts.append(child.tail or "")
            continue
        number += 1
        inner = "".join(child.itertext())
        if _localname(child.tag) in _VOID or (not inner and len(child) == 0) or (
                is_void is not None and is_void(child)):
            parts.append(f"<x{number}/>")
        else:
            parts.append(f"<{number}>{inner}</{number}>")
        parts.append(child.tail or "")
    return "".join(parts)




def _localname(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]
