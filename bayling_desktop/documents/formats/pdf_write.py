"""The translated PDF: every page kept, each paragraph's text replaced in its own box.

For each translated unit the original glyphs are removed by redaction that leaves
images and vector graphics alone, and the translation is typeset into the unit's box
by MuPDF's HTML layout (a ``Story``, as ``insert_htmlbox`` does) in an embedded font
with the target's glyphs (MuPDF's own Droid Sans Fallback for CJK, its Nimbus/Charis
faces for Latin), then the fonts are subset. Links are put back where redaction took them.
A paragraph read from a scan by OCR is first covered by a box of the paper's colour.

Text that does not fit shrinks: one scale for the whole document (the median of what
the paragraphs need, so sizes stay uniform), then per paragraph down to :data:`FLOOR`
points, then the box may grow downwards into free space. A paragraph that still does
not fit keeps its original text, gets the translation as a note on the page, and is
flagged with its page: never cut, never drawn over its neighbours.

The bilingual PDF puts the original page and the translated one side by side on one
wide page (``show_pdf_page``), or alternates them.
"""

from __future__ import annotations

import html
import io
import statistics
import tempfile
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, cast

from ...errors import DocumentError
from ...fileio import atomic_write_bytes
from ...flags import Flag
from ...sentences import Sentence
from ..model import Document, Unit
from ..tags import strip_tags
from .pdf import failure_reason, fitz, open_pdf, pdf_errors
from .pdf_ocr import colours, cover

#: the smallest size a translation is set in (points), unless the original was smaller
FLOOR = 6.0
#: the document-wide scale never goes below this (the rest is per paragraph, to FLOOR)
UNIFORM_LOW = 0.7
#: how a bilingual PDF shows the two: each original page beside its translation on one
#: wide page, or the original and the translation on alternating pages
LAYOUTS = ("side-by-side", "alternate")
#: pages written between two merges of their duplicated fonts (memory, see _checkpoint)
CHECKPOINT = 25

Rect = tuple[float, float, float, float]
#: a word wider than its box shrinks the text rather than running out of the box
_NO_OVERFLOW = 1  # mupdf.FZ_PLACE_STORY_FLAG_NO_OVERFLOW


def _rect(unit: Unit) -> Rect:
    x0, y0, x1, y1 = cast(Sequence[float], unit.meta["rect"])
    return (float(x0), float(y0), float(x1), float(y1))


def _page(unit: Unit) -> int:
    return int(cast(int, unit.meta["page"]))


def _size(unit: Unit) -> float:
    return float(cast(float, unit.meta.get("size", 10.0)))


def _turn(unit: Unit) -> int:
    """How far the unit's lines are turned on the page (degrees, clockwise as MuPDF's
    y-down coordinates go: 90 runs down the page, 270 up it; 0 across)."""
    return int(cast(int, unit.meta.get("turn", 0))) % 360


def _lines(unit: Unit) -> list[Sequence[float]]:
    return cast(list[Sequence[float]], unit.meta.get("lines") or [unit.meta["rect"]])


def _css(unit: Unit, size: float, ink: int | None = None) -> str:
    family = "serif" if unit.meta.get("serif") else "sans-serif"
    weight = "bold" if unit.meta.get("bold") else "normal"
    style = "italic" if unit.meta.get("italic") else "normal"
    color = int(cast(int, unit.meta.get("color", 0)) or 0) if ink is None else ink
    return (f"* {{font-family: {family}; font-size: {size:.2f}pt; font-weight: {weight}; "
            f"font-style: {style}; color: #{color & 0xFFFFFF:06x}; line-height: 1.12; "
            "margin: 0; padding: 0;} body {margin: 0; padding: 0;}")


def _html(text: str, lang: str | None) -> str:
    body = html.escape(strip_tags(text)).replace("\n", "<br/>")
    return f'<div lang="{html.escape(lang)}">{body}</div>' if lang else f"<div>{body}</div>"


def _fit(rect: Rect, html_text: str, css: str, turn: int = 0) -> float:
    """How much the text must shrink to fit *rect* (its lines turned by *turn*
    degrees): 1.0 when it fits as it is.

    MuPDF's HTML layout answers by how much the box would have to grow; shrinking
    the text by the inverse is the same thing. Nothing is drawn.
    """
    width, height = rect[2] - rect[0], rect[3] - rect[1]
    if turn % 180:
        width, height = height, width
    if width <= 0 or height <= 0:
        return 0.0
    story = fitz().Story(html_text, user_css=css)
    fit = story.fit_scale(fitz().Rect(0, 0, width, height), scale_min=1, scale_max=None,
                          delta=0.005, flags=_NO_OVERFLOW)
    return 1.0 / float(fit.parameter) if fit.big_enough and fit.parameter else 0.0


