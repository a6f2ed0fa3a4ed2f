"""The translated PDF's bytes: its text operators written compactly, its fonts shared and
subset, the file checked to open again.

A translation is drawn by MuPDF's HTML layout through its PDF device, which places every
word and every space with a full text matrix (``1 0 0 -1 26.81443 7.7486 Tm``) and
wraps each word in an array (``[<0035>]TJ``): a Chinese or English translation written
that way took two to three times the bytes of the text it replaced. :func:`compact_text`
rewrites those operators as moves relative to the line (``2.64 0 Td``) at a hundredth of
a point, and single strings as ``Tj`` — the same glyphs at the same places, about half
the bytes after compression. Only lines it recognises are rewritten; anything else
passes through unchanged, and any other text-positioning operator makes the next
``Tm`` stay absolute.

``show_pdf_page`` lays the sheet of translations over a page as a form inside a form,
each with its own dictionary and stream, plus a content stream that calls it, after
the page's own (by then often empty) stream: a few hundred bytes a page, which for a
one-page file of 849 bytes was most of its growth. :func:`inline_sheet` writes the
sheet's operators into the page's content instead, as a single stream, with its fonts
named in the page's resources.
"""

from __future__ import annotations

import re
import tempfile
from pathlib import Path
from typing import Any

from .pdf import fitz, pdf_errors

_NUMBER = r"-?(?:\d+\.?\d*|\.\d+)"
_TM = re.compile(rf"^({_NUMBER}) ({_NUMBER}) ({_NUMBER}) ({_NUMBER}) ({_NUMBER}) ({_NUMBER}) Tm$")
_TD = re.compile(rf"^({_NUMBER}) ({_NUMBER}) Td$")
_ONE_STRING = re.compile(r"^\[(<[0-9A-Fa-f]*>)\] ?TJ$")
#: operators that move the text line in ways this rewriter does not follow
_OTHER_MOVES = re.compile(r"(?:^|\s)(?:T\*|TD|'|\")$")


def _text(hundredths: int) -> str:
    """A coordinate in hundredths of a point, written as short as PDF allows."""
    whole, part = divmod(abs(hundredths), 100)
    sign = "-" if hundredths < 0 else ""
    return f"{sign}{whole}" if not part else f"{sign}{whole}.{part:02d}".rstrip("0")


#: the linear parts of a text line matrix a relative move (Td) can keep: upright text,
#: with y running down (as MuPDF writes it) or up
_PLAIN = {("1", "0", "0", "-1"): -1, ("1", "0", "0", "1"): 1}


def compact_text(content: bytes) -> bytes:
    """*content* (a content stream of MuPDF's PDF device) with its text matrices written
    as relative moves where they only translate the line (see the module's docstring).

    Every origin is rounded from its exact place (never from the previous rounded one),
    so a column of a hundred lines drifts by no more than half a hundredth of a point.
    """
    out: list[str] = []
    # the line matrix: its linear part, its exact origin, and the origin as written
    # (hundredths of a point)
    line: tuple[tuple[str, ...], float, float, int, int] | None = None
    for raw in content.decode("latin-1").split("\n"):
        text = raw.strip()
        tm, td = _TM.match(text), _TD.match(text)
        if tm:
            linear = tm.groups()[:4]
            x, y = float(tm.group(5)) * 100, float(tm.group(6)) * 100
        elif td and line and line[0] in _PLAIN:
            linear = line[0]
            # Td moves by (tx, ty) in the line's own space: y runs the other way when
            # the matrix flips it
            x = line[1] + float(td.group(1)) * 100
            y = line[2] + _PLAIN[linear] * float(td.group(2)) * 100
        else:
            one = _ONE_STRING.match(text)
            if one:
                out.append(f"{one.group(1)}Tj")
                continue
            if text in ("BT", "ET") or td or _OTHER_MOVES.search(text):
                line = None
            out.append(raw)
            continue
        written_x, written_y = round(x), round(y)
        if line and line[0] == linear and linear in _PLAIN:
            out.append(f"{_text(written_x - line[3])} "
                       f"{_text(_PLAIN[linear] * (written_y - line[4]))} Td")
        else:
            out.append(" ".join((*linear, _text(written_x), _text(written_y), "Tm")))
        line = (linear, x, y, written_x, written_y)
    return "\n".join(out).encode("latin-1")


_IDENTITY = ("1", "0", "0", "1", "0", "0")
_REF = r"(\d+) 0 R"
_OTHER_RESOURCES = ("XObject", "ExtGState", "Pattern", "Shading", "ColorSpace", "Properties")
_EMPTY = re.compile(rb"\s*(?:q\s*Q\s*)*")
_SET_FONT = re.compile(rb"/([A-Za-z0-9_]+)(\s+[-0-9.]+\s+Tf)")


