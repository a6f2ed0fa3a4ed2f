"""The one translation pipeline, against a fake model that misbehaves like small real ones."""

from __future__ import annotations

import itertools
import threading
from pathlib import Path

import pytest

from bayling_desktop.documents import open_document
from bayling_desktop.flags import Flag
from bayling_desktop.storage.projects import Project, ProjectStore
from bayling_desktop.translation.glossary import Glossary, Term, glossary_violations
from bayling_desktop.translation.pipeline import (
    Event,
    Paused,
    PipelineOptions,
    Progress,
    TranslationPipeline,
    UnitFinished,
    UnitRetry,
    UnitText,
    translate,
)
from tests.unit.conftest import SENTENCES

from .fakes import FakeBackend, fake_translation


def test_translates_in_reading_order_with_events_and_repeats_reused(project: Project) -> None:
    backend = FakeBackend()
    events: list[Event] = []
    report = translate(project, backend, on_event=events.append)
    # SENTENCES[4] repeats SENTENCES[0]: reused, not sent to the model again.
    assert backend.translated_sources == SENTENCES[:4] + SENTENCES[5:]
    assert (report.translated, report.repeats, report.model_calls, report.failed) == (6, 1, 5, 0)
    assert [s.target for s in project.segments] == [fake_translation(s) for s in SENTENCES]
    assert [s.status for s in project.segments] == ["draft"] * 6
    streamed = "".join(e.text for e in events if isinstance(e, UnitText) and e.index == 1)
    assert streamed == fake_translation(SENTENCES[1])
    finished = [e for e in events if isinstance(e, UnitFinished)]
    assert [e.index for e in finished] == [0, 1, 2, 3, 5, 4]
    assert [e.origin for e in finished][-1] == "repeat"
    progress = [e for e in events if isinstance(e, Progress)]
    assert progress[-1].done == progress[-1].total == 6 and progress[-1].eta_seconds == 0
    assert report.clean
    # Saved as it went: a fresh load shows the same, and nothing is left to do.
    assert project.store.open(project.id).unfinished() == []
    assert translate(project, backend).model_calls == 0


def test_each_request_extends_the_previous_one_so_the_cache_keeps_it(project: Project) -> None:
    backend = FakeBackend()
    translate(project, backend, PipelineOptions(indexes=[0, 1, 2, 3]))
    calls = backend.calls
    for before, after in itertools.pairwise(calls):
        assert after[:len(before)] == before  # append-only: the old prompt is a prefix
        assert after[len(before)].role == "assistant"
    assert calls[1][1].content == fake_translation(SENTENCES[0])
    # A small budget restarts the window, seeded with the last good pairs.
    backend = FakeBackend()
    project.store.create(project_document(project), "en", "zh", name="again")
    again = project.store.open("again")
    translate(again, backend, PipelineOptions(context_budget=140, use_memory=False))
    calls = backend.calls
    assert max(len(c) for c in calls) == 7  # about 42 tokens a pair: three fit in 140
    restarted = [n for n in range(1, len(calls)) if calls[n][:len(calls[n - 1])] != calls[n - 1]]
    assert restarted == [4]
    assert calls[4][:2] == calls[3][4:6]  # the new window starts with the last good pair


def project_document(project: Project):  # type: ignore[no-untyped-def]
    from pathlib import Path

    from bayling_desktop.documents import open_document

    return open_document(Path(project.source_path))


def test_an_echo_is_repaired_with_samples_and_the_other_wordings_then_failed_and_quarantined(
        project: Project) -> None:
    backend = FakeBackend()
    backend.script[SENTENCES[1]] = ["ECHO"] * 6
    events: list[Event] = []
    report = translate(project, backend, PipelineOptions(indexes=[0, 1, 2]),
                       on_event=events.append)
    segment = project.segments[1]
    assert segment.status == "error" and segment.target == ""
    assert segment.flags[0].code == "identical" and segment.flags[0].blocking
    assert report.failed == 1 and report.problems == [(1, tuple(segment.flags))]
    assert report.repaired == 0
    # the first answer, three samples of the same prompt decoded together, then the other
    # phrasings: BayLing's Chinese instruction and the generic one
    asked = [c[-1].content for c in backend.calls if SENTENCES[1] in c[-1].content]
    assert len(asked) == 6
    assert all(a.startswith("Provide the Chinese") for a in asked[:4])
    assert asked[4].startswith("提供这句话") and asked[5].startswith("将以下文本翻译为中文")
    sampled = [p for p, c in zip(backend.params, backend.calls, strict=True)
               if SENTENCES[1] in c[-1].content][1:4]
    assert {p.seed for p in sampled} == {1, 2, 3} and all(p.temperature > 0 for p in sampled)
    assert [e.attempt for e in events if isinstance(e, UnitRetry)] == [1]
    # the echo never becomes context for the next unit, nor a memory entry
    third = backend.calls[-1]
    assert all(SENTENCES[1] not in m.content for m in third[:-1])
    assert third[:2] == backend.calls[0] + [third[1]]
    assert project.store.memory.lookup("en", "zh", SENTENCES[1]) is None
    assert project.store.memory.lookup("en", "zh", SENTENCES[0]) == fake_translation(
        SENTENCES[0])


