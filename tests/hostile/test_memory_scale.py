"""Translation-memory lookups that do not grow with the memory (issue 23): a 20,000-pair
memory scanned per unit kept a 2,000-paragraph document from its first request for
minutes. Exact lookups are an index seek; fuzzy ones score a bounded set of candidates.
Timings are in benchmarks/bench_memory.py; here: the plan, the bounds and the answers.
"""

from __future__ import annotations

import random
import sqlite3
from pathlib import Path

import pytest

from bayling_desktop.storage import tm
from bayling_desktop.storage.projects import ProjectStore

pytestmark = pytest.mark.hostile

WORDS = ["parcel", "letter", "invoice", "report", "contract", "sample", "manual", "ticket",
         "river", "garden"]


def sentences(count: int, seed: int = 3) -> list[str]:
    rng = random.Random(seed)
    return [f"Item {n}: the " + " ".join(rng.choice(WORDS) for _ in range(8)) + "."
            for n in range(count)]


@pytest.fixture(scope="module")
def big_memory(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """5,000 pairs, built once for the module (the same file is copied per test)."""
    import os

    home = tmp_path_factory.mktemp("memory-home")
    old = os.environ.get("BAYLING_DESKTOP_HOME")
    os.environ["BAYLING_DESKTOP_HOME"] = str(home)
    store = ProjectStore(home / "projects.sqlite3")
    store.memory.add("en", "zh-CN", [(s, f"译文 {n}") for n, s in enumerate(sentences(5000))])
    store.close()
    if old is not None:
        os.environ["BAYLING_DESKTOP_HOME"] = old
    return home / "projects.sqlite3"


def test_an_exact_lookup_is_an_index_seek(big_memory: Path) -> None:
    store = ProjectStore(big_memory)
    plan = " ".join(str(row[-1]) for row in store._conn.execute(
        "EXPLAIN QUERY PLAN SELECT target FROM memory WHERE source = ?", ("x",)))
    assert "memory_by_source" in plan
    text = sentences(5000)[4321]
    assert store.memory.lookup("en", "zh-CN", text) == "译文 4321"
    assert store.memory.lookup("en", "zh", text) == "译文 4321"  # a regional variant
    assert store.memory.lookup("en", "ja", text) is None
    store.close()


def test_a_fuzzy_lookup_scores_a_bounded_set_and_finds_the_near_miss(
        big_memory: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store = ProjectStore(big_memory)
    scored: list[int] = []
    original = tm.TranslationMemory._candidates

    def spy(self: tm.TranslationMemory, *args: str) -> list[sqlite3.Row]:
        rows = original(self, *args)
        scored.append(len(rows))
        return rows

    monkeypatch.setattr(tm.TranslationMemory, "_candidates", spy)
    target = sentences(5000)[2718]
    near = target.replace("Item 2718: the", "Item 2718: a")
    found = store.memory.fuzzy("en", "zh", near, limit=1)
    assert found and found[0].target == "译文 2718" and found[0].score >= 75
    assert scored and max(scored) <= tm.FUZZY_CANDIDATES < 5000
    store.close()


def test_a_memory_from_before_the_indexes_is_indexed_on_open(tmp_path: Path) -> None:
    db = tmp_path / "projects.sqlite3"
    store = ProjectStore(db)
    store.memory.add("en", "zh", [("The river is wide today.", "今天河很宽。")])
    store.close()
    conn = sqlite3.connect(db)  # as an older version left it: no derived indexes
    for name in ("memory_grams_insert", "memory_grams_delete", "memory_grams_update"):
        conn.execute(f"DROP TRIGGER {name}")
    conn.execute("DROP TABLE memory_grams_vocab")
    conn.execute("DROP TABLE memory_grams")
    conn.execute("DROP INDEX memory_by_source")
    conn.commit()
    conn.close()
    store = ProjectStore(db)
    found = store.memory.fuzzy("en", "zh", "The river is wide today!", limit=1)
    assert [m.target for m in found] == ["今天河很宽。"]
    store.close()


def test_replaced_and_forgotten_pairs_leave_no_stale_candidates(tmp_path: Path) -> None:
    store = ProjectStore(tmp_path / "projects.sqlite3")
    memory = store.memory
    memory.add("en", "zh", [("The garden gate is open.", "花园的门开着。")], approved=False)
    memory.add("en", "zh", [("The garden gate is open.", "花园门是开着的。")])
    assert memory.lookup("en", "zh", "The garden gate is open.") == "花园门是开着的。"
    memory.forget("en", "zh", "The garden gate is open.")  # approved: kept
    memory.add("en", "zh", [("A ticket for the river boat.", "一张游船票。")], approved=False)
    memory.forget("en", "zh", "A ticket for the river boat.")
    assert memory.fuzzy("en", "zh", "A ticket for the river boats.") == []
    found = memory.fuzzy("en", "zh", "The garden gate is open!", limit=3)
    assert [m.target for m in found] == ["花园门是开着的。"]
    assert store._conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    store.close()
