"""What translating a workbook's cells can break elsewhere in it, found before export.

* A table's column names (``xl/tables/tableN.xml``) must equal its header cells, or Excel
  "repairs" the file on opening. A translated header renames its column; a header that a
  formula names (``=SUM(Table1[Orders])``) keeps its text instead, and the user is told.
* Formulas, conditional formats and validation lists that compare cells with a text
  (``IF(B2="Done",…)``, a list ``"Done,Pending"``) are not rewritten: the user is told which
  texts to check once the cells are translated.
"""

from __future__ import annotations

import posixpath
import re
import zipfile
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from ...sentences import Sentence
from ..model import Unit
from ..tags import strip_tags
from ..xmlsafe import parse_untrusted, xml_text

_LITERAL = re.compile(r'"((?:[^"]|"")*)"')
_CELL = re.compile(r"([A-Z]+)(\d+)")
REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"


@dataclass
class _Column:
    table: str  # the table part
    index: int  # position among the table's columns
    unit_id: str  # the shared string its header cell shows


@dataclass
class Guard:
    columns: list[_Column] = field(default_factory=list)
    #: shared-string units kept as they are (a formula names their table column)
    kept: set[str] = field(default_factory=set)
    literals: set[str] = field(default_factory=set)
    name: str = ""

    @classmethod
    def read(cls, archive: zipfile.ZipFile, name: str, shared: set[str]) -> Guard:
        guard = cls(name=name)
        formulas: list[str] = []
        names = archive.namelist()
        for part in names:
            if not part.endswith(".xml") or not part.startswith(("xl/worksheets/", "xl/tables/",
                                                                 "xl/workbook")):
                continue
            root = parse_untrusted(archive.read(part), name, part)
            for element in root.iter():
                local = str(element.tag).rsplit("}", 1)[-1]
                if local in ("f", "formula", "formula1", "formula2", "definedName",
                             "calculatedColumnFormula", "totalsRowFormula") and element.text:
                    formulas.append(element.text)
                elif local == "cfRule" and element.get("text"):
                    guard.literals.add(element.get("text"))
            if part.startswith("xl/worksheets/sheet"):
                guard._read_tables(archive, part, root, shared)
        for formula in formulas:
            for literal in _LITERAL.findall(formula):
                guard.literals.update(v.strip() for v in literal.replace('""', '"').split(","))
        folded = " ".join(formulas).casefold()
        header_names = _header_names(archive, guard.columns, name)
        for column in guard.columns:
            if f"[{header_names[id(column)].casefold()}]" in folded:
                guard.kept.add(column.unit_id)
        return guard

    def _read_tables(self, archive: zipfile.ZipFile, sheet: str, root: Any,
                     shared: set[str]) -> None:
        """The header cells of the tables on *sheet* that show a shared string."""
        rels = posixpath.join(posixpath.dirname(sheet), "_rels",
                              posixpath.basename(sheet) + ".rels")
        if rels not in archive.namelist():
            return
        targets = {r.get("Id"): r.get("Target") for r in
                   parse_untrusted(archive.read(rels), self.name, rels)}
        ns = str(root.tag)[1:].split("}")[0]
        cells = {c.get("r"): c for c in root.iter(f"{{{ns}}}c")}
        for part in root.iter(f"{{{ns}}}tablePart"):
            target = targets.get(part.get(REL))
            if not target:
                continue
            table = posixpath.normpath(posixpath.join(posixpath.dirname(sheet), target))
            if table not in archive.namelist():
                continue
            spec = parse_untrusted(archive.read(table), self.name, table)
            match = _CELL.match(spec.get("ref", ""))
            if match is None or spec.get("headerRowCount") == "0":
                continue
            first = _column_number(match.group(1))
            for index, _ in enumerate(spec.iter(f"{{{ns}}}tableColumn")):
                cell = cells.get(f"{_column_letters(first + index)}{match.group(2)}")
                if cell is not None and cell.get("t") == "s":
                    value = cell.find(f"{{{ns}}}v")
                    unit_id = f"ss{(value.text or '').strip()}" if value is not None else ""
                    if unit_id in shared:
                        self.columns.append(_Column(table, index, unit_id))

    def notices(self, units: list[Unit]) -> list[Sentence]:
        out = []
        kept = [strip_tags(u.source) for u in units if u.id in self.kept]
        if kept:
            out.append(Sentence("xlsx_columns_in_formulas", path=self.name, columns=_quoted(kept)))
        wanted = {v.casefold() for v in self.literals if v}
        compared = sorted({strip_tags(u.source).strip() for u in units if u.kind == "cell"
                           and strip_tags(u.source).strip().casefold() in wanted})
        if compared:
            out.append(Sentence("xlsx_text_in_formulas", path=self.name, texts=_quoted(compared)))
        return out

    def rename_columns(self, archive: zipfile.ZipFile, translations: Mapping[str, str],
                       name: str) -> dict[str, bytes]:
        """The table parts whose column names follow their translated header cells."""
        from lxml import etree

        out: dict[str, bytes] = {}
        for table in sorted({c.table for c in self.columns}):
            renames = {c.index: translations[c.unit_id] for c in self.columns
                       if c.table == table and c.unit_id in translations
                       and c.unit_id not in self.kept}
            if not renames:
                continue
            root = parse_untrusted(archive.read(table), name, table)
            columns = [c for c in root.iter() if str(c.tag).endswith("}tableColumn")]
            # names must stay unique within a table: a translated one that meets another
            # gets a number, as Excel itself does ("Orders2"); the others never change
            taken = {c.get("name", "").casefold() for n, c in enumerate(columns)
                     if n not in renames}
            for index, text in sorted(renames.items()):
                base = candidate = xml_text(" ".join(strip_tags(text).split()))
                number = 2
                while candidate.casefold() in taken:
                    candidate, number = f"{base}{number}", number + 1
                columns[index].set("name", candidate)
                taken.add(candidate.casefold())
            out[table] = etree.tostring(root, xml_declaration=True, encoding="UTF-8",
                                        standalone=True)
        return out


def _header_names(archive: zipfile.ZipFile, columns: list[_Column], name: str) -> dict[int, str]:
    names: dict[int, str] = {}
    for table in {c.table for c in columns}:
        root = parse_untrusted(archive.read(table), name, table)
        spec = [c.get("name", "") for c in root.iter() if str(c.tag).endswith("}tableColumn")]
        for column in columns:
            if column.table == table:
                names[id(column)] = spec[column.index]
    return names


def _quoted(texts: list[str]) -> str:
    shown = ", ".join(f'"{t}"' for t in texts[:5])
    return shown + (f" and {len(texts) - 5} more" if len(texts) > 5 else "")


def _column_number(letters: str) -> int:
    number = 0
    for char in letters:
        number = number * 26 + ord(char) - 64
    return number


def _column_letters(number: int) -> str:
    letters = ""
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(65 + rest) + letters
    return letters
