"""Inline formatting as numbered placeholder tags: ``<1>bold</1>``, ``<x2/>``.

The model sees short, uniform tags instead of HTML or Word XML, which small models
keep intact far more often. After generation the tags are validated (the same tags,
each once, properly nested); a format module rebuilds its formatting from them, or
falls back to plain text in the unit's first run and flags the segment.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

#: the one sentence for "the text went in, its inline formatting did not" (every format)
FORMATTING_LOST = "Formatting lost: the text went in without its inline formatting."

_TAG = re.compile(r"<(/?)(\d+)>|<x(\d+)/>")
#: one tag: groups (closing slash, paired number, void number)
TAG_PATTERN = _TAG


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


#: the ways small models bend a tag: ``< 1 >``, ``</ 1>``, ``<x 2 />``, full-width brackets
_LOOSE_TAG = re.compile(r"[<＜]\s*(/?)\s*(x?)\s*(\d+)\s*(/?)\s*[>＞]")


def repair_tags(source: str, target: str) -> str | None:
    """Fix what is mechanically fixable in *target*'s tags, or return None.

    Cheap, exact repairs before the translation layer's one retry: bent tag spelling is
    normalised and tags the source never had are dropped. A tag the model lost — paired,
    or void (a link, a placeholder) — cannot be placed by guesswork, and one put at the
    end looks fine while meaning nothing: None.
    """
    if not validate_tags(source, target):
        return target

    def normalise(match: re.Match[str]) -> str:
        closing, void, number, self_closing = match.groups()
        if void or (self_closing and not closing):
            return f"<x{number}/>"
        return f"<{closing}{number}>"

    expected = tag_names(source)
    repaired = _LOOSE_TAG.sub(normalise, target)
    repaired = _TAG.sub(lambda m: m.group(0) if m.group(0) in expected else "", repaired)
    return repaired if not validate_tags(source, repaired) else None


def fallback_text(source: str, target: str) -> str:
    """The last resort when tags stay broken: the translated text without paired tags.

    Void tags the source had are kept (at the end when the model lost them) so that
    protected spans and links survive; exports treat the result as failing validation
    and put the text into the unit's first run, and the caller flags the unit.
    """
    voids = [tag for tag in tag_names(source) if tag.startswith("<x")]
    kept = _TAG.sub(lambda m: m.group(0) if m.group(0) in voids else "", target)
    present = set(tag_names(kept))
    seen: set[str] = set()

    def once(match: re.Match[str]) -> str:
        tag = match.group(0)
        if tag in seen:
            return ""
        seen.add(tag)
        return tag

    kept = _TAG.sub(once, kept)
    missing = "".join(tag for tag in voids if tag not in present)
    return kept.rstrip() + missing if missing else kept


def render_markup(node: Node, markup: dict[int, tuple[str, str]]) -> str:
    """Text of a parsed tag tree with each tag put back as the format's own markup.

    *markup* maps a tag number to its (opening, closing) text; a void tag (negative
    number in the tree) stands for its opening text alone.
    """
    out = []
    for part in node.parts:
        if isinstance(part, str):
            out.append(part)
        elif part.number < 0:
            out.append(markup[-part.number][0])
        else:
            opening, closing = markup[part.number]
            out.append(opening + render_markup(part, markup) + closing)
    return "".join(out)

