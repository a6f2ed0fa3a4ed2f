"""The review round trip, with the reviewer's edits made by openpyxl and python-docx as
Excel and Word would save them: changes become edited segments, conflicts become
proposals, nothing is lost, and a foreign file is one sentence."""

from __future__ import annotations

from pathlib import Path

import pytest

from bayling_desktop.storage.projects import Project
from bayling_desktop.translation.pipeline import translate
from bayling_desktop.translation.review import (
    CHECK,
    COMMENT,
    TARGET,
    ReviewError,
    export_review,
    import_review,
)

from .fakes import FakeBackend


@pytest.fixture
def translated(project: Project) -> Project:
    translate(project, FakeBackend())
    return project


def _edit_xlsx(path: Path, edits: dict[int, tuple[str | None, str]]) -> None:
    from openpyxl import load_workbook

    book = load_workbook(path)
    sheet = book.active
    assert sheet is not None
    for number, (text, comment) in edits.items():  # number: the segment's "#"
        row = number + 1  # the header is row 1
        if text is not None:
            sheet.cell(row=row, column=TARGET + 1, value=text)
        sheet.cell(row=row, column=COMMENT + 1, value=comment)
    book.save(path)


def test_xlsx_round_trip_changes_conflicts_and_comments(translated: Project,
                                                        tmp_path: Path) -> None:
    path = tmp_path / "review.xlsx"
    assert export_review(translated, path) == len(translated.segments)
    before = [s.target for s in translated.segments]
    # meanwhile the translator changes segment 3 in the app
    translated.set_target(2, "快递员会先给您打电话。", "edited", "user")
    _edit_xlsx(path, {1: ("包裹周一送到。", "shorter"),   # a plain change
                      3: ("快递员将先致电您。", "tone"),   # changed in the app too: conflict
                      4: (None, "fine as it is")})          # only a comment
    result = import_review(translated, path)
    assert result.changed == [0]
    assert (translated.segments[0].target, translated.segments[0].status) == (
        "包裹周一送到。", "edited")
    assert translated.history(0)[-1].author == "import"
    [conflict] = result.conflicts
    assert (conflict.index, conflict.app_text, conflict.reviewer_text) == (
        2, "快递员会先给您打电话。", "快递员将先致电您。")
    assert translated.segments[2].target == "快递员会先给您打电话。"  # the app's text stays
    [proposal] = translated.store.candidates(translated)  # the reviewer's is kept
    assert (proposal.idx, proposal.text, proposal.instruction) == (2, "快递员将先致电您。", "tone")
    assert (3, "fine as it is") in result.comments
    assert result.unchanged == len(before) - 2 and not result.unknown
    assert [s.target for s in translated.segments][3:] == before[3:]


def test_docx_round_trip_as_word_would_save_it(translated: Project, tmp_path: Path) -> None:
    from docx import Document

    path = tmp_path / "review.docx"
    export_review(translated, path)
    document = Document(str(path))
    table = document.tables[0]
    assert table.rows[0].cells[CHECK].text == "Check"
    table.rows[2].cells[TARGET].text = "它重十五公斤。\n（已核对）"
    table.rows[2].cells[COMMENT].text = "spell out the number"
    document.save(str(path))
    result = import_review(translated, path)
    assert result.changed == [1] and not result.conflicts
    assert translated.segments[1].target == "它重十五公斤。\n（已核对）"
    # the checks ran on the reviewer's text: 15 is not the source's 12
    assert translated.segments[1].flags
    # importing the same file again changes nothing more
    again = import_review(translated, path)
    assert not again.changed and not again.conflicts


def test_a_foreign_file_is_refused_in_one_sentence(translated: Project, tmp_path: Path) -> None:
    from openpyxl import Workbook

    path = tmp_path / "other.xlsx"
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Name", "Price"])
    book.save(path)
    with pytest.raises(ReviewError, match="not a review file exported by BayLing"):
        import_review(translated, path)
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"not a zip")
    with pytest.raises(ReviewError, match="could not be read as a review file"):
        import_review(translated, broken)


def test_a_row_whose_segment_is_gone_is_named_not_guessed(translated: Project,
                                                          tmp_path: Path) -> None:
    from openpyxl import load_workbook

    path = tmp_path / "review.xlsx"
    export_review(translated, path)
    book = load_workbook(path)
    sheet = book.active
    assert sheet is not None
    sheet.cell(row=2, column=1, value="p999")
    sheet.cell(row=2, column=TARGET + 1, value="改了")
    book.save(path)
    result = import_review(translated, path)
    assert result.unknown == ["p999"] and not result.changed
