"""The segment model every document format maps onto.

A format module reads a file into a :class:`Document` whose :class:`Unit` list is
what gets translated, and knows how to write the file back with each unit replaced
by its translation, leaving everything else (styles, timings, attributes) untouched.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from ..flags import Flag
from ..sentences import Sentence


@dataclass
class Unit:
    """One translatable unit: a paragraph, heading, list item, table cell, cue, entry…"""

    #: stable within the document ("p3", "cue-12", "tu-intro")
    id: str
    #: the text to translate; inline formatting appears as numbered tags <1>…</1>, <x2/>
    source: str
    kind: str = "paragraph"
    #: a hint for the translator (PO msgctxt, XLIFF note, the heading above…)
    context: str = ""
    #: an existing translation found in the file (PO msgstr, XLIFF target, TMX tuv), in
    #: the same form as :attr:`source` (tags, edges)
    target: str | None = None
    meta: dict[str, object] = field(default_factory=dict)
    #: what the file says of :attr:`target`: "approved" (the translator's finished work:
    #: kept, never translated again unless asked), "draft" (fuzzy, needs review: kept
    #: unless the user asks for drafts to be redone); None without a target
    target_status: str | None = None


class Document(ABC):
    """A parsed document; subclasses hold whatever they need to rebuild the file."""

    #: short format name: "txt", "md", "docx", "srt"…
    format_name: str = ""
    #: the extensions export() can write when the original format cannot be rebuilt
    #: faithfully (PDF: .docx, .md, .txt); empty means "its own format"
    export_formats: tuple[str, ...] = ()
    #: the file holds one target language and says which (PO ``Language:``, XLIFF
    #: ``target-language``): a translation into another one is refused
    declares_target: bool = False
    #: export writes the target language into the header (a PO ``Language:``), so a file
    #: that holds no translation yet may be translated into another language than it names
    rewrites_declared_target: bool = False

    def __init__(self, path: Path, units: list[Unit]) -> None:
        self.path = path
        self.units = units
        #: unit id -> what the last export could not write as translated, as flags with
        #: arguments (``link_removed`` url, ``image_removed`` name, ``lines_rewrapped`` found and
        #: total, ``tag_moved``, ``formatting_lost``, ``structure_injected``…); ``str(flag)``
        #: is its English sentence
        self.flagged: dict[str, list[Flag]] = {}
        #: things the user must be told once, each a sentence as data
        #: (``Sentence("tracked_changes")``, "no text layer on page 3"…); export may add
        #: more (a PO header switched to UTF-8). The CLI prints each once in English, the
        #: GUI shows it in the UI language.
        self.notices: list[Sentence] = []
        #: (source, target) language codes the file's own header declares (PO
        #: ``Language:``, XLIFF ``srcLang``/``trgLang``); None where it says nothing
        self.declared_languages: tuple[str | None, str | None] = (None, None)
        #: the language code the translation is in, set by whoever exports (CLI, GUI)
        #: for the formats that record it in the file (a TMX target ``<tuv xml:lang>``)
        self.target_language: str | None = None
        #: the language code of the text, once the pair is chosen (a scanned PDF flags
        #: what its OCR models cannot read)
        self.source_language: str | None = None
        #: comments/annotations were read as units (so a reopening for export must too)
        self.include_comments = False

    def notice(self, sentence: Sentence) -> None:
        """Add *sentence* to :attr:`notices` unless it is already there (said once)."""
        if sentence not in self.notices:
            self.notices.append(sentence)

    def existing_targets(self, code: str) -> dict[str, tuple[str, str]]:
        """See :func:`bayling_desktop.documents.existing_translations`."""
        from ..languages import same_language

        declared = self.declared_languages[1]
        if declared and not same_language(declared, code):
            return {}
        return {u.id: (u.target, u.target_status) for u in self.units
                if u.target and u.target_status}

    def unit(self, unit_id: str) -> Unit:
        for unit in self.units:
            if unit.id == unit_id:
                return unit
        raise KeyError(unit_id)

    @abstractmethod
    def export(self, translations: Mapping[str, str], out_path: Path) -> None:
        """Write the document with every unit whose id is in *translations* replaced.

        Units missing from *translations* keep their source text. Writing is atomic.
        """
