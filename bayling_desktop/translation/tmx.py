"""TMX 1.4: the translation-memory exchange format every CAT tool reads and writes."""

from __future__ import annotations

from pathlib import Path

from ..documents.xmlsafe import parse_untrusted
from ..errors import DocumentError
from ..fileio import atomic_write_bytes


def _lang(element: object) -> str:
    attrib = element.attrib  # type: ignore[attr-defined]
    return str(attrib.get("{http://www.w3.org/XML/1998/namespace}lang") or attrib.get("lang")
               or "").strip()


def read_tmx(path: Path, source_lang: str, target_lang: str) -> list[tuple[str, str]]:
    """The (source, target) pairs of *path* for the language pair (base codes match)."""
    root = parse_untrusted(path.read_bytes(), path.name)
    if root.tag != "tmx":
        raise DocumentError(f"{path.name} is not a TMX file.")

    def matches(lang: str, wanted: str) -> bool:
        lang, wanted = lang.lower(), wanted.lower()
        return lang == wanted or lang.split("-")[0] == wanted.split("-")[0]

    pairs = []
    for unit in root.iter("tu"):
        texts: dict[str, str] = {}
        for variant in unit.iter("tuv"):
            seg = variant.find("seg")
            if seg is not None:
                texts[_lang(variant)] = "".join(seg.itertext())
        source = next((t for lang, t in texts.items() if matches(lang, source_lang)), None)
        target = next((t for lang, t in texts.items() if matches(lang, target_lang)), None)
        if source and target:
            pairs.append((source, target))
    return pairs


def write_tmx(path: Path, pairs: list[tuple[str, str, str, str]]) -> None:
    """Write (source_lang, target_lang, source, target) pairs as TMX 1.4."""
    from lxml import etree

    root = etree.Element("tmx", version="1.4")
    etree.SubElement(root, "header", creationtool="BayLing Desktop", creationtoolversion="0.1",
                     segtype="paragraph", adminlang="en", srclang="*all*",
                     datatype="plaintext", **{"o-tmf": "BayLing Desktop SQLite"})
    body = etree.SubElement(root, "body")
    xml_lang = "{http://www.w3.org/XML/1998/namespace}lang"
    for source_lang, target_lang, source, target in pairs:
        unit = etree.SubElement(body, "tu")
        for lang, text in ((source_lang or "und", source), (target_lang, target)):
            variant = etree.SubElement(unit, "tuv", {xml_lang: lang})
            etree.SubElement(variant, "seg").text = text
    atomic_write_bytes(path, etree.tostring(root, xml_declaration=True, encoding="UTF-8",
                                            pretty_print=True))
