"""Bad input gives one clear DocumentError and writes nothing; protected spans survive a
translator that rewrites everything else."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from bayling_desktop.documents import FORMAT_DESCRIPTIONS, open_document, supported_extensions
from bayling_desktop.documents.protect import protect, restore
from bayling_desktop.documents.tags import TAG_PATTERN
from bayling_desktop.errors import DocumentError

from .test_formats import FILES, make_docx
from .test_odt_pdf import make_odt, make_pdf


def shouting_translator(text: str) -> str:
    """Upper-cases everything the model may touch; tags (and so protected spans) survive."""
    protected, spans = protect(text)
    out: list[str] = []
    last = 0
    for match in TAG_PATTERN.finditer(protected):
        out += [protected[last:match.start()].upper(), match.group(0)]
        last = match.end()
    out.append(protected[last:].upper())
    restored, missing = restore("".join(out), spans)
    assert missing == []
    return restored


def test_protected_spans_come_back_verbatim(tmp_path: Path) -> None:
    document = open_document(FILES["md"](tmp_path))
    out = tmp_path / "loud.md"
    document.export({u.id: shouting_translator(u.source) for u in document.units}, out)
    text = out.read_text(encoding="utf-8")
    assert "A PARAGRAPH\nON TWO LINES WITH `code` AND https://example.org." in text
    assert 'print("never translated")' in text and "title: Notes" in text  # never units


def test_every_extension_has_a_description() -> None:
    assert set(supported_extensions()) == set(FORMAT_DESCRIPTIONS)
    assert {".docx", ".odt", ".pdf", ".srt", ".vtt", ".po", ".xlf", ".md", ".html"} <= set(
        supported_extensions())


def test_a_file_over_50_mb_is_refused_before_reading(tmp_path: Path) -> None:
    big = tmp_path / "huge.txt"
    with big.open("wb") as handle:
        handle.write(b"text")
        handle.truncate(51 * 1024 * 1024)  # sparse: costs no disk or time
    with pytest.raises(DocumentError, match="50 MB"):
        open_document(big)


def test_a_damaged_entry_inside_a_docx_is_reported(tmp_path: Path) -> None:
    good = make_docx(tmp_path / "good.docx").read_bytes()
    offset = good.index(b"word/document.xml") + 40  # inside that entry's compressed bytes
    broken = tmp_path / "broken.docx"
    broken.write_bytes(good[:offset] + bytes(b ^ 0xFF for b in good[offset:offset + 64])
                       + good[offset + 64:])
    with pytest.raises(DocumentError, match=r"damaged|not a valid|could not be read"):
        open_document(broken)


def test_odt_with_entity_declarations_is_refused(tmp_path: Path) -> None:
    source = make_odt(tmp_path / "a.odt")
    bomb = tmp_path / "bomb.odt"
    with zipfile.ZipFile(source) as original, zipfile.ZipFile(bomb, "w") as target:
        for info in original.infolist():
            data = original.read(info)
            if info.filename == "content.xml":
                data = data.replace(b"?>", b'?><!DOCTYPE x [<!ENTITY a "aaaa">]>', 1)
            target.writestr(info, data)
    with pytest.raises(DocumentError, match="entities"):
        open_document(bomb)


def test_failed_export_writes_nothing(tmp_path: Path) -> None:
    document = open_document(make_pdf(tmp_path / "p.pdf", [["Some text."]]))
    out = tmp_path / "translated.rtf"  # a type a PDF's translation cannot be written as
    with pytest.raises(DocumentError):
        document.export({}, out)
    assert not out.exists()
    assert list(tmp_path.iterdir()) == [tmp_path / "p.pdf"]  # no temp file left behind


def test_a_docx_that_is_really_text_names_the_problem(tmp_path: Path) -> None:
    fake = tmp_path / "letter.docx"
    fake.write_text("Dear colleague, this is plain text.", encoding="utf-8")
    with pytest.raises(DocumentError, match="renamed text file"):
        open_document(fake)


def test_a_zip_that_is_not_an_office_file(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("photo.txt", "hello")
    path = tmp_path / "photos.docx"
    path.write_bytes(buffer.getvalue())
    with pytest.raises(DocumentError, match=r"not a valid Word document|could not be read"):
        open_document(path)


def test_po_keeps_the_charset_its_header_declares(tmp_path: Path) -> None:
    po = tmp_path / "legacy.po"
    po.write_bytes('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=GBK\\n"\n\n'
                   'msgid "Open"\nmsgstr ""\n'.encode("gbk"))
    document = open_document(po)
    out = tmp_path / "zh.po"
    document.export({document.units[0].id: "打开文件"}, out)
    data = out.read_bytes()
    assert "打开文件".encode("gbk") in data
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")


def test_blocks_nested_in_inline_elements_are_translated_once(tmp_path: Path) -> None:
    page = tmp_path / "menu.html"
    page.write_text('<html><body><ul><li><a href="/x">\n  <div>Products</div>\n  '
                    "<div>Pricing\n   plans</div></a></li></ul></body></html>\n", encoding="utf-8")
    document = open_document(page)
    assert [u.source for u in document.units] == ["Products", "Pricing plans"]
    out = tmp_path / "zh.html"
    document.export({"e1": "产品", "e2": "价格方案"}, out)
    assert '<a href="/x">\n  <div>产品</div>\n  <div>价格方案</div></a>' in out.read_text(
        encoding="utf-8")
