"""scripts/document_sweep.py stays runnable: it opens what it finds (sdists too), marks,
re-opens and reports, and tells a refusal from a failure."""

from __future__ import annotations

import importlib.util
import json
import shutil
import sys
import tarfile
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[3] / "scripts" / "document_sweep.py"
FEATURES = Path(__file__).resolve().parents[2] / "data" / "features.xlsx"


def _sweep() -> object:
    spec = importlib.util.spec_from_file_location("document_sweep", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def test_a_folder_and_an_sdist_are_swept(tmp_path: Path, capsys: pytest.CaptureFixture[str]
                                         ) -> None:
    folder = tmp_path / "pkg-1.0"
    folder.mkdir()
    (folder / "README.md").write_text("# Title\n\nSee [the docs](https://x.org) and "
                                      "``code``.\n", encoding="utf-8")
    (folder / "notes.txt").write_text("One paragraph.\n\nAnother one.\n", encoding="utf-8")
    (folder / "fake.docx").write_text("not a zip", encoding="utf-8")  # one-sentence refusal
    (folder / "page.html").write_bytes(b"<p>Caf\xc3\xa9 &copy; 2024</p>")
    shutil.copy(FEATURES, folder / "book.xlsx")
    sdist = tmp_path / "pkg-1.0.tar.gz"
    with tarfile.open(sdist, "w:gz") as tar:
        tar.add(folder, arcname="pkg-1.0")
    report = tmp_path / "report.json"
    status = _sweep().main([str(sdist), "--json", str(report)])  # type: ignore[attr-defined]
    results = {Path(r["path"]).name: r for r in json.loads(report.read_text("utf-8"))}
    assert results["fake.docx"]["status"] == "refused"
    assert results["README.md"]["status"] == "ok" and results["README.md"]["identity"] == "bytes"
    assert results["page.html"]["status"] == "ok"
    # the one header a formula names is kept (and said): the sweep reports what is left
    assert results["book.xlsx"]["left_behind"] == ["Orders"] and status == 1
    assert ".xlsx" in capsys.readouterr().out
