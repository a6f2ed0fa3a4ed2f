"""Documents: read a file into translatable units and write it back translated.

``open_document(path)`` picks the format by extension, confirmed by sniffing the
content (a ``.txt`` that is really a Word file is refused with a clear message);
each format module (in :mod:`.formats`) exposes ``load(path) -> Document``.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from pathlib import Path

from ..errors import DocumentError
from ..fileio import protect as protect_input
from ..languages import same_language
from ..sentences import Sentence
from .model import Document, Unit
from .segment import join_sentences, split_sentences, split_units

__all__ = ["FORMAT_DESCRIPTIONS", "Document", "Unit", "check_target_language",
           "default_output_path", "existing_translations", "export_bilingual",
           "join_sentences", "open_document", "split_sentences", "split_units",
           "supported_extensions"]

#: extension -> (module of .formats, loader function name)
_LOADERS: dict[str, tuple[str, str]] = {
    ".txt": ("txt", "load"),
    ".text": ("txt", "load"),
    ".md": ("markdown", "load"),
    ".markdown": ("markdown", "load"),
    ".html": ("html", "load"),
    ".htm": ("html", "load"),
    ".docx": ("docx", "load"),
    ".srt": ("subtitles", "load_srt"),
    ".vtt": ("subtitles", "load_vtt"),
    ".ass": ("ass", "load"),
    ".ssa": ("ass", "load"),
    ".po": ("po", "load"),
    ".pot": ("po", "load"),
    ".odt": ("odt", "load"),
    ".pdf": ("pdf", "load"),
    ".xlf": ("xliff", "load"),
    ".xliff": ("xliff", "load"),
    ".tmx": ("tmx", "load"),
    ".epub": ("epub", "load"),
    ".pptx": ("pptx", "load"),
    ".xlsx": ("xlsx", "load"),
}

#: extension -> what the file is, as a sentence each front end says in its language
FORMAT_DESCRIPTIONS: dict[str, Sentence] = {
    ".txt": Sentence("format_text"), ".text": Sentence("format_text"),
    ".md": Sentence("format_markdown"), ".markdown": Sentence("format_markdown"),
    ".html": Sentence("format_html"), ".htm": Sentence("format_html"),
    ".docx": Sentence("format_docx"), ".srt": Sentence("format_srt"),
    ".vtt": Sentence("format_vtt"), ".ass": Sentence("format_ass"),
    ".ssa": Sentence("format_ssa"), ".po": Sentence("format_po"),
    ".pot": Sentence("format_pot"), ".xlf": Sentence("format_xliff"),
    ".xliff": Sentence("format_xliff"), ".tmx": Sentence("format_tmx"),
    ".odt": Sentence("format_odt"), ".pdf": Sentence("format_pdf"),
    ".epub": Sentence("format_epub"), ".pptx": Sentence("format_pptx"),
    ".xlsx": Sentence("format_xlsx"),
}

_ZIP_FORMATS = {".docx", ".odt", ".epub", ".pptx", ".xlsx"}
#: an OLE compound file: what Office writes for a password-protected .docx/.pptx/.xlsx
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def supported_extensions() -> tuple[str, ...]:
    return tuple(sorted(_LOADERS))


def _sniff(path: Path) -> None:
    """Refuse a file whose content contradicts its extension, before a parser chokes on it."""
    with path.open("rb") as handle:
        head = handle.read(512)
    suffix = path.suffix.lower()
    is_zip = head.startswith(b"PK\x03\x04")
    if suffix in _ZIP_FORMATS and head.startswith(_OLE_MAGIC):
        raise DocumentError("password_protected_old_binary", path=path.name)
    if suffix in _ZIP_FORMATS and not is_zip and head:
        raise DocumentError("not_a_zip_archive", path=path.name,
                            format=FORMAT_DESCRIPTIONS[suffix])
    if suffix == ".pdf":
        if not head.startswith(b"%PDF"):
            raise DocumentError("not_pdf_file", path=path.name)
        return
    if suffix not in _ZIP_FORMATS and (is_zip or head.startswith(b"%PDF")):
        kind = Sentence("kind_pdf" if head.startswith(b"%PDF") else "kind_zip")
        raise DocumentError("wrong_extension", path=path.name, kind=kind,
                            format=FORMAT_DESCRIPTIONS.get(suffix, Sentence("format_text")))


#: formats whose loader takes ``include_comments`` (comments/annotations are optional units)
_COMMENTED = {"docx", "odt", "xlsx"}


def open_document(path: str | Path, *, include_comments: bool = False,
                  password: str | None = None,
                  on_progress: Callable[[int, int], None] | None = None) -> Document:
    """Read *path* into units; *include_comments* also makes Word comments, ODF
    annotations and Excel cell comments units (off by default: they are notes to the
    author, not the text); *password* opens a PDF encrypted with a user password;
    *on_progress* hears (pages read, pages) while a PDF is read (its scans by OCR)."""
    path = Path(path)
    if not path.exists():
        raise DocumentError("file_missing", path=path)
    if path.is_dir():
        raise DocumentError("folder_not_file", path=path)
    entry = _LOADERS.get(path.suffix.lower())
    if entry is None:
        known = ", ".join(supported_extensions())
        raise DocumentError("file_type_not_supported", path=path.name, known=known)
    if path.stat().st_size == 0:
        raise DocumentError("document_empty", path=path.name)
    _sniff(path)
    module = importlib.import_module(f"{__name__}.formats.{entry[0]}")
    loader: Callable[..., Document] = getattr(module, entry[1])
    if entry[0] in _COMMENTED:
        document = loader(path, include_comments=include_comments)
        document.include_comments = include_comments
    elif entry[0] == "pdf":
        document = loader(path, password=password, on_progress=on_progress)
    else:
        document = loader(path)
    protect_input(path, document)  # no writer may replace it while the document lives
    return document


def default_output_path(path: Path, lang_code: str) -> Path:
    """``NAME.LANG.EXT`` beside the input (a gettext template's translation is a
    catalogue: ``messages.pot`` → ``messages.zh.po``)."""
    suffix = {".pot": ".po"}.get(path.suffix.lower(), path.suffix)
    return path.with_name(f"{path.stem}.{lang_code}{suffix}")


def export_bilingual(document: Document, translations: Mapping[str, str], out_path: Path,
                     *, layout: str = "side-by-side") -> None:
    """Source and translation side by side: a two-column .docx table, an .html page, or
    (for a PDF) a .pdf whose pages show the original and the translation side by side
    (*layout* ``"alternate"``: on alternating pages, see :data:`.pdf_write.LAYOUTS`)."""
    from .formats.bilingual import write_bilingual

    write_bilingual(document, translations, out_path, layout=layout)


def check_target_language(document: Document, code: str) -> None:
    """Refuse, in one sentence, to translate a file that says it holds another language.

    A PO catalogue whose ``Language:`` is de, an XLIFF file whose ``target-language`` is
    cs: Chinese written into it would be filed as German or Czech by every tool that
    reads it next. A file that says nothing (a template) takes any target. Two codes
    are one language when they share the primary subtag and, where both are known,
    the script (zh_CN takes zh; zh_TW does not).
    """
    declared = document.declared_languages[1]
    if not document.declares_target or not declared or same_language(declared, code):
        return
    if document.rewrites_declared_target and not any(u.target for u in document.units):
        return  # nothing translated in it yet: export writes the new language in the header
    raise DocumentError("po_holds_other_language", path=document.path.name, declared=declared,
                        code=code)


def existing_translations(document: Document, code: str) -> dict[str, tuple[str, str]]:
    """unit id -> (target, status) of every translation into *code* the file already
    holds: "approved" for the translator's finished work, "draft" for fuzzy or
    needs-review targets (a TMX file answers for the language asked; a file whose
    targets are in another language has none).

    The project starts these segments with them (author "file"), so a run translates only
    what is new and export leaves them as they were; the CLI's ``--retranslate`` and
    ``--fuzzy`` make them new work again (see ``ProjectStore.adopt_existing``).
    """
    return document.existing_targets(code)