def _matrix(pdf: Any, xref: int) -> tuple[str, ...]:
    kind, value = pdf.xref_get_key(xref, "Matrix")
    return tuple(value.strip("[] ").split()) if kind == "array" else _IDENTITY


def _dict(pdf: Any, xref: int, key: str) -> tuple[str, str]:
    """The kind and text of the dictionary at *key* of object *xref*, followed if it is
    a reference."""
    kind, value = pdf.xref_get_key(xref, key)
    if kind == "xref":
        return "dict", pdf.xref_object(int(value.split()[0]), compressed=True)
    return kind, value


def inline_sheet(page: Any) -> bool:
    """Write the form ``show_pdf_page`` just laid over *page* into the page's content
    (see the module's docstring); False, and the page as it was, where the forms move
    or scale the sheet (a rotated page, a page whose box does not start at 0, 0), use
    anything besides fonts, or a font name would clash with the page's own."""
    pdf = page.parent
    contents = page.get_contents()
    if len(contents) < 2:
        return False
    call = re.fullmatch(r"\s*q\s*/(fzFrm\d+)\s+Do\s*Q\s*",
                        (pdf.xref_stream(contents[-1]) or b"").decode("latin-1"))
    kind, value = pdf.xref_get_key(page.xref, f"Resources/XObject/{call.group(1)}") \
        if call else ("null", "")
    if not call or kind != "xref":
        return False
    wrapper = int(value.split()[0])
    kind, value = pdf.xref_get_key(wrapper, "Resources/XObject/fullpage")
    if kind != "xref" or not re.fullmatch(
            r"\s*/fullpage\s+Do\s*", (pdf.xref_stream(wrapper) or b"").decode("latin-1")):
        return False
    sheet = int(value.split()[0])
    fonts = _dict(pdf, sheet, "Resources/Font")[1]
    if (_matrix(pdf, wrapper) != _IDENTITY or _matrix(pdf, sheet) != _IDENTITY
            or any(pdf.xref_get_key(sheet, f"Resources/{key}")[0] != "null"
                   for key in _OTHER_RESOURCES)):
        return False
    taken = dict(re.findall(rf"/([^\s/<>\[\]()]+)\s*{_REF}",
                            _dict(pdf, page.xref, "Resources/Font")[1]))
    rename: dict[bytes, bytes] = {}
    for name, xref in re.findall(rf"/(\w+)\s*{_REF}", fonts):
        if taken.get(f"T{xref}", xref) != xref:
            return False  # the page already calls another font by that name
        taken[f"T{xref}"] = xref
        rename[name.encode()] = f"T{xref}".encode()
    text = pdf.xref_stream(sheet) or b""
    if any(name not in rename for name, _ in _SET_FONT.findall(text)):
        return False
    text = _SET_FONT.sub(lambda m: b"/" + rename[m.group(1)] + m.group(2), text)
    for name in sorted({new.decode() for new in rename.values()}):
        pdf.xref_set_key(page.xref, f"Resources/Font/{name}", f"{taken[name]} 0 R")
    kind, forms = pdf.xref_get_key(page.xref, "Resources/XObject")
    if kind == "xref":  # a dictionary of its own, perhaps shared with other pages
        pdf.xref_set_key(int(forms.split()[0]), call.group(1), "null")
    else:
        forms = re.sub(rf"/{call.group(1)}\s*{_REF}", "", forms)
        pdf.xref_set_key(page.xref, "Resources/XObject",
                         "null" if re.fullmatch(r"<<\s*>>", forms) else forms)
    own = b"\n".join(pdf.xref_stream(xref) or b"" for xref in contents[:-1])
    # the page's own operators (nothing left but "q Q" where all its text was replaced)
    # in a state of their own, so that a transformation they leave set moves nothing
    own = b"" if _EMPTY.fullmatch(own) else b"q\n" + own + b"\nQ\n"
    stream = pdf.get_new_xref()
    pdf.update_object(stream, "<<>>")
    pdf.update_stream(stream, own + b"q\n" + text + b"\nQ\n")
    page.set_contents(stream)
    return True


def checkpoint(pdf: Any, path: Path) -> Any:
    """*pdf* saved to *path* with identical objects merged, and reopened from there.

    Each page's sheet carries its own copy of the fonts (megabytes for CJK): merging
    them every few pages keeps a thousand-page document's memory bounded. The copy is
    saved without encryption (the translation is written without it too).
    """
    pdf.save(str(path), garbage=4, deflate=True)
    pdf.close()
    return fitz().open(str(path))


def compact(pdf: Any) -> bytes:
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
