"""Errors that carry a sentence a user can act on, as data.

Every layer raises a subclass of :class:`BaylingError` with a sentence code and its
arguments (``DocumentError("file_missing", path=path)``, see :mod:`.sentences`). Its
``str()`` is the English sentence, which the CLI prints to stderr and the logs keep; the
GUI renders :attr:`BaylingError.sentence` in the interface language. Raw library
exceptions are wrapped at the boundary where we still know what the user did.
"""

from __future__ import annotations

from .sentences import Sentence, render


class BaylingError(Exception):
    """Base class: ``error.sentence`` is meant for the user, not for a developer.

    Raise with a code and arguments, or with a :class:`Sentence` made elsewhere (a helper
    that describes an ``OSError``, an error passed on from a lower layer).
    """

    sentence: Sentence

    def __init__(self, code: str | Sentence, /, **args: object) -> None:
        sentence = code if isinstance(code, Sentence) else Sentence(code, **args)
        super().__init__(sentence)
        self.sentence = sentence

    @classmethod
    def plain(cls, text: str) -> BaylingError:
        """An error in the command line's own English (the CLI has no other language);
        the core says everything with a code."""
        return cls(Sentence.verbatim(text))

    def __str__(self) -> str:
        return render(self.sentence)


class ModelError(BaylingError):
    """A model file is missing, unreadable, not GGUF, truncated, or unsupported."""


class ContextOverflowError(BaylingError):
    """The request cannot fit the model's context window even after trimming."""


class GenerationError(BaylingError):
    """The model failed while generating."""


class DocumentError(BaylingError):
    """A document could not be read, understood or written."""


class OutputError(BaylingError):
    """An output file could not be written."""


def sentence_of(error: BaseException) -> Sentence:
    """What to tell the user about *error*: its sentence when it is ours, else the
    unexpected error named by its type and text (never a traceback)."""
    if isinstance(error, BaylingError):
        return error.sentence
    detail = str(error).strip() or type(error).__name__
    return Sentence("unexpected_error", error=detail)
