"""EPUB, PowerPoint and Excel (issue 14 item 4): same unit model, identity round trip, every
visible text reached (coverage helper), bad input refused with one sentence, nothing written."""

from __future__ import annotations

import io
import shutil
import subprocess
import zipfile
from pathlib import Path

import openpyxl
import pptx
import pytest

from bayling_desktop.documents import open_document
from bayling_desktop.documents.formats.epub import check_structure
from bayling_desktop.errors import DocumentError

from .coverage import assert_covered, mark, visible_text
from .newformats import make_epub, make_pptx, make_shared_xlsx, make_xlsx

MAKERS = {
    "epub3": lambda d: make_epub(d / "book.epub"),
    "epub2": lambda d: make_epub(d / "old.epub", version=2),
    "pptx": lambda d: make_pptx(d / "deck.pptx"),
    "xlsx": lambda d: make_xlsx(d / "sheet.xlsx"),
    "xlsx-shared": lambda d: make_shared_xlsx(d / "excel.xlsx"),
}


@pytest.mark.parametrize("kind", sorted(MAKERS))
def test_identity_round_trip(kind: str, tmp_path: Path) -> None:
    source = MAKERS[kind](tmp_path)
    document = open_document(source)
    out = tmp_path / f"same{source.suffix}"
    document.export({u.id: u.source for u in document.units}, out)
    assert not document.flagged
    assert visible_text(out) == visible_text(source)
    assert [u.source for u in open_document(out).units] == [u.source for u in document.units]
    with zipfile.ZipFile(source) as a, zipfile.ZipFile(out) as b:
        assert sorted(a.namelist()) == sorted(b.namelist())
        for name in a.namelist():  # media, styles, fonts: byte for byte
            if not name.endswith((".xml", ".xhtml", ".opf", ".ncx", ".rels")):
                assert a.read(name) == b.read(name), name


@pytest.mark.parametrize("kind", sorted(MAKERS))
def test_marker_translator_reaches_every_visible_text(kind: str, tmp_path: Path) -> None:
    source = MAKERS[kind](tmp_path)
    document = assert_covered(source, tmp_path / f"marked{source.suffix}")
    assert not document.flagged


def test_epub_units_and_structure(tmp_path: Path) -> None:
    document = open_document(make_epub(tmp_path / "book.epub"))
    sources = [u.source for u in document.units]
    assert sources[:2] == ["A Small Book", "A book about small things."]  # metadata first
    assert "Paragraph 1 of chapter 1 has <1>emphasis</1> and <2>a link</2>." in sources
    assert sources.count("Chapter 1") >= 3  # chapter heading + title, nav and NCX entries
    out = tmp_path / "zh.epub"
    document.export({u.id: mark(u.source) for u in document.units}, out)
    assert check_structure(out.read_bytes(), out.name) == []
    with zipfile.ZipFile(out) as book:
        first = book.infolist()[0]
        assert first.filename == "mimetype" and first.compress_type == zipfile.ZIP_STORED
        chapter = book.read("OEBPS/chap1.xhtml").decode("utf-8")
    assert '<a href="chap1.xhtml">‹a› ‹link›</a>' in chapter and 'src="cover.png"' in chapter


@pytest.mark.parametrize("version", [2, 3])
def test_epub_passes_epubcheck_when_it_is_installed(version: int, tmp_path: Path) -> None:
    jar = Path("/usr/share/java/epubcheck.jar")  # Debian's package epubcheck
    if not jar.exists() or shutil.which("java") is None:
        pytest.skip("epubcheck is not installed (Debian package epubcheck)")
    out = tmp_path / "zh.epub"
    source = make_epub(tmp_path / "book.epub", version=version)
    document = open_document(source)
    document.export({u.id: mark(u.source) for u in document.units}, out)
    for book in (source, out):  # the builder's book is valid, and so is its translation
        result = subprocess.run(["java", "-jar", str(jar), str(book)], capture_output=True,
                                text=True, timeout=300, check=False)
        assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]


def test_pptx_runs_links_groups_tables_and_notes(tmp_path: Path) -> None:
    document = open_document(make_pptx(tmp_path / "deck.pptx", slides=1))
    by_source = {u.source: u for u in document.units}
    assert "Revenue rose <2>sharply</2> this quarter." in by_source
    assert "<1>Read the report</1>" in by_source
    assert {"Slide 1 title", "Grouped note", "Region", "North"} <= set(by_source)
    assert by_source["Speaker notes for slide 1."].kind == "note"
    out = tmp_path / "zh.pptx"
    document.export({by_source["Revenue rose <2>sharply</2> this quarter."].id:
                     "本季度收入<2>大幅</2>增长。",
                     by_source["<1>Read the report</1>"].id: "<1>阅读报告</1>"}, out)
    slide = pptx.Presentation(str(out)).slides[0]
    box = next(s for s in slide.shapes if s.has_text_frame and "收入" in s.text_frame.text)
    runs = [(r.text, r.font.bold) for r in box.text_frame.paragraphs[0].runs]
    assert runs == [("本季度收入", None), ("大幅", True), ("增长。", None)]
    link = box.text_frame.paragraphs[1].runs[0]
    assert link.text == "阅读报告" and link.hyperlink.address == "https://example.org/report"