def test_a_repair_that_works_is_a_clean_draft(project: Project) -> None:
    backend = FakeBackend()
    backend.script[SENTENCES[1]] = ["", "它重12公斤。", "LOOP", "", "INSTRUCTION", "LOOP"]
    backend.script[SENTENCES[2]] = ["LOOP", "INSTRUCTION", "", "LOOP", "LOOP", "LOOP"]
    report = translate(project, backend, PipelineOptions(indexes=[1, 2]))
    assert (project.segments[1].target, project.segments[1].status) == ("它重12公斤。", "draft")
    assert project.segments[1].flags == [] and report.repaired == 1
    # every candidate failed (a loop, the instruction echoed, nothing): the first reason
    assert project.segments[2].status == "error"
    assert project.segments[2].flags[0] == Flag("loop", blocking=True)
    assert backend.params[1].temperature > 0  # the retry is not the same greedy request
    # a failed unit is not skipped: the next run tries it again
    translate(project, backend, PipelineOptions(indexes=[2]))
    assert project.segments[2].status == "draft"


def test_preambles_meta_answers_and_quotes_are_stripped(project: Project) -> None:
    backend = FakeBackend()
    backend.script[SENTENCES[3]] = ["Here is the translation: “请在表格上签字。”"]
    backend.script[SENTENCES[5]] = ["更正式的翻译是：“感谢您的订购。”"]
    translate(project, backend, PipelineOptions(indexes=[3, 5]))
    assert project.segments[3].target == "请在表格上签字。"
    assert project.segments[5].target == "感谢您的订购。"
    source_tokens = backend.count_tokens(backend.calls[0][-1:])
    assert backend.params[0].max_tokens <= 3 * source_tokens + 32


def test_glossary_terms_go_into_the_prompt_and_violations_stay_out_of_memory(
        project: Project) -> None:
    backend = FakeBackend()
    glossary = Glossary([Term("courier", "快递员"), Term("invoice", "发票")])
    translate(project, backend, PipelineOptions(indexes=[2], glossary=glossary))
    assert backend.calls[0][-1].content.endswith("\nMake sure to include these words: 快递员")
    assert project.segments[2].flags == []
    backend.script[SENTENCES[2]] = ["送货员会先打电话。"]
    project.set_status(2, "new")
    translate(project, backend, PipelineOptions(indexes=[2], glossary=glossary,
                                                use_memory=False))
    assert project.segments[2].status == "draft"
    assert project.segments[2].flags == [Flag("glossary", {"source": "courier",
                                                           "target": "快递员"})]
    assert glossary_violations(project, glossary) == [2]
    assert project.store.memory.lookup("en", "zh", SENTENCES[2]) != "送货员会先打电话。"
    # retranslating enforces it without reusing the old text
    report = translate(project, backend, PipelineOptions(indexes=[2], glossary=glossary,
                                                         force=True))
    assert report.model_calls == 1 and report.from_memory == 0
    assert "快递员" in project.segments[2].target and glossary_violations(project, glossary) == []


def test_cancel_mid_unit_leaves_it_unfinished(project: Project) -> None:
    backend = FakeBackend()
    pipeline: TranslationPipeline

    def on_event(event: Event) -> None:
        if isinstance(event, UnitText) and event.index == 1:
            pipeline.cancel()

    pipeline = TranslationPipeline(project, backend, on_event=on_event)
    report = pipeline.run()
    assert report.cancelled and report.translated == 1
    assert [s.status for s in project.segments[:3]] == ["draft", "new", "new"]
    assert project.history(1) == []


def test_pause_waits_until_resumed(project: Project) -> None:
    backend = FakeBackend()
    paused: list[int] = []
    pipeline: TranslationPipeline

    def on_event(event: Event) -> None:
        if isinstance(event, UnitFinished) and event.index == 1:
            pipeline.pause()
        if isinstance(event, Paused):
            paused.append(len(backend.calls))
            threading.Timer(0.2, pipeline.resume).start()

    pipeline = TranslationPipeline(project, backend, on_event=on_event)
    report = pipeline.run()
    assert paused == [2] and report.translated == 6 and not report.cancelled


