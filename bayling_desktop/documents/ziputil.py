"""Opening zip-based documents (docx, odt, epub, pptx, xlsx) without trusting them: sizes
from the directory first (zip bombs), every entry's checksum, then every XML part through
the one safe parser (entities, DTDs)."""

from __future__ import annotations

import io
import zipfile
import zlib
from pathlib import Path

from ..errors import DocumentError
from ..sentences import Sentence
from .encoding import check_size
from .xmlsafe import check_archive

#: refuse archives that would expand beyond this (a zip bomb), or compress suspiciously well
MAX_UNPACKED = 500 * 1024 * 1024
MAX_RATIO = 200
#: the XML one part, and all parts together, may expand to: a parsed tree takes some 15
#: times its text in memory (450 MB of XML padded to a modest ratio grew to 7.9 GB), and
#: the document.xml of a 1,000-page book is some 20 MB
MAX_XML_PART = 64 * 1024 * 1024
MAX_XML_TOTAL = 160 * 1024 * 1024
_XML_SUFFIXES = (".xml", ".rels", ".opf", ".ncx", ".xhtml", ".html", ".htm", ".svg")


def read_checked(path: Path, kind: str) -> bytes:
    """Return the file's bytes after checking it is a sane zip archive."""
    check_size(path)
    data = path.read_bytes()
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            # Sizes first, from the directory alone: testzip() would inflate a bomb.
            total = sum(info.file_size for info in archive.infolist())
            packed = sum(info.compress_size for info in archive.infolist()) or 1
            if total > MAX_UNPACKED or (total > 1_000_000 and total / packed > MAX_RATIO):
                raise DocumentError("zip_bomb", path=path.name, total=f"{total / 2**20:.0f}")
            _check_xml_sizes(archive, path.name)
            bad = archive.testzip()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, EOFError, OSError, ValueError,
            NotImplementedError, RuntimeError):  # unknown compression, encrypted entries
        raise DocumentError("not_valid_file_archive", path=path.name, kind=kind) from None
    if bad is not None:
        raise DocumentError("damaged_inside_corrupt", path=path.name, bad=bad)
    _refuse_encrypted_odf(data, path.name)
    check_archive(data, path.name)
    return data


def _check_xml_sizes(archive: zipfile.ZipFile, name: str) -> None:
    """Refuse XML parts larger than any real document's, whatever the compression ratio
    (the sizes are the directory's; testzip() then checks each against its data)."""
    parts = [i for i in archive.infolist() if i.filename.lower().endswith(_XML_SUFFIXES)]
    for info in parts:
        if info.file_size > MAX_XML_PART:
            raise DocumentError("xml_part_too_large", name=name,
                                file_size=f"{info.file_size / 2**20:.0f}", filename=info.filename,
                                max_xml_part=MAX_XML_PART >> 20)
    total = sum(info.file_size for info in parts)
    if total > MAX_XML_TOTAL:
        raise DocumentError("xml_too_large", name=name, total=f"{total / 2**20:.0f}",
                            max_xml_total=MAX_XML_TOTAL >> 20)


def _refuse_encrypted_odf(data: bytes, name: str) -> None:
    """A password-protected OpenDocument file is a zip whose manifest lists encryption data
    (its content.xml is ciphertext): say so rather than "not well-formed XML"."""
    from .xmlsafe import parse_untrusted

    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        if "META-INF/manifest.xml" not in archive.namelist():
            return
        manifest = parse_untrusted(archive.read("META-INF/manifest.xml"), name,
                                   "META-INF/manifest.xml")
    if any(str(e.tag).endswith("}encryption-data") for e in manifest.iter()):
        raise DocumentError("password_protected_open_program", name=name)


#: DrawingML text (chart titles, SmartArt, shapes drawn on a sheet)
_DRAWING_TEXT = "{http://schemas.openxmlformats.org/drawingml/2006/main}t"
#: what a format leaves untranslated, said once per document (``what``: a ``part_*`` sentence)
SMARTART_LEFT = Sentence("left_untranslated", what=Sentence("part_smartart"))


def drawing_text_parts(data: bytes, folders: tuple[str, ...]) -> int:
    """How many parts under *folders* (charts, SmartArt, drawings) hold DrawingML text.

    Formats that cannot translate those parts say so in a notice rather than leaving
    their text behind silently.
    """
    from .xmlsafe import parse_untrusted

    count = 0
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for name in archive.namelist():
            if name.startswith(folders) and name.endswith(".xml"):
                root = parse_untrusted(archive.read(name), "the document", name)
                if any((t.text or "").strip() for t in root.iter(_DRAWING_TEXT)):
                    count += 1
    return count
