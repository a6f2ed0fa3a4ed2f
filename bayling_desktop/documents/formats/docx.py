"""Word .docx, all of it: every story part — the body with its tables (nested too),
headers and footers (first/even/default), footnotes, endnotes and, when asked for,
comments. Inside them every paragraph is a unit wherever it sits: table cells, text boxes
(``w:txbxContent``; the VML fallback copy of a text box is not a second unit: it gets
the same translation), content controls (``w:sdt``), field results. Each picture's or
shape's alternative text (``wp:docPr descr``) is a unit after its part's paragraphs, and
chart titles and axis titles (:mod:`.charts`) are units after all the stories.

Runs with different formatting, hyperlinks, field results and the words a comment is
anchored to (``commentRangeStart``…``commentRangeEnd``) travel as numbered tags and
are filled in place (:mod:`.runs`), so a field's instruction (``TOC \\o``, ``HYPERLINK
"…"``), deleted revisions, bookmarks and drawings are never touched. A document with
unaccepted tracked changes is translated on its current text (insertions in, deletions
untouched) and the user is told once. Strict OOXML is read the same way (only its
namespace differs). The package is read through the safe XML parser and rewritten with
every other entry copied unchanged.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from ...errors import DocumentError
from ...fileio import atomic_write_bytes
from ...flags import Flag
from ...sentences import Sentence
from ..alttext import KIND as ALT_TEXT
from ..alttext import worth_translating
from ..model import Document, Unit
from ..runs import Piece, Runs
from ..xmlsafe import check_well_formed, parse_untrusted, xml_text
from ..ziputil import read_checked
from .charts import chart_units, drawing_notices, fill_chart

TRANSITIONAL = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
STRICT = "http://purl.oclc.org/ooxml/wordprocessingml/main"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_CT = "http://schemas.openxmlformats.org/package/2006/content-types"
_WORD = "application/vnd.openxmlformats-officedocument.wordprocessingml."
#: story parts in the order their units appear; comments only when asked for
_STORIES = ("main+xml", "header+xml", "footer+xml", "footnotes+xml", "endnotes+xml",
            "comments+xml")
_KINDS = {"header+xml": "header", "footer+xml": "footer", "footnotes+xml": "footnote",
          "endnotes+xml": "endnote", "comments+xml": "comment"}
TRACKED_NOTICE = Sentence("tracked_changes")


def _story_parts(types: Any, include_comments: bool) -> list[tuple[str, str]]:
    """(zip name, kind suffix) of every story part, body first, in a stable order."""
    found: list[tuple[int, str, str]] = []
    for override in types.iter(f"{{{_CT}}}Override"):
        content_type = override.get("ContentType", "")
        if not content_type.startswith(_WORD):
            continue
        for rank, suffix in enumerate(_STORIES):
            if content_type.endswith(suffix) and (include_comments or rank < 5):
                if suffix == "main+xml" and not re.search(r"\.(document|template)", content_type):
                    break
                found.append((rank, override.get("PartName", "").lstrip("/"), suffix))
                break
    found.sort(key=lambda item: (item[0], [int(t) if t.isdigit() else t
                                           for t in re.split(r"(\d+)", item[1])]))
    return [(name, suffix) for _rank, name, suffix in found]


class _Part:
    """One story part's tree and its paragraphs, as load and export both see them."""

    def __init__(self, root: Any, w: str, links: Mapping[str, str] | None = None) -> None:
        self.root = root
        self.w = w
        #: relationship id -> target (the part's hyperlink addresses), for naming a lost link
        self.links = links or {}
        self._field_state = _fields(root, w)
        #: a Choice paragraph -> its VML Fallback copy (same text: same translation)
        self.fallback: dict[Any, Any] = {}
        for alternate in root.iter(f"{{{MC}}}AlternateContent"):
            choice = alternate.find(f"{{{MC}}}Choice")
            fallback = alternate.find(f"{{{MC}}}Fallback")
            if choice is None or fallback is None:
                continue
            ours = list(choice.iter(f"{{{w}}}p"))
            theirs = list(fallback.iter(f"{{{w}}}p"))
            if len(ours) == len(theirs) and all(
                    self.runs(a).tagged == self.runs(b).tagged for a, b in zip(
                        ours, theirs, strict=True)):
                self.fallback.update(zip(ours, theirs, strict=True))
        # A fallback that says something else than its choice is a story of its own.
        copies = set(self.fallback.values())
        self.paragraphs = [p for p in root.iter(f"{{{w}}}p") if p not in copies]

    def runs(self, paragraph: Any) -> Runs:
        return Runs(list(_pieces(paragraph, self.w, self._field_state)),
                    lambda r: _run_text(r, self.w), lambda r, t: _set_run_text(r, t, self.w),
                    self._describe)

    def _describe(self, run: Any) -> Flag | None:
        """A run inside a hyperlink: losing it is losing the link (named by address)."""
        for owner in run.iterancestors(f"{{{self.w}}}hyperlink"):
            rid = next((v for k, v in owner.attrib.items() if k.endswith("}id")), "")
            anchor = owner.get(f"{{{self.w}}}anchor")
            url = self.links.get(rid) or (f"#{anchor}" if anchor else rid)
            return Flag("link_removed", {"url": url}, blocking=True)
        return None


