"""The translated PDF: every page kept, each paragraph's text replaced in its own box.

For each translated unit the original glyphs are removed by redaction that leaves
images and vector graphics alone, and the translation is typeset into the unit's box
by MuPDF's HTML layout (a ``Story``, as ``insert_htmlbox`` does) in an embedded font
with the target's glyphs (MuPDF's own Droid Sans Fallback for CJK, its Nimbus/Charis
faces for Latin), then the fonts are subset. Links are put back where redaction took them.
A paragraph read from a scan by OCR is first covered by a box of the paper's colour.

Where each translation goes and at what size is :mod:`.pdf_fit`'s to say (shrinking,
growing, giving way to its neighbours). A paragraph that does not fit keeps its original
text, gets the translation as a note on the page, and is flagged with its page: never
cut, never drawn over its neighbours. :mod:`.pdf_save` writes the bytes compactly.

The bilingual PDF puts the original page and the translated one side by side on one
wide page (``show_pdf_page``), or alternates them.
"""

from __future__ import annotations

import io
import tempfile
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, cast

from ...errors import DocumentError
from ...fileio import atomic_write_bytes
from ...flags import Flag
from ...sentences import Sentence
from ..model import Document, Unit
from . import pdf_fit as fit
from .pdf import failure_reason, fitz, open_pdf, pdf_errors
from .pdf_fit import FLOOR, Placement, Rect, box, lines_of, page_of, size_of
from .pdf_ocr import colours, cover
from .pdf_save import checkpoint, compact, compact_text, inline_sheet

#: how a bilingual PDF shows the two: each original page beside its translation on one
#: wide page, or the original and the translation on alternating pages
LAYOUTS = ("side-by-side", "alternate")
#: pages written between two merges of their duplicated fonts (memory, see checkpoint)
CHECKPOINT = 25


def _unrotated(page: Any) -> Any:
    """The page's rectangle in its own coordinates, where MuPDF draws and redacts (a
    page with /Rotate is displayed turned: ``page.rect`` is the displayed one)."""
    return page.rect * page.derotation_matrix


def _redaction_rects(unit: Unit, staying: Sequence[Rect]) -> list[Any]:
    """Where a unit's text is removed: the box of its lines, trimmed at the top of the
    first and the bottom of the last so the lines above and below (another unit's) are
    not touched (at the left and right for lines turned up or down the page) — or,
    where text that stays lies inside that box (a label the paragraph runs around),
    each line's own middle band (:func:`.pdf_fit.ink`)."""
    lines = lines_of(unit)
    if fit.turn_of(unit) % 180:
        thin = min(line[2] - line[0] for line in lines) * 0.2
        whole = fitz().Rect(min(line[0] for line in lines) + thin, min(line[1] for line in lines),
                            max(line[2] for line in lines) - thin,
                            max(line[3] for line in lines))
    else:
        first, last = lines[0], lines[-1]
        top = min(line[1] for line in lines) + (first[3] - first[1]) * 0.2
        bottom = max(line[3] for line in lines) - (last[3] - last[1]) * 0.2
        whole = fitz().Rect(min(line[0] for line in lines), top,
                            max(line[2] for line in lines), max(bottom, top + 0.5))
    if not any(whole.intersects(fitz().Rect(band)) for band in staying):
        return [whole]
    return [fitz().Rect(band) for band in fit.ink(unit)]


def _per_item(areas: Sequence[Sequence[Any]], counts: Sequence[int]) -> list[int]:
    """*counts* (one per rect of *areas*, in order) summed per area."""
    sums, start = [], 0
    for area in areas:
        sums.append(sum(counts[start:start + len(area)]))
        start += len(area)
    return sums


