"""Markdown (CommonMark + GFM tables): headings, paragraphs, list items, quotes and table
cells are units; code blocks, front matter and HTML blocks are never sent. Links,
images and emphasis travel as numbered tags (:mod:`.mdinline`): URLs and brackets never
reach the model. Export replaces exactly the characters of each unit in the original
lines, so everything else (markers, indentation, spacing, line endings) stays
byte-identical."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ...errors import DocumentError
from ...fileio import atomic_write_text
from ...sentences import Sentence
from ..encoding import read_text
from ..model import Document, Unit
from ..structure import keep_out
from .mdinline import InlineMarkup, reference_label

if TYPE_CHECKING:
    from markdown_it import MarkdownIt


@dataclass(frozen=True)
class _Span:
    line: int
    start: int
    end: int


class MarkdownDocument(Document):
    format_name = "md"

    def __init__(self, path: Path, lines: list[str], spans: dict[str, list[_Span]],
                 units: list[Unit], inline: dict[str, InlineMarkup]) -> None:
        super().__init__(path, units)
        self._lines = lines
        self._spans = spans
        self._inline = inline

    def export(self, translations: Mapping[str, str], out_path: Path) -> None:
        edits: dict[int, list[tuple[int, int, str]]] = {}
        dropped: set[int] = set()
        self.flagged = {}
        for unit_id, spans in self._spans.items():
            if unit_id not in translations:
                continue
            text, problems = self._inline[unit_id].rebuild(translations[unit_id])
            original = "\n".join(self._lines[s.line][s.start:s.end] for s in spans)
            text, injected = keep_out("md", text, original)
            if problems or injected:
                self.flagged[unit_id] = [*injected, *problems]
            parts = text.split("\n")
            if len(parts) == len(spans):
                # Same shape as the source: each line goes back into its own line.
                for span, part in zip(spans, parts, strict=True):
                    edits.setdefault(span.line, []).append((span.start, span.end, part))
                continue
            first = spans[0]
            prefix = self._lines[first.line][:first.start]
            if prefix.strip():
                text = " ".join(parts)  # inside a quote or list: keep it one line
            edits.setdefault(first.line, []).append((first.start, first.end, text))
            for span in spans[1:]:
                dropped.add(span.line)
        out: list[str] = []
        for number, line in enumerate(self._lines):
            if number in dropped and number not in edits:
                continue
            for start, end, text in sorted(edits.get(number, []), reverse=True):
                line = line[:start] + text + line[end:]
            out.append(line)
        atomic_write_text(out_path, "".join(out))


def _parser() -> MarkdownIt:
    from markdown_it import MarkdownIt
    from mdit_py_plugins.front_matter import front_matter_plugin

    return MarkdownIt("commonmark", {"maxNesting": MAX_NESTING}).enable("table").use(
        front_matter_plugin)


#: block nesting markdown-it parses (a list level takes two: the list and its item);
#: deeper content is skipped by the parser, so the document says so (see :func:`load`)
MAX_NESTING = 100


def load(path: Path) -> MarkdownDocument:
    text, _encoding = read_text(path)
    if not text.strip():
        raise DocumentError("document_empty", path=path.name)
    lines = text.splitlines(keepends=True)
    bare = [line.rstrip("\r\n") for line in lines]
    cursor: dict[int, int] = {}
    spans: dict[str, list[_Span]] = {}
    inline: dict[str, InlineMarkup] = {}
    units: list[Unit] = []
    kind = "paragraph"
    in_list = 0
    env: dict[str, Any] = {}
    tokens = _parser().parse(text, env)
    references = {reference_label(label): str(target.get("href", "")) if isinstance(
        target, dict) else "" for label, target in env.get("references", {}).items()}
    html_text = unplaced = False
    too_deep = any(token.level >= MAX_NESTING - 2 for token in tokens)
    for token in tokens:
        if token.type == "html_block" and _html_text(token.content):
            html_text = True
        if token.type == "list_item_open":
            in_list += 1
        elif token.type == "list_item_close":
            in_list -= 1
        elif token.type == "heading_open":
            kind = "heading"
        elif token.type == "paragraph_open":
            kind = "list-item" if in_list else "paragraph"
        elif token.type in ("th_open", "td_open"):
            kind = "table-cell"
        if token.type != "inline" or not token.map or not token.content.strip():
            continue
        located: list[_Span] = []
        line_no = token.map[0]
        for part in token.content.split("\n"):
            while line_no < token.map[1]:
                start = bare[line_no].find(part, cursor.get(line_no, 0)) if part else -1
                if start >= 0:
                    located.append(_Span(line_no, start, start + len(part)))
                    cursor[line_no] = start + len(part)
                    line_no += 1
                    break
                line_no += 1
        if len(located) != len(token.content.split("\n")):
            unplaced = True
            continue  # text we cannot place exactly is left untouched, never mangled
        unit_id = f"b{len(units) + 1}"
        inline[unit_id] = InlineMarkup(token.content, references)
        units.append(Unit(unit_id, inline[unit_id].tagged, kind))
        spans[unit_id] = located
    document = MarkdownDocument(path, lines, spans, units, inline)
    # never silently: raw HTML (a centred logo, <details><summary>) is copied as it is
    if html_text:
        document.notice(Sentence("left_untranslated", what=Sentence("part_html_blocks")))
    if too_deep:  # the parser stopped at MAX_NESTING: what lies deeper stays as it is
        document.notice(Sentence("left_untranslated", what=Sentence(
            "part_deep_nesting", levels=MAX_NESTING // 2)))
    if unplaced:
        document.notice(Sentence("left_untranslated", what=Sentence("part_unmatched_lines")))
    return document


def _html_text(html: str) -> bool:
    """Whether an HTML block shows words (a comment or a bare <img> does not)."""
    visible = re.sub(r"<!--.*?-->|<[^>]*>|&[#\w]+;", " ", html, flags=re.S)
    return re.search(r"[^\W\d_]", visible) is not None
