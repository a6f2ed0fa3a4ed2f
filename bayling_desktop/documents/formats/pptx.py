"""PowerPoint .pptx: every paragraph of every slide in order — titles, text boxes, grouped
shapes, tables — then the slide's speaker notes. Runs with their own formatting
(bold, a hyperlink) travel as numbered tags; line breaks and fields (slide number,
date) are void tags the model keeps in place. The alternative text of pictures and
shapes (``descr``) is a unit of its own after the slides' text. Read and saved through
python-pptx, which keeps every other part (layouts, media, charts) as it was; text is
filled into the existing runs (:mod:`.runs`), so paragraph and run properties are untouched.
Chart titles and axis titles are units after the slides; SmartArt keeps its text
untranslated (its drawing is a cache PowerPoint rebuilds from data it lays out itself),
and says so.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from ...errors import DocumentError
from ...fileio import atomic_write_bytes
from ...flags import Flag
from ..alttext import KIND as ALT_TEXT
from ..alttext import worth_translating
from ..model import Document, Unit
from ..runs import Piece, Runs
from ..tags import strip_tags
from ..xmlsafe import xml_text
from ..ziputil import read_checked
from .charts import drawing_notices

A = "http://schemas.openxmlformats.org/drawingml/2006/main"


def _open(data: bytes, name: str) -> Any:
    import pptx

    if b"purl.oclc.org/ooxml/presentationml" in _part(data, "ppt/presentation.xml"):
        raise DocumentError("saved_strict_open_xml", name=name)
    try:
        return pptx.Presentation(io.BytesIO(data))
    except Exception as exc:  # python-pptx raises KeyError, ValueError, its own errors…
        raise DocumentError("not_valid_powerpoint_presentation", name=name,
                            error=type(exc).__name__) from None


def _part(data: bytes, name: str) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return archive.read(name) if name in archive.namelist() else b""


def _all_paragraphs(presentation: Any, name: str) -> list[tuple[str, Any]]:
    """:func:`_paragraphs` as a list, a damaged package (a missing relationship) refused."""
    try:
        return list(_paragraphs(presentation))
    except (KeyError, ValueError, AttributeError) as exc:
        raise DocumentError("damaged_part_refers_missing", name=name,
                            error=type(exc).__name__) from None


def _paragraphs(presentation: Any) -> Iterator[tuple[str, Any]]:
    """(place, a:p) for every paragraph, slides in order, each slide's notes after it."""
    for number, slide in enumerate(presentation.slides, start=1):
        for paragraph in slide._element.iter(f"{{{A}}}p"):
            yield f"s{number}", paragraph
        if slide.has_notes_slide:
            notes = slide.notes_slide.notes_text_frame
            if notes is not None:
                for paragraph in notes._txBody.iter(f"{{{A}}}p"):
                    yield f"s{number}n", paragraph


def _chart_paragraphs(presentation: Any) -> list[tuple[str, Any]]:
    """(chart name, a:p) of every chart's titles and axis titles (rich text; the cached
    copies of the chart's data are not text), charts in part-name order."""
    import re

    def number(part: Any) -> int:
        found = re.search(r"(\d+)\.xml$", str(part.partname))
        return int(found.group(1)) if found else 0

    charts = sorted((p for p in presentation.part.package.iter_parts()
                     if str(p.partname).startswith("/ppt/charts/chart")
                     and hasattr(p, "_element")), key=number)
    return [(f"chart{number(chart)}", paragraph) for chart in charts
            for paragraph in chart._element.iter(f"{{{A}}}p")]


def _alt_texts(presentation: Any) -> list[tuple[str, Any]]:
    """(place, cNvPr) of every picture or shape on a slide that has alternative text: what
    a screen reader says instead of the picture, so text a translator translates."""
    return [(f"s{number}", element) for number, slide in enumerate(presentation.slides, 1)
            for element in slide._element.iter()
            if str(element.tag).endswith("}cNvPr") and worth_translating(element.get("descr"))]


def drawing_runs(paragraph: Any, links: Mapping[str, str] | None = None) -> Runs:
    """A DrawingML paragraph's runs (slides, notes, and charts and drawings on a sheet);
    *links* (relationship id -> address) names a hyperlink the translation lost."""
    from lxml import etree

    def describe(run: Any) -> Flag | None:
        click = run.find(f"{{{A}}}rPr/{{{A}}}hlinkClick")
        if click is None:
            return None
        rid = next((v for k, v in click.attrib.items() if k.endswith("}id")), "")
        return Flag("link_removed", {"url": (links or {}).get(rid) or rid or "?"},
                    blocking=True)

    pieces = []
    for child in paragraph:
        name = etree.QName(child).localname
        if name == "r":
            rpr = child.find(f"{{{A}}}rPr")
            pieces.append(Piece(child, etree.tostring(rpr) if rpr is not None else b"",
                                contained=rpr is not None and rpr.find(
                                    f"{{{A}}}hlinkClick") is not None, anchor=child))
        elif name in ("br", "fld"):
            pieces.append(Piece(child, void=True, anchor=child))
    return Runs(pieces, _get, _set, describe)