def write_translated(document: Document, translations: Mapping[str, str],
                     out_path: Path) -> None:
    """Write *document* (a PDF) with each unit's text replaced by its translation."""
    password = getattr(document, "password", None)
    pdf = open_pdf(document.path, password)
    lang = document.target_language
    scratch = tempfile.TemporaryDirectory()
    try:
        by_page = _pages_of(document, translations)
        needs = fit.pages_needs(by_page, lang)
        uniform = fit.uniform_scale([(unit, needs[unit.id]) for items in by_page.values()
                                 for unit, _ in items])
        overflow: list[tuple[Unit, str]] = []
        stuck: list[tuple[Unit, str]] = []
        for done, (number, items) in enumerate(by_page.items(), start=1):
            if done % CHECKPOINT == 0:
                pdf = checkpoint(pdf, Path(scratch.name) / f"part{done}.pdf")
            page_overflow, page_stuck = _write_page(pdf[number - 1], items, needs, uniform,
                                                    lang)
            overflow += page_overflow
            stuck += page_stuck
        data = compact(pdf)
    except pdf_errors() as exc:
        raise DocumentError("could_not_write", out_path=out_path.name,
                            failure_reason=failure_reason(exc)) from None
    finally:
        pdf.close()
        scratch.cleanup()
    atomic_write_bytes(out_path, data)
    flagged: dict[str, list[Any]] = document.flagged
    for unit, _ in stuck:
        flagged.setdefault(unit.id, []).append(Flag("pdf_text_kept", {"page": page_of(unit)}))
    if stuck:
        pages = sorted({page_of(u) for u, _ in stuck})
        document.notice(Sentence("pdf_text_not_removed", count=len(stuck),
                                 pages=", ".join(map(str, pages))))
    overflow = [item for item in overflow if item not in stuck]
    pages = sorted({page_of(u) for u, _ in overflow})
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
        if only is not None and page_of(unit) != only:
            continue
        text = translations.get(unit.id)
        if text is None or not text.strip() or text == unit.source:
            continue
        by_page.setdefault(page_of(unit), []).append((unit, text))
    return by_page


def _write_page(page: Any, items: list[tuple[Unit, str]], needs: Mapping[str, float],
                uniform: float, lang: str | None
                ) -> tuple[list[tuple[Unit, str]], list[tuple[Unit, str]]]:
    """Set the translations of one page; returns (did not fit, original text kept)."""
    overflow: list[tuple[Unit, str]] = []
    stuck: list[tuple[Unit, str]] = []
    around = fit.obstacles(page, {box(u) for u, _ in items})
    placed: list[Placement] = []
    covers = _covers(page)
    for unit, text in items:
        if covers and all(any(_inside(band, cover) for cover in covers)
                          for band in fit.ink(unit)):
            stuck.append((unit, text))  # under a form field or an annotation: see _covers
            continue
        size = size_of(unit)
        floor = min(FLOOR, size)
        rect = box(unit)
        target = size * min(uniform, needs[unit.id] or 1.0)
        if size * needs[unit.id] >= floor - 0.01:
            placed.append(Placement(unit, text, rect, max(target, floor)))
            continue
        # a scan has no free space to tell: growing could paint over its pictures
        if unit.kind != "cell" and "ocr" not in unit.meta and not fit.turn_of(unit):
            bigger = fit.grown(rect, [o for o in around if o != rect],
                               _unrotated(page).height)
            scale = fit.need(unit, text, bigger, lang)
            if size * scale >= floor - 0.01:
                placed.append(Placement(unit, text, bigger, size * scale))
                around.append(bigger)
                continue
        overflow.append((unit, text))
    placed, given_up = fit.settle(placed, [unit for unit, _ in overflow + stuck], uniform, lang)
    overflow += [(item.unit, item.text) for item in given_up]
    for item in _replace(page, placed, lang, [band for unit, _ in overflow + stuck
                                              for band in fit.ink(unit)]):
        stuck.append((item.unit, item.text))
    overflow += [item for item in stuck if item not in overflow]
    for unit, text in overflow:
        rect = box(unit)
        note = page.add_text_annot((rect[2], rect[1]), text, icon="Comment")
        note.set_info(title="Translation")
        note.update()
    return overflow, stuck


def _covers(page: Any) -> list[Rect]:
    """The boxes of the page's form fields and annotations (links and pop-ups aside).

    They are drawn over the page: text inside one is either its own (a button's label,
    which redaction cannot remove) or page text it hides. Either way a translation
    there would not be seen, or would collide with the field's text, so the units
    there keep their text (flagged ``pdf_text_kept``, translation in a note).
    """
    found: list[Rect] = [tuple(widget.rect) for widget in page.widgets()]
    popup = fitz().PDF_ANNOT_POPUP
    found += [tuple(annot.rect) for annot in page.annots() if annot.type[0] != popup]
    return found


