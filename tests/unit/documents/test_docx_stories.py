"""Word, all of it (issue 14 item 1): every story part is segmented, nothing is left behind
(measured by the coverage helper), field instructions and deletions are never touched."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import docx
import pytest

from bayling_desktop.documents import open_document
from bayling_desktop.documents.formats.docx import TRACKED_NOTICE
from bayling_desktop.sentences import Sentence

from .coverage import assert_covered, export_marked, unmarked, visible_text
from .wordml import make_story_docx


def _xml(path: Path, name: str = "word/document.xml") -> str:
    with zipfile.ZipFile(path) as archive:
        return archive.read(name).decode("utf-8")


def test_every_story_part_becomes_units_in_order(tmp_path: Path) -> None:
    document = open_document(make_story_docx(tmp_path / "story.docx"))
    texts = [u.source for u in document.units]
    assert texts[0] == "Annual report" and document.units[0].kind == "heading"
    assert "Sales grew<x2/> this year.<x4/>" in texts  # note references stay where they are
    assert "See the box. <x2/>" in texts
    for expected in ( "Text in a box.", "Inside a content control.",
                     "Second controlled line.", "Outer cell", "Inner cell", "Default header",
                     "First page header", "Even page footer", "A footnote explains.",
                     "An endnote adds more."):
        assert any(expected in t for t in texts), expected
    assert texts.count("Text in a box.") == 1  # the VML fallback is not a second unit
    assert "Is this right?" not in texts  # comments are off by default
    kinds = {u.source: u.kind for u in document.units}
    assert kinds["A footnote explains."] == "footnote" and kinds["Text in a box."] == "text-box"
    assert document.notices == [TRACKED_NOTICE, Sentence("comments_left", count=1)]
    with_comments = open_document(tmp_path / "story.docx", include_comments=True)
    assert with_comments.notices == [TRACKED_NOTICE]


def test_fields_keep_their_instruction_and_translate_their_result(tmp_path: Path) -> None:
    document = open_document(make_story_docx(tmp_path / "story.docx"))
    dated = next(u for u in document.units if "Printed on" in u.source)
    assert dated.source == "Printed on <2>March first</2> by the office."
    linked = next(u for u in document.units if "our site" in u.source)
    assert linked.source == "<1>our site</1> is new."
    tracked = next(u for u in document.units if "plan" in u.source)
    assert "old" not in tracked.source and "approved" in tracked.source
    out = tmp_path / "zh.docx"
    document.export({dated.id: "由办公室于<2>三月一日</2>打印。",
                     linked.id: "<1>我们的网站</1>是新的。",
                     tracked.id: "计划已<2>批准</2>。"}, out)
    xml = _xml(out)
    assert ' DATE \\@ "MMMM d, yyyy" ' in xml and "三月一日" in xml and "March first" not in xml
    assert 'w:instr=" HYPERLINK &quot;https://example.org&quot; "' in xml and "我们的网站" in xml
    assert "<w:delText>old</w:delText>" in xml and "批准" in xml
    assert not document.flagged


def test_marker_translator_reaches_every_visible_text(tmp_path: Path) -> None:
    source = make_story_docx(tmp_path / "story.docx")
    assert_covered(source, tmp_path / "marked.docx")
    with_comments = assert_covered(source, tmp_path / "marked-c.docx", comments=True)
    assert any(u.kind == "comment" for u in with_comments.units)
    # the text box is translated once and written to both copies
    xml = _xml(tmp_path / "marked.docx")
    assert xml.count("‹Text›") == 2 and "Text in a box" not in xml


def test_comments_stay_untouched_when_off(tmp_path: Path) -> None:
    source = make_story_docx(tmp_path / "story.docx")
    export_marked(open_document(source), tmp_path / "m.docx")
    assert unmarked(tmp_path / "m.docx", comments=True) == ["Is this right?"]


def test_identity_round_trip_keeps_every_part(tmp_path: Path) -> None:
    source = make_story_docx(tmp_path / "story.docx")
    document = open_document(source)
    out = tmp_path / "same.docx"
    document.export({u.id: u.source for u in document.units}, out)
    assert visible_text(out, comments=True) == visible_text(source, comments=True)
    assert [u.source for u in open_document(out).units] == [u.source for u in document.units]
    with zipfile.ZipFile(source) as a, zipfile.ZipFile(out) as b:
        assert a.namelist() == b.namelist()
    assert docx.Document(str(out)).paragraphs[0].text == "Annual report"  # Word can open it


def test_strict_ooxml_is_read(tmp_path: Path) -> None:
    document = open_document(make_story_docx(tmp_path / "strict.docx", strict=True))
    assert document.units[0].source == "Annual report"
    out = tmp_path / "zh.docx"
    document.export({document.units[0].id: "年度报告"}, out)
    assert "年度报告" in _xml(out) and "purl.oclc.org/ooxml/wordprocessingml" in _xml(out)


def test_broken_tags_in_a_field_paragraph_are_flagged_not_lost(tmp_path: Path) -> None:
    document = open_document(make_story_docx(tmp_path / "story.docx"))
    dated = next(u for u in document.units if "Printed on" in u.source)
    out = tmp_path / "zh.docx"
    document.export({dated.id: "打印于三月一日。"}, out)
    assert [f.code for f in document.flagged[dated.id]] == ["formatting_lost"]
    xml = _xml(out)
    assert "打印于三月一日。" in xml and ' DATE \\@ "MMMM d, yyyy" ' in xml


@pytest.mark.parametrize(("reply", "text"), [
    ("<2>三月一日</2>由办公室打印<x9/>", "三月一日由办公室打印"),
    ("打印于<2>三月</2><2>一日</2>", "打印于三月一日")])
def test_foreign_or_repeated_tags_are_dropped_and_nothing_is_lost(
        reply: str, text: str, tmp_path: Path) -> None:
    """A tag the source never had, or a second copy of one, is dropped (the verifier names
    it at translation time); every word goes in and the field stays a field: no loss."""
    document = open_document(make_story_docx(tmp_path / "story.docx"))
    dated = next(u for u in document.units if "Printed on" in u.source)
    document.export({dated.id: reply}, tmp_path / "x.docx")
    assert dated.id not in document.flagged
    xml = _xml(tmp_path / "x.docx")
    shown = re.sub(r"<[^>]+>", "", re.sub(r"<w:instrText.*?</w:instrText>", "", xml))
    assert text in shown and ' DATE \\@ "MMMM d, yyyy" ' in xml


def test_a_fallback_that_says_something_else_is_its_own_unit(tmp_path: Path) -> None:
    source = make_story_docx(tmp_path / "story.docx")
    changed = tmp_path / "changed.docx"
    with zipfile.ZipFile(source) as original, zipfile.ZipFile(changed, "w") as target:
        for info in original.infolist():
            data = original.read(info)
            if info.filename == "word/document.xml":
                head, _sep, tail = data.decode().partition("<mc:Fallback>")
                data = (head + "<mc:Fallback>" + tail.replace("Text in a box.", "Old box text.",
                                                              1)).encode()
            target.writestr(info, data)
    document = open_document(changed)
    sources = [u.source for u in document.units]
    assert "Text in a box." in sources and "Old box text." in sources
    assert_covered(changed, tmp_path / "m.docx")


def test_reordered_tags_are_followed_when_the_runs_can_move(tmp_path: Path) -> None:
    doc = docx.Document()
    paragraph = doc.add_paragraph("Click ")
    paragraph.add_run("Save").bold = True
    paragraph.add_run(" in the ")
    paragraph.add_run("File").italic = True
    paragraph.add_run(" menu.")
    doc.save(str(tmp_path / "menu.docx"))
    document = open_document(tmp_path / "menu.docx")
    assert document.units[0].source == "Click <2>Save</2> in the <4>File</4> menu."
    out = tmp_path / "zh.docx"
    document.export({"d1": "在<4>文件</4>菜单中单击<2>保存</2>。"}, out)
    runs = [(r.text, r.bold, r.italic) for r in docx.Document(str(out)).paragraphs[0].runs]
    assert runs == [("在", None, None), ("文件", None, True), ("菜单中单击", None, None),
                    ("保存", True, None), ("。", None, None)]
    assert not document.flagged


def test_reordered_tags_around_a_field_are_flagged_not_corrupted(tmp_path: Path) -> None:
    from docx.oxml import parse_xml

    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    doc = docx.Document()
    paragraph = doc.add_paragraph("Printed on ")
    for xml in ('<w:r {w}><w:fldChar w:fldCharType="begin"/></w:r>',
                '<w:r {w}><w:instrText xml:space="preserve"> DATE </w:instrText></w:r>',
                '<w:r {w}><w:fldChar w:fldCharType="separate"/></w:r>',
                "<w:r {w}><w:t>March first</w:t></w:r>",
                '<w:r {w}><w:fldChar w:fldCharType="end"/></w:r>'):
        paragraph._p.append(parse_xml(xml.format(w=w)))
    paragraph.add_run(" by ")
    paragraph.add_run("the office").bold = True
    doc.save(str(tmp_path / "field.docx"))
    document = open_document(tmp_path / "field.docx")
    assert document.units[0].source == "Printed on <2>March first</2> by <4>the office</4>"
    out = tmp_path / "zh.docx"
    document.export({"d1": "<4>办公室</4>于<2>三月一日</2>打印"}, out)
    assert [f.code for f in document.flagged["d1"]] == ["formatting_lost"]
    xml = _xml(out)
    assert xml.index('w:fldCharType="begin"') < xml.index(" DATE ") < xml.index(
        'w:fldCharType="separate"') < xml.index('w:fldCharType="end"')
    assert "办公室于三月一日打印" in "".join(docx.Document(str(out)).paragraphs[0].text.split())
