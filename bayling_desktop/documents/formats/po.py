"""gettext PO/POT: one unit per message (per plural form).

What the translator already did is theirs: a msgstr that is there and not fuzzy is the
unit's :attr:`~.model.Unit.target` with status "approved", a fuzzy one "draft"; the
project keeps them (see :func:`bayling_desktop.documents.existing_translations`) and
export leaves an entry whose translation did not change exactly as it was, byte for
byte (:mod:`.po_text`). Entries that are translated get their msgstr and the fuzzy
flag, so the file goes back into a CAT tool or Weblate for review.

What must survive is kept out of the model's reach: ``msgctxt`` and the comments go to
:attr:`~.model.Unit.context`; line breaks and spaces at the start and end of a msgid are
cut off before translation and put back exactly on export (msgfmt refuses a msgstr
whose edge line breaks differ); HTML inside a msgid travels as numbered tags
(:mod:`.stringmarkup`). Plural entries follow the catalogue's ``Plural-Forms``: a
catalogue with one form (zh, ja, ko…) gets one unit from the *plural* msgid, whose
placeholders are the ones every count needs; a template gives two units (singular,
plural), mapped onto the target's forms on export. After writing, the catalogue is
checked the way msgfmt does (:mod:`.po_check`); an entry that would not compile is put
back as it was and named.

The header's ``Language:`` (and the ``X-Source-Language:`` some tools write) are the
document's declared languages; export sets ``Language`` and a template's placeholder
``Plural-Forms`` for the target, and keeps the charset unless the translation cannot be
written in it (then UTF-8, and the user is told).
"""

from __future__ import annotations

import copy
import os
import re
import tempfile
from collections.abc import Mapping
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from ... import __version__
from ...errors import DocumentError
from ...fileio import atomic_write_bytes
from ...flags import Flag
from ...languages import primary_subtag
from ...sentences import Sentence
from ..encoding import check_size
from ..model import Document, Unit
from ..tags import tag_names
from . import po_check, po_text, stringmarkup

if TYPE_CHECKING:
    from polib import POEntry, POFile


