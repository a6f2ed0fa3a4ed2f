"""Findings about a translated unit, as data: a code, its arguments, and whether it blocks.

Every layer that judges a unit — the verifier (:mod:`.translation.qa`), a document
format checking what it wrote, the pipeline — says what it found as a :class:`Flag`.
Nothing parses English back: the CLI renders a flag with :func:`render` (English), the
GUI with its own translation of the same template (``ui/flag_text.py``), and the
projects database stores the code and arguments as JSON.

This module sits at the top of the package beside :mod:`.errors`, so storage,
documents and translation can all use it without importing each other.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Marks *text* for Qt Linguist under *context* and returns it unchanged.

    The core has no Qt; this is the name ``pyside6-lupdate`` looks for, so the GUI's
    translations of the templates are extracted from this very table (one source).
    """
    return text


#: code -> English template; ``{name}`` fields are the flag's arguments. The GUI
#: translates these templates (the "Flags" context of the .ts sources).
TEMPLATES: dict[str, str] = {
    # not a translation at all
    "empty": QT_TRANSLATE_NOOP("Flags", "Empty translation."),
    "identical": QT_TRANSLATE_NOOP("Flags", "The translation is identical to the source."),
    "near_identical": QT_TRANSLATE_NOOP("Flags", "The translation is almost identical to the "
                                                 "source."),
    "untranslated": QT_TRANSLATE_NOOP("Flags", "The text was left in the source language."),
    "residue": QT_TRANSLATE_NOOP("Flags", "Text left in the source language: {words}."),
    "echo": QT_TRANSLATE_NOOP("Flags", "The model echoed the instruction."),
    "echo_system": QT_TRANSLATE_NOOP("Flags", "The model answered with its own instructions "
                                              "instead of a translation."),
    "preamble": QT_TRANSLATE_NOOP("Flags", "The model added a preamble or explanation before the "
                                           "translation."),
    "chatter": QT_TRANSLATE_NOOP("Flags", "The model answered the request instead of translating "
                                          "the text."),
    "loop": QT_TRANSLATE_NOOP("Flags", "The translation repeats itself."),
    "loop_sentence": QT_TRANSLATE_NOOP("Flags", "The translation repeats “{text}” {count}×."),
    "too_long": QT_TRANSLATE_NOOP("Flags", "The translation is {ratio}× as long as the source: "
                                           "the model ran on."),
    "truncated": QT_TRANSLATE_NOOP("Flags", "The translation stopped at the length limit: it is "
                                            "cut off."),
    "too_long_context": QT_TRANSLATE_NOOP("Flags", "The segment is too long for the model's "
                                                   "context window."),
    "failed": QT_TRANSLATE_NOOP("Flags", "The model gave no usable translation."),
    "repeat_failed": QT_TRANSLATE_NOOP("Flags", "Same text as segment {segment}, which failed."),
    # meaning lost with the structure intact (translation/qa_meaning.py)
    "nothing_translated": QT_TRANSLATE_NOOP("Flags", "Only placeholders and punctuation came "
                                                     "back: the words were not translated."),
    "question_answered": QT_TRANSLATE_NOOP("Flags", "The source asks a question and the "
                                                    "translation does not: an answer instead "
                                                    "of a translation?"),
    "negation_lost": QT_TRANSLATE_NOOP("Flags", "The source says “{word}” and the translation "
                                                "has no negation: the meaning is reversed."),
    "markup_added": QT_TRANSLATE_NOOP("Flags", "The translation adds {markup}, which the source "
                                               "does not have."),
    "sentences_missing": QT_TRANSLATE_NOOP("Flags", "The source has {source} sentences and the "
                                                    "translation {target}: one may be missing."),
    "names_rendered": QT_TRANSLATE_NOOP("Flags", "The name “{name}” was rendered without any "
                                                 "of its letters: check it is the same name."),
    # what must survive
    "placeholder_missing": QT_TRANSLATE_NOOP("Flags", "Placeholder {name} is missing from the "
                                                      "translation."),
    "placeholder_moved": QT_TRANSLATE_NOOP("Flags", "Placeholder {name} was moved to the end of "
                                                    "the translation."),
    "placeholder_extra": QT_TRANSLATE_NOOP("Flags", "The translation has placeholder {name}, "
                                                    "which the source has not."),
    "link_removed": QT_TRANSLATE_NOOP("Flags", "Link removed ({url})."),
    "image_removed": QT_TRANSLATE_NOOP("Flags", "Image removed ({name})."),
    "tag_missing": QT_TRANSLATE_NOOP("Flags", "Formatting tags missing: {tags}."),
    "tag_extra": QT_TRANSLATE_NOOP("Flags", "Unexpected formatting tags: {tags}."),
    "tag_broken": QT_TRANSLATE_NOOP("Flags", "Broken formatting tags: {detail}."),
    "tag_repeated": QT_TRANSLATE_NOOP("Flags", "Formatting tags repeated: {tags}."),
    "tag_moved": QT_TRANSLATE_NOOP("Flags", "Formatting tag {tag} was moved to the end of the "
                                            "translation."),
    "tag_empty": QT_TRANSLATE_NOOP("Flags", "Formatting tag {tag} lost its text: the link or "
                                            "emphasis holds nothing."),
    "formatting_lost": QT_TRANSLATE_NOOP("Flags", "Inline formatting was lost; the text went in "
                                                  "without it."),
    "formatting_rewrapped": QT_TRANSLATE_NOOP("Flags", "The model dropped the formatting around "
                                                       "the whole text; it was put back around "
                                                       "the translation."),
    "numbers": QT_TRANSLATE_NOOP("Flags", "Numbers differ from the source: {missing} missing, "
                                          "{extra} added."),
    "quotes_unbalanced": QT_TRANSLATE_NOOP("Flags", "A quotation opened with {marks} is not "
                                                    "closed, or closed and never opened."),
    "numbers_missing": QT_TRANSLATE_NOOP("Flags", "Numbers of the source are missing from the "
                                                  "translation: {missing}."),
    "numbers_added": QT_TRANSLATE_NOOP("Flags", "The translation has numbers the source does "
                                                "not: {extra}."),
    "lines_lost": QT_TRANSLATE_NOOP("Flags", "{lost} of {total} lines were lost."),
    "lines_changed": QT_TRANSLATE_NOOP("Flags", "The source has {expected} lines; the translation"
                                                " has {found}."),
    "whitespace_restored": QT_TRANSLATE_NOOP("Flags", "Leading or trailing whitespace was "
                                                      "restored as in the source."),
    "whitespace": QT_TRANSLATE_NOOP("Flags", "Leading or trailing whitespace differs from the "
                                             "source."),
    "structure_injected": QT_TRANSLATE_NOOP("Flags", "The translation holds {what}, which would "
                                                     "add structure to the file; it was kept out."),
    "length": QT_TRANSLATE_NOOP("Flags", "Suspicious length: {ratio}× the source."),
    "glossary": QT_TRANSLATE_NOOP("Flags", "Glossary: “{source}” should be translated as "
                                           "“{target}”."),
    "glossary_forbidden": QT_TRANSLATE_NOOP("Flags", "Glossary: “{term}” should not be used."),
    # subtitles
    "reading_speed": QT_TRANSLATE_NOOP("Flags", "Reading speed {cps} characters per second (at "
                                                "most {limit})."),
    "line_length": QT_TRANSLATE_NOOP("Flags", "Line {line} has {chars} characters (at most "
                                              "{limit})."),
    # provenance and review
    "copied_from": QT_TRANSLATE_NOOP("Flags", "Same text as segment {segment}: {text}"),
    "unchanged": QT_TRANSLATE_NOOP("Flags", "The proposal is the same as the current translation."),
    "unrelated": QT_TRANSLATE_NOOP("Flags", "The proposal does not look like a revision of this "
                                            "translation."),
    "explanation": QT_TRANSLATE_NOOP("Flags", "The model explained instead of revising."),
    "proposed": QT_TRANSLATE_NOOP("Flags", "A revision is proposed: select the segment to "
                                           "review it."),
    "kept_previous": QT_TRANSLATE_NOOP("Flags", "Retranslation failed; the previous translation "
                                                "was kept."),
    # translation catalogues (documents/formats/po.py, po_check.py)
    "catalog_check": QT_TRANSLATE_NOOP("Flags", "The catalogue does not compile at line {line} "
                                                "(“{msgid}”): {detail}"),
    "catalog_reverted": QT_TRANSLATE_NOOP("Flags", "“{msgid}”: the translation would break the "
                                                   "catalogue ({detail}); the entry was left as "
                                                   "it was."),
    "markup_lost": QT_TRANSLATE_NOOP("Flags", "The markup inside the message did not come back "
                                              "intact; the entry was left as it was."),
    # -- documents (HTML, EPUB, Markdown, subtitles, Word, ODF, PowerPoint): export ----
    "lines_rewrapped": QT_TRANSLATE_NOOP("Flags", "The translation came back as {found} of "
                                                  "{total} lines; it was re-wrapped to {total} "
                                                  "lines."),
    # PDF output (documents/formats/pdf_write.py)
    "pdf_overflow": QT_TRANSLATE_NOOP("Flags", "The translation did not fit its box on page "
                                               "{page} even at {size} pt: the original text was "
                                               "kept, with the translation in a note beside it."),
    "pdf_text_kept": QT_TRANSLATE_NOOP("Flags", "The original text on page {page} could not be "
                                                "removed: it was kept, with the translation in a "
                                                "note beside it."),
    # -- scanned PDF pages read by OCR (documents/formats/pdf_ocr.py) ---------------------------
    "ocr_uncertain": QT_TRANSLATE_NOOP("Flags", "Page {page} is a scan and OCR was unsure of "
                                                "this text (confidence {score}): compare it "
                                                "with the page."),
    "ocr_language": QT_TRANSLATE_NOOP("Flags", "Page {page} is a scan, and the OCR models read "
                                               "Chinese and English only: this {language} text "
                                               "may be misread; compare it with the page."),
    # a sentence from an older version, stored before flags were codes
    "text": QT_TRANSLATE_NOOP("Flags", "{text}"),
}


