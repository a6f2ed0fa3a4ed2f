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


POT = '''msgid ""
msgstr ""
"Project-Id-Version: demo\\n"
"Language: \\n"
"Content-Type: text/plain; charset=UTF-8\\n"
"Plural-Forms: nplurals=INTEGER; plural=EXPRESSION;\\n"

msgid "Open the file"
msgstr ""

msgid "One file"
msgid_plural "{n} files"
msgstr[0] ""
msgstr[1] ""
'''


def test_a_translated_template_is_a_catalogue_of_the_target_language(tmp_path: Path) -> None:
    import polib

    from bayling_desktop.documents import default_output_path

    pot = tmp_path / "messages.pot"
    pot.write_text(POT, encoding="utf-8")
    out = default_output_path(pot, "zh")
    assert out.name == "messages.zh.po"
    document = open_document(pot)
    document.target_language = "zh-CN"
    document.export({u.id: f"译{n}" for n, u in enumerate(document.units)}, out)
    catalog = polib.pofile(str(out))
    assert catalog.metadata["Language"] == "zh_CN"
    assert catalog.metadata["Plural-Forms"] == "nplurals=1; plural=0;"
    assert catalog.find("Open the file").msgstr == "译0"
    # a catalogue that already names its language keeps the more precise name
    po = tmp_path / "de.po"
    po.write_text(POT.replace('"Language: \\n"', '"Language: de_AT\\n"'), encoding="utf-8")
    document = open_document(po)
    document.target_language = "de"
    document.export({u.id: "Datei öffnen" for u in document.units}, tmp_path / "de.de.po")
    catalog = polib.pofile(str(tmp_path / "de.de.po"))
    assert catalog.metadata["Language"] == "de_AT"
    assert catalog.metadata["Plural-Forms"] == "nplurals=2; plural=(n != 1);"


def test_an_unknown_plural_rule_is_said_not_guessed(tmp_path: Path) -> None:
    pot = tmp_path / "messages.pot"
    pot.write_text(POT, encoding="utf-8")
    document = open_document(pot)
    document.target_language = "ar"
    document.export({u.id: "افتح الملف" for u in document.units}, tmp_path / "ar.po")
    assert "nplurals=INTEGER" in (tmp_path / "ar.po").read_text(encoding="utf-8")
    assert any("Plural-Forms" in notice for notice in map(str, document.notices))
