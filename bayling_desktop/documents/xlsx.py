"""Excel .xlsx: string cells only. Every shared string (``xl/sharedStrings.xml``) and every
inline string cell is a unit; formulas, their cached results, numbers, dates and sheet
names are never touched (a sheet name is part of every formula that refers to it). Rich
text runs travel as numbered tags.

The workbook is edited at the part level rather than loaded and saved by openpyxl,
because openpyxl drops what it does not model (charts, images, pivot caches) when it
saves; openpyxl is the check that a file is a workbook at all and what the tests read
the result with.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from ..errors import DocumentError
from ..fileio import atomic_write_bytes
from .model import Document, Unit
from .runs import Piece, Runs
from .tags import strip_tags
from .xmlsafe import check_well_formed, parse_untrusted
from .ziputil import LEFT_BEHIND, drawing_text_parts, read_checked

S = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
STRICT = "http://purl.oclc.org/ooxml/spreadsheetml/main"
SHARED = "xl/sharedStrings.xml"


def _string_items(name: str, root: Any, ns: str) -> Iterator[Any]:
    """The ``si`` (shared strings) or ``is`` (inline string cells) elements of a part."""
    if name == SHARED:
        yield from root.iter(f"{{{ns}}}si")
        return
    for cell in root.iter(f"{{{ns}}}c"):
        if cell.get("t") == "inlineStr":
            inline = cell.find(f"{{{ns}}}is")
            if inline is not None:
                yield inline


def _runs(item: Any, ns: str) -> Runs:
    from lxml import etree

    pieces = []
    plain = item.find(f"{{{ns}}}t")
    if plain is not None:
        pieces.append(Piece(plain, b"", anchor=plain))
    for run in item.findall(f"{{{ns}}}r"):
        rpr = run.find(f"{{{ns}}}rPr")
        pieces.append(Piece(run, etree.tostring(rpr) if rpr is not None else b"", anchor=run))

    def get(element: Any) -> str:
        text = element if element.tag == f"{{{ns}}}t" else element.find(f"{{{ns}}}t")
        return text.text or "" if text is not None else ""

    def put(element: Any, value: str) -> None:
        text = element if element.tag == f"{{{ns}}}t" else element.find(f"{{{ns}}}t")
        if text is None:
            text = etree.SubElement(element, f"{{{ns}}}t")
        text.text = value
        if value != value.strip():
            text.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")

    return Runs(pieces, get, put)


def _parts(archive: zipfile.ZipFile) -> list[str]:
    names = archive.namelist()
    sheets = sorted((n for n in names if n.startswith("xl/worksheets/") and n.endswith(".xml")),
                    key=lambda n: (len(n), n))
    return ([SHARED] if SHARED in names else []) + sheets


class XlsxDocument(Document):
    format_name = "xlsx"

    def __init__(self, path: Path, data: bytes, ns: str,
                 places: dict[str, tuple[str, int]], units: list[Unit]) -> None:
        super().__init__(path, units)
        self._data = data
        self._ns = ns
        self._places = places

    def export(self, translations: Mapping[str, str], out_path: Path) -> None:
        from lxml import etree

        self.flagged = {}
        wanted: dict[str, list[tuple[int, Unit]]] = {}
        for unit in self.units:
            if unit.id in translations:
                name, number = self._places[unit.id]
                wanted.setdefault(name, []).append((number, unit))
        replaced: dict[str, bytes] = {}
        with zipfile.ZipFile(io.BytesIO(self._data)) as archive:
            for name, units in wanted.items():
                root = parse_untrusted(archive.read(name), self.path.name, name)
                items = list(_string_items(name, root, self._ns))
                for number, unit in units:
                    problems = _runs(items[number], self._ns).fill(translations[unit.id])
                    if problems:
                        self.flagged[unit.id] = problems
                data = etree.tostring(root, xml_declaration=True, encoding="UTF-8",
                                      standalone=True)
                replaced[name] = check_well_formed(data, f"{out_path.name} ({name})")
            buffer = io.BytesIO()
            with zipfile.ZipFile(buffer, "w") as target:
                for info in archive.infolist():
                    body = replaced.get(info.filename)
                    target.writestr(info, archive.read(info) if body is None else body,
                                    compress_type=info.compress_type)
        atomic_write_bytes(out_path, buffer.getvalue())


def load(path: Path) -> XlsxDocument:
    data = read_checked(path, "Excel (.xlsx)")
    _check_workbook(data, path.name)
    units: list[Unit] = []
    places: dict[str, tuple[str, int]] = {}
    ns = S
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for name in _parts(archive):
            root = parse_untrusted(archive.read(name), path.name, name)
            ns = STRICT if root.tag.startswith(f"{{{STRICT}}}") else S
            for number, item in enumerate(_string_items(name, root, ns)):
                tagged = _runs(item, ns).tagged
                if not strip_tags(tagged).strip():
                    continue
                unit_id = (f"ss{number}" if name == SHARED
                           else f"{Path(name).stem}-{number}")
                units.append(Unit(unit_id, tagged, "cell"))
                places[unit_id] = (name, number)
    if not units:
        raise DocumentError(f"{path.name} holds no text to translate (only numbers, "
                            "formulas or empty cells).")
    document = XlsxDocument(path, data, ns, places, units)
    if drawing_text_parts(data, ("xl/charts/", "xl/drawings/", "xl/diagrams/")):
        document.notice(LEFT_BEHIND.format(what="charts, text boxes or SmartArt graphics"))
    return document


def _check_workbook(data: bytes, name: str) -> None:
    import openpyxl

    try:
        workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True)
        workbook.close()
    except Exception as exc:  # openpyxl raises KeyError, InvalidFileException, ValueError…
        raise DocumentError(f"{name} is not a valid Excel workbook "
                            f"({type(exc).__name__}).") from None
