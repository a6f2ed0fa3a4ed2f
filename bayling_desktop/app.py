"""GUI bootstrap: the QApplication, translators, crash reporting, then the main window.

The window appears before the model loads (loading takes seconds, assembling the
built-in model longer); the model thread reports back when it is ready.
"""

from __future__ import annotations

import logging
import os
import sys
import threading
from collections.abc import Sequence
from pathlib import Path

from . import APP_ID, APP_NAME, __version__
from .errors import BaylingError

log = logging.getLogger(__name__)

#: quit after this many milliseconds (smoke tests and screenshots)
QUIT_AFTER_ENV = "BAYLING_DESKTOP_QUIT_AFTER_MS"
HOME_ENV = "BAYLING_DESKTOP_HOME"


def _fix_frozen_streams() -> None:
    """A windowed frozen build has no console: stdout/stderr are None."""
    for name in ("stdout", "stderr"):
        if getattr(sys, name) is None:
            setattr(sys, name, open(os.devnull, "w", encoding="utf-8"))  # noqa: SIM115


def isolate_qt_settings() -> None:
    """Keep Qt's own settings (file-dialog history, …) inside ``BAYLING_DESKTOP_HOME``.

    Without this a portable install or a test run would write ``QtProject.conf`` into the
    user's real config folder.
    """
    if not os.environ.get(HOME_ENV):
        return
    from PySide6.QtCore import QSettings

    from .paths import config_dir

    folder = str(config_dir() / "qt")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    for scope in (QSettings.Scope.UserScope, QSettings.Scope.SystemScope):
        QSettings.setPath(QSettings.Format.IniFormat, scope, folder)
        QSettings.setPath(QSettings.Format.NativeFormat, scope, folder)


def run_gui(argv: list[str], model: str | None = None,
            files: Sequence[Path] = ()) -> int:
    """Start the app with *files* open, or hand them to the instance already running."""
    _fix_frozen_streams()
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from .config import load_settings
    from .ui.crash import CrashReporter
    from .ui.i18n import Translators
    from .ui.main_window import MainWindow
    from .ui.single_instance import SingleInstance
    from .ui.theme import apply_theme

    isolate_qt_settings()
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(argv)
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setOrganizationName("BayLing Desktop")
    app.setOrganizationDomain("github.io")
    app.setDesktopFileName(APP_ID)
    instance = SingleInstance()
    if not instance.acquire():
        # Another instance owns this data folder (and its database): give it the files.
        try:
            instance.hand_over(list(files))
        except BaylingError as exc:  # a hung first instance: a window says so, not silence
            _refuse_to_start(exc)
            return 1
        return 0
    _set_icon(app)

    reporter = CrashReporter(app)
    reporter.install()
    settings = load_settings()
    translators = Translators()
    translators.install(settings.ui_language, app)
    apply_theme(settings.theme)

    try:
        window = MainWindow(settings, model=model, translators=translators)
    except BaylingError as exc:  # a store that cannot even be replaced: say why, exit
        _refuse_to_start(exc)
        instance.release()
        return 1
    instance.filesReceived.connect(window.receive_files)
    window.restore_layout()
    window.show()
    # Load once the event loop runs, so the window paints before any heavy work starts.
    QTimer.singleShot(0, window.start)
    if files:
        window.open_files(list(files))
    quit_after = os.environ.get(QUIT_AFTER_ENV)
    if quit_after:
        try:
            QTimer.singleShot(int(quit_after), window.close)
        except ValueError:
            log.warning("%s must be a number of milliseconds", QUIT_AFTER_ENV)
    code = app.exec()
    instance.release()
    sys.excepthook = sys.__excepthook__
    threading.excepthook = threading.__excepthook__
    return int(code)


def _refuse_to_start(error: BaylingError) -> None:
    """The window cannot be built: one dialog (and one line on stderr), then exit."""
    from PySide6.QtWidgets import QMessageBox

    from .ui.sentence_text import sentence_text

    print(f"bayling-desktop: {error}", file=sys.stderr)
    QMessageBox.critical(None, APP_NAME, sentence_text(error))


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
