"""PDF in the window: an encrypted PDF asks for its password (again when wrong, nothing
opened on Cancel), and View ▸ Page preview shows the selected segment's page and its
translation side by side, made again when a translation on it changes."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from bayling_desktop.config import Settings
from bayling_desktop.ui.main_window import MainWindow
from bayling_desktop.ui.translate import pdf_preview
from bayling_desktop.ui.translate.pdf_password import PasswordDialog
from bayling_desktop.ui.translate.workspace_view import TranslateWorkspace
from tests.unit.documents.test_pdf import _encrypted, make_paper

MakeWindow = Callable[[Settings], MainWindow]


@pytest.fixture
def window(make_window: MakeWindow) -> MainWindow:
    made = make_window(Settings(source_language="en", target_language="zh"))
    made.stack.setCurrentWidget(made.tabs)
    return made


def _answer(qtbot: QtBot, answers: list[str | None], seen: list[str]) -> None:
    """Type each answer into the password dialog as it comes up (None: Cancel)."""

    def step() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, PasswordDialog):
            QTimer.singleShot(20, step)
            return
        seen.append(dialog.labelText())
        answer = answers.pop(0)
        if answer is None:
            dialog.reject()
        else:
            dialog.setTextValue(answer)
            dialog.accept()
        if answers:
            QTimer.singleShot(20, step)

    QTimer.singleShot(20, step)


def test_an_encrypted_pdf_asks_for_its_password_and_again_when_it_is_wrong(
        window: MainWindow, qtbot: QtBot, tmp_path: Path) -> None:
    locked = _encrypted(tmp_path / "locked.pdf", "s3cret")
    ws = window.translate
    seen: list[str] = []
    _answer(qtbot, ["guess", "s3cret"], seen)
    with qtbot.waitSignal(ws.model.modelReset, timeout=20_000):
        ws.open_paths([locked])
    assert seen == ["locked.pdf is protected by a password. Password:",
                    "The password for locked.pdf is wrong; try again:"]
    assert ws.current is not None and ws.current.document.path == locked
    assert ws.model.rowCount() > 0


def test_cancelling_the_password_opens_nothing(window: MainWindow, qtbot: QtBot,
                                               tmp_path: Path) -> None:
    locked = _encrypted(tmp_path / "locked.pdf", "s3cret")
    ws = window.translate
    seen: list[str] = []
    _answer(qtbot, [None], seen)
    ws.open_paths([locked])
    qtbot.waitUntil(lambda: "was not opened" in ws.message_label.text(), timeout=20_000)
    assert seen and ws.current is None and not ws.controller.docs
    assert ws.bar.document_combo.count() == 0


def _open_paper(ws: TranslateWorkspace, qtbot: QtBot, path: Path) -> None:
    with qtbot.waitSignal(ws.model.modelReset, timeout=20_000):
        ws.open_paths([path])


def test_the_page_preview_follows_the_segment_and_redraws_when_its_translation_changes(
        window: MainWindow, qtbot: QtBot, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    renders: list[tuple[int, bool]] = []
    real = pdf_preview.render_page

    def counted(document, number, zoom, translations=None):  # type: ignore[no-untyped-def]
        renders.append((number, translations is not None))
        return real(document, number, zoom, translations)

    monkeypatch.setattr(pdf_preview, "render_page", counted)
    ws = window.translate
    preview = window.workbench.pdf_preview
    _open_paper(ws, qtbot, make_paper(tmp_path / "paper.pdf"))
    assert preview.toggle.isEnabled() and preview.dock.isVisible()
    doc = ws.current
    assert doc is not None
    last = len(doc.rows) - 1  # "Conclusions…" on page 2
    ws.select_segment(last)
    assert preview.page_label.text() == f"Page 2 of 3 · segment {last + 1}"
    assert preview.source_pane.image is not None and preview.target_pane.box is not None
    before = preview.target_pane.image
    assert before is not None
    renders.clear()
    ws.controller.editing.apply_target(doc, last, "结论。翻译记忆保存译者批准过的每一个句子。",
                                       "edited")
    for _ in range(5):  # a burst of changes (a run streaming): one page made, once it rests
        ws.model.dataChanged.emit(ws.model.index(last, 2), ws.model.index(last, 2))
    qtbot.waitUntil(lambda: renders == [(2, True)], timeout=5_000)
    after = preview.target_pane.image
    assert after is not None and after != before  # the translation is drawn in its box
    assert preview.source_pane.image is not None
    qtbot.wait(pdf_preview.SETTLE_MS + 200)
    assert renders == [(2, True)]  # the source page came from the cache
    ws.select_segment(0)
    assert preview.page_label.text().startswith("Page 1 of 3")


def test_the_preview_is_for_pdf_documents_only(window: MainWindow, qtbot: QtBot,
                                               tmp_path: Path) -> None:
    ws = window.translate
    preview = window.workbench.pdf_preview
    text = tmp_path / "note.txt"
    text.write_text("Hello there.\n", encoding="utf-8")
    _open_paper(ws, qtbot, text)
    assert not preview.toggle.isEnabled() and not preview.dock.isVisible()
    _open_paper(ws, qtbot, make_paper(tmp_path / "paper.pdf"))
    assert preview.dock.isVisible()
    preview.dock.close()  # its close button: it stays closed for the next PDF
    assert not preview.dock.isVisible() and preview.closed_by_user
    _open_paper(ws, qtbot, make_paper(tmp_path / "other.pdf"))
    assert not preview.dock.isVisible() and preview.toggle.isEnabled()
    preview.toggle.trigger()  # View ▸ Page preview brings it back
    assert preview.dock.isVisible() and not preview.closed_by_user
    assert preview.toggle.shortcut().toString() == "Ctrl+3"
