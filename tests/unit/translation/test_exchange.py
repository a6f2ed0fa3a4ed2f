"""XLIFF and TMX out of a project, read back by the app's own readers as the next CAT
tool would read them."""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from bayling_desktop.documents import open_document
from bayling_desktop.documents.formats.tmx import read_pairs
from bayling_desktop.flags import Flag
from bayling_desktop.storage.projects import Project, ProjectStore
from bayling_desktop.translation.exchange import NS12, export_project_tmx, export_xliff


def _project(store: ProjectStore, tmp_path: Path) -> Project:
    path = tmp_path / "ui.html"  # HTML gives a tagged unit: <1>Save</1> and a void <x2/>
    path.write_text("<html><body><p>Click <b>Save</b> now<br>.</p><p>The file is saved.</p>"
                    "<p>Quit.</p></body></html>\n", encoding="utf-8")
    project = store.create(open_document(path), "en", "zh")
    assert project.segments[0].source == "Click <1>Save</1> now<x2/>."
    project.set_target(0, "现在点击<1>保存</1><x2/>。", "approved", "user")
    project.set_target(1, "文件已保存。", "draft", "model",
                       [Flag("glossary", {"source": "file", "target": "档案"})])
    return project


def test_xliff_has_states_inline_codes_and_notes(store: ProjectStore, tmp_path: Path) -> None:
    project = _project(store, tmp_path)
    out = tmp_path / "ui.xlf"
    assert export_xliff(project, out, "ui.html") == 2
    root = etree.parse(str(out)).getroot()
    units = root.findall(f".//{{{NS12}}}trans-unit")
    assert len(units) == 3 and units[0].get("approved") == "yes"
    first_target = units[0].find(f"{{{NS12}}}target")
    assert first_target is not None and first_target.get("state") == "final"
    assert [e.tag.split("}")[1] for e in first_target] == ["g", "x"]
    assert units[1].find(f"{{{NS12}}}target").get("state") == "needs-review-translation"
    assert units[1].find(f"{{{NS12}}}note").text == (
        "Glossary: “file” should be translated as “档案”.")
    assert units[2].find(f"{{{NS12}}}target") is None  # untranslated: no target
    again = open_document(out)  # the app's XLIFF reader, as OmegaT would open it
    assert [u.source.replace("<1>", "").replace("</1>", "") for u in again.units][1:] == [
        "The file is saved.", "Quit."]
    assert "Save" in again.units[0].source and "<" in again.units[0].source


def test_tmx_holds_the_translated_pairs_as_text(store: ProjectStore, tmp_path: Path) -> None:
    project = _project(store, tmp_path)
    out = tmp_path / "ui.tmx"
    assert export_project_tmx(project, out) == 2
    assert read_pairs(out, "en", "zh") == [("Click Save now.", "现在点击保存。"),
                                         ("The file is saved.", "文件已保存。")]
