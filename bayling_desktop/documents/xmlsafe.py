"""Parsing XML that came from outside (XLIFF, ODT, TBX, TMX) without trusting it.

Entity declarations are refused outright: they are how XML bombs expand and how
external entities read other files. The parser itself loads no DTD, resolves no
entities and touches no network.
"""

from __future__ import annotations

from typing import Any

from ..errors import DocumentError


def parse_untrusted(data: bytes, name: str, what: str = "") -> Any:
    """The root element of *data*; a clear DocumentError for anything suspicious."""
    from lxml import etree

    if b"<!ENTITY" in data[:65536]:
        raise DocumentError(f"{name} declares XML entities; such files are refused because "
                            "they can hide an XML bomb or read other files.")
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                             huge_tree=False, remove_blank_text=False)
    try:
        return etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        part = f" ({what})" if what else ""
        raise DocumentError(f"{name}{part} is not well-formed XML ({exc}).") from None
