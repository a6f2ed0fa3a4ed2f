"""OpenDocument Text (.odt): headings and paragraphs of content.xml (tables and lists
included); spans, links and line breaks travel as numbered tags. The archive is
rewritten with every other entry copied unchanged, ``mimetype`` first and stored."""

from __future__ import annotations

import copy
import io
import zipfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from ..errors import DocumentError
from ..fileio import atomic_write_bytes
from .model import Document, Unit
from .tags import strip_tags
from .xmlinline import fill_inline, tagged_inline
from .xmlsafe import parse_untrusted
from .ziputil import read_checked

TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
_BLOCKS = (f"{{{TEXT}}}p", f"{{{TEXT}}}h")


class OdtDocument(Document):
    format_name = "odt"

    def __init__(self, path: Path, data: bytes, tree: Any, positions: dict[str, int],
                 units: list[Unit]) -> None:
        super().__init__(path, units)
        self._data = data
        self._tree = tree
        self._positions = positions

    def export(self, translations: Mapping[str, str], out_path: Path) -> None:
        from lxml import etree

        tree = copy.deepcopy(self._tree)
        in_order = list(tree.getroot().iter())
        self.flagged = {}
        for unit in self.units:
            if unit.id in translations:
                problems = fill_inline(in_order[self._positions[unit.id]], unit.source,
                                       translations[unit.id])
                if problems:
                    self.flagged[unit.id] = problems
        content = etree.tostring(tree, xml_declaration=True, encoding="UTF-8")
        buffer = io.BytesIO()
        with zipfile.ZipFile(io.BytesIO(self._data)) as source, \
                zipfile.ZipFile(buffer, "w") as target:
            for info in source.infolist():
                data = content if info.filename == "content.xml" else source.read(info)
                kind = zipfile.ZIP_STORED if info.filename == "mimetype" else (
                    zipfile.ZIP_DEFLATED)
                target.writestr(info, data, compress_type=kind)
        atomic_write_bytes(out_path, buffer.getvalue())


def load(path: Path, *, include_comments: bool = False) -> OdtDocument:
    from lxml import etree

    data = read_checked(path, "OpenDocument (.odt)")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            content = archive.read("content.xml")
    except KeyError:
        raise DocumentError(f"{path.name} has no content.xml: it is not an OpenDocument "
                            "text file.") from None
    tree = etree.ElementTree(parse_untrusted(content, path.name, "content.xml"))
    everything = list(tree.getroot().iter())
    units: list[Unit] = []
    positions: dict[str, int] = {}
    for position, element in enumerate(everything):
        if element.tag not in _BLOCKS:
            continue
        if any(a.tag in _BLOCKS for a in element.iterancestors()):
            continue  # a note inside a paragraph travels with its paragraph
        text = tagged_inline(element)
        if not strip_tags(text).strip():
            continue
        unit_id = f"o{len(units) + 1}"
        units.append(Unit(unit_id, text, "heading" if element.tag.endswith("}h")
                          else "paragraph"))
        positions[unit_id] = position
    if not units:
        raise DocumentError(f"{path.name} holds no text to translate.")
    return OdtDocument(path, data, tree, positions, units)
