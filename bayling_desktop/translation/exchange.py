"""A project as the CAT tools' exchange files: XLIFF 1.2 for the whole document, TMX for
its translated pairs — so work done here goes on in OmegaT, Trados or memoQ.

XLIFF: one ``trans-unit`` per segment, its unit id as ``id``; numbered tags become
``<g id>`` (paired) and ``<x id/>`` (void), the usual inline codes; a segment's status
becomes the target's ``state`` (draft → needs-review-translation, edited → translated,
approved → final with ``approved="yes"``); untranslated segments have no target; the
checks' flags travel as ``<note from="BayLing Desktop">``. TMX: the approved, edited and
draft pairs, tags removed (a memory holds text). Both are written atomically and the
XLIFF is read back by this app's own XLIFF reader in the tests.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..documents.formats.tmx import write_pairs
from ..documents.tags import Node, parse, strip_tags
from ..fileio import atomic_write_bytes

if TYPE_CHECKING:
    from ..storage.projects import Project

NS12 = "urn:oasis:names:tc:xliff:document:1.2"
STATES = {"draft": "needs-review-translation", "edited": "translated", "approved": "final"}
DONE = ("draft", "edited", "approved")


def export_xliff(project: Project, path: Path, original: str = "") -> int:
    """Write the project as XLIFF 1.2; returns how many segments have a target."""
    from lxml import etree

    root = etree.Element(f"{{{NS12}}}xliff", nsmap={None: NS12}, version="1.2")
    file = etree.SubElement(root, f"{{{NS12}}}file", {
        "original": original or project.name, "datatype": "plaintext",
        "source-language": project.source_lang or "und",
        "target-language": project.target_lang, "tool-id": "bayling-desktop"})
    header = etree.SubElement(file, f"{{{NS12}}}header")
    etree.SubElement(header, f"{{{NS12}}}tool", {"tool-id": "bayling-desktop",
                                                 "tool-name": "BayLing Desktop"})
    body = etree.SubElement(file, f"{{{NS12}}}body")
    targets = 0
    for segment in project.segments:
        unit = etree.SubElement(body, f"{{{NS12}}}trans-unit", id=segment.unit_id)
        _inline(etree.SubElement(unit, f"{{{NS12}}}source"), segment.source)
        if segment.status in DONE and segment.target.strip():
            target = etree.SubElement(unit, f"{{{NS12}}}target",
                                      state=STATES[segment.status])
            if segment.status == "approved":
                unit.set("approved", "yes")
            _inline(target, segment.target)
            targets += 1
        for flag in segment.flags:
            note = etree.SubElement(unit, f"{{{NS12}}}note", {"from": "BayLing Desktop"})
            note.text = str(flag)
    atomic_write_bytes(path, etree.tostring(root, xml_declaration=True, encoding="UTF-8",
                                            pretty_print=True))
    return targets


def _inline(element: Any, text: str) -> None:
    """*text*'s numbered tags as XLIFF inline codes; unbalanced tags stay as text."""
    try:
        tree = parse(text)
    except ValueError:
        element.text = text
        return
    _fill(element, tree)


def _fill(element: Any, node: Node) -> None:
    from lxml import etree

    last: Any = None
    for part in node.parts:
        if isinstance(part, str):
            if last is None:
                element.text = (element.text or "") + part
            else:
                last.tail = (last.tail or "") + part
            continue
        if part.number < 0:  # <xN/>: a void code
            last = etree.SubElement(element, f"{{{NS12}}}x", id=str(-part.number))
        else:
            last = etree.SubElement(element, f"{{{NS12}}}g", id=str(part.number))
            _fill(last, part)


def export_project_tmx(project: Project, path: Path) -> int:
    """The project's translated pairs as TMX 1.4; returns how many."""
    pairs = [(project.source_lang, project.target_lang, strip_tags(s.source),
              strip_tags(s.target))
             for s in project.segments if s.status in DONE and s.target.strip()]
    write_pairs(path, pairs)
    return len(pairs)
