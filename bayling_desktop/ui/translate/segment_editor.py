"""Segment text with inline tags shown as compact chips, in the table and its editor.

A tag (``<1>``, ``</1>``, ``<x2/>``) becomes one inline image character, so the
cursor steps over it, Backspace removes it whole and it can never be half-deleted
into ``<1`` — the way CAT tools show formatting. Converting back reads the tag text
stored in each image's format, so what is saved is exactly the tagged string the
documents layer expects. F9 inserts the source's next tag missing from the
translation; Ctrl+Enter confirms the segment (the workspace approves it and moves on).
"""

from __future__ import annotations

import re
import weakref
from collections import OrderedDict
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QEvent,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRectF,
    QSize,
    Qt,
    QUrl,
    Signal,
    Slot,
)
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QFont,
    QFontMetrics,
    QImage,
    QKeyEvent,
    QPainter,
    QPalette,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextImageFormat,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QTextEdit,
    QWidget,
)

from ...documents.tags import TAG_PATTERN, tag_names
from .segment_model import SegmentTableModel

#: where an image format keeps the tag it stands for
TAG_PROPERTY = int(QTextFormat.Property.UserProperty) + 7
#: the "insert next tag" key (memoQ's choice; free in Qt's standard shortcuts)
NEXT_TAG_KEY = Qt.Key.Key_F9
_CHIP_COLOUR = QColor("#8e44ad")
#: laid-out cells the delegate keeps (a screenful is ~100)
CACHED_DOCUMENTS = 400
_HIGHLIGHT = QColor(255, 214, 102, 110)


def chip_label(tag: str) -> str:
    match = TAG_PATTERN.fullmatch(tag)
    if match is None:
        return tag
    closing, number, void = match.groups()
    if void is not None:
        return f"{void}/"
    return f"/{number}" if closing else number


def chip_image(tag: str, font: QFont) -> QImage:
    """A small rounded label: "1" opens, "/1" closes, "2/" stands alone."""
    small = QFont(font)
    small.setPointSizeF(max(font.pointSizeF() * 0.8, 6.0))
    small.setBold(True)
    metrics = QFontMetrics(small)
    label = chip_label(tag)
    width, height = metrics.horizontalAdvance(label) + 8, metrics.height() + 2
    image = QImage(width, height, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setBrush(_CHIP_COLOUR)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.drawRoundedRect(QRectF(0.5, 0.5, width - 1, height - 1), 4, 4)
    painter.setPen(QColor("white"))
    painter.setFont(small)
    painter.drawText(image.rect(), int(Qt.AlignmentFlag.AlignCenter), label)
    painter.end()
    return image


def _chip_format(document: QTextDocument, tag: str, font: QFont) -> QTextImageFormat:
    name = f"bayling-tag://{chip_label(tag).replace('/', 's')}"
    if document.resource(QTextDocument.ResourceType.ImageResource, QUrl(name)) is None:
        document.addResource(QTextDocument.ResourceType.ImageResource, QUrl(name),
                             chip_image(tag, font))
    chip = QTextImageFormat()
    chip.setName(name)
    chip.setProperty(TAG_PROPERTY, tag)
    chip.setToolTip(tag)
    chip.setVerticalAlignment(QTextCharFormat.VerticalAlignment.AlignMiddle)
    return chip


def insert_tagged(cursor: QTextCursor, text: str, font: QFont,
                  highlights: Sequence[str] = ()) -> None:
    """Insert *text* at *cursor*, tags as chips and *highlights* (terms) marked."""
    document = cursor.document()
    plain = QTextCharFormat()
    position = 0
    for match in TAG_PATTERN.finditer(text):
        _insert_plain(cursor, text[position:match.start()], plain, highlights)
        cursor.insertImage(_chip_format(document, match.group(0), font))
        position = match.end()
    _insert_plain(cursor, text[position:], plain, highlights)


def _insert_plain(cursor: QTextCursor, text: str, plain: QTextCharFormat,
                  highlights: Sequence[str]) -> None:
    if not text:
        return
    spans = sorted((m.start(), m.end()) for term in highlights if term.strip()
                   for m in re.finditer(re.escape(term.strip()), text, re.IGNORECASE))
    marked = QTextCharFormat(plain)
    marked.setBackground(_HIGHLIGHT)
    marked.setProperty(TAG_PROPERTY + 1, True)
    position = 0
    for start, end in spans:
        if start < position:
            continue
        cursor.insertText(text[position:start], plain)
        cursor.insertText(text[start:end], marked)
        position = end
    cursor.insertText(text[position:], plain)


def tagged_text(document: QTextDocument) -> str:
    """The document's text with every chip turned back into its tag."""
    parts: list[str] = []
    block = document.begin()
    while block.isValid():
        if parts:
            parts.append("\n")
        iterator = block.begin()
        while not iterator.atEnd():
            fragment = iterator.fragment()
            tag = fragment.charFormat().property(TAG_PROPERTY)
            if fragment.charFormat().isImageFormat() and isinstance(tag, str):
                parts.append(tag * fragment.length())
            else:
                parts.append(fragment.text().replace("\u2028", "\n"))
            iterator += 1
        block = block.next()
    return "".join(parts)


def highlighted_terms(document: QTextDocument) -> list[str]:
    """The text of every highlighted glossary term (what the table marks in the source)."""
    found: list[str] = []
    block = document.begin()
    while block.isValid():
        iterator = block.begin()
        while not iterator.atEnd():
            fragment = iterator.fragment()
            if fragment.charFormat().property(TAG_PROPERTY + 1):
                found.append(fragment.text())
            iterator += 1
        block = block.next()
    return found


class TaggedEditor(QTextEdit):
    """The translation editor: chips for tags, F9 for the next tag, Ctrl+Enter confirms."""

    confirmed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAcceptRichText(False)
        self.setTabChangesFocus(True)
        self._source_tags: list[str] = []
        #: the cell's height: the in-cell editor never gets smaller than its row
        self.row_height = 0
        #: its spell checker (a SpellingHighlighter), when spelling is checked
        self.spelling: Any = None

    @Slot()
    def grow_to_text(self) -> None:
        """In a table cell, grow downwards with the text (up to the table's bottom), so a
        long translation is edited whole instead of through a two-line slot."""
        parent = self.parentWidget()
        if not self.row_height or parent is None:
            return
        self.document().setTextWidth(self.viewport().width())
        wanted = int(self.document().size().height()) + 2 * self.frameWidth() + 2
        room = parent.height() - self.y()
        self.resize(self.width(), max(self.row_height, min(wanted, max(room, self.row_height))))

    def set_text(self, text: str, source: str = "") -> None:
        self.clear()
        self._source_tags = tag_names(source)
        insert_tagged(self.textCursor(), text, self.font())

    def text(self) -> str:
        return tagged_text(self.document())

    def next_tag(self) -> str | None:
        """The first tag of the source the translation does not have yet."""
        present = tag_names(self.text())
        for tag in self._source_tags:
            if tag in present:
                present.remove(tag)
            else:
                return tag
        return None

    def insert_next_tag(self) -> bool:
        tag = self.next_tag()
        if tag is None:
            return False
        cursor = self.textCursor()
        cursor.insertImage(_chip_format(self.document(), tag, self.font()))
        self.setTextCursor(cursor)
        return True

    @staticmethod
    def _is_confirm(event: QKeyEvent) -> bool:
        return (event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
                and bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier))

    def event(self, event: QEvent) -> bool:
        # Claim Ctrl+Enter and F9 before window shortcuts ("Send") can take them.
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent) and (
                self._is_confirm(event) or event.key() == NEXT_TAG_KEY):
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self._is_confirm(event):
            self.confirmed.emit()
            return
        if event.key() == NEXT_TAG_KEY:
            self.insert_next_tag()
            return
        super().keyPressEvent(event)

    def insertFromMimeData(self, source: QMimeData) -> None:
        # Pasted tags become chips too, so the text stays one consistent kind of thing.
        insert_tagged(self.textCursor(), source.text(), self.font())


