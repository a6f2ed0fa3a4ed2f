"""One subtitle cue's content as tagged text, and back (SubRip, WebVTT, ASS).

Each line break is a void tag (``Hello,<x1/>my friend.``); formatting (``<i>``, ``<b>``,
``<font color=…>``, WebVTT's ``<c.x>`` and ``<v Name>…</v>``) is a paired tag; what has
no partner — an ASS override ``{\\an8}``, a karaoke time ``<00:00:01.000>``, a ``<v
Fred>`` or ``<s>`` never closed — is a void tag, so it stays at its place in the
sentence. Everything comes back byte for byte.

The line count is an invariant: a reply that lost line breaks (one line for three,
``<br>`` or ``\\N`` written out) is re-wrapped to the source's count with its formatting
kept, and flagged; extra line breaks the reply invented are joined. Tags that broke are
salvaged (:func:`.tags.salvage`), an override that was at the start of the cue stays at
the start, and what moved or was lost is flagged (:func:`.tags.loss_flags`).
"""

from __future__ import annotations

import re

from ...flags import Flag
from ..tags import loss_flags, parse, render_markup, salvage, strip_tags, tag_flags

_MARKUP = re.compile(r"\{\\[^{}]*\}|</?[A-Za-z][^<>\n]*>|<\d\d:[\d:.]+>|\r?\n")
_NAME = re.compile(r"</?([A-Za-z]+)")
#: line breaks a model writes out instead of keeping the tag
_WRITTEN_BREAK = re.compile(r"<br\s*/?>|\\N|\\n|\n", re.IGNORECASE)
_VOID = re.compile(r"<x(\d+)/>")
_CJK = re.compile(r"[\u3000-\u9fff\uac00-\ud7af\uff00-\uffef]")


class CueText:
    """One cue's content as tagged text, and how to rebuild it from a translation."""

    def __init__(self, content: str) -> None:
        tokens: list[str] = []
        last = 0
        for match in _MARKUP.finditer(content):
            tokens += [content[last:match.start()], match.group(0)]
            last = match.end()
        tokens.append(content[last:])
        pairs = _pairs(tokens)
        #: tag number -> (opening markup, closing markup); void tags have no closing
        self.markup: dict[int, tuple[str, str]] = {}
        #: numbers of the void tags that are line breaks
        self.breaks: list[int] = []
        out: list[str] = []
        numbers: dict[int, int] = {}
        for index, token in enumerate(tokens):
            if index % 2 == 0:
                out.append(token)
            elif index in pairs:
                number = len(self.markup) + 1
                numbers[pairs[index]] = number
                self.markup[number] = (token, tokens[pairs[index]])
                out.append(f"<{number}>")
            elif index in numbers:
                out.append(f"</{numbers[index]}>")
            else:
                number = len(self.markup) + 1
                self.markup[number] = (token, "")
                if token.strip("\r\n") == "":
                    self.breaks.append(number)
                out.append(f"<x{number}/>")
        self.tagged = "".join(out)

    def rebuild(self, target: str) -> tuple[str, list[Flag]]:
        """(cue content, what it lost) for the translation *target*."""
        lines = len(self.breaks) + 1
        target, found = self._breaks(target)
        problems = tag_flags(self.tagged, target)
        flags: list[Flag] = []
        if problems:
            # an override that opened the cue opens it again, wherever the reply put it
            lost = [t for t in self._leading() if t not in target]
            target = salvage(self.tagged, "".join(lost) + target)
        if found < lines:
            target = self._rewrap(target)
            flags.append(Flag("lines_rewrapped", {"found": found, "total": lines}))
        flags = loss_flags(self.tagged, target, None, self.breaks) + flags
        return render_markup(parse(target), self.markup), flags

    def _breaks(self, target: str) -> tuple[str, int]:
        """*target* with the line breaks it wrote out (a newline, ``<br>``, ``\\N``) taken
        as the missing break tags when their number fits, joined otherwise; and how many
        lines the reply has."""
        breaks = [f"<x{n}/>" for n in self.breaks]
        missing = [tag for tag in breaks if tag not in target]
        written = _WRITTEN_BREAK.findall(target)
        if missing and len(written) == len(missing):
            for tag in missing:
                target = _WRITTEN_BREAK.sub(tag, target, count=1)
        elif written:
            target = _join(target)
        return target, 1 + sum(1 for tag in breaks if tag in target)

    def _leading(self) -> list[str]:
        """The void tags (not line breaks) the source opens with: ``{\an8}``, ``<v Fred>``."""
        head = re.match(r"(?:\s|<x\d+/>)*", self.tagged)
        return [f"<x{n}/>" for n in _VOID.findall(head.group(0) if head else "")
                if int(n) not in self.breaks]

    def _rewrap(self, target: str) -> str:
        """*target* with its break tags dropped and new ones put between words (inside
        the text only, never inside formatting), as many lines as the source had."""
        breaks = [f"<x{n}/>" for n in self.breaks]
        for tag in breaks:
            target = target.replace(tag, "\n")
        target = _join(target)
        cuts = _cuts(strip_tags(target), len(breaks) + 1)
        tags = iter(breaks)
        out: list[str] = []
        position = 0  # characters of plain text seen
        for piece in re.split(r"(<x\d+/>|</?\d+>)", target):
            if re.fullmatch(r"<x\d+/>|</?\d+>", piece):
                out.append(piece)
                continue
            for char in piece:
                if cuts and position == cuts[0][0]:
                    drop = cuts.pop(0)[1]
                    out.append(next(tags))
                    if drop:  # the space the line was cut at
                        position += 1
                        continue
                out.append(char)
                position += 1
        return "".join(out) + "".join(tags)  # text too short to cut as often


def _join(target: str) -> str:
    """Written-out breaks become a space (nothing between two CJK characters)."""
    def one(match: re.Match[str]) -> str:
        before = target[max(0, match.start() - 1):match.start()]
        after = target[match.end():match.end() + 1]
        return "" if _CJK.match(before) and _CJK.match(after) else " "

    return re.sub(r" {2,}", " ", _WRITTEN_BREAK.sub(one, target)).strip()


def _cuts(text: str, lines: int) -> list[tuple[int, bool]]:
    """Where to break *text* into *lines* lines of similar length: (offset, whether the
    character there is a space to drop). At the spaces nearest the even split points for
    spaced text, anywhere for CJK; fewer cuts when the text has too few places."""
    if lines <= 1 or not text.strip():
        return []
    spaced = " " in text.strip()
    places = ([i for i, char in enumerate(text) if char == " " and 0 < i < len(text) - 1]
              if spaced else list(range(1, len(text))))
    cuts: list[tuple[int, bool]] = []
    for k in range(1, lines):
        ideal = k * len(text) / lines
        left = [p for p in places if not cuts or p > cuts[-1][0]]
        # leave room for the cuts still to come
        left = left[:len(left) - (lines - 1 - k)] if lines - 1 - k else left
        if not left:
            break
        cuts.append((min(left, key=lambda p: abs(p - ideal)), spaced))
    return cuts


def _pairs(tokens: list[str]) -> dict[int, int]:
    """Opening token index -> its closing token index, for properly nested tags."""
    stack: list[tuple[str, int]] = []
    pairs: dict[int, int] = {}
    for index in range(1, len(tokens), 2):
        token = tokens[index]
        name = _NAME.match(token)
        if name is None:
            continue
        if token.startswith("</"):
            if stack and stack[-1][0] == name.group(1).lower():
                pairs[stack.pop()[1]] = index
            continue
        stack.append((name.group(1).lower(), index))
    return pairs
