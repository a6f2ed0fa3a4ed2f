"""Chart titles and axis titles in presentations and Word documents are translated; the
labels that come from the chart's embedded workbook are left, and said once."""

from __future__ import annotations

import io
import shutil
import zipfile
from pathlib import Path

import pptx
import pytest
from pptx.chart.data import CategoryChartData
from pptx.enum.chart import XL_CHART_TYPE
from pptx.util import Inches

from bayling_desktop.documents import open_document
from bayling_desktop.documents.formats.charts import CACHED_LABELS

from .coverage import export_marked, unmarked
from .realfiles import sdist_files


def _deck(path: Path) -> Path:
    deck = pptx.Presentation()
    slide = deck.slides.add_slide(deck.slide_layouts[5])
    slide.shapes.title.text = "Quarterly results"
    data = CategoryChartData()
    data.categories = ["Green tea", "Black tea"]
    data.add_series("Units", (120, 80))
    chart = slide.shapes.add_chart(XL_CHART_TYPE.COLUMN_CLUSTERED, Inches(1), Inches(1),
                                   Inches(6), Inches(4), data).chart
    chart.has_title = True
    chart.chart_title.text_frame.text = "Units sold per product"
    chart.value_axis.has_title = True
    chart.value_axis.axis_title.text_frame.text = "Units"
    deck.save(str(path))
    return path


def test_presentation_chart_titles_are_units_and_labels_are_said(tmp_path: Path) -> None:
    document = open_document(_deck(tmp_path / "deck.pptx"))
    assert [(u.id, u.source) for u in document.units if u.kind == "chart"] == [
        ("chart1-1", "Units sold per product"), ("chart1-2", "Units")]
    assert document.notices == [CACHED_LABELS]
    out = export_marked(document, tmp_path / "marked.pptx")
    assert unmarked(out) == []
    chart = pptx.Presentation(str(out)).slides[0].shapes[1].chart
    assert chart.chart_title.text_frame.text == "‹Units› ‹sold› ‹per› ‹product›"
    assert list(chart.plots[0].categories) == ["Green tea", "Black tea"]  # the cache: kept


def test_word_chart_title_is_a_unit(tmp_path: Path) -> None:
    """python-docx's own test file with a chart (MIT), given a title as Word writes one."""
    found = [p for p in sdist_files("python-docx", ".docx")
             if p.name == "shp-inline-shape-access.docx"]
    if not found:
        pytest.skip("python-docx's test files are not available")
    title = (b'<c:title><c:tx><c:rich><a:bodyPr/><a:p><a:r><a:t>Sales by quarter</a:t></a:r>'
             b"</a:p></c:rich></c:tx><c:overlay val=\"0\"/></c:title>")
    path = tmp_path / "chart.docx"
    buffer = io.BytesIO()
    with zipfile.ZipFile(shutil.copy(found[0], tmp_path / "orig.docx")) as source, \
            zipfile.ZipFile(buffer, "w") as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "word/charts/chart1.xml":
                data = data.replace(b"<c:chart>", b"<c:chart>" + title, 1)
            target.writestr(info, data)
    path.write_bytes(buffer.getvalue())
    document = open_document(path)
    assert [u.source for u in document.units if u.kind == "chart"] == ["Sales by quarter"]
    assert CACHED_LABELS in document.notices
    out = export_marked(document, tmp_path / "marked.docx")
    assert unmarked(out) == []
