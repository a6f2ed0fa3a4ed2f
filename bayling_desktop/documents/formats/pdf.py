"""PDF: paragraphs, headings, table cells, headers and footers read with PyMuPDF, each
with its page and box, and written back as a PDF with the same pages (see
:mod:`.pdf_write`), or as .docx, .md or .txt.

A PDF knows glyphs and positions, not paragraphs: :mod:`.pdf_layout` infers them
(reading order across columns, hyphenation, formulas and code left alone). A page that
shows its text only as pixels (a scan, even under an invisible OCR layer) is read by
offline OCR (:mod:`.pdf_ocr`), as is a large picture of text on a page with a text layer;
lines turned on the stored page (/Rotate) are read turned (:mod:`.pdf_turned`). A page
where OCR finds nothing, and text left as it is (vertical writing, slanted lines), are
kept in every output as they are and named in a notice: nothing is ever dropped.
PyMuPDF (AGPL-3.0) is imported only by the ``pdf*`` modules.
"""

from __future__ import annotations

import io
import statistics
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any, cast

from ...errors import DocumentError
from ...fileio import atomic_write_bytes, atomic_write_text
from ...sentences import Sentence
from ..encoding import check_size
from ..model import Document, Unit
from .pdf_layout import (
    Block,
    Line,
    columns,
    heading_kinds,
    hyphenated_words,
    is_math_font,
    is_mono_font,
    join_lines,
    paragraphs,
    protected_kind,
    reading_order,
    repeated_margins,
)
from .pdf_ocr import Scans, needs_ocr, ocr_flags
from .pdf_turned import direction, turned_blocks

_ITALIC, _SERIF, _MONO, _BOLD = 2, 4, 8, 16


class PasswordRequired(DocumentError):
    """The PDF is encrypted with a user password that was not given (or was wrong)."""


def fitz() -> Any:
    """PyMuPDF, imported on first use, with MuPDF's own console messages silenced (a
    damaged file is refused in one sentence, without library warnings printed first)."""
    import pymupdf

    pymupdf.TOOLS.mupdf_display_errors(False)
    pymupdf.TOOLS.mupdf_display_warnings(False)
    # find_tables() otherwise prints an advertisement for an optional package
    if hasattr(pymupdf, "_recommend_layout"):
        pymupdf._recommend_layout = False
    return pymupdf


def pdf_errors() -> tuple[type[Exception], ...]:
    """What MuPDF raises on a malformed file (its own error classes are not all
    RuntimeErrors)."""
    base = getattr(getattr(fitz(), "mupdf", None), "FzErrorBase", None)
    found: tuple[type[Exception], ...] = (RuntimeError, ValueError, IndexError, KeyError)
    return (*found, base) if isinstance(base, type) else found


def open_pdf(path: Path, password: str | None = None) -> Any:
    """The PyMuPDF document of *path*, authenticated; every failure is one sentence."""
    pymupdf = fitz()
    try:
        pdf = pymupdf.open(str(path), filetype="pdf")
    except pdf_errors() as exc:
        raise DocumentError("damaged_pdf_reason", path=path.name,
                            failure_reason=failure_reason(exc)) from None
    if pdf.needs_pass:  # an empty user password was already tried by opening
        if not password:
            raise PasswordRequired("protected_password_give_open", path=path.name)
        if not pdf.authenticate(password):
            raise PasswordRequired("password_wrong", path=path.name)
    if pdf.page_count == 0:
        raise DocumentError("damaged_pdf_no_pages", path=path.name)
    return pdf


def failure_reason(exc: Exception) -> str:
    """MuPDF's reason, without its error code or the file's path."""
    text = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    text = text.split(": ", 1)[-1] if text.startswith("code=") else text
    if "Failed to open file" in text or "cannot open" in text:
        return "its structure cannot be read"
    return text


