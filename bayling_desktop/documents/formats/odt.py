"""OpenDocument Text (.odt), all of it: every heading and paragraph of content.xml wherever
it sits — tables, lists, text frames and text boxes (``draw:frame``), footnotes and
endnotes (``text:note``) — the headers and footers of the master pages in styles.xml,
and, when asked for, annotations (``office:annotation``). A picture's or shape's
alternative text (``svg:title``, ``svg:desc``) is a unit too.

Spans and links travel as paired tags; line breaks, tabs, spaces, fields (dates, page
numbers, user fields, template placeholders) and anything that holds paragraphs of its
own (a note, a frame, an annotation) travel as void tags and come back untouched, their
inner paragraphs being units of their own. Template code (``{{ … }}``, ``${…}``) is
protected by the translation layer (:mod:`.protect`); link targets are attributes and
never sent. The archive is rewritten with every other entry copied unchanged,
``mimetype`` first and stored.
"""

from __future__ import annotations

import copy
import io
import zipfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from ...errors import DocumentError
from ...fileio import atomic_write_bytes
from ...sentences import Sentence
from ..alttext import KIND as ALT_TEXT
from ..alttext import worth_translating
from ..model import Document, Unit
from ..tags import strip_tags
from ..xmlinline import fill_inline, tagged_inline
from ..xmlsafe import check_well_formed, parse_untrusted
from ..ziputil import read_checked

TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
SVG = "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
_BLOCKS = (f"{{{TEXT}}}p", f"{{{TEXT}}}h")
#: a frame's or shape's alternative text (title and description): plain text elements
_ALT = (f"{{{SVG}}}title", f"{{{SVG}}}desc")
#: inline elements that hold paragraphs of their own
_HOLDERS = {"note", "frame", "annotation", "annotation-end", "custom-shape", "rect", "g"}
#: fields: their text is computed by the office suite (or is template code)
_FIELDS = {"date", "time", "page-number", "page-count", "page-continuation", "user-field-get",
           "user-defined", "variable-get", "variable-set", "sequence", "chapter",
           "author-name", "author-initials", "title", "subject", "file-name", "template-name",
           "sender-firstname", "sender-lastname", "placeholder", "expression", "text-input",
           "drop-down", "database-display", "reference-ref", "bookmark-ref", "note-ref",
           "sequence-ref", "word-count", "character-count", "paragraph-count",
           "table-formula", "conditional-text", "hidden-text", "meta-field", "toc-mark",
           "alphabetical-index-mark", "bibliography-mark"}
#: the document-information fields (``text:creation-date``, ``text:print-time``,
#: ``text:editing-duration``…) and database/user fields by the shape of their names
_FIELD_ENDINGS = ("-date", "-time", "-duration", "-cycles", "-field", "-field-get",
                  "-creator", "printed-by", "-input", "keywords", "description")
_PARTS = ("content.xml", "styles.xml")


def _local(element: Any) -> str:
    return element.tag.rsplit("}", 1)[-1] if isinstance(element.tag, str) else ""


#: link targets that are template code, not addresses: relatorio's
#: ``relatorio://for each="line in items"`` and py3o's ``py3o://for="item in items"``
#: directives are links whose text is the directive again; translated, the template no
#: longer renders
TEMPLATE_LINKS = ("relatorio://", "py3o://")


def computed(name: str) -> bool:
    """Whether the ODF text element *name* (local name) is a field: its text is computed
    by the office suite (a date, a page number, a user field) or is template code."""
    return name in _FIELDS or name.endswith(_FIELD_ENDINGS)


def travels_whole(child: Any) -> bool:
    """Notes, frames, fields and template directives travel whole; a span around one is a
    tag like any other (tags nest), so its own words are still translated."""
    name = _local(child)
    if name in _HOLDERS or computed(name):
        return True
    href = next((v for k, v in child.attrib.items() if k.rsplit("}", 1)[-1] == "href"), "")
    return href.strip().lower().startswith(TEMPLATE_LINKS)


