"""PO files as they come (found by scripts/document_sweep.py on polib's and Django's own
test catalogues)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bayling_desktop.documents import open_document
from bayling_desktop.errors import DocumentError


def test_a_syntax_error_is_one_sentence_with_its_line_not_the_path(tmp_path: Path) -> None:
    path = tmp_path / "broken.po"
    path.write_text('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
                    'msgid "Hello"\nmsgstr "Bonjour"\nthis is not po\n', encoding="utf-8")
    with pytest.raises(DocumentError) as caught:
        open_document(path)
    assert str(caught.value) == "broken.po is not a valid PO file (a syntax error on line 7)."
