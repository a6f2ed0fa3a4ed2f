"""A PO file's own text, kept: entries nobody changed are written back as they were read.

polib re-wraps every line and re-orders the header when it writes a catalogue, so a
diff of the translated file against the original would show every entry — and the
198 entries a translator wrote would no longer be byte for byte theirs. Here the file
is cut into the text of each entry (polib knows the line where each one starts); only
entries whose translation changed are re-written (by polib), and the header is edited
field by field (``Language:``, ``Plural-Forms:``, the charset), in place.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from polib import POEntry, POFile

_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$")


@dataclass
class Layout:
    """The file's text cut at its entries: ``head`` (comments and the header entry), then
    per entry its lines and the blank lines after it."""

    head: list[str]
    blocks: list[tuple[list[str], list[str]]]
    newline: str

    def render(self, replaced: dict[int, str], header: list[str] | None = None) -> str:
        out = list(header if header is not None else self.head)
        for number, (lines, gap) in enumerate(self.blocks):
            if number in replaced:
                text = replaced[number]
                if self.newline != "\n":
                    text = text.replace("\n", self.newline)
                out.append(text if text.endswith(self.newline) else text + self.newline)
            else:
                out.extend(lines)
            out.extend(gap)
        return "".join(out)


def layout(text: str, catalog: POFile) -> Layout | None:
    """Cut *text* (the file as polib read it) at the entries of *catalog*; None when the
    line numbers do not fit (then the whole catalogue is written by polib)."""
    lines = _LINE.findall(text)
    starts = [entry.linenum for entry in catalog]
    if not starts or any(not isinstance(s, int) or s < 1 for s in starts) or any(
            later <= earlier for earlier, later in pairwise(starts)) or starts[-1] > len(lines):
        return None
    newline = next((line[len(line.rstrip("\r\n")):] for line in lines
                    if line.endswith(("\n", "\r"))), "\n")
    blocks = []
    for number, start in enumerate(starts):
        end = starts[number + 1] - 1 if number + 1 < len(starts) else len(lines)
        body = lines[start - 1:end]
        cut = len(body)
        while cut > 1 and not body[cut - 1].strip():
            cut -= 1
        blocks.append((body[:cut], body[cut:]))
    for entry, (body, _gap) in zip(catalog, blocks, strict=True):
        if entry.msgid and _quoted(entry.msgid)[:20] not in "".join(body).replace('"\n"', ""):
            return None  # a line number that does not point at its entry: do not guess
    return Layout(lines[:starts[0] - 1], blocks, newline)


def _quoted(text: str) -> str:
    from polib import escape

    return escape(text)


def edit_header(head: list[str], changes: dict[str, str], newline: str) -> list[str]:
    """*head* with the header fields in *changes* replaced or added, every other line kept.

    A field the header has is replaced where it is; a new ``Language`` goes after
    ``Language-Team`` (where msginit puts it), anything else at the end. A file without
    a header entry gets one.
    """
    from polib import escape

    lines = list(head)
    start = next((n for n, line in enumerate(lines) if line.startswith('msgid ""')), None)
    if start is None:
        lines += ['msgid ""' + newline, 'msgstr ""' + newline, newline]
        start = len(lines) - 3
    msgstr = next(n for n in range(start, len(lines)) if lines[n].startswith("msgstr"))
    if lines[msgstr].rstrip("\r\n") != 'msgstr ""':  # msgstr "Key: v\n" on one line
        first = lines[msgstr].rstrip("\r\n")[len("msgstr "):]
        lines[msgstr:msgstr + 1] = ['msgstr ""' + newline, first + newline]
    for key, value in changes.items():
        new = f'"{escape(f"{key}: {value}")}\\n"{newline}'
        fields = _fields(lines, msgstr)
        found = next(((b, e) for name, b, e in fields if name.lower() == key.lower()), None)
        if found is not None:
            lines[found[0]:found[1]] = [new]
            continue
        after = next((e for name, _b, e in fields if name == "Language-Team"), None) \
            if key == "Language" else None
        lines.insert(after if after is not None else (fields[-1][2] if fields else msgstr + 1),
                     new)
    return lines


def _fields(lines: list[str], msgstr: int) -> list[tuple[str, int, int]]:
    """(name, first line, end line) of each header field: runs of quoted lines after
    ``msgstr ""`` whose joined text ends in ``\\n``."""
    end = msgstr + 1
    while end < len(lines) and lines[end].lstrip().startswith('"'):
        end += 1
    fields: list[tuple[str, int, int]] = []
    begin = msgstr + 1
    for number in range(msgstr + 1, end):
        if lines[number].rstrip().endswith('\\n"') or number == end - 1:
            joined = "".join(line.strip()[1:-1] for line in lines[begin:number + 1])
            fields.append((joined.split(":", 1)[0].strip(), begin, number + 1))
            begin = number + 1
    return fields


def entry_text(entry: POEntry) -> str:
    """One entry as polib writes it (for entries whose translation changed)."""
    return entry.__unicode__(wrapwidth=78)
