"""PDF, read only: text is extracted page by page into paragraphs. A PDF's layout cannot
be rebuilt faithfully, so the translation is exported as .docx, .md or .txt (or a
bilingual file) and the app says so. A scan without a text layer is refused clearly."""

from __future__ import annotations

import io
import re
from collections.abc import Mapping
from pathlib import Path

from ..errors import DocumentError
from ..fileio import atomic_write_bytes, atomic_write_text
from .model import Document, Unit

MAX_PDF_BYTES = 50 * 1024 * 1024
_BREAK = re.compile(r"\n\s*\n")


class PdfDocument(Document):
    format_name = "pdf"
    export_formats = (".docx", ".md", ".txt")

    def export(self, translations: Mapping[str, str], out_path: Path) -> None:
        texts = [translations.get(u.id, u.source) for u in self.units]
        suffix = out_path.suffix.lower()
        if suffix == ".docx":
            import docx

            doc = docx.Document()
            page = None
            for unit, text in zip(self.units, texts, strict=True):
                if unit.meta.get("page") != page and page is not None:
                    doc.add_page_break()
                page = unit.meta.get("page")
                doc.add_paragraph(text)
            buffer = io.BytesIO()
            doc.save(buffer)
            atomic_write_bytes(out_path, buffer.getvalue())
        elif suffix in (".md", ".txt"):
            atomic_write_text(out_path, "\n\n".join(texts) + "\n")
        else:
            raise DocumentError("A PDF's layout cannot be rebuilt: export the translation as "
                                ".docx, .md or .txt, or as a bilingual file.")


def load(path: Path) -> PdfDocument:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    size = path.stat().st_size
    if size > MAX_PDF_BYTES:
        raise DocumentError(f"{path.name} is {size / 1e6:.0f} MB; files over 50 MB are not "
                            "supported.")
    try:
        reader = PdfReader(str(path))
        if reader.is_encrypted:
            raise DocumentError(f"{path.name} is encrypted; remove the password first.")
        pages = [page.extract_text() or "" for page in reader.pages]
    except PdfReadError as exc:
        raise DocumentError(f"{path.name} is not a readable PDF ({exc}).") from None
    units: list[Unit] = []
    empty_pages = []
    for number, text in enumerate(pages, start=1):
        paragraphs = [" ".join(p.split()) for p in _BREAK.split(text) if p.strip()]
        if not paragraphs:
            empty_pages.append(number)
        for paragraph in paragraphs:
            units.append(Unit(f"pg{number}-{len(units) + 1}", paragraph,
                              meta={"page": number}))
    if not units:
        raise DocumentError(f"{path.name} has no text layer (a scanned PDF?); run OCR on it "
                            "first.")
    document = PdfDocument(path, units)
    document.warnings.append("A PDF's layout cannot be rebuilt: the translation is exported "
                             "as .docx, .md or .txt.")
    if empty_pages:
        document.warnings.append(f"No text on page(s) {', '.join(map(str, empty_pages))} "
                                 "(images or scans) — they are not translated.")
    return document
