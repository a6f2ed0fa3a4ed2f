"""One unit's translation request: protect, prompt via the profile, generate, clean, check, retry.

Protected spans (code, URLs, placeholders) never reach the model; inline tags are
checked and mechanically repaired, with one stricter request when that fails. Every
answer goes through :mod:`.qa`; an answer that is not a translation (empty, echoed,
left in the source language, a preamble, a loop) is asked again with the profile's
next phrasing — without the neighbouring context, which may be what misled the model
— and when every phrasing fails the unit is reported failed with the reason. The
caller never gets a bad answer dressed up as a draft.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from ..documents.protect import protect, restore
from ..documents.tags import repair_tags, tag_names, validate_tags
from ..engine.backend import Backend, CancelToken, GenerationStats, Message
from ..errors import ContextOverflowError
from ..languages import Language
from .glossary import Glossary
from .profiles import Profile, Terms
from .qa import FORMATTING_LOST, LOOP, PREAMBLE, Flag, blocking, check_translation

_QUOTES = (('"', '"'), ("“", "”"), ("「", "」"), ("『", "』"), ("'", "'"), ("《", "》"))
STRICT_TAGS = ("\nKeep every tag such as <1>, </1> and <x2/> exactly as it is, around the "
               "words it marks.")


def clean_translation(output: str, source: str) -> str:
    """Strip a preamble or meta-answer and the quotes the model added (not the source's).

    "更正式的翻译是：“你好”" becomes "你好"; a source that itself starts like a
    preamble keeps its words.
    """
    text = output.strip()
    if not PREAMBLE.match(source):
        stripped = PREAMBLE.sub("", text, count=1).strip()
        if stripped:
            text = stripped
    for opening, closing in _QUOTES:
        if (len(text) >= 2 and text.startswith(opening) and text.endswith(closing)
                and not source.strip().startswith(opening)
                and text.count(closing) == 1 + (opening == closing)):
            text = text[len(opening): len(text) - len(closing)].strip()
            break
    return text


def reply_budget(backend: Backend, source: str, ceiling: int) -> int:
    """New tokens allowed for translating *source*: generous, but proportional.

    A looping model then stops after a few times the source's length, not 1,024 tokens.
    """
    source_tokens = backend.count_tokens([Message("user", source)])
    return max(32, min(ceiling, 3 * source_tokens + 32))


@dataclass
class UnitOutcome:
    """What came of translating one unit (text is "" when it failed)."""

    text: str
    flags: list[Flag]
    ok: bool
    cancelled: bool = False
    attempts: int = 0
    evaluated_prompt_tokens: int = 0
    completion_tokens: int = 0
    generation_seconds: float = 0.0
    #: the user turn(s) and the protected reply of the answer that was kept, which
    #: the context window appends so the next request extends this one in the cache
    turn: list[Message] = field(default_factory=list)
    reply: str = ""

    def add(self, stats: GenerationStats | None) -> None:
        if stats is not None:
            self.evaluated_prompt_tokens += stats.evaluated_prompt_tokens
            self.completion_tokens += stats.completion_tokens
            self.generation_seconds += stats.generation_seconds


@dataclass
class UnitRequest:
    text: str
    target: Language
    source: Language | None = None
    terms: Terms = ()
    #: earlier turns (neighbouring segments) to put before the request, first attempt only
    context: Sequence[Message] = ()
    glossary: Glossary | None = None
    max_tokens: int = 512


def _run(backend: Backend, messages: list[Message], profile: Profile, budget: int,
         attempt: int, cancel: CancelToken, on_piece: Callable[[str], None] | None,
         outcome: UnitOutcome) -> tuple[str, GenerationStats]:
    completion = backend.stream(messages, profile.params(budget, attempt), cancel)
    try:
        raw = completion.run(on_piece)
    finally:
        completion.close()
    outcome.attempts += 1
    outcome.add(completion.stats)
    return raw, completion.stats or GenerationStats()


def _fix_tags(backend: Backend, messages: list[Message], profile: Profile, budget: int,
              protected: str, output: str, cancel: CancelToken,
              outcome: UnitOutcome) -> tuple[str, bool]:
    """(output with valid tags if at all possible, whether they are valid)."""
    if not tag_names(protected) or not validate_tags(protected, output):
        return output, True
    repaired = repair_tags(protected, output)
    if repaired is not None:
        return repaired, True
    wrapped = _rewrap(protected, output)
    if wrapped is not None:
        return wrapped, True
    if messages[0].role == "system":
        # The user turn is text to translate: an instruction appended there would be
        # translated too. Say it where the instructions are.
        strict = [Message("system", messages[0].content + STRICT_TAGS), *messages[1:]]
    else:
        strict = [*messages[:-1], Message("user", messages[-1].content + STRICT_TAGS)]
    raw, stats = _run(backend, strict, profile, budget, 0, cancel, None, outcome)
    if stats.stop_reason == "cancelled":
        return output, False
    second = clean_translation(raw, protected)
    second = repair_tags(protected, second) or second
    if not validate_tags(protected, second):
        return second, True
    return output, False


_OUTER = re.compile(r"^((?:<\d+>)+)(.*?)((?:</\d+>)+)$", re.S)


def _rewrap(source: str, output: str) -> str | None:
    """A unit that is wholly one link or emphasis ("<1>Intro</1>") whose translation came
    back with no tags at all gets its outer tags around the translation again."""
    match = _OUTER.match(source.strip())
    if match is None or tag_names(output) or tag_names(match.group(2)):
        return None
    opening, closing = match.group(1), match.group(3)
    inner = output.strip()
    if inner.startswith(("<", "＜")) and inner.endswith((">", "＞")) and len(inner) > 2:
        inner = inner[1:-1].strip()  # "<1>Intro</1>" → "<介绍>": the model kept the brackets
    output = inner
    if [f"</{n}>" for n in reversed(re.findall(r"\d+", opening))] != re.findall(r"</\d+>",
                                                                               closing):
        return None
    candidate = opening + output.strip() + closing
    return candidate if not validate_tags(source, candidate) else None


def translate_unit(backend: Backend, profile: Profile, request: UnitRequest, *,
                   cancel: CancelToken | None = None,
                   on_piece: Callable[[str], None] | None = None,
                   on_retry: Callable[[int], None] | None = None) -> UnitOutcome:
    """Translate one unit, trying the profile's phrasings until one passes the checks.

    *on_retry* is told the attempt number before each retry, so a view that streamed
    the failed answer can clear it.
    """
    cancel = cancel or CancelToken()
    protected, spans = protect(request.text)
    budget = reply_budget(backend, protected, request.max_tokens)
    outcome = UnitOutcome("", [], ok=False)
    best: tuple[int, str, list[Flag]] | None = None
    source_code = request.source.code if request.source else None
    for attempt in range(profile.attempts):
        if attempt and on_retry is not None:
            on_retry(attempt)
        prompt = profile.translation_messages(protected, request.target, request.source,
                                              request.terms, attempt)
        system = [m for m in prompt if m.role == "system"]
        turn = [m for m in prompt if m.role != "system"]
        context = list(request.context) if attempt == 0 and profile.context_turns else []
        messages = [*system, *context, *turn]
        try:
            raw, stats = _run(backend, messages, profile, budget, attempt, cancel, on_piece,
                              outcome)
        except ContextOverflowError as exc:
            # Deterministic: another phrasing would not fit either. Other errors (the
            # model or server broke) are not about this unit and end the run.
            outcome.cancelled = cancel.cancelled
            outcome.flags = [Flag("too-long", str(exc), blocking=True)]
            return outcome
        if cancel.cancelled or stats.stop_reason == "cancelled":
            outcome.cancelled = True
            return outcome
        output = clean_translation(profile.clean_output(raw), protected)
        output, tags_ok = _fix_tags(backend, messages, profile, budget, protected, output,
                                    cancel, outcome)
        restored, lost = restore(output, spans)
        flags = check_translation(request.text, restored, request.target.code,
                                  request.glossary, source_lang=source_code)
        if stats.stop_reason == "repetition" and not any(f.code == "loop" for f in flags):
            flags.insert(0, Flag("loop", LOOP, blocking=True))
        if not tags_ok:
            flags.append(Flag("formatting", FORMATTING_LOST))
        flags += [Flag("placeholder", f"The model dropped {span!r}; it was put back at the end.")
                  for span in lost]
        if not blocking(flags):
            outcome.text, outcome.flags, outcome.ok = restored, flags, True
            outcome.turn, outcome.reply = turn, output
            return outcome
        if best is None or len(blocking(flags)) < best[0]:
            best = (len(blocking(flags)), restored, flags)
    if best is not None:
        outcome.flags = best[2]
    return outcome