class SegmentDelegate(QStyledItemDelegate):
    """Paints source and translation with tag chips (and glossary terms highlighted)."""

    # the user confirmed a segment with Ctrl+Enter in the editor: (segment index)
    confirmed = Signal(int)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        #: the workspace's callable(source) -> terms to highlight, held weakly
        self.terms_for: weakref.WeakMethod[Callable[[str], list[str]]] | None = None
        # laid-out documents of recently painted cells: scrolling and streaming repaint
        # the same cells many times, and a layout costs far more than a lookup
        self._cache: OrderedDict[tuple[str, int, str, tuple[str, ...]], QTextDocument] = (
            OrderedDict())
        self._open: set[TaggedEditor] = set()
        #: callable() -> the language code to spell-check typed text in ("": none), weakly
        self.spelling_for: weakref.WeakMethod[Callable[[], str]] | None = None

    def _terms(self, index: QModelIndex | QPersistentModelIndex, text: str) -> list[str]:
        method = self.terms_for() if self.terms_for is not None else None
        if index.column() == SegmentTableModel.SOURCE and method is not None:
            return list(method(text))
        return []

    def _document(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex,
                  width: int) -> QTextDocument:
        text = str(index.data() or "")
        terms = tuple(self._terms(index, text))
        key = (text, max(width, 40), option.font.key(), terms)
        document = self._cache.get(key)
        if document is not None:
            self._cache.move_to_end(key)
            return document
        document = QTextDocument()
        document.setDefaultFont(option.font)
        document.setDocumentMargin(3)
        insert_tagged(QTextCursor(document), text, option.font, terms)
        document.setTextWidth(max(width, 40))
        self._cache[key] = document
        if len(self._cache) > CACHED_DOCUMENTS:
            self._cache.popitem(last=False)
        return document

    def _rich(self, index: QModelIndex | QPersistentModelIndex) -> bool:
        """Cells with chips or highlighted terms; plain text takes Qt's own fast path."""
        if index.column() not in (SegmentTableModel.SOURCE, SegmentTableModel.TARGET):
            return False
        text = str(index.data() or "")
        return TAG_PATTERN.search(text) is not None or bool(self._terms(index, text))

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        if not self._rich(index):
            super().paint(painter, option, index)
            return
        item = QStyleOptionViewItem(option)
        self.initStyleOption(item, index)
        item.text = ""
        style = item.widget.style() if item.widget is not None else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, item, painter, item.widget)
        document = self._document(option, index, option.rect.width())
        context = QAbstractTextDocumentLayout.PaintContext()
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        context.palette.setColor(QPalette.ColorRole.Text, option.palette.color(
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text))
        painter.save()
        painter.translate(option.rect.topLeft())
        painter.setClipRect(option.rect.translated(-option.rect.topLeft()))
        document.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem,
                 index: QModelIndex | QPersistentModelIndex) -> QSize:
        if not self._rich(index):
            return super().sizeHint(option, index)
        width = option.rect.width() if option.rect.width() > 0 else 400
        document = self._document(option, index, width)
        return QSize(int(document.idealWidth()), int(document.size().height()))

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem,
                     index: QModelIndex | QPersistentModelIndex) -> QWidget:
        editor = TaggedEditor(parent)
        editor.document().contentsChanged.connect(editor.grow_to_text)
        method = self.spelling_for() if self.spelling_for is not None else None
        language = method() if method is not None else ""
        if language:
            from .spelling_highlight import SpellingHighlighter

            editor.spelling = SpellingHighlighter(editor.document(), language)
        editor.confirmed.connect(self._on_editor_confirmed)
        self._open.add(editor)
        editor.destroyed.connect(self._on_editor_destroyed)
        return editor

    def _on_editor_destroyed(self) -> None:
        self._open = {e for e in self._open if _alive(e)}

    def commit_open_editors(self) -> None:
        """Save what is typed in an open editor now (before a run or a switch)."""
        for editor in [e for e in self._open if _alive(e) and e.isVisible()]:
            self.commitData.emit(editor)

    def setEditorData(self, editor: QWidget, index: QModelIndex | QPersistentModelIndex) -> None:
        if isinstance(editor, TaggedEditor):
            source = index.model().index(index.row(), SegmentTableModel.SOURCE).data() or ""
            editor.setProperty("segment", index.data(SegmentTableModel.SegmentRole))
            if editor.spelling is not None:  # words of the source are not misspellings
                editor.spelling.source = str(source)
            editor.set_text(str(index.data(Qt.ItemDataRole.EditRole) or ""), str(source))
            editor.moveCursor(QTextCursor.MoveOperation.End)

    def setModelData(self, editor: QWidget, model: object,
                     index: QModelIndex | QPersistentModelIndex) -> None:
        if isinstance(editor, TaggedEditor) and hasattr(model, "setData"):
            model.setData(index, editor.text(), Qt.ItemDataRole.EditRole)

    def _on_editor_confirmed(self) -> None:
        editor = self.sender()
        if not isinstance(editor, TaggedEditor):
            return
        segment = editor.property("segment")
        self.commitData.emit(editor)
        self.closeEditor.emit(editor, QStyledItemDelegate.EndEditHint.NoHint)
        if isinstance(segment, int):
            self.confirmed.emit(segment)

    def updateEditorGeometry(self, editor: QWidget, option: QStyleOptionViewItem,
                             index: QModelIndex | QPersistentModelIndex) -> None:
        editor.setGeometry(option.rect)
        if isinstance(editor, TaggedEditor):
            editor.row_height = option.rect.height()
            editor.grow_to_text()


