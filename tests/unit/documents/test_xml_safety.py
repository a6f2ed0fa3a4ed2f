"""Issue 15 item 3: entity/DTD-declaring XML is refused in every XML part of every format by
the parser itself (not a byte scan): after a 70 KB comment, in UTF-16, in any zip entry."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from bayling_desktop.documents import open_document
from bayling_desktop.documents.xmlsafe import check_well_formed, parse_untrusted
from bayling_desktop.errors import DocumentError

from .test_formats import FILES, make_docx

BOMB = b'<!DOCTYPE r [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;">]>'
XXE = b'<!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>'


def test_a_public_doctype_that_declares_nothing_is_allowed() -> None:
    data = (b'<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.1//EN" '
            b'"http://www.w3.org/TR/xhtml11/DTD/xhtml11.dtd"><html>text</html>')
    assert parse_untrusted(data, "page.xhtml").text == "text"


@pytest.mark.parametrize("doctype", [BOMB, XXE, b"<!DOCTYPE r [<!ELEMENT r ANY>]>"])
def test_declarations_are_refused(doctype: bytes) -> None:
    with pytest.raises(DocumentError, match="declares XML entities or a DTD"):
        parse_untrusted(doctype + b"<r>x</r>", "f.xml")


def test_a_doctype_after_a_70_kb_comment_is_refused() -> None:
    data = b"<?xml version='1.0'?><!--" + b"x" * 70_000 + b"-->" + BOMB + b"<r>&b;</r>"
    with pytest.raises(DocumentError, match="declares XML entities"):
        parse_untrusted(data, "late.xml")


def test_the_same_file_in_utf16_is_refused() -> None:
    text = '<?xml version="1.0" encoding="UTF-16"?>' + BOMB.decode() + "<r>&b;</r>"
    with pytest.raises(DocumentError, match="declares XML entities"):
        parse_untrusted(text.encode("utf-16"), "wide.xml")


def _with_part(source: Path, out: Path, part: str, transform: bytes) -> Path:
    """Copy a zip with *transform* inserted after the XML declaration of *part*."""
    with zipfile.ZipFile(source) as original, zipfile.ZipFile(out, "w") as target:
        for info in original.infolist():
            data = original.read(info)
            if info.filename == part:
                head, sep, rest = data.partition(b"?>")
                data = head + sep + b"<!--" + b"x" * 70_000 + b"-->" + transform + rest
            target.writestr(info, data)
    return out


@pytest.mark.parametrize("part", ["word/document.xml", "word/styles.xml", "[Content_Types].xml",
                                  "docProps/core.xml"])
def test_a_docx_with_entities_in_any_part_is_refused(part: str, tmp_path: Path) -> None:
    source = make_docx(tmp_path / "a.docx")
    bad = _with_part(source, tmp_path / "bad.docx", part, XXE)
    with pytest.raises(DocumentError, match="declares XML entities"):
        open_document(bad)


@pytest.mark.parametrize("kind", ["xlf12", "xlf20", "html"])
def test_text_xml_formats_refuse_entities(kind: str, tmp_path: Path) -> None:
    path = FILES[kind](tmp_path)
    data = path.read_bytes()
    if data.startswith(b"<?xml"):
        head, sep, rest = data.partition(b"?>")
        data = head + sep + BOMB + rest
    else:
        data = BOMB.replace(b"r [", b"html [") + data.split(b">", 1)[1]
    path.write_bytes(data)
    with pytest.raises(DocumentError, match="declares XML entities"):
        open_document(path)


def test_what_we_write_is_checked() -> None:
    assert check_well_formed(b"<a/>", "x") == b"<a/>"
    with pytest.raises(DocumentError, match="not well-formed"):
        check_well_formed(b"<a><b></a>", "out.xlf")


def test_a_password_protected_office_file_is_named(tmp_path: Path) -> None:
    locked = tmp_path / "locked.docx"
    locked.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)
    with pytest.raises(DocumentError, match="password-protected"):
        open_document(locked)
    assert list(tmp_path.iterdir()) == [locked]


def test_zip_helper_sees_every_entry() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("ok.xml", b"<a/>")
        archive.writestr("sub/evil.rels", XXE + b"<r/>")
    from bayling_desktop.documents.xmlsafe import check_archive

    with pytest.raises(DocumentError, match=r"sub/evil\.rels"):
        check_archive(buffer.getvalue(), "pack.docx")


@pytest.mark.parametrize("kind", ["html", "docx", "xlf12"])
def test_control_characters_never_break_an_export(kind: str, tmp_path: Path) -> None:
    path = FILES[kind](tmp_path)
    if kind == "html":  # lxml's HTML parser lets an ESC into the tree
        path.write_bytes(path.read_bytes().replace(b"today.", b"to\x1bday."))
    document = open_document(path)
    out = tmp_path / f"out{path.suffix}"
    document.export({u.id: u.source + "\x00\x1b\ufffe" for u in document.units}, out)
    assert [u.source for u in open_document(out).units] == [
        u.source.replace("\x1b", "") for u in document.units]


def test_a_bilingual_docx_takes_control_characters(tmp_path: Path) -> None:
    from bayling_desktop.documents import export_bilingual

    source = tmp_path / "log.txt"
    source.write_text("Started\x1b[0m ok.\n\nBell\x07 rang.\n", encoding="utf-8")
    document = open_document(source)
    out = tmp_path / "review.docx"
    export_bilingual(document, {u.id: u.source for u in document.units}, out)
    import docx

    cells = [c.text for row in docx.Document(str(out)).tables[0].rows[1:] for c in row.cells]
    assert cells == ["Started[0m ok.", "Started[0m ok.", "Bell rang.", "Bell rang."]
