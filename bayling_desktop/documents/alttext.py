"""Alternative text of pictures and shapes (OOXML ``descr``, HTML ``alt``, ODF
``svg:title``/``svg:desc``): what a screen reader says instead of the picture, so text
the reader of a translation must get in their language. Every format makes it a unit of
kind :data:`KIND`, and the same rule decides which alt texts are worth one."""

from __future__ import annotations

import re

KIND = "alt-text"

#: what Office and python-pptx write when nobody wrote an alt text: the picture's file name
_FILE_NAME = re.compile(r"\S+\.(?:png|jpe?g|gif|bmp|svg|emf|wmf|tiff?|webp)", re.IGNORECASE)


def worth_translating(text: str | None) -> bool:
    """True for an alt text with words in it; not for blank ones or bare file names."""
    text = (text or "").strip()
    return bool(text) and not _FILE_NAME.fullmatch(text)
