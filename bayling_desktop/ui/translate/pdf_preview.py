"""View ▸ Page preview (Ctrl+3): the PDF's page and its translation side by side, following
the selected segment.

A PDF's segments are its paragraphs, cells and headings; the preview shows where one
is: the page it is on, rendered by PyMuPDF (``documents.formats.pdf_write.render_page``, no Qt
module beyond QtGui), with the segment's box marked on the original and on the
translated page, scrolled into view. The translated page is the one the export would
write, made from the translations saved so far for that page only; it is kept (per page,
per set of translations) and made again when a translation on it changes — after a
pause, not on every streamed piece of a run.

The panel is a dock of the main window; it shows itself for PDF documents (unless the
user closed it) and hides for the others.
"""

from __future__ import annotations

import weakref
from typing import TYPE_CHECKING, TypeVar, cast

from PySide6.QtCore import QEvent, QObject, QRectF, Qt, QTimer, Slot
from PySide6.QtGui import QColor, QImage, QKeySequence, QPainter, QPen, QPixmap
from PySide6.QtWidgets import (
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ...documents.formats.pdf_write import render_page
from ...documents.model import Document, Unit
from ...errors import DocumentError
from ..sentence_text import sentence_text
from .open_document import OpenDocument

if TYPE_CHECKING:
    from ..menus import MainMenus
    from .workspace_view import TranslateWorkspace

_V = TypeVar("_V")

#: pixels per PDF point the pages are rendered at (then scaled to the panel's width)
ZOOM = 1.5
#: how long translations must rest before the translated page is made again
SETTLE_MS = 600
#: pages kept rendered, per side
CACHE_PAGES = 12


class PagePane(QScrollArea):
    """One page as an image, fitted to the pane's width, with one box marked."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setWidgetResizable(False)
        self.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        # the page is fitted to the width: only the height scrolls
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.setMinimumWidth(160)
        self.label = QLabel(self)
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.label.setWordWrap(True)
        self.setWidget(self.label)
        self.image: QImage | None = None
        self.box: tuple[float, float, float, float] | None = None

    def show_page(self, image: QImage | None, box: tuple[float, float, float, float] | None,
                  note: str = "") -> None:
        self.image, self.box = image, box
        if image is None:
            self.label.setPixmap(QPixmap())
            self.label.setText(note)
            self.label.resize(self.viewport().width(), 80)
            return
        self.refit()

    def refit(self) -> None:
        if self.image is None:
            return
        width = max(self.viewport().width() - 4, 100)
        scale = width / self.image.width()
        pixmap = QPixmap.fromImage(self.image.scaledToWidth(
            width, Qt.TransformationMode.SmoothTransformation))
        marked = None
        if self.box is not None:
            x0, y0, x1, y1 = (v * ZOOM * scale for v in self.box)
            marked = QRectF(x0 - 3, y0 - 3, x1 - x0 + 6, y1 - y0 + 6)
            painter = QPainter(pixmap)
            painter.setPen(QPen(QColor("#e67e22"), 2))
            painter.setBrush(QColor(255, 210, 0, 60))
            painter.drawRect(marked)
            painter.end()
        self.label.setText("")
        self.label.setPixmap(pixmap)
        self.label.resize(pixmap.size())
        if marked is not None:
            self.ensureVisible(int(marked.center().x()), int(marked.center().y()),
                               20, int(marked.height() / 2 + 40))

    def resizeEvent(self, event: object) -> None:
        super().resizeEvent(event)  # type: ignore[arg-type]
        self.refit()


def _image(width: int, height: int, stride: int, samples: bytes) -> QImage:
    """A QImage that owns its pixels (the samples' bytes are let go)."""
    return QImage(samples, width, height, stride, QImage.Format.Format_RGB888).copy()


class PdfPreview(QObject):
    def __init__(self, window: QMainWindow, menus: MainMenus,
                 workspace: TranslateWorkspace) -> None:
        super().__init__(window)
        # the view, without a reference cycle through Python (see parts.Part)
        self.ws = weakref.proxy(workspace)
        self.dock = QDockWidget(window)
        self.dock.setObjectName("pdfPreview")
        body = QWidget(self.dock)
        self.page_label = QLabel(body)
        self.source_title, self.target_title = QLabel(body), QLabel(body)
        self.source_pane, self.target_pane = PagePane(body), PagePane(body)
        panes = QHBoxLayout()
        for title, pane in ((self.source_title, self.source_pane),
                            (self.target_title, self.target_pane)):
            column = QVBoxLayout()
            column.addWidget(title)
            column.addWidget(pane, 1)
            panes.addLayout(column)
        layout = QVBoxLayout(body)
        layout.addWidget(self.page_label)
        layout.addLayout(panes, 1)
        self.dock.setWidget(body)
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dock)
        self.dock.hide()
        self.toggle = self.dock.toggleViewAction()
        self.toggle.setShortcut(QKeySequence("Ctrl+3"))
        self.toggle.setEnabled(False)
        menus.view_menu.addSeparator()
        menus.view_menu.addAction(self.toggle)
        #: the user closed the panel: it stays closed for the next PDF too
        self.closed_by_user = False
        self.toggle.triggered.connect(self._on_toggle_triggered)
        # per opened document (one read again is another; a closed one's pages go with it)
        self._pages: weakref.WeakKeyDictionary[Document, _Pages] = weakref.WeakKeyDictionary()
        self._settle = QTimer(self)
        self._settle.setSingleShot(True)
        self._settle.setInterval(SETTLE_MS)
        self._settle.timeout.connect(self._on_settle_timeout)
        workspace.table.selectionModel().currentRowChanged.connect(
            self._on_table_current_row_changed)
        workspace.controller.documentShown.connect(self._on_document_shown)
        workspace.model.dataChanged.connect(self._on_targets_changed)
        workspace.model.modelReset.connect(self._on_document_shown)
        self.dock.visibilityChanged.connect(self._on_dock_visibility_changed)
        self.dock.installEventFilter(self)  # its title bar's close button
        window.installEventFilter(self)
        self.retranslate()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LanguageChange and watched is not self.dock:
            self.retranslate()
        elif event.type() == QEvent.Type.Close and watched is self.dock:
            self.closed_by_user = True
        return super().eventFilter(watched, event)

    def retranslate(self) -> None:
        self.dock.setWindowTitle(self.tr("Page preview"))
        self.toggle.setText(self.tr("&Page preview"))
        self.source_title.setText(self.tr("Original"))
        self.target_title.setText(self.tr("Translation"))
        self.refresh()

    # -- what is on screen ----------------------------------------------------------------

    def _doc(self) -> OpenDocument | None:
        doc = self.ws.current
        return doc if doc is not None and doc.document.format_name == "pdf" else None

    def _pages_of(self, doc: OpenDocument) -> _Pages:
        pages = self._pages.get(doc.document)
        if pages is None:
            pages = self._pages[doc.document] = _Pages(doc.document)
        return pages

    def _unit(self, doc: OpenDocument, segment: int) -> Unit | None:
        """The unit of the file a segment is (a piece of)."""
        if not 0 <= segment < len(doc.rows):
            return None
        units = self._pages_of(doc).units
        unit_id = doc.rows[segment].unit_id
        return units.get(unit_id) or units.get(unit_id.rsplit("#s", 1)[0])

    def _segment(self) -> int | None:
        index = self.ws.table.currentIndex()
        return self.ws.filter.mapToSource(index).row() if index.isValid() else None

    @Slot()
    def _on_document_shown(self) -> None:
        doc = self._doc()
        self.toggle.setEnabled(doc is not None)
        if doc is None:
            self.dock.hide()
            return
        if not self.closed_by_user and not self.dock.isVisible():
            self.dock.show()
            window = cast(QMainWindow, self.parent())
            # two pages side by side need room: about two fifths of the window
            window.resizeDocks([self.dock], [max(window.width() * 2 // 5, 420)],
                               Qt.Orientation.Horizontal)
        self.refresh()

    @Slot()
    def _on_toggle_triggered(self) -> None:
        self.closed_by_user = not self.toggle.isChecked()

    @Slot(bool)
    def _on_dock_visibility_changed(self, visible: bool) -> None:
        if visible:
            self.refresh()

    @Slot()
    def _on_table_current_row_changed(self) -> None:
        self.refresh()

    @Slot()
    def _on_targets_changed(self) -> None:
        if self._doc() is not None and self.dock.isVisible():
            self._settle.start()  # a run streams: the page is made once it rests

    @Slot()
    def _on_settle_timeout(self) -> None:
        self.refresh()

    # -- rendering --------------------------------------------------------------------------

    def refresh(self) -> None:
        """Show the selected segment's page (original and translation) with its box."""
        doc = self._doc()
        if doc is None or not self.dock.isVisible():
            return
        segment = self._segment()
        if segment is None:
            segment = doc.selected if doc.selected is not None else 0
        unit = self._unit(doc, segment)
        if unit is None or "page" not in unit.meta:
            self.source_pane.show_page(None, None, self.tr("This segment has no place on a "
                                                           "page."))
            self.target_pane.show_page(None, None, "")
            return
        number = int(cast(int, unit.meta["page"]))
        rect = [float(v) for v in cast(list[float], unit.meta.get("rect", ()))]
        marked = (rect[0], rect[1], rect[2], rect[3]) if len(rect) == 4 else None
        self.page_label.setText(self.tr("Page {0} of {1} · segment {2}").format(
            number, self._page_count(doc), segment + 1))
        try:
            source = self.source_image(doc, number)
            target = self.target_image(doc, number)
        except DocumentError as exc:
            self.source_pane.show_page(None, None, sentence_text(exc))
            self.target_pane.show_page(None, None, "")
            return
        self.source_pane.show_page(source, marked)
        self.target_pane.show_page(target, marked)

    def _page_count(self, doc: OpenDocument) -> int:
        counted = getattr(doc.document, "page_count", None)
        if isinstance(counted, int) and counted > 0:
            return counted
        pages = [u.meta.get("page") for u in doc.document.units]
        return max((p for p in pages if isinstance(p, int)), default=0)

    def source_image(self, doc: OpenDocument, number: int) -> QImage:
        sources = self._pages_of(doc).sources
        image = sources.get(number)
        if image is None:
            image = sources[number] = _image(*render_page(doc.document, number, ZOOM))
            _trim(sources)
        return image

    def target_image(self, doc: OpenDocument, number: int) -> QImage:
        """The translated page, made again only when a translation on it changed."""
        translations = doc.session.translations()
        on_page = tuple((u.id, translations.get(u.id, "")) for u in doc.document.units
                        if u.meta.get("page") == number)
        targets = self._pages_of(doc).targets
        cached = targets.get(number)
        if cached is not None and cached[0] == on_page:
            return cached[1]
        if doc.target:
            doc.document.target_language = doc.target
        image = _image(*render_page(doc.document, number, ZOOM, translations))
        targets[number] = (on_page, image)
        _trim(targets)
        return image


class _Pages:
    """What the preview keeps of one opened PDF: its units by id and rendered pages."""

    def __init__(self, document: Document) -> None:
        self.units = {unit.id: unit for unit in document.units}
        self.sources: dict[int, QImage] = {}
        #: page -> (the translations on it when it was made, the image)
        self.targets: dict[int, tuple[tuple[tuple[str, str], ...], QImage]] = {}


def _trim(cache: dict[int, _V]) -> None:
    """Keep the most recent pages only (dicts keep insertion order)."""
    while len(cache) > CACHE_PAGES:
        del cache[next(iter(cache))]
