"""A TMX file opened as the document to translate: one unit per <tu> in the header's
srclang, the translation written as the target <tuv>, the rest of the file kept."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from bayling_desktop.documents import FORMAT_DESCRIPTIONS, open_document, supported_extensions
from bayling_desktop.documents.formats.tmx import XML_LANG
from bayling_desktop.errors import DocumentError

TMX = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE tmx SYSTEM "tmx14.dtd">
<tmx version="1.4">
  <header creationtool="OmegaT" creationtoolversion="6" segtype="sentence" o-tmf="OmegaT"
          adminlang="EN-US" srclang="en-US" datatype="plaintext">
    <prop type="x-project">demo</prop>
  </header>
  <body>
    <tu tuid="save" creationdate="20240101T000000Z">
      <prop type="x-context">menu</prop>
      <note>Button label</note>
      <tuv xml:lang="en-US"><seg>Press <bpt i="1">&lt;b&gt;</bpt>Save<ept i="1">&lt;/b&gt;</ept>\
 now<ph x="2">&lt;br/&gt;</ph> please.</seg></tuv>
      <tuv xml:lang="fr-FR"><seg>Appuyez sur Enregistrer.</seg></tuv>
    </tu>
    <tu>
      <tuv xml:lang="en-US"><seg>Second <hi type="b">bold</hi> one.</seg></tuv>
    </tu>
    <tu><tuv xml:lang="fr-FR"><seg>Seulement en français.</seg></tuv></tu>
    <tu><tuv xml:lang="en-US"><seg><ph x="1">{0}</ph></seg></tuv></tu>
  </body>
</tmx>
"""


def _tmx(tmp_path: Path, text: str = TMX, encoding: str = "utf-8") -> Path:
    path = tmp_path / "memory.tmx"
    path.write_bytes(text.replace('encoding="UTF-8"', f'encoding="{encoding.upper()}"')
                     .encode(encoding))
    return path


def _segs(path: Path, lang: str) -> list[str]:
    root = etree.parse(str(path)).getroot()
    return [etree.tostring(tuv.find("seg"), encoding="unicode", with_tail=False)
            for tuv in root.iter("tuv") if tuv.get(XML_LANG) == lang]


def test_tmx_is_a_supported_document_type() -> None:
    """The CLI's folder scan and the GUI's open dialog both list supported_extensions()."""
    assert ".tmx" in supported_extensions()
    assert str(FORMAT_DESCRIPTIONS[".tmx"]) == "TMX translation memory"


def test_one_unit_per_tu_in_the_source_language_with_inline_codes_as_tags(
        tmp_path: Path) -> None:
    document = open_document(_tmx(tmp_path))
    # a <tu> without an en-US segment, and one that is only a code, are not units
    assert [(u.id, u.source) for u in document.units] == [
        ("save", "Press <x1/>Save<x2/> now<x3/> please."), ("tu2", "Second <1>bold</1> one.")]
    assert document.units[0].context == "Button label"
    assert document.units[0].target == "Appuyez sur Enregistrer."  # the one other language
    assert document.declared_languages == ("en-US", "fr-FR")


def test_export_adds_the_target_tuv_and_keeps_the_rest(tmp_path: Path) -> None:
    source = _tmx(tmp_path)
    document = open_document(source)
    document.target_language = "zh-CN"
    out = tmp_path / "memory.zh.tmx"
    document.export({"save": "请<x3/>现在按<x1/>保存<x2/>。", "tu2": "第二个<1>粗体</1>。"}, out)
    assert document.flagged == {}
    assert _segs(out, "zh-CN") == [
        '<seg>请<ph x="2">&lt;br/&gt;</ph>现在按<bpt i="1">&lt;b&gt;</bpt>保存'
        '<ept i="1">&lt;/b&gt;</ept>。</seg>', '<seg>第二个<hi type="b">粗体</hi>。</seg>']
    assert _segs(out, "en-US") == _segs(source, "en-US")
    assert _segs(out, "fr-FR") == _segs(source, "fr-FR")
    written = out.read_text(encoding="utf-8")
    for kept in ('<!DOCTYPE tmx SYSTEM "tmx14.dtd">', '<prop type="x-project">demo</prop>',
                 '<prop type="x-context">menu</prop>', 'creationdate="20240101T000000Z"',
                 "<note>Button label</note>"):
        assert kept in written
    # the new variant sits after the last one, indented like it
    assert ('<tuv xml:lang="fr-FR"><seg>Appuyez sur Enregistrer.</seg></tuv>\n'
            '      <tuv xml:lang="zh-CN">') in written
    again = open_document(out)
    assert [u.source for u in again.units] == [u.source for u in document.units]