class PoDocument(Document):
    format_name = "po"
    declares_target = True
    rewrites_declared_target = True

    def __init__(self, path: Path, catalog: POFile, text: str, units: list[Unit],
                 forms: int | None) -> None:
        super().__init__(path, units)
        self._catalog = catalog
        self._layout = po_text.layout(text, catalog)
        #: plural forms the units were made for (None: a template, singular + plural)
        self._forms = forms
        #: entry number -> its units, in form order
        self._by_entry: dict[int, list[Unit]] = {}
        for unit in units:
            self._by_entry.setdefault(int(str(unit.meta["entry"])), []).append(unit)

    def export(self, translations: Mapping[str, str], out_path: Path) -> None:
        self.flagged = {}
        target_forms = self._target_forms()
        changed: dict[int, POEntry] = {}
        entries = list(self._catalog)
        for number, units in self._by_entry.items():
            entry = self._translated(entries[number], units, translations, target_forms)
            if entry is not None:
                changed[number] = entry
        others = 0
        for _attempt in range(3):
            data = self._render(changed, target_forms)
            broken, others = self._check(data, changed)
            if not broken:
                break
            for number, detail in broken.items():
                del changed[number]
                for unit in self._by_entry[number]:
                    self.flagged.setdefault(unit.id, []).append(Flag(
                        "catalog_reverted", {"msgid": _short(entries[number].msgid),
                                             "detail": detail}, blocking=True))
        if others:
            self.notice(Sentence("po_did_not_compile", path=self.path.name, count=others))
        atomic_write_bytes(out_path, data)

    # -- entries ----------------------------------------------------------------------------

    def _translated(self, entry: POEntry, units: list[Unit], translations: Mapping[str, str],
                    target_forms: int) -> POEntry | None:
        """A copy of *entry* with its new translation, or None when nothing changes."""
        given = {u.id: translations[u.id] for u in units if u.id in translations}
        if all(text == unit.target for unit in units
               for text in [given.get(unit.id)] if text is not None):
            return None  # nothing, or what the file already holds: left as it is
        texts: dict[str, str] = {}
        for unit in units:
            if unit.id in given:
                finished = self._finish(unit, given[unit.id])
                if finished is None:
                    return None
                texts[unit.id] = finished
        new = copy.deepcopy(entry)
        if not entry.msgid_plural:
            new.msgstr = texts[units[0].id]
        elif self._forms is not None:
            new.msgstr_plural = {form: entry.msgstr_plural.get(form, "")
                                 for form in range(self._forms)}  # exactly nplurals forms
            for unit in units:
                form = int(str(unit.meta["form"]))
                new.msgstr_plural[form] = texts.get(unit.id, new.msgstr_plural[form])
        else:  # a template: singular and plural units onto the target's forms
            by_form = {int(str(u.meta["form"])): texts.get(u.id) for u in units}
            choice = {entry.msgid: by_form.get(0), entry.msgid_plural: by_form.get(1)}
            wanted = [choice[text] for text in _form_sources(entry, self._target_rule(),
                                                              target_forms)]
            if any(text is None for text in wanted):
                return None  # half a plural entry is no translation
            new.msgstr_plural = {i: str(text) for i, text in enumerate(wanted)}
        if "fuzzy" not in new.flags:
            new.flags.insert(0, "fuzzy")  # where msgmerge puts it
        return new

    def _finish(self, unit: Unit, translation: str) -> str | None:
        """The msgstr for *translation*: its markup and the msgid's edge whitespace back."""
        body = translation.strip()
        markup = unit.meta.get("markup")
        if isinstance(markup, dict) and markup and not (
                stringmarkup.has_markup(body) and not tag_names(body)):
            restored = stringmarkup.untag(body, markup)
            if restored is None:
                self.flagged.setdefault(unit.id, []).append(
                    Flag("markup_lost", {}, blocking=True))
                return None
            body = restored
        return f"{unit.meta.get('lead', '')}{body}{unit.meta.get('trail', '')}"

    def _target_rule(self) -> str:
        """The Plural-Forms the written catalogue will have."""
        known = _PLURAL_FORMS.get(primary_subtag(self.target_language or ""))
        header = self._catalog.metadata.get("Plural-Forms", "")
        return known if known and "INTEGER" in (header or "INTEGER") else header

    def _target_forms(self) -> int:
        if self._forms is not None:
            return self._forms
        declared = po_check.nplurals(self._catalog)
        known = _PLURAL_FORMS.get(primary_subtag(self.target_language or ""))
        if known and "INTEGER" in self._catalog.metadata.get("Plural-Forms", "INTEGER"):
            return int(re.search(r"\d+", known).group(0))  # type: ignore[union-attr]
        return declared or 2

    # -- the file -----------------------------------------------------------------------------

    def _render(self, changed: dict[int, POEntry], target_forms: int) -> bytes:
        catalog = self._catalog
        changes = self._header_changes() if changed else {}
        encoding = catalog.encoding or "utf-8"
        text = self._text(changed, changes)
        try:
            return text.encode(encoding)
        except (LookupError, UnicodeEncodeError):
            self.notice(Sentence("charset_switched", path=self.path.name, encoding=encoding))
            changes["Content-Type"] = _utf8(catalog.metadata.get("Content-Type", ""))
            return self._text(changed, changes).encode("utf-8")

    def _text(self, changed: dict[int, POEntry], changes: dict[str, str]) -> str:
        layout = self._layout
        if layout is None:  # the whole catalogue through polib
            catalog = copy.deepcopy(self._catalog)
            entries = list(catalog)
            for number, entry in changed.items():
                entries[number].msgstr, entries[number].msgstr_plural = (entry.msgstr,
                                                                        entry.msgstr_plural)
                entries[number].flags = entry.flags
            catalog.metadata.update(changes)
            return str(catalog)
        header = None
        if changes:
            # a template's "#, fuzzy" header: the catalogue of a language is not one
            head = [line for line in layout.head
                    if not re.fullmatch(r"#,\s*fuzzy\s*", line.strip())]
            header = po_text.edit_header(head, changes, layout.newline)
        return layout.render({n: po_text.entry_text(e) for n, e in changed.items()}, header)

    def _header_changes(self) -> dict[str, str]:
        """Header fields a catalogue of the target language must say."""
        metadata, target = self._catalog.metadata, self.target_language
        changes: dict[str, str] = {}
        content_type = metadata.get("Content-Type", "")
        if "charset=CHARSET" in content_type or not content_type:
            changes["Content-Type"] = _utf8(content_type)
        if "YEAR-MO-DA" in metadata.get("PO-Revision-Date", ""):
            # a template becoming a catalogue says when and by what (as msginit and Poedit
            # do; msgfmt -c warns about the placeholder); a translated catalogue's header
            # is its translators' and stays as it is
            changes["PO-Revision-Date"] = datetime.now().astimezone().strftime(
                "%Y-%m-%d %H:%M%z")
            changes["X-Generator"] = f"BayLing Desktop {__version__}"
        if not target:
            return changes
        declared = _language(metadata.get("Language"))
        if declared is None or primary_subtag(declared) != primary_subtag(target):
            changes["Language"] = target.replace("-", "_")
        plural = _PLURAL_FORMS.get(primary_subtag(target))
        if "INTEGER" in metadata.get("Plural-Forms", "INTEGER"):
            if plural and self._forms is None:
                changes["Plural-Forms"] = plural
            elif "INTEGER" in metadata.get("Plural-Forms", ""):
                self.notice(Sentence("po_plural_placeholder", language=target))
        return changes

    def _check(self, data: bytes, changed: dict[int, POEntry]) -> tuple[dict[int, str], int]:
        """Entry number -> why msgfmt refuses it, for the entries this export changed; and
        how many problems are in entries it did not change (the file came that way)."""
        import polib

        if not changed:
            return {}, 0
        handle, name = tempfile.mkstemp(suffix=".po")
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(data)
            written = polib.pofile(name)
            flags = po_check.validate(Path(name))
        finally:
            os.unlink(name)
        starts = [entry.linenum or 0 for entry in written]
        broken: dict[int, str] = {}
        others = 0
        for flag in flags:
            line = int(flag.arg("line") or 0)
            number = max((n for n, start in enumerate(starts) if start <= line), default=-1)
            if number in changed:
                broken.setdefault(number, flag.arg("detail"))
            else:
                others += 1
        return broken, others


