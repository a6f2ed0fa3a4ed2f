"""Glossaries: required renderings of terms ("云计算 → cloud computing").

A term that occurs in a segment goes into its prompt through BayLing's lexically
constrained instruction ("Make sure to include these words: …"); afterwards a check
flags translations that still miss a required term. CSV, TSV and TBX are read.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any
from xml.sax.saxutils import escape

from ..documents.encoding import read_text
from ..documents.xmlsafe import parse_untrusted
from ..errors import DocumentError

if TYPE_CHECKING:
    from ..storage.glossaries import StoredTerm
    from ..storage.projects import Project


@dataclass(frozen=True)
class Term:
    source: str
    target: str
    #: what a TBX or a CSV's third column says about the term (kept, never prompted)
    note: str = ""
    #: part of speech ("noun", "verb"…), TBX's termNote type="partOfSpeech"
    pos: str = ""


class Glossary:
    def __init__(self, terms: list[Term] | None = None) -> None:
        self.terms = list(terms or [])

    def __len__(self) -> int:
        return len(self.terms)

    def as_dict(self) -> dict[str, str]:
        return {t.source: t.target for t in self.terms}

    @classmethod
    def from_pairs(cls, pairs: Iterable[tuple[str, str]]) -> Glossary:
        return cls([Term(s, t) for s, t in pairs])

    def pairs(self) -> list[tuple[str, str]]:
        return [(t.source, t.target) for t in self.terms]

    def matches(self, source: str) -> list[Term]:
        """Terms whose source form occurs in *source* (case-insensitive), longest first.

        A term written in letters must match whole words ("API" is not in "rapid");
        Chinese and Japanese have no spaces, so there a substring is a match.
        """
        found = [t for t in self.terms if occurs(t.source, source)]
        return sorted(found, key=lambda t: -len(t.source))

    def terms_for(self, source: str) -> list[str]:
        """Target terms to require in the prompt of a segment with this *source*."""
        return list(dict.fromkeys(t.target for t in self.matches(source)))

    def term_pairs(self, source: str) -> list[tuple[str, str]]:
        """(source term, target term) of the terms in *source*, for a profile's wording."""
        return [(t.source, t.target) for t in self.matches(source)]

    def missing(self, source: str, target: str) -> list[Term]:
        """The terms of *source* whose required translation *target* leaves out."""
        return [t for t in self.matches(source) if not occurs(t.target, target)]


def occurs(term: str, text: str) -> bool:
    term = term.strip()
    if not term:
        return False
    pattern = re.escape(term)
    if re.match(r"\w", term[0]) and term[0].isascii():
        pattern = r"(?<!\w)" + pattern
    if re.match(r"\w", term[-1]) and term[-1].isascii():
        pattern += r"(?!\w)"
    return re.search(pattern, text, re.IGNORECASE) is not None


def project_glossary(project: Project) -> Glossary:
    """The terms of every glossary attached to *project* (client glossaries and its own)."""
    return Glossary([Term(t.source, t.target, t.note, t.pos)
                     for t in project.store.glossary_terms(project)])


def save_project_glossary(project: Project, glossary: Glossary) -> None:
    """Each term back into the glossary it came from; new ones into the project's own."""
    project.store.set_glossary(project, stored_terms(glossary))


def stored_terms(glossary: Glossary) -> list[StoredTerm]:
    from ..storage.glossaries import StoredTerm

    return [StoredTerm(t.source, t.target, t.note, t.pos) for t in glossary.terms]


def load_glossary(path: Path) -> Glossary:
    suffix = path.suffix.lower()
    if suffix == ".tbx":
        return _load_tbx(path)
    if suffix not in (".csv", ".tsv", ".txt"):
        raise DocumentError("glossary_csv_tsv_tbx", path=path.name)
    text, _encoding = read_text(path)
    dialect = "excel-tab" if suffix == ".tsv" or "\t" in text.split("\n", 1)[0] else "excel"
    terms = []
    for number, row in enumerate(csv.reader(io.StringIO(text), dialect=dialect), start=1):
        cells = [c.strip() for c in row]
        if not any(cells) or cells[0].startswith("#"):
            continue
        if len(cells) < 2 or not cells[0] or not cells[1]:
            raise DocumentError("glossary_bad_line", path=path.name, number=number)
        if number == 1 and cells[0].lower() in ("source", "term", "原文", "src"):
            continue  # a header row
        extra = [*cells[2:4], "", ""]
        terms.append(Term(cells[0], cells[1], extra[0], extra[1]))
    if not terms:
        raise DocumentError("holds_no_terms", path=path.name)
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
            terms.append(Term(forms[0], forms[1], _tbx_note(entry), _tbx_pos(entry)))
    if not terms:
        raise DocumentError("holds_no_term_pairs", path=path.name)
    return Glossary(terms)


def _tbx_note(entry: Any) -> str:
    """The entry's note (TBX <note>, or a definition <descrip>), first one found."""
    for tag in ("note", "descrip"):
        for node in entry.iter(f"{{*}}{tag}", tag):
            if (node.text or "").strip():
                return str(node.text).strip()
    return ""


def _tbx_pos(entry: Any) -> str:
    for node in entry.iter("{*}termNote", "termNote"):
        if node.get("type") == "partOfSpeech" and (node.text or "").strip():
            return str(node.text).strip()
    return ""


def glossary_csv(glossary: Glossary) -> str:
    """CSV with a header; note and part of speech columns when any term has them."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    rich = any(t.note or t.pos for t in glossary.terms)
    writer.writerow(["source", "target", "note", "pos"] if rich else ["source", "target"])
    for t in glossary.terms:
        writer.writerow([t.source, t.target, t.note, t.pos] if rich else [t.source, t.target])
    return out.getvalue()


def glossary_tbx(glossary: Glossary, source_lang: str, target_lang: str) -> str:
    """TBX-Basic (ISO 30042): one term entry per term, one language set per side; the
    part of speech as termNote on both terms, the note on the entry."""
    entries = []
    for number, t in enumerate(glossary.terms, start=1):
        pos = (f'<termNote type="partOfSpeech">{escape(t.pos)}</termNote>' if t.pos else "")
        note = f"    <note>{escape(t.note)}</note>\n" if t.note else ""
        entries.append(
            f'   <termEntry id="t{number}">\n{note}'
            f'    <langSet xml:lang="{escape(source_lang)}"><tig><term>{escape(t.source)}'
            f"</term>{pos}</tig></langSet>\n"
            f'    <langSet xml:lang="{escape(target_lang)}"><tig><term>{escape(t.target)}'
            f"</term>{pos}</tig></langSet>\n   </termEntry>\n")
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<martif type="TBX-Basic" xml:lang="en">\n <martifHeader><fileDesc><sourceDesc>'
            "<p>BayLing Desktop</p></sourceDesc></fileDesc></martifHeader>\n"
            " <text>\n  <body>\n" + "".join(entries) + "  </body>\n </text>\n</martif>\n")


def glossary_violations(project: Project, glossary: Glossary) -> list[int]:
    """Indexes of translated segments that miss a required term (to retranslate them)."""
    from ..storage.projects import DONE

    return [s.idx for s in project.segments
            if s.status in DONE and glossary.missing(s.source, s.target)]
