"""Markdown inline markup as numbered tags, and back.

Links and images travel as tags around their text: ``[our site](https://x.org "T")``
becomes ``<1>our site</1>``, so the URL, its brackets and its title never reach the model
and a translator that writes ``（）`` or ``】`` cannot break them. Emphasis keeps its
delimiters the same way (``**bold**`` → ``<2>bold</2>``); autolinks and inline HTML are
void tags. Code spans and backslash escapes stay text (the translation layer protects
code spans). Rebuilding puts every delimiter back byte for byte; when the model broke the
tags, the text goes in without them and the caller flags "formatting lost".
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping

from ...flags import Flag
from ..tags import Node, loss_flags, parse, render_markup, salvage, tag_flags

_AUTOLINK = re.compile(r"<(?:[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*|[^\s<>@]+@[^\s<>]+)>")
_HTML = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>|<!--.*?-->", re.S)
_CODE = re.compile(r"(`+)(?!`).+?(?<!`)\1(?!`)", re.S)
_EMPHASIS = ("**", "__", "~~", "*", "_")


class InlineMarkup:
    """One unit's inline Markdown: its tagged text, and the markup behind each tag."""

    def __init__(self, content: str, references: Mapping[str, str] | Collection[str] = ()
                 ) -> None:
        #: tag number -> (opening markup, closing markup); void tags: (markup, "")
        self.markup: dict[int, tuple[str, str]] = {}
        #: the document's link reference labels, normalised (see :func:`reference_label`)
        self._references = set(references)
        #: label -> URL of the document's link reference definitions (to name a lost link)
        self._targets = dict(references) if isinstance(references, Mapping) else {}
        self.tagged = self._scan(content)

    def _number(self, opening: str, closing: str) -> int:
        number = len(self.markup) + 1
        self.markup[number] = (opening, closing)
        return number

    def _scan(self, text: str) -> str:
        out: list[str] = []
        i = 0
        while i < len(text):
            char = text[i]
            if char == "\\" and i + 1 < len(text):
                out.append(text[i:i + 2])
                i += 2
                continue
            if char == "`":
                code = _CODE.match(text, i)
                if code:
                    # the translation layer protects code on one line; a span the author
                    # wrapped over a line break is protected here, as a void tag
                    span = code.group(0)
                    out.append(f"<x{self._number(span, '')}/>" if "\n" in span else span)
                    i = code.end()
                    continue
            if char == "<":
                void = _AUTOLINK.match(text, i) or _HTML.match(text, i)
                if void:
                    out.append(f"<x{self._number(void.group(0), '')}/>")
                    i = void.end()
                    continue
            if char == "[" or text.startswith("![", i):
                link = _link(text, i)
                if link is not None:
                    opening, label, closing, end = link
                    if label.strip():
                        number = self._number(opening, closing)
                        out.append(f"<{number}>{self._scan(label)}</{number}>")
                    else:
                        out.append(f"<x{self._number(text[i:end], '')}/>")
                    i = end
                    continue
                shortcut = self._shortcut(text, i)
                if shortcut:
                    out.append(f"<x{self._number(text[i:shortcut], '')}/>")
                    i = shortcut
                    continue
            emphasis = _emphasis(text, i)
            if emphasis is not None:
                delimiter, end = emphasis
                number = self._number(delimiter, delimiter)
                inner = text[i + len(delimiter):end - len(delimiter)]
                out.append(f"<{number}>{self._scan(inner)}</{number}>")
                i = end
                continue
            out.append(char)
            i += 1
        return "".join(out)

    def _shortcut(self, text: str, i: int) -> int:
        """End of a shortcut or collapsed reference link (``[label]``, ``[label][]``) at
        *i*, or 0. Its text is the label its definition is found by: translated, the link
        is gone, so it travels as a void tag."""
        start = i + 1 if text.startswith("![", i) else i
        close = _closing(text, start, "[", "]")
        if close < 0 or reference_label(text[start + 1:close]) not in self._references:
            return 0
        return close + 3 if text.startswith("[]", close + 1) else close + 1

    def rebuild(self, target: str) -> tuple[str, list[Flag]]:
        """(Markdown text, what it lost) for the translation *target*."""
        if not self.markup:
            return target, []
        problems = tag_flags(self.tagged, target)
        written = salvage(self.tagged, target) if problems else target
        lost = loss_flags(self.tagged, written, self._describe)
        # tags the source never had, or repeats, are dropped without a word: nothing lost
        return self._render(parse(written)), lost

    def _describe(self, number: int) -> Flag | None:
        """A link names its URL, an image its file; emphasis is only formatting."""
        opening, closing = self.markup[number]
        if not opening.startswith(("[", "![")) or not closing:
            return None
        if closing.startswith("]("):
            address = closing[2:-1].strip()
            address = address.split()[0].strip("<>") if address.split() else address
        else:  # a reference link: its definition's URL, else the label as written
            label = closing[2:-1] or opening_label(self.tagged, number)
            address = self._targets.get(reference_label(label)) or closing[1:]
        if opening == "![":
            return Flag("image_removed", {"name": address}, blocking=True)
        return Flag("link_removed", {"url": address}, blocking=True)

    def _render(self, node: Node) -> str:
        return render_markup(node, self.markup)


