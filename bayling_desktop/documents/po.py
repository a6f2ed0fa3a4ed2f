"""gettext PO/POT: one unit per message. Export fills msgstr and marks it fuzzy, so the file
goes back into a CAT tool or Weblate for review; the header, comments, contexts and
references are kept, and the file keeps the charset its header declares unless the
translation cannot be written in it: then the header is switched to UTF-8 and the user is
told (never mojibake under a wrong header). The header's ``Language:`` (and the
``X-Source-Language:`` some tools write) are the document's declared languages."""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import DocumentError
from ..fileio import atomic_write_bytes
from ..languages import primary_subtag
from .encoding import check_size
from .model import Document, Unit

if TYPE_CHECKING:
    from polib import POFile


class PoDocument(Document):
    format_name = "po"

    def __init__(self, path: Path, catalog: POFile, keys: dict[str, tuple[int, int]],
                 units: list[Unit]) -> None:
        super().__init__(path, units)
        self._catalog = catalog
        #: unit id -> (entry number, plural form or -1)
        self._keys = keys

    def export(self, translations: Mapping[str, str], out_path: Path) -> None:
        import copy

        catalog = copy.deepcopy(self._catalog)
        entries = list(catalog)
        for unit_id, (number, form) in self._keys.items():
            if unit_id not in translations:
                continue
            entry = entries[number]
            if form < 0:
                entry.msgstr = translations[unit_id]
            else:
                entry.msgstr_plural[form] = translations[unit_id]
            if "fuzzy" not in entry.flags:
                entry.flags.append("fuzzy")
        if translations and self.target_language:
            self._declare_language(catalog, self.target_language)
        encoding = catalog.encoding or "utf-8"
        try:
            data = str(catalog).encode(encoding)
        except (LookupError, UnicodeEncodeError):
            _switch_to_utf8(catalog)
            data = str(catalog).encode("utf-8")
            self.notice(f"{self.path.name} declared the charset {encoding}, which cannot hold "
                        "the translation; it was written as UTF-8 and its header says so now.")
        atomic_write_bytes(out_path, data)


    def _declare_language(self, catalog: POFile, target: str) -> None:
        """A translated catalogue says which language it is in, so gettext tools (and
        msgfmt's plural check) treat it as that language, not as the template."""
        declared = _language(catalog.metadata.get("Language"))
        if declared is None or primary_subtag(declared) != primary_subtag(target):
            catalog.metadata["Language"] = target.replace("-", "_")
        plural = _PLURAL_FORMS.get(primary_subtag(target))
        if plural and "INTEGER" in catalog.metadata.get("Plural-Forms", "INTEGER"):
            catalog.metadata["Plural-Forms"] = plural
        elif "INTEGER" in catalog.metadata.get("Plural-Forms", ""):
            self.notice(f"The template's Plural-Forms header is a placeholder: set it for "
                        f"{target} before compiling the catalogue.")


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


def _switch_to_utf8(catalog: POFile) -> None:
    content_type = catalog.metadata.get("Content-Type", "text/plain; charset=UTF-8")
    if "charset=" in content_type:
        content_type = re.sub(r"charset=[^;\s]*", "charset=UTF-8", content_type)
    else:
        content_type += "; charset=UTF-8"
    catalog.metadata["Content-Type"] = content_type
    catalog.encoding = "utf-8"


def _language(value: str | None) -> str | None:
    value = (value or "").strip()
    return value.replace("_", "-") if value else None


def load(path: Path) -> PoDocument:
    import polib

    check_size(path)
    try:
        catalog = polib.pofile(str(path), wrapwidth=78)
    except (OSError, ValueError, UnicodeDecodeError) as exc:
        # polib names the whole path ("Syntax error in po file /home/… (line 5)"): the line
        # is what helps, the path the user already knows
        line = re.search(r"\(line (\d+)\)", str(exc))
        reason = f"a syntax error on line {line.group(1)}" if line else str(exc)
        raise DocumentError(f"{path.name} is not a valid PO file ({reason}).") from None
    units: list[Unit] = []
    keys: dict[str, tuple[int, int]] = {}
    for number, entry in enumerate(catalog):
        if entry.obsolete or not entry.msgid:
            continue
        context = entry.msgctxt or entry.comment or ""
        if entry.msgid_plural:
            forms = sorted(entry.msgstr_plural) or [0, 1]
            for form in forms:
                source = entry.msgid if form == 0 else entry.msgid_plural
                unit_id = f"m{number}-{form}"
                units.append(Unit(unit_id, source, "entry", context,
                                  entry.msgstr_plural.get(form) or None))
                keys[unit_id] = (number, form)
        else:
            unit_id = f"m{number}"
            units.append(Unit(unit_id, entry.msgid, "entry", context, entry.msgstr or None))
            keys[unit_id] = (number, -1)
    if not units:
        raise DocumentError(f"{path.name} holds no messages to translate.")
    document = PoDocument(path, catalog, keys, units)
    document.declared_languages = (_language(catalog.metadata.get("X-Source-Language")),
                                   _language(catalog.metadata.get("Language")))
    return document