def test_xlsx_shared_strings_are_one_unit_each(tmp_path: Path) -> None:
    document = open_document(make_shared_xlsx(tmp_path / "excel.xlsx"))
    assert [u.source for u in document.units] == ["City", "Paris", "Very <2>big</2>"]
    out = tmp_path / "zh.xlsx"
    document.export(dict(zip([u.id for u in document.units], ["城市", "巴黎", "非常<2>大</2>"],
                             strict=True)), out)
    sheet = openpyxl.load_workbook(str(out), rich_text=True)["Data"]
    assert [sheet["A1"].value, sheet["A2"].value, sheet["A3"].value] == ["城市", "巴黎", "巴黎"]
    assert (sheet["B1"].value, sheet["B2"].value) == (42, "=B1*2")
    rich = sheet["B3"].value
    assert str(rich) == "非常大" and rich[1].font.b  # the bold run kept its formatting


def test_xlsx_strings_only(tmp_path: Path) -> None:
    document = open_document(make_xlsx(tmp_path / "sheet.xlsx"))
    sources = [u.source for u in document.units]
    assert "Total <2>so far</2>" in sources and not any("SUM" in s for s in sources)
    out = tmp_path / "zh.xlsx"
    document.export({u.id: {"North": "北方", "Region": "地区"}.get(u.source, u.source)
                     for u in document.units}, out)
    workbook = openpyxl.load_workbook(str(out))
    sales, notes = workbook["Sales"], workbook["Notes"]
    assert (sales["A1"].value, sales["A2"].value, notes["A2"].value) == ("地区", "北方", "北方")
    assert (sales["B2"].value, sales["B3"].value, sales["B4"].value) == (1250.5, 980,
                                                                         "=SUM(B2:B3)")
    assert workbook.sheetnames == ["Sales", "Notes"]


def _corrupt(path: Path) -> Path:
    data = bytearray(path.read_bytes())
    middle = len(data) // 2
    data[middle:middle + 200] = bytes(b ^ 0x5A for b in data[middle:middle + 200])
    path.write_bytes(bytes(data))
    return path


def _replace_part(path: Path, part: str, change: bytes) -> Path:
    out = path.with_name("bad" + path.suffix)
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == part:
                data = change + data.split(b"?>", 1)[-1] if data.startswith(b"<?xml") else (
                    change + data)
            target.writestr(info, data)
    return out


XXE = b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
BOMB = (b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaaaaaaaa">'
        b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>')
PARTS = {"epub3": "OEBPS/chap1.xhtml", "epub2": "OEBPS/content.opf",
         "pptx": "ppt/slides/slide1.xml", "xlsx": "xl/worksheets/sheet1.xml",
         "xlsx-shared": "xl/sharedStrings.xml"}


def _assert_refused(path: Path, pattern: str) -> None:
    before = sorted(path.parent.iterdir())
    with pytest.raises(DocumentError, match=pattern) as caught:
        open_document(path)
    message = str(caught.value)
    assert "\n" not in message and "Traceback" not in message
    assert sorted(path.parent.iterdir()) == before  # nothing written


@pytest.mark.parametrize("kind", sorted(MAKERS))
def test_bad_input_is_one_sentence_and_nothing_written(kind: str, tmp_path: Path) -> None:
    source = MAKERS[kind](tmp_path)
    _assert_refused(_replace_part(source, PARTS[kind], XXE), "declares XML entities")
    _assert_refused(_replace_part(source, PARTS[kind], BOMB), "declares XML entities")
    _assert_refused(_corrupt(source), r"damaged|not a valid")
    locked = tmp_path / f"locked{source.suffix}"
    locked.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(1024))
    _assert_refused(locked, "password-protected")


def test_drm_epub_is_refused(tmp_path: Path) -> None:
    encryption = (b'<?xml version="1.0"?><encryption xmlns="urn:oasis:names:tc:opendocument:'
                  b'xmlns:container" xmlns:enc="http://www.w3.org/2001/04/xmlenc#"><enc:'
                  b'EncryptedData><enc:EncryptionMethod Algorithm="http://www.w3.org/2001/04/'
                  b'xmlenc#aes128-cbc"/><enc:CipherData><enc:CipherReference URI="OEBPS/'
                  b'chap1.xhtml"/></enc:CipherData></enc:EncryptedData></encryption>')
    book = make_epub(tmp_path / "drm.epub", extra={"META-INF/encryption.xml": encryption})
    _assert_refused(book, "protected by DRM")
    fonts = encryption.replace(b"http://www.w3.org/2001/04/xmlenc#aes128-cbc",
                               b"http://www.idpf.org/2008/embedding")
    obfuscated = make_epub(tmp_path / "fonts.epub", extra={"META-INF/encryption.xml": fonts})
    assert open_document(obfuscated).units  # font obfuscation is not DRM


