"""One document session for every front end: its pair rule, its one pair check, its one
project per file and target, run and export — and the migration that merged the CLI's and
the GUI's separate projects."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from bayling_desktop.engine.backend import CancelToken
from bayling_desktop.storage.database import open_database
from bayling_desktop.storage.identity import file_project_name
from bayling_desktop.storage.projects import MIGRATIONS, ProjectStore
from bayling_desktop.translation.glossary import Glossary
from bayling_desktop.translation.pair import (
    LanguagePairError,
    check_pair,
    choose_pair,
    default_target,
)
from bayling_desktop.translation.pipeline import PipelineOptions
from bayling_desktop.translation.session import DocumentSession, SessionError
from tests.unit.conftest import SENTENCES

from .fakes import FakeBackend, fake_translation

CHINESE = "包裹周一到。这是一个很长的中文句子，用来检测语言。快递员会先给您打电话。"


def english_po(path: Path) -> Path:
    """A gettext catalogue of English messages whose header says ``Language: en``."""
    path.write_text('msgid ""\nmsgstr ""\n"Language: en\\n"\n'
                    '"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
                    'msgid "The parcel arrives on Monday and the courier will call you."\n'
                    'msgstr ""\n', encoding="utf-8")
    return path


# -- the pair rule ---------------------------------------------------------------------------

def test_the_pair_comes_from_the_user_then_the_project_then_the_header_then_detection() -> None:
    everything = dict(detected="en", preferred_target="zh", remembered=("de", "ja"),
                      declared=("fr", "ko"))
    explicit = choose_pair(source="es", target="pt", **everything)  # type: ignore[arg-type]
    assert (explicit.source_choice, explicit.target, explicit.origin) == ("es", "pt",
                                                                          "explicit")
    project = choose_pair(**everything)  # type: ignore[arg-type]
    assert (project.source_choice, project.target, project.origin) == ("de", "ja", "project")
    header = choose_pair(detected="en", preferred_target="zh", declared=("fr", "ko"))
    assert (header.source_choice, header.source, header.target, header.origin) == (
        "fr", "fr", "ko", "header")
    detected = choose_pair(detected="en", preferred_target="zh")
    assert (detected.source_choice, detected.source, detected.target, detected.origin) == (
        "auto", "en", "zh", "default")


def test_the_preferred_target_unless_the_text_is_in_it_then_the_last_other_target() -> None:
    assert default_target("en", "zh", ["en", "ja"]) == "zh"
    # a Chinese text with "Chinese" preferred: the newest target that is not Chinese
    assert default_target("zh", "zh", ["zh-TW", "zh", "en", "ja"]) == "en"
    assert default_target("zh", "zh-CN", []) == "en"
    assert default_target("en", "en", []) == "zh"
    assert choose_pair(detected="zh", preferred_target="zh",
                       recent_targets=["zh", "ja"]).target == "ja"


def test_a_header_target_in_the_text_s_own_language_is_not_taken(tmp_path: Path) -> None:
    session = DocumentSession.open(english_po(tmp_path / "en.po"))
    assert session.document.declared_languages == (None, "en")
    pair = session.choose_pair(preferred_target="zh")
    assert (pair.source, pair.target, pair.origin) == ("en", "zh", "default")
    assert "en.po names English as its translation language" in str(pair.notice)


# -- the one pair check ------------------------------------------------------------------------

def test_one_check_refuses_a_language_into_itself_with_one_sentence() -> None:
    for source, target in (("en", "en"), ("en-US", "English"), ("zh", "Chinese")):
        with pytest.raises(LanguagePairError) as caught:
            check_pair(source, target)
        assert str(caught.value).startswith("The source and the target language are both ")
    for source, target in (("zh", "zh-TW"), ("auto", "zh"), ("", "en"), (None, "ja")):
        check_pair(source, target)  # a conversion, or an unknown source: allowed


def test_an_english_po_to_english_and_a_chinese_text_to_chinese_are_refused(
        tmp_path: Path) -> None:
    store = ProjectStore(tmp_path / "projects.sqlite3")
    po = DocumentSession.open(english_po(tmp_path / "en.po"), store)
    po.choose_pair(target="en")
    with pytest.raises(LanguagePairError, match="both English"):
        po.bind()
    text = tmp_path / "zh.txt"
    text.write_text(CHINESE, encoding="utf-8")
    chinese = DocumentSession.open(text, store)
    chinese.choose_pair(target="zh")
    with pytest.raises(LanguagePairError, match="both Chinese"):
        chinese.bind()
    backend = FakeBackend()
    with pytest.raises(LanguagePairError):
        chinese.run(backend)
    assert backend.calls == [] and store.infos() == []  # nothing bound, nothing asked
    with pytest.raises(LanguagePairError):
        chinese.set_pair("auto", "zh")  # the picker in the app: the same check
    store.close()


# -- one project per file and target -------------------------------------------------------------

def test_every_front_end_binds_the_same_project_and_its_pair_is_remembered(
        tmp_path: Path, doc_path: Path) -> None:
    store = ProjectStore(tmp_path / "projects.sqlite3")
    first = DocumentSession.open(doc_path, store)
    first.choose_pair(target="ja")
    project = first.bind()
    assert project is not None and project.name == file_project_name(doc_path, "ja")
    assert project.source_lang == "en"  # detected, stored for prompts and memory keys
    project.set_target(0, "小包は月曜日に届きます。", "approved", "user")
    first.set_glossary(Glossary.from_pairs([("parcel", "小包")]))
    first.close()
    # opened again without a target (the app): the pair it was last worked on in
    again = DocumentSession.open(doc_path, store)
    assert again.choose_pair(preferred_target="zh").target == "ja"
    bound = again.bind()
    assert bound is not None and bound.id == project.id
    assert bound.segments[0].status == "approved" and again.glossary.as_dict() == {
        "parcel": "小包"}
    store.close()


def test_a_run_translates_through_the_pipeline_and_export_writes_the_file(
        tmp_path: Path, doc_path: Path) -> None:
    store = ProjectStore(tmp_path / "projects.sqlite3")
    session = DocumentSession.open(doc_path, store)
    session.choose_pair(target="zh")
    session.bind()
    backend = FakeBackend()
    backend.script[SENTENCES[-1]] = ["ECHO"] * 20  # never translated
    report = session.run(backend, PipelineOptions(context=False))
    assert report.failed == 1 and session.untranslated_segments() == 1
    out = tmp_path / "order.zh.txt"
    exported = session.export(out)
    lines = [line.strip() for line in out.read_text(encoding="utf-8").split("\n\n")]
    assert lines[:5] == [fake_translation(s) for s in SENTENCES[:5]]
    assert lines[5] == SENTENCES[5] and exported.untranslated == 1
    review = session.export(tmp_path / "order.zh.bilingual.html", bilingual=True)
    assert fake_translation(SENTENCES[0]) in review.path.read_text(encoding="utf-8")
    store.close()


def test_a_cancelled_token_stops_the_run_and_unsaved_work_cannot_run(
        tmp_path: Path, doc_path: Path) -> None:
    store = ProjectStore(tmp_path / "projects.sqlite3")
    session = DocumentSession.open(doc_path, store)
    session.choose_pair(target="zh")
    session.bind()
    token = CancelToken()
    token.cancel()
    report = session.run(FakeBackend(delay=0.2), PipelineOptions(), cancel=token)
    assert report.cancelled and report.translated < len(SENTENCES)
    elsewhere = ProjectStore(tmp_path / "projects.sqlite3")  # another process
    blocked = DocumentSession.open(doc_path, elsewhere)
    blocked.choose_pair(target="zh")
    assert blocked.bind() is None and "open in another window" in str(blocked.save_error)
    with pytest.raises(SessionError, match="open in another window"):
        blocked.run(FakeBackend())
    elsewhere.close()
    store.close()


def test_the_project_remembers_whether_comments_were_read(tmp_path: Path) -> None:
    from ..documents.coverage import visible_text
    from ..documents.wordml import make_story_docx

    source = make_story_docx(tmp_path / "story.docx")
    store = ProjectStore(tmp_path / "projects.sqlite3")
    with_comments = DocumentSession.open(source, store, include_comments=True)
    with_comments.choose_pair(target="zh")
    project = with_comments.bind()
    assert project is not None and project.settings["comments"] is True
    index = [s.source for s in project.segments].index("Is this right?")
    project.set_target(index, "这样对吗？", "edited")
    with_comments.close()
    reopened = DocumentSession.open(source, store)  # not told: read as the project did
    assert reopened.document.include_comments
    reopened.choose_pair(target="zh")
    reopened.bind()
    reopened.export(tmp_path / "out.docx")
    assert "这样对吗？" in visible_text(tmp_path / "out.docx", comments=True)
    store.close()


# -- the migration ------------------------------------------------------------------------------

def _old_database(path: Path, doc: Path) -> None:
    """A projects file as the previous version left it: the CLI and the app each kept a
    project for the same file and target, with different work done."""
    conn = open_database(path, MIGRATIONS[:4])
    key = str(doc.resolve())
    conn.execute("INSERT INTO projects (id, name, source_path, target_lang, source_lang, "
                 "created, updated, format, settings) VALUES (1, ?, ?, 'zh', 'en', 1, 50, "
                 "'txt', '{}')", (f"cli:{key}:zh", key))
    conn.execute("INSERT INTO projects (id, name, source_path, target_lang, source_lang, "
                 "created, updated, format, settings) VALUES (2, ?, ?, 'zh', 'en', 2, 90, "
                 "'txt', ?)", (f"gui:{key}:zh", key, json.dumps({"source_choice": "auto"})))
    conn.execute("INSERT INTO projects (id, name, source_path, target_lang, source_lang, "
                 "created, updated, format, settings) VALUES (3, ?, ?, 'ja', 'en', 3, 10, "
                 "'txt', '{}')", (f"cli:{key}:ja", key))
    cli = [("draft", "CLI草稿0"), ("approved", "CLI批准1"), ("new", ""), ("error", ""),
           ("draft", "CLI草稿4"), ("draft", "CLI草稿5")]
    gui = [("edited", "GUI编辑0"), ("draft", "GUI草稿1"), ("draft", "GUI草稿2"),
           ("new", ""), ("draft", "GUI草稿4")]  # the app's file had no sixth paragraph
    for project, rows in ((1, cli), (2, gui)):
        for idx, (status, target) in enumerate(rows):
            conn.execute("INSERT INTO segments VALUES (?, ?, ?, ?, ?, ?, '[]')",
                         (project, idx, f"p{idx + 1}", SENTENCES[idx], target, status))
            if target:
                conn.execute("INSERT INTO history (project_id, idx, target, status, author,"
                             " at) VALUES (?, ?, ?, ?, 'model', ?)",
                             (project, idx, target, status, 10.0 * project + idx))
    conn.execute("INSERT INTO segments VALUES (3, 0, 'p1', ?, '小包', 'draft', '[]')",
                 (SENTENCES[0],))
    conn.execute("INSERT INTO threads VALUES (1, 4, 0, 'user', 'shorter', 5)")
    conn.execute("INSERT INTO threads VALUES (2, 4, 0, 'user', 'friendlier', 6)")
    conn.execute("INSERT INTO glossary VALUES (1, 'parcel', '包裹')")
    conn.execute("INSERT INTO glossary VALUES (2, 'courier', '快递员')")
    conn.close()


def test_the_cli_and_gui_projects_of_a_file_are_merged_without_losing_a_segment(
        tmp_path: Path, doc_path: Path) -> None:
    path = tmp_path / "projects.sqlite3"
    _old_database(path, doc_path)
    store = ProjectStore(path)
    names = sorted(store.names())
    assert names == sorted([file_project_name(doc_path, "zh"),
                            file_project_name(doc_path, "ja")])
    merged = store.open(file_project_name(doc_path, "zh"))
    assert [(s.status, s.target) for s in merged.segments] == [
        ("edited", "GUI编辑0"),    # the person's edit beats the CLI's draft
        ("approved", "CLI批准1"),  # the CLI's approval beats the app's draft
        ("draft", "GUI草稿2"),     # translated in the app only
        ("error", ""),             # failed in the CLI, never tried in the app
        ("draft", "GUI草稿4"),     # a draft in both: the newer one
    ]
    assert merged.settings == {"source_choice": "auto"}
    # both histories are kept; the CLI's sixth paragraph (not in the app's file) too,
    # detached under a negative position
    assert [e.target for e in store.entries(merged, 1)] == ["CLI批准1", "GUI草稿1"]
    detached = store._conn.execute("SELECT target FROM history WHERE project_id = ? AND "
                                   "idx < 0", (merged.id,)).fetchall()
    assert [row[0] for row in detached] == ["CLI草稿5"]
    assert [text for _role, text in store.thread(merged, 4)] == ["friendlier", "shorter"]
    assert sorted(store.glossary(merged)) == [("courier", "快递员"), ("parcel", "包裹")]
    assert store.open(file_project_name(doc_path, "ja")).segments[0].target == "小包"
    store.close()
    assert sqlite3.connect(path).execute("SELECT count(*) FROM history").fetchone()[0] == 8


def test_a_cues_duration_reaches_the_verifier_in_every_front_end(tmp_path: Path) -> None:
    """Reading speed is the verifier's, by the target's norms: a cue on screen for one
    second cannot hold 15 Chinese characters (9 a second), and the CLI flags it too."""
    srt = tmp_path / "film.srt"
    srt.write_text("1\n00:00:01,000 --> 00:00:02,000\nHello there, my old friend.\n\n"
                   "2\n00:00:03,000 --> 00:00:09,000\nGood night.\n", encoding="utf-8")
    store = ProjectStore(tmp_path / "projects.sqlite3")
    session = DocumentSession.open(srt, store)
    session.choose_pair(source="en", target="zh")
    project = session.bind()
    assert project is not None
    backend = FakeBackend()
    backend.script["Hello there, my old friend."] = ["你好啊，我的老朋友，好久不见了呀。"]
    session.run(backend)
    first, second = project.segments
    assert first.status == "draft"
    assert [(f.code, f.arguments) for f in first.flags] == [
        ("reading_speed", {"cps": "17", "limit": "9"}),
        ("line_length", {"line": "1", "chars": "17", "limit": "16"})]
    assert second.status == "draft" and second.flags == []
    store.close()
