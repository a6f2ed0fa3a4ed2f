"""One redaction for every message that can hold server text or a URL.

A server may echo the request's ``Authorization`` header in its error body, a base URL
may carry ``user:password@``, and a proxy may repeat an API key in a query string. Such
text reaches error dialogs, stderr and logs, which users paste into bug reports. So
every message built from server text passes :func:`redact`, which removes the secrets
this process knows (each one read from the keyring is remembered with
:func:`remember_secret`) and anything shaped like a credential.
"""

from __future__ import annotations

import re

MASK = "***"

#: secrets read by this process (API keys, hub tokens): removed wherever they appear
_known: set[str] = set()

_PATTERNS = (
    # "Authorization: Bearer sk-…", "authorization": "Basic …" (header echoes, JSON dumps)
    (re.compile(r"(?i)(authorization[\"']?\s*[:=]\s*[\"']?)(?:(?:bearer|basic|token)\s+)?"
                r"[^\s\"',}]+"), rf"\g<1>{MASK}"),
    (re.compile(r"(?i)\b(bearer\s+)[A-Za-z0-9._~+/=-]{4,}"), rf"\g<1>{MASK}"),
    # api_key=…, "api-key": "…", x-api-key: …, access_token=…
    (re.compile(r"(?i)((?:x-)?(?:api[_-]?key|access[_-]?token|token|secret|password)"
                r"[\"']?\s*[:=]\s*[\"']?)[^\s\"'&,}]+"), rf"\g<1>{MASK}"),
    # credentials inside URLs: scheme://user:password@host, scheme://token@host
    (re.compile(r"(?i)(\b[a-z][a-z0-9+.-]*://)[^\s/@]+@"), rf"\g<1>{MASK}@"),
    # OpenAI-, Hugging Face- and GitHub-style key shapes
    (re.compile(r"\b(?:sk|hf|ghp|gho|pk|rk)[-_][A-Za-z0-9_-]{12,}"), MASK),
)


def remember_secret(value: str | None) -> None:
    """From now on *value* is redacted wherever it appears."""
    if value and len(value.strip()) >= 4:
        _known.add(value.strip())


def redact(text: str, *secrets: str | None) -> str:
    """*text* with the given secrets, the remembered ones and credential shapes masked."""
    for secret in sorted({s for s in (*secrets, *_known) if s}, key=len, reverse=True):
        text = text.replace(secret, MASK)
    for pattern, replacement in _PATTERNS:
        text = pattern.sub(replacement, text)
    return text


def url_credentials(url: str) -> bool:
    """True when *url* carries a user name or password (``http://user:pw@host``)."""
    head, sep, rest = url.partition("://")
    if not sep:
        rest = head
    netloc = rest.split("/", 1)[0]
    return "@" in netloc
