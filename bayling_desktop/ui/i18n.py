"""UI languages: install the translators and name languages in the UI language.

``.ts`` sources live in ``resources/i18n/`` (edited with Qt Linguist); the compiled
``.qm`` files are build output in the package (``bayling_desktop/resources/i18n/``),
made by :mod:`.translation_build` when the app is built or installed, never by hand and
never at start-up: the app only reads them.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import (
    QCoreApplication,
    QLibraryInfo,
    QLocale,
    QTranslator,
)

from ..languages import Language
from .translation_build import COMPILED_DIR, SOURCE_DIR, compile_translations

__all__ = ["COMPILED_DIR", "LANGUAGES", "SOURCE_DIR", "Translators", "compile_translations",
           "language_label", "language_name", "resolve_language", "ui_is_chinese"]

log = logging.getLogger(__name__)

CATALOG = "bayling_desktop"
LANGUAGES = ("en", "zh_CN")


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