def _in(element: Any, tags: set[str]) -> bool:
    return any(a.tag in tags for a in element.iterancestors())


def _fields(root: Any, w: str) -> dict[Any, int]:
    """Run -> number of the complex field whose *result* it is (instructions are not text)."""
    state: dict[Any, int] = {}
    stack: list[tuple[int, bool]] = []
    counter = 0
    for run in root.iter(f"{{{w}}}r"):
        char = run.find(f"{{{w}}}fldChar")
        kind = char.get(f"{{{w}}}fldCharType") if char is not None else None
        if kind == "begin":
            counter += 1
            stack.append((counter, False))
        elif kind == "separate" and stack:
            stack[-1] = (stack[-1][0], True)
        elif kind == "end" and stack:
            stack.pop()
        elif stack and stack[-1][1]:
            state[run] = stack[-1][0]
    return state


_CONTAINERS = ("hyperlink", "fldSimple", "ins", "moveTo", "smartTag")
_SKIP = ("del", "moveFrom", "Fallback")
_TEXT = ("t", "tab", "br", "cr", "noBreakHyphen")
#: run content that stands at a place in the sentence: travels as a void tag
_OBJECTS = {"footnoteReference", "endnoteReference", "commentReference", "drawing", "pict",
            "object", "AlternateContent"}


def _comment_ranges(paragraph: Any, w: str) -> dict[Any, frozenset[str]]:
    """Run -> the ids of the comments whose anchor range (opened in this paragraph) it is
    in. Those runs are a tag of their own, so the translated words stay between
    ``commentRangeStart`` and ``commentRangeEnd`` instead of leaving the range empty."""
    start, end, run_tag = (f"{{{w}}}commentRangeStart", f"{{{w}}}commentRangeEnd",
                           f"{{{w}}}r")
    open_ids: set[str] = set()
    ranges: dict[Any, frozenset[str]] = {}
    for element in paragraph.iter(start, end, run_tag):
        if element.tag == start:
            open_ids.add(element.get(f"{{{w}}}id", ""))
        elif element.tag == end:
            open_ids.discard(element.get(f"{{{w}}}id", ""))
        elif open_ids:
            ranges[element] = frozenset(open_ids)
    return ranges


def _pieces(paragraph: Any, w: str, fields: dict[Any, int]) -> Iterator[Piece]:
    from lxml import etree

    comments = _comment_ranges(paragraph, w)
    for run in paragraph.iter(f"{{{w}}}r"):
        owner = run.getparent()
        chain: list[Any] = []
        skip = False
        while owner is not None and owner is not paragraph:
            name = etree.QName(owner).localname
            if name == "p" or name in _SKIP:
                skip = True  # a nested paragraph (text box) or deleted text
                break
            if name in _CONTAINERS:
                chain.append(owner)
            owner = owner.getparent()
        if skip or owner is None:
            continue
        anchor = run
        while anchor.getparent() is not paragraph:
            anchor = anchor.getparent()
        if not _has_text(run, w):
            if any(etree.QName(child).localname in _OBJECTS for child in run):
                yield Piece(run, void=True, anchor=anchor)  # the model places it
            continue
        rpr = run.find(f"{{{w}}}rPr")
        style = etree.tostring(rpr) if rpr is not None else b""
        field = fields.get(run)
        commented = comments.get(run, frozenset())
        key = (style, tuple(chain), field, commented)
        yield Piece(run, key, contained=bool(chain and any(
            etree.QName(c).localname in ("hyperlink", "fldSimple") for c in chain))
            or field is not None or bool(commented), anchor=anchor)


def _has_text(run: Any, w: str) -> bool:
    return any(child.tag in {f"{{{w}}}{name}" for name in _TEXT} for child in run)


