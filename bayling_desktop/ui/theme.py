"""Light, dark or following the system.

Qt's color-scheme hint is the native way (Windows, macOS, GNOME and KDE honour it);
where the platform ignores it we fall back to the Fusion style with our own palette,
so the user's choice always takes effect.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory

_SCHEMES = {"light": Qt.ColorScheme.Light, "dark": Qt.ColorScheme.Dark}
_original_style: str | None = None


def dark_palette() -> QPalette:
    role = QPalette.ColorRole
    palette = QPalette()
    base, window, text = QColor(30, 30, 30), QColor(45, 45, 45), QColor(230, 230, 230)
    for color_role, color in ((role.Window, window), (role.WindowText, text),
                              (role.Base, base), (role.AlternateBase, window),
                              (role.ToolTipBase, window), (role.ToolTipText, text),
                              (role.Text, text), (role.Button, window),
                              (role.ButtonText, text), (role.BrightText, QColor(255, 80, 80)),
                              (role.Link, QColor(110, 170, 255)),
                              (role.Highlight, QColor(60, 110, 190)),
                              (role.HighlightedText, QColor(255, 255, 255)),
                              (role.PlaceholderText, QColor(150, 150, 150))):
        palette.setColor(color_role, color)
    disabled = QColor(130, 130, 130)
    for color_role in (role.Text, role.WindowText, role.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, color_role, disabled)
    return palette


def apply_theme(setting: str) -> None:
    global _original_style
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return
    if _original_style is None:
        _original_style = app.style().name()
    hints = QGuiApplication.styleHints()
    scheme = _SCHEMES.get(setting)
    if not hasattr(hints, "setColorScheme"):  # Qt < 6.8: palette only
        honoured = scheme is None
    else:
        if scheme is None:
            hints.unsetColorScheme()
        else:
            hints.setColorScheme(scheme)
        honoured = scheme is None or hints.colorScheme() == scheme
    if honoured:
        if app.style().name() != _original_style:
            app.setStyle(QStyleFactory.create(_original_style))
        app.setPalette(app.style().standardPalette())
        return
    # The platform ignored the hint: paint it ourselves.
    app.setStyle(QStyleFactory.create("Fusion"))
    app.setPalette(dark_palette() if setting == "dark" else app.style().standardPalette())
