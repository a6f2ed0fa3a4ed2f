"""TMX, the one reader and writer: a file opened as a document to translate, and the
(source, target) pairs the translation memory imports and exports (:func:`read_pairs`,
:func:`write_pairs`), parsed the same way and matching languages by the same rule.

As a document: one unit per ``<tu>``, its text the segment in the header's ``srclang``.
Export writes the translation as the ``<tuv>`` of the target language (replacing one that
is there, else added after the last), and keeps everything else: other languages,
``<prop>``/``<note>``, attributes, the DOCTYPE, the encoding.

A ``<tuv>`` already there in the target language is the translator's: the project keeps
it ("approved", see :meth:`TmxDocument.existing_targets`) and export leaves a ``<tu>``
whose translation did not change alone. A UTF-8 byte order mark stays.

Inline codes (``<bpt>``, ``<ept>``, ``<ph>``, ``<it>``, ``<ut>``) hold native markup, not
text: they travel as void tags and come back byte for byte; ``<hi>`` holds text and
travels as a paired tag. Parsed like every XML format here: no DTD, no entities.
"""

from __future__ import annotations

import copy
from collections import Counter
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from ...errors import DocumentError
from ...fileio import atomic_write_bytes
from ...languages import primary_subtag
from ..encoding import check_size
from ..model import Document, Unit
from ..tags import strip_tags
from ..xmlinline import fill_inline, tagged_inline
from ..xmlsafe import check_well_formed, parse_untrusted

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
#: inline elements whose content is the original file's code: never sent to the model
_CODES = {"bpt", "ept", "ph", "it", "ut"}


def lang_of(tuv: Any) -> str:
    """A ``<tuv>``'s language: ``xml:lang`` (TMX 1.4) or ``lang`` (1.1–1.3)."""
    return str(tuv.get(XML_LANG) or tuv.get("lang") or "").strip()


def _same(lang: str, wanted: str) -> bool:
    return lang.lower() == wanted.lower()


def _variant(tu: Any, lang: str) -> Any:
    """The ``<tuv>`` of *lang* in *tu*: the exact code first, then the same base language."""
    variants = tu.findall("tuv")
    exact = next((v for v in variants if _same(lang_of(v), lang)), None)
    if exact is not None:
        return exact
    return next((v for v in variants if primary_subtag(lang_of(v)) == primary_subtag(lang)), None)


def _source_of(tu: Any, default: str) -> str:
    """A ``<tu srclang=…>`` overrides the header's source language for that unit."""
    own = (tu.get("srclang") or "").strip()
    return own if own and own.lower() != "*all*" else default


class TmxDocument(Document):
    format_name = "tmx"

    def __init__(self, path: Path, tree: Any, source_lang: str, units: list[Unit],
                 places: dict[str, int]) -> None:
        super().__init__(path, units)
        self._tree = tree
        self.source_lang = source_lang
        #: unit id -> position of its <tu> in document order
        self._places = places

    def export(self, translations: Mapping[str, str], out_path: Path) -> None:
        from lxml import etree

        target_lang = self.target_language or self.declared_languages[1]
        if not target_lang:
            raise DocumentError("say_language_translation_tmx", path=self.path.name)
        tree = copy.deepcopy(self._tree)
        in_order = list(tree.getroot().iter())
        self.flagged = {}
        for unit in self.units:
            if unit.id not in translations:
                continue
            tu = in_order[self._places[unit.id]]
            source = _variant(tu, _source_of(tu, self.source_lang))
            if translations[unit.id] == self._existing(tu, source, target_lang):
                continue  # the translation the file holds: left as it is
            target = _target_variant(tu, source, target_lang)
            seg = target.find("seg")
            if seg is None:
                seg = etree.SubElement(target, "seg")
            source_seg = source.find("seg")
            seg.clear()
            seg.text = source_seg.text
            for child in source_seg:
                seg.append(copy.deepcopy(child))
            problems = fill_inline(seg, unit.source, translations[unit.id])
            if problems:
                self.flagged[unit.id] = problems
        encoding = tree.docinfo.encoding or "UTF-8"
        data = etree.tostring(tree, encoding=encoding, xml_declaration=True)
        if self._bom and encoding.upper().replace("-", "") == "UTF8":
            data = self._bom + data
        atomic_write_bytes(out_path, check_well_formed(data, out_path.name))


    _bom = b""

    def _existing(self, tu: Any, source: Any, target_lang: str) -> str | None:
        """The tagged text of *tu*'s variant in *target_lang*, if it has one."""
        variant = _variant(tu, target_lang)
        seg = variant.find("seg") if variant is not None and variant is not source else None
        return tagged_inline(seg, lambda e: e.tag in _CODES) if seg is not None else None

    def existing_targets(self, code: str) -> dict[str, tuple[str, str]]:
        """Every ``<tu>`` that holds a segment in *code* (a TMX file is multilingual: the
        language asked decides, not a guess made when it was read)."""
        in_order = list(self._tree.getroot().iter())
        found: dict[str, tuple[str, str]] = {}
        for unit in self.units:
            tu = in_order[self._places[unit.id]]
            source = _variant(tu, _source_of(tu, self.source_lang))
            text = self._existing(tu, source, code)
            if text and strip_tags(text).strip():
                found[unit.id] = (text, "approved")
        return found


