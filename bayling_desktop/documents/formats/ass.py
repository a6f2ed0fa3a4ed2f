"""Advanced SubStation Alpha (.ass) and SubStation Alpha (.ssa), the fansub and Aegisub
formats: one unit per ``Dialogue:`` line of ``[Events]``; its text is the last field of the
section's ``Format:``. Override blocks (``{\\an8}``, ``{\\i1}``) are void tags and ``\\N``
line breaks travel as the line-break tags of the other subtitle formats (a cue that lost
one is re-wrapped and flagged), through the same cue machinery (:mod:`.subtitles`).

Everything else (script info, styles, embedded fonts and pictures, ``Comment:`` lines,
timings, layers, styles, margins, effects, lines in drawing mode ``{\\p1}``) is written
back byte for byte.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path

from ...errors import DocumentError
from ..encoding import read_text
from ..model import Unit
from .subtitles import CueText, _Subtitles, _units

_SECTION = re.compile(r"^\s*\[(.+?)\]\s*$")
_DRAWING = re.compile(r"\{[^{}]*\\p[1-9]")
#: the default [Events] format of ASS (v4.00+); SSA has Marked instead of Layer
_DEFAULT_FIELDS = 10


class AssDocument(_Subtitles):
    format_name = "ass"

    def __init__(self, path: Path, lines: list[str], dialogue: list[tuple[int, int]],
                 contents: list[str], units: list[Unit], cues: dict[str, CueText]) -> None:
        super().__init__(path, units, cues)
        self._lines = lines
        #: per dialogue line: (line number, where its text starts)
        self._dialogue = dialogue
        self._originals = contents

    def export(self, translations: Mapping[str, str], out_path: Path) -> None:
        contents = self._contents(self._originals, translations)
        lines = list(self._lines)
        for (number, start), original, content in zip(self._dialogue, self._originals,
                                                       contents, strict=True):
            if content is original:
                continue
            line = lines[number]
            ending = line[len(line.rstrip("\r\n")):]
            lines[number] = line[:start] + _to_ass(content) + ending
        self._write(out_path, "".join(lines))


def _from_ass(text: str) -> str:
    r"""The cue text the shared machinery reads: ``\N`` is a line break."""
    return text.replace("\\N", "\n")


def _to_ass(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\n", "\\N")


def _seconds(stamp: str) -> float | None:
    """``H:MM:SS.cc`` as seconds, or None for a stamp that is not one."""
    match = re.fullmatch(r"\s*(\d+):(\d{1,2}):(\d{1,2}(?:\.\d+)?)\s*", stamp)
    if match is None:
        return None
    return int(match.group(1)) * 3600 + int(match.group(2)) * 60 + float(match.group(3))


def load(path: Path) -> AssDocument:
    text, encoding = read_text(path)
    if not text.strip():
        raise DocumentError("document_empty", path=path.name)
    lines = text.splitlines(keepends=True)
    section = ""
    fields = _DEFAULT_FIELDS
    dialogue: list[tuple[int, int]] = []
    contents: list[str] = []
    #: (start, end) seconds per dialogue line, for the editor's timing column and CPS
    timings: list[tuple[float | None, float | None]] = []
    at = (1, 2)
    for number, line in enumerate(lines):
        bare = line.rstrip("\r\n")
        header = _SECTION.match(bare)
        if header:
            section = header.group(1).strip().lower()
            continue
        if section != "events":
            continue
        kind, colon, rest = bare.partition(":")
        if not colon:
            continue
        kind = kind.strip().lower()
        if kind == "format":
            names = [n.strip().lower() for n in rest.split(",")]
            fields = len(names) if names and names[-1] == "text" else _DEFAULT_FIELDS
            if "start" in names and "end" in names:
                at = (names.index("start"), names.index("end"))
        elif kind == "dialogue":
            parts = rest.split(",", fields - 1)
            if len(parts) < fields:
                continue  # a damaged line is left as it is
            start = len(bare) - len(parts[-1])
            dialogue.append((number, start))
            contents.append(_from_ass(parts[-1]))
            timings.append((_seconds(parts[at[0]]), _seconds(parts[at[1]])))
    # a line in drawing mode ({\p1}m 0 0 l 100 0…) is vector art, not dialogue
    units, cues = _units(["" if _DRAWING.search(c) else c for c in contents])
    for unit in units:
        start_s, end_s = timings[int(unit.id.rsplit("-", 1)[1]) - 1]
        if start_s is not None and end_s is not None:
            unit.meta.update(start=start_s, end=end_s)
    if not units:  # no [Events] section, only comments, only drawings
        raise DocumentError("no_text_to_translate", path=path.name)
    document = AssDocument(path, lines, dialogue, contents, units, cues)
    document.keep_form(encoding, text, path)
    return document
