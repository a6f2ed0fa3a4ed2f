"""Documents that cost without bound (issue 23): XML padded to stay under the zip-bomb
ratio (3.6 MB holding 450 MB of XML grew to 7.9 GB), and Markdown lists nested deeper
than the parser's limit (2,991 of 3,000 items left in English, silently).
"""

from __future__ import annotations

import base64
import random
import zipfile
from pathlib import Path

import pytest

from bayling_desktop.documents import open_document
from bayling_desktop.documents.formats.markdown import MAX_NESTING
from bayling_desktop.documents.ziputil import MAX_RATIO, MAX_XML_PART

from .conftest import cli, digest, leftovers, one_sentence
from .test_cli_inputs import NO_MODEL

pytestmark = pytest.mark.hostile

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


@pytest.fixture(scope="session")
def padded_docx(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A .docx whose document.xml is MAX_XML_PART + 16 MB, random padding keeping the
    compression ratio far under MAX_RATIO (built once per session: it takes seconds)."""
    path = tmp_path_factory.mktemp("padded") / "padded.docx"
    rng = random.Random(5)
    noise = base64.b64encode(rng.randbytes(96 * 1024)).decode()  # no "-" in base64
    block = ("<!--" + noise + " " * (len(noise) * 60) + "-->").encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open("word/document.xml", "w") as part:
            part.write(f'<w:document xmlns:w="{W}"><w:body><w:p><w:r><w:t>Hello.</w:t>'
                       "</w:r></w:p>".encode())
            written = 0
            while written < MAX_XML_PART + (16 << 20):
                part.write(block)
                written += len(block)
            part.write(b"</w:body></w:document>")
    with zipfile.ZipFile(path) as archive:
        info = archive.getinfo("word/document.xml")
        assert info.file_size / info.compress_size < MAX_RATIO  # not a "zip bomb"
    return path


@pytest.mark.slow
def test_xml_padded_under_the_bomb_ratio_is_refused_by_size(padded_docx: Path) -> None:
    before = digest(padded_docx)
    result = cli("translate", "--to", "zh", padded_docx, *NO_MODEL, timeout=120)
    one_sentence(result, 2, ["MB of XML", "word/document.xml", "not opened"])
    assert digest(padded_docx) == before and not leftovers(padded_docx.parent)


def deep_list(path: Path, depth: int) -> Path:
    lines = [("  " * level) + f"- Item number {level} of the list." for level in range(depth)]
    path.write_text("\n".join(lines) + "\n\nThe paragraph after the list.\n", encoding="utf-8")
    return path


def test_thirty_levels_of_lists_are_all_translated(tmp_path: Path) -> None:
    document = open_document(deep_list(tmp_path / "deep.md", 30))
    texts = [unit.source for unit in document.units]
    assert texts[:30] == [f"Item number {n} of the list." for n in range(30)]
    assert document.notices == []


def test_lists_deeper_than_the_parser_goes_are_said_not_skipped(tmp_path: Path) -> None:
    document = open_document(deep_list(tmp_path / "deeper.md", 3000))
    # the parser stops at its limit, for the rest of the file too: that must be named
    assert [u.source for u in document.units[:40]] == [
        f"Item number {n} of the list." for n in range(40)]
    assert len(document.units) < 3000
    assert any(f"nested more than {MAX_NESTING // 2} levels" in str(n) for n in document.notices)
