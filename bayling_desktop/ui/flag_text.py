"""Flags in the user's language.

A flag is a code with arguments (:mod:`bayling_desktop.flags`); its English template is
marked for Qt Linguist in that table, so here the GUI only looks the template up in the
"Flags" context and fills in the arguments. Nothing is parsed back from English.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ..flags import TEMPLATES, Flag, render

CONTEXT = "Flags"


def flag_text(flag: Flag) -> str:
    """*flag* as a sentence in the interface language (English when untranslated)."""
    template = TEMPLATES.get(flag.code)
    if template is None:
        return render(flag)
    return render(flag, {flag.code: QCoreApplication.translate(CONTEXT, template)})
