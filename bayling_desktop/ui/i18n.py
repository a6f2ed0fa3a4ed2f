"""UI languages: compile Qt Linguist sources and install the translators.

``.ts`` sources live in ``resources/i18n/`` (edited with Qt Linguist); the compiled
``.qm`` files are build output in the package (``bayling_desktop/resources/i18n/``),
made by :func:`compile_translations` from the install step, never by hand.
"""

from __future__ import annotations

import logging
import re
import shutil
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QLibraryInfo,
    QLocale,
    QTranslator,
)

from ..languages import Language

log = logging.getLogger(__name__)

PACKAGE_DIR = Path(__file__).resolve().parent.parent
SOURCE_DIR = PACKAGE_DIR.parent / "resources" / "i18n"
COMPILED_DIR = PACKAGE_DIR / "resources" / "i18n"
CATALOG = "bayling_desktop"
LANGUAGES = ("en", "zh_CN")


class TranslationBuildError(RuntimeError):
    pass


def _lrelease() -> str:
    beside = Path(sys.executable).with_name("pyside6-lrelease")
    if beside.exists():
        return str(beside)
    found = shutil.which("pyside6-lrelease") or shutil.which("lrelease")
    if found is None:
        raise TranslationBuildError("pyside6-lrelease was not found; install PySide6.")
    return found


def compile_translations(source_dir: Path = SOURCE_DIR, target_dir: Path = COMPILED_DIR,
                         force: bool = False) -> list[Path]:
    """Build every ``.ts`` into a ``.qm`` that is missing or older; return those built."""
    built: list[Path] = []
    if not source_dir.is_dir():
        return built
    target_dir.mkdir(parents=True, exist_ok=True)
    for source in sorted(source_dir.glob("*.ts")):
        target = target_dir / source.with_suffix(".qm").name
        if not force and target.exists() and target.stat().st_mtime >= source.stat().st_mtime:
            continue
        done = subprocess.run([_lrelease(), "-silent", str(source), "-qm", str(target)],
                              capture_output=True, text=True, check=False)
        if done.returncode != 0 or not target.exists():
            raise TranslationBuildError(f"lrelease failed for {source.name}: "
                                        f"{done.stderr.strip() or done.stdout.strip()}")
        built.append(target)
    return built


def ensure_compiled() -> None:
    """In a source checkout, rebuild stale ``.qm`` files; quietly skip when impossible."""
    try:
        compile_translations()
    except (TranslationBuildError, OSError) as exc:
        log.info("translations not rebuilt: %s", exc)


def resolve_language(setting: str) -> str:
    """The UI language to use for a settings value ("system", "en", "zh_CN")."""
    if setting in LANGUAGES:
        return setting
    name = QLocale.system().name()
    return "zh_CN" if name.startswith("zh") else "en"


class Translators:
    """The installed translators, so switching language can swap them."""

    def __init__(self) -> None:
        self._installed: list[QTranslator] = []
        self.language = "en"

    def install(self, setting: str, app: QCoreApplication | None = None) -> str:
        """Swap to *setting*'s language; Qt then sends LanguageChange to every widget."""
        app = app or QCoreApplication.instance()
        if app is None:
            return self.language
        for translator in self._installed:
            app.removeTranslator(translator)
        self._installed.clear()
        language = resolve_language(setting)
        self.language = language
        if language != "en":
            qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
            for name, folder in ((f"qtbase_{language}", qt_dir),
                                 (f"{CATALOG}_{language}", str(COMPILED_DIR))):
                translator = QTranslator(app)
                if translator.load(name, folder):
                    app.installTranslator(translator)
                    self._installed.append(translator)
                else:
                    log.info("no translation %s in %s", name, folder)
        return language


# -- language names -------------------------------------------------------------------


def ui_is_chinese() -> bool:
    """Whether the installed UI translation is Chinese (its catalog translates "English")."""
    return QCoreApplication.translate("Languages", "English") != "English"


def language_label(lang: Language) -> str:
    """*lang* as pickers show it, named in the UI language: "日文 (ja)" / "Japanese (ja)".

    The names come from the one table in ``languages.py``; call this again on
    LanguageChange to re-say them.
    """
    return lang.label(ui_is_chinese())


def language_name(lang: Language) -> str:
    return lang.name(ui_is_chinese())


