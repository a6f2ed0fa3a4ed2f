"""The review round trip: a bilingual file a reviewer edits in Word or Excel, read back.

Export writes one row per segment — its id, number, source, translation, status, the
checks' flags, an empty comment column and a *check* (a short hash of the translation
as exported). The reviewer changes translations and writes comments; import compares
each row three ways:

- the reviewer's text equals what was exported: nothing to do (a comment is kept in
  the result);
- it differs, and the segment is still what was exported: the reviewer's text is
  written, status *edited*, author "import", checked like any edit;
- it differs, and the segment changed in the app since the export: a *conflict*. The
  app's text stays and the reviewer's becomes a pending proposal (the revision panel's
  accept/reject), with the comment as its instruction — nothing is lost either way.

Rows whose id is not in the project (the document was re-read and changed) are named
in the result, never guessed at. XLSX is written with openpyxl, DOCX with python-docx;
both read back with the same libraries, as a reviewer's Excel or Word saves them.
"""

from __future__ import annotations

import hashlib
import io
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import BaylingError
from ..fileio import atomic_write_bytes
from .glossary import Glossary
from .qa import check_translation

if TYPE_CHECKING:
    from ..storage.projects import Project

HEADER = ("ID", "#", "Source", "Translation", "Status", "Flags", "Comment", "Check")
ID, NUMBER, SOURCE, TARGET, STATUS, FLAGS, COMMENT, CHECK = range(len(HEADER))
#: author of a translation taken from a review file (storage's AUTHORS has it)
AUTHOR = "import"
SUFFIXES = (".xlsx", ".docx")


class ReviewError(BaylingError):
    """A review file that cannot be read, or is not one of ours."""


@dataclass(frozen=True)
class ReviewRow:
    unit_id: str
    number: int
    source: str
    target: str
    status: str
    flags: str
    comment: str
    check: str


@dataclass(frozen=True)
class Conflict:
    """The segment changed in the app since the export and the reviewer changed it too."""

    index: int
    app_text: str
    reviewer_text: str
    comment: str


@dataclass
class ReviewResult:
    #: segments that took the reviewer's text
    changed: list[int] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)
    unchanged: int = 0
    #: (segment index, comment) of every row with a comment
    comments: list[tuple[int, str]] = field(default_factory=list)
    #: ids of rows the project does not have (or whose source is not the project's)
    unknown: list[str] = field(default_factory=list)