def _link_addresses(presentation: Any) -> dict[int, dict[str, str]]:
    """Per slide or notes tree (by the id of its root): relationship id -> hyperlink
    address, to name a link a translation lost."""
    found: dict[int, dict[str, str]] = {}
    for slide in presentation.slides:
        parts = [slide.part] + ([slide.notes_slide.part] if slide.has_notes_slide else [])
        for part in parts:
            found[id(part._element)] = {rid: rel.target_ref for rid, rel in part.rels.items()
                                        if rel.is_external}
    return found


def _get(run: Any) -> str:
    text = run.find(f"{{{A}}}t")
    return text.text or "" if text is not None else ""


def _set(run: Any, value: str) -> None:
    from lxml import etree

    text = run.find(f"{{{A}}}t")
    if text is None:
        text = etree.SubElement(run, f"{{{A}}}t")
    text.text = value


class PptxDocument(Document):
    format_name = "pptx"

    def __init__(self, path: Path, data: bytes, units: list[Unit]) -> None:
        super().__init__(path, units)
        self._data = data

    def export(self, translations: Mapping[str, str], out_path: Path) -> None:
        presentation = _open(self._data, self.path.name)
        self.flagged = {}
        addresses = _link_addresses(presentation)
        by_position = {int(str(u.meta["position"])): u for u in self.units
                       if "position" in u.meta}
        for position, (_place, paragraph) in enumerate(_all_paragraphs(presentation,
                                                                        self.path.name)):
            unit = by_position.get(position)
            if unit is None or unit.id not in translations:
                continue
            links = addresses.get(id(paragraph.getroottree().getroot()), {})
            problems = drawing_runs(paragraph, links).fill(translations[unit.id])
            if problems:
                self.flagged[unit.id] = problems
        by_chart = {int(str(u.meta["chart"])): u for u in self.units if "chart" in u.meta}
        for index, (_chart, paragraph) in enumerate(_chart_paragraphs(presentation)):
            unit = by_chart.get(index)
            if unit is not None and unit.id in translations:
                problems = drawing_runs(paragraph).fill(translations[unit.id])
                if problems:
                    self.flagged[unit.id] = problems
        by_alt = {int(str(u.meta["alt"])): u for u in self.units if "alt" in u.meta}
        for index, (_place, element) in enumerate(_alt_texts(presentation)):
            unit = by_alt.get(index)
            if unit is not None and unit.id in translations:
                element.set("descr", xml_text(strip_tags(translations[unit.id])))
        buffer = io.BytesIO()
        presentation.save(buffer)
        atomic_write_bytes(out_path, buffer.getvalue())


def load(path: Path) -> PptxDocument:
    data = read_checked(path, "PowerPoint (.pptx)")
    presentation = _open(data, path.name)
    units: list[Unit] = []
    counts: dict[str, int] = {}
    for position, (place, paragraph) in enumerate(_all_paragraphs(presentation, path.name)):
        tagged = drawing_runs(paragraph).tagged
        if not strip_tags(tagged).strip():
            continue
        counts[place] = counts.get(place, 0) + 1
        kind = "note" if place.endswith("n") else "paragraph"
        units.append(Unit(f"{place}-{counts[place]}", tagged, kind,
                          meta={"position": position}))
    for index, (chart, paragraph) in enumerate(_chart_paragraphs(presentation)):
        tagged = drawing_runs(paragraph).tagged
        if strip_tags(tagged).strip():
            counts[chart] = counts.get(chart, 0) + 1
            units.append(Unit(f"{chart}-{counts[chart]}", tagged, "chart",
                              meta={"chart": index}))
    for index, (place, element) in enumerate(_alt_texts(presentation)):
        counts[place + "alt"] = counts.get(place + "alt", 0) + 1
        units.append(Unit(f"{place}-alt{counts[place + 'alt']}", element.get("descr"),
                          ALT_TEXT, meta={"alt": index}))
    if not units:
        raise DocumentError("no_text_to_translate", path=path.name)
    document = PptxDocument(path, data, units)
    for sentence in drawing_notices(data, "ppt", path.name):
        document.notice(sentence)
    return document
