"""A workbook with everything a translator meets (tests/data/features.xlsx, written by
XlsxWriter; see tests/data/README.md): what is translated, what is kept and said, and that
every part the translation does not concern comes back byte for byte."""

from __future__ import annotations

import re
import shutil
import zipfile
from pathlib import Path

import openpyxl
import pytest

from bayling_desktop.documents import open_document

from .coverage import export_marked, mark, unmarked

FEATURES = Path(__file__).resolve().parents[2] / "data" / "features.xlsx"


@pytest.fixture
def workbook(tmp_path: Path) -> Path:
    return Path(shutil.copy(FEATURES, tmp_path / "features.xlsx"))


def _part(path: Path, name: str) -> bytes:
    with zipfile.ZipFile(path) as archive:
        return archive.read(name)


def test_every_text_a_reader_sees_is_a_unit(workbook: Path) -> None:
    units = {u.id: (u.kind, u.source) for u in open_document(workbook).units}
    assert units["ss8"] == ("cell", "Prices are <2>final</2><3> and include </3><4>tax</4>"
                                    "<5>.</5>")
    assert [s for k, s in units.values() if k == "validation"] == [
        "Order status", "Pick a status from the list.", "Unknown status",
        "Only Done or Pending are allowed."]
    # header/footer: one unit per section, section codes never shown, fields as void tags
    assert [s for k, s in units.values() if k == "header"] == [
        "Quarterly sales report", "Confidential", "Page <x1/> of <x2/>"]
    assert [s for k, s in units.values() if k == "drawing"] == [
        "Units sold per product", "Product", "Units", "Figures are provisional."]
    assert [s for k, s in units.values() if k == "alt-text"] == ["Company logo, a red square"]
    assert not any(k == "comment" for k, _ in units.values())


def test_comments_are_optional_and_said(workbook: Path) -> None:
    document = open_document(workbook)
    assert any("1 cell comment(s)" in n for n in map(str, document.notices))
    with_comments = open_document(workbook, include_comments=True)
    assert [u.source for u in with_comments.units if u.kind == "comment"] == [
        "Best seller in spring."]
    assert not any("cell comment" in n for n in map(str, with_comments.notices))
    out = export_marked(with_comments, workbook.with_name("marked.xlsx"))
    assert b"\xe2\x80\xb9spring.\xe2\x80\xba" in _part(out, "xl/comments1.xml")


def test_marked_export_leaves_only_what_it_says_it_leaves(workbook: Path) -> None:
    document = open_document(workbook, include_comments=True)
    out = export_marked(document, workbook.with_name("marked.xlsx"))
    assert document.flagged == {}
    # "Orders" heads a table column that =SUM(Table1[Orders]) names: kept, and said
    assert unmarked(out, comments=True) == ["Orders"]
    assert any('"Orders" are named in formulas' in n for n in map(str, document.notices))
    sheet = openpyxl.load_workbook(out)["Sales"]
    assert sheet["A1"].value == "‹Product›"
    assert sheet.data_validations.dataValidation[0].prompt == "‹Pick› ‹a› ‹status› ‹from› " \
                                                              "‹the› ‹list.›"
    # the codes stayed where they were: Excel (and openpyxl) still read three sections
    assert sheet.oddFooter.left.text == "‹Confidential›"
    assert sheet.oddFooter.right.text == "‹Page› &P ‹of› &N"
    assert sheet.oddHeader.center.text == "‹Quarterly› ‹sales› ‹report›"


def test_what_the_translation_does_not_concern_comes_back_byte_for_byte(
        workbook: Path) -> None:
    out = export_marked(open_document(workbook), workbook.with_name("marked.xlsx"))
    with zipfile.ZipFile(workbook) as before, zipfile.ZipFile(out) as after:
        assert before.namelist() == after.namelist()  # nothing dropped: image, chart, vml
        changed = {n for n in before.namelist() if before.read(n) != after.read(n)}
    assert changed == {"xl/sharedStrings.xml", "xl/worksheets/sheet1.xml",
                       "xl/charts/chart1.xml", "xl/drawings/drawing1.xml", "xl/tables/table1.xml"}
    # sheet names, defined names: the workbook part is untouched (see above); formulas,
    # conditional formats and validation lists are untouched inside the changed sheet
    for pattern in (rb"<f>.*?</f>", rb"<cfRule.*?</cfRule>", rb"<formula1>.*?</formula1>",
                    rb"<c:f>.*?</c:f>", rb"<c:strCache>.*?</c:strCache>"):
        for name in ("xl/worksheets/sheet1.xml", "xl/charts/chart1.xml"):
            assert re.findall(pattern, _part(out, name)) == re.findall(
                pattern, _part(workbook, name))


