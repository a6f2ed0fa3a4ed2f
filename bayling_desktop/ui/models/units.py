"""Sizes, speeds and durations as people read them, in the interface language."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

_CONTEXT = "ModelUnits"


def _tr(text: object) -> str:
    """*text*, marked with QT_TRANSLATE_NOOP (lupdate cannot see through this helper)."""
    return QCoreApplication.translate(_CONTEXT, str(text))


def size_text(size: int) -> str:
    """Decimal units, as the Hub and file managers show them."""
    if size >= 1_000_000_000:
        return _tr(QT_TRANSLATE_NOOP("ModelUnits", "{0:.2f} GB")).format(size / 1e9)
    if size >= 1_000_000:
        return _tr(QT_TRANSLATE_NOOP("ModelUnits", "{0:.1f} MB")).format(size / 1e6)
    if size >= 1_000:
        return _tr(QT_TRANSLATE_NOOP("ModelUnits", "{0:.0f} kB")).format(size / 1e3)
    return _tr(QT_TRANSLATE_NOOP("ModelUnits", "{0} bytes")).format(size)


def speed_text(bytes_per_second: float) -> str:
    if bytes_per_second <= 0:
        return ""
    return _tr(QT_TRANSLATE_NOOP("ModelUnits", "{0}/s")).format(size_text(int(bytes_per_second)))


def duration_text(seconds: float | None) -> str:
    if seconds is None:
        return ""
    whole = max(0, round(seconds))
    if whole < 60:
        return _tr(QT_TRANSLATE_NOOP("ModelUnits", "{0} s")).format(whole)
    if whole < 3600:
        return _tr(QT_TRANSLATE_NOOP("ModelUnits", "{0} min {1:02d} s")).format(
            whole // 60, whole % 60)
    return _tr(QT_TRANSLATE_NOOP("ModelUnits", "{0} h {1:02d} min")).format(
        whole // 3600, whole % 3600 // 60)


def context_text(tokens: int) -> str:
    if tokens <= 0:
        return ""
    if tokens % 1024 == 0:
        return _tr(QT_TRANSLATE_NOOP("ModelUnits", "{0}K tokens")).format(tokens // 1024)
    return _tr(QT_TRANSLATE_NOOP("ModelUnits", "{0} tokens")).format(tokens)
