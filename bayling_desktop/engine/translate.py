"""One translation request, done right for small local models.

The paper's instruction goes in; what comes out is cleaned of the habits small
models have (a "Here is the translation:" preamble, wrapping quotes) and capped in
length relative to the source so a looping model cannot run for minutes.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from ..languages import Language
from .backend import Backend, CancelToken, GenerationParams, GenerationStats, Message
from .prompts import translation_messages

_PREAMBLE = re.compile(
    r"^\s*(?:(?:sure|certainly|of course)[,!.]?\s*)?"
    r"(?:here(?:'s| is) (?:the |a |my )?(?:\w+ )?translation(?: of [^:\n]*)?|"
    r"(?:the )?(?:\w+ )?translation(?: is)?|译文|翻译(?:结果|如下)?)\s*[:：]\s*",
    re.IGNORECASE)
_QUOTES = (('"', '"'), ("“", "”"), ("「", "」"), ("『", "』"), ("'", "'"))


STRICT_TAGS = ("\nKeep every tag such as <1>, </1> and <x2/> exactly as it is, around the "
               "words it marks.")


@dataclass
class TranslationResult:
    text: str
    stats: GenerationStats
    #: what could not be kept intact (broken formatting tags, lost placeholders)
    problems: list[str] = field(default_factory=list)


def clean_translation(output: str, source: str) -> str:
    """Strip a preamble and quotes the model added (but not ones the source had)."""
    text = output.strip()
    if not _PREAMBLE.match(source):
        text = _PREAMBLE.sub("", text, count=1).strip()
    for opening, closing in _QUOTES:
        if (len(text) >= 2 and text.startswith(opening) and text.endswith(closing)
                and not source.strip().startswith(opening)):
            text = text[len(opening): len(text) - len(closing)].strip()
            break
    return text


def reply_budget(backend: Backend, source: str, ceiling: int) -> int:
    """New tokens allowed for translating *source*: generous, but proportional."""
    source_tokens = backend.count_tokens([Message("user", source)])
    return max(32, min(ceiling, 3 * source_tokens + 32))


#: tokens of neighbouring segments a translation request may carry as context
CONTEXT_BUDGET = 300

_last_detected: list[str] = []


def _with_context(backend: Backend, messages: list[Message],
                  context: Sequence[tuple[str, str]], target: Language,
                  source: Language | None, budget: int) -> list[Message]:
    """Prepend the newest neighbouring (source, translation) pairs that fit *budget*."""
    if not context or budget <= 0:
        return messages
    base = backend.count_tokens(messages)
    turns: list[Message] = []
    for earlier_source, earlier_target in reversed(context):
        if not earlier_target.strip():
            continue
        pair = [*translation_messages(earlier_source, target, source),
                Message("assistant", earlier_target)]
        if backend.count_tokens([*pair, *turns, *messages]) - base > budget:
            break
        turns = pair + turns
    return [*turns, *messages]


def _detect(text: str) -> Language | None:
    """The source language when the user did not say: detected, or the last one seen."""
    from ..languages import resolve
    from ..translation.langdetect import detect_language

    code = detect_language(text, fallback=_last_detected[-1] if _last_detected else None)
    if code is None:
        return None
    _last_detected[:] = [code]
    return resolve(code)


def translate_text(backend: Backend, text: str, target: Language, source: Language | None = None,
                   terms: Sequence[str] = (), *, temperature: float = 0.0,
                   max_tokens: int = 1024, cancel: CancelToken | None = None,
                   on_piece: Callable[[str], None] | None = None,
                   context: Sequence[tuple[str, str]] = (),
                   context_budget: int = CONTEXT_BUDGET) -> TranslationResult:
    """Translate one unit; protected spans and formatting tags come back intact or flagged.

    *context* holds the (source, translation) pairs just before this unit; as many of the
    newest as fit *context_budget* tokens go in as earlier turns of the conversation, so
    terms and pronouns stay consistent (and the shared prefix stays in the KV cache).
    """
    from ..documents.protect import protect, restore
    from ..documents.tags import repair_tags, tag_names, validate_tags

    if source is None:
        source = _detect(text)
    protected, spans = protect(text)
    params = GenerationParams(temperature=temperature, top_p=1.0, seed=0,
                              max_tokens=reply_budget(backend, protected, max_tokens))
    messages = _with_context(backend, translation_messages(protected, target, source, terms),
                             context, target, source, context_budget)
    completion = backend.stream(messages, params, cancel)
    output = clean_translation(completion.run(on_piece), protected)
    assert completion.stats is not None
    stats = completion.stats
    problems = validate_tags(protected, output) if tag_names(protected) else []
    if problems:
        # Cheap first: misspelled or stray tags can be fixed without asking again.
        repaired = repair_tags(protected, output)
        if repaired is not None:
            output, problems = repaired, validate_tags(protected, repaired)
    if problems and stats.stop_reason != "cancelled":
        # One retry with an explicit instruction about the tags (issue 3: retry once).
        strict = [*messages[:-1], Message("user", messages[-1].content + STRICT_TAGS)]
        retry = backend.stream(strict, params, cancel)
        second = clean_translation(retry.run(), protected)
        second = repair_tags(protected, second) or second
        again = validate_tags(protected, second)
        if len(again) < len(problems) or not again:
            output, problems = second, again
            stats = retry.stats or stats
    restored, lost = restore(output, spans)
    problems += [f"The model dropped {span!r}; it was put back at the end." for span in lost]
    return TranslationResult(restored, stats, problems)
