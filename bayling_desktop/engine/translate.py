"""One translation request, done right for small local models.

The paper's instruction goes in; what comes out is cleaned of the habits small
models have (a "Here is the translation:" preamble, wrapping quotes) and capped in
length relative to the source so a looping model cannot run for minutes.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from ..languages import Language
from .backend import Backend, CancelToken, GenerationParams, GenerationStats
from .prompts import translation_messages

_PREAMBLE = re.compile(
    r"^\s*(?:(?:sure|certainly|of course)[,!.]?\s*)?"
    r"(?:here(?:'s| is) (?:the |a |my )?(?:\w+ )?translation(?: of [^:\n]*)?|"
    r"(?:the )?(?:\w+ )?translation(?: is)?|译文|翻译(?:结果|如下)?)\s*[:：]\s*",
    re.IGNORECASE)
_QUOTES = (('"', '"'), ("“", "”"), ("「", "」"), ("『", "』"), ("'", "'"))


@dataclass
class TranslationResult:
    text: str
    stats: GenerationStats


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
    from .backend import Message

    source_tokens = backend.count_tokens([Message("user", source)])
    return max(32, min(ceiling, 3 * source_tokens + 32))


def translate_text(backend: Backend, text: str, target: Language, source: Language | None = None,
                   terms: Sequence[str] = (), *, temperature: float = 0.0,
                   max_tokens: int = 1024, cancel: CancelToken | None = None,
                   on_piece: Callable[[str], None] | None = None) -> TranslationResult:
    messages = translation_messages(text, target, source, terms)
    params = GenerationParams(temperature=temperature, top_p=1.0, seed=0,
                              max_tokens=reply_budget(backend, text, max_tokens))
    completion = backend.stream(messages, params, cancel)
    raw = completion.run(on_piece)
    assert completion.stats is not None
    return TranslationResult(clean_translation(raw, text), completion.stats)