#: gettext's Plural-Forms of the commonest target languages (the GNU gettext manual's table)
_PLURAL_FORMS = {
    **dict.fromkeys(("zh", "ja", "ko", "vi", "th", "id", "ms", "tr"), "nplurals=1; plural=0;"),
    **dict.fromkeys(("en", "de", "nl", "sv", "da", "no", "nb", "fi", "es", "it", "el", "he",
                     "hu", "et", "ca", "bg"), "nplurals=2; plural=(n != 1);"),
    **dict.fromkeys(("fr", "pt"), "nplurals=2; plural=(n > 1);"),
    **dict.fromkeys(("ru", "uk", "be", "sr", "hr", "bs"),
                    "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && "
                    "(n%100<10 || n%100>=20) ? 1 : 2);"),
    "pl": "nplurals=3; plural=(n==1 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) "
          "? 1 : 2);",
    **dict.fromkeys(("cs", "sk"), "nplurals=3; plural=(n==1) ? 0 : (n>=2 && n<=4) ? 1 : 2;"),
}


def _short(text: str) -> str:
    return text if len(text) <= 60 else text[:57] + "…"


def _utf8(content_type: str) -> str:
    content_type = content_type or "text/plain; charset=UTF-8"
    if "charset=" in content_type:
        return re.sub(r"charset=[^;\s]*", "charset=UTF-8", content_type)
    return content_type + "; charset=UTF-8"


def _language(value: str | None) -> str | None:
    value = (value or "").strip()
    return value.replace("_", "-") if value else None


def _context(entry: POEntry) -> str:
    """What the translator of *entry* is told and the model must not translate: the
    msgctxt, the developers' ``#.`` comments and the translators' ``#`` comments."""
    return "\n".join(part for part in (entry.msgctxt, entry.comment, entry.tcomment) if part)


