"""Does a translated catalogue still compile? The check its next tool makes.

:func:`validate` runs GNU gettext's ``msgfmt --check --check-format --use-fuzzy`` when
it is installed (Debian's ``gettext``; fuzzy entries are checked too, because a
reviewer who clears the flag must get a catalogue that compiles). Where it is not (the
packaged app on Windows), polib plus the checks that break catalogues in practice
stand in: line breaks at the start and end of msgid and msgstr, and the placeholders
of ``python-format``, ``python-brace-format`` and ``c-format`` entries. Every error is
a :class:`~bayling_desktop.flags.Flag` naming the entry's line and msgid.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path
from typing import TYPE_CHECKING

from ...flags import Flag

if TYPE_CHECKING:
    from polib import POEntry, POFile

#: python-format: ``%(name)s`` or ``%s``/``%5.2f``; ``%%`` is a literal percent sign
_PYTHON = re.compile(r"%(?:\((\w+)\))?[#0 +-]*(?:\*|\d+)?(?:\.(?:\*|\d+))?[hlL]?"
                     r"([diouxXeEfFgGcrsa%])")
_C = re.compile(r"%(?:(\d+)\$)?[-+ #0']*(?:\*|\d+)?(?:\.(?:\*|\d+))?(?:hh|h|ll|l|L|q|j|z|t)?"
                r"([diouxXeEfFgGaAcspn%])")
_BRACE = re.compile(r"(?<!\{)\{([A-Za-z_]\w*|\d*)(?:![rsa])?(?::[^{}]*)?\}(?!\})")


def validate(path: Path) -> list[Flag]:
    """Blocking flags for every entry of the catalogue at *path* that would not compile."""
    import polib

    catalog = polib.pofile(str(path))
    found = _msgfmt_errors(path)
    if found is None:
        found = python_errors(catalog)
    return [catalog_flag(catalog, line, detail) for line, detail in found]


def catalog_flag(catalog: POFile, line: int, detail: str) -> Flag:
    """A ``catalog_check`` flag for an error at *line*, naming the entry that holds it."""
    entry = entry_at(catalog, line)
    msgid = entry.msgid if entry is not None else ""
    if len(msgid) > 60:
        msgid = msgid[:57] + "…"
    return Flag("catalog_check", {"line": line, "msgid": msgid, "detail": detail},
                blocking=True)


def entry_at(catalog: POFile, line: int) -> POEntry | None:
    """The entry whose text holds *line* (None for the header and anything before)."""
    best = None
    for entry in catalog:
        start = entry.linenum or 0
        if start <= line and (best is None or start > (best.linenum or 0)):
            best = entry
    return best


def _msgfmt_errors(path: Path) -> list[tuple[int, str]] | None:
    """(line, message) of each fatal error msgfmt reports; None when msgfmt is missing."""
    msgfmt = shutil.which("msgfmt")
    if msgfmt is None:
        return None
    try:
        result = subprocess.run(
            [msgfmt, "--check", "--check-format", "--use-fuzzy", "-o", os.devnull, str(path)],
            capture_output=True, text=True, encoding="utf-8", errors="replace", timeout=120,
            check=False, env={**os.environ, "LC_ALL": "C.UTF-8", "LANGUAGE": ""})
    except (OSError, subprocess.SubprocessError):
        return None
    if result.returncode == 0:
        return []
    errors = []
    pattern = re.compile(r"^.*?:(\d+): (?!warning:)(.*)$")
    for text in result.stderr.splitlines():
        match = pattern.match(text)
        if match and not text.startswith("msgfmt:"):
            errors.append((int(match.group(1)), match.group(2).strip()))
    return errors or [(0, result.stderr.strip().splitlines()[-1] if result.stderr.strip()
                       else "msgfmt failed")]


def nplurals(catalog: POFile) -> int | None:
    match = re.search(r"nplurals\s*=\s*(\d+)", catalog.metadata.get("Plural-Forms", ""))
    return int(match.group(1)) if match else None


def forms_for_one(plural_forms: str, count: int) -> tuple[set[int], set[int]]:
    """(forms used for n = 1 and no other number, forms used for n = 1 among others) under
    a ``Plural-Forms`` header: only the first may drop the number (msgfmt's rule); an
    unreadable rule is taken as the common one (form 0 is the singular)."""
    import gettext

    match = re.search(r"plural\s*=\s*([^;]+)", plural_forms)
    try:
        rule = gettext.c2py(match.group(1).strip()) if match else None
    except (ValueError, SyntaxError, RecursionError):
        rule = None
    if rule is None:
        return ({0}, set()) if count > 1 else (set(), {0})
    used: dict[int, set[int]] = {}
    for n in range(1000):
        used.setdefault(int(rule(n)), set()).add(n)
    alone = {form for form, values in used.items() if values == {1}}
    shared = {form for form, values in used.items() if 1 in values and values != {1}}
    return alone, shared


def placeholders(text: str) -> list[str]:
    """The format placeholders of *text*, sorted: what every plural form must keep."""
    return sorted([m.group(0) for m in _PYTHON.finditer(text) if m.group(2) != "%"]
                  + [m.group(0) for m in _BRACE.finditer(text)])


def python_errors(catalog: POFile) -> list[tuple[int, str]]:
    """What msgfmt would refuse, as far as it breaks catalogues in practice."""
    errors: list[tuple[int, str]] = []
    forms = nplurals(catalog) or 2
    for entry in catalog:
        if entry.obsolete:
            continue
        pairs: list[tuple[str, str, str, bool]] = []
        if entry.msgid_plural:
            for index, text in sorted(entry.msgstr_plural.items()):
                singular = index == 0 and forms > 1
                pairs.append((entry.msgid if singular else entry.msgid_plural, text,
                              f"msgstr[{index}]", singular))
        else:
            pairs.append((entry.msgid, entry.msgstr, "msgstr", False))
        for source, target, name, lenient in pairs:
            problem = _pair_problem(entry.flags, source, target, name, lenient)
            if problem:
                errors.append((entry.linenum or 0, problem))
                break
    return errors


def _pair_problem(flags: list[str], source: str, target: str, name: str,
                  lenient: bool) -> str | None:
    if not target:
        return None
    for edge, test in (("begin", str.startswith), ("end", str.endswith)):
        if test(source, "\n") != test(target, "\n"):
            return f"'msgid' and '{name}' entries do not both {edge} with '\\n'"
    if "python-format" in flags:
        return _compare(_specs(_PYTHON, source), _specs(_PYTHON, target), name, lenient)
    if "c-format" in flags:
        return _compare(_specs(_C, source), _specs(_C, target), name, lenient)
    if "python-brace-format" in flags:
        wanted = {m.group(1) for m in _BRACE.finditer(source)}
        got = {m.group(1) for m in _BRACE.finditer(target)}
        if got - wanted or (wanted - got and not lenient):
            return f"format specifications in 'msgid' and '{name}' do not match"
    return None


def _specs(pattern: re.Pattern[str], text: str) -> list[tuple[str, str]]:
    return [(m.group(1) or "", m.group(2)) for m in pattern.finditer(text) if m.group(2) != "%"]


def _compare(source: list[tuple[str, str]], target: list[tuple[str, str]], name: str,
             lenient: bool) -> str | None:
    named = any(key for key, _conv in source)
    if named:
        wanted, got = set(source), set(target)
        missing, extra = wanted - got, got - wanted
    else:  # positional: the same conversions, in the same order
        if target == source or (lenient and not target):
            return None
        return f"format specifications in 'msgid' and '{name}' do not match"
    if extra or (missing and not lenient):
        return f"format specifications in 'msgid' and '{name}' do not match"
    return None