def test_a_target_of_the_same_language_is_replaced_not_doubled(tmp_path: Path) -> None:
    document = open_document(_tmx(tmp_path))
    document.target_language = "fr"
    out = tmp_path / "fr.tmx"
    document.export({"save": "Appuyez <x1/>ici<x2/><x3/>."}, out)
    root = etree.parse(str(out)).getroot()
    first = root.find("body/tu")
    assert [tuv.get(XML_LANG) for tuv in first.iter("tuv")] == ["en-US", "fr"]
    assert "".join(first.findall("tuv")[1].find("seg").itertext()) == (
        "Appuyez <b>ici</b><br/>.")


def test_broken_tags_are_flagged_and_the_text_still_goes_in(tmp_path: Path) -> None:
    document = open_document(_tmx(tmp_path))
    document.target_language = "zh"
    out = tmp_path / "zh.tmx"
    document.export({"tu2": "第二个粗体。"}, out)
    assert "tu2" in document.flagged
    assert _segs(out, "zh") == ["<seg>第二个粗体。</seg>"]


def test_utf16_stays_utf16(tmp_path: Path) -> None:
    """Trados writes TMX in UTF-16."""
    document = open_document(_tmx(tmp_path, encoding="utf-16"))
    document.target_language = "zh"
    out = tmp_path / "zh.tmx"
    document.export({"tu2": "第二个<1>粗体</1>。"}, out)
    assert out.read_bytes().startswith(b"\xff\xfe<\x00?\x00x\x00m\x00l\x00")
    assert open_document(out).units[1].source == "Second <1>bold</1> one."


def test_tmx_1_1_lang_attributes_and_a_srclang_of_all(tmp_path: Path) -> None:
    old = ('<tmx version="1.1"><header srclang="*all*" adminlang="en" datatype="plaintext" '
           'segtype="sentence" creationtool="t" creationtoolversion="1" o-tmf="t"/><body>'
           '<tu><tuv lang="DE"><seg>Hallo</seg></tuv><tuv lang="EN"><seg>Hello</seg></tuv></tu>'
           '<tu><tuv lang="DE"><seg>Welt</seg></tuv></tu></body></tmx>')
    document = open_document(_tmx(tmp_path, old))
    assert [u.source for u in document.units] == ["Hallo", "Welt"]
    assert document.declared_languages == ("DE", "EN")
    out = tmp_path / "en.tmx"
    document.export({u.id: u.id for u in document.units}, out)  # the file's own target: EN
    written = out.read_text(encoding="utf-8")
    assert '<tuv lang="EN"><seg>tu1</seg></tuv>' in written
    assert '<tuv lang="EN"><seg>tu2</seg></tuv>' in written


def test_without_a_target_language_export_says_so(tmp_path: Path) -> None:
    only = TMX.replace('<tuv xml:lang="fr-FR"><seg>Appuyez sur Enregistrer.</seg></tuv>', "")
    only = only.replace('<tu><tuv xml:lang="fr-FR"><seg>Seulement en français.</seg></tuv></tu>',
                        "")
    document = open_document(_tmx(tmp_path, only))
    assert document.declared_languages == ("en-US", None)
    with pytest.raises(DocumentError, match="say which language"):
        document.export({"tu2": "x"}, tmp_path / "out.tmx")
    assert not (tmp_path / "out.tmx").exists()


