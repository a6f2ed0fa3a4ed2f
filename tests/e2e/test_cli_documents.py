"""The CLI on real document formats with the real test model."""

from __future__ import annotations

import re
from pathlib import Path

import docx
import pytest

from tests.e2e.test_cli import cli

CJK = re.compile(r"[\u4e00-\u9fff]")
pytestmark = pytest.mark.model


def test_folder_of_documents_with_bilingual_review(tmp_path: Path, qwen_model_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "film.srt").write_text(
        "1\n00:00:01,000 --> 00:00:02,500\nGood morning.\n\n"
        "2\n00:00:03,000 --> 00:00:04,000\nThank you.\n", encoding="utf-8")
    (folder / "notes.md").write_text("# Welcome\n\nSee `config.yaml` for details.\n",
                                     encoding="utf-8")
    doc = docx.Document()
    paragraph = doc.add_paragraph("The weather is ")
    paragraph.add_run("very nice").bold = True
    paragraph.add_run(" today.")
    doc.save(str(folder / "memo.docx"))
    out = tmp_path / "out"
    out.mkdir()
    result = cli("translate", folder, "--to", "zh", "--from", "en", "-o", out,
                 "--bilingual", "html", model=qwen_model_path)
    assert result.returncode in (0, 3), result.stderr
    srt = (out / "film.zh.srt").read_text(encoding="utf-8")
    assert "00:00:01,000 --> 00:00:02,500" in srt and CJK.search(srt)
    md = (out / "notes.zh.md").read_text(encoding="utf-8")
    assert md.startswith("# ") and "`config.yaml`" in md  # protected span came back verbatim
    memo = docx.Document(str(out / "memo.zh.docx")).paragraphs[0]
    assert CJK.search(memo.text)
    review = (out / "memo.zh.bilingual.html").read_text(encoding="utf-8")
    assert "very nice" in review
    assert "5/5" in result.stderr  # one progress bar over all units of all files


def test_sentence_by_sentence(tmp_path: Path, qwen_model_path: Path) -> None:
    source = tmp_path / "p.md"
    source.write_text("# Title\n\nThe cat sleeps. The dog barks. Birds sing.\n", encoding="utf-8")
    result = cli("translate", source, "--to", "zh", "--from", "en", "--sentences",
                 model=qwen_model_path)
    assert result.returncode in (0, 3), result.stderr
    assert "4/4" in result.stderr  # the heading and three sentences
    lines = (tmp_path / "p.zh.md").read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("# ") and lines[1] == ""
    assert CJK.search(lines[2]) and "\n" not in lines[2]  # joined back into one paragraph