def _run_text(run: Any, w: str) -> str:
    out = []
    for child in run:
        if child.tag == f"{{{w}}}t":
            out.append(child.text or "")
        elif child.tag == f"{{{w}}}tab":
            out.append("\t")
        elif child.tag in (f"{{{w}}}br", f"{{{w}}}cr"):
            out.append("\n" if child.get(f"{{{w}}}type") in (None, "textWrapping") else "")
        elif child.tag == f"{{{w}}}noBreakHyphen":
            out.append("\u2011")
    return "".join(out)


def _set_run_text(run: Any, text: str, w: str) -> None:
    """Replace the run's text children (w:t, tabs, breaks) and nothing else."""
    from lxml import etree

    text_tags = {f"{{{w}}}{name}" for name in _TEXT}
    position = None
    for index, child in enumerate(list(run)):
        if child.tag in text_tags and (child.tag != f"{{{w}}}br" or child.get(
                f"{{{w}}}type") in (None, "textWrapping")):
            if position is None:
                position = index
            run.remove(child)
    if position is None:
        position = len(run)
    new: list[Any] = []
    for piece in re.split("(\t|\n|\u2011)", text):
        if piece == "\t":
            new.append(etree.Element(f"{{{w}}}tab"))
        elif piece == "\u2011":  # Word's non-breaking hyphen is an element, not a character
            new.append(etree.Element(f"{{{w}}}noBreakHyphen"))
        elif piece == "\n":
            new.append(etree.Element(f"{{{w}}}br"))
        elif piece:
            t = etree.Element(f"{{{w}}}t")
            t.text = piece
            t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
            new.append(t)
    for offset, element in enumerate(new):
        run.insert(position + offset, element)


class DocxDocument(Document):
    format_name = "docx"

    def __init__(self, path: Path, data: bytes, parts: list[tuple[str, str]], w: str,
                 places: dict[str, tuple[str, int]], units: list[Unit]) -> None:
        super().__init__(path, units)
        self._data = data
        self._parts = parts
        self._w = w
        #: unit id -> (part name, paragraph number in that part)
        self._places = places

    def export(self, translations: Mapping[str, str], out_path: Path) -> None:
        from lxml import etree

        self.flagged = {}
        by_part: dict[str, list[tuple[int, Unit]]] = {}
        for unit in self.units:
            if unit.id in translations:
                name, number = self._places[unit.id]
                by_part.setdefault(name, []).append((number, unit))
        written: dict[str, bytes] = {}
        with zipfile.ZipFile(io.BytesIO(self._data)) as archive:
            for name, units in by_part.items():
                if name.startswith("word/charts/"):
                    written[name] = fill_chart(archive, name, units, translations,
                                               self.flagged, (self.path.name, out_path.name))
                    continue
                part = _Part(parse_untrusted(archive.read(name), self.path.name, name), self._w,
                             _relationships(archive, name, self.path.name))
                alts = _alt_texts(part.root)
                for number, unit in units:
                    if number < 0:  # alternative text: -1 is the part's first
                        alts[-number - 1].set("descr", xml_text(_plain(translations[unit.id])))
                        continue
                    paragraph = part.paragraphs[number]
                    target = translations[unit.id]
                    problems = part.runs(paragraph).fill(target)
                    twin = part.fallback.get(paragraph)
                    if twin is not None:
                        part.runs(twin).fill(target if not problems else _plain(target))
                    if problems:
                        self.flagged[unit.id] = problems
                data = etree.tostring(part.root, xml_declaration=True, encoding="UTF-8",
                                      standalone=True)
                written[name] = check_well_formed(data, f"{out_path.name} ({name})")
            atomic_write_bytes(out_path, _rezip(archive, written))


def _relationships(archive: zipfile.ZipFile, name: str, file_name: str) -> dict[str, str]:
    """Relationship id -> target of the part *name* (its hyperlinks' addresses)."""
    folder, _, base = name.rpartition("/")
    rels = f"{folder}/_rels/{base}.rels" if folder else f"_rels/{base}.rels"
    try:
        root = parse_untrusted(archive.read(rels), file_name, rels)
    except KeyError:
        return {}
    return {r.get("Id", ""): r.get("Target", "") for r in root if r.get("Id")}


def _plain(text: str) -> str:
    from ..tags import strip_tags

    return strip_tags(text)


