"""Last-resort error reporting: log the traceback, tell the user in a dialog.

Exceptions can surface on any thread; the dialog must appear on the GUI thread, so a
small QObject bridge carries the report there through a queued signal.
"""

from __future__ import annotations

import logging
import sys
import threading
import time
import traceback
from types import TracebackType

from PySide6.QtCore import QObject, QUrl, Signal, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QMessageBox

from .. import __version__
from ..paths import log_dir

log = logging.getLogger(__name__)


def crash_log_path() -> str:
    return str(log_dir() / "crash.log")


def write_crash_log(text: str) -> str:
    path = crash_log_path()
    try:
        with open(path, "a", encoding="utf-8") as handle:
            handle.write(f"--- {time.strftime('%Y-%m-%d %H:%M:%S')} "
                         f"BayLing Desktop {__version__}\n{text}\n")
    except OSError:
        log.exception("could not write the crash log")
    return path


class CrashReporter(QObject):
    reported = Signal(str, str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.reported.connect(self._on_self_reported)
        self._showing = False
        self.count = 0

    def install(self) -> None:
        sys.excepthook = self.excepthook
        threading.excepthook = self._thread_excepthook

    def excepthook(self, kind: type[BaseException], value: BaseException,
                   tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            QApplication.quit()
            return
        details = "".join(traceback.format_exception(kind, value, tb))
        path = write_crash_log(details)
        sys.stderr.write(details)
        self.count += 1
        # A queued signal: the dialog opens on the GUI thread whoever raised.
        self.reported.emit(f"{kind.__name__}: {value}", path)

    def _thread_excepthook(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_value is not None:
            self.excepthook(args.exc_type, args.exc_value, args.exc_traceback)

    @Slot(str, str)
    def _on_self_reported(self, summary: str, path: str) -> None:
        if self._showing:
            return
        self._showing = True
        try:
            box = QMessageBox(QMessageBox.Icon.Critical, self.tr("Unexpected error"),
                              self.tr("Something went wrong inside BayLing Desktop. Your work "
                                      "is saved; you can keep going or restart the app.\n\n"
                                      "The details were written to {0}.").format(path))
            box.setDetailedText(summary)
            open_log = box.addButton(self.tr("Open log file"),
                                     QMessageBox.ButtonRole.ActionRole)
            box.addButton(QMessageBox.StandardButton.Close)
            box.exec()
            if box.clickedButton() is open_log:
                QDesktopServices.openUrl(QUrl.fromLocalFile(path))
        finally:
            self._showing = False