class PdfDocument(Document):
    format_name = "pdf"
    export_formats = (".pdf", ".docx", ".md", ".txt")

    def __init__(self, path: Path, units: list[Unit], password: str | None = None) -> None:
        super().__init__(path, units)
        #: kept (in memory only) to reopen the file for writing the translated PDF
        self.password = password
        #: pages in the file (scans included: they hold no unit)
        self.page_count = 0

    def export(self, translations: Mapping[str, str], out_path: Path) -> None:
        for unit_id, flags in ocr_flags(self.units, self.source_language).items():
            known = self.flagged.setdefault(unit_id, [])
            known += [flag for flag in flags if flag not in known]
        suffix = out_path.suffix.lower()
        if suffix == ".pdf":
            from .pdf_write import write_translated

            write_translated(self, translations, out_path)
            return
        texts = [translations.get(u.id, u.source) for u in self.units]
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
            raise DocumentError("pdf_translation_written_pdf")


def _pieces(raw: Mapping[str, Any]) -> list[Line]:
    """The lines of one PyMuPDF ``dict`` line: split where a gap wider than three
    characters' size separates its spans (a PDF that draws each text row across all
    its columns at once); none for vertical or rotated text (left as it is: it cannot
    be set back in its box; said in a notice)."""
    direction = raw.get("dir", (1.0, 0.0))
    spans = [s for s in raw.get("spans", ()) if s.get("text")]
    if abs(direction[1]) > 0.05 or direction[0] < 0 or not spans:
        return []
    groups: list[list[Mapping[str, Any]]] = [[spans[0]]]
    for span in spans[1:]:
        last = groups[-1][-1]
        gap = span["bbox"][0] - last["bbox"][2]
        if last["text"].strip() and span["text"].strip() and gap > 3 * float(span["size"]):
            groups.append([span])
        else:
            groups[-1].append(span)
    found = (_line(group) for group in groups)
    return [line for line in found if line is not None]


def _line(spans: list[Mapping[str, Any]]) -> Line | None:
    text = "".join(s["text"] for s in spans)
    if not text.strip():
        return None
    main = max(spans, key=lambda s: len(s["text"].strip()))
    x0 = min(float(s["bbox"][0]) for s in spans if s["text"].strip())
    x1 = max(float(s["bbox"][2]) for s in spans if s["text"].strip())
    y0 = min(float(s["bbox"][1]) for s in spans)
    y1 = max(float(s["bbox"][3]) for s in spans)
    size = float(main.get("size", 10.0))
    if x1 - x0 < size * 1.3 and y1 - y0 > size * 1.8 and len(text.strip()) > 1:
        return None  # vertical writing (a vertical font reports a horizontal direction)
    flags = int(main.get("flags", 0))
    return Line(
        rect=(x0, y0, x1, y1), text=text, size=size,
        font=str(main.get("font", "")), bold=bool(flags & _BOLD) or "Bold" in main.get("font", ""),
        italic=bool(flags & _ITALIC), serif=bool(flags & _SERIF), color=int(main.get("color", 0)),
        math_chars=sum(len(s["text"].strip()) for s in spans if is_math_font(s.get("font", ""))),
        mono_chars=sum(len(s["text"].strip()) for s in spans
                       if is_mono_font(s.get("font", ""), int(s.get("flags", 0)))))


def _upright(raw: Mapping[str, Any]) -> bool:
    """A line of vertical writing: wmode 1, or one or two characters drawn on their own
    (how many PDFs set vertical text, one glyph a line)."""
    if raw.get("wmode") == 1:
        return True
    text = "".join(s.get("text", "") for s in raw.get("spans", ())).strip()
    return 0 < len(text) <= 2 and not text.isascii()


def _center_in(rect: tuple[float, ...], box: tuple[float, ...]) -> bool:
    x, y = (rect[0] + rect[2]) / 2, (rect[1] + rect[3]) / 2
    return box[0] <= x <= box[2] and box[1] <= y <= box[3]


def _tables(page: Any, lines: list[Line]) -> tuple[list[Block], list[Line]]:
    """Table cells as blocks of their own (a cell's text is never run into the body),
    and the lines outside any cell. Only pages with ruling lines are searched: finding
    tables costs far more than reading text."""
    if not _has_grid(page):
        return [], lines
    failures: tuple[type[Exception], ...] = (ZeroDivisionError, *pdf_errors())
    try:
        found = page.find_tables().tables
    except failures:
        return [], lines
    cells: list[Block] = []
    taken: set[int] = set()
    for table in found:
        boxes = sorted((tuple(c) for c in table.cells if c), key=lambda c: (round(c[1]), c[0]))
        for box in boxes:
            inside = [n for n, line in enumerate(lines) if n not in taken
                      and _center_in(line.rect, box)]
            if inside:
                taken.update(inside)
                cells.append(Block([lines[n] for n in inside], kind="cell", box=box))
    return cells, [line for n, line in enumerate(lines) if n not in taken]


