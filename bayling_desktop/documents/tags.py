"""Inline formatting as numbered placeholder tags: ``<1>bold</1>``, ``<x2/>``.

The model sees short, uniform tags instead of HTML or Word XML, which small models
keep intact far more often. After generation the tags are validated (the same tags,
each once, properly nested); a format module rebuilds its formatting from them. When
they broke, :func:`salvage` keeps every tag that can be kept and :func:`loss_flags` says
what the unit lost — each link and picture by its address — as flags, never silently.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection
from dataclasses import dataclass, field

from ..flags import Flag, render

#: "the text went in, some inline formatting did not" (every format): said only for
#: formatting that is not a link, an image or a line break, which have flags of their own
FORMATTING_LOST = Flag("formatting_lost")

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


def tag_flags(source: str, target: str) -> list[Flag]:
    """What is wrong with *target*'s tags compared with *source*'s, as flags (empty when
    all is well): the structure a format needs to rebuild its markup. (The verifier's
    checks, position included, are :mod:`.translation.qa_invariants`.)"""
    flags: list[Flag] = []
    try:
        parse(target)
    except ValueError as exc:
        flags.append(Flag("tag_broken", {"detail": str(exc)}))
    expected = sorted(tag_names(source))
    found = sorted(tag_names(target))
    if expected != found:
        missing = sorted(set(expected) - set(found))
        extra = sorted(set(found) - set(expected))
        if missing:
            flags.append(Flag("tag_missing", {"tags": " ".join(missing)}))
        if extra:
            flags.append(Flag("tag_extra", {"tags": " ".join(extra)}))
        if not missing and not extra:
            repeated = sorted({t for t in found if found.count(t) > expected.count(t)})
            flags.append(Flag("tag_repeated", {"tags": " ".join(repeated)}))
    return flags


def validate_tags(source: str, target: str) -> list[str]:
    """:func:`tag_flags` as English sentences (empty when all is well)."""
    return [render(flag) for flag in tag_flags(source, target)]


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


def salvage(source: str, target: str) -> str:
    """*target* with every tag kept that can be kept, for a translation whose tags are
    broken: a link whose pair survived keeps its URL even when the bold beside it was
    mangled.

    Tags the source never had and repeats are dropped; a pair that lost one half, or
    that crosses another, loses both halves (its text stays); void tags the model lost
    are appended at the end, so protected spans and pictures are never lost (the
    caller's :func:`loss_flags` names them as moved). The result always parses.
    """
    expected = set(tag_names(source))
    seen: set[str] = set()

    def once(match: re.Match[str]) -> str:
        tag = match.group(0)
        if tag not in expected or tag in seen:
            return ""
        seen.add(tag)
        return tag

    kept = _TAG.sub(once, target)
    while True:
        names = set(tag_names(kept))
        drop = {m.group(2) for m in _TAG.finditer(kept) if m.group(2) is not None
                and not {f"<{m.group(2)}>", f"</{m.group(2)}>"} <= names}
        if not drop:
            crossing = _crossing(kept)
            if crossing is None:
                break
            drop = {crossing}
        kept = _drop_pairs(kept, drop)
    present = set(tag_names(kept))
    missing = "".join(t for t in tag_names(source) if t.startswith("<x") and t not in present)
    return kept.rstrip() + missing if missing else kept


def _drop_pairs(text: str, numbers: set[str]) -> str:
    """*text* without both halves of the paired tags numbered *numbers*."""
    return _TAG.sub(lambda m: "" if m.group(2) in numbers else m.group(0), text)


def _crossing(text: str) -> str | None:
    """The number of the first pair that closes across another, or None."""
    stack: list[str] = []
    for match in _TAG.finditer(text):
        closing, number = match.group(1), match.group(2)
        if number is None:
            continue
        if not closing:
            stack.append(number)
        elif stack and stack[-1] == number:
            stack.pop()
        else:
            return number
    return None


#: what a format says a tag stands for, when losing it is more than lost formatting:
#: tag number -> the flag to raise (``link_removed`` with its URL, ``image_removed``)
Describe = Callable[[int], "Flag | None"]


def loss_flags(source: str, written: str, describe: Describe | None = None,
               ignore: Collection[int] = ()) -> list[Flag]:
    """What a unit lost on the way into the file: *written* is the tagged text that was
    actually put back (after :func:`salvage`), compared with the *source*'s tags.

    Each lost link or image is named by the format's *describe* (one flag each: a README
    that lost 5 badges and 10 links gets 15); any other lost formatting is one
    ``formatting_lost``; a void tag that had text after it in the source and ends up
    among the tags at the very end is ``tag_moved``. Tags in *ignore* (line breaks,
    which the format counts itself) are left out.
    """
    flags: list[Flag] = []
    # a link whose text came back empty is gone for a reader as surely as a deleted one
    present = set(tag_names(written)) - {f"<{n}>" for n in _emptied(source, written)}
    generic = False
    for tag in tag_names(source):
        number = int(re.sub(r"\D", "", tag))
        if tag.startswith("</") or tag in present or number in ignore:
            continue
        flag = describe(number) if describe else None
        if flag is None:
            generic = True
        else:
            flags.append(flag)
    if generic:
        flags.append(FORMATTING_LOST)
    if strip_tags(written).strip():
        ending = set(tag_names(_TRAILING_TAGS.search(written).group(0)))  # type: ignore[union-attr]
        at_end = set(tag_names(_TRAILING_TAGS.search(source).group(0)))  # type: ignore[union-attr]
        flags += [Flag("tag_moved", {"tag": tag}) for tag in tag_names(source)
                  if tag.startswith("<x") and tag in ending and tag not in at_end
                  and int(tag[2:-2]) not in ignore]
    return flags


def _emptied(source: str, written: str) -> set[str]:
    """Numbers of the pairs that hold text in *source* and none in *written*."""
    def contents(text: str) -> dict[str, str]:
        found = {}
        for match in re.finditer(r"<(\d+)>(.*?)</\1>", text, re.S):
            found[match.group(1)] = strip_tags(match.group(2)).strip()
            found.update(contents(match.group(2)))
        return found

    before, after = contents(source), contents(written)
    return {n for n, text in after.items() if not text and before.get(n)}


_TRAILING_TAGS = re.compile(r"(?:\s|<x\d+/>|</\d+>)*$")