def _alive(widget: QWidget) -> bool:
    from shiboken6 import isValid

    return bool(isValid(widget))


def segment_table(parent: QWidget, model: QAbstractItemModel,
                  delegate: SegmentDelegate) -> QTableView:
    """The segment table: whole-row selection, chips painted, typing starts an edit."""
    table = QTableView(parent)
    table.setModel(model)
    table.setItemDelegate(delegate)
    table.setWordWrap(True)
    table.setAlternatingRowColors(True)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                          | QAbstractItemView.EditTrigger.EditKeyPressed
                          | QAbstractItemView.EditTrigger.AnyKeyPressed)
    table.verticalHeader().hide()
    header = table.horizontalHeader()
    # Fixed widths for the narrow columns: ResizeToContents would measure every row on
    # each streamed update, which stalls the GUI on a long document.
    header.setSectionResizeMode(SegmentTableModel.NUMBER, QHeaderView.ResizeMode.Fixed)
    header.setSectionResizeMode(SegmentTableModel.SOURCE, QHeaderView.ResizeMode.Stretch)
    header.setSectionResizeMode(SegmentTableModel.TARGET, QHeaderView.ResizeMode.Stretch)
    header.setSectionResizeMode(SegmentTableModel.STATUS, QHeaderView.ResizeMode.Fixed)
    header.setSectionResizeMode(SegmentTableModel.MATCH, QHeaderView.ResizeMode.Fixed)
    header.resizeSection(SegmentTableModel.MATCH,
                         table.fontMetrics().horizontalAdvance("100%") + 16)
    header.resizeSection(SegmentTableModel.STATUS,
                         table.fontMetrics().horizontalAdvance("00:00:00,000 ⚠") + 16)
    return table
