"""Quality checks: the one place that decides whether a translation can be trusted.

Small local models fail in recognisable ways — nothing, the source copied back, the
text left in the source language, a loop, the instruction echoed, a "Here is the
translation:" preamble or a meta-answer ("更正式的翻译是：…"), a dropped number, tag or
placeholder. Each check turns one of those into a :class:`Flag` with a sentence a user
can read. *Blocking* flags mean "this is not a translation": the pipeline retries with
another phrasing and, if they persist, marks the unit failed. The others mark a draft
for review. Either way a flagged unit feeds neither later requests nor the memory.

The CLI, the GUI, document-wide revisions and "Accept all" all call this module.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..documents.tags import strip_tags, tag_names, validate_tags
from .glossary import Glossary
from .langdetect import detect_language, script_counts

_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_LOOP = re.compile(r"(.{2,40}?)\1{3,}", re.S)
_WORD_LOOP = re.compile(r"\b(\w+(?:\W+\w+){0,4}?)(?:\W+\1\b){3,}", re.IGNORECASE)
_ECHO = ("provide the ", "提供这句话的", "make sure to include these words", "确保包含这些词",
         "translate the following", "translation for this sentence", "将以下文本翻译为",
         "只需要输出翻译后的结果", "output only the", "请使用以下术语译法",
         "keep every tag such as", "exactly as it is, around the words",
         "you are a professional translator", "你是一名专业翻译", "只输出译文",
         "所有标签", "标签，如", "保持不变，周围")
#: "Here is the translation:", "译文：", "更正式的翻译是：", "The more formal version is:"
PREAMBLE = re.compile(
    r"^\s*(?:(?:sure|certainly|of course|okay|ok)[,!.]?\s*)?(?:"
    r"here(?:'s| is| are) (?:the |a |my |your )?[\w\s-]{0,30}?(?:translation|version|text)"
    r"(?: of [^:\n]{0,60})?"
    r"|(?:the )?[\w\s-]{0,30}?(?:translation|version)(?: of [^:\n]{0,60})? (?:is|would be|reads)"
    r"|(?:the )?(?:\w+ )?translation"
    r"|[^\n:：。]{0,16}(?:翻译|译文|译法|版本|说法)(?:结果|如下|是|为|应该是|可以是)?"
    r")\s*[:：]\s*", re.IGNORECASE)
#: the model spoke to the user instead of translating: "好的，请提供您需要翻译的文本。",
#: "对不起，我无法协助完成这个请求。", "Sorry, I can't help with that." (short units invite it)
CHATTER = re.compile(
    r"^\s*(?:(?:好的|当然|没问题|sure|ok(?:ay)?|certainly)\s*[,，!！.。]?\s*)?(?:"
    r"请(?:您)?(?:提供|给出|发送|告诉我)|您(?:需要|想要?)(?:我)?翻译|(?:很)?(?:对不起|抱歉)|"
    r"我(?:无法|不能|不太明白|没有理解)|"
    r"please (?:provide|send|give me)|could you (?:please )?(?:provide|clarify)|"
    r"i'?m sorry|sorry,? i|i (?:cannot|can'?t|am unable)|as an ai)", re.IGNORECASE)
#: words that make an apology or a request in the source itself (then its translation may too)
_CHATTER_SOURCE = re.compile(r"sorry|apolog|cannot|can't|unable|please|provide|"
                             r"对不起|抱歉|无法|不能|请", re.IGNORECASE)
#: a CJK character carries roughly as much meaning as three Latin letters
_WIDE = re.compile(r"[\u1100-\u11ff\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")
#: weighted target/source length ratios outside these bounds are suspicious
MIN_RATIO, MAX_RATIO = 0.3, 3.0
#: sources shorter than this (weighted characters) are too short to judge length by
MIN_LENGTH_TO_JUDGE = 20
#: a translation with less than this share of the target's script is still untranslated
MIN_SCRIPT_SHARE = 0.25

#: similarity (0-100) above which a long translation is taken for the source copied back
NEAR_IDENTICAL = 92.0

EMPTY = "Empty translation."
IDENTICAL = "The translation is identical to the source."
UNTRANSLATED = "The text was left in the source language."
NEAR_IDENTICAL_FLAG = "The translation is almost identical to the source."
ECHO = "The model echoed the instruction."
PREAMBLE_FLAG = "The model added a preamble or explanation before the translation."
CHATTER_FLAG = "The model answered the request instead of translating the text."
LOOP = "The translation repeats itself."
NUMBERS = "Numbers differ from the source."
FORMATTING_LOST = "Inline formatting was lost; the text was kept without it."

#: scripts (as :func:`script_counts` names them) each target language is written in
_SCRIPTS = {"zh": ("zh",), "ja": ("ja", "zh"), "ko": ("ko",), "ru": ("ru",), "uk": ("ru",),
            "bg": ("ru",), "sr": ("ru",), "kk": ("ru",), "mn": ("ru",), "ar": ("ar",),
            "fa": ("ar",), "ur": ("ar",), "ug": ("ar",), "he": ("he",), "el": ("el",),
            "th": ("th",), "hi": ("hi",), "mr": ("hi",), "ne": ("hi",)}


@dataclass(frozen=True)
class Flag:
    """One finding about a translation."""

    code: str
    message: str
    #: the output is not a usable translation at all (retry, then fail the unit)
    blocking: bool = False

    def __str__(self) -> str:
        return self.message


def _weight(text: str) -> int:
    return len(text) + 2 * len(_WIDE.findall(text))


def _numbers(text: str) -> list[str]:
    return sorted(n.replace(",", "") for n in _NUMBER.findall(strip_tags(text)))


def _similar(a: str, b: str) -> float:
    from rapidfuzz import fuzz

    return float(fuzz.ratio(a.casefold(), b.casefold()))


def _letters(text: str) -> int:
    return len(re.findall(r"[^\W\d_]", strip_tags(text)))


def has_words(text: str) -> bool:
    """Whether *text* holds anything to translate: a letter of any script, tags aside."""
    return _letters(text) > 0


def target_scripts(language_code: str) -> tuple[str, ...]:
    return _SCRIPTS.get(language_code.split("-")[0].lower(), ("latin",))


def _script_share(text: str, scripts: tuple[str, ...]) -> float | None:
    """Weighted share of *text*'s letters written in *scripts* (None: no letters)."""
    counts = script_counts(strip_tags(text))
    weights = {k: v * (3 if k in ("zh", "ja", "ko") else 1) for k, v in counts.items()}
    total = sum(weights.values())
    if not total:
        return None
    return sum(weights.get(s, 0) for s in scripts) / total


