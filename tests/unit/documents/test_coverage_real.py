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
