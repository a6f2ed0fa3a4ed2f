"""EPUB 2 and 3 e-books: the book's title and description (OPF metadata), every chapter of
the spine in reading order (its XHTML blocks, chosen as for HTML pages, inline markup as
numbered tags, and its pictures' alt text), and the table of contents (the EPUB 3 nav
document and the EPUB 2 NCX titles). Images, CSS, fonts and everything else are copied
unchanged; ``mimetype`` is written first and stored, as readers require, and the result
is checked (container, OPF, manifest, spine, well-formed XHTML) before a byte is written.

A book with DRM (``META-INF/encryption.xml`` encrypting anything but fonts, or Adobe's
``rights.xml``) is refused: its chapters cannot be read.
"""

from __future__ import annotations

import copy
import io
import posixpath
import zipfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ...errors import DocumentError
from ...fileio import atomic_write_bytes
from ...sentences import Sentence
from ..model import Document, Unit
from ..xmlinline import fill_inline
from ..xmlsafe import check_well_formed, parse_untrusted, xml_text
from ..ziputil import read_checked
from .html import (
    attribute_texts,
    blocks,
    fill_attribute,
    set_language,
    unwrap_loose_text,
    wrap_loose_text,
)

OPF = "http://www.idpf.org/2007/opf"
DC = "http://purl.org/dc/elements/1.1/"
NCX = "http://www.daisy.org/z3986/2005/ncx/"
CONTAINER = "urn:oasis:names:tc:opendocument:xmlns:container"
ENC = "http://www.w3.org/2001/04/xmlenc#"
#: font obfuscation (IDPF, Adobe): not DRM, the text is readable
FONT_OBFUSCATION = {"http://www.idpf.org/2008/embedding", "http://ns.adobe.com/pdf/enc#RC"}
XHTML_TYPES = {"application/xhtml+xml", "text/html"}


@dataclass
class _Place:
    part: str
    #: element position in the part's document order
    position: int


def _read(archive: zipfile.ZipFile, name: str, book: str) -> Any:
    try:
        return parse_untrusted(archive.read(name), book, name)
    except KeyError:
        raise DocumentError("not_valid_epub_missing", book=book, name=name) from None


def _refuse_drm(archive: zipfile.ZipFile, book: str) -> None:
    names = set(archive.namelist())
    if "META-INF/rights.xml" in names:
        raise DocumentError("protected_drm_text_cannot", book=book)
    if "META-INF/encryption.xml" not in names:
        return
    root = _read(archive, "META-INF/encryption.xml", book)
    for method in root.iter(f"{{{ENC}}}EncryptionMethod"):
        if method.get("Algorithm") not in FONT_OBFUSCATION:
            raise DocumentError("protected_drm_content_encrypted", book=book)


def _opf_path(archive: zipfile.ZipFile, book: str) -> str:
    container = _read(archive, "META-INF/container.xml", book)
    rootfile = container.find(f".//{{{CONTAINER}}}rootfile")
    if rootfile is None or not rootfile.get("full-path"):
        raise DocumentError("not_valid_epub_container", book=book)
    return str(rootfile.get("full-path"))


def _manifest(opf: Any, base: str) -> dict[str, tuple[str, str, str]]:
    """id -> (zip name, media type, properties)."""
    items = {}
    for item in opf.iter(f"{{{OPF}}}item"):
        href = posixpath.normpath(posixpath.join(base, item.get("href", "")))
        items[item.get("id", "")] = (href, item.get("media-type", ""),
                                     item.get("properties", ""))
    return items


def _content_parts(opf: Any, manifest: dict[str, tuple[str, str, str]]) -> list[str]:
    """Spine chapters in reading order, then the nav document and the NCX if not in it."""
    parts: list[str] = []
    spine = opf.find(f"{{{OPF}}}spine")
    for itemref in spine.iter(f"{{{OPF}}}itemref") if spine is not None else []:
        entry = manifest.get(itemref.get("idref", ""))
        if entry and entry[1] in XHTML_TYPES and entry[0] not in parts:
            parts.append(entry[0])
    for href, _media, properties in manifest.values():
        if "nav" in properties.split() and href not in parts:
            parts.append(href)
    toc = spine.get("toc") if spine is not None else None
    for key, (href, media, _p) in manifest.items():
        if (key == toc or media == "application/x-dtbncx+xml") and href not in parts:
            parts.append(href)
    return parts


def _units_of(name: str, root: Any) -> list[tuple[int, str, str]]:
    """(position, tagged text, kind) of one part's units."""
    if root.tag == f"{{{OPF}}}package":
        metadata = [(n, e) for n, e in enumerate(root.iter())
                    if e.tag in (f"{{{DC}}}title", f"{{{DC}}}description") and (e.text or "")
                    .strip() and len(e) == 0]
        return [(n, " ".join((e.text or "").split()), "metadata") for n, e in metadata]
    if root.tag == f"{{{NCX}}}ncx":
        return [(n, " ".join(e.text.split()), "toc") for n, e in enumerate(root.iter())
                if e.tag == f"{{{NCX}}}text" and (e.text or "").strip()]
    found = [(position, text, "paragraph") for position, _e, text in blocks(root)]
    found += [(position, text, f"{kind}:{attribute}")
              for position, attribute, kind, text in attribute_texts(root)]
    return sorted(found, key=lambda f: f[0])  # in reading order


