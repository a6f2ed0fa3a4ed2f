"""THE verifier: the one place that decides whether a translation can be trusted.

Every path that puts a translation into a project — the pipeline, the memory, a
revision, *Accept all*, a person's edit — calls :func:`check_translation`, which returns
:class:`~bayling_desktop.flags.Flag`\\ s (codes with arguments, rendered by each front
end). Two kinds of finding:

- **What must survive** (:mod:`.qa_invariants`): protected spans — placeholders of every
  common syntax, URLs, code, template directives, markup in strings — present *and in
  place*, inline tags, numbers, edge whitespace, lines.
- **How models fail** (:mod:`.qa_output`): empty, copied, untranslated or partly left in
  the source language, loops short and long, run-on output, echoes of the instruction
  or the system prompt, preambles, replies to the user.
- **Meaning lost, structure intact** (:mod:`.qa_meaning`): nothing but placeholders back,
  a question answered, a negation dropped, markup invented, a sentence missing.

*Blocking* flags mean "this is not a usable translation": the request layer repairs the
unit with other candidates and, when none passes, the unit keeps its source and is
named. The others mark a draft for review. Either way a flagged unit feeds neither later
requests nor the memory.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..documents.tags import strip_tags
from ..flags import Flag, blocking
from ..languages import primary_subtag
from . import qa_invariants as invariants
from . import qa_meaning as meaning
from . import qa_output as output
from .glossary import Glossary
from .qa_output import PREAMBLE

__all__ = ["PREAMBLE", "Flag", "blocking", "check_translation", "has_words", "subtitle_flags"]


def has_words(text: str) -> bool:
    """Whether *text* holds anything to translate: a letter of any script, tags aside."""
    return output.letters(text) > 0


def _glossary_flags(glossary: Glossary, source: str, target: str) -> list[Flag]:
    return [Flag("glossary", {"source": t.source, "target": t.target})
            for t in glossary.missing(source, target)]


def check_translation(source: str, target: str, target_lang: str | None = None,
                      glossary: Glossary | None = None, *, source_lang: str | None = None,
                      instruction: str | None = None, prompts: Sequence[str] = (),
                      seconds: float | None = None) -> list[Flag]:
    """Every finding about *target* as a translation of *source*, blocking ones first.

    *instruction* is the user's revision instruction when checking a revision proposal
    (a proposal that contains it has not revised); *prompts* are the system prompt and
    instruction the model was sent (an answer that says them back is no translation);
    *seconds* is a subtitle cue's duration (reading speed and line length are checked
    by the target language's norms).
    """
    text = target.strip()
    if not text:
        return [Flag("empty", blocking=True)]
    flags: list[Flag] = []
    said = output.echo(source, text, prompts, instruction) or output.preamble_or_chatter(
        source, text)
    if said is not None:
        flags.append(said)
    if target_lang:
        found = output.untranslated(source, text, target_lang, source_lang)
        if found is None and (source_lang is None or primary_subtag(source_lang)
                               != primary_subtag(target_lang)):
            terms = [t for pair in (glossary.pairs() if glossary else []) for t in pair]
            found = output.residue(source, text, target_lang, terms)
        if found is not None:
            flags.append(found)
    judged = [output.loop(source, text), output.length(source, text),
              meaning.nothing_translated(source, text), meaning.question_answered(source, text),
              meaning.markup_added(source, text)]
    if target_lang:
        judged += [meaning.negation_lost(source, text, target_lang, source_lang),
                   meaning.sentences_missing(source, text, target_lang),
                   meaning.names_rendered(source, text, target_lang)]
    flags += [flag for flag in judged if flag is not None]
    flags += invariants.span_flags(source, target)
    flags += invariants.tag_flags(source, target)
    flags += invariants.number_flags(source, target)
    flags += invariants.quote_flags(source, target)
    flags += invariants.whitespace_flags(source, target)
    flags += invariants.line_flags(source, target)
    if glossary is not None:
        flags += _glossary_flags(glossary, source, target)
    if seconds is not None and target_lang:
        flags += subtitle_flags(target, seconds, target_lang)
    return sorted(flags, key=lambda f: not f.blocking)


# -- subtitles: reading speed and line length, by the target's norms -----------------------

#: (characters per second, characters per line) for adult programmes, after the published
#: timed-text style guides (Netflix): Latin-script languages 17 cps / 42 per line; Chinese
#: 9 / 16; Japanese 4 / 13; Korean 12 / 16 — CJK limits count every character.
SUBTITLE_NORMS: dict[str, tuple[float, int]] = {
    "zh": (9.0, 16), "ja": (4.0, 13), "ko": (12.0, 16), "th": (15.0, 35), "ar": (17.0, 42),
    "he": (17.0, 42), "ru": (17.0, 42)}
DEFAULT_SUBTITLE_NORM = (17.0, 42)


def subtitle_norm(target_lang: str) -> tuple[float, int]:
    return SUBTITLE_NORMS.get(primary_subtag(target_lang), DEFAULT_SUBTITLE_NORM)


def subtitle_flags(target: str, seconds: float, target_lang: str) -> list[Flag]:
    """A cue's translation read too fast or set in too long a line for its language."""
    text = strip_tags(target).strip()
    if not text:
        return []
    max_cps, max_cpl = subtitle_norm(target_lang)
    lines = [re.sub(r"\s+", " ", line.strip()) for line in text.splitlines()]
    characters = sum(len(line) for line in lines)
    flags: list[Flag] = []
    cps = characters / max(seconds, 0.001)
    if cps > max_cps:
        flags.append(Flag("reading_speed", {"cps": f"{cps:.0f}", "limit": f"{max_cps:.0f}"}))
    for number, line in enumerate(lines, 1):
        if len(line) > max_cpl:
            flags.append(Flag("line_length", {"line": number, "chars": len(line),
                                              "limit": max_cpl}))
    return flags