def test_time_spent_paused_is_not_model_time(project: Project) -> None:
    backend = FakeBackend()
    rates: list[float] = []
    pipeline: TranslationPipeline

    def on_event(event: Event) -> None:
        if isinstance(event, UnitFinished) and event.index == 1:
            pipeline.pause()
        if isinstance(event, Paused):
            threading.Timer(1.0, pipeline.resume).start()
        if isinstance(event, Progress):
            rates.append(event.tokens_per_second)

    pipeline = TranslationPipeline(project, backend, on_event=on_event)
    report = pipeline.run()
    # the second of coffee break is neither in the model's time nor in its speed
    assert report.seconds - report.model_seconds >= 1.0
    assert rates[-1] == pytest.approx(report.completion_tokens / report.model_seconds, rel=0.5)


def test_lanes_run_in_parallel_and_give_the_same_result(project: Project) -> None:
    serial = FakeBackend()
    translate(project, serial)
    expected = [s.target for s in project.segments]
    other = project.store.create(project_document(project), "en", "zh", name="parallel")
    backend = FakeBackend(delay=0.01, parallel=3)
    running: list[int] = []
    report = translate(other, backend, PipelineOptions(use_memory=False),
                       on_event=lambda e: isinstance(e, Progress) and running.append(e.running))
    assert report.lanes == 3 and max(running) >= 2
    assert [s.target for s in other.segments] == expected
    assert report.translated == 6 and report.failed == 0


def test_a_model_factory_is_not_called_when_memory_serves_everything(
        project: Project) -> None:
    translate(project, FakeBackend())
    other = project.store.create(project_document(project), "en", "zh", name="from memory")

    def factory() -> FakeBackend:
        raise AssertionError("the model was loaded")

    report = translate(other, factory)
    assert report.from_memory + report.repeats == 6 and report.model_calls == 0


def test_a_poisoned_memory_entry_is_not_served_and_is_forgotten(project: Project) -> None:
    project.store.memory.add("en", "zh", [(SENTENCES[0], SENTENCES[0])], approved=False)
    backend = FakeBackend()
    translate(project, backend, PipelineOptions(indexes=[0]))
    assert project.segments[0].target == fake_translation(SENTENCES[0])
    assert project.store.memory.lookup("en", "zh", SENTENCES[0]) == fake_translation(
        SENTENCES[0])


def test_the_source_language_is_detected_once_and_keys_the_memory(project: Project) -> None:
    unknown = project.store.create(project_document(project), "", "zh", name="no source")
    translate(unknown, FakeBackend(), PipelineOptions(indexes=[0]))
    assert unknown.source_lang == "en"
    assert project.store.open("no source").source_lang == "en"
    rows = project.store.memory.pairs("zh")
    assert rows and all(source_lang == "en" for source_lang, *_rest in rows)


def test_a_failed_retranslation_keeps_the_previous_text(project: Project) -> None:
    backend = FakeBackend()
    translate(project, backend, PipelineOptions(indexes=[3]))
    before = project.segments[3].target
    backend.script[SENTENCES[3]] = [""] * 6
    report = translate(project, backend, PipelineOptions(indexes=[3], force=True))
    assert report.failed == 1
    assert (project.segments[3].target, project.segments[3].status) == (before, "draft")


def test_a_document_already_in_the_target_language_is_refused(project: Project) -> None:
    import pytest

    from bayling_desktop.translation.pipeline import PipelineError

    text = "包裹周一到。这是一个很长的中文句子，用来检测语言。"
    chinese = project.store.open_or_create("zh doc", project_document(project).path, "zh", "",
                                           [("p1", text)])
    backend = FakeBackend()
    with pytest.raises(PipelineError, match="both Chinese"):
        translate(chinese, backend)
    assert backend.calls == []


def test_with_lanes_paused_is_said_once_when_the_last_unit_in_flight_is_done(
        project: Project) -> None:
    import time

    backend = FakeBackend(delay=0.02, parallel=3)
    events: list[tuple[str, float]] = []
    resumed: list[float] = []
    pipeline: TranslationPipeline

    def resume() -> None:
        resumed.append(time.monotonic())
        pipeline.resume()

    def on_event(event: Event) -> None:
        if isinstance(event, UnitFinished):
            events.append(("finished", time.monotonic()))
            if len(events) == 1:
                pipeline.pause()
                threading.Timer(0.5, resume).start()
        elif isinstance(event, Paused):
            events.append(("paused", time.monotonic()))

    pipeline = TranslationPipeline(project, backend, PipelineOptions(use_memory=False),
                                   on_event)
    report = pipeline.run()
    kinds = [kind for kind, _at in events]
    assert kinds.count("paused") == 1 and report.translated == 6
    paused_at = dict(events)["paused"]
    # the lanes stop after their current unit: once "paused" is said nothing moves
    assert not [at for kind, at in events if kind == "finished" and paused_at < at < resumed[0]]
    assert kinds[:kinds.index("paused")].count("finished") <= 3


