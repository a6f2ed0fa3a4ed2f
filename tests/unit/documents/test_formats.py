"""Every format: an identity round trip reproduces the file, a marker translator proves each
unit is visited once and nothing protected is touched, and bad files give clear errors."""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import docx
import polib
import pytest

from bayling_desktop.documents import export_bilingual, open_document
from bayling_desktop.documents.tags import strip_tags
from bayling_desktop.errors import DocumentError

MD = """---
title: Notes
---
# Hello *world*

A paragraph
on two lines with `code` and https://example.org.

- item one
- item **two**

> quoted
> text

| a | b |
|---|---|
| c d | e |

```python
print("never translated")
```
"""

SRT = """1
00:00:01,000 --> 00:00:02,500
Hello there,
my friend.

2
00:00:03,000 --> 00:00:04,000
Goodbye.

"""

VTT = """WEBVTT

00:00:01.000 --> 00:00:02.000 align:start position:10%
Hello
world

00:00:03.000 --> 00:00:04.000
Bye
"""

PO = r'''# Translation template
msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\n"

#: main.c:10
msgctxt "menu"
msgid "Open file"
msgstr ""

#, python-format
msgid "%(count)s file"
msgid_plural "%(count)s files"
msgstr[0] ""
msgstr[1] ""
'''

HTML = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>My page</title></head>
<body>
<h1>Hello <b>bold</b> world</h1>
<p>Visit <a href="https://x.org" class="k">our site</a> today.<br>New line.</p>
<ul><li>One</li><li>Two <i>three</i></li></ul>
<pre>code stays</pre>
<script>var x = "no";</script>
<table><tr><td>Cell A</td><td>Cell B</td></tr></table>
</body></html>
"""


XLF12 = """<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file original="app.txt" source-language="en" target-language="zh" datatype="plaintext">
    <body>
      <trans-unit id="greet">
        <source>Hello <g id="1">dear</g> user<x id="2"/>!</source>
        <note>On the start page</note>
      </trans-unit>
      <trans-unit id="skip" translate="no"><source>ACME</source></trans-unit>
      <trans-unit id="bye"><source>Goodbye.</source><target>Old</target></trans-unit>
    </body>
  </file>
</xliff>
"""

XLF20 = """<?xml version="1.0" encoding="UTF-8"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="zh">
  <file id="f1">
    <unit id="u1">
      <segment><source>Press <pc id="1">Save</pc> now.</source></segment>
      <segment><source>Then close.</source></segment>
    </unit>
  </file>
