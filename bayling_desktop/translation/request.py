"""One unit's translation request: protect, prompt via the profile, generate, check, repair.

Protected spans (code, URLs, placeholders, markup) never reach the model; inline tags
are checked and mechanically repaired, with one stricter request when that fails.
Every answer goes through :mod:`.qa`. An answer with a *blocking* flag (a placeholder
lost or moved, a loop, an echo, words left in the source language…) is **repaired**:
several candidates are decoded together on the parallel engine — sampled answers to the
same prompt (its prefix is reused from the KV cache) and the profile's other phrasings,
without the neighbouring context that may have misled the model — and the first that
passes every check is kept. Only when none does is the unit reported failed, with the
precise reason. The caller never gets a bad answer dressed up as a draft.

Exact, deterministic fixes are made without asking: the source's leading and trailing
whitespace is put back, bent tag spellings are normalised, and a unit that is wholly one
link or emphasis gets its outer tags back around a translation that lost them.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace

from ..documents.protect import protect, restore
from ..documents.tags import repair_tags, tag_names, validate_tags
from ..engine.backend import (
    Backend,
    CancelToken,
    Completion,
    GenerationParams,
    GenerationStats,
    Message,
)
from ..errors import ContextOverflowError
from ..flags import Flag, blocking
from ..languages import Language, primary_subtag
from .consensus import most_agreed
from .glossary import Glossary
from .profiles import Profile, Terms
from .qa import PREAMBLE, check_translation
from .qa_invariants import edge_whitespace

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
    #: the first answer failed a blocking check and a repair candidate passed
    repaired: bool = False

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
    #: what the file says about the unit (PO msgctxt and comments, XLIFF notes): told to
    #: the model as context — "Mar" the month, not the horse — never translated
    note: str = ""
    #: a subtitle cue's duration in seconds (its reading speed is checked)
    seconds: float | None = None


NOTE_EN = "Context for the translator (do not translate it): {note}\n\n"
NOTE_ZH = "给译者的背景说明（不要翻译这段说明）：{note}\n\n"


def _with_note(turn: list[Message], note: str, target: Language) -> list[Message]:
    """The unit's note before the text, in the last user turn (every profile has one)."""
    if not note.strip() or not turn:
        return turn
    template = NOTE_ZH if primary_subtag(target.code) == "zh" else NOTE_EN
    last = turn[-1]
    return [*turn[:-1], Message(last.role, template.format(note=" ".join(note.split()))
                                + last.content)]


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


def _mend_tags(protected: str, output: str) -> str:
    """*output* with its tags mended where that is exact: bent spellings normalised,
    invented tags dropped, and the outer tags of a unit that is wholly one link or
    emphasis put back around a translation that lost them. Anything else is left for
    the verifier to name and a repair candidate to get right."""
    if not tag_names(protected) or not validate_tags(protected, output):
        return output
    repaired = repair_tags(protected, output)
    if repaired is not None:
        return repaired
    return _rewrap(protected, output) or output


def _strict(candidate: _Candidate) -> _Candidate:
    """The first prompt with the tag instruction added where instructions are: the user
    turn is text to translate (an instruction appended there would be translated too)."""
    messages = candidate.messages
    if messages[0].role == "system":
        strict = [Message("system", messages[0].content + STRICT_TAGS), *messages[1:]]
    else:
        strict = [*messages[:-1], Message("user", messages[-1].content + STRICT_TAGS)]
    return _Candidate(strict, candidate.turn, candidate.params)


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


#: sampled answers to the first prompt decoded together when the first answer fails
REPAIR_SAMPLES = 3
#: the verifier's codes for inline tags lost, invented or moved: when no candidate keeps
#: them, the text still goes in (the export salvages the tags and names each loss)
FORMATTING = frozenset({"tag_missing", "tag_extra", "tag_broken", "tag_repeated", "tag_moved",
                        "tag_empty"})
REPAIR_TEMPERATURE = 0.7


