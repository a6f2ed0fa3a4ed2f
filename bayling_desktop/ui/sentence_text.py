"""What the core says (errors, notices, a model's fit) in the user's language.

A core sentence is a code with arguments (:mod:`bayling_desktop.sentences`); its English
template is marked for Qt Linguist in :mod:`bayling_desktop.sentence_templates`, so here
the GUI only looks the template up in the "Sentences" context, names languages in the UI
language, and fills in the arguments. Nothing is parsed back from English.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ..errors import sentence_of
from ..languages import Language, all_languages
from ..sentences import Sentence, render
from .i18n import language_name

CONTEXT = "Sentences"

_BY_CODE: dict[str, Language] = {lang.code: lang for lang in all_languages()}


def _translate(code: str, template: str) -> str:
    return QCoreApplication.translate(CONTEXT, template)


def _name_language(code: str, english: str) -> str:
    language = _BY_CODE.get(code)
    return language_name(language) if language is not None else english


def sentence_text(said: Sentence | BaseException | str) -> str:
    """*said* in the interface language: a core sentence, an error (ours by its sentence,
    anyone else's as an unexpected error), or text that is already the GUI's own."""
    if isinstance(said, str):
        return said
    if isinstance(said, BaseException):
        said = sentence_of(said)
    return render(said, _translate, _name_language)
