"""Inline formatting as numbered placeholder tags: ``<1>bold</1>``, ``<x2/>``.

The model sees short, uniform tags instead of HTML or Word XML, which small models
keep intact far more often. After generation the tags are validated (the same tags,
each once, properly nested); a format module rebuilds its formatting from them, or
falls back to plain text in the unit's first run and flags the segment.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_TAG = re.compile(r"<(/?)(\d+)>|<x(\d+)/>")


@dataclass
class Node:
    """A parsed tagged string: text and numbered children, in order."""

    number: int = 0
    parts: list[str | Node] = field(default_factory=list)


def tag_names(text: str) -> list[str]:
    return [m.group(0) for m in _TAG.finditer(text)]


def strip_tags(text: str) -> str:
    return _TAG.sub("", text)


def parse(text: str) -> Node:
    """Parse *text*; raise ValueError when tags are unbalanced or badly nested."""
    root = Node()
    stack = [root]
    position = 0
    for match in _TAG.finditer(text):
        if match.start() > position:
            stack[-1].parts.append(text[position:match.start()])
        position = match.end()
        closing, number, void = match.groups()
        if void is not None:
            stack[-1].parts.append(Node(-int(void)))
        elif not closing:
            node = Node(int(number))
            stack[-1].parts.append(node)
            stack.append(node)
        else:
            if len(stack) == 1 or stack[-1].number != int(number):
                raise ValueError(f"tag </{number}> closes nothing open")
            stack.pop()
    if len(stack) != 1:
        raise ValueError(f"tag <{stack[-1].number}> is never closed")
    if position < len(text):
        root.parts.append(text[position:])
    return root


def validate_tags(source: str, target: str) -> list[str]:
    """Problems with *target*'s tags compared with *source*'s (empty when all is well)."""
    problems: list[str] = []
    try:
        parse(target)
    except ValueError as exc:
        problems.append(f"Broken formatting tags: {exc}.")
    expected = sorted(tag_names(source))
    found = sorted(tag_names(target))
    if expected != found:
        missing = sorted(set(expected) - set(found))
        extra = sorted(set(found) - set(expected))
        if missing:
            problems.append("Formatting tags missing: " + " ".join(missing) + ".")
        if extra:
            problems.append("Unexpected formatting tags: " + " ".join(extra) + ".")
        if not missing and not extra:
            problems.append("Formatting tags repeated.")
    return problems