@dataclass
class _Candidate:
    messages: list[Message]
    #: the user turn(s) a context window would append if this answer is kept
    turn: list[Message]
    params: GenerationParams


@dataclass
class _Judged:
    text: str
    reply: str
    flags: list[Flag]


def _candidate(profile: Profile, request: UnitRequest, protected: str, budget: int,
               attempt: int, with_context: bool) -> _Candidate:
    prompt = profile.translation_messages(protected, request.target, request.source,
                                          request.terms, attempt)
    system = [m for m in prompt if m.role == "system"]
    turn = _with_note([m for m in prompt if m.role != "system"], request.note, request.target)
    context = list(request.context) if with_context and profile.context_turns else []
    return _Candidate([*system, *context, *turn], turn, profile.params(budget, attempt))


def _prompt_texts(candidate: _Candidate, protected: str) -> list[str]:
    """What the model was told (system prompt, instruction without the text): an answer
    that says any long stretch of it back is an echo, not a translation."""
    said = [m.content for m in candidate.messages if m.role == "system"]
    said += [m.content.replace(protected, "\n") for m in candidate.turn]
    return said


def _with_edges(source: str, text: str) -> str:
    """The translation with exactly the source's leading and trailing whitespace (an
    exact repair: msgfmt rejects a msgstr whose edge newlines differ from the msgid's)."""
    lead, trail = edge_whitespace(source)
    core = text.strip()
    return lead + core + trail if core else text


def _judge(profile: Profile, request: UnitRequest, candidate: _Candidate, protected: str,
           spans: dict[str, str], raw: str, stats: GenerationStats) -> _Judged:
    output = _mend_tags(protected, clean_translation(profile.clean_output(raw), protected))
    restored, _lost = restore(output, spans)  # what was lost, the verifier names
    restored = _with_edges(request.text, restored)
    flags = check_translation(request.text, restored, request.target.code, request.glossary,
                              source_lang=request.source.code if request.source else None,
                              prompts=_prompt_texts(candidate, protected),
                              seconds=request.seconds)
    if stats.stop_reason == "repetition" and not any(f.code.startswith("loop") for f in flags):
        flags.insert(0, Flag("loop", blocking=True))
    if stats.stop_reason == "length" and not blocking(flags):
        flags.insert(0, Flag("truncated", blocking=True))
    return _Judged(restored, output, flags)