def _obstacles(page: Any, own: set[Rect]) -> list[Rect]:
    """What a growing box must not run into: text that stays, images, other boxes."""
    rects: list[Rect] = []
    for block in page.get_text("blocks"):
        rects.append((block[0], block[1], block[2], block[3]))
    for info in page.get_image_info():
        x0, y0, x1, y1 = info["bbox"]
        rects.append((x0, y0, x1, y1))
    rects.extend(own)
    return rects


def _grown(rect: Rect, obstacles: Sequence[Rect], page_height: float) -> Rect:
    """*rect* extended downwards to just above the nearest thing under it (a box whose
    top is below *rect*'s middle is under it: OCR's line boxes overlap a little)."""
    x0, y0, x1, y1 = rect
    bottom = page_height - 18.0
    for ox0, oy0, ox1, _oy1 in obstacles:
        if oy0 >= (y0 + y1) / 2 and ox0 < x1 - 0.5 and ox1 > x0 + 0.5:
            bottom = min(bottom, oy0 - 1.0)
    return (x0, y0, x1, max(y1, bottom))


def _unrotated(page: Any) -> Any:
    """The page's rectangle in its own coordinates, where MuPDF draws and redacts (a
    page with /Rotate is displayed turned: ``page.rect`` is the displayed one)."""
    return page.rect * page.derotation_matrix


def _redaction_rect(lines: Sequence[Sequence[float]], turn: int = 0) -> Any:
    """The box of a unit's lines, trimmed at the top of the first and the bottom of the
    last so the lines above and below (another unit's) are not touched (at the left and
    right for lines turned up or down the page)."""
    if turn % 180:
        thin = min(line[2] - line[0] for line in lines) * 0.2
        return fitz().Rect(min(line[0] for line in lines) + thin, min(line[1] for line in lines),
                           max(line[2] for line in lines) - thin, max(line[3] for line in lines))
    x0 = min(line[0] for line in lines)
    x1 = max(line[2] for line in lines)
    first, last = lines[0], lines[-1]
    top = min(line[1] for line in lines) + (first[3] - first[1]) * 0.2
    bottom = max(line[3] for line in lines) - (last[3] - last[1]) * 0.2
    return fitz().Rect(x0, top, x1, max(bottom, top + 0.5))


class _Placement:
    def __init__(self, unit: Unit, text: str, rect: Rect, size: float) -> None:
        self.unit, self.text, self.rect, self.size = unit, text, rect, size
        #: the ink's colour read off a scan (0xRRGGBB), for a unit read by OCR
        self.ink: int | None = None


def write_translated(document: Document, translations: Mapping[str, str],
                     out_path: Path) -> None:
    """Write *document* (a PDF) with each unit's text replaced by its translation."""
    password = getattr(document, "password", None)
    pdf = open_pdf(document.path, password)
    lang = document.target_language
    scratch = tempfile.TemporaryDirectory()
    try:
        by_page = _pages_of(document, translations)
        needs = {unit.id: _fit(_rect(unit), _html(text, lang), _css(unit, _size(unit)),
                               _turn(unit))
                 for items in by_page.values() for unit, text in items}
        uniform = _uniform(by_page, needs)
        overflow: list[tuple[Unit, str]] = []
        stuck: list[tuple[Unit, str]] = []
        for done, (number, items) in enumerate(by_page.items(), start=1):
            if done % CHECKPOINT == 0:
                pdf = _checkpoint(pdf, Path(scratch.name) / f"part{done}.pdf")
            page_overflow, page_stuck = _write_page(pdf[number - 1], items, needs, uniform,
                                                    lang)
            overflow += page_overflow
            stuck += page_stuck
        data = _compact(pdf)
    except pdf_errors() as exc:
        raise DocumentError("could_not_write", out_path=out_path.name,
                            failure_reason=failure_reason(exc)) from None
    finally:
        pdf.close()
        scratch.cleanup()
    atomic_write_bytes(out_path, data)
    flagged: dict[str, list[Any]] = document.flagged
    for unit, _ in stuck:
        flagged.setdefault(unit.id, []).append(Flag("pdf_text_kept", {"page": _page(unit)}))
    if stuck:
        pages = sorted({_page(u) for u, _ in stuck})
        document.notice(Sentence("pdf_text_not_removed", count=len(stuck),
                                 pages=", ".join(map(str, pages))))
    overflow = [item for item in overflow if item not in stuck]
    pages = sorted({_page(u) for u, _ in overflow})
    for unit, _ in overflow:
        flag = Flag("pdf_overflow", {"page": unit.meta["page"], "size": f"{FLOOR:g}"})
        flagged.setdefault(unit.id, []).append(flag)
    if overflow:
        document.notice(Sentence("pdf_paragraphs_overflow", count=len(overflow), size=f"{FLOOR:g}",
                                 pages=", ".join(map(str, pages))))


