"""Builders for the new formats' test files: an EPUB 3 (nav + NCX) and an EPUB 2 book, a
presentation with grouped shapes, a table and notes, a workbook with numbers, formulas and
rich text."""

from __future__ import annotations

import zipfile
from pathlib import Path

XHTML11 = ('<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.1//EN" '
           '"http://www.w3.org/TR/xhtml11/DTD/xhtml11.dtd">')


UUID = "0f8fad5b-d9cb-469f-a165-70867728950e"


def _png() -> bytes:
    """A real 1×1 grey PNG (readers and epubcheck look inside images)."""
    import struct
    import zlib

    def chunk(kind: bytes, body: bytes) -> bytes:
        return (struct.pack(">I", len(body)) + kind + body
                + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
            + chunk(b"IDAT", zlib.compress(b"\x00\x80")) + chunk(b"IEND", b""))


def chapter(title: str, paragraphs: list[str], doctype: str = "") -> str:
    body = "".join(f"<p>{text}</p>" for text in paragraphs)
    return ('<?xml version="1.0" encoding="utf-8"?>' + doctype
            + '<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/'
            f'ops"><head><title>{title}</title><link rel="stylesheet" href="style.css"/></head>'
            f"<body><h1>{title}</h1>{body}<p><img src=\"cover.png\" alt=\"\"/></p></body></html>")


def make_epub(path: Path, *, version: int = 3, chapters: int = 2, paragraphs: int = 3,
              extra: dict[str, bytes] | None = None) -> Path:
    items, spine, points = [], [], []
    files: dict[str, str | bytes] = {}
    for number in range(1, chapters + 1):
        name = f"chap{number}.xhtml"
        texts = [f"Paragraph {k} of chapter {number} has <em>emphasis</em> and "
                 f'<a href="chap1.xhtml">a link</a>.' for k in range(1, paragraphs + 1)]
        files[f"OEBPS/{name}"] = chapter(f"Chapter {number}", texts,
                                         XHTML11 if version == 2 else "")
        items.append(f'<item id="c{number}" href="{name}" media-type="application/xhtml+xml"/>')
        spine.append(f'<itemref idref="c{number}"/>')
        points.append(f'<navPoint id="n{number}" playOrder="{number}"><navLabel><text>Chapter '
                      f'{number}</text></navLabel><content src="{name}"/></navPoint>')
    ncx_doctype = ('<!DOCTYPE ncx PUBLIC "-//NISO//DTD ncx 2005-1//EN" "http://www.daisy.org/'
                   'z3986/2005/ncx-2005-1.dtd">' if version == 2 else "")
    files["OEBPS/toc.ncx"] = ('<?xml version="1.0" encoding="UTF-8"?>' + ncx_doctype
                              + '<ncx xmlns="http://www.daisy.org/z3986/2005/ncx/" '
                              'version="2005-1">'
                              f'<head><meta name="dtb:uid" content="urn:uuid:{UUID}"/></head>'
                              "<docTitle><text>A Small Book</text></docTitle><navMap>"
                              + "".join(points) + "</navMap></ncx>")
    items.append('<item id="ncx" href="toc.ncx" media-type="application/x-dtbncx+xml"/>')
    if version == 3:
        links = "".join(f'<li><a href="chap{n}.xhtml">Chapter {n}</a></li>'
                        for n in range(1, chapters + 1))
        files["OEBPS/nav.xhtml"] = ('<?xml version="1.0" encoding="utf-8"?><html xmlns="http://'
                                    'www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/'
                                    '2007/ops"><head><title>Contents</title></head><body><nav '
                                    f'epub:type="toc"><h1>Contents</h1><ol>{links}</ol></nav>'
                                    "</body></html>")
        items.append('<item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" '
                     'properties="nav"/>')
    files["OEBPS/style.css"] = "p { margin: 0 }"
    files["OEBPS/cover.png"] = _png()
    items += ['<item id="css" href="style.css" media-type="text/css"/>',
              '<item id="img" href="cover.png" media-type="image/png"/>']
    files["OEBPS/content.opf"] = (
        f'<?xml version="1.0" encoding="UTF-8"?><package xmlns="http://www.idpf.org/2007/opf" '
        f'version="{version}.0" unique-identifier="id"><metadata xmlns:dc="http://purl.org/dc/'
        f'elements/1.1/"><dc:identifier id="id">urn:uuid:{UUID}</dc:identifier><dc:title>A '
        "Small Book</dc:title><dc:language>en</dc:language><dc:description>A book about small "
        "things.</dc:description>"
        + ('<meta property="dcterms:modified">2024-01-01T00:00:00Z</meta>' if version == 3
           else "") + "</metadata><manifest>" + "".join(items)
        + '</manifest><spine toc="ncx">' + "".join(spine) + "</spine></package>")
    files["META-INF/container.xml"] = (
        '<?xml version="1.0"?><container version="1.0" xmlns="urn:oasis:names:tc:opendocument:'
        'xmlns:container"><rootfiles><rootfile full-path="OEBPS/content.opf" media-type="'
        'application/oebps-package+xml"/></rootfiles></container>')
    files.update(extra or {})
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), "application/epub+zip",
                         compress_type=zipfile.ZIP_STORED)
        for name, content in files.items():
            archive.writestr(name, content)
    return path


