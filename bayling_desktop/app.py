"""GUI bootstrap: the QApplication, translators, crash reporting, then the main window.

The window appears before the model loads (loading takes seconds, assembling the
built-in model longer); the model thread reports back when it is ready.
"""

from __future__ import annotations

import logging
import os
import sys
import threading

from . import APP_ID, APP_NAME, __version__

log = logging.getLogger(__name__)

#: quit after this many milliseconds (smoke tests and screenshots)
QUIT_AFTER_ENV = "BAYLING_DESKTOP_QUIT_AFTER_MS"


def _fix_frozen_streams() -> None:
    """A windowed frozen build has no console: stdout/stderr are None."""
    for name in ("stdout", "stderr"):
        if getattr(sys, name) is None:
            setattr(sys, name, open(os.devnull, "w", encoding="utf-8"))  # noqa: SIM115


def run_gui(argv: list[str], model: str | None = None) -> int:
    _fix_frozen_streams()
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from .config import load_settings
    from .ui.crash import CrashReporter
    from .ui.i18n import Translators, ensure_compiled
    from .ui.main_window import MainWindow
    from .ui.qtfix import install_emit_guard
    from .ui.theme import apply_theme

    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(argv)
    install_emit_guard(app)
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setOrganizationName("BayLing Desktop")
    app.setOrganizationDomain("github.io")
    app.setDesktopFileName(APP_ID)
    _set_icon(app)

    reporter = CrashReporter(app)
    reporter.install()
    settings = load_settings()
    ensure_compiled()
    translators = Translators()
    translators.install(settings.ui_language, app)
    apply_theme(settings.theme)

    window = MainWindow(settings, model=model, translators=translators)
    window.show()
    # Load once the event loop runs, so the window paints before any heavy work starts.
    QTimer.singleShot(0, window.start)
    quit_after = os.environ.get(QUIT_AFTER_ENV)
    if quit_after:
        try:
            QTimer.singleShot(int(quit_after), window.close)
        except ValueError:
            log.warning("%s must be a number of milliseconds", QUIT_AFTER_ENV)
    code = app.exec()
    sys.excepthook = sys.__excepthook__
    threading.excepthook = threading.__excepthook__
    return int(code)


def _set_icon(app: object) -> None:
    import importlib.resources

    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication

    icons = importlib.resources.files("bayling_desktop") / "resources" / "icons"
    icon = QIcon()
    for name in ("bayling-desktop-64.png", "bayling-desktop-256.png"):
        icon.addFile(str(icons / name))
    if isinstance(app, QApplication):
        app.setWindowIcon(icon)
