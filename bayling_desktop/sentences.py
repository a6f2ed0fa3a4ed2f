"""What the core says to a user — errors, document notices, warnings — as data.

A :class:`Sentence` is a code and its arguments (``Sentence("file_missing", path="a.po")``).
The English sentence is rendered from the code's template in
:mod:`bayling_desktop.sentence_templates`, so the CLI and the logs read English; the GUI
renders its own Qt Linguist translation of the same template (``ui/sentence_text.py``).
Nothing parses English back, and a sentence nobody translated cannot slip through: a test
fails for a code without a Chinese rendering.

Why not :class:`~bayling_desktop.flags.Flag`? A flag is a finding about one translated
unit (it may block the unit and is stored per segment); a sentence is said to the
user about what happened (an error, a notice about a whole document). They share the
rendering rule — ``{name}`` fields, "?" for a missing argument — but not their tables.

An argument is text (a file name, a number already formatted, a server's reply) or a
sentence itself (a wrapped error, a clause such as "the newest backup is …"), which each
front end renders in its own language too. A language is passed as :meth:`Sentence.of_language`, so
the GUI names it in the UI language.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from .sentence_templates import TEMPLATES

#: (code, English template) -> the template in the front end's language
Translate = Callable[[str, str], str]
#: (language code, English name) -> the language's name in the front end's language
NameLanguage = Callable[[str, str], str]


@dataclass(frozen=True)
class Sentence:
    """One sentence as data: ``Sentence("could_not_read", path=p, reason="Is a directory")``.

    Arguments are kept as sorted (name, value) pairs so a sentence is hashable and compares
    by value (a document says each notice once); values other than sentences become text.
    """

    code: str
    args: tuple[tuple[str, str | Sentence], ...] = ()

    def __init__(self, code: str, /, **args: object) -> None:
        object.__setattr__(self, "code", code)
        object.__setattr__(self, "args", tuple(sorted(
            (name, value if isinstance(value, Sentence) else str(value))
            for name, value in args.items())))

    @property
    def arguments(self) -> dict[str, str | Sentence]:
        return dict(self.args)

    def arg(self, name: str, default: str = "") -> str:
        """Argument *name* as English text."""
        value = self.arguments.get(name, default)
        return render(value) if isinstance(value, Sentence) else value

    def map_text(self, change: Callable[[str], str]) -> Sentence:
        """A copy with *change* applied to every text argument, nested ones too (redaction)."""
        return Sentence(self.code, **{
            name: value.map_text(change) if isinstance(value, Sentence) else change(value)
            for name, value in self.args})

    def __str__(self) -> str:
        return render(self)

    @classmethod
    def verbatim(cls, text: str) -> Sentence:
        """Text said as it is, untranslated: a library's or the system's words, or the
        command line's own English (:meth:`BaylingError.plain`)."""
        return cls("text", text=text)

    @classmethod
    def of_language(cls, code: str, english: str) -> Sentence:
        """A language as an argument: the CLI says *english*, the GUI its name in the UI
        language."""
        return cls("language", code=code, english=english)

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {"code": self.code}
        if self.args:
            data["args"] = {name: value.to_json() if isinstance(value, Sentence) else value
                            for name, value in self.args}
        return data

    @classmethod
    def from_json(cls, data: object) -> Sentence:
        """A sentence as :meth:`to_json` wrote it; plain text becomes a ``text`` sentence."""
        if isinstance(data, dict) and isinstance(data.get("code"), str):
            raw = data.get("args")
            args = raw if isinstance(raw, dict) else {}
            return cls(data["code"], **{
                str(name): cls.from_json(value) if isinstance(value, dict) else str(value)
                for name, value in args.items()})
        return cls.verbatim(str(data))


class _Missing(dict[str, str]):
    def __missing__(self, key: str) -> str:
        return "?"


def _english(code: str, template: str) -> str:
    return template


def _english_name(code: str, english: str) -> str:
    return english


def render(sentence: Sentence, translate: Translate = _english,
           name_language: NameLanguage = _english_name) -> str:
    """*sentence* as text; English unless *translate* gives the template in another
    language. An unknown code never raises: it is said as itself (with its arguments), and
    a missing or misspelt field becomes "?"."""
    if sentence.code == "language":
        return name_language(sentence.arg("code"), sentence.arg("english"))
    # a sentence inside another is a clause: its full stop would end the outer one early
    values = {name: render(value, translate, name_language).rstrip(".。")
              if isinstance(value, Sentence) else value for name, value in sentence.args}
    template = TEMPLATES.get(sentence.code)
    if template is None:
        detail = ", ".join(f"{k}={v}" for k, v in values.items())
        return f"{sentence.code} ({detail})" if detail else sentence.code
    wanted = translate(sentence.code, template)
    try:
        return wanted.format_map(_Missing(values))
    except (ValueError, IndexError, AttributeError):  # a broken translation: say English
        return template.format_map(_Missing(values))
