"""Excel .xlsx: the text a reader of the workbook sees. Every shared string
(``xl/sharedStrings.xml``) and inline string cell is a unit, and so are data-validation
messages, printed headers and footers, chart and axis titles and text boxes (and cell
comments when asked for; see :mod:`.xlsxparts`). Rich text runs travel as numbered tags.

Never touched: formulas and their cached results, numbers, dates, defined names, and
sheet names (a sheet name is part of every formula that refers to it). A table's column
names must equal its header cells, so a translated header renames its column too, unless
a formula refers to the column by name (``Table1[Orders]``): then that header keeps its
text and the user is told. Formulas, conditional formats and validation lists that
compare cells with a text (``IF(B2="Done",…)``) are not rewritten; the user is told which
texts to check.

The workbook is edited at the part level rather than loaded and saved by openpyxl,
because openpyxl drops what it does not model (charts, images, pivot caches) when it
saves; every other part is copied byte for byte. openpyxl is the check that a file is a
workbook at all and what the tests read the result with.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from ...errors import DocumentError
from ...fileio import atomic_write_bytes
from ...sentences import Sentence
from ..model import Document, Unit
from ..tags import strip_tags
from ..xmlsafe import check_well_formed, parse_untrusted
from ..ziputil import SMARTART_LEFT, drawing_text_parts, read_checked
from .xlsxguard import Guard
from .xlsxparts import SHARED, items, kind_of_part, unit_prefix

S = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
STRICT = "http://purl.oclc.org/ooxml/spreadsheetml/main"
#: a pivot table shows its cache of the cells until Excel refreshes it
PIVOT_NOTICE = Sentence("left_untranslated", what=Sentence("part_pivot_tables"))


def _namespace(root: Any) -> str:
    return STRICT if str(root.tag).startswith(f"{{{STRICT}}}") else S


def _parts(archive: zipfile.ZipFile, include_comments: bool) -> list[str]:
    """The parts holding units, in the order their units are listed."""
    def order(name: str) -> tuple[int, int, str]:
        rank = {"cells": 0, "sheet": 1, "drawing": 2, "comments": 3}[kind_of_part(name) or ""]
        return rank, len(name), name

    return sorted((n for n in archive.namelist() if kind_of_part(n) is not None and (
        include_comments or kind_of_part(n) != "comments")), key=order)


class XlsxDocument(Document):
    format_name = "xlsx"

    def __init__(self, path: Path, data: bytes, places: dict[str, tuple[str, int]],
                 units: list[Unit], guard: Guard) -> None:
        super().__init__(path, units)
        self._data = data
        self._places = places
        self._guard = guard

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
                found = items(name, root, _namespace(root))
                for number, unit in units:
                    problems = found[number].fill(translations[unit.id])
                    if problems:
                        self.flagged[unit.id] = problems
                replaced[name] = _serialise(etree, root, out_path.name, name)
            renamed = self._guard.rename_columns(archive, translations, self.path.name)
            replaced.update({n: check_well_formed(d, f"{out_path.name} ({n})")
                             for n, d in renamed.items()})
            buffer = io.BytesIO()
            with zipfile.ZipFile(buffer, "w") as target:
                for info in archive.infolist():
                    body = replaced.get(info.filename)
                    target.writestr(info, archive.read(info) if body is None else body,
                                    compress_type=info.compress_type)
        atomic_write_bytes(out_path, buffer.getvalue())


def _serialise(etree: Any, root: Any, out_name: str, part: str) -> bytes:
    data = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    return check_well_formed(data, f"{out_name} ({part})")


def load(path: Path, *, include_comments: bool = False) -> XlsxDocument:
    data = read_checked(path, "Excel (.xlsx)")
    _check_workbook(data, path.name)
    units: list[Unit] = []
    places: dict[str, tuple[str, int]] = {}
    counters: dict[str, int] = {}
    #: comments left out, legacy and threaded (Excel 365 writes both for one comment)
    comments = {False: 0, True: 0}
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for name in _parts(archive, True):
            root = parse_untrusted(archive.read(name), path.name, name)
            if kind_of_part(name) == "comments" and not include_comments:
                comments[name.startswith("xl/threadedComments/")] += sum(
                    1 for i in items(name, root, _namespace(root)) if strip_tags(i.tagged).strip())
                continue
            for number, item in enumerate(items(name, root, _namespace(root))):
                if not strip_tags(item.tagged).strip():
                    continue
                unit_id = _unit_id(name, item.kind, number, counters)
                units.append(Unit(unit_id, item.tagged, item.kind))
                places[unit_id] = (name, number)
        guard = Guard.read(archive, path.name, {u.id for u in units if u.id.startswith("ss")})
        pivots = any(n.startswith("xl/pivotCache/") for n in archive.namelist())
    notices = guard.notices(units)
    units = [u for u in units if u.id not in guard.kept]
    if not units:
        raise DocumentError("workbook_no_text", path=path.name)
    document = XlsxDocument(path, data, places, units, guard)
    for sentence in notices:
        document.notice(sentence)
    if comments[True] or comments[False]:
        document.notice(Sentence("cell_comments_left", count=comments[True] or comments[False]))
    if pivots:
        document.notice(PIVOT_NOTICE)
    if drawing_text_parts(data, ("xl/diagrams/",)):
        document.notice(SMARTART_LEFT)
    return document


def _unit_id(name: str, kind: str, number: int, counters: dict[str, int]) -> str:
    """Stable ids: ``ss3`` for shared string 3, ``sheet1-0`` for inline strings (as before
    sheets had other units), ``sheet1-header1``, ``chart1-drawing2``, ``comments1-comment1``."""
    if name == SHARED:
        return f"ss{number}"
    prefix = unit_prefix(name)
    if kind == "cell":
        return f"{prefix}-{number}"
    key = f"{prefix}-{kind}"
    counters[key] = counters.get(key, 0) + 1
    return f"{key}{counters[key]}"


def _check_workbook(data: bytes, name: str) -> None:
    import openpyxl

    try:
        workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True)
        workbook.close()
    except Exception as exc:  # openpyxl raises KeyError, InvalidFileException, ValueError…
        raise DocumentError("not_valid_excel_workbook", name=name,
                            error=type(exc).__name__) from None
