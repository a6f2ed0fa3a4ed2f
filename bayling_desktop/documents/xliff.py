"""XLIFF 1.2 and 2.x, the CAT tools' exchange format: one unit per trans-unit (1.2) or
segment (2.x); a 1.2 trans-unit segmented by its CAT tool (``<seg-source>`` with
``<mrk mtype="seg">``: Trados, memoQ, Okapi) gives one unit per segment and its target keeps
the same segments. ``translate="no"`` is inherited from groups. Inline codes (g, x, ph,
pc…) travel as numbered tags. Export fills the targets and marks them for review (1.2
``state="needs-review-translation"``, 2.x ``state="translated"``) so the file goes
straight back into OmegaT, Trados or memoQ. Parsed defensively: no DTDs, no entity
expansion, no network."""

from __future__ import annotations

import copy
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from ..errors import DocumentError
from ..fileio import atomic_write_bytes
from .encoding import check_size
from .model import Document, Unit
from .tags import strip_tags
from .xmlinline import fill_inline, tagged_inline
from .xmlsafe import check_well_formed, parse_untrusted

NS12 = "urn:oasis:names:tc:xliff:document:1.2"
NS20 = "urn:oasis:names:tc:xliff:document:2.0"


class XliffDocument(Document):
    format_name = "xliff"

    def __init__(self, path: Path, tree: Any, version: str, units: list[Unit],
                 positions: dict[str, int]) -> None:
        super().__init__(path, units)
        self._tree = tree
        self.version = version
        #: unit id -> position of its <source> element in document order
        self._positions = positions

    def export(self, translations: Mapping[str, str], out_path: Path) -> None:
        from lxml import etree

        tree = copy.deepcopy(self._tree)
        in_order = list(tree.getroot().iter())
        ns = NS12 if self.version.startswith("1") else NS20
        self.flagged = {}
        for unit in self.units:
            if unit.id not in translations:
                continue
            source = in_order[self._positions[unit.id]]
            if "mid" in unit.meta:  # one <mrk mtype="seg"> of a segmented trans-unit
                parent = next(a for a in source.iterancestors(f"{{{NS12}}}trans-unit"))
                target = _segment_target(parent, str(unit.meta["mid"]))
            else:
                parent = source.getparent()
                target = parent.find(f"{{{ns}}}target")
                if target is None:
                    target = etree.Element(f"{{{ns}}}target")
                    source.addnext(target)
            _copy_content(source, target)
            problems = fill_inline(target, unit.source, translations[unit.id])
            if "mid" in unit.meta:
                target = parent.find(f"{{{NS12}}}target")
            if problems:
                self.flagged[unit.id] = problems
            if ns == NS12:
                target.set("state", "needs-review-translation")
            else:
                parent.set("state", "translated")
        data = etree.tostring(tree, encoding="UTF-8", xml_declaration=False)
        data = b'<?xml version="1.0" encoding="UTF-8"?>\n' + data + b"\n"
        atomic_write_bytes(out_path, check_well_formed(data, out_path.name))


def _copy_content(source: Any, target: Any) -> None:
    """*target* gets *source*'s text and inline codes, keeping its own attributes."""
    attributes = dict(target.attrib)
    target.clear(keep_tail=True)  # the space after a segment is the file's
    target.attrib.update(attributes)
    target.text = source.text
    for child in source:
        target.append(copy.deepcopy(child))


def _segment_target(trans_unit: Any, mid: str) -> Any:
    """The target ``<mrk mtype="seg" mid=…>`` of a segmented (``<seg-source>``) trans-unit:
    the target keeps the segmentation, as Trados, memoQ and Okapi expect; a target without
    it is rebuilt from the seg-source first."""
    from lxml import etree

    seg_source = trans_unit.find(f"{{{NS12}}}seg-source")
    target = trans_unit.find(f"{{{NS12}}}target")
    if target is None or _mrk(target, mid) is None:
        if target is None:
            target = etree.Element(f"{{{NS12}}}target")
            seg_source.addnext(target)
        _copy_content(seg_source, target)
    return _mrk(target, mid)


def _mrk(holder: Any, mid: str) -> Any:
    return next((m for m in holder.iter(f"{{{NS12}}}mrk")
                 if m.get("mtype") == "seg" and m.get("mid") == mid), None)


def _not_translated(holder: Any) -> bool:
    """``translate="no"`` on the unit or on a group around it (it is inherited)."""
    return any(e.get("translate") == "no" for e in (holder, *holder.iterancestors()))


def load(path: Path) -> XliffDocument:
    from lxml import etree

    check_size(path)
    tree = etree.ElementTree(parse_untrusted(path.read_bytes(), path.name))
    root = tree.getroot()
    namespace = root.tag[1:].split("}")[0] if root.tag.startswith("{") else ""
    if namespace == NS12:
        version, pattern = "1.2", f".//{{{NS12}}}trans-unit"
    elif namespace == NS20:
        version, pattern = root.get("version", "2.0"), f".//{{{NS20}}}segment"
    else:
        raise DocumentError(f"{path.name} is not an XLIFF 1.2 or 2.x file.")
    ns = NS12 if version == "1.2" else NS20
    # lxml keeps one proxy per element while it is referenced: hold them all so ids stay valid
    everything = list(root.iter())
    positions_of = {id(e): n for n, e in enumerate(everything)}
    units: list[Unit] = []
    positions: dict[str, int] = {}
    for number, holder in enumerate(root.iterfind(pattern)):
        if _not_translated(holder):
            continue
        seg_source = holder.find(f"{{{NS12}}}seg-source") if ns == NS12 else None
        segments = [m for m in seg_source.iter(f"{{{NS12}}}mrk") if m.get("mtype") == "seg"
                    and m.get("mid")] if seg_source is not None else []
        if segments:
            base = holder.get("id") or f"tu{number}"
            target = holder.find(f"{{{ns}}}target")
            for mrk in segments:
                text = tagged_inline(mrk)
                if not strip_tags(text).strip():
                    continue
                unit_id = f"{base}:{mrk.get('mid')}"
                existing = _mrk(target, mrk.get("mid")) if target is not None else None
                units.append(Unit(unit_id, text, "segment", "",
                                  (tagged_inline(existing) or None) if existing is not None
                                  else None, meta={"mid": mrk.get("mid")}))
                positions[unit_id] = positions_of[id(mrk)]
            continue
        source = holder.find(f"{{{ns}}}source")
        if source is None:
            continue
        text = tagged_inline(source)
        if not strip_tags(text).strip():
            continue
        unit_id = holder.get("id") or (holder.getparent().get("id", "") + f"-{number}")
        if unit_id in positions:
            unit_id = f"{unit_id}-{number}"
        target = holder.find(f"{{{ns}}}target")
        existing = tagged_inline(target) if target is not None else None
        note = holder.find(f"{{{ns}}}note")
        units.append(Unit(unit_id, text, "trans-unit",
                          note.text or "" if note is not None else "", existing or None))
        positions[unit_id] = positions_of[id(source)]
    if not units:
        raise DocumentError(f"{path.name} holds no units to translate.")
    document = XliffDocument(path, tree, version, units, positions)
    document.declared_languages = _declared(root, ns)
    return document


def _declared(root: Any, ns: str) -> tuple[str | None, str | None]:
    """2.x: ``srcLang``/``trgLang`` on the root; 1.2: the first ``<file>``'s attributes."""
    if ns == NS20:
        return root.get("srcLang") or None, root.get("trgLang") or None
    first = root.find(f"{{{NS12}}}file")
    if first is None:
        return None, None
    return first.get("source-language") or None, first.get("target-language") or None