def test_a_repeat_of_a_flagged_draft_is_the_same_flagged_draft(project: Project) -> None:
    backend = FakeBackend()
    backend.script[SENTENCES[0]] = ["包裹周一到，共3件。"]  # a number the source lacks
    report = translate(project, backend)
    first, repeat = project.segments[0], project.segments[4]  # SENTENCES[4] == SENTENCES[0]
    assert first.status == repeat.status == "draft" and first.flags
    assert (repeat.target, repeat.flags) == (first.target, first.flags)
    assert report.failed == 0 and report.repeats == 1


def test_a_unit_that_is_one_link_gets_its_tags_back_around_the_translation() -> None:
    from bayling_desktop.languages import resolve
    from bayling_desktop.translation.profiles import GENERIC
    from bayling_desktop.translation.request import UnitRequest, translate_unit

    backend = FakeBackend()
    backend.script["<1>Intro</1>"] = ["介绍"]  # the model dropped the link's tags
    outcome = translate_unit(backend, GENERIC, UnitRequest("<1>Intro</1>", resolve("zh"),
                                                           resolve("en")))
    assert outcome.ok and outcome.text == "<1>介绍</1>" and outcome.flags == []
    assert len(backend.calls) == 1  # no stricter request was needed
    backend.script["<1>Usage</1>"] = ["<使用>"]  # the tag numbers gone, its brackets kept
    assert translate_unit(backend, GENERIC, UnitRequest("<1>Usage</1>", resolve("zh"),
                                                        resolve("en"))).text == "<1>使用</1>"


def test_the_tag_reminder_goes_to_the_system_prompt_not_into_the_text() -> None:
    from bayling_desktop.languages import resolve
    from bayling_desktop.translation.profiles import GENERIC
    from bayling_desktop.translation.request import STRICT_TAGS, UnitRequest, translate_unit

    backend = FakeBackend()
    source = "Read <1>the guide</1> and <2>the FAQ</2>."
    backend.script[source] = ["读指南和常见问题。"]
    translate_unit(backend, GENERIC, UnitRequest(source, resolve("zh"), resolve("en")))
    # the strict candidate goes out with the repair round, after the three samples
    strict = next(c for c in backend.calls[1:] if c[0].content.endswith(STRICT_TAGS))
    assert strict[0].role == "system" and strict[0].content.endswith(STRICT_TAGS)
    assert strict[-1].content == source  # the text to translate is left as it is


def test_units_without_words_are_copied_through_without_the_model(tmp_path: Path) -> None:
    lines = ["The total is below.", "42", "3.14 %", "—", "Thank you."]
    path = tmp_path / "numbers.txt"
    path.write_text("\n\n".join(lines) + "\n", encoding="utf-8")
    store = ProjectStore(tmp_path / "projects.sqlite3")
    project = store.create(open_document(path), "en", "zh")
    backend = FakeBackend()
    origins: dict[int, str] = {}
    report = translate(project, backend, on_event=lambda e: isinstance(e, UnitFinished)
                       and origins.setdefault(e.index, e.origin) is None)
    assert sorted(backend.translated_sources) == ["Thank you.", "The total is below."]
    assert [s.target for s in project.segments][1:4] == ["42", "3.14 %", "—"]
    assert [s.status for s in project.segments] == ["draft"] * 5
    assert (report.copied, report.translated, report.problems) == (3, 5, [])
    assert [origins[i] for i in range(5)] == ["model", "copy", "copy", "copy", "model"]
    store.close()


def test_a_long_project_sends_its_first_request_before_looking_over_every_unit(
        tmp_path: Path) -> None:
    """A resumed 1,000,000-unit project waited for a pass over every unit before its first
    request; the units are looked over a chunk at a time, just before the model gets them."""
    from bayling_desktop.translation.pipeline import CHUNK

    lines = [f"Line {n} of the book." if n % 2 else str(n) for n in range(3 * CHUNK)]
    path = tmp_path / "long.txt"
    path.write_text("\n\n".join(lines) + "\n", encoding="utf-8")
    store = ProjectStore(tmp_path / "projects.sqlite3")
    project = store.create(open_document(path), "en", "zh")
    copied: list[int] = []
    seen_at_first_request: list[int] = []

    class Watching(FakeBackend):
        def stream(self, messages, params, cancel=None):  # type: ignore[no-untyped-def]
            if not seen_at_first_request:
                seen_at_first_request.append(len(copied))
            return super().stream(messages, params, cancel)

    report = translate(project, Watching(), on_event=lambda e: isinstance(e, UnitFinished)
                       and e.origin == "copy" and copied.append(e.index))
    assert report.copied == len(lines) // 2 and report.translated == len(lines)
    assert seen_at_first_request == [CHUNK // 2]  # one chunk's numbers, not all of them
    store.close()
