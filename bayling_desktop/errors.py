"""Errors that carry a sentence a user can act on.

Every layer raises a subclass of :class:`BaylingError` whose ``str()`` is one clear,
human sentence; the CLI prints it to stderr and the GUI shows it in a dialog. Raw
library exceptions are wrapped at the boundary where we still know what the user did.
"""

from __future__ import annotations


class BaylingError(Exception):
    """Base class: ``str(error)`` is meant for the user, not for a developer."""


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