def _pages_of(document: Document, translations: Mapping[str, str],
              only: int | None = None) -> dict[int, list[tuple[Unit, str]]]:
    """page number -> (unit, translation) of the units that get a translation."""
    by_page: dict[int, list[tuple[Unit, str]]] = {}
    for unit in document.units:
        if only is not None and _page(unit) != only:
            continue
        text = translations.get(unit.id)
        if text is None or not text.strip() or text == unit.source:
            continue
        by_page.setdefault(_page(unit), []).append((unit, text))
    return by_page


def _uniform(by_page: Mapping[int, list[tuple[Unit, str]]], needs: Mapping[str, float]) -> float:
    """The one scale of the document's body text (see the module's docstring)."""
    body = [needs[u.id] for items in by_page.values() for u, _ in items
            if u.kind == "paragraph" and needs[u.id] > 0]
    return max(UNIFORM_LOW, min(1.0, statistics.median(body))) if body else 1.0


def _write_page(page: Any, items: list[tuple[Unit, str]], needs: Mapping[str, float],
                uniform: float, lang: str | None
                ) -> tuple[list[tuple[Unit, str]], list[tuple[Unit, str]]]:
    """Set the translations of one page; returns (did not fit, original text kept)."""
    overflow: list[tuple[Unit, str]] = []
    stuck: list[tuple[Unit, str]] = []
    obstacles = _obstacles(page, {_rect(u) for u, _ in items})
    placed: list[_Placement] = []
    for unit, text in items:
        size = _size(unit)
        floor = min(FLOOR, size)
        rect = _rect(unit)
        target = size * min(uniform, needs[unit.id] or 1.0)
        if size * needs[unit.id] >= floor - 0.01:
            placed.append(_Placement(unit, text, rect, max(target, floor)))
            continue
        # a scan has no free space to tell: growing could paint over its pictures
        if unit.kind != "cell" and "ocr" not in unit.meta and not _turn(unit):
            others = [o for o in obstacles if o != rect]
            bigger = _grown(rect, others, _unrotated(page).height)
            scale = _fit(bigger, _html(text, lang), _css(unit, size))
            if size * scale >= floor - 0.01:
                placed.append(_Placement(unit, text, bigger, size * scale))
                obstacles.append(bigger)
                continue
        overflow.append((unit, text))
    for item in _replace(page, placed, lang):
        stuck.append((item.unit, item.text))
        overflow.append((item.unit, item.text))
    for unit, text in overflow:
        rect = _rect(unit)
        note = page.add_text_annot((rect[2], rect[1]), text, icon="Comment")
        note.set_info(title="Translation")
        note.update()
    return overflow, stuck


def render_page(document: Document, number: int, zoom: float,
                translations: Mapping[str, str] | None = None) -> tuple[int, int, int, bytes]:
    """Page *number* (from 1) of a PDF *document* as RGB pixels (width, height, bytes per
    row, samples) at *zoom* (1.0: 72 dpi) — with *translations*, as the translated PDF
    would show it (this page only; its body text scale is this page's, not the whole
    document's, so a preview may set text a little larger than the export)."""
    pymupdf = fitz()
    pdf = open_pdf(document.path, getattr(document, "password", None))
    try:
        pdf.select([number - 1])
        page = pdf[0]
        if translations is not None:
            lang = document.target_language
            items = _pages_of(document, translations, number).get(number, [])
            needs = {unit.id: _fit(_rect(unit), _html(text, lang), _css(unit, _size(unit)),
                                   _turn(unit))
                     for unit, text in items}
            _write_page(page, items, needs, _uniform({number: items}, needs), lang)
        pix = page.get_pixmap(matrix=pymupdf.Matrix(zoom, zoom), alpha=False, annots=False)
        return int(pix.width), int(pix.height), int(pix.stride), bytes(pix.samples)
    except pdf_errors() as exc:
        raise DocumentError("could_not_read", path=document.path.name,
                            reason=failure_reason(exc)) from None
    finally:
        pdf.close()


