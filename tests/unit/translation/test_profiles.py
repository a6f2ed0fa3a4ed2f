"""Prompt profiles: BayLing's paper wording byte for byte, the generic one, detection."""

from __future__ import annotations

import pytest

from bayling_desktop.engine.backend import Message
from bayling_desktop.languages import resolve
from bayling_desktop.translation.profiles import (
    BAYLING,
    GENERIC,
    ModelIdentity,
    profile_for,
    profile_for_backend,
)

ZH, EN, JA = resolve("zh"), resolve("en"), resolve("ja")


def test_bayling_uses_the_papers_instructions_exactly() -> None:
    assert BAYLING.translation_messages("Hello!", ZH, EN) == [
        Message("user", "Provide the Chinese translation for this sentence: Hello!")]
    assert BAYLING.translation_messages("你好！", EN, ZH) == [
        Message("user", "提供这句话的英文翻译：你好！")]
    constrained = BAYLING.translation_messages("cloud computing", ZH, EN,
                                               [("cloud computing", "云计算"), ("x", "云计算")])
    assert constrained[-1].content == ("Provide the Chinese translation for this sentence: "
                                       "cloud computing\nMake sure to include these words: 云计算")


def test_bayling_retry_switches_wording_then_falls_back_to_generic() -> None:
    first, second, third = (BAYLING.translation_messages("Hi", ZH, EN, (), a)[-1].content
                            for a in range(3))
    assert first.startswith("Provide the Chinese translation")
    assert second == "提供这句话的中文翻译：Hi"  # Chinese instruction for a Chinese target
    assert "只需要输出翻译后的结果" in third
    # zh→en starts in Chinese (the paper's zh→X runs), so its retry is the English one
    assert BAYLING.translation_messages("你好", EN, ZH, (), 1)[-1].content == (
        "Provide the English translation for this sentence: 你好")
    # attempts past the last repeat the last phrasing instead of failing
    assert BAYLING.translation_messages("Hi", ZH, EN, (), 9) == \
        BAYLING.translation_messages("Hi", ZH, EN, (), 2)


def test_generic_is_a_translators_system_prompt_then_the_bare_text() -> None:
    first = GENERIC.translation_messages("Good morning", JA, EN)
    assert first == [Message("system", "You are a professional translator. Translate every "
                                       "text the user sends into Japanese. Output only the "
                                       "translation, with no explanation."),
                     Message("user", "Good morning")]
    # the same system prompt for every unit: it stays in the KV cache
    assert GENERIC.translation_messages("Bye", JA, EN)[0] == first[0]
    glossed = GENERIC.translation_messages("Open the cloud console", ZH, EN, [("cloud", "云")])
    assert glossed[0].content.startswith("你是一名专业翻译")
    assert glossed[1].content == "请使用以下术语译法：\ncloud → 云\n\nOpen the cloud console"
    retry = GENERIC.translation_messages("Good morning", JA, EN, (), 1)[-1].content
    assert retry == ("Translate the following text into Japanese. Output only the Japanese "
                     "translation, with no explanation or notes.\n\nGood morning")
    assert GENERIC.translation_messages("Hi", ZH, EN, (), 2)[-1].content.startswith(
        "Provide the Chinese translation")


def test_retry_sampling_is_not_greedy_again() -> None:
    assert BAYLING.params(64).temperature == 0.0
    assert BAYLING.params(64, attempt=1).temperature > 0.0
    assert BAYLING.params(64).max_tokens == 64


@pytest.mark.parametrize(("identity", "expected"), [
    (ModelIdentity(chat_format="bayling-v1"), "bayling"),
    (ModelIdentity(name="bayling-2-7b", chat_format="gguf"), "bayling"),
    (ModelIdentity(file_name="BayLing-13B-v1.1.Q8_0.gguf"), "bayling"),
    (ModelIdentity(name="Qwen2.5 Coder 0.5B Instruct", chat_format="gguf"), "generic"),
    (ModelIdentity(), "generic"),
])
def test_detection(identity: ModelIdentity, expected: str) -> None:
    assert profile_for(identity).name == expected


def test_override_by_name_and_unknown_names_are_refused() -> None:
    assert profile_for(ModelIdentity(chat_format="bayling-v1"), "generic") is GENERIC
    assert profile_for(ModelIdentity(), "auto") is GENERIC
    with pytest.raises(ValueError, match="unknown prompt profile"):
        profile_for(ModelIdentity(), "no-such-profile")


def test_backend_identity_from_a_remote_model_name() -> None:
    from bayling_desktop.engine.remote import RemoteBackend

    remote = RemoteBackend("http://127.0.0.1:9/v1", "bayling-13b")  # never contacted
    assert profile_for_backend(remote) is BAYLING
    assert profile_for_backend(RemoteBackend("http://127.0.0.1:9/v1")) is not BAYLING
