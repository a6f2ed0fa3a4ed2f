from __future__ import annotations

import threading

from bayling_desktop.engine.backend import CancelToken
from bayling_desktop.storage.projects import Project
from bayling_desktop.translation.batch import (
    LOOPED,
    NOTHING,
    BatchProgress,
    glossary_violations,
    neighbours,
    retranslate,
    translate_project,
)
from bayling_desktop.translation.glossary import Glossary, Term

from .conftest import SENTENCES
from .fakes import FakeBackend, fake_translation


def test_translates_in_reading_order_with_progress_and_repeats_reused(
        project: Project) -> None:
    backend = FakeBackend()
    reports: list[BatchProgress] = []
    pieces: dict[int, str] = {}
    result = translate_project(
        backend, project, on_progress=reports.append,
        on_piece=lambda idx, piece: pieces.__setitem__(idx, pieces.get(idx, "") + piece))
    # SENTENCES[4] repeats SENTENCES[0]: reused, not sent to the model again.
    assert backend.translated_sources == SENTENCES[:4] + SENTENCES[5:]
    assert (result.translated, result.from_memory, result.model_calls) == (5, 1, 5)
    assert [s.target for s in project.segments] == [fake_translation(s) for s in SENTENCES]
    assert [s.status for s in project.segments] == ["draft"] * 6
    assert pieces[1] == fake_translation(SENTENCES[1])
    assert [(r.done, r.total, r.index) for r in reports] == [(n, 6, n - 1) for n in range(1, 7)]
    assert reports[-1].eta_seconds == 0 and reports[-1].tokens_per_second > 0
    assert [e.author for e in project.history(4)] == ["memory"]
    # Saved as it went: a fresh load shows the same, and nothing is left to do.
    assert project.store.open(project.id).unfinished() == []
    assert translate_project(backend, project).model_calls == 0


def test_neighbours_go_into_the_prompt_as_earlier_turns(project: Project) -> None:
    backend = FakeBackend()
    translate_project(backend, project, indexes=[0, 1, 2])
    third = backend.calls[2]
    assert [m.role for m in third] == ["user", "assistant", "user", "assistant", "user"]
    assert third[1].content == fake_translation(SENTENCES[0])
    assert neighbours(project, 3, limit=2) == [
        (SENTENCES[1], fake_translation(SENTENCES[1])),
        (SENTENCES[2], fake_translation(SENTENCES[2]))]
    # A tight budget leaves the context out rather than overflowing.
    translate_project(backend, project, indexes=[3], context_budget_tokens=5)
    assert len(backend.calls[-1]) == 1


def test_an_empty_answer_is_retried_once_then_marked_error(project: Project) -> None:
    backend = FakeBackend()
    backend.script[SENTENCES[1]] = ["", "重试成功"]
    backend.script[SENTENCES[2]] = ["", "LOOP"]
    result = translate_project(backend, project, indexes=[1, 2])
    assert project.segments[1].target == "重试成功" and project.segments[1].status == "draft"
    assert project.segments[2].status == "error" and project.segments[2].flags == [LOOPED]
    assert result.errors == [2] and result.model_calls == 4
    assert backend.params[1].temperature > 0  # the retry is not the same greedy request
    # The error segment is not skipped: the next run tries it again.
    backend.script[SENTENCES[2]] = ["", ""]
    translate_project(backend, project, indexes=[2])
    assert project.segments[2].flags == [NOTHING]
    translate_project(backend, project, indexes=[2])
    assert project.segments[2].status == "draft"


def test_preambles_and_quotes_are_stripped_and_lengths_capped(project: Project) -> None:
    backend = FakeBackend()
    backend.script[SENTENCES[3]] = ["Here is the translation: “请在表格上签字。”"]
    translate_project(backend, project, indexes=[3])
    assert project.segments[3].target == "请在表格上签字。"
    source_tokens = backend.count_tokens(backend.calls[0][-1:])
    assert backend.params[0].max_tokens <= 3 * source_tokens + 32


def test_glossary_terms_go_into_the_prompt_and_are_checked(project: Project) -> None:
    backend = FakeBackend()
    glossary = Glossary([Term("courier", "快递员"), Term("invoice", "发票")])
    translate_project(backend, project, indexes=[2], glossary=glossary)
    assert backend.calls[0][-1].content.endswith("\nMake sure to include these words: 快递员")
    assert project.segments[2].flags == []  # the fake honours the constraint
    backend.script[SENTENCES[2]] = ["送货员会先打电话。"]
    project.set_status(2, "new")
    translate_project(backend, project, indexes=[2], glossary=glossary)
    assert project.segments[2].flags == ["Glossary: “courier” should be translated as “快递员”."]


def test_cancel_stops_and_leaves_the_segment_unfinished(project: Project) -> None:
    backend = FakeBackend()
    cancel = CancelToken()

    def stop_in_second(idx: int, piece: str) -> None:
        if idx == 1:
            cancel.cancel()

    result = translate_project(backend, project, cancel=cancel, on_piece=stop_in_second)
    assert result.cancelled and result.translated == 1
    assert [s.status for s in project.segments[:3]] == ["draft", "new", "new"]
    assert project.history(1) == []


def test_pause_waits_until_the_caller_sets_running_again(project: Project) -> None:
    backend = FakeBackend()
    running = threading.Event()
    paused_at: list[int] = []

    def progress(report: BatchProgress) -> None:
        if report.done == 2 and not report.paused and not paused_at:
            running.clear()
        if report.paused:
            paused_at.append(len(backend.calls))
            threading.Timer(0.2, running.set).start()

    running.set()
    result = translate_project(backend, project, running=running, on_progress=progress)
    assert paused_at == [2]
    assert result.translated == 5 and not result.cancelled


def test_retranslate_enforces_the_glossary_without_reusing_the_old_text(
        project: Project) -> None:
    backend = FakeBackend()
    backend.script[SENTENCES[2]] = ["送货员会先打电话。"]
    translate_project(backend, project, tm=project.store.memory)
    glossary = Glossary([Term("courier", "快递员")])
    assert glossary_violations(project, glossary) == [2]
    report = retranslate(backend, project, glossary_violations(project, glossary),
                         glossary=glossary, tm=project.store.memory)
    assert report.model_calls == 1 and report.from_memory == 0
    assert "快递员" in project.segments[2].target and project.segments[2].flags == []
    assert glossary_violations(project, glossary) == []
    assert [e.target for e in project.history(2)] == ["送货员会先打电话。",
                                                      project.segments[2].target]


def test_each_request_starts_with_the_previous_one_until_the_budget_is_spent(
        project: Project) -> None:
    backend = FakeBackend()
    # The fake counts about 42 tokens per earlier pair: two fit, three do not.
    translate_project(backend, project, indexes=[0, 1, 2, 3], context_budget_tokens=100)
    calls = backend.calls
    assert calls[1][:1] == calls[0] and calls[2][:3] == calls[1]  # a growing window
    assert calls[1][1].content == fake_translation(SENTENCES[0])
    # Past the budget the window restarts from the nearest neighbour.
    assert len(calls[3]) == 3 and calls[3][0] == calls[2][-1]
    assert calls[3][1].content == fake_translation(SENTENCES[2])