def make_pptx(path: Path, slides: int = 2) -> Path:
    import pptx
    from pptx.util import Inches

    presentation = pptx.Presentation()
    for number in range(1, slides + 1):
        slide = presentation.slides.add_slide(presentation.slide_layouts[5])
        slide.shapes.title.text = f"Slide {number} title"
        box = slide.shapes.add_textbox(Inches(1), Inches(2), Inches(6), Inches(2))
        paragraph = box.text_frame.paragraphs[0]
        paragraph.add_run().text = "Revenue rose "
        bold = paragraph.add_run()
        bold.text = "sharply"
        bold.font.bold = True
        paragraph.add_run().text = " this quarter."
        link = box.text_frame.add_paragraph().add_run()
        link.text = "Read the report"
        link.hyperlink.address = "https://example.org/report"
        group = slide.shapes.add_group_shape()
        inner = group.shapes.add_textbox(Inches(1), Inches(4), Inches(3), Inches(1))
        inner.text_frame.text = "Grouped note"
        table = slide.shapes.add_table(1, 2, Inches(1), Inches(5), Inches(4), Inches(1)).table
        table.cell(0, 0).text = "Region"
        table.cell(0, 1).text = "North"
        slide.notes_slide.notes_text_frame.text = f"Speaker notes for slide {number}."
    presentation.save(str(path))
    return path


def make_xlsx(path: Path) -> Path:
    import openpyxl
    from openpyxl.cell.rich_text import CellRichText, TextBlock
    from openpyxl.cell.text import InlineFont

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Sales"
    sheet["A1"] = "Region"
    sheet["B1"] = "Revenue"
    sheet["A2"] = "North"
    sheet["B2"] = 1250.5
    sheet["A3"] = "South"
    sheet["B3"] = 980
    sheet["B4"] = "=SUM(B2:B3)"
    sheet["A4"] = CellRichText(["Total ", TextBlock(InlineFont(b=True), "so far")])
    other = workbook.create_sheet("Notes")
    other["A1"] = "Figures are in euros."
    other["A2"] = "North"  # a shared string used twice
    workbook.save(str(path))
    return path


def make_shared_xlsx(path: Path) -> Path:
    """A workbook as Excel writes it: strings in xl/sharedStrings.xml, used by index."""
    main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    parts = {
        "[Content_Types].xml": (
            '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats'
            '.org/package/2006/content-types"><Default Extension="rels" ContentType="application'
            '/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" '
            'ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="'
            'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
            '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.'
            'openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="'
            '/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.'
            'spreadsheetml.sharedStrings+xml"/></Types>'),
        "_rels/.rels": (
            '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.'
            'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="'
            f'{rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>'),
        "xl/workbook.xml": (
            f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{main}" xmlns:r="{rel}">'
            '<sheets><sheet name="Data" sheetId="1" r:id="rId1"/></sheets></workbook>'),
        "xl/_rels/workbook.xml.rels": (
            '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.'
            f'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="{rel}'
            '/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="'
            f'{rel}/sharedStrings" Target="sharedStrings.xml"/></Relationships>'),
        "xl/sharedStrings.xml": (
            f'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="{main}" count="4" '
            'uniqueCount="3"><si><t>City</t></si><si><t>Paris</t></si><si><r><t xml:space="'
            'preserve">Very </t></r><r><rPr><b/></rPr><t>big</t></r></si></sst>'),
        "xl/worksheets/sheet1.xml": (
            f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{main}"><sheetData>'
            '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1"><v>42</v></c></row>'
            '<row r="2"><c r="A2" t="s"><v>1</v></c><c r="B2"><f>B1*2</f><v>84</v></c></row>'
            '<row r="3"><c r="A3" t="s"><v>1</v></c><c r="B3" t="s"><v>2</v></c></row>'
            "</sheetData></worksheet>"),
    }
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, xml in parts.items():
            archive.writestr(name, xml)
    return path