def test_a_translated_header_renames_its_table_column(workbook: Path) -> None:
    document = open_document(workbook)
    out = workbook.with_name("zh.xlsx")
    document.export({"ss11": "地区", "ss12": "北方"}, out)
    table = _part(out, "xl/tables/table1.xml").decode()
    assert '<tableColumn id="1" name="地区"/>' in table
    assert '<tableColumn id="2" name="Orders"/>' in table  # named by a formula: kept
    assert openpyxl.load_workbook(out)["Summary"].tables["Table1"].tableColumns[0].name == "地区"


def test_two_headers_translated_alike_stay_unique_column_names(workbook: Path) -> None:
    document = open_document(workbook)
    out = workbook.with_name("zh.xlsx")
    document.export({"ss11": "Orders"}, out)  # the same as the next column's name
    names = re.findall(r'tableColumn id="\d" name="([^"]+)"', _part(
        out, "xl/tables/table1.xml").decode())
    assert names == ["Orders2", "Orders"]  # the one a formula names never changes


def test_texts_that_formulas_compare_with_are_named(workbook: Path) -> None:
    notices = open_document(workbook).notices
    assert any('compare cells with the text "Done", "Pending"' in n for n in map(str, notices))


def test_an_ampersand_in_a_translated_footer_stays_text(workbook: Path) -> None:
    document = open_document(workbook)
    footer = next(u for u in document.units if u.source == "Confidential")
    out = workbook.with_name("x.xlsx")
    document.export({footer.id: "R&D only"}, out)
    assert b"<oddFooter>&amp;LR&amp;&amp;D only&amp;RPage &amp;P of &amp;N</oddFooter>" in (
        _part(out, "xl/worksheets/sheet1.xml"))


def test_identity_export_gives_the_same_units(workbook: Path) -> None:
    document = open_document(workbook, include_comments=True)
    out = workbook.with_name("same.xlsx")
    document.export({u.id: u.source for u in document.units}, out)
    assert [u.source for u in open_document(out, include_comments=True).units] == [
        u.source for u in document.units]
    assert mark("a <1>b</1>") == "‹a› <1>‹b›</1>"


def test_pivot_tables_are_said_to_need_a_refresh(workbook: Path) -> None:
    """A pivot table shows its cache of the cells until Excel refreshes it."""
    assert not any("pivot" in n for n in map(str, open_document(workbook).notices))
    with zipfile.ZipFile(workbook, "a") as archive:
        archive.writestr("xl/pivotCache/pivotCacheDefinition1.xml",
                         '<pivotCacheDefinition xmlns="http://schemas.openxmlformats.org/'
                         'spreadsheetml/2006/main"/>')
    assert any("pivot tables" in n for n in map(str, open_document(workbook).notices))


THREADED = ('<ThreadedComments xmlns="http://schemas.microsoft.com/office/spreadsheetml/2018/'
            'threadedcomments"><threadedComment ref="A2" dT="2024-01-01T10:00:00.00" '
            'personId="{1}" id="{2}"><text>Best seller in spring.</text></threadedComment>'
            '<threadedComment ref="A2" dT="2024-01-02T10:00:00.00" personId="{3}" id="{4}" '
            'parentId="{2}"><text>And in summer.</text></threadedComment></ThreadedComments>')


def test_threaded_comments_are_comments_too(workbook: Path) -> None:
    """Excel 365 shows threaded comments (and writes a legacy copy for older Excel)."""
    with zipfile.ZipFile(workbook, "a") as archive:
        archive.writestr("xl/threadedComments/threadedComment1.xml", THREADED)
    assert any("2 cell comment(s)" in n for n in map(str, open_document(workbook).notices))
    document = open_document(workbook, include_comments=True)
    assert [u.source for u in document.units if u.kind == "comment"] == [
        "Best seller in spring.", "Best seller in spring.", "And in summer."]
    out = workbook.with_name("zh.xlsx")
    document.export({u.id: "春季畅销" for u in document.units if u.id.startswith("threaded")}, out)
    assert _part(out, "xl/threadedComments/threadedComment1.xml").decode().count(
        "<text>春季畅销</text>") == 2
