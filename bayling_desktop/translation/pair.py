"""A document's language pair: chosen once by one rule, checked once by one check.

The CLI, the GUI and the pipeline used to each decide the pair and refuse a
same-language run in their own way, and the copies drifted (the GUI checked the pair
only when the source was picked by hand, so a Chinese text "translated" into Chinese
ran). :func:`choose_pair` is the rule, :func:`check_pair` the check; the
:class:`~.session.DocumentSession` applies both for every front end.

The rule, per document:

* source: what the user said (``--from``, the picker) > what the document's project
  remembers > the file's header (PO ``X-Source-Language``, XLIFF ``srcLang``) >
  detected from the text > the user's usual source language (a text too short to tell);
* target: what the user said (``--to``, the picker) > the project's > the header's
  (PO ``Language:``, XLIFF ``trgLang``) unless it is the source language itself >
  the user's preferred target, unless that is the source language, in which case the
  most recent target used that is not (a Chinese text with "Chinese" as preferred
  target opens in the pair the user last translated Chinese into).

Two codes name the same language when they resolve to the same entry of the language
table (``en`` and ``en-US``, ``zh`` and ``Chinese``); ``zh`` → ``zh-TW`` is a real
conversion and allowed. Detection only tells base languages apart (``zh``, ``ru``), so
the defaults keep clear of the whole base language, while the refusal refuses only
what is certain.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..errors import BaylingError
from ..languages import Language, primary_subtag, resolve
from ..sentences import Sentence
from .events import PipelineError

#: the source picker's value for "detect the language"
AUTO = "auto"


class LanguagePairError(PipelineError):
    """The source and the target are the same language."""


def _language(code: str | None) -> Language | None:
    if not code or code == AUTO:
        return None
    try:
        return resolve(code)
    except BaylingError:
        return None


def same_language(source: str | None, target: str | None) -> bool:
    """Whether translating *source* into *target* would write the text's own language."""
    first, second = _language(source), _language(target)
    return first is not None and second is not None and first.code == second.code


def check_pair(source: str | None, target: str) -> None:
    """THE pair check: a language is never translated into itself (one sentence if so).

    *source* is the language the text is in: the one chosen, else the detected one
    (``None``/"" when unknown, which passes).
    """
    if same_language(source, target):
        language = _language(target)
        assert language is not None
        raise LanguagePairError("same_language_pair",
                                language=Sentence.of_language(language.code, language.english))


@dataclass(frozen=True)
class Pair:
    """A document's language pair as chosen for it."""

    #: the source picker's value: "auto" (use the detected language) or a code
    source_choice: str
    #: the target language code
    target: str
    #: the language the text is in: the choice, else the detected language ("" unknown)
    source: str
    #: where the target came from: "explicit", "project", "header" or "default"
    origin: str
    #: a sentence about what the file's header asked for and did not get ("" if none)
    notice: Sentence | None = None


def default_target(source: str | None, preferred: str, recent: Sequence[str] = ()) -> str:
    """The target for a document nobody chose one for.

    The preferred target, unless the text is already in that language; then the most
    recent target (newest first in *recent*) in another language; then English, or
    Chinese for an English text.
    """
    base = primary_subtag(source) if source else ""
    for candidate in (preferred, *recent):
        language = _language(candidate)
        if language is not None and primary_subtag(language.code) != base:
            return language.code
    return "zh" if base == "en" else "en"


def choose_pair(*, detected: str | None, preferred_target: str,
                source: str | None = None, target: str | None = None,
                remembered: tuple[str, str] | None = None,
                declared: tuple[str | None, str | None] = (None, None),
                recent_targets: Sequence[str] = (), fallback_source: str | None = None,
                file_name: str = "") -> Pair:
    """Apply the rule of this module. *source*/*target* are what the user said (None:
    nothing), *remembered* the project's (source choice, target), *declared* the file
    header's, *recent_targets* the targets of the user's latest projects, newest first;
    *fallback_source* (the user's usual source language) stands in when the text is too
    short to tell its language.

    The pair returned is not checked: an explicit same-language pair is the caller's to
    refuse with :func:`check_pair`, so the user hears why.
    """
    declared_source, declared_target = declared
    choice = AUTO
    for candidate in (source, remembered[0] if remembered else None, declared_source):
        language = _language(candidate)
        if language is not None:
            choice = language.code
            break
    if choice == AUTO and not detected and _language(fallback_source) is not None:
        choice = resolve(str(fallback_source)).code
    text_language = choice if choice != AUTO else (detected or "")
    notice: Sentence | None = None
    chosen: Language | None = None
    origin = "default"
    if target:
        chosen, origin = resolve(target), "explicit"  # unknown: the user hears it
    elif remembered and _language(remembered[1]) is not None:
        chosen, origin = _language(remembered[1]), "project"
    elif declared_target:
        header = _language(declared_target)
        if header is None:
            notice = Sentence("header_language_unknown", path=file_name,
                              declared=declared_target)
        elif same_language(text_language, header.code):
            notice = Sentence("header_language_is_source", path=file_name,
                              language=Sentence.of_language(header.code, header.english))
        else:
            chosen, origin = header, "header"
    target_code = chosen.code if chosen is not None else default_target(
        text_language, preferred_target, recent_targets)
    return Pair(choice, target_code, text_language, origin, notice)