def _has_grid(page: Any) -> bool:
    """Whether the page draws at least three long horizontal and three long vertical
    rules (or boxes): what a ruled table needs before PyMuPDF can find one there."""
    across = down = 0
    try:
        drawings = page.get_cdrawings()
    except pdf_errors():
        return False
    for drawing in drawings:
        for item in drawing.get("items", ()):
            if item[0] == "l":
                (x0, y0), (x1, y1) = item[1], item[2]
                across += abs(y1 - y0) < 1 and abs(x1 - x0) >= 15
                down += abs(x1 - x0) < 1 and abs(y1 - y0) >= 15
            elif item[0] == "re":
                x0, y0, x1, y1 = item[1]
                width, height = abs(x1 - x0), abs(y1 - y0)
                across += (2 if height >= 15 else 1) if width >= 15 else 0
                down += (2 if width >= 15 else 1) if height >= 15 else 0
        if across >= 3 and down >= 3:
            return True
    return False


def _page_blocks(page: Any) -> tuple[list[Block], bool, bool]:
    """The page's blocks in reading order, whether it has any text at all, and whether
    some of it (vertical or rotated) was left out."""
    data = page.get_text("dict", flags=fitz().TEXT_PRESERVE_WHITESPACE
                         | fitz().TEXT_MEDIABOX_CLIP)
    raw_blocks = [b for b in data.get("blocks", ()) if b.get("type") == 0]
    has_text = any(s.get("text", "").strip() for b in raw_blocks for ln in b.get("lines", ())
                   for s in ln.get("spans", ()))
    grouped: list[list[Line]] = []
    skipped = False
    all_lines = [ln for b in raw_blocks for ln in b.get("lines", ())]
    # a page set mostly in vertical writing cannot be set back horizontally in its boxes
    if sum(1 for ln in all_lines if _upright(ln)) * 2 >= len(all_lines) > 0:
        return [], has_text, True  # laid out for vertical reading: kept as it is
    turned: dict[int, list[list[Mapping[str, Any]]]] = {}
    for raw in raw_blocks:
        raw_lines = raw.get("lines", ())
        if sum(1 for ln in raw_lines if ln.get("wmode") == 1) * 3 >= len(raw_lines):
            skipped = True  # vertical writing: characters stacked one per line
            continue
        for turn in {direction(ln) for ln in raw_lines} - {0, None}:
            turned.setdefault(cast(int, turn), []).append(
                [ln for ln in raw_lines if direction(ln) == turn])
        raw_lines = [ln for ln in raw_lines if direction(ln) in (0, None)]
        pieces = [_pieces(ln) for ln in raw_lines]
        skipped |= any(not found and any(s.get("text", "").strip() for s in ln["spans"])
                       for found, ln in zip(pieces, raw_lines, strict=True))
        grouped += columns([line for found in pieces for line in found])
    cells, _rest = _tables(page, [line for group in grouped for line in group])
    in_cells = {id(line) for cell in cells for line in cell.lines}
    blocks: list[Block] = []
    for group in grouped:
        free = [line for line in group if id(line) not in in_cells]
        blocks += [Block(paragraph) for paragraph in paragraphs(free)]
    # a table is read as one piece where it stands, its cells row by row
    tables: list[list[Block]] = []
    for cell in cells:
        if tables and _overlaps(tables[-1][-1].rect, cell.rect, 2.0):
            tables[-1].append(cell)
        else:
            tables.append([cell])
    items: list[list[Block]] = [[b] for b in blocks] + tables
    rects = [_union([b.rect for b in item]) for item in items]
    ordered = [block for i in reading_order(rects) for block in items[i]]
    for turn, raw_groups in sorted(turned.items()):
        ordered += turned_blocks(page, turn, raw_groups, _pieces)
    return ordered, has_text, skipped


def _overlaps(a: tuple[float, ...], b: tuple[float, ...], slack: float) -> bool:
    return not (a[2] + slack < b[0] or b[2] + slack < a[0]
                or a[3] + slack < b[1] or b[3] + slack < a[1])