def _target_variant(tu: Any, source: Any, target_lang: str) -> Any:
    from lxml import etree

    found = next((v for v in tu.findall("tuv") if v is not source
                  and _same(lang_of(v), target_lang)), None)
    if found is None:
        found = next((v for v in tu.findall("tuv") if v is not source
                      and primary_subtag(lang_of(v)) == primary_subtag(target_lang)), None)
    if found is not None:
        for attribute in (XML_LANG, "lang"):
            if found.get(attribute) is not None:
                found.set(attribute, target_lang)
        return found
    found = etree.Element("tuv", {XML_LANG if source.get(XML_LANG) is not None or (
        source.get("lang") is None) else "lang": target_lang})
    variants = tu.findall("tuv")
    last, before = variants[-1], variants[0].getprevious()
    # indented like its neighbours: the white space in front of the first <tuv>
    found.tail, last.tail = last.tail, before.tail if before is not None else tu.text
    last.addnext(found)
    return found


def _parse(path: Path) -> tuple[bytes, Any]:
    """The bytes of *path* and its ``<tmx>`` root (size checked; no DTD, no entities)."""
    check_size(path)
    raw = path.read_bytes()
    root = parse_untrusted(raw, path.name)
    if root.tag != "tmx" or root.find("body") is None:
        raise DocumentError("not_tmx_file", path=path.name)
    return raw, root


def read_pairs(path: Path, source_lang: str, target_lang: str) -> list[tuple[str, str]]:
    """The (source, target) pairs of *path* for a language pair, for the translation memory.

    Variants are found as when translating the file (the exact code, else the same base
    language); the text is the segment's, native code inside inline elements included,
    as the memory holds plain text. Units missing either side are skipped.
    """
    _raw, root = _parse(path)
    pairs = []
    for tu in root.find("body").iter("tu"):
        source, target = _variant(tu, source_lang), _variant(tu, target_lang)
        if source is None or target is None or source is target:
            continue
        texts = ["".join(seg.itertext()) if seg is not None else ""
                 for seg in (source.find("seg"), target.find("seg"))]
        if texts[0] and texts[1]:
            pairs.append((texts[0], texts[1]))
    return pairs


def write_pairs(path: Path, pairs: list[tuple[str, str, str, str]]) -> None:
    """Write (source_lang, target_lang, source, target) pairs as TMX 1.4, atomically."""
    from lxml import etree

    root = etree.Element("tmx", version="1.4")
    etree.SubElement(root, "header", creationtool="BayLing Desktop", creationtoolversion="0.1",
                     segtype="paragraph", adminlang="en", srclang="*all*",
                     datatype="plaintext", **{"o-tmf": "BayLing Desktop SQLite"})
    body = etree.SubElement(root, "body")
    for source_lang, target_lang, source, target in pairs:
        unit = etree.SubElement(body, "tu")
        for lang, text in ((source_lang or "und", source), (target_lang, target)):
            variant = etree.SubElement(unit, "tuv", {XML_LANG: lang})
            etree.SubElement(variant, "seg").text = text
    atomic_write_bytes(path, etree.tostring(root, xml_declaration=True, encoding="UTF-8",
                                            pretty_print=True))


def load(path: Path) -> TmxDocument:
    from lxml import etree

    raw, root = _parse(path)
    tree = etree.ElementTree(root)
    units_in = root.find("body").findall("tu")
    header = root.find("header")
    declared = (header.get("srclang") or "").strip() if header is not None else ""
    source_lang = declared
    if not declared or declared.lower() == "*all*":
        # any language may be the source: the one most units give first
        firsts = Counter(lang_of(v) for tu in units_in for v in tu.findall("tuv")[:1])
        source_lang = firsts.most_common(1)[0][0] if firsts else ""
    if not source_lang:
        raise DocumentError("says_no_source_language", path=path.name)
    others = Counter(lang_of(v) for tu in units_in for v in tu.findall("tuv")
                     if primary_subtag(lang_of(v)) != primary_subtag(source_lang))
    everything = list(root.iter())
    positions = {id(e): n for n, e in enumerate(everything)}
    units: list[Unit] = []
    places: dict[str, int] = {}
    target_guess = others.most_common(1)[0][0] if len(others) == 1 else None
    for number, tu in enumerate(units_in):
        variant = _variant(tu, _source_of(tu, source_lang))
        seg = variant.find("seg") if variant is not None else None
        if seg is None:
            continue
        text = tagged_inline(seg, lambda e: e.tag in _CODES)
        if not strip_tags(text).strip():
            continue
        unit_id = tu.get("tuid") or f"tu{number + 1}"
        if unit_id in places:
            unit_id = f"{unit_id}-{number + 1}"
        existing = _variant(tu, target_guess) if target_guess else None
        existing = None if existing is variant else existing  # a <tu srclang> of its own
        existing_seg = existing.find("seg") if existing is not None else None
        note = tu.find("note")
        units.append(Unit(unit_id, text, "tu", (note.text or "") if note is not None else "",
                          tagged_inline(existing_seg, lambda e: e.tag in _CODES)
                          if existing_seg is not None else None))
        places[unit_id] = positions[id(tu)]
    if not units:
        raise DocumentError("holds_no_segments_translate", path=path.name, source_lang=source_lang)
    document = TmxDocument(path, tree, source_lang, units, places)
    document.declared_languages = (source_lang, target_guess)
    if raw[:3] == b"\xef\xbb\xbf":
        document._bom = raw[:3]
    return document
