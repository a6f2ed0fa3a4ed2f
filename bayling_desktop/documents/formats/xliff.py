"""XLIFF 1.2 and 2.x, the CAT tools' exchange format: one unit per trans-unit (1.2) or
segment (2.x); a 1.2 trans-unit segmented by its CAT tool (``<seg-source>`` with
``<mrk mtype="seg">``: Trados, memoQ, Okapi) gives one unit per segment and its target keeps
the same segments. ``translate="no"`` is inherited from groups. Inline codes (g, x, ph,
pc…) travel as numbered tags; notes (and 1.2 ``<context>``) are the unit's context.

Targets already there are the translator's: a target whose state is final (1.2
translated/final/signed-off or ``approved="yes"``, 2.x translated/reviewed/final, or
no state at all) is the unit's target with status "approved", a needs-review one
"draft"; 1.2 ``new``/``needs-translation`` targets are new work. Export leaves a
target whose translation did not change alone, fills the others and marks them for
review (1.2 ``state="needs-review-translation"``, 2.x ``state="translated"``) so the
file goes straight back into OmegaT, Trados or memoQ, and declares the target language
where the file does not (a file that declares another one is refused before, by
:func:`bayling_desktop.documents.check_target_language`). Parsed defensively: no DTDs,
no entity expansion, no network."""

from __future__ import annotations

import copy
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from ...errors import DocumentError
from ...fileio import atomic_write_bytes
from ..encoding import check_size
from ..model import Document, Unit
from ..tags import strip_tags
from ..xmlinline import fill_inline, tagged_inline
from ..xmlsafe import check_well_formed, parse_untrusted

NS12 = "urn:oasis:names:tc:xliff:document:1.2"
NS20 = "urn:oasis:names:tc:xliff:document:2.0"


class XliffDocument(Document):
    format_name = "xliff"
    declares_target = True

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
        written = False
        for unit in self.units:
            if unit.id not in translations or translations[unit.id] == unit.target:
                continue  # nothing new: the file's own target stays as it is
            written = True
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
        if written and self.target_language:
            _declare_target(tree.getroot(), ns, self.target_language)
        data = etree.tostring(tree, encoding="UTF-8", xml_declaration=False)
        data = self._bom + b'<?xml version="1.0" encoding="UTF-8"?>\n' + data + b"\n"
        atomic_write_bytes(out_path, check_well_formed(data, out_path.name))


    _bom = b""


def _declare_target(root: Any, ns: str, code: str) -> None:
    """``target-language`` on every 1.2 ``<file>`` (``trgLang`` on a 2.x root) that has none."""
    if ns == NS20:
        if not root.get("trgLang"):
            root.set("trgLang", code)
        return
    for file in root.iter(f"{{{NS12}}}file"):
        if not file.get("target-language"):
            file.set("target-language", code)


#: 1.2 target states that mean "there is no translation yet"; "needs-review…" and the
#: like are drafts; anything else (and no state) is the translator's finished work
_NEW_STATES = {"new", "needs-translation"}
_FINAL_STATES = {"translated", "final", "signed-off", "reviewed"}


def _status(holder: Any, target: Any, ns: str) -> str | None:
    """What the file says of *holder*'s target: "approved", "draft" or None (new work)."""
    if ns == NS12:
        state = target.get("state") if target is not None else None
        if holder.get("approved") == "yes" or state is None or state in _FINAL_STATES:
            return "approved"
        return None if state in _NEW_STATES else "draft"
    state = holder.get("state")
    if state is None or state in _FINAL_STATES:
        return "approved"
    return "draft"  # 2.x "initial" with a target: a draft someone left


def _context(holder: Any, ns: str) -> str:
    """The notes a translator of *holder* is shown: 1.2 ``<note>``s and ``<context>``s of
    the trans-unit, 2.x ``<notes>`` of the unit around the segment."""
    if ns == NS20:
        unit = holder.getparent()
        notes = unit.findall(f"{{{NS20}}}notes/{{{NS20}}}note") if unit is not None else []
    else:
        notes = [*holder.findall(f"{{{NS12}}}note"),
                 *holder.findall(f"{{{NS12}}}context-group/{{{NS12}}}context")]
    return "\n".join(" ".join((n.text or "").split()) for n in notes if (n.text or "").strip())


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
    raw = path.read_bytes()
    tree = etree.ElementTree(parse_untrusted(raw, path.name))
    root = tree.getroot()
    namespace = root.tag[1:].split("}")[0] if root.tag.startswith("{") else ""
    if namespace == NS12:
        version, pattern = "1.2", f".//{{{NS12}}}trans-unit"
    elif namespace == NS20:
        version, pattern = root.get("version", "2.0"), f".//{{{NS20}}}segment"
    else:
        raise DocumentError("not_xliff_x_file", path=path.name)
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
        context = _context(holder, ns)
        if segments:
            base = holder.get("id") or f"tu{number}"
            target = holder.find(f"{{{ns}}}target")
            status = _status(holder, target, ns)
            for mrk in segments:
                text = tagged_inline(mrk)
                if not strip_tags(text).strip():
                    continue
                unit_id = f"{base}:{mrk.get('mid')}"
                existing = _mrk(target, mrk.get("mid")) if target is not None else None
                existing_text = (tagged_inline(existing) or None) if existing is not None \
                    and status else None
                units.append(Unit(unit_id, text, "segment", context, existing_text,
                                  {"mid": mrk.get("mid")},
                                  status if existing_text else None))
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
        status = _status(holder, target, ns)
        existing = (tagged_inline(target) or None) if target is not None and status else None
        units.append(Unit(unit_id, text, "trans-unit", context, existing, {},
                          status if existing else None))
        positions[unit_id] = positions_of[id(source)]
    if not units:
        raise DocumentError("holds_no_units_translate", path=path.name)
    document = XliffDocument(path, tree, version, units, positions)
    document.declared_languages = _declared(root, ns)
    if raw[:3] == b"\xef\xbb\xbf":
        document._bom = b"\xef\xbb\xbf"
    return document


def _declared(root: Any, ns: str) -> tuple[str | None, str | None]:
    """2.x: ``srcLang``/``trgLang`` on the root; 1.2: the first ``<file>``'s attributes."""
    if ns == NS20:
        return root.get("srcLang") or None, root.get("trgLang") or None
    first = root.find(f"{{{NS12}}}file")
    if first is None:
        return None, None
    return first.get("source-language") or None, first.get("target-language") or None
