"""Coverage measured over real files from other projects' packages (see realfiles.py): every
visible text node comes back translated by the marker translator, or its unit is flagged;
the identity export keeps every text."""

from __future__ import annotations

from pathlib import Path

import pytest

from bayling_desktop.documents import open_document
from bayling_desktop.errors import DocumentError

from .coverage import assert_covered, visible_text
from .realfiles import sdist_files


def _real(package: str, suffix: str) -> list[Path]:
    return sdist_files(package, suffix)


@pytest.mark.parametrize("suffix", [".docx"])
def test_every_real_word_file_is_covered(suffix: str, tmp_path: Path) -> None:
    files = _real("python-docx", suffix)
    assert len(files) > 30
    read = 0
    for number, path in enumerate(files):
        try:
            document = open_document(path, include_comments=True)
        except DocumentError as exc:
            assert "holds no text" in str(exc), f"{path.name}: {exc}"
            continue
        read += 1
        assert_covered(path, tmp_path / f"m{number}.docx", comments=True)
        same = tmp_path / f"s{number}.docx"
        document.export({u.id: u.source for u in document.units}, same)
        assert "".join(visible_text(same, comments=True)) == "".join(
            visible_text(path, comments=True)), path.name
    assert read > 20


def _cover_all(files: list[Path], tmp_path: Path) -> int:
    read = 0
    for number, path in enumerate(files):
        try:
            document = open_document(path)
        except DocumentError as exc:
            assert "holds no text" in str(exc), f"{path.name}: {exc}"
            continue
        read += 1
        assert_covered(path, tmp_path / f"m{number}{path.suffix}")
        same = tmp_path / f"s{number}{path.suffix}"
        document.export({u.id: u.source for u in document.units}, same)
        # runs with the same formatting may merge; the text itself is unchanged
        assert "".join(visible_text(same)) == "".join(visible_text(path)), path.name
        assert [u.source for u in open_document(same).units] == [
            u.source for u in document.units], path.name
    return read


def test_every_real_presentation_is_covered(tmp_path: Path) -> None:
    files = _real("python-pptx", ".pptx")
    assert len(files) > 50
    assert _cover_all(files, tmp_path) >= 25  # the others hold charts or no text