def _checkpoint(pdf: Any, path: Path) -> Any:
    """*pdf* saved to *path* with identical objects merged, and reopened from there.

    Each page's sheet carries its own copy of the fonts (megabytes for CJK): merging
    them every :data:`CHECKPOINT` pages keeps a thousand-page document's memory bounded.
    The copy is saved without encryption (the translation is written without it too).
    """
    pdf.save(str(path), garbage=4, deflate=True)
    pdf.close()
    return fitz().open(str(path))


def _compact(pdf: Any) -> bytes:
    """The document's bytes with fonts shared and subset, checked to reopen.

    Every page's sheet embeds its own copy of the fonts it used: saving with
    ``garbage=4`` merges the identical copies first, so the subsetting that follows
    makes one small font per face instead of hundreds. A file MuPDF had to repair on
    opening (a broken page tree) can come out unreadable: then its pages are copied
    into a new document, whose page tree is built afresh.
    """
    pages = pdf.page_count
    with tempfile.TemporaryDirectory() as folder:
        merged = Path(folder) / "merged.pdf"
        pdf.save(str(merged), garbage=4, deflate=True)
        data = _subset(Path(folder), fitz().open(str(merged)))
        if _reopens(data, pages):
            return data
        rebuilt = fitz().open()
        rebuilt.insert_pdf(fitz().open("pdf", data))
        data = _subset(Path(folder), rebuilt)
        if _reopens(data, pages):
            return data
    raise ValueError("the result would not open again")


def _subset(folder: Path, pdf: Any) -> bytes:
    try:
        try:
            pdf.subset_fonts()
        except pdf_errors():
            pass  # a malformed page tree: the fonts stay whole, the file still works
        out = folder / "out.pdf"
        pdf.ez_save(str(out), garbage=4, deflate=True)
    finally:
        pdf.close()
    return out.read_bytes()


def _reopens(data: bytes, pages: int) -> bool:
    try:
        again = fitz().open("pdf", data)
        try:
            return again.page_count == pages and all(
                page.rect.width > 0 for page in again)
        finally:
            again.close()
    except pdf_errors():
        return False


def _words_in(page: Any, rects: list[Any]) -> list[int]:
    """How many words of *page* have their centre in each of *rects*."""
    counts = [0] * len(rects)
    for word in page.get_text("words"):
        x, y = (word[0] + word[2]) / 2, (word[1] + word[3]) / 2
        for n, rect in enumerate(rects):
            if rect.x0 <= x <= rect.x1 and rect.y0 <= y <= rect.y1:
                counts[n] += 1
    return counts


def _replace(page: Any, placed: list[_Placement], lang: str | None) -> list[_Placement]:
    """Remove the original text of *placed* and set their translations in its place;
    returns the items whose original text redaction could not remove (MuPDF misses
    some text, e.g. at the very edge of a page whose crop box is offset): those keep
    it and get no translation drawn over them."""
    if not placed:
        return []
    pymupdf = fitz()
    links = page.get_links()
    rects = [_redaction_rect(_lines(item.unit), _turn(item.unit)) for item in placed]
    before = _words_in(page, rects)
    for rect in rects:  # one annotation per unit: each add costs O(annotations)
        page.add_redact_annot(rect, fill=False)
    page.apply_redactions(images=pymupdf.PDF_REDACT_IMAGE_NONE,
                          graphics=pymupdf.PDF_REDACT_LINE_ART_NONE,
                          text=pymupdf.PDF_REDACT_TEXT_REMOVE)
    after = _words_in(page, rects)
    stuck = [item for item, was, left in zip(placed, before, after, strict=True)
             if was and left * 2 > was]
    kept = {(tuple(round(v, 1) for v in link["from"]), link.get("uri"), link.get("page"))
            for link in page.get_links()}
    for link in links:
        key = (tuple(round(v, 1) for v in link["from"]), link.get("uri"), link.get("page"))
        if key not in kept:
            page.insert_link(link)
    _cover_scans(page, [item for item in placed if item not in stuck])
    _typeset(page, [item for item in placed if item not in stuck], lang)
    return stuck