def _paragraphs(name: str, root: Any, include_comments: bool) -> list[tuple[int, Any]]:
    """(position, element) of the blocks of one part that hold text to translate."""
    found = []
    for position, element in enumerate(root.iter()):
        if element.tag not in _BLOCKS and not (
                element.tag in _ALT and worth_translating(element.text)):
            continue
        ancestors = [_local(a) for a in element.iterancestors()]
        if name == "styles.xml" and "master-styles" not in ancestors:
            continue  # paragraph styles' sample text, not the document
        if not include_comments and "annotation" in ancestors:
            continue
        if "tracked-changes" in ancestors:
            continue  # the text of a recorded deletion: not in the document any more
        found.append((position, element))
    return found


class OdtDocument(Document):
    format_name = "odt"

    def __init__(self, path: Path, data: bytes, trees: dict[str, Any],
                 positions: dict[str, tuple[str, int]], units: list[Unit]) -> None:
        super().__init__(path, units)
        self._data = data
        self._trees = trees
        self._positions = positions

    def export(self, translations: Mapping[str, str], out_path: Path) -> None:
        from lxml import etree

        trees = {name: copy.deepcopy(tree) for name, tree in self._trees.items()}
        in_order = {name: list(tree.getroot().iter()) for name, tree in trees.items()}
        self.flagged = {}
        for unit in self.units:
            if unit.id in translations:
                part, position = self._positions[unit.id]
                problems = fill_inline(in_order[part][position], unit.source,
                                       translations[unit.id])
                if problems:
                    self.flagged[unit.id] = problems
        replaced = {name: check_well_formed(
            etree.tostring(tree, xml_declaration=True, encoding="UTF-8"),
            f"{out_path.name} ({name})") for name, tree in trees.items()}
        buffer = io.BytesIO()
        with zipfile.ZipFile(io.BytesIO(self._data)) as source, \
                zipfile.ZipFile(buffer, "w") as target:
            infos = sorted(source.infolist(), key=lambda i: i.filename != "mimetype")
            for info in infos:
                data = replaced.get(info.filename)
                kind = zipfile.ZIP_STORED if info.filename == "mimetype" else (
                    zipfile.ZIP_DEFLATED)
                target.writestr(info, source.read(info) if data is None else data,
                                compress_type=kind)
        atomic_write_bytes(out_path, buffer.getvalue())


def load(path: Path, *, include_comments: bool = False) -> OdtDocument:
    from lxml import etree

    data = read_checked(path, "OpenDocument (.odt)")
    trees: dict[str, Any] = {}
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        names = set(archive.namelist())
        if "content.xml" not in names:
            raise DocumentError("no_content_xml_not", path=path.name)
        for name in _PARTS:
            if name in names:
                trees[name] = etree.ElementTree(parse_untrusted(archive.read(name), path.name,
                                                                name))
    units: list[Unit] = []
    positions: dict[str, tuple[str, int]] = {}
    for name, tree in trees.items():
        for position, element in _paragraphs(name, tree.getroot(), include_comments):
            # ODF collapses white space like HTML (runs of spaces are text:s elements)
            text = " ".join(tagged_inline(element, travels_whole).split())
            if not strip_tags(text).strip():
                continue
            ancestors = {_local(a) for a in element.iterancestors()}
            kind = (ALT_TEXT if element.tag in _ALT else
                    "comment" if "annotation" in ancestors else
                    "footnote" if "note" in ancestors else
                    "text-box" if "frame" in ancestors else
                    "header" if ancestors & {"header", "header-left", "header-first"} else
                    "footer" if ancestors & {"footer", "footer-left", "footer-first"} else
                    "heading" if element.tag.endswith("}h") else "paragraph")
            unit_id = f"o{len(units) + 1}"
            units.append(Unit(unit_id, text, kind, meta={"part": name}))
            positions[unit_id] = (name, position)
    if not units:
        raise DocumentError("no_text_to_translate", path=path.name)
    document = OdtDocument(path, data, trees, positions, units)
    annotations = 0 if include_comments else sum(
        1 for tree in trees.values() for a in tree.getroot().iter(f"{{{OFFICE}}}annotation")
        if "".join(a.itertext()).strip())
    if annotations:
        document.notice(Sentence("annotations_left", count=annotations))
    return document
