"""Glossaries: required renderings of terms ("云计算 → cloud computing").

A term that occurs in a segment goes into its prompt through BayLing's lexically
constrained instruction ("Make sure to include these words: …"); afterwards a check
flags translations that still miss a required term. CSV, TSV and TBX are read.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path

from ..documents.encoding import read_text
from ..documents.xmlsafe import parse_untrusted
from ..errors import DocumentError


@dataclass(frozen=True)
class Term:
    source: str
    target: str


class Glossary:
    def __init__(self, terms: list[Term] | None = None) -> None:
        self.terms = list(terms or [])

    def __len__(self) -> int:
        return len(self.terms)

    def as_dict(self) -> dict[str, str]:
        return {t.source: t.target for t in self.terms}

    def matches(self, source: str) -> list[Term]:
        """Terms whose source form occurs in *source* (case-insensitive), longest first."""
        folded = source.casefold()
        found = [t for t in self.terms if t.source.casefold() in folded]
        return sorted(found, key=lambda t: -len(t.source))

    def violations(self, source: str, target: str) -> list[str]:
        """One message per required term the translation leaves out."""
        folded = target.casefold()
        return [f"Glossary: “{t.source}” should be translated as “{t.target}”."
                for t in self.matches(source) if t.target.casefold() not in folded]


def load_glossary(path: Path) -> Glossary:
    suffix = path.suffix.lower()
    if suffix == ".tbx":
        return _load_tbx(path)
    if suffix not in (".csv", ".tsv", ".txt"):
        raise DocumentError(f"{path.name}: a glossary is a .csv, .tsv or .tbx file.")
    text, _encoding = read_text(path)
    dialect = "excel-tab" if suffix == ".tsv" or "\t" in text.split("\n", 1)[0] else "excel"
    terms = []
    for number, row in enumerate(csv.reader(io.StringIO(text), dialect=dialect), start=1):
        cells = [c.strip() for c in row]
        if not any(cells) or cells[0].startswith("#"):
            continue
        if len(cells) < 2 or not cells[0] or not cells[1]:
            raise DocumentError(f"{path.name}, line {number}: each line needs a source term "
                                "and its translation, separated by a comma or a tab.")
        if number == 1 and cells[0].lower() in ("source", "term", "原文", "src"):
            continue  # a header row
        terms.append(Term(cells[0], cells[1]))
    if not terms:
        raise DocumentError(f"{path.name} holds no terms.")
    return Glossary(terms)


def _load_tbx(path: Path) -> Glossary:
    root = parse_untrusted(path.read_bytes(), path.name)
    terms = []
    for entry in root.iter("{*}termEntry", "{*}conceptEntry", "termEntry", "conceptEntry"):
        forms = []
        for lang_set in entry.iter("{*}langSet", "langSet"):
            term = next(lang_set.iter("{*}term", "term"), None)
            if term is not None and (term.text or "").strip():
                forms.append(term.text.strip())
        if len(forms) >= 2:
            terms.append(Term(forms[0], forms[1]))
    if not terms:
        raise DocumentError(f"{path.name} holds no term pairs.")
    return Glossary(terms)