def _cover_scans(page: Any, placed: list[_Placement]) -> None:
    """Over a scan, the original words are pixels redaction cannot remove: each unit
    read by OCR gets a box of the paper's colour (and the translation the ink's)."""
    scanned = [item for item in placed if "ocr" in item.unit.meta]
    areas = [cast(Sequence[float], item.unit.meta.get("cover") or _rect(item.unit))
             for item in scanned]
    found = [colours(page, area) for area in areas]  # all sampled before any cover
    for item, area, (paper, ink) in zip(scanned, areas, found, strict=True):
        cover(page, [area, item.rect], paper)
        item.ink = sum(round(v * 255) << shift for v, shift in zip(ink, (16, 8, 0),
                                                                      strict=True))


def _typeset(page: Any, placed: list[_Placement], lang: str | None) -> None:
    """Draw every translation of *page* on one sheet and lay it over the page.

    One sheet per page (not one ``insert_htmlbox`` per paragraph, which re-scans the
    page's growing resources each time: quadratic on a page of 300 table cells) also
    shares the fonts between the page's paragraphs.
    """
    pymupdf = fitz()
    area = _unrotated(page)
    buffer = io.BytesIO()
    writer = pymupdf.DocumentWriter(buffer)
    device = writer.begin_page(pymupdf.Rect(0, 0, area.width, area.height))
    for item in placed:
        html_text, css = _html(item.text, lang), _css(item.unit, item.size, item.ink)
        x0, y0, x1, y1 = item.rect
        turn = _turn(item.unit)
        width, height = (y1 - y0, x1 - x0) if turn % 180 else (x1 - x0, y1 - y0)
        shrink = _fit(item.rect, html_text, css, turn) or 1.0
        grow = 1.0 / shrink
        story = pymupdf.Story(html_text, user_css=css)
        story.place(pymupdf.Rect(0, 0, width * grow, height * grow), flags=_NO_OVERFLOW)
        # set upright, then turned as the original lines are, into the unit's box
        matrix = pymupdf.Matrix(shrink, 0, 0, shrink, 0, 0) * pymupdf.Matrix(turn)
        placed_box = pymupdf.Rect(0, 0, width * grow, height * grow) * matrix
        matrix = matrix * pymupdf.Matrix(1, 0, 0, 1, x0 - placed_box.x0, y0 - placed_box.y0)
        story.draw(device, matrix)
    writer.end_page()
    writer.close()
    sheet = pymupdf.open("pdf", buffer.getvalue())
    try:
        page.show_pdf_page(pymupdf.Rect(0, 0, area.width, area.height), sheet, 0,
                           overlay=True)
    finally:
        sheet.close()


def write_bilingual(document: Document, translations: Mapping[str, str], out_path: Path,
                    *, alternate: bool = False) -> None:
    """Original and translation for review: side by side on one wide page (default) or
    on alternating pages (*alternate*)."""
    pymupdf = fitz()
    with tempfile.TemporaryDirectory() as folder:
        translated = Path(folder) / "translated.pdf"
        write_translated(document, translations, translated)
        original = open_pdf(document.path, getattr(document, "password", None))
        result = pymupdf.open()
        try:
            target = pymupdf.open(str(translated))
            for number in range(original.page_count):
                rect = original[number].rect
                if alternate:
                    result.insert_pdf(original, from_page=number, to_page=number)
                    result.insert_pdf(target, from_page=number, to_page=number)
                    continue
                page = result.new_page(width=rect.width * 2, height=rect.height)
                page.show_pdf_page(pymupdf.Rect(0, 0, rect.width, rect.height), original,
                                   number)
                page.show_pdf_page(pymupdf.Rect(rect.width, 0, rect.width * 2, rect.height),
                                   target, number)
            out = Path(folder) / "bilingual.pdf"
            result.ez_save(str(out), garbage=3, deflate=True)
            data = out.read_bytes()
        except pdf_errors() as exc:
            raise DocumentError(
                "could_not_write", out_path=out_path.name,
                failure_reason=failure_reason(exc)) from None
        finally:
            result.close()
            original.close()
    atomic_write_bytes(out_path, data)
