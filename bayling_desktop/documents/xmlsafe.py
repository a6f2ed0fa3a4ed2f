"""Parsing XML that came from outside (every XML part of every format) without trusting it.

The one place that decides what XML is acceptable. Any document type declaration is
refused: internal subsets are how XML bombs expand and how external entities read other
files, and no office, e-book or exchange format needs one (XHTML's public DOCTYPE
without an internal subset is the one allowed form). The decision is made by the
parser, not by scanning bytes, so a DOCTYPE after a 70 KB comment or a file in UTF-16
is seen just the same. The parser loads no DTD, resolves no entities, touches no
network. What we write back is checked to be well-formed too.
"""

from __future__ import annotations

import io
import re
import zipfile
from typing import Any

from ..errors import DocumentError

#: zip entries parsed as XML when an archive is checked
XML_SUFFIXES = (".xml", ".rels", ".opf", ".ncx", ".xhtml", ".htm", ".html", ".svg", ".smil")


#: characters XML 1.0 cannot hold (C0 controls but tab/newline/return, lone surrogates…)
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_text(text: str) -> str:
    """*text* without the characters XML cannot hold: a model (or an HTML page parsed
    leniently) may produce them, and lxml refuses to write them."""
    return _NOT_XML.sub("", text)


def _parser() -> Any:
    from lxml import etree

    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                           dtd_validation=False, huge_tree=False, remove_blank_text=False)


def _refuse(name: str) -> DocumentError:
    return DocumentError("declares_xml_entities_dtd", name=name)


def check_doctype(tree: Any, name: str) -> None:
    """Refuse a parsed tree whose DOCTYPE declares anything, or that holds entity references.

    A bare public DOCTYPE (XHTML 1.1, NCX) declares nothing and is allowed; since no DTD is
    ever loaded, its system identifier is never fetched.
    """
    from lxml import etree

    dtd = tree.docinfo.internalDTD
    if dtd is not None and (any(True for _ in dtd.iterentities()) or dtd.elements()):
        raise _refuse(name)
    root = tree.getroot()
    if root is not None and any(isinstance(node, etree._Entity) for node in root.iter()):
        raise _refuse(name)


def parse_untrusted(data: bytes, name: str, what: str = "") -> Any:
    """The root element of *data*; a clear DocumentError for anything suspicious."""
    from lxml import etree

    part = f" ({what})" if what else ""
    try:
        root = etree.fromstring(data, _parser())
    except etree.XMLSyntaxError as exc:
        if "entit" in str(exc).lower():
            raise _refuse(name + part) from None
        raise DocumentError("not_well_formed_xml", name=name, part=part, error=exc) from None
    except ValueError as exc:  # e.g. an encoding declaration lxml cannot honour
        raise DocumentError("not_readable_xml", name=name, part=part, error=exc) from None
    check_doctype(root.getroottree(), name + part)
    return root


def refuse_declarations(data: bytes, name: str) -> None:
    """For HTML, which is not XML: let a recovering XML parser read the DOCTYPE (and only
    report what it declares); the HTML parser would silently drop an internal subset."""
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                             recover=True, huge_tree=False)
    try:
        root = etree.fromstring(data, parser)
    except (etree.XMLSyntaxError, ValueError):
        return
    # Only the DOCTYPE's internal subset counts: a reference such as &nbsp; or &copy; is
    # an undeclared entity to an XML parser but plain HTML, in nearly every real page
    dtd = root.getroottree().docinfo.internalDTD if root is not None else None
    if dtd is not None and (any(True for _ in dtd.iterentities()) or dtd.elements()):
        raise _refuse(name)


def check_archive(data: bytes, name: str) -> None:
    """Parse every XML part of a zip-based document with the safe parser (refuse on any)."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for info in archive.infolist():
            lower = info.filename.lower()
            if lower.endswith(XML_SUFFIXES) and not info.is_dir():
                data = archive.read(info)
                if data.strip():  # office suites write empty placeholder parts
                    parse_untrusted(data, name, info.filename)


def check_well_formed(data: bytes, what: str) -> bytes:
    """Return *data* unchanged after checking that what we are about to write parses."""
    from lxml import etree

    try:
        etree.fromstring(data, _parser())
    except etree.XMLSyntaxError as exc:
        raise DocumentError("writing_produced_xml_not", what=what, error=exc) from None
    return data
