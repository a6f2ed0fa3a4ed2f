"""Token estimates for text we cannot tokenize locally (a remote server's model).

Budgeting only needs an upper bound; see :func:`estimate_tokens`.
"""

from __future__ import annotations

import math
import unicodedata


def estimate_tokens(text: str, cjk_weight: float = 1.5) -> int:
    """A deliberately high token estimate for text we cannot tokenize locally.

    Budgeting only needs an upper bound: an overestimate drops an old turn early,
    an underestimate makes the server refuse the request. Common tokenizers give
    three to four ASCII letters per token, two spaces or punctuation marks per
    token, and one or two tokens per CJK character; LLaMA's 32k vocabulary
    (BayLing v1 and 2) spells most Chinese characters as up to three byte tokens,
    hence *cjk_weight*.
    """
    ascii_chars = symbols = cjk = other = 0
    for char in text:
        if char.isascii():
            if char.isalnum():
                ascii_chars += 1
            else:
                symbols += 1  # spaces and punctuation merge less (code, indentation)
        elif unicodedata.east_asian_width(char) in ("W", "F"):
            cjk += 1
        else:
            other += 1
    return math.ceil(ascii_chars / 3.0 + symbols / 2.0 + cjk * cjk_weight + other * 0.75)


def cjk_weight(model: str) -> float:
    name = model.lower().replace("_", "-")
    if "bayling" in name and "llama-3" not in name and "llama3" not in name:
        return 3.0
    return 1.5
