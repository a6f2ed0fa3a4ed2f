"""Profiles for translation-specialised models, with the exact prompts of their cards.

Each model was trained on one prompt and translates noticeably worse with another,
so the wording here is the cards' (REFERENCE.md §5), byte for byte. Where a card's
template needs something we may not know (the source language of Tower or
TranslateGemma when detection is off), the fallback is said in the class docstring.
Where a card gives no revision wording, revision turns are ordinary follow-up chat
messages; raw-completion models (Seed-X, ALMA-R) have no chat format, so revision is
unavailable for them and :attr:`Profile.revision_note` says why.

Importing this module registers the profiles and their detection rules with
``profiles.py`` (which imports it at the end of its own import).
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass

from ..engine.backend import GenerationParams, Message
from ..languages import Language, is_chinese, primary_subtag
from .profiles import GENERIC, ModelIdentity, Profile, Terms, register

HY_MT2_EN = ("Translate the following text into {target}. Note that you should only output "
             "the translated result without any additional explanation:\n\n{text}")
HY_MT_ZH = "将以下文本翻译为{target}，注意只需要输出翻译后的结果，不要额外解释：\n\n{text}"
HY_MT15_EN = ("Translate the following segment into {target}, without additional "
              "explanation.\n\n{text}")
HY_MT_TERMS = "Reference the following translations:\n{pairs}\n\n"
HY_MT_TERM_LINE = "{source} translates to {target}"

SEED_X = "Translate the following {source} sentence into {target}:\n{text} <{tag}>"
SEED_X_NO_SOURCE = "Translate the following sentence into {target}:\n{text} <{tag}>"

TRANSLATEGEMMA = (
    "You are a professional {src} ({src_code}) to {tgt} ({tgt_code}) translator. Your goal "
    "is to accurately convey the meaning and nuances of the original {src} text while "
    "adhering to {tgt} grammar, vocabulary, and cultural sensitivities.\nProduce only the "
    "{tgt} translation, without any additional explanations or commentary. Please translate "
    "the following {src} text into {tgt}:\n\n\n{text}")

SAKURA_SYSTEM = ("你是一个轻小说翻译模型，可以流畅通顺地以日本轻小说的风格将日文翻译成简体中文，"
                 "并联系上下文正确使用人称代词，不擅自添加原文中没有的代词。")
SAKURA_USER = ("根据以下术语表（可以为空）：\n{glossary}\n"
               "将下面的日文文本根据对应关系和备注翻译成中文：{text}")

TOWER = "Translate the following {src} source text to {tgt}:\n{src}: {text}\n{tgt}:"
TOWER_NO_SOURCE = "Translate the following text to {tgt}:\n{text}\n{tgt}:"

ALMA = "Translate this from {src} to {tgt}:\n{src}: {text}\n{tgt}:"

QWEN3_NO_THINK = " /no_think"
_THINK_BLOCK = re.compile(r"^\s*<think>.*?</think>\s*", re.DOTALL)

RAW_NOTE = ("{model} is a raw-completion model without a chat format: it was trained only "
            "to translate a single prompt, so it cannot follow revision instructions. Switch "
            "to a chat model to revise.")


def _pairs(terms: Terms) -> list[tuple[str, str]]:
    return list(dict.fromkeys((s, t) for s, t in terms if s.strip() and t.strip()))


@dataclass(frozen=True)
class SampledProfile(Profile):
    """A profile whose model card also fixes a repetition penalty and a top-k."""

    repeat_penalty: float = 1.0
    top_k: int = 0

    def params(self, max_tokens: int, attempt: int = 0) -> GenerationParams:
        return dataclasses.replace(super().params(max_tokens, attempt),
                                   repeat_penalty=self.repeat_penalty, top_k=self.top_k)


@dataclass(frozen=True)
class HyMTProfile(SampledProfile):
    """Tencent HY-MT1.5 and Hy-MT2 (``hunyuan-dense``): no system prompt, BOS needed.

    The Chinese template is used when Chinese is on either side, the English one
    otherwise (HY-MT1.5's "xx↔xx" template differs from Hy-MT2's); the glossary goes
    before the instruction in the cards' "Reference the following translations"
    form. Attempt 1 uses the other template.
    """

    english: str = HY_MT2_EN

    def instruction(self, text: str, target: Language, source: Language | None,
                    terms: Terms, attempt: int) -> str:
        chinese = is_chinese(target) or (source is not None and is_chinese(source))
        if attempt % 2:
            chinese = not chinese
        template = HY_MT_ZH if chinese else self.english
        prefix = ""
        pairs = _pairs(terms)
        if pairs:
            lines = "\n".join(HY_MT_TERM_LINE.format(source=s, target=t) for s, t in pairs)
            prefix = HY_MT_TERMS.format(pairs=lines)
        return prefix + template.format(target=target.name(chinese), text=text)


@dataclass(frozen=True)
class SeedXProfile(Profile):
    """ByteDance Seed-X-Instruct/PPO: raw completion ending in the target's language tag.

    Without a known source language the card's "{source} sentence" loses its
    adjective ("the following sentence"). The glossary has no card wording, so terms
    are not sent (the QA still checks them).
    """

    def instruction(self, text: str, target: Language, source: Language | None,
                    terms: Terms, attempt: int) -> str:
        tag = primary_subtag(target.code)
        if source is None:
            return SEED_X_NO_SOURCE.format(target=target.english, text=text, tag=tag)
        return SEED_X.format(source=source.english, target=target.english, text=text, tag=tag)


@dataclass(frozen=True)
class TranslateGemmaProfile(SampledProfile):
    """Google TranslateGemma: one long user turn naming both languages and their codes.

    The card's prompt needs the source language; when it is unknown the words "the
    source language" and the code "auto" stand in. Trained on ~2K-token inputs.
    """

    def instruction(self, text: str, target: Language, source: Language | None,
                    terms: Terms, attempt: int) -> str:
        src, src_code = (source.english, source.code) if source else ("the source language",
                                                                      "auto")
        return TRANSLATEGEMMA.format(src=src, src_code=src_code, tgt=target.english,
                                     tgt_code=target.code, text=text)


@dataclass(frozen=True)
class SakuraProfile(Profile):
    """Sakura v1.0 (Japanese → Simplified Chinese light novels), ChatML.

    The glossary is the card's "src->dst" list (empty when there are no terms). Any
    other language pair falls back to the generic instruction: Sakura was trained on
    ja→zh only.
    """

    def system(self, target: Language, source: Language | None) -> str | None:
        return SAKURA_SYSTEM if self._native(target, source) else None

    def translation_messages(self, text: str, target: Language, source: Language | None = None,
                             terms: Terms = (), attempt: int = 0) -> list[Message]:
        if not self._native(target, source):
            return GENERIC.translation_messages(text, target, source, terms, attempt)
        return super().translation_messages(text, target, source, terms, attempt)

    @staticmethod
    def _native(target: Language, source: Language | None) -> bool:
        return is_chinese(target) and (source is None or primary_subtag(source.code) == "ja")

    def instruction(self, text: str, target: Language, source: Language | None,
                    terms: Terms, attempt: int) -> str:
        if not self._native(target, source):
            return GENERIC.instruction(text, target, source, terms, attempt)
        glossary = "\n".join(f"{s}->{t}" for s, t in _pairs(terms))
        return SAKURA_USER.format(glossary=glossary, text=text)


@dataclass(frozen=True)
class TowerProfile(Profile):
    """Unbabel TowerInstruct, ChatML; without a known source the source label is dropped."""

    def instruction(self, text: str, target: Language, source: Language | None,
                    terms: Terms, attempt: int) -> str:
        if source is None:
            return TOWER_NO_SOURCE.format(tgt=target.english, text=text)
        return TOWER.format(src=source.english, tgt=target.english, text=text)


@dataclass(frozen=True)
class AlmaProfile(Profile):
    """ALMA-13B-R: raw completion, "Translate this from X to Y:\\nX: …\\nY:".

    Without a known source language the card's prompt cannot be written, so English
    is assumed (ALMA's directions are all to or from English).
    """

    def instruction(self, text: str, target: Language, source: Language | None,
                    terms: Terms, attempt: int) -> str:
        src = source.english if source is not None else "English"
        return ALMA.format(src=src, tgt=target.english, text=text)


@dataclass(frozen=True)
class Qwen3Profile(SampledProfile):
    """Qwen3 with thinking off: the generic request plus the card's ``/no_think`` switch.

    With the soft switch the model still opens its answer with an empty
    ``<think></think>`` block; :meth:`clean_output` removes it.
    """

    def translation_messages(self, text: str, target: Language, source: Language | None = None,
                             terms: Terms = (), attempt: int = 0) -> list[Message]:
        messages = GENERIC.translation_messages(text, target, source, terms, attempt)
        last = messages[-1]
        return [*messages[:-1], Message(last.role, last.content + QWEN3_NO_THINK)]

    def instruction(self, text: str, target: Language, source: Language | None,
                    terms: Terms, attempt: int) -> str:
        return self.translation_messages(text, target, source, terms, attempt)[-1].content

    @staticmethod
    def clean_output(text: str) -> str:
        return _THINK_BLOCK.sub("", text, count=1)


HY_MT2 = HyMTProfile("hy-mt2", "Tencent Hy-MT2", attempts=2, temperature=0.7, top_p=0.6,
                     context_turns=False, repeat_penalty=1.05, top_k=20)
HY_MT15 = HyMTProfile("hy-mt1.5", "Tencent HY-MT1.5", attempts=2, temperature=0.7, top_p=0.6,
                      context_turns=False, repeat_penalty=1.05, top_k=20, english=HY_MT15_EN)
SEED_X_PROFILE = SeedXProfile(
    "seed-x", "ByteDance Seed-X (raw completion)", attempts=1, temperature=0.0,
    raw_completion=True, context_turns=False, supports_revision=False,
    revision_note=RAW_NOTE.format(model="Seed-X"), stop=("\nTranslate the following",))
TRANSLATEGEMMA_PROFILE = TranslateGemmaProfile(
    "translategemma", "Google TranslateGemma", attempts=1, temperature=0.0, top_p=0.95,
    context_turns=False, max_input_tokens=2048, stop=("<end_of_turn>",), top_k=64)
SAKURA = SakuraProfile("sakura", "Sakura (Japanese → Chinese)", attempts=1, temperature=0.1,
                       top_p=0.3, context_turns=False)
TOWER_PROFILE = TowerProfile("tower", "Unbabel TowerInstruct", attempts=1, temperature=0.0,
                             context_turns=False)
ALMA_PROFILE = AlmaProfile(
    "alma", "ALMA-R (raw completion)", attempts=1, temperature=0.0, raw_completion=True,
    context_turns=False, supports_revision=False,
    revision_note=RAW_NOTE.format(model="ALMA-R"), stop=("\nTranslate this from",))
QWEN3 = Qwen3Profile("qwen3", "Qwen3 (thinking off)", temperature=0.7, top_p=0.8, top_k=20)

MT_PROFILES: tuple[Profile, ...] = (HY_MT2, HY_MT15, SEED_X_PROFILE, TRANSLATEGEMMA_PROFILE,
                                    SAKURA, TOWER_PROFILE, ALMA_PROFILE, QWEN3)


def _label(model: ModelIdentity) -> str:
    """Name, file name and basename, lower case, with separators unified to '-'."""
    return re.sub(r"[\s_]+", "-", model.haystack)


def _has(*patterns: str) -> object:
    compiled = [re.compile(p) for p in patterns]

    def matches(model: ModelIdentity) -> bool:
        label = _label(model)
        return any(p.search(label) for p in compiled)

    return matches


_RULES = (
    (HY_MT2, _has(r"hy-?mt-?2(?![\d.])")),
    (HY_MT15, _has(r"hy-?mt-?1[.-]5")),
    (SEED_X_PROFILE, _has(r"seed-?x")),
    (TRANSLATEGEMMA_PROFILE, _has(r"translate-?gemma")),
    (SAKURA, _has(r"\bsakura\b")),
    (TOWER_PROFILE, _has(r"tower-?instruct", r"\btower-?(7b|13b|plus|mistral)")),
    (ALMA_PROFILE, _has(r"(^|[^a-z])alma(-?(7b|13b)|-r\b|[^a-z]|$)")),
)


def _is_qwen3(model: ModelIdentity) -> bool:
    return model.architecture in ("qwen3", "qwen3moe") or bool(
        re.search(r"qwen-?3(?![\d.])", _label(model)))


for _profile, _matcher in _RULES:
    register(_profile, _matcher, first=True)  # type: ignore[arg-type]
register(QWEN3, _is_qwen3)