def _untranslated(source: str, text: str, target_lang: str,
                  source_lang: str | None) -> Flag | None:
    plain_source, plain_text = strip_tags(source).strip(), strip_tags(text).strip()
    if plain_text == plain_source and _letters(plain_source) >= 3:
        # One word or a name ("Python", "OK") may well stay as it is: review, don't fail.
        words = len(re.findall(r"[^\W\d_]{2,}", plain_source))
        return Flag("identical", IDENTICAL, blocking=words >= 2 or _WIDE.search(plain_source)
                    is not None)
    if len(plain_source) >= 20 and _similar(plain_source, plain_text) >= NEAR_IDENTICAL:
        return Flag("identical", NEAR_IDENTICAL_FLAG, blocking=True)
    scripts = target_scripts(target_lang)
    source_share = _script_share(source, scripts)
    share = _script_share(text, scripts)
    if share is None or source_share is None or _letters(text) < 4:
        return None
    if scripts != ("latin",):
        if share < MIN_SCRIPT_SHARE <= 1 - source_share:
            return Flag("untranslated", UNTRANSLATED, blocking=True)
        return None
    if source_share < 1 - MIN_SCRIPT_SHARE and share < MIN_SCRIPT_SHARE:
        return Flag("untranslated", UNTRANSLATED, blocking=True)  # e.g. Chinese left as is
    if source_lang and len(plain_text) >= 40:
        # Latin to Latin (en→de): only the common-word detector can tell.
        detected = detect_language(plain_text)
        wanted = target_lang.split("-")[0].lower()
        if detected and detected == source_lang.split("-")[0].lower() != wanted:
            return Flag("untranslated", UNTRANSLATED, blocking=True)
    return None


def check_translation(source: str, target: str, target_lang: str | None = None,
                      glossary: Glossary | None = None, *, source_lang: str | None = None,
                      instruction: str | None = None) -> list[Flag]:
    """Every finding about *target* as a translation of *source*, blocking ones first.

    *instruction* is the user's revision instruction, when checking a revision
    proposal: a model that answers with the instruction itself has not revised.
    """
    text = target.strip()
    if not text:
        return [Flag("empty", EMPTY, blocking=True)]
    flags: list[Flag] = []
    lowered = text.lower()
    echoed = any(echo in lowered for echo in _ECHO) and not any(
        e in source.lower() for e in _ECHO)
    if echoed or (instruction and _echoes(text, instruction)):
        flags.append(Flag("echo", ECHO, blocking=True))
    elif PREAMBLE.match(text) and not PREAMBLE.match(source):
        flags.append(Flag("preamble", PREAMBLE_FLAG, blocking=True))
    elif CHATTER.match(text) and not _CHATTER_SOURCE.search(source):
        flags.append(Flag("chatter", CHATTER_FLAG, blocking=True))
    if target_lang:
        found = _untranslated(source, text, target_lang, source_lang)
        if found is not None:
            flags.append(found)
    if ((_LOOP.search(text) and not _LOOP.search(source))
            or (_WORD_LOOP.search(text) and not _WORD_LOOP.search(source))):
        flags.append(Flag("loop", LOOP, blocking=True))
    if _numbers(source) != _numbers(text):
        flags.append(Flag("numbers", NUMBERS))
    if tag_names(source) or tag_names(text):
        flags += [Flag("tags", problem) for problem in validate_tags(source, text)]
    if glossary is not None:
        flags += [Flag("glossary", problem) for problem in glossary.violations(source, text)]
    if _weight(source.strip()) >= MIN_LENGTH_TO_JUDGE:
        ratio = _weight(text) / _weight(source.strip())
        if not MIN_RATIO <= ratio <= MAX_RATIO:
            flags.append(Flag("length", f"Suspicious length: {ratio:.1f}× the source."))
    return sorted(flags, key=lambda f: not f.blocking)


def _echoes(text: str, instruction: str) -> bool:
    said = instruction.strip().strip("。.!！")
    plain = text.strip().strip("。.!！")
    return bool(said) and (plain == said or (said in plain and len(plain) <= len(said) + 4))


def blocking(flags: list[Flag]) -> list[Flag]:
    return [f for f in flags if f.blocking]


def check_segment(source: str, target: str, target_lang: str | None = None,
                  glossary: Glossary | None = None) -> list[str]:
    """The messages of :func:`check_translation` (what is stored with a segment)."""
    return [f.message for f in check_translation(source, target, target_lang, glossary)]
