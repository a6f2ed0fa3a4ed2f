"""Charts inside Word documents and presentations (``word/charts/``, ``ppt/charts/``):
their titles and axis titles are DrawingML paragraphs, translated like a slide's text
(:func:`.pptx.drawing_runs`). Category and series labels are a cache of the workbook
embedded in the chart (``c:strCache``): translating the cache alone would be undone the
first time the chart's data is edited, so they are left and the user is told once."""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Mapping
from typing import Any

from ...flags import Flag
from ...sentences import Sentence
from ..model import Unit
from ..tags import strip_tags
from ..xmlsafe import check_well_formed, parse_untrusted
from ..ziputil import SMARTART_LEFT, drawing_text_parts

A = "http://schemas.openxmlformats.org/drawingml/2006/main"
C = "http://schemas.openxmlformats.org/drawingml/2006/chart"


def chart_parts(archive: zipfile.ZipFile, folder: str) -> list[str]:
    """The chart parts under *folder*, in number order (chart2 before chart10)."""
    def number(name: str) -> int:
        found = re.search(r"(\d+)\.xml$", name)
        return int(found.group(1)) if found else 0

    return sorted((n for n in archive.namelist()
                   if re.fullmatch(re.escape(folder) + r"chart\d*\.xml", n)), key=number)


def chart_paragraphs(root: Any) -> list[Any]:
    return list(root.iter(f"{{{A}}}p"))


def read_chart(archive: zipfile.ZipFile, name: str, document: str) -> Any:
    return parse_untrusted(archive.read(name), document, name)


def chart_units(archive: zipfile.ZipFile, folder: str,
                document: str) -> list[tuple[str, int, str]]:
    """(part, paragraph number, tagged text) of every chart title and axis title."""
    from .pptx import drawing_runs

    found = []
    for name in chart_parts(archive, folder):
        for number, paragraph in enumerate(chart_paragraphs(read_chart(archive, name,
                                                                       document))):
            tagged = drawing_runs(paragraph).tagged
            if strip_tags(tagged).strip():
                found.append((name, number, tagged))
    return found


def fill_chart(archive: zipfile.ZipFile, name: str, units: list[tuple[int, Unit]],
               translations: Mapping[str, str], flagged: dict[str, list[Flag]],
               names: tuple[str, str]) -> bytes:
    """The chart part *name* with *units* (paragraph number, unit) translated; problems go
    into *flagged*. *names*: the document's and the output's file names, for messages."""
    from lxml import etree

    from .pptx import drawing_runs

    root = read_chart(archive, name, names[0])
    paragraphs = chart_paragraphs(root)
    for number, unit in units:
        problems = drawing_runs(paragraphs[number]).fill(translations[unit.id])
        if problems:
            flagged[unit.id] = problems
    data = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    return check_well_formed(data, f"{names[1]} ({name})")


#: the one sentence for chart labels a format cannot translate where they live
CACHED_LABELS = Sentence("chart_labels_left")


def drawing_notices(data: bytes, package: str, document: str) -> list[Sentence]:
    """What an office package's drawings keep in the source language: SmartArt text under
    ``{package}/diagrams/`` and chart labels from cached data under ``{package}/charts/``
    (Word's ``word``, PowerPoint's ``ppt``)."""
    found = [SMARTART_LEFT] if drawing_text_parts(data, (f"{package}/diagrams/",)) else []
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        if cached_labels(archive, f"{package}/charts/", document):
            found.append(CACHED_LABELS)
    return found


def cached_labels(archive: zipfile.ZipFile, folder: str, document: str) -> bool:
    """Whether any chart under *folder* shows text labels from its cached data."""
    for name in chart_parts(archive, folder):
        root = read_chart(archive, name, document)
        for cache in root.iter(f"{{{C}}}strCache"):
            if any(re.search(r"[^\W\d_]", v.text or "") for v in cache.iter(f"{{{C}}}v")):
                return True
    return False
