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


def _squeezed(path: Path, **kwargs: bool) -> str:
    """All visible text without white space: runs with the same formatting may merge (and
    a space-only run with them); the text itself must not change."""
    return "".join("".join(visible_text(path, **kwargs)).split())


def _real(package: str, suffix: str) -> list[Path]:
    return sdist_files(package, suffix)


@pytest.mark.parametrize(("package", "at_least"), [("python-docx", 30), ("docx2python", 25)])
def test_every_real_word_file_is_covered(package: str, at_least: int, tmp_path: Path) -> None:
    files = _real(package, ".docx")
    assert len(files) > at_least
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
        assert _squeezed(same, comments=True) == _squeezed(path, comments=True), path.name
        assert [u.source for u in open_document(same, include_comments=True).units] == [
            u.source for u in document.units], path.name
    assert read > at_least * 2 // 3


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
        assert _squeezed(same) == _squeezed(path), path.name
        assert [u.source for u in open_document(same).units] == [
            u.source for u in document.units], path.name
    return read


def test_every_real_presentation_is_covered(tmp_path: Path) -> None:
    files = _real("python-pptx", ".pptx")
    assert len(files) > 50
    assert _cover_all(files, tmp_path) >= 25  # the others hold charts or no text

