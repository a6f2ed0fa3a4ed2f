"""Word .docx: paragraphs of the body, tables (nested too), headers and footers. Runs with
different formatting travel as numbered tags and come back with their own styles;
hyperlinks travel as tags too, so their text is translated and their target kept.
Everything else in the file is untouched."""

from __future__ import annotations

import copy
import io
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any, cast

from ..errors import DocumentError
from ..fileio import atomic_write_bytes
from .model import Document, Unit
from .tags import parse, strip_tags, validate_tags
from .ziputil import read_checked


def _qn(tag: str) -> str:
    from docx.oxml.ns import qn

    return str(qn(tag))


def _paragraphs(doc: Any) -> Iterator[Any]:
    """Every paragraph we translate, in a fixed order (load and export must agree)."""
    yield from _block_paragraphs(doc)
    seen: set[str] = set()
    for section in doc.sections:
        for part in (section.header, section.first_page_header, section.even_page_header,
                     section.footer, section.first_page_footer, section.even_page_footer):
            if part.is_linked_to_previous:
                continue
            name = str(part.part.partname)
            if name in seen:
                continue
            seen.add(name)
            yield from _block_paragraphs(part)


def _block_paragraphs(container: Any) -> Iterator[Any]:
    yield from container.paragraphs
    for table in container.tables:
        for row in table.rows:
            seen: set[int] = set()
            for cell in row.cells:
                if id(cell._tc) in seen:  # merged cells repeat
                    continue
                seen.add(id(cell._tc))
                yield from _block_paragraphs(cell)


def _pieces(paragraph: Any) -> list[Any]:
    """The paragraph's runs and hyperlinks, in order."""
    keep = (_qn("w:r"), _qn("w:hyperlink"))
    return [child for child in paragraph._p if child.tag in keep]


def _run_key(run: Any) -> bytes:
    from lxml import etree

    rpr = run.find(_qn("w:rPr"))
    return etree.tostring(rpr) if rpr is not None else b""


def _link_text(link: Any) -> str:
    return "".join(_run_text(r) for r in link.iter(_qn("w:r")))


def _new_link(link: Any, text: str) -> Any:
    """The hyperlink (target, style) with *text* in its first run's formatting."""
    runs = list(link.iter(_qn("w:r")))
    new = copy.deepcopy(link)
    for child in list(new):
        new.remove(child)
    if runs:
        new.append(_new_run(runs[0], text))
    return new


def _run_text(run: Any) -> str:
    from docx.text.run import Run

    return str(Run(run, cast(Any, None)).text)


def _tagged(paragraph: Any) -> tuple[str, list[list[Any]]]:
    """(tagged text, groups): consecutive runs with the same formatting form a group."""
    groups: list[list[Any]] = []
    order: list[tuple[str, int]] = []
    last_key: bytes | None = None
    for piece in _pieces(paragraph):
        if piece.tag == _qn("w:hyperlink"):
            groups.append([piece])
            order.append(("link", len(groups)))
            last_key = None
            continue
        key = _run_key(piece)
        if key == last_key and order and order[-1][0] == "run":
            groups[-1].append(piece)
        else:
            groups.append([piece])
            order.append(("run", len(groups)))
        last_key = key
    runs = [n for kind, n in order if kind == "run"]
    if len(runs) <= 1 and len(order) == len(runs):
        return "".join(_run_text(r) for g in groups for r in g), groups
    # Runs formatted like the paragraph's first run are plain text; only the differently
    # formatted ones need tags, which keeps the model's job (and its mistakes) small.
    base = _run_key(groups[runs[0] - 1][0]) if runs else b""
    parts = []
    for kind, number in order:
        if kind == "link":
            link_text = _link_text(groups[number - 1][0])
            parts.append(f"<{number}>{link_text}</{number}>" if link_text else f"<x{number}/>")
            continue
        text = "".join(_run_text(r) for r in groups[number - 1])
        if _run_key(groups[number - 1][0]) == base:
            parts.append(text)
        elif text:
            parts.append(f"<{number}>{text}</{number}>")
    return "".join(parts), groups


