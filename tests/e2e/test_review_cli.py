"""``bayling-desktop review export|import``: the review round trip without the window."""

from __future__ import annotations

from pathlib import Path

import pytest

from bayling_desktop.cli import main
from bayling_desktop.documents import open_document
from bayling_desktop.storage.projects import ProjectStore, default_path
from bayling_desktop.translation.review import TARGET


def test_review_round_trip_from_the_command_line(tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    from openpyxl import load_workbook

    source = tmp_path / "note.txt"
    source.write_text("Hello.\n\nGoodbye.\n", encoding="utf-8")
    with ProjectStore(default_path()) as store:
        project = store.create(open_document(source), "en", "zh", name="note")
        project.set_target(0, "你好。", "draft", "model")
        project.set_target(1, "再见。", "draft", "model")
    review = tmp_path / "note.review.xlsx"
    assert main(["review", "export", "note", str(review)]) == 0
    assert "2 segments for review" in capsys.readouterr().out
    book = load_workbook(review)
    sheet = book.active
    assert sheet is not None
    sheet.cell(row=3, column=TARGET + 1, value="再会。")
    book.save(review)
    assert main(["review", "import", "note", str(review)]) == 0
    assert "1 segments changed" in capsys.readouterr().out
    with ProjectStore(default_path()) as store:
        again = store.open("note")
        assert (again.segments[1].target, again.segments[1].status) == ("再会。", "edited")
    assert main(["review", "import", "nothing", str(review)]) == 2  # no such project
    assert "no project" in capsys.readouterr().err.lower()
