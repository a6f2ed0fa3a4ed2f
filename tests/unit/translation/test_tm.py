from __future__ import annotations

from pathlib import Path

from bayling_desktop.documents.formats.tmx import read_pairs, write_pairs
from bayling_desktop.storage.projects import Project, ProjectStore
from bayling_desktop.translation.memory import export_tmx, import_tmx, suggestions
from bayling_desktop.translation.pipeline import PipelineOptions, translate
from tests.unit.conftest import SENTENCES

from .fakes import FakeBackend


def test_exact_hits_skip_the_model_and_are_counted(store: ProjectStore,
                                                   project: Project) -> None:
    store.memory.add("en", "zh", [(SENTENCES[1], "它重12公斤。"), (SENTENCES[3], "请签字。")])
    backend = FakeBackend()
    report = translate(project, backend)
    assert SENTENCES[1] not in backend.translated_sources
    assert SENTENCES[3] not in backend.translated_sources
    assert (report.from_memory, report.repeats, report.model_calls) == (2, 1, 3)
    assert project.segments[1].target == "它重12公斤。"
    assert [e.author for e in project.history(1)] == ["memory"]


def test_fuzzy_matches_and_regional_codes(store: ProjectStore) -> None:
    store.memory.add("en-US", "zh-CN", [("The meeting is on Friday.", "会议在周五。"),
                                        ("Completely different text here.", "完全不同。")])
    found = suggestions(store.memory, "en", "zh", "The meeting is on Monday.")
    assert [m.source for m in found] == ["The meeting is on Friday."]
    assert 75 <= found[0].score < 100 and found[0].approved
    assert suggestions(store.memory, "en", "ja", "The meeting is on Monday.") == []
    assert store.memory.lookup("en", "zh", "The meeting is on Friday.") == "会议在周五。"


def test_a_fuzzy_match_is_given_to_the_model_as_an_example(store: ProjectStore,
                                                           project: Project) -> None:
    store.memory.add("en", "zh", [("The parcel arrives on Tuesday.", "包裹周二到。")])
    backend = FakeBackend()
    translate(project, backend, PipelineOptions(indexes=[0], fuzzy_reference=True))
    first = backend.calls[0]
    assert first[0].content.endswith("The parcel arrives on Tuesday.")
    assert first[1].content == "包裹周二到。"


def test_tmx_import_and_export(tmp_path: Path, store: ProjectStore) -> None:
    source = tmp_path / "in.tmx"
    write_pairs(source, [("en-GB", "zh-CN", "Hello & welcome", "你好，欢迎"),
                       ("en-GB", "ja", "Bye", "さようなら")])
    assert import_tmx(store.memory, source, "en", "zh") == 1
    out = tmp_path / "out.tmx"
    assert export_tmx(store.memory, out, "zh") == 1
    assert read_pairs(out, "en", "zh") == [("Hello & welcome", "你好，欢迎")]
    assert b"<tu>" in out.read_bytes() and b'version="1.4"' in out.read_bytes()