def _union(rects: list[tuple[float, float, float, float]]) -> tuple[float, float, float, float]:
    return (min(r[0] for r in rects), min(r[1] for r in rects),
            max(r[2] for r in rects), max(r[3] for r in rects))


def _pages_text(numbers: list[int]) -> str:
    return ", ".join(map(str, numbers[:20])) + (", …" if len(numbers) > 20 else "")


def _scanned(block: Block) -> dict[str, object]:
    """What a unit read by OCR carries besides: its confidence, and the area of the scan
    its (perhaps tilted) lines cover."""
    if "ocr" not in block.extra:
        return {}
    cover = cast(tuple[float, float, float, float], block.extra["cover"])
    return {"ocr": block.extra["ocr"], "cover": [round(v, 2) for v in cover]}


def load(path: Path, password: str | None = None,
         on_progress: Callable[[int, int], None] | None = None) -> PdfDocument:
    """Read *path*; *on_progress* (any thread) hears (pages read, pages) after each page,
    so a front end can show how far reading a long PDF (or OCR of its scans) has got."""
    check_size(path)
    pdf = open_pdf(path, password)
    try:
        pages: list[list[Block]] = []
        heights: list[float] = []
        scans = Scans()
        total = pdf.page_count
        if on_progress is not None:
            on_progress(0, total)
        for number, page in enumerate(pdf, start=1):
            if needs_ocr(page):
                blocks = scans.read(page, number)
            else:
                blocks, has_text, skipped = _page_blocks(page)
                if skipped:
                    scans.turned.append(number)
                if not has_text and page.get_cdrawings():
                    blocks = scans.read(page, number)  # text drawn as outlines
                elif not has_text:
                    scans.blank.append(number)
                else:
                    blocks += scans.read_pictures(page, number)
            pages.append(blocks)
            heights.append(float(page.rect.height))
            if on_progress is not None:
                on_progress(number, total)
    except pdf_errors() as exc:
        raise DocumentError("damaged_pdf_reason", path=path.name,
                            failure_reason=failure_reason(exc)) from None
    finally:
        pdf.close()
    blank, turned = scans.blank, scans.turned
    repeated_margins(pages, heights)
    sizes = [b.size for blocks in pages for b in blocks if b.kind == "paragraph"
             for _ in b.lines]
    body = statistics.median(sizes) if sizes else 10.0
    heading_kinds((b for blocks in pages for b in blocks), body)
    hyphenated = hyphenated_words(line.text for blocks in pages for b in blocks
                                  for line in b.lines)
    units: list[Unit] = []
    for number, blocks in enumerate(pages, start=1):
        for block in blocks:
            if protected_kind(block, body):
                continue
            text = join_lines([line.text for line in block.lines], hyphenated)
            first = block.lines[0]
            units.append(Unit(f"pg{number}-{len(units) + 1}", text, kind=block.kind, meta={
                "page": number, "rect": [round(v, 2) for v in block.rect],
                "lines": [[round(v, 2) for v in line.rect] for line in block.lines],
                "size": round(block.size, 2), "bold": all(ln.bold for ln in block.lines),
                "italic": first.italic, "serif": first.serif, "color": first.color,
                **_scanned(block), **({"turn": block.extra["turn"]}
                                      if block.extra.get("turn") else {})}))
    if not units and scans.unread and not blank:
        raise DocumentError("pdf_scanned_ocr_found_nothing", path=path.name)
    if not units and blank:
        raise DocumentError("no_text_layer_scanned", path=path.name)
    document = PdfDocument(path, units, password)
    document.page_count = len(pages)
    if blank:
        document.notice(Sentence("pdf_pages_without_text", pages=_pages_text(blank)))
    if scans.read_pages:
        document.notice(Sentence("pdf_pages_read_by_ocr", pages=_pages_text(scans.read_pages)))
    if scans.pictures:
        document.notice(Sentence("pdf_pictures_read_by_ocr",
                                 pages=_pages_text(scans.pictures)))
    if scans.unread:
        document.notice(Sentence("pdf_ocr_found_nothing", pages=_pages_text(scans.unread)))
    if turned:
        document.notice(Sentence("pdf_vertical_text", pages=_pages_text(turned)))
    return document