def test_a_zip_that_is_no_book_or_deck(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("notes.txt", "hello")
    for suffix in (".epub", ".pptx", ".xlsx"):
        path = tmp_path / f"x{suffix}"
        path.write_bytes(buffer.getvalue())
        _assert_refused(path, r"not a valid")
        path.unlink()


def test_a_password_protected_odt_is_named(tmp_path: Path) -> None:
    manifest = (b'<?xml version="1.0"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:'
                b'opendocument:xmlns:manifest:1.0"><manifest:file-entry manifest:full-path="'
                b'content.xml" manifest:media-type="text/xml"><manifest:encryption-data '
                b'manifest:checksum-type="SHA1"/></manifest:file-entry></manifest:manifest>')
    locked = tmp_path / "locked.odt"
    with zipfile.ZipFile(locked, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", bytes(range(256)))  # ciphertext
        archive.writestr("META-INF/manifest.xml", manifest)
    _assert_refused(locked, "password-protected")


def test_a_strict_presentation_is_refused_with_a_sentence(tmp_path: Path) -> None:
    source = make_pptx(tmp_path / "deck.pptx", slides=1)
    strict = tmp_path / "strict.pptx"
    with zipfile.ZipFile(source) as original, zipfile.ZipFile(strict, "w") as target:
        for info in original.infolist():
            data = original.read(info)
            if info.filename.endswith(".xml") and info.filename != "[Content_Types].xml":
                data = data.replace(b"http://schemas.openxmlformats.org/presentationml/2006/main",
                                    b"http://purl.oclc.org/ooxml/presentationml/main")
            target.writestr(info, data)
    _assert_refused(strict, "Strict Open XML")


def test_pptx_follows_reordered_tags(tmp_path: Path) -> None:
    import pptx as python_pptx
    from pptx.util import Inches

    presentation = python_pptx.Presentation()
    slide = presentation.slides.add_slide(presentation.slide_layouts[6])
    paragraph = slide.shapes.add_textbox(Inches(1), Inches(1), Inches(5), Inches(1)
                                         ).text_frame.paragraphs[0]
    for text, bold, italic in (("Click ", None, None), ("Save", True, None), (" in ", None, None),
                               ("File", None, True)):
        run = paragraph.add_run()
        run.text, run.font.bold, run.font.italic = text, bold, italic
    presentation.save(str(tmp_path / "r.pptx"))
    document = open_document(tmp_path / "r.pptx")
    assert document.units[0].source == "Click <2>Save</2> in <4>File</4>"
    document.export({document.units[0].id: "在<4>文件</4>中单击<2>保存</2>"}, tmp_path / "zh.pptx")
    shape = next(iter(pptx.Presentation(str(tmp_path / "zh.pptx")).slides[0].shapes))
    runs = [(r.text, r.font.bold, r.font.italic) for r in shape.text_frame.paragraphs[0].runs]
    assert runs == [("在", None, None), ("文件", None, True), ("中单击", None, None),
                    ("保存", True, None)] and not document.flagged


def test_chart_titles_are_units_and_cached_labels_are_said_once(tmp_path: Path) -> None:
    from pptx.chart.data import CategoryChartData
    from pptx.enum.chart import XL_CHART_TYPE
    from pptx.util import Inches

    source = make_pptx(tmp_path / "deck.pptx", slides=1)
    presentation = pptx.Presentation(str(source))
    data = CategoryChartData()
    data.categories = ["North", "South"]
    data.add_series("Revenue", (1.0, 2.0))
    chart = presentation.slides[0].shapes.add_chart(
        XL_CHART_TYPE.COLUMN_CLUSTERED, Inches(1), Inches(1), Inches(4), Inches(3), data).chart
    chart.has_title = True
    chart.chart_title.text_frame.text = "Revenue by region"
    presentation.save(str(tmp_path / "chart.pptx"))
    assert list(map(str, open_document(source).notices)) == []
    # the title is translated now (tests/unit/documents/test_charts.py); the labels that
    # come from the chart's embedded workbook are what is left, and said once
    charted = open_document(tmp_path / "chart.pptx")
    assert [u.source for u in charted.units if u.kind == "chart"] == ["Revenue by region"]
    assert list(map(str, charted.notices)) == [
        "This document has charts whose category and series labels come from a workbook "
        "embedded in the chart; those labels were left untranslated."]
