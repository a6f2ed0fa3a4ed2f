"""Split and merge segments within one unit: what the pieces are, what their translations
become, how export joins them, what undo restores, and that the cuts survive reopening
and an upgrade of an older database."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from lxml import html as lxml_html

from bayling_desktop.storage.database import open_database
from bayling_desktop.storage.projects import MIGRATIONS, ProjectStore
from bayling_desktop.translation.session import DocumentSession

PARAGRAPH = "The parcel arrives on Monday.  The courier will call you first."
SECOND = "Please sign the form."


def opened(path: Path, store: ProjectStore, target: str = "zh") -> DocumentSession:
    session = DocumentSession.open(path, store)
    session.choose_pair(source="en", target=target)
    session.bind()
    return session


def rows(session: DocumentSession) -> list[tuple[str, str, str, str]]:
    assert session.project is not None
    return [(s.unit_id, s.source, s.target, s.status) for s in session.project.segments]


@pytest.fixture
def text_file(tmp_path: Path) -> Path:
    path = tmp_path / "order.txt"
    path.write_text(f"{PARAGRAPH}\n\n{SECOND}\n", encoding="utf-8")
    return path


def test_a_split_at_a_sentence_end_cuts_the_translation_too_and_export_joins_it(
        tmp_path: Path, text_file: Path) -> None:
    store = ProjectStore(tmp_path / "p.sqlite3")
    session = opened(text_file, store)
    assert session.project is not None
    session.project.set_target(0, "包裹周一到。快递员会先给您打电话。", "approved")
    cut = PARAGRAPH.index("The courier")
    done = session.resegmenting.split(0, cut - 1)  # the cursor in the spaces: moved past
    assert done.kept_translation and (done.start, done.count, done.removed) == (0, 2, 1)
    assert rows(session) == [
        ("p1#s1", "The parcel arrives on Monday.", "包裹周一到。", "edited"),
        ("p1#s2", "The courier will call you first.", "快递员会先给您打电话。", "edited"),
        ("p2", SECOND, "", "new")]
    out = tmp_path / "order.zh.txt"
    session.export(out)
    assert out.read_text(encoding="utf-8") == f"包裹周一到。快递员会先给您打电话。\n\n{SECOND}\n"
    store.close()


def test_pieces_are_joined_with_the_sources_whitespace_in_a_spaced_language(
        tmp_path: Path, text_file: Path) -> None:
    store = ProjectStore(tmp_path / "p.sqlite3")
    session = opened(text_file, store, target="fr")
    assert session.project is not None
    session.resegmenting.split(0, PARAGRAPH.index("arrives"))  # mid-sentence, at the cursor
    assert [r[1] for r in rows(session)[:2]] == ["The parcel", PARAGRAPH[11:]]
    session.project.set_target(0, "Le colis", "edited")
    session.project.set_target(1, "arrive lundi.  Le livreur vous appellera.", "edited")
    assert session.translations()["p1"] == "Le colis arrive lundi.  Le livreur vous appellera."
    # one piece untranslated: the unit is written with that piece's source, and counted
    session.project.set_target(1, "", "new")
    exported = session.export(tmp_path / "order.fr.txt")
    assert exported.path.read_text(encoding="utf-8").startswith(
        "Le colis arrives on Monday.  The courier")
    store.close()


def test_a_translation_that_cannot_be_cut_waits_in_the_history_and_undo_restores_it(
        tmp_path: Path, text_file: Path) -> None:
    store = ProjectStore(tmp_path / "p.sqlite3")
    session = opened(text_file, store)
    project = session.project
    assert project is not None
    project.set_target(0, "包裹周一到，快递员会先给您打电话。", "edited")  # one sentence
    store.append_thread(project, 1, [("user", "keep it formal")])
    done = session.resegmenting.split(0, PARAGRAPH.index("The courier"))
    assert not done.kept_translation
    assert [r[2:] for r in rows(session)[:2]] == [("", "new"), ("", "new")]
    assert store.thread(project, 2) == [("user", "keep it formal")]  # moved with its row
    assert session.translations() == {}
    again = session.resegmenting.apply(done.undo)
    assert rows(session) == [("p1", PARAGRAPH, "包裹周一到，快递员会先给您打电话。", "edited"),
                             ("p2", SECOND, "", "new")]
    assert store.history(project, 0) == [("包裹周一到，快递员会先给您打电话。", "edited", "user")]
    assert store.thread(project, 1) == [("user", "keep it formal")]
    session.resegmenting.apply(again.undo)  # redo
    assert [r[0] for r in rows(session)] == ["p1#s1", "p1#s2", "p2"]


def test_merge_only_joins_pieces_of_one_unit_and_keeps_the_lesser_status(
        tmp_path: Path, text_file: Path) -> None:
    store = ProjectStore(tmp_path / "p.sqlite3")
    session = opened(text_file, store)
    project = session.project
    assert project is not None
    session.resegmenting.split(0, PARAGRAPH.index("The courier"))
    project.set_target(0, "包裹周一到。", "approved")
    project.set_target(1, "快递员会先给您打电话。", "draft")
    assert session.resegmenting.can_merge(0)
    assert not session.resegmenting.can_merge(1)  # the next segment is another paragraph
    assert not session.resegmenting.can_merge(2)
    with pytest.raises(ValueError):
        session.resegmenting.merge(1)
    done = session.resegmenting.merge(0)
    assert rows(session) == [("p1", PARAGRAPH, "包裹周一到。快递员会先给您打电话。", "draft"),
                             ("p2", SECOND, "", "new")]
    session.resegmenting.apply(done.undo)
    assert rows(session)[:2] == [
        ("p1#s1", "The parcel arrives on Monday.", "包裹周一到。", "approved"),
        ("p1#s2", "The courier will call you first.", "快递员会先给您打电话。", "draft")]
    assert store.history(project, 0)[-1] == ("包裹周一到。", "approved", "user")


def test_merging_a_translated_piece_with_an_untranslated_one_is_new_work(
        tmp_path: Path, text_file: Path) -> None:
    store = ProjectStore(tmp_path / "p.sqlite3")
    session = opened(text_file, store)
    assert session.project is not None
    session.resegmenting.split(0, PARAGRAPH.index("The courier"))
    session.project.set_target(0, "包裹周一到。", "edited")
    session.resegmenting.merge(0)
    assert rows(session)[0] == ("p1", PARAGRAPH, "包裹周一到。", "new")
    assert session.translations() == {}  # half a translation never goes out as the unit's
    store.close()


def test_splits_survive_reopening_and_an_edited_paragraph_falls_back_to_one_segment(
        tmp_path: Path, text_file: Path) -> None:
    store = ProjectStore(tmp_path / "p.sqlite3")
    session = opened(text_file, store)
    assert session.project is not None
    session.resegmenting.split(0, PARAGRAPH.index("The courier"))
    session.project.set_target(1, "快递员会先给您打电话。", "edited")
    session.close()
    store.close()
    store = ProjectStore(tmp_path / "p.sqlite3")
    session = opened(text_file, store)
    assert [r[0] for r in rows(session)] == ["p1#s1", "p1#s2", "p2"]
    assert rows(session)[1][2:] == ("快递员会先给您打电话。", "edited")
    session.close()
    text_file.write_text(f"{PARAGRAPH} Thanks.\n\n{SECOND}\n", encoding="utf-8")
    session = opened(text_file, store)
    assert [r[0] for r in rows(session)] == ["p1", "p2"]  # offsets of another text: dropped
    store.close()


@pytest.mark.parametrize("text, offset", [
    ("Press {button} now to start.", len("Press {but")),  # inside a placeholder
    ("Visit https://example.com/a/b today.", len("Visit https://exam")),  # inside a URL
    ("Hello world.", 0),  # an edge
    ("Hello world.", len("Hello world")),  # before the full stop: text on both sides, allowed
])
def test_a_split_is_refused_inside_protected_spans_and_at_edges(
        tmp_path: Path, text: str, offset: int) -> None:
    path = tmp_path / "one.txt"
    path.write_text(text + "\n", encoding="utf-8")
    store = ProjectStore(tmp_path / "p.sqlite3")
    session = opened(path, store)
    allowed = session.resegmenting.split_point(0, offset)
    if offset == len("Hello world") and text == "Hello world.":
        assert allowed == offset
    else:
        assert allowed is None
        with pytest.raises(ValueError):
            session.resegmenting.split(0, offset)
        assert [r[0] for r in rows(session)] == ["p1"]
    store.close()


def test_a_split_never_cuts_a_formatting_tag_pair_and_html_export_stays_valid(
        tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text("<html><body><p>Read <b>the whole manual</b> before use. Then start.</p>"
                    "</body></html>", encoding="utf-8")
    store = ProjectStore(tmp_path / "p.sqlite3")
    session = opened(path, store)
    source = rows(session)[0][1]
    inside = source.index("whole")
    assert session.resegmenting.split_point(0, inside) is None  # between <1> and </1>
    session.resegmenting.split(0, source.index("Then"))
    session.project.set_target(0, "使用前请阅读<1>整本手册</1>。", "edited")  # type: ignore[union-attr]
    session.project.set_target(1, "然后开始。", "edited")  # type: ignore[union-attr]
    out = tmp_path / "page.zh.html"
    session.export(out)
    paragraph = lxml_html.fromstring(out.read_text(encoding="utf-8")).find(".//p")
    assert paragraph is not None
    assert paragraph.text_content() == "使用前请阅读整本手册。然后开始。"
    assert paragraph.find("b") is not None and paragraph.find("b").text == "整本手册"
    store.close()


def test_a_catalogue_entry_holding_a_translation_is_not_split(tmp_path: Path) -> None:
    path = tmp_path / "app.po"
    path.write_text('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
                    'msgid "Open the file. Then save it."\nmsgstr "打开文件。然后保存。"\n\n'
                    'msgid "Close the file. Then quit."\nmsgstr ""\n', encoding="utf-8")
    store = ProjectStore(tmp_path / "p.sqlite3")
    session = opened(path, store)
    assert session.resegmenting.split_point(0, len("Open the file. ")) is None
    assert session.resegmenting.split_point(1, len("Close the file. ")) is not None
    store.close()


def test_the_memory_gets_the_pieces_a_person_confirms(tmp_path: Path,
                                                      text_file: Path) -> None:
    store = ProjectStore(tmp_path / "p.sqlite3")
    session = opened(text_file, store)
    assert session.project is not None
    session.resegmenting.split(0, PARAGRAPH.index("The courier"))
    session.project.set_target(0, "包裹周一到。", "approved")
    assert store.memory.lookup("en", "zh", "The parcel arrives on Monday.") == "包裹周一到。"
    assert store.memory.lookup("en", "zh", PARAGRAPH) is None
    store.close()


def test_an_older_database_upgrades_with_its_work_and_can_then_split(
        tmp_path: Path, text_file: Path) -> None:
    path = tmp_path / "p.sqlite3"
    store = ProjectStore(path)
    session = opened(text_file, store)
    assert session.project is not None
    session.project.set_target(1, "请在表格上签字。", "approved")
    session.close()
    store.close()
    conn = sqlite3.connect(path)
    conn.execute("DROP TABLE segment_cuts")
    conn.execute(f"PRAGMA user_version = {len(MIGRATIONS) - 1}")
    conn.commit()
    conn.close()
    open_database(path, MIGRATIONS).close()  # the upgrade
    store = ProjectStore(path)
    session = opened(text_file, store)
    assert rows(session)[1] == ("p2", SECOND, "请在表格上签字。", "approved")
    session.resegmenting.split(0, PARAGRAPH.index("The courier"))
    assert [r[0] for r in rows(session)] == ["p1#s1", "p1#s2", "p2"]
    assert rows(session)[2][2] == "请在表格上签字。"
    store.close()


def test_a_split_paragraph_keeps_its_pieces_when_a_paragraph_is_inserted_above(
        tmp_path: Path, text_file: Path) -> None:
    store = ProjectStore(tmp_path / "p.sqlite3")
    session = opened(text_file, store)
    assert session.project is not None
    session.resegmenting.split(0, PARAGRAPH.index("The courier"))
    session.project.set_target(1, "快递员会先给您打电话。", "edited")
    session.close()
    text_file.write_text(f"Dear customer,\n\n{PARAGRAPH}\n\n{SECOND}\n", encoding="utf-8")
    session = opened(text_file, store)  # the split paragraph is "p2" now
    assert [r[0] for r in rows(session)] == ["p1", "p2#s1", "p2#s2", "p3"]
    assert rows(session)[2][2:] == ("快递员会先给您打电话。", "edited")
    store.close()


def test_a_damaged_cuts_row_reads_as_the_default_segmentation(tmp_path: Path,
                                                              text_file: Path) -> None:
    store = ProjectStore(tmp_path / "p.sqlite3")
    session = opened(text_file, store)
    session.resegmenting.split(0, PARAGRAPH.index("The courier"))
    session.close()
    store.close()
    conn = sqlite3.connect(tmp_path / "p.sqlite3")
    conn.execute("UPDATE segment_cuts SET cuts = 'not json'")
    conn.commit()
    conn.close()
    store = ProjectStore(tmp_path / "p.sqlite3")
    session = opened(text_file, store)
    assert [r[0] for r in rows(session)] == ["p1", "p2"]
    store.close()
