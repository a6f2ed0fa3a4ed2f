"""Translation-model profiles: the cards' prompts byte for byte, and detection from GGUF."""

from __future__ import annotations

from pathlib import Path

import pytest
from gguf.gguf_writer import GGUFWriter

from bayling_desktop.engine.backend import Message
from bayling_desktop.engine.formats import GGUFTemplateFormat
from bayling_desktop.engine.gguf_info import read_gguf_info
from bayling_desktop.languages import resolve
from bayling_desktop.translation import mt_profiles as mt
from bayling_desktop.translation.profiles import (
    BAYLING,
    GENERIC,
    PROFILES,
    ModelIdentity,
    profile_for,
)

ZH, EN, JA, DE = resolve("zh"), resolve("en"), resolve("ja"), resolve("de")

# A ChatML template as Qwen2.5 / Sakura / Tower GGUFs carry it (no default system prompt).
CHATML = ("{% for message in messages %}{{'<|im_start|>' + message['role'] + '\n' + "
          "message['content'] + '<|im_end|>' + '\n'}}{% endfor %}"
          "{% if add_generation_prompt %}{{ '<|im_start|>assistant\n' }}{% endif %}")


def _chatml(messages: list[Message]) -> str:
    return GGUFTemplateFormat(CHATML).render(messages).text


def test_hy_mt2_prompts_are_the_cards() -> None:
    assert mt.HY_MT2.translation_messages("It’s on the house.", DE, EN) == [Message(
        "user", "Translate the following text into German. Note that you should only output "
                "the translated result without any additional explanation:\n\nIt’s on the "
                "house.")]
    assert mt.HY_MT2.translation_messages("It’s on the house.", ZH, EN)[-1].content == (
        "将以下文本翻译为中文，注意只需要输出翻译后的结果，不要额外解释：\n\nIt’s on the house.")
    terms = [("cloud computing", "云计算"), ("GPU", "图形处理器")]
    with_terms = mt.HY_MT2.translation_messages("cloud computing and GPUs", ZH, EN, terms)
    assert with_terms[-1].content == (
        "Reference the following translations:\ncloud computing translates to 云计算\n"
        "GPU translates to 图形处理器\n\n将以下文本翻译为中文，注意只需要输出翻译后的结果，"
        "不要额外解释：\n\ncloud computing and GPUs")
    params = mt.HY_MT2.params(256)
    assert (params.temperature, params.top_p, params.repeat_penalty, params.top_k) == (
        0.7, 0.6, 1.05, 20)
    assert mt.TRANSLATEGEMMA_PROFILE.params(64).top_k == 64 and mt.QWEN3.params(64).top_k == 20
    assert len(mt.HY_MT2.translation_messages("x", DE, EN)) == 1  # no system prompt


def test_hy_mt15_uses_its_own_xx_template() -> None:
    assert mt.HY_MT15.translation_messages("Guten Morgen", EN, DE)[-1].content == (
        "Translate the following segment into English, without additional explanation."
        "\n\nGuten Morgen")
    assert mt.HY_MT15.translation_messages("早上好", EN, ZH)[-1].content == (
        "将以下文本翻译为英文，注意只需要输出翻译后的结果，不要额外解释：\n\n早上好")
    # the retry switches to the other template
    assert mt.HY_MT15.translation_messages("早上好", EN, ZH, (), 1)[-1].content.startswith(
        "Translate the following segment into English")


def test_seed_x_is_raw_completion_with_the_language_tag() -> None:
    messages = mt.SEED_X_PROFILE.translation_messages("May the force be with you", ZH, EN)
    assert messages == [Message("user", "Translate the following English sentence into "
                                        "Chinese:\nMay the force be with you <zh>")]
    params = mt.SEED_X_PROFILE.params(128)
    assert params.raw and params.temperature == 0.0
    assert not mt.SEED_X_PROFILE.supports_revision
    assert "raw-completion" in mt.SEED_X_PROFILE.revision_note
    assert mt.SEED_X_PROFILE.translation_messages("Hallo", resolve("ja"), None)[-1].content == (
        "Translate the following sentence into Japanese:\nHallo <ja>")


def test_translategemma_single_user_turn() -> None:
    [message] = mt.TRANSLATEGEMMA_PROFILE.translation_messages("Hello, world!", DE, EN)
    assert message == Message("user", (
        "You are a professional English (en) to German (de) translator. Your goal is to "
        "accurately convey the meaning and nuances of the original English text while "
        "adhering to German grammar, vocabulary, and cultural sensitivities.\nProduce only "
        "the German translation, without any additional explanations or commentary. Please "
        "translate the following English text into German:\n\n\nHello, world!"))
    assert mt.TRANSLATEGEMMA_PROFILE.max_input_tokens == 2048
    params = mt.TRANSLATEGEMMA_PROFILE.params(64)
    assert "<end_of_turn>" in params.stop and params.top_p == 0.95


