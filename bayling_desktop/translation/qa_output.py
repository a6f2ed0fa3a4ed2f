"""How small models fail to translate, recognised in their output.

Nothing, the source copied back, the text (or a few words of it) left in the source
language, a loop — a short one or a 40-word sentence said 25 times — an echo of the
instruction or of the system prompt, a preamble, a reply to the user. Each is judged
against the *source*: a source that repeats a clause four times may be translated with
the clause four times; a source that apologises may be translated with an apology.

Only :mod:`.qa` calls this module.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from difflib import SequenceMatcher
from importlib import resources

from ..documents.protect import without_spans
from ..documents.tags import strip_tags
from ..flags import Flag, quote_list
from .langdetect import detect_language, script_counts

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
    # "好的，以下是翻译后的中文：" on a line of its own
    r"|[^\n:：。]{0,16}(?:翻译|译文)[^\n:：。]{0,8}(?=[:：]\s*\n)"
    r")\s*[:：]\s*", re.IGNORECASE)
#: the model spoke to the user instead of translating: "好的，请提供您需要翻译的文本。",
#: "对不起，我无法协助完成这个请求。", "好的，我会将…翻译为中文。", "Sorry, I can't help."
CHATTER = re.compile(
    r"^\s*(?:(?:好的|当然|没问题|sure|ok(?:ay)?|certainly)\s*[,，!！.。]?\s*)?(?:"
    r"请(?:您)?(?:提供|给出|发送|告诉我)|您(?:需要|想要?)(?:我)?翻译|(?:很)?(?:对不起|抱歉)|"
    r"我(?:无法|不能|不太明白|没有理解)|我(?:会|将)(?:把|将|为您)?[^。\n]{0,20}翻译|"
    r"please (?:provide|send|give me)|could you (?:please )?(?:provide|clarify)|"
    r"i'?m sorry|sorry,? i|i (?:cannot|can'?t|am unable)|as an ai|"
    r"i will translate|i'?ll translate)", re.IGNORECASE)
#: words that make an apology or a request in the source itself (then its translation may too)
_CHATTER_SOURCE = re.compile(r"sorry|apolog|cannot|can't|unable|please|provide|translat|"
                             r"对不起|抱歉|无法|不能|请|翻译", re.IGNORECASE)
#: a CJK character carries roughly as much meaning as three Latin letters
_WIDE = re.compile(r"[\u1100-\u11ff\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")
_HAN_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]{2,}")
#: a Latin word; its edges are ASCII, so "至 least在" and "Wales的" hold a word too
_LATIN_WORD = re.compile(r"(?<![A-Za-z0-9_@./#-])[A-Za-z][a-z]{2,}(?:['’-][a-z]+)*"
                         r"(?![A-Za-z0-9_@/#-])")
#: weighted target/source length ratios outside these bounds are suspicious; above
#: RAN_ON the model has run on (a loop the shorter checks did not see)
MIN_RATIO, MAX_RATIO, RAN_ON = 0.3, 3.0, 4.0
#: sources shorter than this (weighted characters) are too short to judge length by
MIN_LENGTH_TO_JUDGE = 20
#: a translation with less than this share of the target's script is still untranslated
MIN_SCRIPT_SHARE = 0.25
#: similarity (0-100) above which a long translation is taken for the source copied back
NEAR_IDENTICAL = 92.0
#: the shortest stretch of a prompt (weighted characters) whose appearance is an echo
ECHO_MIN = 24
_SCRIPTS = {"zh": ("zh",), "ja": ("ja", "zh"), "ko": ("ko",), "ru": ("ru",), "uk": ("ru",),
            "bg": ("ru",), "sr": ("ru",), "kk": ("ru",), "mn": ("ru",), "ar": ("ar",),
            "fa": ("ar",), "ur": ("ar",), "ug": ("ar",), "he": ("he",), "el": ("el",),
            "th": ("th",), "hi": ("hi",), "mr": ("hi",), "ne": ("hi",)}


def weight(text: str) -> int:
    return len(text) + 2 * len(_WIDE.findall(text))


def letters(text: str) -> int:
    return len(re.findall(r"[^\W\d_]", strip_tags(text)))


def target_scripts(language_code: str) -> tuple[str, ...]:
    return _SCRIPTS.get(language_code.split("-")[0].lower(), ("latin",))


def _similar(a: str, b: str) -> float:
    from rapidfuzz import fuzz  # a C extension loaded on first use: start-up stays quick

    return float(fuzz.ratio(a.casefold(), b.casefold()))


def _script_share(text: str, scripts: tuple[str, ...]) -> float | None:
    """Weighted share of *text*'s letters written in *scripts* (None: no letters)."""
    counts = script_counts(strip_tags(text))
    weights = {k: v * (3 if k in ("zh", "ja", "ko") else 1) for k, v in counts.items()}
    total = sum(weights.values())
    if not total:
        return None
    return sum(weights.get(s, 0) for s in scripts) / total


