"""Spans the model must never touch: placeholders, template code, URLs, e-mail addresses,
inline code, HTML entities and markup inside strings. They are swapped for void tags
(``<x101/>``…) before translation and put back afterwards, so they come back byte for
byte whatever the model does — and the verifier (:mod:`..translation.qa_invariants`)
finds the same spans with the same pattern to check that each is still there, and still
in its place.

Placeholder syntaxes covered: printf (``%s %d %5.2f %1$s %%``), Python (``%(name)s``,
``{name}``, ``{0}``, ``{name!r:>10}``), Symfony/Drupal ``%name%``, Ruby/i18next
``%{name}``, Jinja/Django/Handlebars ``{{ x }}`` ``{% tag %}`` ``{# note #}``, ``${x}``
(py3o, relatorio, JavaScript), ICU messages (``{count, plural, …}``, one level of
nesting), and HTML/XML elements written inside a string (``<a href="…">``, ``</a>``,
``<br/>``) — a catalogue message with markup keeps its attributes exactly.
"""

from __future__ import annotations

import re

#: protected spans are numbered from here, above any format's own inline tags
FIRST = 101

#: element names that make ``<name …>`` markup rather than prose ("if a<b and c>d")
_HTML_NAMES = (
    "a|abbr|b|bdi|bdo|big|blockquote|br|button|caption|cite|code|dd|del|dfn|div|dl|dt|em|"
    "font|h[1-6]|hr|i|img|input|ins|kbd|label|li|mark|ol|p|pre|q|s|samp|small|span|strike|"
    "strong|sub|sup|table|tbody|td|th|thead|tr|tt|u|ul|var|wbr")
#: attributes with values only: "<b and c>" in prose is not an element
_ATTRIBUTE = r"""\s+[\w:.-]+\s*=\s*(?:"[^"<>]*"|'[^'<>]*'|[^\s"'<>=`]+)"""

_PATTERN = re.compile(
    # inline code: `x`, ``x`` (RST, Markdown) — not GNU's `quoted' words, which are prose
    r"(?<!`)(`+)(?!`)(?![^`\n]*'[\s.,;:)])[^\n]*?(?<!`)\1(?!`)"
    # URLs; a placeholder or a (balanced) bracket inside is part of one, a full stop after not
    r"|(?:https?|ftp)://(?:%\([A-Za-z_]\w*\)[sd]|\([^\s()<>\"]*\)|[^\s<>\"')\]])+(?<![.,;:!?])"
    r"|mailto:[\w.+-]+@[\w-]+\.[\w.-]+|[\w.+-]+@[\w-]+\.[A-Za-z][\w.-]*"  # e-mail addresses
    r"|(?<![\w.@])@[A-Za-z0-9][A-Za-z0-9_-]*(?:/[A-Za-z0-9_.-]+)?"  # @handles (GitHub, X)
    # file paths: a relative one with an extension (flatpages/default.html), an absolute one
    # of two or more parts (/about/contact/) — not "and/or", "km/h" or a lone "/tmp"
    r"|(?<![\w/.:-])(?:[\w.-]+/)+[\w-]+\.[A-Za-z][A-Za-z0-9]{0,5}(?![\w/])"
    r"|(?<![\w/.:-])/[\w.-]+(?:/[\w.-]+)+/?(?![\w/])"
    r"|%\([A-Za-z_]\w*\)[#0 +-]*\d*(?:\.\d+)?[sdifeEgGxXor%]"  # %(name)s
    r"|%\{[A-Za-z_]\w*\}"                           # %{name} (Ruby, i18next)
    r"|%[A-Za-z_][\w.-]+%"                          # %name% (Symfony, Drupal)
    r"|%\d+\$[#0 +-]*\d*(?:\.\d+)?[sdifeEgGxXcou]"  # %1$s (positional printf)
    r"|(?<![\d%])%[#0 +-]*\d*(?:\.\d+)?(?:l{1,2}|h|z|j|t)?[sdifeEgGxXcoru@]"  # %s %d %5.2f %ld
    r"|%%"
    r"|\{\{[^{}\n]*?\}\}|\{%[^\n]*?%\}|\{#[^\n]*?#\}"  # template code: {{ x|f }} {% if %} {# #}
    r"|\$\{[^{}\n]*\}"                             # ${expr} (py3o, relatorio, JS)
    # ICU: {count, plural, one {# item} other {# items}} (one level of nested braces)
    r"|\{\s*[A-Za-z_]\w*\s*,\s*(?:plural|select|selectordinal|number|date|time)\s*"
    r"(?:,(?:[^{}]|\{[^{}]*\})*)?\}"
    r"|\{[A-Za-z_][\w.]*(?:![rsa])?(?::[^{}]*)?\}|\{\d+\}"  # {name} {0}
    r"|&(?:[A-Za-z]+|#\d+|#x[0-9A-Fa-f]+);"         # HTML entities
    rf"|</?(?:{_HTML_NAMES})(?:{_ATTRIBUTE})*\s*/?>",  # markup inside a string
    re.IGNORECASE)


def spans_of(text: str) -> list[tuple[str, int, int]]:
    """Every protected span of *text* as (span, start, end), in order."""
    return [(m.group(0), m.start(), m.end()) for m in _PATTERN.finditer(text)]


def without_spans(text: str) -> str:
    """*text* with every protected span blanked: placeholders, URLs and code are no words
    of any language and no numbers of the sentence (the verifier judges what is left)."""
    return _PATTERN.sub(" ", text)


def protect(text: str) -> tuple[str, dict[str, str]]:
    """Return *text* with protected spans replaced by void tags, and the tag→span map."""
    spans: dict[str, str] = {}

    def swap(match: re.Match[str]) -> str:
        tag = f"<x{FIRST + len(spans)}/>"
        spans[tag] = match.group(0)
        return tag

    return _PATTERN.sub(swap, text), spans


def restore(text: str, spans: dict[str, str]) -> tuple[str, list[str]]:
    """Put the spans back where the model left their tags; return the ones it lost.

    A lost span is *not* appended anywhere: where it belongs cannot be known, and a
    placeholder at the end of a sentence looks fine while meaning nothing. The caller
    flags it (and repairs the unit with another candidate).
    """
    missing: list[str] = []
    for tag, original in spans.items():
        if tag in text:
            text = text.replace(tag, original, 1)
        else:
            missing.append(original)
    return text, missing
