"""Documents expose the language pair their headers declare (issue 13 item 2) and the notices
the user must be told once; a Latin-1 .po translated to Chinese is switched to UTF-8 and the
user is told (issue 15 item 4)."""

from __future__ import annotations

from pathlib import Path

import polib

from bayling_desktop.documents import open_document

from .test_formats import FILES


def test_xliff_headers_declare_the_pair(tmp_path: Path) -> None:
    assert open_document(FILES["xlf12"](tmp_path)).declared_languages == ("en", "zh")
    assert open_document(FILES["xlf20"](tmp_path)).declared_languages == ("en", "zh")


def test_po_language_header_is_the_target(tmp_path: Path) -> None:
    po = tmp_path / "de.po"
    po.write_text('msgid ""\nmsgstr ""\n"Language: pt_BR\\n"\n'
                  '"Content-Type: text/plain; charset=UTF-8\\n"\n\nmsgid "Open"\nmsgstr ""\n',
                  encoding="utf-8")
    document = open_document(po)
    assert document.declared_languages == (None, "pt-BR")
    assert list(map(str, document.notices)) == []


def test_formats_without_a_header_declare_nothing(tmp_path: Path) -> None:
    assert open_document(FILES["txt"](tmp_path)).declared_languages == (None, None)


def test_latin1_po_translated_to_chinese_becomes_utf8_and_says_so(tmp_path: Path) -> None:
    po = tmp_path / "legacy.po"
    po.write_bytes('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=ISO-8859-1\\n"\n\n'
                   'msgid "Café menu"\nmsgstr "Carte du café"\n'.encode("latin-1"))
    document = open_document(po)
    out = tmp_path / "zh.po"
    document.export({document.units[0].id: "咖啡馆菜单"}, out)
    data = out.read_bytes()
    text = data.decode("utf-8")  # never mojibake: the bytes are UTF-8 ...
    assert "charset=UTF-8" in text and "ISO-8859-1" not in text  # ... and the header says so
    assert polib.pofile(str(out)).find("Café menu").msgstr == "咖啡馆菜单"
    assert len(document.notices) == 1 and "UTF-8" in str(document.notices[0])
    document.export({document.units[0].id: "咖啡馆菜单"}, out)
    assert len(document.notices) == 1  # said once


def test_latin1_po_that_still_fits_keeps_its_charset(tmp_path: Path) -> None:
    po = tmp_path / "fr.po"
    po.write_bytes('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=ISO-8859-1\\n"\n\n'
                   'msgid "Menu"\nmsgstr ""\n'.encode("latin-1"))
    document = open_document(po)
    out = tmp_path / "fr2.po"
    document.export({document.units[0].id: "Carte du café"}, out)
    assert "Carte du café".encode("latin-1") in out.read_bytes()
    assert list(map(str, document.notices)) == []