def test_sakura_renders_the_cards_chatml_prompt() -> None:
    messages = mt.SAKURA.translation_messages("こんにちは、先輩。", ZH, JA, [("先輩", "前辈")])
    assert _chatml(messages) == (
        "<|im_start|>system\n你是一个轻小说翻译模型，可以流畅通顺地以日本轻小说的风格将日文翻译成"
        "简体中文，并联系上下文正确使用人称代词，不擅自添加原文中没有的代词。<|im_end|>\n"
        "<|im_start|>user\n根据以下术语表（可以为空）：\n先輩->前辈\n将下面的日文文本根据对应关系"
        "和备注翻译成中文：こんにちは、先輩。<|im_end|>\n<|im_start|>assistant\n")
    empty = mt.SAKURA.translation_messages("はい。", ZH, JA)[-1].content
    assert empty == ("根据以下术语表（可以为空）：\n\n"
                     "将下面的日文文本根据对应关系和备注翻译成中文：はい。")
    params = mt.SAKURA.params(64)
    assert (params.temperature, params.top_p) == (0.1, 0.3)
    # not its language pair: the generic request, without Sakura's system prompt
    assert mt.SAKURA.translation_messages("Hi", DE, EN) == GENERIC.translation_messages(
        "Hi", DE, EN)


def test_tower_renders_the_cards_chatml_prompt() -> None:
    messages = mt.TOWER_PROFILE.translation_messages(
        "A group of researchers has launched a new model for translation-related tasks.",
        resolve("pt"), EN)
    assert _chatml(messages) == (
        "<|im_start|>user\nTranslate the following English source text to Portuguese:\n"
        "English: A group of researchers has launched a new model for translation-related "
        "tasks.\nPortuguese:<|im_end|>\n<|im_start|>assistant\n")


def test_alma_is_raw_completion() -> None:
    assert mt.ALMA_PROFILE.translation_messages("我爱机器翻译。", EN, ZH) == [Message(
        "user", "Translate this from Chinese to English:\nChinese: 我爱机器翻译。\nEnglish:")]
    assert mt.ALMA_PROFILE.params(32).raw
    assert not mt.ALMA_PROFILE.supports_revision


def test_qwen3_turns_thinking_off() -> None:
    system, message = mt.QWEN3.translation_messages("Good morning", ZH, EN)
    generic = GENERIC.translation_messages("Good morning", ZH, EN)
    assert system == generic[0] and message.content == generic[-1].content + " /no_think"
    assert mt.QWEN3.clean_output("<think>\n\n</think>\n\n早上好") == "早上好"
    assert mt.QWEN3.clean_output("早上好 <think>") == "早上好 <think>"
    assert mt.QWEN3.supports_revision  # follow-ups are ordinary chat turns


def _gguf(path: Path, arch: str, name: str = "", basename: str = "") -> Path:
    writer = GGUFWriter(path, arch)
    if name:
        writer.add_name(name)
    if basename:
        writer.add_basename(basename)
    writer.write_header_to_file()
    writer.write_kv_data_to_file()
    writer.write_ti_data_to_file()
    writer.close()
    return path


@pytest.mark.parametrize(("file_name", "arch", "name", "basename", "expected"), [
    ("model.gguf", "hunyuan-dense", "Hy-MT2-7B", "", "hy-mt2"),
    ("Hy-MT2-1.8B-Q4_K_M.gguf", "hunyuan-dense", "", "", "hy-mt2"),
    ("model.gguf", "hunyuan-dense", "", "HY-MT1.5", "hy-mt1.5"),
    ("HY-MT1.5-7B-Q4_K_M.gguf", "hunyuan-dense", "Hunyuan 7B", "", "hy-mt1.5"),
    ("model.gguf", "hunyuan-dense", "Hunyuan 7B Instruct", "", "generic"),
    ("seed-x-ppo-7b.Q4_K_M.gguf", "llama", "", "", "seed-x"),
    ("m.gguf", "gemma3", "Translategemma 12b It", "translategemma", "translategemma"),
    ("sakura-7b-qwen2.5-v1.0-q6k.gguf", "qwen2", "", "", "sakura"),
    ("towerinstruct-7b-v0.1.Q4_K_M.gguf", "llama", "", "", "tower"),
    ("m.gguf", "llama", "ALMA 13B R", "", "alma"),
    ("palmyra.gguf", "llama", "Palmyra", "", "generic"),
    ("m.gguf", "qwen3", "", "", "qwen3"),
    ("Qwen3-4B-Q4_K_M.gguf", "qwen3", "Qwen3 4B", "Qwen3", "qwen3"),
    ("qwen2.5-0.5b.gguf", "qwen2", "Qwen2.5 Coder 0.5B Instruct", "", "generic"),
    ("bayling-2-7b-q4_k_m.gguf", "llama", "BayLing-2-7B", "", "bayling"),
])
def test_detection_from_gguf_headers(tmp_path: Path, file_name: str, arch: str, name: str,
                                     basename: str, expected: str) -> None:
    info = read_gguf_info(_gguf(tmp_path / file_name, arch, name, basename))
    identity = ModelIdentity(name=info.name, file_name=info.path.name,
                             architecture=info.architecture, metadata=info.metadata)
    assert profile_for(identity).name == expected


def test_override_by_name_beats_detection() -> None:
    identity = ModelIdentity(name="Hy-MT2-7B", architecture="hunyuan-dense")
    assert profile_for(identity, "generic") is GENERIC
    assert profile_for(identity, "auto") is mt.HY_MT2
    assert profile_for(ModelIdentity(name="anything"), "sakura") is mt.SAKURA
    assert {p.name for p in mt.MT_PROFILES} <= set(PROFILES)
    assert BAYLING.name in PROFILES