# -- messages from the core ---------------------------------------------------------
#
# The core (engine, documents, translation, storage) has no Qt and speaks English. The
# messages a GUI user meets most are listed here as templates: the English text with
# {0}, {1}… where the core puts a name or a number. translate_error() matches a message
# against them and returns the translation with the same values; a message that no
# template matches is shown as the core wrote it.
_CORE_CONTEXT = "CoreMessages"
_CORE_TEMPLATES = (
    QT_TRANSLATE_NOOP("CoreMessages", "No model is loaded yet."),
    QT_TRANSLATE_NOOP("CoreMessages", "The model was closed."),
    QT_TRANSLATE_NOOP("CoreMessages", "The model is busy with another request."),
    QT_TRANSLATE_NOOP("CoreMessages", "The model could not be loaded: {0}."),
    QT_TRANSLATE_NOOP("CoreMessages", "Unexpected error: {0}."),
    QT_TRANSLATE_NOOP("CoreMessages", "The model file {0} does not exist."),
    QT_TRANSLATE_NOOP("CoreMessages", "{0} is a folder, not a model file."),
    QT_TRANSLATE_NOOP("CoreMessages", "{0} is not a GGUF model file (it is only {1} bytes)."),
    QT_TRANSLATE_NOOP("CoreMessages", "{0} is not a GGUF model file{1}."),
    QT_TRANSLATE_NOOP("CoreMessages", "{0} has an implausible header; the file is corrupt."),
    QT_TRANSLATE_NOOP("CoreMessages", "Permission denied: cannot read {0}."),
    QT_TRANSLATE_NOOP("CoreMessages", "Could not read {0}: {1}."),
    QT_TRANSLATE_NOOP("CoreMessages", "The model failed while generating ({0})."),
    QT_TRANSLATE_NOOP("CoreMessages", "The model failed while reading the prompt ({0})."),
    QT_TRANSLATE_NOOP("CoreMessages", "{0} does not exist."),
    QT_TRANSLATE_NOOP("CoreMessages", "{0} is a folder, not a file."),
    QT_TRANSLATE_NOOP("CoreMessages", "{0} is empty: there is nothing to translate."),
    QT_TRANSLATE_NOOP("CoreMessages", "{0} holds no text to translate."),
    QT_TRANSLATE_NOOP("CoreMessages", "{0} holds no terms."),
    QT_TRANSLATE_NOOP("CoreMessages", "{0} is not a PDF file."),
    QT_TRANSLATE_NOOP("CoreMessages", "{0} is not a TMX file."),
    QT_TRANSLATE_NOOP("CoreMessages", "{0} is encrypted; remove the password first."),
    QT_TRANSLATE_NOOP("CoreMessages",
                      "{0}: this file type is not supported (supported: {1})."),
    QT_TRANSLATE_NOOP("CoreMessages", "{0}: a glossary is a .csv, .tsv or .tbx file."),
    QT_TRANSLATE_NOOP("CoreMessages", "{0} looks like a binary file, not text."),
    QT_TRANSLATE_NOOP("CoreMessages", "Could not tell which text encoding {0} uses."),
    QT_TRANSLATE_NOOP("CoreMessages", "Write what should change in the translation."),
    QT_TRANSLATE_NOOP("CoreMessages", "Segment {0} has no translation to revise yet."),
    QT_TRANSLATE_NOOP("CoreMessages", "No language was given."),
    QT_TRANSLATE_NOOP("CoreMessages", "The remote backend was closed."),
    QT_TRANSLATE_NOOP("CoreMessages", "The server sent a reply this app cannot read."),
    QT_TRANSLATE_NOOP("CoreMessages", "The server reported an error: {0}"),
    QT_TRANSLATE_NOOP("CoreMessages", "A model named {0} is already in the library."),
    QT_TRANSLATE_NOOP("CoreMessages", "Only .gguf files can be used as models; pick the GGUF "
                      "file of the model."),
    QT_TRANSLATE_NOOP("CoreMessages", "The model started repeating itself and was stopped."),
    QT_TRANSLATE_NOOP("CoreMessages", "The conversation is longer than the model's context "
                      "window: the oldest {0} {1} were left out of this request."),
    QT_TRANSLATE_NOOP("CoreMessages", "The request needs {0} tokens but the model's context "
                      "window holds {1}: shorten the text or raise the context length in "
                      "Settings."),
    QT_TRANSLATE_NOOP("CoreMessages", "BayLing Desktop is already running with this data "
                      "folder but does not answer; close it (or end its process) and try "
                      "again."),
)


def _pattern(template: str) -> re.Pattern[str]:
    parts = re.split(r"\{\d\}", template)
    return re.compile("(.+?)".join(re.escape(p) for p in parts) + r"\Z", re.DOTALL)


_PATTERNS = tuple((str(template), _pattern(str(template))) for template in _CORE_TEMPLATES)


def translate_error(message: str) -> str:
    """*message* from the core in the UI language (unchanged when no template fits)."""
    text = message.strip()
    for template, pattern in _PATTERNS:
        found = pattern.match(text)
        if found is not None:
            translated = QCoreApplication.translate(_CORE_CONTEXT, template)
            try:
                return translated.format(*found.groups())
            except (IndexError, KeyError, ValueError):  # a broken translation: keep English
                return message
    return message