def _rezip(archive: zipfile.ZipFile, replaced: Mapping[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as target:
        for info in archive.infolist():
            data = replaced.get(info.filename)
            target.writestr(info, archive.read(info) if data is None else data,
                            compress_type=info.compress_type)
    return buffer.getvalue()


def _style_names(archive: zipfile.ZipFile, name: str, w: str) -> dict[str, str]:
    try:
        root = parse_untrusted(archive.read("word/styles.xml"), name, "word/styles.xml")
    except KeyError:
        return {}
    names = {}
    for style in root.iter(f"{{{w}}}style"):
        label = style.find(f"{{{w}}}name")
        names[style.get(f"{{{w}}}styleId", "")] = (label.get(f"{{{w}}}val", "")
                                                    if label is not None else "")
    return names


def load(path: Path, *, include_comments: bool = False) -> DocxDocument:
    data = read_checked(path, "Word (.docx)")
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        try:
            types = parse_untrusted(archive.read("[Content_Types].xml"), path.name,
                                    "[Content_Types].xml")
        except KeyError:
            raise DocumentError("not_valid_word_document_no", path=path.name) from None
        parts = _story_parts(types, include_comments)
        skipped = [] if include_comments else [
            name for name, _s in _story_parts(types, True) if name not in dict(parts)]
        comments = sum(_count_comments(parse_untrusted(archive.read(name), path.name, name), w_of)
                       for name in skipped if name in archive.namelist()
                       for w_of in (TRANSITIONAL, STRICT))
        if not parts or parts[0][1] != "main+xml":
            raise DocumentError("not_valid_word_document", path=path.name)
        try:
            roots = {name: parse_untrusted(archive.read(name), path.name, name)
                     for name, _suffix in parts}
        except KeyError as exc:
            raise DocumentError("damaged_part_lists_missing", path=path.name, error=exc) from None
        main = roots[parts[0][0]]
        w = main.tag[1:].split("}")[0] if main.tag.startswith("{") else ""
        if w not in (TRANSITIONAL, STRICT):
            raise DocumentError("not_word_document_read", path=path.name)
        names = _style_names(archive, path.name, w)
        charts = chart_units(archive, "word/charts/", path.name)
    units: list[Unit] = []
    places: dict[str, tuple[str, int]] = {}
    tracked = False
    for name, suffix in parts:
        part = _Part(roots[name], w)
        tracked = tracked or any(True for _ in part.root.iter(
            *(f"{{{w}}}{tag}" for tag in ("ins", "del", "moveFrom", "moveTo"))))
        for number, paragraph in enumerate(part.paragraphs):
            tagged = part.runs(paragraph).tagged
            if not _plain(tagged).strip():
                continue
            kind = _KINDS.get(suffix, "paragraph")
            style_id = _style_of(paragraph, w)
            style = names.get(style_id, style_id)
            if kind == "paragraph" and style.lower().startswith(("heading", "title")):
                kind = "heading"
            if _in(paragraph, {f"{{{w}}}txbxContent"}):
                kind = "text-box"
            unit_id = f"d{len(units) + 1}"
            units.append(Unit(unit_id, tagged, kind, meta={"part": name, "style": style}))
            places[unit_id] = (name, number)
        for number, picture in enumerate(_alt_texts(part.root)):
            unit_id = f"d{len(units) + 1}"
            units.append(Unit(unit_id, " ".join(picture.get("descr").split()), ALT_TEXT,
                              meta={"part": name}))
            places[unit_id] = (name, -number - 1)
    for name, number, tagged in charts:
        unit_id = f"d{len(units) + 1}"
        units.append(Unit(unit_id, tagged, "chart", meta={"part": name}))
        places[unit_id] = (name, number)
    if not units:
        raise DocumentError("no_text_to_translate", path=path.name)
    document = DocxDocument(path, data, parts, w, places, units)
    if tracked:
        document.notice(TRACKED_NOTICE)
    if comments:
        document.notice(Sentence("comments_left", count=comments))
    for sentence in drawing_notices(data, "word", path.name):
        document.notice(sentence)
    return document


def _alt_texts(root: Any) -> list[Any]:
    """The ``wp:docPr`` (and the picture's own ``pic:cNvPr``, where Word repeats it) of
    every picture or shape with alternative text worth a unit; Strict's namespaces too."""
    return [e for e in root.iter() if str(e.tag).endswith(("}docPr", "}cNvPr"))
            and worth_translating(e.get("descr"))]


def _count_comments(root: Any, w: str) -> int:
    return sum(1 for c in root.iter(f"{{{w}}}comment") if "".join(
        t.text or "" for t in c.iter(f"{{{w}}}t")).strip())


def _style_of(paragraph: Any, w: str) -> str:
    ppr = paragraph.find(f"{{{w}}}pPr")
    style = ppr.find(f"{{{w}}}pStyle") if ppr is not None else None
    return style.get(f"{{{w}}}val", "") if style is not None else ""
