"""Quality checks shown as row flags: what a reviewer should look at before export."""

from __future__ import annotations

import re

_NUMBER = re.compile(r"\d+(?:[.,]\d+)?")
_LOOP = re.compile(r"(.{2,30}?)\1{3,}", re.S)
_ECHO = ("provide the ", "提供这句话的", "make sure to include these words", "确保包含这些词")
# translation/source length ratios beyond these are suspicious (CJK ⇄ Latin included)
MIN_RATIO, MAX_RATIO = 0.15, 5.0


def quick_checks(source: str, target: str) -> list[str]:
    flags: list[str] = []
    text = target.strip()
    if not text:
        return ["Empty translation."]
    if text == source.strip() and re.search(r"[^\W\d_]{3,}", source):
        flags.append("The translation is identical to the source.")
    if sorted(_NUMBER.findall(source)) != sorted(_NUMBER.findall(target)):
        flags.append("Numbers differ from the source.")
    if len(source.strip()) >= 20:
        ratio = len(text) / len(source.strip())
        if not MIN_RATIO <= ratio <= MAX_RATIO:
            flags.append(f"Suspicious length: {ratio:.1f}× the source.")
    if _LOOP.search(text) and not _LOOP.search(source):
        flags.append("The translation repeats itself.")
    if text.lower().startswith(_ECHO):
        flags.append("The model echoed the instruction.")
    return flags
