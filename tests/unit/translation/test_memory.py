from __future__ import annotations

from pathlib import Path

from bayling_desktop.documents.formats.tmx import read_pairs, write_pairs
from bayling_desktop.storage.projects import ProjectStore
from tests.e2e.test_cli import cli


def test_fuzzy_matches_above_75_percent(tmp_path: Path) -> None:
    store = ProjectStore(tmp_path / "p.sqlite3")
    store.memory.add("en", "zh", [("The meeting is on Friday.", "会议在周五。"),
                                  ("Completely different text here.", "完全不同。")])
    found = store.memory.fuzzy("en", "zh", "The meeting is on Monday.")
    assert [match.source for match in found] == ["The meeting is on Friday."]
    assert 75 <= found[0].score < 100 and found[0].target == "会议在周五。"
    assert store.memory.fuzzy("en", "ja", "The meeting is on Monday.") == []


def test_tmx_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "m.tmx"
    write_pairs(path, [("en", "zh-CN", "Hello & welcome", "你好，欢迎"),
                     ("en", "zh-CN", "Bye", "再见")])
    assert read_pairs(path, "en", "zh") == [("Hello & welcome", "你好，欢迎"), ("Bye", "再见")]
    assert read_pairs(path, "en", "ja") == []


def test_cli_imports_and_exports_tmx(tmp_path: Path) -> None:
    memory = tmp_path / "in.tmx"
    write_pairs(memory, [("en", "zh", "Good morning.", "早上好。")])
    source = tmp_path / "greet.txt"
    source.write_text("Good morning.\n", encoding="utf-8")
    exported = tmp_path / "out.tmx"
    # The only segment is in the imported memory: the (missing) model is never needed.
    result = cli("translate", source, "--from", "en", "--to", "zh", "--tm", memory,
                 "--export-tm", exported, "--model", tmp_path / "absent.gguf")
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "greet.zh.txt").read_text(encoding="utf-8").strip() == "早上好。"
    assert ("Good morning.", "早上好。") in read_pairs(exported, "en", "zh")


def test_an_old_memory_is_cleaned_with_the_verifier_s_verdict_on_upgrade(tmp_path: Path) -> None:
    """The upgrade that purges poisoned pairs asks the translation layer (storage imports no
    verifier): echoes and text in the wrong script go, translations stay."""
    import sqlite3

    import pytest

    from bayling_desktop.storage.database import StorageError, open_database
    from bayling_desktop.storage.projects import MIGRATIONS
    from bayling_desktop.translation.memory import open_store

    path = tmp_path / "old.sqlite3"
    conn = open_database(path, MIGRATIONS[:3])
    rows = [("en", "zh", "The parcel arrives on Monday.", "包裹周一到。"),
            ("en", "zh", "Please sign the form.", "Please sign the form."),  # an echo
            ("en", "zh", "Thank you for your order.", "Thank you for your order!")]
    conn.executemany("INSERT INTO memory VALUES (?, ?, ?, ?, 0, 0)", rows)
    conn.close()
    with pytest.raises(StorageError, match="your data is unchanged"):
        ProjectStore(path)  # without the verdict the upgrade is not done half-way
    assert sqlite3.connect(path).execute("SELECT count(*) FROM memory").fetchone()[0] == 3
    store = open_store(path)
    assert store.memory.pairs("zh") == [rows[0]]
    store.close()