def untranslated(source: str, text: str, target_lang: str, source_lang: str | None) -> Flag | None:
    plain_source, plain_text = strip_tags(source).strip(), strip_tags(text).strip()
    if plain_text == plain_source and letters(plain_source) >= 3:
        # One word or a name ("Python", "OK", "Yusuke Shinyama") may well stay as it is:
        # review, don't fail.
        words = len(re.findall(r"[^\W\d_]{2,}", plain_source))
        return Flag("identical", blocking=(words >= 2 and not name_only(plain_source))
                    or _WIDE.search(plain_source) is not None)
    if len(plain_source) >= 20 and _similar(plain_source, plain_text) >= NEAR_IDENTICAL:
        return Flag("near_identical", blocking=True)
    scripts = target_scripts(target_lang)
    # placeholders, URLs and code are no language: "%(filter_title)s" is not English
    source_share = _script_share(plain(source), scripts)
    share = _script_share(plain(text), scripts)
    if share is None or source_share is None or letters(plain(text)) < 4:
        return None
    if scripts != ("latin",):
        if share < MIN_SCRIPT_SHARE <= 1 - source_share:
            return Flag("untranslated", blocking=True)
        return None
    if source_share < 1 - MIN_SCRIPT_SHARE and share < MIN_SCRIPT_SHARE:
        return Flag("untranslated", blocking=True)  # e.g. Chinese left as is
    if source_lang and len(plain_text) >= 40:
        # Latin to Latin (en→de): only the common-word detector can tell.
        detected = detect_language(plain_text)
        wanted = target_lang.split("-")[0].lower()
        if detected and detected == source_lang.split("-")[0].lower() != wanted:
            return Flag("untranslated", blocking=True)
    return None


def plain(text: str) -> str:
    """*text* without tags and protected spans: only what a translator would translate."""
    return without_spans(strip_tags(text))


@functools.cache
def common_english() -> frozenset[str]:
    """Everyday English words (12,000 most frequent, without the brands and technical
    tokens translators keep): see ``scripts/make_common_words.py``."""
    words = resources.files("bayling_desktop") / "resources" / "common_words_en.txt"
    text = words.read_text(encoding="utf-8")
    return frozenset(text.split())


#: a unit that is only a name: two to four capitalised words ("Yusuke Shinyama",
#: "Satoshi Sekine"), an initial allowed ("Ada M. Lovelace")
_NAME_ONLY = re.compile(r"[A-Z][a-z]+(?:[ -](?:[A-Z]\.|[A-Z][a-z]+)){1,3}")


def name_only(text: str) -> bool:
    """*text* is a name and nothing else: capitalised words, one at least no everyday
    English word (so "New York University" or "Save Changes" are not)."""
    text = text.strip()
    return bool(_NAME_ONLY.fullmatch(text)) and any(
        word.casefold() not in common_english() for word in re.findall(r"[A-Za-z]{2,}", text))


def _title_case(text: str) -> bool:
    words = re.findall(r"[A-Za-z]{4,}", text)
    return len(words) >= 2 and sum(w[0].isupper() for w in words) >= 0.6 * len(words)


def residue(source: str, text: str, target_lang: str, allowed: Iterable[str] = ()) -> Flag | None:
    """Source-language words left inside a translation into another script: "他们 heal。",
    "此协议由英国和 Wales的法律 govern。", "保密 – 评审 Draft" — or Chinese left in an English
    translation.

    Names, acronyms, code, URLs, glossary terms and the technical words translators keep
    (Python, Linux, email) may stay: a Latin word counts when it is an everyday English
    word written in lower case, or capitalised where the source gives no sign of a name
    (a title-case heading, or the same word in lower case).
    """
    scripts = target_scripts(target_lang)
    plain_source, plain_text = plain(source), plain(text)
    allowed_words = {w.casefold() for term in allowed for w in re.findall(r"\w+", term)}
    if scripts == ("latin",):
        runs = [r for r in _HAN_RUN.findall(plain_text) if r in plain_source]
        return Flag("residue", {"words": quote_list(runs)}, blocking=True) if runs else None
    if not re.search(r"[A-Za-z]", plain_source):
        return None
    if letters(plain_text) == 0 or _script_share(plain_text, scripts) in (None, 0.0):
        return None  # wholly untranslated: the untranslated check speaks
    common = common_english()
    lowercase_in_source = {w.casefold() for w in _LATIN_WORD.findall(plain_source)
                           if w.islower()}
    title = _title_case(plain_source)
    left = _fragments(plain_source, plain_text, allowed_words)
    glued = [word for word, acronym in _GLUED_TO_ACRONYM.findall(plain_text)
             if word + acronym not in plain_source]  # getHTML in the source is a name
    for word in _LATIN_WORD.findall(plain_text) + glued:
        key = word.casefold()
        if key in allowed_words or key not in common:
            continue
        if word.islower() or (word[0].isupper() and word[1:].islower()
                              and (title or key in lowercase_in_source)):
            left.append(word)
    return Flag("residue", {"words": quote_list(left)}, blocking=True) if left else None