def _decode_together(backend: Backend, candidates: list[_Candidate], cancel: CancelToken,
                     outcome: UnitOutcome) -> list[tuple[str, GenerationStats] | None]:
    """Run every candidate at once (the engine batches them); None for one cancelled.

    The requests are all made here, in order, before any is drained, so a backend sees
    them in candidate order; each is then drained on its own thread.
    """
    completions: list[Completion] = [backend.stream(c.messages, c.params, cancel)
                                     for c in candidates]
    results: list[tuple[str, GenerationStats] | None] = [None] * len(candidates)
    errors: list[BaseException] = []

    def drain(index: int) -> None:
        completion = completions[index]
        try:
            text = completion.run()
            results[index] = (text, completion.stats or GenerationStats())
        except BaseException as exc:  # re-raised on the caller's thread
            errors.append(exc)
        finally:
            completion.close()

    threads = [threading.Thread(target=drain, args=(n,), daemon=True,
                                name=f"repair-candidate-{n}") for n in range(len(candidates))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    for result in results:
        outcome.attempts += 1
        if result is not None:
            outcome.add(result[1])
    if errors:
        raise errors[0]
    return results


def translate_unit(backend: Backend, profile: Profile, request: UnitRequest, *,
                   cancel: CancelToken | None = None,
                   on_piece: Callable[[str], None] | None = None,
                   on_retry: Callable[[int], None] | None = None,
                   repair: bool = True) -> UnitOutcome:
    """Translate one unit: the profile's first phrasing, then — when that answer fails a
    blocking check — a round of repair candidates decoded together, and of those that
    pass, the one the others agree with most (:mod:`.consensus`).

    *on_retry* is told before the repair round, so a view that streamed the failed
    answer can clear it. *repair* False stops after the first answer (the benchmark's
    baseline).
    """
    cancel = cancel or CancelToken()
    protected, spans = protect(request.text)
    protected = protected.strip()  # the edges go back exactly as they were (_with_edges)
    budget = reply_budget(backend, protected, request.max_tokens)
    outcome = UnitOutcome("", [], ok=False)
    first = _candidate(profile, request, protected, budget, 0, with_context=True)
    try:
        raw, stats = _run(backend, first.messages, profile, budget, 0, cancel, on_piece,
                          outcome)
    except ContextOverflowError:
        # Deterministic: another phrasing would not fit either. Other errors (the
        # model or server broke) are not about this unit and end the run.
        outcome.cancelled = cancel.cancelled
        outcome.flags = [Flag("too_long_context", blocking=True)]
        return outcome
    if cancel.cancelled or stats.stop_reason == "cancelled":
        outcome.cancelled = True
        return outcome
    judged = _judge(profile, request, first, protected, spans, raw, stats)
    if not blocking(judged.flags):
        return _accept(outcome, judged, first)
    outcome.flags = judged.flags
    if not repair:
        return outcome
    if on_retry is not None:
        on_retry(1)
    candidates = [replace(first, params=replace(first.params, temperature=max(
        REPAIR_TEMPERATURE, first.params.temperature), seed=1 + n))
        for n in range(REPAIR_SAMPLES)]
    if any(f.code.startswith("tag_") for f in blocking(judged.flags)):
        candidates.append(_strict(first))
    candidates += [_candidate(profile, request, protected, budget, attempt, with_context=False)
                   for attempt in range(1, profile.attempts)]
    group = cancel.child()
    try:
        results = _decode_together(backend, candidates, group, outcome)
    except ContextOverflowError:
        return outcome
    if cancel.cancelled:
        outcome.cancelled = True
        return outcome
    best = judged
    tried: list[tuple[_Candidate, _Judged]] = []
    for candidate, result in zip(candidates, results, strict=True):
        if result is None or result[1].stop_reason == "cancelled":
            continue
        tried.append((candidate, _judge(profile, request, candidate, protected, spans, *result)))
        if len(blocking(tried[-1][1].flags)) < len(blocking(best.flags)):
            best = tried[-1][1]
    passing = [n for n, (_c, j) in enumerate(tried) if not blocking(j.flags)]
    if passing:
        # Of the candidates that pass, the fewest findings, then the one the others agree
        # with most: an omission passes the checks but is the odd one out.
        fewest = min(len(tried[n][1].flags) for n in passing)
        passing = [n for n in passing if len(tried[n][1].flags) == fewest]
        texts = [judged.text] + [j.text for _c, j in tried]
        chosen = most_agreed(texts, [n + 1 for n in passing]) - 1
        outcome.repaired = True
        return _accept(outcome, tried[chosen][1], tried[chosen][0])
    if blocking(best.flags) and all(f.code in FORMATTING for f in blocking(best.flags)):
        # Every candidate is a translation that only lost inline formatting: it goes in as
        # a draft for review, and the format's export keeps every tag it can and names
        # precisely what could not be kept (a link by its URL, an image, a field).
        outcome.repaired = best is not judged
        return _accept(outcome, _Judged(best.text, best.reply, [
            Flag(f.code, f.args, blocking=False) if f.code in FORMATTING else f
            for f in best.flags]), first)
    outcome.flags = best.flags
    return outcome


def _accept(outcome: UnitOutcome, judged: _Judged, candidate: _Candidate) -> UnitOutcome:
    outcome.text, outcome.flags, outcome.ok = judged.text, judged.flags, True
    outcome.turn, outcome.reply = candidate.turn, judged.reply
    return outcome
