"""Help ▸ Keyboard shortcuts: every shortcut the window has, read from its actions.

The list is not written by hand: it walks the menu bar and the Translate workspace's
own actions, so a shortcut added anywhere shows up here, in the UI language, and a
removed one disappears. Keys that live inside a widget (the in-cell editor) are not
actions; those few are named here once.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QMainWindow,
    QMenu,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)


def _plain(text: str) -> str:
    """A menu text without its mnemonic: "&Open…" and Chinese "打开(&O)…" both read plain."""
    text = re.sub(r"\s*\(&[^)]\)", "", text)
    return text.replace("&&", "\x00").replace("&", "").replace("\x00", "&").rstrip("…")


def _walk(menu: QMenu, trail: str) -> list[tuple[str, str]]:
    rows = []
    for action in menu.actions():
        sub = action.menu()
        if isinstance(sub, QMenu):
            rows += _walk(sub, f"{trail} ▸ {_plain(action.text())}")
        elif not action.shortcut().isEmpty() and action.text():
            rows.append((f"{trail} ▸ {_plain(action.text())}",
                         action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)))
    return rows


def shortcut_rows(window: QMainWindow, extra: list[QWidget] | None = None
                  ) -> list[tuple[str, str]]:
    """(what, keys) of every shortcut: the menus first, then *extra* widgets' actions."""
    rows: list[tuple[str, str]] = []
    for action in window.menuBar().actions():
        sub = action.menu()
        if isinstance(sub, QMenu):
            rows += _walk(sub, _plain(action.text()))
    seen = {keys for _what, keys in rows}
    for widget in extra or []:
        for action in widget.actions():
            keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            if isinstance(action, QAction) and keys and keys not in seen and action.text():
                rows.append((_plain(action.text()), keys))
                seen.add(keys)
    for what, keys in (
            (QCoreApplication.translate("Shortcuts", "Edit the segment (in the table)"), "F2"),
            (QCoreApplication.translate("Shortcuts", "Confirm the segment and go to the next"),
             "Ctrl+Return"),
            (QCoreApplication.translate("Shortcuts", "Leave the editor without saving"),
             "Esc")):
        text = QKeySequence(keys).toString(QKeySequence.SequenceFormat.NativeText)
        if text not in seen:
            rows.append((what, text))
    return rows


class ShortcutsDialog(QDialog):
    def __init__(self, rows: list[tuple[str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.table = QTableWidget(len(rows), 2, self)
        self.table.setHorizontalHeaderLabels([self.tr("Action"), self.tr("Keys")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for row, (what, keys) in enumerate(rows):
            self.table.setItem(row, 0, QTableWidgetItem(what))
            item = QTableWidgetItem(keys)
            item.setTextAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
            self.table.setItem(row, 1, item)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(560, 520)