def reference_label(label: str) -> str:
    """A link label as CommonMark matches it: case-folded, inner white space collapsed."""
    return " ".join(label.split()).casefold()


def _skip_code(text: str, i: int) -> int:
    code = _CODE.match(text, i)
    return code.end() if code else i + 1


def _closing(text: str, i: int, opener: str, closer: str) -> int:
    """Index of the *closer* matching the *opener* at *i* (nesting, escapes, code), or -1."""
    depth = 0
    while i < len(text):
        char = text[i]
        if char == "\\":
            i += 2
            continue
        if char == "`" and opener == "[":
            i = _skip_code(text, i)
            continue
        if char == opener:
            depth += 1
        elif char == closer:
            depth -= 1
            if depth == 0:
                return i
        i += 1
    return -1


def _link(text: str, i: int) -> tuple[str, str, str, int] | None:
    """(opening, label, closing, end) of an inline or reference link/image at *i*."""
    bang = text.startswith("![", i)
    start = i + 1 if bang else i
    close = _closing(text, start, "[", "]")
    if close < 0:
        return None
    label = text[start + 1:close]
    after = close + 1
    if after < len(text) and text[after] == "(":
        end = _destination_end(text, after)
        if end < 0:
            return None
        return ("![" if bang else "["), label, text[close:end], end
    if after < len(text) and text[after] == "[":
        end = text.find("]", after)
        if end < 0 or "\n" in text[after:end] or end == after + 1:  # [label][]: a shortcut
            return None
        return ("![" if bang else "["), label, text[close:end + 1], end + 1
    return None


def _destination_end(text: str, i: int) -> int:
    """End (exclusive) of the ``( destination "title" )`` that starts at *i*."""
    depth = 0
    quote = ""
    j = i
    while j < len(text):
        char = text[j]
        if char == "\\":
            j += 2
            continue
        if quote:
            if char == quote:
                quote = ""
        elif char in "\"'" and j > i + 1 and text[j - 1].isspace():
            quote = char
        elif char == "<" and j == i + 1:
            end = text.find(">", j)
            if end < 0:
                return -1
            j = end
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
            if depth == 0:
                return j + 1
        elif char == "\n" and text[i:j].count("\n") > 1:
            return -1
        j += 1
    return -1


def _emphasis(text: str, i: int) -> tuple[str, int] | None:
    """(delimiter, end) of an emphasis span that opens at *i*."""
    for delimiter in _EMPHASIS:
        if not text.startswith(delimiter, i):
            continue
        size = len(delimiter)
        inner_start = i + size
        if inner_start >= len(text) or text[inner_start].isspace():
            return None
        if delimiter[0] == "_" and i > 0 and text[i - 1].isalnum():
            return None  # snake_case words are not emphasis
        # a span may open with code (``**`f()` returns**``): step over it whole, or its
        # closing backtick starts a "code span" that swallows the delimiter
        j = _skip_code(text, inner_start) if text[inner_start] == "`" else inner_start + 1
        while j <= len(text) - size:
            if text[j] == "\\":
                j += 2
                continue
            if text[j] == "`":
                j = _skip_code(text, j)
                continue
            if text.startswith(delimiter, j) and not text[j - 1].isspace() and (
                    size > 1 or not text.startswith(delimiter * 2, j)):
                end = j + size
                if delimiter[0] == "_" and end < len(text) and text[end].isalnum():
                    j += 1
                    continue
                return delimiter, end
            if size == 1 and text.startswith(delimiter * 2, j):
                j += 2  # skip a strong delimiter inside a single emphasis
                continue
            j += 1
        return None
    return None


def opening_label(tagged: str, number: int) -> str:
    """The text inside tag *number* (a collapsed reference ``[label][]`` is found by it)."""
    match = re.search(rf"<{number}>(.*?)</{number}>", tagged, re.S)
    return match.group(1) if match else ""