def fingerprint(text: str) -> str:
    """The *check* of a translation: enough to tell whether it changed, short to show."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def review_rows(project: Project) -> list[ReviewRow]:
    return [ReviewRow(s.unit_id, s.idx + 1, s.source, s.target, s.status,
                      "\n".join(f.message for f in s.flags), "", fingerprint(s.target))
            for s in project.segments]


def export_review(project: Project, path: Path) -> int:
    """Write the review file (.xlsx or .docx by suffix), atomically; returns the rows."""
    rows = review_rows(project)
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        data = _xlsx(rows)
    elif suffix == ".docx":
        data = _docx(rows, project)
    else:
        raise ReviewError("review_file_xlsx_docx", path=path.name)
    atomic_write_bytes(path, data)
    return len(rows)


def _cell(value: Any) -> str:
    return "" if value is None else str(value)


def _xlsx(rows: Sequence[ReviewRow]) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Review"
    sheet.append(list(HEADER))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    wrap = Alignment(wrap_text=True, vertical="top")
    for row in rows:
        sheet.append([row.unit_id, row.number, row.source, row.target, row.status, row.flags,
                      row.comment, row.check])
    for line in sheet.iter_rows(min_row=2):
        for cell in line:
            cell.alignment = wrap
            cell.data_type = "s" if cell.column != NUMBER + 1 else cell.data_type
    for letter, width in zip("ABCDEFGH", (14, 6, 50, 50, 10, 30, 30, 18), strict=True):
        sheet.column_dimensions[letter].width = width
    sheet.column_dimensions["A"].hidden = True  # ids and checks are for the import
    sheet.column_dimensions["H"].hidden = True
    sheet.freeze_panes = "C2"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _docx(rows: Sequence[ReviewRow], project: Project) -> bytes:
    from docx import Document
    from docx.shared import Pt, RGBColor

    document = Document()
    document.add_heading(f"Review: {project.name}", level=1)
    document.add_paragraph("Change the Translation column and write in the Comment column; "
                           "leave ID and Check as they are.")
    table = document.add_table(rows=1, cols=len(HEADER))
    table.style = "Table Grid"
    for cell, title in zip(table.rows[0].cells, HEADER, strict=True):
        cell.text = title
        for run in cell.paragraphs[0].runs:
            run.bold = True
    for row in rows:
        cells = table.add_row().cells
        values = (row.unit_id, str(row.number), row.source, row.target, row.status, row.flags,
                  row.comment, row.check)
        for number, (cell, value) in enumerate(zip(cells, values, strict=True)):
            _set_text(cell, value)
            if number in (ID, CHECK):  # small and grey: for the import, not the reviewer
                for run in cell.paragraphs[0].runs:
                    run.font.size = Pt(7)
                    run.font.color.rgb = RGBColor(0x88, 0x88, 0x88)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _set_text(cell: Any, text: str) -> None:
    """python-docx writes a newline as a line break, and reads it back as one."""
    cell.text = text


def read_review(path: Path) -> list[ReviewRow]:
    """The rows of a review file as the reviewer saved it."""
    suffix = path.suffix.lower()
    try:
        if suffix == ".xlsx":
            raw = _read_xlsx(path)
        elif suffix == ".docx":
            raw = _read_docx(path)
        else:
            raise ReviewError("review_file_xlsx_docx", path=path.name)
    except ReviewError:
        raise
    except Exception as exc:  # a damaged or foreign file: one sentence, no traceback
        raise ReviewError("could_not_read_review", path=path.name, error=exc) from None
    if not raw or [h.strip() for h in raw[0][:len(HEADER)]] != list(HEADER):
        raise ReviewError("not_a_review_file", path=path.name, header=", ".join(HEADER))
    rows = []
    for cells in raw[1:]:
        cells = [*cells, *[""] * len(HEADER)][:len(HEADER)]
        if not cells[ID].strip():
            continue
        try:
            number = int(float(cells[NUMBER]))
        except ValueError:
            number = 0
        rows.append(ReviewRow(cells[ID].strip(), number, cells[SOURCE], cells[TARGET],
                              cells[STATUS].strip(), cells[FLAGS], cells[COMMENT].strip(),
                              cells[CHECK].strip()))
    return rows


def _read_xlsx(path: Path) -> list[list[str]]:
    from openpyxl import load_workbook

    book = load_workbook(path, read_only=True, data_only=True)
    try:
        sheet = book.worksheets[0]
        return [[_cell(v).replace("\r\n", "\n") for v in row]
                for row in sheet.iter_rows(values_only=True)]
    finally:
        book.close()


def _read_docx(path: Path) -> list[list[str]]:
    from docx import Document

    document = Document(str(path))
    if not document.tables:
        return []
    return [[cell.text for cell in row.cells] for row in document.tables[0].rows]


def import_review(project: Project, path: Path, glossary: Glossary | None = None) -> ReviewResult:
    """Take the reviewer's changes into *project* (see the module docstring)."""
    rows = read_review(path)
    by_id = {s.unit_id: s for s in project.segments}
    result = ReviewResult()
    batch = f"review-{int(time.time())}"
    for row in rows:
        segment = by_id.get(row.unit_id)
        if segment is None or segment.source.strip() != row.source.strip():
            result.unknown.append(row.unit_id)
            continue
        if row.comment:
            result.comments.append((segment.idx, row.comment))
        reviewer = row.target.strip()
        if fingerprint(row.target) == row.check or reviewer == segment.target.strip():
            result.unchanged += 1
            continue
        flags = check_translation(segment.source, reviewer, project.target_lang, glossary,
                                  source_lang=project.source_lang or None) if reviewer else []
        if fingerprint(segment.target) == row.check:
            project.set_target(segment.idx, reviewer, "edited" if reviewer else "new",
                               AUTHOR, flags)
            result.changed.append(segment.idx)
        else:
            instruction = row.comment or "Reviewer's version (from the review file)"
            project.store.add_candidate(project, segment.idx, batch, instruction, reviewer,
                                        flags)
            result.conflicts.append(Conflict(segment.idx, segment.target, reviewer,
                                             row.comment))
    return result