@dataclass(frozen=True)
class Flag:
    """One finding: ``Flag("placeholder_missing", {"name": "%(count)s"}, blocking=True)``.

    *args* is kept as sorted (name, value) pairs so a flag is hashable and compares by
    value; read one with :meth:`arg` or all with :attr:`arguments`.
    """

    code: str
    args: tuple[tuple[str, str], ...] = ()
    #: not a usable translation at all (repair, else keep the source and name the unit)
    blocking: bool = False

    def __init__(self, code: str, args: Mapping[str, object] | Iterable[tuple[str, object]]
                 | None = None, blocking: bool = False) -> None:
        pairs = args.items() if isinstance(args, Mapping) else (args or ())
        object.__setattr__(self, "code", code)
        object.__setattr__(self, "args", tuple(sorted((str(k), str(v)) for k, v in pairs)))
        object.__setattr__(self, "blocking", bool(blocking))

    @property
    def arguments(self) -> dict[str, str]:
        return dict(self.args)

    def arg(self, name: str, default: str = "") -> str:
        return self.arguments.get(name, default)

    @property
    def message(self) -> str:
        """The English sentence (what the CLI prints)."""
        return render(self)

    def __str__(self) -> str:
        return render(self)

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {"code": self.code}
        if self.args:
            data["args"] = self.arguments
        if self.blocking:
            data["blocking"] = True
        return data

    @classmethod
    def from_json(cls, data: object) -> Flag:
        """A flag as stored; a plain sentence (older databases) becomes a ``text`` flag."""
        if isinstance(data, dict) and isinstance(data.get("code"), str):
            args = data.get("args")
            return cls(data["code"], args if isinstance(args, dict) else None,
                       bool(data.get("blocking")))
        return cls("text", {"text": str(data)})


class _Missing(dict[str, str]):
    def __missing__(self, key: str) -> str:
        return "?"


def render(flag: Flag, templates: Mapping[str, str] | None = None) -> str:
    """*flag* as a sentence from *templates* (English by default); an unknown code or a
    missing argument never raises: the code itself, or "?" for the argument."""
    template = (templates or TEMPLATES).get(flag.code) or TEMPLATES.get(flag.code)
    if template is None:
        detail = ", ".join(f"{k}={v}" for k, v in flag.args)
        return f"{flag.code} ({detail})" if detail else flag.code
    return template.format_map(_Missing(flag.arguments))


def blocking(flags: Iterable[Flag]) -> list[Flag]:
    return [f for f in flags if f.blocking]


def quote_list(items: Iterable[str], limit: int = 5) -> str:
    """"a", "b", "c" … +N: for a flag argument naming several things (no English words:
    the argument is shown as it is in every interface language)."""
    items = list(dict.fromkeys(items))
    shown = ", ".join(f"“{item}”" for item in items[:limit])
    return shown + (f" … +{len(items) - limit}" if len(items) > limit else "")
