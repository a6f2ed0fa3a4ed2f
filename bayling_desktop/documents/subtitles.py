"""SubRip (.srt) and WebVTT (.vtt): one unit per cue; indexes, timings and cue settings stay
as they were.

Inside a cue, what the model must keep travels as numbered tags: each line break is a
void tag (``Hello,<x1/>my friend.``), formatting (``<i>``, ``<b>``, ``<u>``,
``<font color=…>``, WebVTT's ``<c.x>`` and ``<v Name>``) is a paired tag and an ASS
override such as ``{\\an8}`` a void tag, all put back byte for byte. A translation that
lost a line break is re-wrapped to the source's line count and flagged; one that broke
the formatting tags keeps its text (overrides at the start stay) and is flagged
"formatting lost" — never silently.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from ..errors import DocumentError
from ..fileio import atomic_write_text
from .encoding import read_text
from .model import Document, Unit
from .tags import FORMATTING_LOST, Node, parse, render_markup, strip_tags, tag_names, validate_tags

LINE_LOST = "A line break was lost; the cue was re-wrapped to its {n} lines."
_MARKUP = re.compile(r"\{\\[^{}]*\}|</?[A-Za-z][^<>\n]*>|<\d\d:[\d:.]+>|\r?\n")
_NAME = re.compile(r"</?([A-Za-z]+)")


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

    def rebuild(self, target: str) -> tuple[str, list[str]]:
        """(cue content, problems) for the translation *target*."""
        target = self._breaks_from_newlines(target)
        problems = validate_tags(self.tagged, target)
        if not problems:
            try:
                return self._render(parse(target)), []
            except ValueError as exc:
                problems = [str(exc)]
        lines = len(self.breaks) + 1
        text = " ".join(strip_tags(target).split())
        lost = [f"<x{n}/>" for n in self.breaks if f"<x{n}/>" not in tag_names(target)]
        lead = "".join(self.markup[n][0] for n in _leading_voids(self.tagged)
                       if n not in self.breaks)
        content = lead + "\n".join(_wrap(text, lines))
        flags = list(problems)
        if lost:
            flags.append(LINE_LOST.format(n=lines))
        if any(n not in self.breaks for n in self.markup):
            flags.append(FORMATTING_LOST)
        return content, flags

    def _breaks_from_newlines(self, target: str) -> str:
        """A model that wrote real line breaks where the tags were: take them as the tags."""
        missing = [n for n in self.breaks if f"<x{n}/>" not in target]
        if missing and target.count("\n") == len(missing):
            for number in missing:
                target = target.replace("\n", f"<x{number}/>", 1)
        return target

    def _render(self, node: Node) -> str:
        return render_markup(node, self.markup)


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


def _leading_voids(tagged: str) -> list[int]:
    numbers = []
    for match in re.finditer(r"<x(\d+)/>", tagged):
        if tagged[:match.start()].strip() and not re.fullmatch(r"(<x\d+/>)*",
                                                                tagged[:match.start()]):
            break
        numbers.append(int(match.group(1)))
    return numbers


def _wrap(text: str, lines: int) -> list[str]:
    """*text* in *lines* lines of similar length (at spaces; anywhere for CJK text)."""
    if lines <= 1 or not text:
        return [text]
    words = text.split(" ") if " " in text else list(text)
    joiner = " " if " " in text else ""
    target = len(text) / lines
    out: list[str] = []
    current: list[str] = []
    for word in words:
        if current and len(out) < lines - 1 and len(joiner.join([*current, word])) > target:
            out.append(joiner.join(current))
            current = []
        current.append(word)
    out.append(joiner.join(current))
    return out


def _units(contents: list[str]) -> tuple[list[Unit], dict[str, CueText]]:
    units: list[Unit] = []
    cues: dict[str, CueText] = {}
    for number, content in enumerate(contents):
        if not content.strip():
            continue
        cue = CueText(content.strip())
        unit_id = f"cue-{number + 1}"
        cues[unit_id] = cue
        # which void tags are line breaks: a CPS/CPL counter splits lines on them
        units.append(Unit(unit_id, cue.tagged, "cue",
                          meta={"line_breaks": [f"<x{n}/>" for n in cue.breaks]}))
    return units, cues


class _Subtitles(Document):
    def __init__(self, path: Path, units: list[Unit], cues: dict[str, CueText]) -> None:
        super().__init__(path, units)
        self._cues = cues
        #: written as UTF-8 (a translation may not fit a legacy code page), with the
        #: byte-order mark Windows tools write when the source had one
        self.encoding = "utf-8"

    def keep_bom(self, encoding: str) -> None:
        self.encoding = "utf-8-sig" if encoding == "utf-8-sig" else "utf-8"

    def _contents(self, originals: list[str], translations: Mapping[str, str]) -> list[str]:
        self.flagged = {}
        out = []
        for number, original in enumerate(originals):
            key = f"cue-{number + 1}"
            if key in translations and key in self._cues:
                content, problems = self._cues[key].rebuild(translations[key])
                if problems:
                    self.flagged[key] = problems
                out.append(content)
            else:
                out.append(original)
        return out


class SrtDocument(_Subtitles):
    format_name = "srt"

    def __init__(self, path: Path, subtitles: list[Any], units: list[Unit],
                 cues: dict[str, CueText]) -> None:
        super().__init__(path, units, cues)
        self._subtitles = subtitles

    def export(self, translations: Mapping[str, str], out_path: Path) -> None:
        import srt

        contents = self._contents([cue.content for cue in self._subtitles], translations)
        out = [srt.Subtitle(cue.index, cue.start, cue.end, content, cue.proprietary)
               for cue, content in zip(self._subtitles, contents, strict=True)]
        atomic_write_text(out_path, srt.compose(out, reindex=False), self.encoding)


def load_srt(path: Path) -> SrtDocument:
    import srt

    text, encoding = read_text(path)
    if not text.strip():
        raise DocumentError(f"{path.name} is empty: there is nothing to translate.")
    try:
        subtitles = list(srt.parse(text))
    except srt.SRTParseError as exc:
        # the library speaks of match offsets; a user needs the line and what is on it
        at = getattr(exc, "expected_start", None)
        if isinstance(at, int):
            unmatched = str(getattr(exc, "unmatched_content", ""))
            at += len(unmatched) - len(unmatched.lstrip())  # where the stray text starts
            line = text.count("\n", 0, at) + 1
            shown = " ".join(unmatched.split())[:40]
            reason = f"no cue starts on line {line}: '{shown}'"
        else:
            reason = str(exc)
        raise DocumentError(f"{path.name} is not a valid SubRip file ({reason}).") from None
    units, cues = _units([cue.content for cue in subtitles])
    document = SrtDocument(path, subtitles, units, cues)
    document.keep_bom(encoding)
    return document


class VttDocument(_Subtitles):
    format_name = "vtt"

    def __init__(self, path: Path, vtt: Any, units: list[Unit], cues: dict[str, CueText]) -> None:
        super().__init__(path, units, cues)
        self._vtt = vtt

    def export(self, translations: Mapping[str, str], out_path: Path) -> None:
        captions = self._vtt.captions
        # raw_text keeps the cue tags (<v>, <i>, <c.x>); .text would drop them
        originals = [caption.raw_text for caption in captions]
        contents = self._contents(originals, translations)
        try:
            for caption, content in zip(captions, contents, strict=True):
                caption.text = content
            content = self._vtt.content
        finally:
            for caption, text in zip(captions, originals, strict=True):
                caption.text = text
        atomic_write_text(out_path, content, self.encoding)


def load_vtt(path: Path) -> VttDocument:
    import webvtt
    from webvtt.errors import MalformedFileError

    text, encoding = read_text(path)
    if not text.strip():
        raise DocumentError(f"{path.name} is empty: there is nothing to translate.")
    try:
        vtt = webvtt.from_string(text)
    except (MalformedFileError, ValueError) as exc:
        raise DocumentError(f"{path.name} is not a valid WebVTT file ({exc}).") from None
    units, cues = _units([caption.raw_text for caption in vtt.captions])
    document = VttDocument(path, vtt, units, cues)
    document.keep_bom(encoding)
    return document