@pytest.mark.parametrize("content", [
    '<tmx version="1.4"><header srclang="en"/></tmx>',
    '<tmx version="1.4"><header srclang="en"/><body><tu><tuv xml:lang="fr"><seg>Oui</seg>'
    "</tuv></tu></body></tmx>",
    "<xliff/>",
])
def test_a_tmx_with_nothing_to_translate_is_one_sentence(tmp_path: Path, content: str) -> None:
    with pytest.raises(DocumentError) as caught:
        open_document(_tmx(tmp_path, content))
    assert "\n" not in str(caught.value) and str(caught.value).endswith(".")


def test_a_tu_may_say_its_own_source_language(tmp_path: Path) -> None:
    mixed = ('<tmx version="1.4"><header srclang="en" adminlang="en" datatype="plaintext" '
             'segtype="sentence" creationtool="t" creationtoolversion="1" o-tmf="t"/><body>'
             '<tu srclang="de"><tuv xml:lang="en"><seg>Hello</seg></tuv><tuv xml:lang="de">'
             "<seg>Hallo Welt</seg></tuv></tu>"
             '<tu><tuv xml:lang="en"><seg>Good night</seg></tuv></tu></body></tmx>')
    document = open_document(_tmx(tmp_path, mixed))
    assert [u.source for u in document.units] == ["Hallo Welt", "Good night"]
    assert document.units[0].target is None  # its own source is not its translation
    document.target_language = "zh"
    out = tmp_path / "zh.tmx"
    document.export({"tu1": "你好世界", "tu2": "晚安"}, out)
    assert _segs(out, "zh") == ["<seg>你好世界</seg>", "<seg>晚安</seg>"]


# -- the same parser for the translation memory's TMX pairs ---------------------------------

REGIONS = """<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header srclang="en" segtype="sentence" o-tmf="x" adminlang="en"
 creationtool="t" creationtoolversion="1" datatype="plaintext"/><body>
  <tu><tuv lang="EN-US"><seg>Colour <ph>&lt;br/&gt;</ph>chart</seg></tuv>
      <tuv xml:lang="zh-CN"><seg>色卡</seg></tuv><tuv xml:lang="zh-TW"><seg>色表</seg></tuv></tu>
  <tu><tuv xml:lang="en"><seg>Only English</seg></tuv></tu>
</body></tmx>
"""


def test_memory_pairs_match_variants_as_the_document_does(tmp_path: Path) -> None:
    from bayling_desktop.documents.formats.tmx import read_pairs, write_pairs

    path = tmp_path / "regions.tmx"
    path.write_text(REGIONS, encoding="utf-8")
    # the exact region wins over the first variant of the same base language, both ways;
    # a TMX 1.1 lang attribute counts; a unit without the target is left out
    assert read_pairs(path, "en", "zh-TW") == [("Colour <br/>chart", "色表")]
    assert read_pairs(path, "en-us", "zh") == [("Colour <br/>chart", "色卡")]
    assert read_pairs(path, "en", "en-GB") == []  # never a unit paired with itself
    out = tmp_path / "out.tmx"
    write_pairs(out, [("en", "zh-TW", "Colour chart", "色表")])
    assert read_pairs(out, "en", "zh-TW") == [("Colour chart", "色表")]
    document = open_document(out)  # what the memory writes opens as a document too
    assert [unit.source for unit in document.units] == ["Colour chart"]


def test_memory_import_refuses_what_the_document_refuses(tmp_path: Path) -> None:
    from bayling_desktop.documents.formats.tmx import read_pairs

    path = tmp_path / "no-body.tmx"
    path.write_text('<tmx version="1.4"><header/></tmx>', encoding="utf-8")
    with pytest.raises(DocumentError, match="is not a TMX file"):
        read_pairs(path, "en", "zh")
