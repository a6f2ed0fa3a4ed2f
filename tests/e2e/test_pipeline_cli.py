"""No silent gaps, end to end: every unit of a document comes back translated or flagged.

The real embedded model where it matters; an echoing fake (a small model's commonest
failure) where a unit must be forced to fail.
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path

import pytest

from bayling_desktop.commands import translate as translate_command
from bayling_desktop.engine.llama import LlamaBackend
from bayling_desktop.languages import resolve
from bayling_desktop.storage.projects import ProjectStore
from bayling_desktop.translation.pipeline import (
    PipelineOptions,
    TranslationPipeline,
    UnitFinished,
)
from bayling_desktop.translation.profiles import profile_for_backend
from tests.e2e.test_cli import cli
from tests.unit.translation.fakes import FakeBackend, fake_translation

HAN = re.compile(r"[\u4e00-\u9fff]")
PARAGRAPHS = ["The committee approved the new budget on Monday.",
              "Please restart the server before installing the update.",
              "Our users complain most about slow translations.",
              "Each chapter ends with a short summary and a few exercises."]


def _args(tmp_path: Path, *extra: str) -> argparse.Namespace:
    parser = argparse.ArgumentParser()
    translate_command.add_parser(parser.add_subparsers())
    return parser.parse_args(["translate", str(tmp_path / "doc.txt"), "--to", "zh", *extra])


def test_a_failing_unit_is_flagged_kept_out_of_memory_and_exit_3(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "doc.txt").write_text("\n\n".join(PARAGRAPHS) + "\n", encoding="utf-8")
    backend = FakeBackend()
    backend.script[PARAGRAPHS[1]] = ["ECHO"] * 6  # the first answer and every repair
    monkeypatch.setattr(translate_command, "open_backend", lambda args, settings: backend)
    assert translate_command.run(_args(tmp_path)) == 3
    err = capsys.readouterr().err
    warnings = [line for line in err.splitlines() if line.startswith("warning:")]
    assert warnings == ["warning: doc.txt, p2: The translation is identical to the source. "
                        "The source text was kept."]
    out = (tmp_path / "doc.zh.txt").read_text(encoding="utf-8").split("\n\n")
    assert [p.strip() for p in out] == [fake_translation(PARAGRAPHS[0]), PARAGRAPHS[1],
                                        *map(fake_translation, PARAGRAPHS[2:])]
    # The echo fed no later request and no memory entry: a rerun asks the model again.
    assert all(PARAGRAPHS[1] not in m.content for c in backend.calls[4:] for m in c[:-1])
    store = ProjectStore()
    assert store.memory.lookup("en", "zh", PARAGRAPHS[1]) is None
    assert store.memory.lookup("en", "zh", PARAGRAPHS[0]) == fake_translation(PARAGRAPHS[0])
    store.close()
    backend.calls.clear()
    assert translate_command.run(_args(tmp_path)) == 0  # the fake no longer echoes
    assert backend.translated_sources == [PARAGRAPHS[1]]


def test_strict_writes_nothing_when_a_unit_is_flagged(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "doc.txt").write_text("\n\n".join(PARAGRAPHS) + "\n", encoding="utf-8")
    backend = FakeBackend()
    backend.script[PARAGRAPHS[2]] = [""] * 6
    monkeypatch.setattr(translate_command, "open_backend", lambda args, settings: backend)
    assert translate_command.run(_args(tmp_path, "--strict")) == 3
    assert not (tmp_path / "doc.zh.txt").exists()
    assert "--strict: nothing was written" in capsys.readouterr().err


def test_same_source_and_target_is_refused(tmp_path: Path) -> None:
    (tmp_path / "doc.txt").write_text("Hello there, friends.\n", encoding="utf-8")
    result = cli("translate", tmp_path / "doc.txt", "--to", "en", "--from", "en")
    assert result.returncode == 2 and "both English" in result.stderr


@pytest.mark.model
def test_short_english_documents_come_out_in_chinese_or_flagged(
        tmp_path: Path, qwen_model_path: Path) -> None:
    source = tmp_path / "doc.txt"
    source.write_text("\n\n".join(PARAGRAPHS) + "\n", encoding="utf-8")
    result = cli("translate", source, "--to", "zh", model=qwen_model_path)
    assert result.returncode in (0, 3), result.stderr
    paragraphs = (tmp_path / "doc.zh.txt").read_text(encoding="utf-8").split("\n\n")
    flagged = {m.group(1) for m in re.finditer(r"warning: doc\.txt, (p\d+):", result.stderr)}
    assert len(paragraphs) == len(PARAGRAPHS)
    for number, text in enumerate(paragraphs, start=1):
        assert HAN.search(text) or f"p{number}" in flagged, (number, text, result.stderr)
    assert (result.returncode == 3) == bool(flagged)


@pytest.mark.model
def test_a_context_window_evaluates_only_the_new_tokens(tmp_path: Path,
                                                        qwen_model_path: Path) -> None:
    lines = [f"Item {n}: the {w} arrives on {d}." for n, (w, d) in enumerate(zip(
        ["parcel", "letter", "invoice", "report", "contract", "sample", "manual", "ticket",
         "chair", "laptop"], ["Monday", "Tuesday", "Friday"] * 4, strict=False), start=1)]
    (tmp_path / "doc.txt").write_text("\n\n".join(lines) + "\n", encoding="utf-8")
    from bayling_desktop.documents import open_document

    store = ProjectStore(tmp_path / "p.sqlite3")
    project = store.create(open_document(tmp_path / "doc.txt"), "en", "zh")
    backend = LlamaBackend(qwen_model_path, context_length=2048)
    finished: list[UnitFinished] = []
    try:
        TranslationPipeline(project, backend, PipelineOptions(max_tokens=40, parallel=1),
                            lambda e: isinstance(e, UnitFinished) and finished.append(e)).run()
        profile = profile_for_backend(backend)
        by_index = {e.index: e for e in finished}
        for segment in project.segments[1:]:
            event = by_index[segment.idx]
            if event.status != "draft" or event.repaired or by_index[segment.idx - 1].repaired:
                continue  # repair candidates (here or just before) are prompts of their own
            own = backend.count_tokens(profile.translation_messages(
                segment.source, resolve("zh"), resolve("en")))
            previous = project.segments[segment.idx - 1]
            # this unit's instruction + the previous reply (re-read as text, at most two
            # tokens a character) + a little chat markup: never the earlier turns again
            limit = own + 2 * len(previous.target) + 16
            assert event.evaluated_prompt_tokens <= limit, (segment.idx, event, limit)
        total = sum(e.evaluated_prompt_tokens for e in finished)
        full = sum(backend.count_tokens(profile.translation_messages(
            s.source, resolve("zh"), resolve("en"))) for s in project.segments)
        assert total <= full + 40 * len(lines)  # nowhere near re-reading every window
    finally:
        backend.close()
        store.close()
