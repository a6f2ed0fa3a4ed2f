"""A Chinese translation set into a PDF paragraph follows the CJK line-breaking rules
(kinsoku): no line starts with closing punctuation (，。、」）…) and none ends with an
opening bracket or quote. MuPDF's HTML layout applies Unicode line breaking (UAX #14)
with the paragraph's ``lang``; this pins that our typesetting keeps it so."""

from __future__ import annotations

from pathlib import Path

import pymupdf

from bayling_desktop.documents import open_document
from bayling_desktop.documents.formats.pdf_write import write_translated

CLOSING = "，。、；：？！”’）》」』】"
OPENING = "“‘（《「『【"
SOURCE = ("The translation memory keeps every sentence that a translator approved, and the "
          "glossary keeps the terms of each client, so that the next file reads the same way "
          "and nobody has to look the same word up twice in one week.")
CHINESE = ("翻译记忆保存译者批准过的每一个句子，术语表保存每位客户的术语（包括“云计算”、"
           "「合同」和《服务条款》），这样下一个文件读起来也一样；同一个词，一周之内不必查两次。"
           "句号、逗号和引号的位置，都遵守中文排版的规则！")


def _paper(path: Path, width: float) -> Path:
    document = pymupdf.open()
    page = document.new_page(width=width + 40, height=400)
    page.insert_textbox(pymupdf.Rect(20, 20, 20 + width, 380), SOURCE, fontsize=10,
                        fontname="helv")
    document.save(path)
    return path


def _lines(path: Path) -> list[str]:
    page = pymupdf.open(path)[0]
    return ["".join(span["text"] for span in line["spans"]).strip()
            for block in page.get_text("dict")["blocks"] for line in block.get("lines", [])]


def test_chinese_lines_never_start_with_closing_or_end_with_opening_punctuation(
        tmp_path: Path) -> None:
    for width in (90.0, 120.0, 150.0, 200.0):  # every width moves the breaks
        source = _paper(tmp_path / f"p{width:.0f}.pdf", width)
        document = open_document(source)
        assert len(document.units) == 1
        out = tmp_path / f"p{width:.0f}.zh.pdf"
        write_translated(document, {document.units[0].id: CHINESE}, out)
        lines = [line for line in _lines(out) if line]
        assert "".join(lines) == CHINESE  # all of it, in order
        assert len(lines) > 3
        assert not [line for line in lines if line[0] in CLOSING], lines
        assert not [line for line in lines if line[-1] in OPENING], lines
