"""Misbehaving models, the way real small ones misbehave: every failure is caught with its
precise flag, never written as a draft, and repaired when another candidate passes."""

from __future__ import annotations

import pytest

from bayling_desktop.documents.protect import protect
from bayling_desktop.flags import Flag
from bayling_desktop.languages import resolve
from bayling_desktop.translation.profiles import BAYLING, GENERIC
from bayling_desktop.translation.request import UnitRequest, translate_unit

from .fakes import FakeBackend

ZH, EN = resolve("zh"), resolve("en")
LONG = ("The committee reviewed every proposal that was submitted before the deadline, and "
        "it decided to fund the three projects that best served the community.")


def _request(text: str) -> UnitRequest:
    return UnitRequest(text, ZH, EN)


def _codes(flags: list[Flag]) -> list[str]:
    return [f.code for f in flags if f.blocking]


@pytest.mark.parametrize(("source", "answer", "code", "args"), [
    # the placeholders pushed to the end, meaning gone
    ("%(count)s %(name)s was changed successfully.", "成功修改了两段文本。<x101/><x102/>",
     "placeholder_moved", {"name": "%(count)s"}),
    # a link dropped from the text (protected span lost)
    ("See https://example.org/docs for details.", "详情请见文档。", "link_removed",
     {"url": "https://example.org/docs"}),
    # a Symfony placeholder translated
    ("Try again in %minutes% minutes.", "请在 %分钟% 分钟后重试。", "placeholder_missing",
     {"name": "%minutes%"}),
    # one sentence said 25 times, cut mid-word
    (LONG, "委员会审查了所有提案。" * 25 + "委员", "loop_sentence", None),
    # English words left in the Chinese
    ("They heal. They inspire.", "他们 heal。他们 inspire。", "residue",
     {"words": "“heal”, “inspire”"}),
    # a number changed
    ("He was born on October 14, 1998.", "他出生于2000年10月14日。", "numbers", None),
    # the one word that carried the message dropped: only the placeholders came back
    ("Changed “%(object)s” — %(changes)s", "“<x101/>” — <x102/>", "nothing_translated", None),
    # the question answered instead of translated
    ("Are you sure?", "是的。", "question_answered", None),
    # the negation gone: "Cannot delete" became "delete"
    ("Cannot delete %(name)s", "删掉 <x101/>", "negation_lost", {"word": "Cannot"}),
    # a Markdown heading invented in front of a changelog line
    ("Fix possible ReDOS in newline rule", "### 修复换行规则中可能的 ReDOS", "markup_added",
     {"markup": "###"}),
])
def test_each_failure_is_named_and_never_a_draft(source: str, answer: str, code: str,
                                                 args: dict[str, str] | None) -> None:
    backend = FakeBackend()
    protected, _spans = protect(source)
    backend.script[protected] = [answer] * 6  # every candidate fails the same way
    outcome = translate_unit(backend, BAYLING, _request(source))
    assert not outcome.ok and outcome.text == ""
    assert code in _codes(outcome.flags), outcome.flags
    if args is not None:
        found = next(f for f in outcome.flags if f.code == code)
        assert found.arguments == args
    assert outcome.attempts == 6  # the first answer and five repair candidates


def test_an_answer_with_the_system_prompt_is_an_echo() -> None:
    backend = FakeBackend()
    backend.format_name = "gguf"  # a generic chat model: the translator's system prompt
    backend.script["Hello"] = ["好的，我会将用户发来的每一段文本翻译为中文。"] * 6
    outcome = translate_unit(backend, GENERIC, _request("Hello"))
    assert not outcome.ok and "echo_system" in _codes(outcome.flags)


def test_a_unit_that_fails_first_and_passes_on_the_third_candidate_is_repaired() -> None:
    backend = FakeBackend()
    source = "%(count)s %(name)s was changed successfully."
    protected, _spans = protect(source)
    moved = "成功修改了两段文本。<x101/><x102/>"
    good = "成功修改了 <x101/> 个 <x102/>。"
    backend.script[protected] = [moved, moved, good, moved, "", "LOOP"]
    outcome = translate_unit(backend, BAYLING, _request(source))
    assert outcome.ok and outcome.repaired and outcome.flags == []
    assert outcome.text == "成功修改了 %(count)s 个 %(name)s。"
    # the candidates went out together: the sampled ones reuse the first prompt exactly
    assert backend.calls[1] == backend.calls[0] and backend.params[2].seed == 2


def test_without_repair_the_first_failure_stands() -> None:
    backend = FakeBackend()
    backend.script["They heal."] = ["他们 heal。", "他们治愈。"]
    outcome = translate_unit(backend, BAYLING, _request("They heal."), repair=False)
    assert not outcome.ok and _codes(outcome.flags) == ["residue"] and outcome.attempts == 1


def test_edge_whitespace_is_put_back_exactly() -> None:
    backend = FakeBackend()
    backend.script["Hello world"] = ["你好，世界"]
    outcome = translate_unit(backend, BAYLING, _request("\n  Hello world \n"))
    assert outcome.ok and outcome.text == "\n  你好，世界 \n"


def test_a_units_note_reaches_the_model_as_context_and_not_the_output() -> None:
    """Django's "Mar" with msgctxt "abbrev. month": the model must know it is a month."""
    backend = FakeBackend()
    request = UnitRequest("Mar", ZH, EN, note="abbrev. month")
    outcome = translate_unit(backend, BAYLING, request)
    sent = backend.calls[0][-1].content
    assert sent.startswith("给译者的背景说明（不要翻译这段说明）：abbrev. month\n\n")
    assert sent.endswith("Provide the Chinese translation for this sentence: Mar")
    assert outcome.ok and "month" not in outcome.text


def test_a_translation_that_only_loses_formatting_goes_in_for_review() -> None:
    """No candidate keeps the bold: the text is a translation, so it is a draft whose tag
    flags are for review — the export keeps what tags it can and names the rest."""
    backend = FakeBackend()
    source = "The weather is <1>very nice</1> today."
    backend.script[source] = ["今天天气非常好。"] * 7
    outcome = translate_unit(backend, BAYLING, _request(source))
    assert outcome.ok and outcome.text == "今天天气非常好。"
    assert [(f.code, f.blocking) for f in outcome.flags] == [("tag_missing", False)]


def test_a_lost_placeholder_is_never_softened() -> None:
    backend = FakeBackend()
    source = "Hello <1>%(name)s</1>, welcome."
    protected, _spans = protect(source)
    backend.script[protected] = ["你好，欢迎。"] * 7
    outcome = translate_unit(backend, BAYLING, _request(source))
    assert not outcome.ok and "placeholder_missing" in _codes(outcome.flags)


def test_of_the_candidates_that_pass_the_one_the_others_agree_with_is_kept() -> None:
    """A sampled answer that drops "for parallel reading" passes every check; it is the
    odd one out among the candidates, so the faithful one is kept, not the first."""
    backend = FakeBackend()
    source = "The extension is not safe for parallel reading."
    omitted = "该扩展不安全。"
    backend.script[source] = ["该扩展对 parallel 读取不安全。", omitted, "该扩展对并行读取不安全。",
                              "该扩展对于并行读取是不安全的。", "该扩展不能安全地并行读取。",
                              "该扩展对并行读取并不安全。"]
    outcome = translate_unit(backend, BAYLING, _request(source))
    assert outcome.ok and outcome.repaired and outcome.flags == []
    assert outcome.text != omitted and "并行" in outcome.text
