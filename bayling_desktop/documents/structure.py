"""A translation is text, never structure: the one check every line-based writer runs.

A model's reply can hold the syntax of the file it goes into — a blank line and
``99\\n00:00:00,000 --> 00:00:09,000`` in a SubRip cue (a cue of its own when the file
is read again), ``-->`` in a WebVTT cue (which the format forbids), a ``Dialogue:``
line in an ASS event. :func:`keep_out` makes such text harmless for its format (escaped
where the format can escape it, a blank line dropped, an arrow broken) and says so with
a ``structure_injected`` flag, so the file never gains a cue, block or entry the source
did not have. Formats whose writer escapes by itself (XML through lxml, PO through
polib) need no rule here; the shared test in ``tests/unit/documents/test_injection.py``
checks them all the same way.
"""

from __future__ import annotations

import re

from ..flags import Flag

#: what SubRip parsers take for a timing arrow (the srt library accepts ``- >`` too)
_SRT_ARROW = re.compile(r"-[ -] *>")
#: line separators other than \n that Python's splitlines (and some players) honour
_OTHER_BREAKS = re.compile("[\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")
#: lines that start an ASS section or event (after a line break of the cue)
_ASS_LINE = re.compile(r"\n\s*(?:\[[^\]\n]+\]|(?:Dialogue|Comment|Format|Style|Picture|"
                       r"Sound|Movie|Command)\s*:)", re.IGNORECASE)
#: the start of a Markdown block: a heading, a list item, a quote, a fence, a setext
#: underline or a thematic break (the group is where an escaping backslash goes)
_MD_BLOCK = re.compile(r"^ {0,3}(?:(#{1,6})(?=\s|$)|([-*+])(?=\s)|\d{1,9}([.)])(?=\s)|(>)"
                       r"|(```|~~~)|([=-]){2,}\s*$|([*_])(?:\s*\7){2,}\s*$)")
_EMPTY_LINE = re.compile(r"\n[ \t]*(?=\n)")
_VTT_ARROW = re.compile("-->")

FORMATS = ("srt", "vtt", "ass", "md")


def keep_out(format_name: str, text: str, source: str = "") -> tuple[str, list[Flag]]:
    """*text* (one cue's content, lines separated by ``\n``) made safe for
    *format_name*, and a flag naming each kind of structure that was in it. What the
    *source* content itself holds (an SRT cue with a blank line in it, which the srt
    library reads as content) is not the model's doing and is left as it is."""
    found: list[str] = []

    def more(pattern: re.Pattern[str], where: str = text) -> bool:
        return len(pattern.findall(where)) > len(pattern.findall(source))

    if more(_OTHER_BREAKS):
        text = _OTHER_BREAKS.sub(" ", text)
        found.append("a line separator")
    if format_name in ("srt", "vtt"):
        if more(_EMPTY_LINE, text.strip("\n")):
            text = "\n".join(line for line in text.strip("\n").split("\n") if line.strip())
            found.append("an empty line")
        arrow = _SRT_ARROW if format_name == "srt" else _VTT_ARROW
        if more(arrow):
            found.append("a cue timing line (-->)")
            text = arrow.sub("->" if format_name == "srt" else "--&gt;", text)
    elif format_name == "ass" and more(_ASS_LINE):
        found.append("an ASS event or section line")
    elif format_name == "md":
        text = _markdown(text, source, found)
    return text, [Flag("structure_injected", {"what": what}, blocking=True) for what in found]


def _markdown(text: str, source: str, found: list[str]) -> str:
    """A unit's Markdown with no blank line (a new block) and no line that starts a block
    its source line did not start (``# x`` would become a heading): escaped with a
    backslash, as CommonMark allows before any punctuation."""
    lines = text.split("\n")
    if len(lines) > 1 and any(not line.strip() for line in lines):
        lines = [line for line in lines if line.strip()]
        found.append("an empty line")
    before = source.split("\n")
    for index, line in enumerate(lines):
        block = _MD_BLOCK.match(line)
        if block is None or (index < len(before) and _MD_BLOCK.match(before[index])):
            continue
        group = next(n for n in range(1, 8) if block.group(n) is not None)
        at = block.start(group)
        lines[index] = line[:at] + "\\" + line[at:]
        if "a Markdown block marker" not in found:
            found.append("a Markdown block marker")
    return "\n".join(lines)