class EpubDocument(Document):
    format_name = "epub"

    def __init__(self, path: Path, data: bytes, trees: dict[str, Any],
                 places: dict[str, _Place], units: list[Unit]) -> None:
        super().__init__(path, units)
        self._data = data
        self._trees = trees
        self._places = places
        #: what check_structure finds wrong with the original book
        self._problems: set[Sentence] = set()

    def export(self, translations: Mapping[str, str], out_path: Path) -> None:
        from lxml import etree

        self.flagged = {}
        trees: dict[str, Any] = {}
        orders: dict[str, list[Any]] = {}
        # attributes first: a block's fill copies its inline elements, attributes and all
        for unit in sorted(self.units, key=lambda u: "attribute" not in u.meta):
            if unit.id not in translations:
                continue
            place = self._places[unit.id]
            if place.part not in trees:
                trees[place.part] = copy.deepcopy(self._trees[place.part])
                orders[place.part] = list(trees[place.part].getroot().iter())
            element = orders[place.part][place.position]
            if "attribute" in unit.meta:
                fill_attribute(element, str(unit.meta["attribute"]), translations[unit.id])
                continue
            if len(element) == 0 and element.tag.startswith(("{" + DC, "{" + NCX)):
                element.text = xml_text(translations[unit.id])
                continue
            lost = fill_inline(element, unit.source, translations[unit.id])
            if lost:
                self.flagged[unit.id] = lost
        if self.target_language:
            self._declare_language(trees, self.target_language)
        for tree in trees.values():
            unwrap_loose_text(tree.getroot())
        replaced = {name: check_well_formed(
            etree.tostring(tree, xml_declaration=True, encoding="utf-8"),
            f"{out_path.name} ({name})") for name, tree in trees.items()}
        data = _rezip(self._data, replaced)
        # what the book already had (a reader opens it as it is) is not the translation's
        # doing: only a problem the translation would add stops the export
        problems = [p for p in check_structure(data, self.path.name)
                    if p not in self._problems]
        if problems:
            raise DocumentError("translated_book_would_not", problems=problems[0])
        atomic_write_bytes(out_path, data)


    def _declare_language(self, trees: dict[str, Any], language: str) -> None:
        """The book says it is in *language*: the OPF's first ``dc:language`` and the
        ``lang``/``xml:lang`` of every chapter (a reader picks fonts and hyphenation by
        it; a screen reader its voice)."""
        for name, original in self._trees.items():
            root = original.getroot()
            chapter = root.tag.rsplit("}", 1)[-1] == "html"
            declared = root.find(f".//{{{DC}}}language")
            if not chapter and declared is None:
                continue
            if name not in trees:
                trees[name] = copy.deepcopy(original)
            root = trees[name].getroot()
            if chapter:
                set_language(root, language)
            else:
                root.find(f".//{{{DC}}}language").text = language


def _rezip(original: bytes, replaced: Mapping[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(original)) as source, \
            zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        target.writestr(zipfile.ZipInfo("mimetype"), b"application/epub+zip",
                        compress_type=zipfile.ZIP_STORED)
        for info in source.infolist():
            if info.filename == "mimetype":
                continue
            body = replaced.get(info.filename)
            target.writestr(info, source.read(info) if body is None else body,
                            compress_type=zipfile.ZIP_DEFLATED)
    return buffer.getvalue()


def check_structure(data: bytes, book: str) -> list[Sentence]:
    """What an EPUB reader checks first (in *book*, the file's name, for the sentences);
    empty when the book is sound."""
    problems: list[Sentence] = []
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        first = archive.infolist()[0]
        if first.filename != "mimetype" or first.compress_type != zipfile.ZIP_STORED or (
                archive.read(first) != b"application/epub+zip"):
            problems.append(Sentence("epub_mimetype_first"))
        try:
            opf_name = _opf_path(archive, book)
            opf = _read(archive, opf_name, book)
        except DocumentError as exc:
            return [*problems, exc.sentence]
        manifest = _manifest(opf, posixpath.dirname(opf_name))
        names = set(archive.namelist())
        problems += [Sentence("epub_manifest_item_missing", href=href)
                     for href, _m, _p in manifest.values() if href not in names]
        spine = opf.find(f"{{{OPF}}}spine")
        problems += [Sentence("epub_spine_item_unlisted", idref=ref.get("idref"))
                     for ref in (spine.iter(f"{{{OPF}}}itemref") if spine is not None else [])
                     if ref.get("idref") not in manifest]
        for href, media, _p in manifest.values():
            if media in XHTML_TYPES and href in names:
                try:
                    parse_untrusted(archive.read(href), book, href)
                except DocumentError as exc:
                    problems.append(exc.sentence)
    return problems


def load(path: Path) -> EpubDocument:
    data = read_checked(path, "EPUB")
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        _refuse_drm(archive, path.name)
        opf_name = _opf_path(archive, path.name)
        opf = _read(archive, opf_name, path.name)
        manifest = _manifest(opf, posixpath.dirname(opf_name))
        trees = {opf_name: opf.getroottree()}
        for name in _content_parts(opf, manifest):
            trees[name] = _read(archive, name, path.name).getroottree()
            wrap_loose_text(trees[name].getroot())  # a nav's <li>Part I<ol>…: a unit too
    units: list[Unit] = []
    places: dict[str, _Place] = {}
    for name, tree in trees.items():
        for position, text, kind in _units_of(name, tree.getroot()):
            unit_id = f"e{len(units) + 1}"
            kind, _colon, attribute = kind.partition(":")  # "alt-text:alt", "attribute:title"
            meta: dict[str, object] = {"part": name, **({"attribute": attribute}
                                                        if attribute else {})}
            units.append(Unit(unit_id, text, kind, meta=meta))
            places[unit_id] = _Place(name, position)
    if not units:
        raise DocumentError("no_text_to_translate", path=path.name)
    document = EpubDocument(path, data, trees, places, units)
    document._problems = set(check_structure(data, path.name))
    if document._problems:
        document.notice(Sentence("epub_not_fully_valid", path=path.name,
                                 problem=min(document._problems, key=str)))
    return document
