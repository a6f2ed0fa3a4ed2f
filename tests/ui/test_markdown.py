"""Replies render as Markdown without fetching anything or following links on their own."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices, QTextDocument
from pytestqt.qtbot import QtBot

from bayling_desktop.ui.chat.markdown import SafeMarkdownView


@pytest.fixture
def view(qtbot: QtBot) -> SafeMarkdownView:
    widget = SafeMarkdownView()
    qtbot.addWidget(widget)
    widget.resize(400, 100)
    widget.show()
    return widget


def test_markdown_is_rendered(view: SafeMarkdownView) -> None:
    view.set_markdown("# Title\n\nSome **bold** text and `code`.")
    assert view.toPlainText().startswith("Title")
    assert "<b>" not in view.toPlainText()
    assert view.document().blockCount() >= 2


def test_raw_html_is_shown_as_text_not_interpreted(view: SafeMarkdownView) -> None:
    view.set_markdown('<img src="http://example.com/x.png"><script>alert(1)</script>hi')
    text = view.toPlainText()
    assert "<script>" in text and "<img" in text


def test_no_resource_is_ever_loaded(view: SafeMarkdownView,
                                    monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[str] = []
    original = SafeMarkdownView.loadResource

    def spy(self: SafeMarkdownView, kind: int, name: QUrl | str) -> object:
        asked.append(QUrl(name).toString() if isinstance(name, str) else name.toString())
        return original(self, kind, name)

    monkeypatch.setattr(SafeMarkdownView, "loadResource", spy)
    view.set_markdown("![remote](http://example.com/x.png) ![local](file:///etc/passwd)")
    view.grab()  # paint: images are requested while laying out and drawing
    assert view.loadResource(QTextDocument.ResourceType.ImageResource.value,
                             QUrl("http://example.com/x.png")) is None
    assert all(original(view, 2, QUrl(url)) is None for url in asked)


def test_links_open_only_when_clicked_and_only_web_links(
        view: SafeMarkdownView, monkeypatch: pytest.MonkeyPatch) -> None:
    opened: list[str] = []

    def fake_open(url: QUrl) -> bool:
        opened.append(url.toString())
        return True

    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(fake_open))
    view.set_markdown("[site](https://example.org) [bad](javascript:alert(1))")
    assert opened == []  # rendering alone opens nothing
    assert not view.openLinks() and not view.openExternalLinks()
    view.anchorClicked.emit(QUrl("https://example.org"))
    view.anchorClicked.emit(QUrl("javascript:alert(1)"))
    view.anchorClicked.emit(QUrl("file:///etc/passwd"))
    assert opened == ["https://example.org"]
    assert view.source().isEmpty()  # the view never navigated away


def test_height_follows_content(view: SafeMarkdownView) -> None:
    view.set_markdown("one line")
    short = view.height()
    view.set_markdown("\n\n".join(f"paragraph {n}" for n in range(12)))
    assert view.height() > short * 3
