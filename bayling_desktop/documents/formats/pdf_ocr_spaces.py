"""Spaces between English words that OCR ran together (not yet put back)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any


def spaced(text: str, cells: Sequence[Any], image: Any) -> str:
    """*text* as the recogniser read it (the next commit puts lost spaces back)."""
    return text
