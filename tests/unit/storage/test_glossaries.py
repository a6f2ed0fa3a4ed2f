"""Client glossaries: named, attached to many projects, a default for new ones, edits
written back where the term lives, TBX/CSV with notes and part of speech, and the
migration that turns each project's old glossary into a named one."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from bayling_desktop.documents import open_document
from bayling_desktop.storage.database import open_database
from bayling_desktop.storage.glossaries import GlossaryError, StoredTerm
from bayling_desktop.storage.project_schema import MIGRATIONS
from bayling_desktop.storage.projects import ProjectStore
from bayling_desktop.translation.glossary import (
    Glossary,
    Term,
    glossary_csv,
    glossary_tbx,
    load_glossary,
)


def _doc(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text + "\n", encoding="utf-8")
    return path


def test_the_old_per_project_glossary_becomes_a_named_glossary(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    conn = open_database(path, MIGRATIONS[:4])  # a file written before client glossaries
    conn.execute("INSERT INTO projects (id, name, source_path, target_lang, source_lang,"
                 " created, updated) VALUES (1, 'contract.docx → zh', 'contract.docx', 'zh',"
                 " 'en', 0, 0)")
    conn.execute("INSERT INTO segments VALUES (1, 0, 'p1', 'The Supplier pays.', '', 'new',"
                 " '[]')")
    conn.executemany("INSERT INTO glossary VALUES (1, ?, ?)",
                     [("Supplier", "供应商"), ("invoice", "发票")])
    conn.close()
    store = ProjectStore(path)
    [glossary] = store.glossaries.all()
    assert (glossary.name, glossary.terms) == ("contract.docx → zh", 2)
    project = store.open(1)
    assert store.glossary(project) == [("invoice", "发票"), ("Supplier", "供应商")]
    assert [g.name for g in store.glossaries.attached(1)] == ["contract.docx → zh"]
    store.close()
    tables = {r[0] for r in sqlite3.connect(path).execute(
        "SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert "glossary" not in tables and "glossaries" in tables
    assert (tmp_path / "old.sqlite3.v4.bak").exists()


def test_a_client_glossary_follows_the_client_into_every_attached_document(
        tmp_path: Path) -> None:
    store = ProjectStore(tmp_path / "p.sqlite3")
    acme = store.glossaries.create("ACME Corp", "en", "zh")
    store.glossaries.add_terms(acme, [StoredTerm("Supplier", "供应商", "party A", "noun")])
    store.glossaries.set_default(acme)
    first = store.create(open_document(_doc(tmp_path, "a.txt", "The Supplier signs.")), "en",
                         "zh")
    second = store.create(open_document(_doc(tmp_path, "b.txt", "The Supplier pays.")),
                          "en", "zh")
    for project in (first, second):  # the default is attached to each new project
        assert store.glossary(project) == [("Supplier", "供应商")]
    # the checks of the second document use the client's term
    glossary = Glossary.from_pairs(store.glossary(second))
    assert glossary.missing("The Supplier pays.", "卖方付款。")
    # an edit in the first document's glossary is an edit of the client's glossary
    store.set_glossary(first, [("Supplier", "供货方"), ("sign", "签署")])
    assert store.glossary(second) == [("Supplier", "供货方")]
    assert store.glossary_terms(second)[0].note == "party A"  # the note was kept
    # a new term went into the first project's own glossary, not the client's
    assert store.glossary(first) == [("sign", "签署"), ("Supplier", "供货方")]
    assert [g.name for g in store.glossaries.attached(first.id)] == ["a.txt → zh", "ACME Corp"]
    store.glossaries.detach(second.id, acme)
    assert store.glossary(second) == []
    with pytest.raises(GlossaryError, match="already exists"):
        store.glossaries.create("ACME Corp")
    store.close()


def test_tbx_and_csv_keep_notes_and_part_of_speech(tmp_path: Path) -> None:
    glossary = Glossary([Term("cloud computing", "云计算", "IT sense, not weather", "noun"),
                         Term("sign", "签署", "", "verb"), Term("R&D", "研发")])
    tbx = tmp_path / "acme.tbx"
    tbx.write_text(glossary_tbx(glossary, "en", "zh-CN"), encoding="utf-8")
    again = load_glossary(tbx)
    assert again.terms == glossary.terms
    csv_path = tmp_path / "acme.csv"
    csv_path.write_text(glossary_csv(glossary), encoding="utf-8")
    assert load_glossary(csv_path).terms == glossary.terms
