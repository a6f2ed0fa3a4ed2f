"""Prompt formats against upstream BayLing's renderings (REFERENCE.md §1)."""

from __future__ import annotations

import pytest

from bayling_desktop.engine.backend import Message
from bayling_desktop.engine.formats import (
    Bayling3Format,
    BaylingV1Format,
    GGUFTemplateFormat,
    PlaceholderFilter,
    PlainFormat,
    detect_format,
    make_format,
)
from bayling_desktop.errors import ModelError

V1_SYSTEM = ("I am an intelligent language assistant developed by the NLP Group of ICT/CAS.\n"
             "Below is a dialog consisting of instructions and responses. Write a response that "
             "completes the request.\n")
L3_SYS = ("<|start_header_id|>system<|end_header_id|>\n\nI am BayLing developed by the NLP "
          "Group of ICT/CAS.<|eot_id|>")


def conv(*texts: str) -> list[Message]:
    return [Message("user" if i % 2 == 0 else "assistant", t) for i, t in enumerate(texts)]


def test_v1_matches_the_upstream_example_byte_for_byte() -> None:
    rendered = BaylingV1Format().render(conv("Hello!", "Hi!", "How are you?"))
    assert rendered.text == (
        "I am an intelligent language assistant developed by the NLP Group of ICT/CAS.\nBelow "
        "is a dialog consisting of instructions and responses. Write a response that completes "
        "the request.\n\n### Instruction:\nHello!\n### Response:\nHi!</s>\n### Instruction:\n"
        "How are you?\n### Response:\n")


def test_v1_two_turns_and_three_turns() -> None:
    two = BaylingV1Format().render(conv("Translate: 你好", "Hello"))
    assert two.text == (V1_SYSTEM + "\n### Instruction:\nTranslate: 你好\n### Response:\n"
                        "Hello</s>\n### Response:\n")
    three = BaylingV1Format().render(conv("a", "b", "c", "d", "e"))
    assert three.text == (V1_SYSTEM + "\n### Instruction:\na\n### Response:\nb</s>\n"
                          "### Instruction:\nc\n### Response:\nd</s>\n### Instruction:\ne\n"
                          "### Response:\n")


def test_v1_marks_only_its_own_eos_as_special() -> None:
    rendered = BaylingV1Format().render(conv("say </s> please", "ok", "again"))
    specials = [s.text for s in rendered.segments if s.special]
    assert specials == ["</s>"]  # the one after the assistant turn, not the user's text
    assert any("say </s> please" in s.text for s in rendered.segments if not s.special)
    assert rendered.stop_tokens == ("</s>",)


def test_v1_custom_system_prompt_replaces_the_default() -> None:
    rendered = BaylingV1Format().render([Message("system", "Be terse."), *conv("Hi")])
    assert rendered.text == "Be terse.\n\n### Instruction:\nHi\n### Response:\n"


def test_bayling3_two_and_three_turns() -> None:
    user = "<|start_header_id|>user<|end_header_id|>\n\n"
    assistant = "<|start_header_id|>assistant<|end_header_id|>\n\n"
    two = Bayling3Format().render(conv("  Hello!  ", "Hi!", "How are you?"))
    assert two.text == (L3_SYS + user + "Hello!<|eot_id|>" + assistant + "Hi!<|eot_id|>"
                        + user + "How are you?<|eot_id|>" + assistant)
    three = Bayling3Format().render(conv("a", "b", "c", "d", "e"))
    assert three.text == (L3_SYS + user + "a<|eot_id|>" + assistant + "b<|eot_id|>" + user
                          + "c<|eot_id|>" + assistant + "d<|eot_id|>" + user + "e<|eot_id|>"
                          + assistant)
    assert "<|eot_id|>" in three.stop_tokens
    assert {s.text for s in three.segments if s.special} == {
        "<|eot_id|>", "<|start_header_id|>", "<|end_header_id|>"}


def test_plain_format_for_models_without_a_template() -> None:
    rendered = PlainFormat().render(conv("Hi", "Hello", "Bye"))
    assert rendered.text.endswith("User: Hi\n\nAssistant: Hello\n\nUser: Bye\n\nAssistant:")
    assert "\nUser:" in rendered.stop_strings


def test_gguf_template_renders_in_a_sandbox() -> None:
    template = ("{% for m in messages %}<{{ m.role }}>{{ m.content }}</{{ m.role }}>{% endfor %}"
                "{% if add_generation_prompt %}<assistant>{% endif %}")
    fmt = GGUFTemplateFormat(template, eos_token="<eos>")
    assert fmt.render(conv("Hi")).text == "<user>Hi</user><assistant>"
    evil = GGUFTemplateFormat("{{ messages.__class__.__mro__[1].__subclasses__() }}")
    with pytest.raises(ModelError):
        evil.render(conv("Hi"))


def test_template_raise_exception_becomes_a_clear_error() -> None:
    fmt = GGUFTemplateFormat("{{ raise_exception('Only user and assistant roles') }}")
    with pytest.raises(ModelError, match="Only user and assistant roles"):
        fmt.render(conv("Hi"))


@pytest.mark.parametrize(("name", "file", "template", "vocab", "tokens", "expected"), [
    ("BayLing 13B v1.1", "bayling-13b-v1.1-q8_0.gguf", None, 32000, frozenset({"</s>"}),
     "bayling-v1"),
    ("bayling-2-7b", "model.gguf", None, 32000, frozenset(), "bayling-v1"),
    # upstream's substring check misses this one; the vocabulary gives it away
    ("Bayling 2 Llama 3 8b", "ICTNLP_bayling-2-llama-3-8b-Q4_K_M.gguf", None, 128256,
     frozenset({"<|eot_id|>"}), "bayling-3"),
    ("bayling", "b.gguf", "{{x}}", 128256, frozenset(), "bayling-3"),
    ("Qwen2.5", "qwen.gguf", "{{x}}", 151936, frozenset({"<|im_end|>"}), "gguf"),
    ("Gemma 3 270m", "gemma.gguf", None, 262144, frozenset(), "plain"),
])
def test_detect_format(name: str, file: str, template: str | None, vocab: int,
                       tokens: frozenset[str], expected: str) -> None:
    assert detect_format(name, file, template, vocab, tokens) == expected


def test_make_format_errors_are_clear() -> None:
    with pytest.raises(ModelError, match="no chat template"):
        make_format("gguf", None)
    with pytest.raises(ModelError, match="Unknown prompt format"):
        make_format("alpaca")


def test_placeholders_replaced_even_when_split_across_pieces() -> None:
    flt = PlaceholderFilter({"[NAME]": "BayLing", "[名字]": "百聆", "\\n": "\n"})
    pieces = ["I am [NA", "ME], also [", "名", "字]", ". Line\\", "nTwo ["]
    out = "".join(flt.feed(p) for p in pieces) + flt.flush()
    assert out == "I am BayLing, also 百聆. Line\nTwo ["
