"""Markdown for model output that cannot reach the network or run anything.

A reply is untrusted text: raw HTML is not interpreted, images and other resources
are never fetched, and a link opens in the system browser only when the user clicks
it (and only for web or mail links).

"Never fetched" is enforced where Qt loads resources: ``QTextBrowser.loadResource``
returning nothing is not enough, because ``QTextDocument`` then reads a local path itself
(``![x](/dev/zero)`` read until the process aborted; a FIFO blocked the GUI thread), and
Qt's image handler loads the file by name when the document gives no image. The view's
document is a :class:`NoResourceDocument`: its ``loadResource`` never calls Qt's and
answers every image with a blank one.
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QEvent, QObject, QSize, Qt, QUrl, Slot
from PySide6.QtGui import QDesktopServices, QImage, QTextDocument
from PySide6.QtWidgets import QFrame, QSizePolicy, QTextBrowser, QWidget

SAFE_LINK_SCHEMES = frozenset({"http", "https", "mailto"})
MARKDOWN_FEATURES = (QTextDocument.MarkdownFeature.MarkdownDialectGitHub
                     | QTextDocument.MarkdownFeature.MarkdownNoHTML)


log = logging.getLogger(__name__)


def _blank_image() -> QImage:
    image = QImage(1, 1, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    return image


class NoResourceDocument(QTextDocument):
    """A text document that loads no resource at all: no file, device, FIFO or URL."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)

    def loadResource(self, kind: int, name: QUrl | str) -> Any:
        # Never QTextDocument.loadResource: it reads local paths. And an image must be
        # answered with a real (blank) image: given nothing, Qt's image handler "tries
        # direct loading" of the name itself.
        if kind == QTextDocument.ResourceType.ImageResource.value:
            return _blank_image()
        return None


class SafeMarkdownView(QTextBrowser):
    """A read-only, auto-height Markdown view for one chat message."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setDocument(NoResourceDocument(self))
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.anchorClicked.connect(self._on_self_anchor_clicked)
        self.document().contentsChanged.connect(self._on_document_contents_changed)
        self.opened_urls: list[QUrl] = []

    def set_markdown(self, text: str) -> None:
        """Show *text* as Markdown; text Qt cannot render is shown as plain text, so a
        stored reply can never stop the app from starting."""
        try:
            self.document().setMarkdown(text, MARKDOWN_FEATURES)
        except Exception:  # any failure: fall back to the plain text
            log.exception("could not render a message as Markdown; showing it as text")
            self.document().setPlainText(text)
        self._fit_height()

    def loadResource(self, kind: int, name: QUrl | str) -> Any:
        # Model output may name remote images or local files; fetch none of them.
        return None

    @Slot(QUrl)
    def _on_self_anchor_clicked(self, url: QUrl) -> None:
        if url.scheme().lower() in SAFE_LINK_SCHEMES:
            self.opened_urls.append(url)
            QDesktopServices.openUrl(url)

    @Slot()
    def _on_document_contents_changed(self) -> None:
        self._fit_height()

    def _fit_height(self) -> None:
        width = self.viewport().width()
        if width > 0:
            self.document().setTextWidth(width)
        height = int(self.document().size().height()) + 2 * self.frameWidth() + 4
        if height != self.height():
            self.setFixedHeight(height)

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        self._fit_height()

    def sizeHint(self) -> QSize:
        return QSize(super().sizeHint().width(), self.height())

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._fit_height()