class DocxDocument(Document):
    format_name = "docx"

    def __init__(self, path: Path, data: bytes, units: list[Unit]) -> None:
        super().__init__(path, units)
        self._data = data

    def export(self, translations: Mapping[str, str], out_path: Path) -> None:
        import docx

        doc = docx.Document(io.BytesIO(self._data))
        self.flagged = {}
        by_position = {cast(int, u.meta["position"]): u for u in self.units}
        for position, paragraph in enumerate(_paragraphs(doc)):
            unit = by_position.get(position)
            if unit is None or unit.id not in translations:
                continue
            problems = _fill(paragraph, unit.source, translations[unit.id])
            if problems:
                self.flagged[unit.id] = problems
        buffer = io.BytesIO()
        doc.save(buffer)
        atomic_write_bytes(out_path, buffer.getvalue())


def _new_run(template: Any, text: str) -> Any:
    from docx.text.run import Run

    run = copy.deepcopy(template)
    for child in list(run):
        if child.tag != _qn("w:rPr"):
            run.remove(child)
    Run(run, cast(Any, None)).text = text
    return run


def _fill(paragraph: Any, source: str, target: str) -> list[str]:
    tagged, groups = _tagged(paragraph)
    pieces = _pieces(paragraph)
    if not pieces:
        return []
    first_run = next((r for p in pieces for r in p.iter(_qn("w:r"))), None)
    if first_run is None:
        return []
    plain = "<" not in tagged or tagged == strip_tags(tagged)
    problems = [] if plain else validate_tags(source, target)
    tree = None
    if not plain and not problems:
        try:
            tree = parse(target)
        except ValueError as exc:
            problems = [str(exc)]
    anchor = pieces[0].getprevious()
    parent = pieces[0].getparent()
    for piece in pieces:
        parent.remove(piece)
    new: list[Any] = []
    if plain or tree is None:
        # Plain paragraphs, and the fallback for broken tags: all text in the first run.
        new.append(_new_run(first_run, strip_tags(target)))
        # Empty links (bookmarks, anchors) cost nothing to keep; a link with text gave
        # its text to the run above and would otherwise appear twice.
        new.extend(g[0] for g in groups
                   if g[0].tag == _qn("w:hyperlink") and not _link_text(g[0]))
    else:
        for part in tree.parts:
            if isinstance(part, str):
                if part:
                    new.append(_new_run(first_run, part))
            elif part.number < 0:
                new.append(groups[-part.number - 1][0])
            else:
                text = strip_tags("".join(p if isinstance(p, str) else "" for p in part.parts))
                group = groups[part.number - 1][0]
                new.append(_new_link(group, text) if group.tag == _qn("w:hyperlink")
                           else _new_run(group, text))
    position = parent.index(anchor) + 1 if anchor is not None else 0
    for offset, element in enumerate(new):
        parent.insert(position + offset, element)
    return problems


def load(path: Path) -> DocxDocument:
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    data = read_checked(path, "Word (.docx)")
    try:
        doc = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, KeyError, ValueError) as exc:
        raise DocumentError(f"{path.name} is not a valid Word document ({exc}).") from None
    except Exception as exc:  # lxml raises many kinds for a broken part
        raise DocumentError(f"{path.name} could not be read as a Word document "
                            f"({type(exc).__name__}).") from None
    units: list[Unit] = []
    # paragraph.style searches every style per call (quadratic on long documents)
    names = {style.style_id: style.name or "" for style in doc.styles}
    for position, paragraph in enumerate(_paragraphs(doc)):
        tagged, _groups = _tagged(paragraph)
        if not strip_tags(tagged).strip():
            continue
        style_id = paragraph._p.style
        style = names.get(style_id, "") if style_id else ""
        kind = "heading" if style.lower().startswith(("heading", "title")) else "paragraph"
        units.append(Unit(f"d{len(units) + 1}", tagged, kind,
                          meta={"position": position, "style": style}))
    if not units:
        raise DocumentError(f"{path.name} holds no text to translate.")
    return DocxDocument(path, data, units)