def _inside(band: Rect, cover: Rect) -> bool:
    x, y = (band[0] + band[2]) / 2, (band[1] + band[3]) / 2
    return cover[0] <= x <= cover[2] and cover[1] <= y <= cover[3]


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
            needs = fit.pages_needs({number: items}, lang)
            _write_page(page, items, needs,
                        fit.uniform_scale([(unit, needs[unit.id]) for unit, _ in items]), lang)
        pix = page.get_pixmap(matrix=pymupdf.Matrix(zoom, zoom), alpha=False, annots=False)
        return int(pix.width), int(pix.height), int(pix.stride), bytes(pix.samples)
    except pdf_errors() as exc:
        raise DocumentError("could_not_read", path=document.path.name,
                            reason=failure_reason(exc)) from None
    finally:
        pdf.close()


def _words_in(page: Any, rects: list[Any]) -> list[int]:
    """How many words of *page* have their centre in each of *rects*."""
    counts = [0] * len(rects)
    for word in page.get_text("words"):
        x, y = (word[0] + word[2]) / 2, (word[1] + word[3]) / 2
        for n, rect in enumerate(rects):
            if rect.x0 <= x <= rect.x1 and rect.y0 <= y <= rect.y1:
                counts[n] += 1
    return counts


def _replace(page: Any, placed: list[Placement], lang: str | None,
             staying: Sequence[Rect] = ()) -> list[Placement]:
    """Remove the original text of *placed* and set their translations in its place;
    returns the items whose original text redaction could not remove (MuPDF misses
    some text, e.g. at the very edge of a page whose crop box is offset): those keep
    it and get no translation drawn over them. Text of other units that stays
    (*staying*: the middle bands of its lines) is not touched."""
    if not placed:
        return []
    pymupdf = fitz()
    links = page.get_links()
    areas = [_redaction_rects(item.unit, staying) for item in placed]
    rects = [rect for area in areas for rect in area]
    before = _per_item(areas, _words_in(page, rects))
    for rect in rects:  # one annotation per unit: each add costs O(annotations)
        page.add_redact_annot(rect, fill=False)
    page.apply_redactions(images=pymupdf.PDF_REDACT_IMAGE_NONE,
                          graphics=pymupdf.PDF_REDACT_LINE_ART_NONE,
                          text=pymupdf.PDF_REDACT_TEXT_REMOVE)
    after = _per_item(areas, _words_in(page, rects))
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


def _cover_scans(page: Any, placed: list[Placement]) -> None:
    """Over a scan, the original words are pixels redaction cannot remove: each unit
    read by OCR gets a box of the paper's colour (and the translation the ink's)."""
    scanned = [item for item in placed if "ocr" in item.unit.meta]
    areas = [cast(Rect, item.unit.meta.get("cover") or box(item.unit))
             for item in scanned]
    found = [colours(page, area) for area in areas]  # all sampled before any cover
    for item, area, (paper, ink) in zip(scanned, areas, found, strict=True):
        cover(page, [area, item.rect], paper)
        item.ink = sum(round(v * 255) << shift for v, shift in zip(ink, (16, 8, 0),
                                                                      strict=True))


def _typeset(page: Any, placed: list[Placement], lang: str | None) -> None:
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
        html_text, style = fit.markup(item.text, lang), fit.css(item.unit, item.size, item.ink)
        x0, y0, x1, y1 = item.rect
        turn = fit.turn_of(item.unit)
        width, height = (y1 - y0, x1 - x0) if turn % 180 else (x1 - x0, y1 - y0)
        shrink = fit.shrink_needed(item.rect, html_text, style, turn) or 1.0
        grow = 1.0 / shrink
        story = pymupdf.Story(html_text, user_css=style)
        story.place(pymupdf.Rect(0, 0, width * grow, height * grow), flags=fit.NO_OVERFLOW)
        # set upright, then turned as the original lines are, into the unit's box
        matrix = pymupdf.Matrix(shrink, 0, 0, shrink, 0, 0) * pymupdf.Matrix(turn)
        placed_box = pymupdf.Rect(0, 0, width * grow, height * grow) * matrix
        matrix = matrix * pymupdf.Matrix(1, 0, 0, 1, x0 - placed_box.x0, y0 - placed_box.y0)
        story.draw(device, matrix)
    writer.end_page()
    writer.close()
    sheet = pymupdf.open("pdf", buffer.getvalue())
    try:
        for xref in sheet[0].get_contents():
            sheet.update_stream(xref, compact_text(sheet.xref_stream(xref)))
        page.show_pdf_page(pymupdf.Rect(0, 0, area.width, area.height), sheet, 0,
                           overlay=True)
        inline_sheet(page)
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