#: a lower-case word run into an acronym, "feasibleIE系统" (the model dropped a space
#: and kept the word): the word alone is what was left untranslated
_GLUED_TO_ACRONYM = re.compile(r"(?<![A-Za-z0-9_@./#-])([a-z]{3,})([A-Z]{2,})(?![a-z])")
#: the smallest piece of a source word that counts as a broken word
_MIN_FRAGMENT = 4


def _fragments(plain_source: str, plain_text: str, allowed: set[str]) -> list[str]:
    """Pieces of a source word the translation kept while translating the rest of it:
    "Preemptive" → "预emptive". A piece counts when it is no word of the source itself
    and sits inside or at the end of one (a word's start is often a name kept whole)."""
    source_words = {w.casefold() for w in re.findall(r"[A-Za-z]+", plain_source)}
    pieces = []
    for word in re.findall(r"[A-Za-z]+", plain_text):
        key = word.casefold()
        if len(key) < _MIN_FRAGMENT or key in source_words or key in allowed:
            continue
        if any(whole.find(key) > 0 for whole in source_words if len(whole) > len(key)):
            pieces.append(word)
    return pieces


_CLAUSE = re.compile(r"[^.!?。！？;；,，、\n]+")


def _normal(text: str) -> str:
    return re.sub(r"\W+", " ", text).strip().casefold()


def repetitions(text: str) -> tuple[int, str]:
    """How often *text*'s most repeated clause or stretch occurs, and that stretch.

    Clauses are counted wherever they stand ("Say it again. Say it again."); short
    stretches only where they follow each other ("的的的的", "the cat the cat the cat").
    """
    clauses = [c.strip() for c in _CLAUSE.findall(text)]
    counted = Counter(_normal(c) for c in clauses if weight(_normal(c)) >= 8)
    best = (1, "")
    if counted:
        top, count = counted.most_common(1)[0]
        best = (count, next(c for c in clauses if _normal(c) == top))
    for pattern in (_LOOP, _WORD_LOOP):
        for match in pattern.finditer(text):
            unit = match.group(1)
            count = len(re.findall(re.escape(unit), match.group(0), re.IGNORECASE))
            if count > best[0]:
                best = (count, unit)
    return best


def loop(source: str, text: str) -> Flag | None:
    """A loop — "的的的的", "the cat the cat the cat", one sentence said 25 times — judged
    against the source: a source that says a clause four times may be translated with
    it four times, not five."""
    count, stretch = repetitions(strip_tags(text))
    if count < 3 or count <= repetitions(strip_tags(source))[0]:
        return None
    if weight(stretch) >= 8:
        return Flag("loop_sentence", {"text": shorten(stretch.strip()), "count": count},
                    blocking=True)
    return Flag("loop", blocking=True)


def shorten(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "…"


def length(source: str, text: str) -> Flag | None:
    if weight(source.strip()) < MIN_LENGTH_TO_JUDGE:
        return None
    ratio = weight(text) / weight(source.strip())
    if ratio > RAN_ON:
        return Flag("too_long", {"ratio": f"{ratio:.1f}"}, blocking=True)
    if not MIN_RATIO <= ratio <= MAX_RATIO:
        return Flag("length", {"ratio": f"{ratio:.1f}"})
    return None


def _shared_stretch(a: str, b: str) -> str:
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    match = matcher.find_longest_match(0, len(a), 0, len(b))
    return a[match.a: match.a + match.size]


def echo(source: str, text: str, prompts: Sequence[str] = (),
         instruction: str | None = None) -> Flag | None:
    """The instruction or system prompt said back, in whole or in part."""
    lowered, source_lowered = text.lower(), source.lower()
    if any(e in lowered for e in _ECHO) and not any(e in source_lowered for e in _ECHO):
        return Flag("echo", blocking=True)
    for prompt in prompts:
        stretch = _shared_stretch(prompt.lower(), lowered).strip()
        if weight(stretch) >= ECHO_MIN and stretch not in source_lowered:
            return Flag("echo_system", blocking=True)
    if instruction:
        said = instruction.strip().strip("。.!！").lower()
        plain = text.strip().strip("。.!！").lower()
        if said and (plain == said or (said in plain and said not in source_lowered)):
            return Flag("echo", blocking=True)
    return None


def preamble_or_chatter(source: str, text: str) -> Flag | None:
    if PREAMBLE.match(text) and not PREAMBLE.match(source):
        return Flag("preamble", blocking=True)
    if CHATTER.match(text) and not _CHATTER_SOURCE.search(source):
        return Flag("chatter", blocking=True)
    return None
