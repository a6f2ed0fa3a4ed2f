"""One small real file per document format, for checking that a build can read and write each.

Each sample holds English sentences; the frozen app's document readers are imported by
name at run time, so a format missing from the bundle only shows when such a file is opened.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

SENTENCES = ("The meeting starts at nine.", "Please bring the signed contract.")


def _text(body: str) -> Callable[[Path], None]:
    def write(path: Path) -> None:
        path.write_text(body, encoding="utf-8")

    return write


def _docx(path: Path) -> None:
    import docx

    document = docx.Document()
    for sentence in SENTENCES:
        document.add_paragraph(sentence)
    document.save(str(path))


def _odt(path: Path) -> None:
    from odf.opendocument import OpenDocumentText
    from odf.text import P

    document = OpenDocumentText()
    for sentence in SENTENCES:
        document.text.addElement(P(text=sentence))
    document.save(str(path))


def _pdf(path: Path) -> None:
    """A minimal PDF 1.4 with a Helvetica text layer, one sentence per paragraph."""
    text = "\n".join(f"BT /F1 12 Tf 72 {700 - 120 * n} Td ({s}) Tj ET"
                     for n, s in enumerate(SENTENCES)).encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(text), text),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, xref)
    path.write_bytes(bytes(out))


def _pptx(path: Path) -> None:
    from pptx import Presentation

    deck = Presentation()
    for sentence in SENTENCES:
        slide = deck.slides.add_slide(deck.slide_layouts[5])
        slide.shapes.title.text = sentence
    deck.save(str(path))


def _xlsx(path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    for row, sentence in enumerate(SENTENCES, start=1):
        sheet.cell(row=row, column=1, value=sentence)
        sheet.cell(row=row, column=2, value=row * 10)
    book.save(str(path))


def _epub(path: Path) -> None:
    """EPUB 2: an OPF, an NCX table of contents (plain-text labels) and one chapter."""
    import zipfile

    uid = "urn:uuid:0b7b2d6e-4e0c-4b83-9d0a-1f2e3d4c5b6a"
    body = "".join(f"<p>{s}</p>" for s in SENTENCES)
    files = {
        "META-INF/container.xml": (
            '<?xml version="1.0"?><container version="1.0" xmlns="urn:oasis:names:tc:'
            'opendocument:xmlns:container"><rootfiles><rootfile full-path="OEBPS/content.opf"'
            ' media-type="application/oebps-package+xml"/></rootfiles></container>'),
        "OEBPS/content.opf": (
            '<?xml version="1.0" encoding="UTF-8"?><package xmlns="http://www.idpf.org/2007/'
            'opf" version="2.0" unique-identifier="id"><metadata xmlns:dc="http://purl.org/dc/'
            f'elements/1.1/"><dc:identifier id="id">{uid}</dc:identifier><dc:title>'
            f"{SENTENCES[0]}</dc:title><dc:language>en</dc:language></metadata><manifest>"
            '<item id="c1" href="c1.xhtml" media-type="application/xhtml+xml"/><item id="ncx" '
            'href="toc.ncx" media-type="application/x-dtbncx+xml"/></manifest>'
            '<spine toc="ncx"><itemref idref="c1"/></spine></package>'),
        "OEBPS/toc.ncx": (
            '<?xml version="1.0" encoding="UTF-8"?><ncx xmlns="http://www.daisy.org/z3986/'
            f'2005/ncx/" version="2005-1"><head><meta name="dtb:uid" content="{uid}"/></head>'
            f"<docTitle><text>{SENTENCES[0]}</text></docTitle><navMap><navPoint id=\"n1\" "
            f'playOrder="1"><navLabel><text>{SENTENCES[1]}</text></navLabel><content '
            'src="c1.xhtml"/></navPoint></navMap></ncx>'),
        "OEBPS/c1.xhtml": (
            '<?xml version="1.0" encoding="utf-8"?><html xmlns="http://www.w3.org/1999/xhtml">'
            f"<head><title>{SENTENCES[0]}</title></head><body>{body}</body></html>"),
    }
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), "application/epub+zip",
                         compress_type=zipfile.ZIP_STORED)
        for name, content in files.items():
            archive.writestr(name, content)


_PO = "".join(f'\nmsgid "{s}"\nmsgstr ""\n' for s in SENTENCES)
_XLIFF = "".join(f'<trans-unit id="u{n}"><source>{s}</source></trans-unit>'
                 for n, s in enumerate(SENTENCES))
_CUES = [f"00:00:0{2 * n + 1}.000 --> 00:00:0{2 * n + 2}.000\n{s}\n"
         for n, s in enumerate(SENTENCES)]

WRITERS: dict[str, Callable[[Path], None]] = {
    ".txt": _text("\n\n".join(SENTENCES) + "\n"),
    ".md": _text("# " + SENTENCES[0] + "\n\n" + SENTENCES[1] + "\n"),
    ".html": _text("<!DOCTYPE html><html><body>"
                   + "".join(f"<p>{s}</p>" for s in SENTENCES) + "</body></html>\n"),
    ".docx": _docx,
    ".odt": _odt,
    ".pdf": _pdf,
    ".srt": _text("\n".join(f"{n + 1}\n{cue.replace('.', ',', 2)}" for n, cue in
                            enumerate(_CUES))),
    ".vtt": _text("WEBVTT\n\n" + "\n".join(_CUES)),
    ".ass": _text("[Script Info]\nScriptType: v4.00+\n\n[V4+ Styles]\nFormat: Name, Fontname, "
                  "Fontsize\nStyle: Default,Arial,20\n\n[Events]\nFormat: Layer, Start, End, "
                  "Style, Text\n" + "".join(f"Dialogue: 0,0:00:0{2 * n + 1}.00,0:00:0{2 * n + 2}"
                                             f".00,Default,{s}\n"
                                             for n, s in enumerate(SENTENCES))),
    ".tmx": _text('<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header '
                  'srclang="en" datatype="plaintext" segtype="sentence" adminlang="en" '
                  'creationtool="samples" creationtoolversion="1" o-tmf="none"/><body>'
                  + "".join(f'<tu><tuv xml:lang="en"><seg>{s}</seg></tuv></tu>'
                            for s in SENTENCES) + "</body></tmx>\n"),
    ".po": _text('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n' + _PO),
    ".pptx": _pptx,
    ".xlsx": _xlsx,
    ".epub": _epub,
    ".xliff": _text('<?xml version="1.0" encoding="UTF-8"?>\n<xliff version="1.2" '
                    'xmlns="urn:oasis:names:tc:xliff:document:1.2"><file source-language="en" '
                    'datatype="plaintext" original="app"><body>' + _XLIFF
                    + "</body></file></xliff>\n"),
}


def write_samples(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for suffix, write in WRITERS.items():
        # one stem per format: a PDF is written back as .docx, beside the Word sample's
        path = folder / f"sample-{suffix[1:]}{suffix}"
        write(path)
        paths.append(path)
    return paths