</xliff>
"""


def make_docx(path: Path) -> Path:
    doc = docx.Document()
    doc.add_heading("The Title", 1)
    paragraph = doc.add_paragraph("Plain start ")
    paragraph.add_run("bold part").bold = True
    paragraph.add_run(" and the end.")
    doc.add_paragraph("Simple paragraph.")
    table = doc.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "Cell one"
    table.cell(0, 1).text = "Cell two"
    doc.sections[0].header.paragraphs[0].text = "Header text"
    doc.save(str(path))
    return path


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


FILES: dict[str, Callable[[Path], Path]] = {
    "md": lambda d: write(d / "notes.md", MD),
    "srt": lambda d: write(d / "film.srt", SRT),
    "vtt": lambda d: write(d / "film.vtt", VTT),
    "po": lambda d: write(d / "app.po", PO),
    "html": lambda d: write(d / "page.html", HTML),
    "txt": lambda d: write(d / "plain.txt", "One.\n\nTwo\nlines.\n"),
    "docx": lambda d: make_docx(d / "report.docx"),
    "xlf12": lambda d: write(d / "app.xlf", XLF12),
    "xlf20": lambda d: write(d / "app2.xliff", XLF20),
}
BYTE_IDENTICAL = {"md", "vtt", "html", "txt", "srt"}


def content_of(path: Path) -> object:
    """What must survive a round trip, for formats that cannot be byte-identical."""
    if path.suffix == ".docx":
        doc = docx.Document(str(path))
        return ([(p.text, [(r.text, r.bold) for r in p.runs]) for p in doc.paragraphs],
                [c.text for c in doc.tables[0].rows[0].cells],
                doc.sections[0].header.paragraphs[0].text)
    if path.suffix in (".xlf", ".xliff"):
        from lxml import etree

        root = etree.parse(str(path)).getroot()
        for element in root.iter():  # targets and states are what export adds on purpose
            element.attrib.pop("state", None)
            for target in element.findall("{*}target"):
                if target.tail:
                    target.getprevious().tail = (target.getprevious().tail or "") + target.tail
                element.remove(target)
        return etree.tostring(root, method="c14n")
    if path.suffix == ".po":
        # msgstr and the fuzzy flag are what export changes on purpose
        return [(e.msgctxt, e.msgid, e.msgid_plural, e.occurrences, e.comment)
                for e in polib.pofile(str(path))]
    return path.read_text(encoding="utf-8").strip()


@pytest.mark.parametrize("kind", sorted(FILES))
def test_identity_round_trip(kind: str, tmp_path: Path) -> None:
    source = FILES[kind](tmp_path)
    document = open_document(source)
    assert document.units
    out = tmp_path / f"out{source.suffix}"
    document.export({u.id: u.source for u in document.units}, out)
    if kind in BYTE_IDENTICAL:
        assert out.read_bytes() == source.read_bytes()
    else:
        assert content_of(out) == content_of(source)


@pytest.mark.parametrize("kind", sorted(FILES))
def test_marker_translator_visits_every_unit_once(kind: str, tmp_path: Path) -> None:
    source = FILES[kind](tmp_path)
    document = open_document(source)
    ids = [u.id for u in document.units]
    assert len(ids) == len(set(ids))
    out = tmp_path / f"out{source.suffix}"
    # a catalogue's plural forms are the target language's: without one, msgfmt refuses them
    document.target_language = "de"
    document.export({u.id: f"⟦{u.source}⟧" for u in document.units}, out)
    again = open_document(out)
    # PO keeps the source and fills the target; every other format replaces the text
    fills_targets = kind == "po" or kind.startswith("xlf")
    texts = [strip_tags(u.target or "" if fills_targets else u.source) for u in again.units]
    assert len(texts) == len(document.units)
    for text in texts:
        assert text.count("⟦") == 1 and text.count("⟧") == 1, text


def test_protected_content_never_becomes_a_unit(tmp_path: Path) -> None:
    units = " ".join(u.source for u in open_document(FILES["md"](tmp_path)).units)
    assert "never translated" not in units and "title: Notes" not in units
    html_units = " ".join(u.source for u in open_document(FILES["html"](tmp_path)).units)
    assert "code stays" not in html_units and "var x" not in html_units
    srt_units = [u.source for u in open_document(FILES["srt"](tmp_path)).units]
    assert srt_units == ["Hello there,<x1/>my friend.", "Goodbye."]


def test_subtitle_timings_and_line_breaks_survive(tmp_path: Path) -> None:
    document = open_document(FILES["srt"](tmp_path))
    out = tmp_path / "out.srt"
    document.export({"cue-1": "你好，\n我的朋友。", "cue-2": "再见。"}, out)
    text = out.read_text(encoding="utf-8")
    assert "00:00:01,000 --> 00:00:02,500\n你好，\n我的朋友。\n" in text
    vtt = open_document(FILES["vtt"](tmp_path))
    vtt.export({"cue-1": "你好\n世界"}, tmp_path / "out.vtt")
    assert "00:00:01.000 --> 00:00:02.000 align:start position:10%\n你好\n世界\n" in (
        tmp_path / "out.vtt").read_text(encoding="utf-8")


def test_po_targets_are_filled_and_marked_fuzzy(tmp_path: Path) -> None:
    document = open_document(FILES["po"](tmp_path))
    assert next(u.context for u in document.units) == "menu"
    out = tmp_path / "de.po"
    document.target_language = "de"  # two plural forms, as the template has
    document.export({u.id: "译：" + u.source for u in document.units}, out)
    entries = [e for e in polib.pofile(str(out)) if e.msgid]
    assert entries[0].msgstr == "译：Open file" and "fuzzy" in entries[0].flags
    assert entries[1].msgstr_plural[1] == "译：%(count)s files"


def test_docx_runs_keep_their_formatting(tmp_path: Path) -> None:
    document = open_document(FILES["docx"](tmp_path))
    tagged = next(u for u in document.units if "<" in u.source)
    assert tagged.source == "Plain start <2>bold part</2> and the end."
    out = tmp_path / "zh.docx"
    document.export({tagged.id: "开始 <2>粗体</2> 结尾"}, out)
    runs = [(r.text, r.bold) for r in docx.Document(str(out)).paragraphs[1].runs]
    assert runs == [("开始 ", None), ("粗体", True), (" 结尾", None)]


def test_broken_tags_fall_back_to_plain_text_and_flag(tmp_path: Path) -> None:
    document = open_document(FILES["docx"](tmp_path))
    tagged = next(u for u in document.units if "<" in u.source)
    out = tmp_path / "zh.docx"
    document.export({tagged.id: "开始 <2>粗体 结尾"}, out)
    assert docx.Document(str(out)).paragraphs[1].text == "开始 粗体 结尾"  # no text lost
    assert tagged.id in document.flagged
    page = open_document(FILES["html"](tmp_path))
    link = next(u for u in page.units if "<x2/>" in u.source)
    page.export({link.id: "访问 我们的网站"}, tmp_path / "x.html")
    assert "访问 我们的网站" in (tmp_path / "x.html").read_text(encoding="utf-8")
    assert link.id in page.flagged


def test_xliff_targets_states_and_inline_codes(tmp_path: Path) -> None:
    document = open_document(FILES["xlf12"](tmp_path))
    assert [u.id for u in document.units] == ["greet", "bye"]  # translate="no" skipped
    greet = document.units[0]
    assert greet.source == "Hello <1>dear</1> user<x2/>!"
    assert greet.context == "On the start page" and document.units[1].target == "Old"
    out = tmp_path / "zh.xlf"
    document.export({"greet": "你好，<1>亲爱的</1>用户<x2/>！", "bye": "再见。"}, out)
    text = out.read_text(encoding="utf-8")
    assert ('<target state="needs-review-translation">你好，<g id="1">亲爱的</g>用户<x id="2"/>！'
            "</target>") in text
    assert "Old" not in text
    two = open_document(FILES["xlf20"](tmp_path))
    two.export({u.id: "译" + u.source for u in two.units}, tmp_path / "zh2.xliff")
    text2 = (tmp_path / "zh2.xliff").read_text(encoding="utf-8")
    assert text2.count('state="translated"') == 2 and '<pc id="1">Save</pc>' in text2


def test_xliff_with_entities_is_refused(tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.xlf"
    bomb.write_text('<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">'
                    '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>'
                    '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">'
                    "<file><body><trans-unit id='1'><source>&b;</source></trans-unit>"
                    "</body></file></xliff>", encoding="utf-8")
    with pytest.raises(DocumentError, match="entities"):
        open_document(bomb)


@pytest.mark.parametrize("suffix", [".docx", ".html"])
def test_bilingual_export(suffix: str, tmp_path: Path) -> None:
    document = open_document(FILES["md"](tmp_path))
    out = tmp_path / f"bi{suffix}"
    export_bilingual(document, {u.id: "译文" for u in document.units}, out)
    if suffix == ".docx":
        table = docx.Document(str(out)).tables[0]
        # emphasis travels as a tag; the review table shows the text
        assert table.rows[1].cells[0].text == "Hello world"
        assert table.rows[1].cells[1].text == "译文"
        assert len(table.rows) == len(document.units) + 1
    else:
        assert out.read_text(encoding="utf-8").count("<td>译文</td>") == len(document.units)


@pytest.mark.parametrize(("name", "content", "message"), [
    ("broken.docx", b"PK\x03\x04garbage that is not a zip", "not a valid"),
    ("text.docx", b"just some text", "not a zip archive"),
    ("fake.txt", b"PK\x03\x04" + b"\0" * 40, "really an office document"),
    ("scan.md", b"%PDF-1.4 binary", "really a PDF"),
    ("empty.srt", b"", "empty"),
    ("bad.srt", b"1\nnot a timing line\nHello\n", "not a valid SubRip"),
    ("data.xyz", b"hello", "not supported"),
])
def test_bad_files_get_clear_errors(name: str, content: bytes, message: str,
                                    tmp_path: Path) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(DocumentError, match=message):
        open_document(path)


def test_zip_bomb_is_refused(tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.docx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", b"\0" * (60 * 1024 * 1024))
    with pytest.raises(DocumentError, match="zip bomb"):
        open_document(bomb)


def test_html_that_declares_entities_is_refused(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP SECRET", encoding="utf-8")
    page = tmp_path / "xxe.html"
    page.write_text(f'<!DOCTYPE html [<!ENTITY x SYSTEM "file://{secret}">]>'
                    "<html><body><p>Hi &x;</p></body></html>", encoding="utf-8")
    with pytest.raises(DocumentError, match="declares XML entities") as caught:
        open_document(page)
    assert "TOP SECRET" not in str(caught.value)


@pytest.mark.parametrize(("encoding", "text"), [
    ("gb18030", "今天天气很好。"), ("big5", "今天天氣很好。"),
    ("shift_jis", "今日は良い天気です。"),
    ("euc_kr", "오늘은 날씨가 좋습니다."), ("cp1252", "Café crème brûlée à la française."),
    ("utf-16", "Hello, 世界"),
])
def test_legacy_encodings_are_detected(encoding: str, text: str, tmp_path: Path) -> None:
    path = tmp_path / "legacy.txt"
    path.write_bytes(((text + "\n") * 3).encode(encoding))
    document = open_document(path)
    assert document.units[0].source.splitlines()[0] == text


def add_hyperlink(paragraph: Any, url: str, text: str) -> None:
    from docx.opc.constants import RELATIONSHIP_TYPE
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    p = paragraph._p
    rid = paragraph.part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), rid)
    run = OxmlElement("w:r")
    text_element = OxmlElement("w:t")
    text_element.text = text
    run.append(text_element)
    link.append(run)
    p.append(link)


def test_docx_hyperlink_text_is_translated_and_target_kept(tmp_path: Path) -> None:
    doc = docx.Document()
    paragraph = doc.add_paragraph("Visit ")
    add_hyperlink(paragraph, "https://example.org", "our site")
    paragraph.add_run(" today.")
    only_link = doc.add_paragraph()
    add_hyperlink(only_link, "https://example.com", "Example")
    doc.save(str(tmp_path / "links.docx"))
    document = open_document(tmp_path / "links.docx")
    assert [u.source for u in document.units] == ["Visit <2>our site</2> today.",
                                                  "<1>Example</1>"]
    out = tmp_path / "zh.docx"
    document.export({"d1": "今天访问<2>我们的网站</2>。", "d2": "<1>示例</1>"}, out)
    body = docx.Document(str(out)).element.body
    xml = "".join(p.xml for p in body.iter("{*}p"))
    assert "我们的网站" in xml and "示例" in xml and "our site" not in xml
    assert xml.count("<w:hyperlink") == 2 and not document.flagged
    assert [u.source for u in open_document(out).units] == ["今天访问<2>我们的网站</2>。",
                                                            "<1>示例</1>"]
    broken = tmp_path / "broken.docx"
    document.export({"d1": "今天访问我们的网站。"}, broken)
    text = docx.Document(str(broken)).paragraphs[0]._p.xml
    assert "今天访问我们的网站。" in text and "our site" not in text and "d1" in document.flagged
