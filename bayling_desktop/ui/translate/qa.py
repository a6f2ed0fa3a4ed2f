"""Quick QA checks shown as row flags while the full QA module is not wired in."""

from __future__ import annotations

import re

_NUMBER = re.compile(r"\d+(?:[.,]\d+)?")


def quick_checks(source: str, target: str) -> list[str]:
    flags: list[str] = []
    if not target.strip():
        flags.append("Empty translation.")
    elif target.strip() == source.strip() and re.search(r"[^\W\d_]{3,}", source):
        flags.append("The translation is identical to the source.")
    if sorted(_NUMBER.findall(source)) != sorted(_NUMBER.findall(target)):
        flags.append("Numbers differ from the source.")
    return flags
