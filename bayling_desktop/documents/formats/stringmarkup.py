"""HTML/XML markup written inside a plain string (a gettext msgid such as
``Read <a href="%(url)s" target="_blank">the guide</a>.``) as numbered tags.

Such markup is code: a model that sees it raw rewrites attributes (``href``, ``target``)
or translates them. Here every element becomes a tag of :mod:`.tags` — a pair
``<1>the guide</1>`` when it is opened and closed inside the string, a void ``<x2/>``
when it is empty (``<br>``, ``<img …/>``) or unpaired — so the model may move the text
inside it but never sees or touches the markup itself. :func:`untag` puts the original
markup back byte for byte, or says it cannot (a tag lost or invented).
"""

from __future__ import annotations

import re

from ..tags import parse, render_markup, tag_names

#: an element tag: ``<a href="…">``, ``</a>``, ``<br/>``; a letter must follow ``<`` so
#: ``a < b`` and ``<3`` stay text
_ELEMENT = re.compile(r"<(/?)([A-Za-z][\w:.-]*)((?:\s+[^<>]*?)?)\s*(/?)>")
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
         "track", "wbr"}


def tag(text: str) -> tuple[str, dict[int, tuple[str, str]]]:
    """*text* with its markup as numbered tags, and number -> (opening, closing) markup.

    Text that already holds numbered tags (``<1>``) is returned unchanged: its own
    tags would be mistaken for ours.
    """
    matches = list(_ELEMENT.finditer(text))
    if not matches or tag_names(text):
        return text, {}
    # pair each closing tag with the nearest open one of the same name
    partner: dict[int, int] = {}
    stack: list[int] = []
    for index, match in enumerate(matches):
        closing, name, _attrs, self_closing = match.groups()
        if closing:
            for depth in range(len(stack) - 1, -1, -1):
                if matches[stack[depth]].group(2).lower() == name.lower():
                    partner[stack[depth]] = index
                    partner[index] = stack[depth]
                    del stack[depth:]  # anything opened inside and never closed stays void
                    break
        elif not self_closing and name.lower() not in _VOID:
            stack.append(index)
    markup: dict[int, tuple[str, str]] = {}
    numbers: dict[int, int] = {}
    out: list[str] = []
    position = 0
    for index, match in enumerate(matches):
        out.append(text[position:match.start()])
        position = match.end()
        if index in partner and partner[index] < index:  # the closing half of a pair
            out.append(f"</{numbers[partner[index]]}>")
            continue
        number = len(markup) + 1
        numbers[index] = number
        if index in partner:
            markup[number] = (match.group(0), matches[partner[index]].group(0))
            out.append(f"<{number}>")
        else:
            markup[number] = (match.group(0), "")
            out.append(f"<x{number}/>")
    out.append(text[position:])
    return "".join(out), markup


def untag(translation: str, markup: dict[int, tuple[str, str]]) -> str | None:
    """*translation* with the markup of :func:`tag` put back; None when its tags are not
    exactly the source's (one lost, repeated, invented or badly nested)."""
    if not markup:
        return translation if not tag_names(translation) else None
    expected = sorted([f"<{n}>", f"</{n}>"] if closing else [f"<x{n}/>"]
                      for n, (_opening, closing) in markup.items())
    if sorted(tag_names(translation)) != sorted(t for pair in expected for t in pair):
        return None
    try:
        tree = parse(translation)
    except ValueError:
        return None
    return render_markup(tree, markup)


def retag(text: str, markup: dict[int, tuple[str, str]]) -> str | None:
    """An existing translation (a msgstr) in the tagged form of its source, when it holds
    the same markup (each opening and closing text once, in any order); else None."""
    out = text
    for number, (opening, closing) in sorted(markup.items()):
        if opening not in out or (closing and closing not in out):
            return None
        out = out.replace(opening, f"<{number}>" if closing else f"<x{number}/>", 1)
        if closing:
            start = out.index(f"<{number}>")
            at = out.find(closing, start)
            if at < 0:
                return None
            out = out[:at] + f"</{number}>" + out[at + len(closing):]
    if _ELEMENT.search(out) or untag(out, markup) != text:
        return None
    return out


def has_markup(text: str) -> bool:
    """Whether *text* holds raw markup (a translator typed the HTML in themselves)."""
    return _ELEMENT.search(text) is not None
