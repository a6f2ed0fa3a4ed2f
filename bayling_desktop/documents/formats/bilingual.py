"""Bilingual exports for review: source and translation side by side, one row per unit."""

from __future__ import annotations

import html
import io
from collections.abc import Mapping
from pathlib import Path

from ...errors import DocumentError
from ...fileio import atomic_write_bytes, atomic_write_text
from ..model import Document
from ..tags import strip_tags
from ..xmlsafe import xml_text


def _rows(document: Document, translations: Mapping[str, str]) -> list[tuple[str, str]]:
    # python-docx (lxml) refuses characters XML cannot hold; a log file may have them
    return [(xml_text(strip_tags(u.source)), xml_text(strip_tags(translations.get(u.id, ""))))
            for u in document.units]


def write_bilingual(document: Document, translations: Mapping[str, str], out_path: Path,
                    *, layout: str = "side-by-side") -> None:
    suffix = out_path.suffix.lower()
    if suffix == ".pdf":
        if document.format_name != "pdf":
            raise DocumentError("bilingual_pdf_made_pdf")
        from .pdf_write import write_bilingual as write_pdf

        write_pdf(document, translations, out_path, alternate=layout == "alternate")
        return
    rows = _rows(document, translations)
    if suffix == ".docx":
        import docx

        doc = docx.Document()
        doc.add_heading(document.path.name, level=1)
        table = doc.add_table(rows=1, cols=2)
        table.style = "Table Grid"
        table.rows[0].cells[0].text = "Source"
        table.rows[0].cells[1].text = "Translation"
        for source, target in rows:
            cells = table.add_row().cells
            cells[0].text = source
            cells[1].text = target
        buffer = io.BytesIO()
        doc.save(buffer)
        atomic_write_bytes(out_path, buffer.getvalue())
    elif suffix in (".html", ".htm"):
        body = "\n".join(
            f"<tr><td>{html.escape(s)}</td><td>{html.escape(t)}</td></tr>" for s, t in rows)
        title = html.escape(document.path.name)
        atomic_write_text(out_path, (
            "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">"
            f"<title>{title}</title><style>table{{border-collapse:collapse;width:100%}}"
            "td,th{border:1px solid #ccc;padding:6px;vertical-align:top;width:50%}</style>"
            f"</head><body><h1>{title}</h1>\n<table><tr><th>Source</th><th>Translation</th>"
            f"</tr>\n{body}\n</table></body></html>\n"))
    else:
        raise DocumentError("bilingual_export_docx_table")
