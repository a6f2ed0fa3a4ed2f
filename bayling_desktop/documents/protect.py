"""Spans the model must never touch: placeholders, template code (``{{ … }}``,
``{% … %}``, ``${…}``), URLs, e-mail addresses, inline code, HTML entities. They are
swapped for void tags (``<x101/>``…) before translation and put
back afterwards, so they come back byte for byte whatever the model does."""

from __future__ import annotations

import re

#: protected spans are numbered from here, above any format's own inline tags
FIRST = 101

_PATTERN = re.compile(
    r"(?<!`)(`+)(?!`)[^\n]*?(?<!`)\1(?!`)"          # inline code: `x`, ``x`` (RST, Markdown)
    # URLs; a placeholder or a (balanced) bracket inside is part of one, a full stop after not
    r"|https?://(?:%\([A-Za-z_]\w*\)[sd]|\([^\s()<>\"]*\)|[^\s<>\"')\]])+(?<![.,;:!?])"
    r"|[\w.+-]+@[\w-]+\.[\w.-]+"                    # e-mail addresses
    r"|%\([A-Za-z_]\w*\)[#0 +-]*\d*(?:\.\d+)?[sdifeEgGxXor%]"  # %(name)s
    r"|%[#0 +-]*\d*(?:\.\d+)?[sdifeEgGxXcoru%](?![A-Za-z])"    # %s %d %5.2f
    r"|\{\{[^{}\n]*?\}\}|\{%[^\n]*?%\}"            # template code: {{ x|f }} {% if %}
    r"|\$\{[^{}\n]*\}"                             # ${expr} (py3o, relatorio, JS)
    r"|\{[A-Za-z_][\w.]*(?:![rsa])?(?::[^{}]*)?\}|\{\d+\}"  # {name} {0}
    r"|&(?:[A-Za-z]+|#\d+|#x[0-9A-Fa-f]+);"         # HTML entities
)


def protect(text: str) -> tuple[str, dict[str, str]]:
    """Return *text* with protected spans replaced by void tags, and the tag→span map."""
    spans: dict[str, str] = {}

    def swap(match: re.Match[str]) -> str:
        tag = f"<x{FIRST + len(spans)}/>"
        spans[tag] = match.group(0)
        return tag

    return _PATTERN.sub(swap, text), spans


def restore(text: str, spans: dict[str, str]) -> tuple[str, list[str]]:
    """Put the spans back; spans the model lost are appended and reported."""
    missing: list[str] = []
    for tag, original in spans.items():
        if tag in text:
            text = text.replace(tag, original, 1)
        else:
            missing.append(original)
    if missing:
        text = text.rstrip() + " " + " ".join(missing)
    return text, missing
