"""ODF, all of it (issue 14 item 2): frames and text boxes, footnotes/endnotes, optional
annotations, headers/footers in styles.xml, table cells and list items; fields and template
code are never sent; the marker translator reaches every visible text."""

from __future__ import annotations

import zipfile
from pathlib import Path

from odf import draw, office, style, table, text
from odf.opendocument import OpenDocumentText

from bayling_desktop.documents import open_document
from bayling_desktop.documents.protect import protect
from bayling_desktop.errors import DocumentError

from .coverage import assert_covered, unmarked, visible_text
from .realfiles import sdist_files


def make_story_odt(path: Path) -> Path:
    doc = OpenDocumentText()
    layout = style.PageLayout(name="pm1")
    doc.automaticstyles.addElement(layout)
    master = style.MasterPage(name="Standard", pagelayoutname=layout)
    header = style.Header()
    header.addElement(text.P(text="Company header"))
    master.addElement(header)
    footer = style.Footer()
    footer.addElement(text.P(text="Page footer "))
    master.addElement(footer)
    doc.masterstyles.addElement(master)
    doc.text.addElement(text.H(outlinelevel=1, text="Quarterly report"))
    paragraph = text.P(text="Revenue grew")
    note = text.Note(id="n1", noteclass="footnote")
    note.addElement(text.NoteCitation(text="1"))
    body = text.NoteBody()
    body.addElement(text.P(text="Adjusted for inflation."))
    note.addElement(body)
    paragraph.addElement(note)
    paragraph.addText(" in every region.")
    doc.text.addElement(paragraph)
    framed = text.P(text="See the box: ")
    frame = draw.Frame(name="f1", anchortype="as-char", width="3cm", height="1cm")
    box = draw.TextBox()
    box.addElement(text.P(text="Boxed summary text."))
    frame.addElement(box)
    framed.addElement(frame)
    doc.text.addElement(framed)
    commented = text.P(text="Check the totals.")
    annotation = office.Annotation()
    annotation.addElement(text.P(text="Are these final?"))
    commented.addElement(annotation)
    doc.text.addElement(commented)
    dated = text.P(text="Printed on ")
    dated.addElement(text.Date(text="2024-03-01"))
    dated.addText(" for {{ customer.name }} and ${invoice.total}.")
    doc.text.addElement(dated)
    grid = table.Table(name="t1")
    row = table.TableRow()
    cell = table.TableCell()
    cell.addElement(text.P(text="North region"))
    row.addElement(cell)
    grid.addElement(row)
    doc.text.addElement(grid)
    items = text.List()
    item = text.ListItem()
    item.addElement(text.P(text="First point"))
    items.addElement(item)
    doc.text.addElement(items)
    doc.save(str(path))
    return path


def test_a_span_around_a_note_is_still_translated(tmp_path: Path) -> None:
    doc = OpenDocumentText()
    paragraph = text.P(text="Start ")
    span = text.Span(text="inside the span")
    note = text.Note(id="n1", noteclass="footnote")
    note.addElement(text.NoteCitation(text="1"))
    body = text.NoteBody()
    body.addElement(text.P(text="The note."))
    note.addElement(body)
    span.addElement(note)
    paragraph.addElement(span)
    doc.text.addElement(paragraph)
    doc.save(str(tmp_path / "s.odt"))
    document = open_document(tmp_path / "s.odt")
    assert [u.source for u in document.units] == ["Start <1>inside the span<x2/></1>",
                                                  "The note."]
    assert_covered(tmp_path / "s.odt", tmp_path / "m.odt")


def test_every_story_becomes_units(tmp_path: Path) -> None:
    document = open_document(make_story_odt(tmp_path / "r.odt"))
    kinds = {u.source: u.kind for u in document.units}
    assert kinds["Adjusted for inflation."] == "footnote"
    assert kinds["Boxed summary text."] == "text-box"
    assert kinds["Company header"] == "header" and kinds["Page footer"] == "footer"
    assert {"North region", "First point", "Quarterly report"} <= set(kinds)
    assert "Revenue grew<x1/> in every region." in kinds  # the note stays where it was
    assert "Are these final?" not in kinds  # annotations are optional, and the user is told
    assert list(map(str, document.notices)) == ["This document has 1 annotation(s); they were left "
                                "untranslated (turn on “Translate comments” in Settings, "
                                "or use --comments, to translate them too)."]
    with_comments = open_document(tmp_path / "r.odt", include_comments=True)
    assert any(u.kind == "comment" for u in with_comments.units)


def test_fields_and_template_code_are_never_sent(tmp_path: Path) -> None:
    document = open_document(make_story_odt(tmp_path / "r.odt"))
    dated = next(u for u in document.units if u.source.startswith("Printed on"))
    assert dated.source == "Printed on <x1/> for {{ customer.name }} and ${invoice.total}."
    protected, spans = protect(dated.source)
    assert "customer" not in protected and "invoice" not in protected
    assert set(spans.values()) == {"{{ customer.name }}", "${invoice.total}"}


def test_marker_translator_reaches_every_visible_text(tmp_path: Path) -> None:
    source = make_story_odt(tmp_path / "r.odt")
    assert_covered(source, tmp_path / "m.odt")
    assert_covered(source, tmp_path / "mc.odt", comments=True)
    assert unmarked(tmp_path / "m.odt", comments=True) == ["Are these final?"]
    with zipfile.ZipFile(tmp_path / "m.odt") as archive:
        content = archive.read("content.xml").decode("utf-8")
        styles = archive.read("styles.xml").decode("utf-8")
    assert "2024-03-01" in content and "‹Company› ‹header›" in styles


def test_identity_round_trip(tmp_path: Path) -> None:
    source = make_story_odt(tmp_path / "r.odt")
    document = open_document(source, include_comments=True)
    out = tmp_path / "same.odt"
    document.export({u.id: u.source for u in document.units}, out)
    assert visible_text(out, comments=True) == visible_text(source, comments=True)
    assert [u.source for u in open_document(out, include_comments=True).units] == [
        u.source for u in document.units]


def test_translation_keeps_the_note_and_frame_in_place(tmp_path: Path) -> None:
    document = open_document(make_story_odt(tmp_path / "r.odt"))
    by_source = {u.source: u.id for u in document.units}
    out = tmp_path / "zh.odt"
    document.export({by_source["Revenue grew<x1/> in every region."]: "各地区收入<x1/>均有增长。",
                     by_source["Adjusted for inflation."]: "已按通胀调整。"}, out)
    again = {u.source for u in open_document(out).units}
    assert {"各地区收入<x1/>均有增长。", "已按通胀调整。"} <= again


def test_real_odf_files_are_covered(tmp_path: Path) -> None:
    files = sdist_files("odfpy", ".odt")
    assert len(files) > 10
    read = 0
    refused: set[str] = set()
    for number, path in enumerate(files):
        try:
            document = open_document(path, include_comments=True)
        except DocumentError as exc:
            # odfpy's own external-entity test file must be refused, nothing else
            expected = "declares XML entities" if path.name == "nasty.odt" else "holds no text"
            assert expected in str(exc), f"{path.name}: {exc}"
            refused.add(path.name)
            continue
        read += 1
        assert_covered(path, tmp_path / f"m{number}.odt", comments=True)
        same = tmp_path / f"s{number}.odt"
        document.export({u.id: u.source for u in document.units}, same)
        assert [u.source for u in open_document(same, include_comments=True).units] == [
            u.source for u in document.units], path.name
    assert read > 10 and "nasty.odt" in refused