def _form_sources(entry: POEntry, plural_forms: str, count: int) -> list[str]:
    """Which msgid each of *count* plural forms translates: the singular where the form is
    for n = 1 alone, or for 1 among others when the singular has every placeholder of
    the plural (French "%d fichier"); else the plural, whose placeholders every count
    needs (Chinese' one form, Bosnian form 0 for 1, 21, 31… of "a second ago").
    """
    alone, shared = po_check.forms_for_one(plural_forms, count)
    same = po_check.placeholders(entry.msgid) == po_check.placeholders(entry.msgid_plural)
    return [entry.msgid if form in alone or (form in shared and same and count > 1)
            else entry.msgid_plural for form in range(count)]


def _unit(unit_id: str, source: str, entry: POEntry, number: int, form: int,
          existing: str | None) -> Unit | None:
    """The unit of one msgid (or plural form): edges cut off, markup as tags."""
    body = source.strip()
    if not body:
        return None
    lead = source[:len(source) - len(source.lstrip())]
    trail = source[len(source.rstrip()):]
    tagged, markup = stringmarkup.tag(body)
    meta: dict[str, object] = {"entry": number, "form": form, "lead": lead, "trail": trail}
    if markup:
        meta["markup"] = markup
    target = status = None
    if existing:
        target = existing.strip()
        if markup:
            target = stringmarkup.retag(target, markup) or target
        status = "draft" if "fuzzy" in entry.flags else "approved"
    return Unit(unit_id, tagged, "entry", _context(entry), target, meta, status)


#: a line that holds a PO string: a keyword (msgid, msgstr[1]…) or a continuation, quoted
_STRING_LINE = re.compile(r'^\s*(?:#~\s*)?(?:#\|\s*)?(?:(?:msgctxt|msgid|msgid_plural|msgstr'
                          r'(?:\[\d+\])?)\s+)?"')
_CLOSED = re.compile(r'"(?:[^"\\]|\\.)*"\s*$')


def _check_strings(path: Path, text: str) -> None:
    """Refuse a string that is not closed on its line, as msgfmt does ("end-of-line within
    string"): polib reads it leniently and drops its last character, silently."""
    for number, line in enumerate(text.splitlines(), 1):
        match = _STRING_LINE.match(line)
        if match and not _CLOSED.match(line, match.end() - 1):
            raise DocumentError("po_unclosed_string", path=path.name, number=number)


def load(path: Path) -> PoDocument:
    import polib

    check_size(path)
    try:
        catalog = polib.pofile(str(path), wrapwidth=78)
        text = path.read_bytes().decode(catalog.encoding or "utf-8")
    except (OSError, ValueError, UnicodeDecodeError) as exc:
        # polib names the whole path ("Syntax error in po file /home/… (line 5)"): the line
        # is what helps, the path the user already knows
        line = re.search(r"\(line (\d+)\)", str(exc))
        reason = Sentence("po_syntax_error", line=line.group(1)) if line else str(exc)
        raise DocumentError("not_valid_po_file_reason", path=path.name, reason=reason) from None
    _check_strings(path, text)
    # a catalogue of a language follows its own plural forms; a template gets two
    forms = po_check.nplurals(catalog) if _language(catalog.metadata.get("Language")) else None
    units: list[Unit] = []
    for number, entry in enumerate(catalog):
        if entry.obsolete or not entry.msgid:
            continue
        if entry.msgid_plural:
            sources = (_form_sources(entry, catalog.metadata.get("Plural-Forms", ""), forms)
                       if forms else [entry.msgid, entry.msgid_plural])
            for form, msgid in enumerate(sources):
                unit = _unit(f"m{number}-{form}", msgid, entry, number, form,
                             entry.msgstr_plural.get(form))
                if unit is not None:
                    units.append(unit)
        else:
            unit = _unit(f"m{number}", entry.msgid, entry, number, -1, entry.msgstr)
            if unit is not None:
                units.append(unit)
    if not units:
        raise DocumentError("holds_no_messages_translate", path=path.name)
    document = PoDocument(path, catalog, text, units, forms)
    document.declared_languages = (_language(catalog.metadata.get("X-Source-Language")),
                                   _language(catalog.metadata.get("Language")))
    return document
