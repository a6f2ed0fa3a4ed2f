"""Walk every widget of a window and list the visible text that is still English.

"Visible text" is what a user reads: labels, buttons, group and menu titles, actions,
tabs, placeholders, combo items, table headers, tooltips of visible widgets. Text with
no Latin letters passes (numbers, symbols, Chinese); so do names, which are the same
in every language (the app, formats, models, file names, language codes).
"""

from __future__ import annotations

import re

from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QPlainTextEdit,
    QTabWidget,
    QTextEdit,
    QWidget,
)

#: names that stay as they are in a Chinese UI
NAMES = {"BayLing Desktop", "BayLing", "GGUF", "English", "Top-p", "gguf", "plain", "auto",
         "bayling-v1", "bayling-3", "llama.cpp", "Hugging Face", "Hub", "OpenAI", "TMX",
         "CSV", "TBX"}
_LATIN = re.compile(r"[A-Za-z]")
_HTML = re.compile(r"<[^>]+>")
# addresses, file names, shortcuts, codes: "http://…", "report.docx", "Ctrl+K", "zh-TW"
_NAME_LIKE = re.compile(r"^(https?://\S+|\S+\.\w{2,5}|(Ctrl|Alt|Shift|Meta)\+\S+|[a-z]{2,3}(-[A-Za-z]{2,4})?"
                        r"|F\d{1,2}|Esc|Q\d_K(_[SML])?)$")


def _clean(text: str) -> str:
    text = _HTML.sub("", text).replace("&&", "\0").replace("&", "").replace("\0", "&")
    text = re.sub(r"\(\s*\w\s*\)", "", text)  # the "(&F)" accelerators of zh menus
    text = re.sub(r"^\d+ ", "", text)  # "&1 report.docx" in Open recent
    return text.strip().rstrip(":：").strip()


def is_untranslated(text: str) -> bool:
    text = _clean(text)
    if not _LATIN.search(text) or re.search(r"[\u3400-\u9fff]", text):
        return False
    if text in NAMES or _NAME_LIKE.match(text):
        return False
    # "Qwen2.5-Coder-0.5B-Instruct (Q4_K_M)" and similar model names: digits and dashes
    return not re.match(r"^[\w.\-]+\d[\w.\-]*( \(\w+\))?$", text)


def _model_texts(model: QAbstractItemModel | None, horizontal: bool = True) -> list[str]:
    if model is None:
        return []
    texts = []
    count = model.columnCount() if horizontal else 0
    for section in range(count):
        value = model.headerData(section, Qt.Orientation.Horizontal,
                                 Qt.ItemDataRole.DisplayRole)
        if isinstance(value, str):
            texts.append(value)
    return texts


def visible_texts(widget: QWidget) -> list[tuple[str, str]]:
    """(where, text) for everything readable in *widget* and its visible children."""
    found: list[tuple[str, str]] = []

    def add(where: QWidget, kind: str, text: str | None) -> None:
        if text:
            found.append((f"{type(where).__name__}:{where.objectName() or kind}", text))

    def add_action(where: QWidget, action: QAction) -> None:
        if not action.isVisible() or action.isSeparator():
            return
        add(where, "action", action.text())
        menu = action.menu()
        if isinstance(menu, QMenu):
            add(menu, "menu", menu.title())
            for sub in menu.actions():
                add_action(menu, sub)

    widgets = [widget, *widget.findChildren(QWidget)]
    for item in widgets:
        if not item.isVisibleTo(widget) and item is not widget:
            continue
        add(item, "tooltip", item.toolTip())
        if isinstance(item, QMainWindow | QWidget) and item.isWindow():
            add(item, "title", item.windowTitle())
        if isinstance(item, QLabel):
            add(item, "label", item.text())
        elif isinstance(item, QAbstractButton):
            add(item, "button", item.text())
        elif isinstance(item, QGroupBox):
            add(item, "group", item.title())
        elif isinstance(item, QLineEdit | QPlainTextEdit | QTextEdit):
            add(item, "placeholder", item.placeholderText())
        elif isinstance(item, QAbstractSpinBox):
            add(item, "special", getattr(item, "specialValueText", lambda: "")())
        elif isinstance(item, QComboBox):
            add(item, "placeholder", item.placeholderText())
            for row in range(item.count()):
                add(item, "item", item.itemText(row))
        elif isinstance(item, QTabWidget):
            for tab in range(item.count()):
                add(item, "tab", item.tabText(tab))
        elif isinstance(item, QAbstractItemView):
            for text in _model_texts(item.model()):
                add(item, "header", text)
        elif isinstance(item, QMenu):
            add(item, "menu", item.title())
        for action in item.actions():
            add_action(item, action)
    return found


def untranslated(widget: QWidget) -> list[tuple[str, str]]:
    return [(where, text) for where, text in visible_texts(widget) if is_untranslated(text)]


def chinese(widget: QWidget) -> list[tuple[str, str]]:
    """Text in Chinese only (an English sentence may quote a Chinese example)."""
    return [(where, text) for where, text in visible_texts(widget)
            if re.search(r"[\u3400-\u9fff]", text) and not _LATIN.search(_clean(text))]
