"""PDF, read only: text is extracted page by page into paragraphs. A PDF's layout cannot
be rebuilt faithfully, so the translation is exported as .docx, .md or .txt (or a
bilingual file) and the app says so. A scan without a text layer is refused clearly."""

from __future__ import annotations

import io
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from ..errors import DocumentError
from ..fileio import atomic_write_bytes, atomic_write_text
from .encoding import check_size
from .model import Document, Unit

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


def _page_paragraphs(page: Any) -> list[str]:
    """Paragraphs of one page: lines are grouped by position, and a vertical gap wider
    than about one and a half lines starts a new paragraph (PDFs have no paragraphs)."""
    fragments: list[tuple[float, float, str]] = []

    def visit(text: str, cm: Any, tm: Any, _font: Any, size: float) -> None:
        if text.strip():
            scale = abs(float(tm[3]) * float(cm[3])) or 1.0
            y = float(tm[5]) * float(cm[3]) + float(cm[5])
            fragments.append((y, max(float(size) * scale, 1.0), text))

    plain = page.extract_text(visitor_text=visit) or ""
    if not fragments or (len({round(y) for y, _, _ in fragments}) == 1
                         and "\n" in plain.strip()):
        # No usable positions: fall back to the blank lines of the extracted text.
        return [" ".join(p.split()) for p in _BREAK.split(plain) if p.strip()]
    paragraphs: list[list[str]] = [[]]
    last_y: float | None = None
    for y, size, text in fragments:
        if last_y is not None and abs(y - last_y) > size * 0.5:
            gap = last_y - y
            if gap > size * 1.6 or gap < 0:
                paragraphs.append([])
            else:
                paragraphs[-1].append("\n")
        paragraphs[-1].append(text)
        last_y = y
    result = []
    for parts in paragraphs:
        text = " ".join("".join(parts).split())
        if text:
            result.append(text)
    return result


def load(path: Path) -> PdfDocument:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    check_size(path)
    try:
        reader = PdfReader(str(path))
        if reader.is_encrypted:
            raise DocumentError(f"{path.name} is encrypted; remove the password first.")
        pages = [_page_paragraphs(page) for page in reader.pages]
    except PdfReadError as exc:
        raise DocumentError(f"{path.name} is not a readable PDF ({exc}).") from None
    except (ValueError, KeyError, TypeError, AttributeError) as exc:  # malformed objects
        raise DocumentError(f"{path.name} is a damaged PDF ({type(exc).__name__}).") from None
    units: list[Unit] = []
    empty_pages = []
    for number, paragraphs in enumerate(pages, start=1):
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
