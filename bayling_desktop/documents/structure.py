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
#: lines that start an ASS section or event
_ASS_LINE = re.compile(r"^\s*(?:\[[^\]]+\]|(?:Dialogue|Comment|Format|Style|Picture|Sound|"
                       r"Movie|Command)\s*:)", re.IGNORECASE)

FORMATS = ("srt", "vtt", "ass")


def keep_out(format_name: str, text: str) -> tuple[str, list[Flag]]:
    """*text* (one cue's content, lines separated by ``\\n``) made safe for
    *format_name*, and a flag naming each kind of structure that was in it."""
    found: list[str] = []
    if _OTHER_BREAKS.search(text):
        text = _OTHER_BREAKS.sub(" ", text)
        found.append("a line separator")
    if format_name in ("srt", "vtt"):
        lines = text.strip("\n").split("\n")
        kept = [line for line in lines if line.strip()]
        if len(kept) != len(lines) and "\n".join(lines).strip():
            found.append("an empty line")
        text = "\n".join(kept)
        arrow = _SRT_ARROW if format_name == "srt" else re.compile("-->")
        if arrow.search(text):
            found.append("a cue timing line (-->)")
            text = arrow.sub("->" if format_name == "srt" else "--&gt;", text)
    elif format_name == "ass" and any(_ASS_LINE.match(line) for line in text.split("\n")[1:]):
        found.append("an ASS event or section line")
    return text, [Flag("structure_injected", {"what": what}, blocking=True) for what in found]
