"""*Translate comments* in Settings: the comments become rows, the project remembers it, and
the export writes their translations."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from bayling_desktop.config import Settings
from bayling_desktop.ui.dialogs.settings import SettingsDialog
from bayling_desktop.ui.translate.workspace_view import TranslateWorkspace
from bayling_desktop.ui.worker import ModelClient

from ..unit.documents.coverage import visible_text
from ..unit.documents.wordml import make_story_docx

COMMENT = "Is this right?"


def open_with(settings: Settings, path: Path, qtbot: QtBot) -> TranslateWorkspace:
    client = ModelClient()
    ws = TranslateWorkspace(client, settings=dataclasses.replace(
        settings, source_language="en", target_language="zh"))
    qtbot.addWidget(ws)
    with qtbot.waitSignal(ws.model.modelReset, timeout=10_000):
        ws.open_paths([path])
    return ws


def test_comments_are_rows_only_when_the_setting_is_on(qapp: QApplication, qtbot: QtBot,
                                                       tmp_path: Path) -> None:
    source = make_story_docx(tmp_path / "story.docx")
    off = open_with(Settings(), source, qtbot)
    [doc] = off.controller.docs.values()
    assert COMMENT not in [row.source for row in doc.rows]
    assert any("Translate comments" in str(notice) for notice in doc.document.notices)
    off.shutdown()
    assert off.controller.client.shutdown()

    dialog = SettingsDialog(Settings())
    qtbot.addWidget(dialog)
    assert not dialog.comments_check.isChecked()
    dialog.comments_check.setChecked(True)
    on = open_with(dialog.edited_settings(), source, qtbot)
    [doc] = on.controller.docs.values()
    sources = [row.source for row in doc.rows]
    assert COMMENT in sources
    project = doc.project
    assert project is not None and project.settings.get("comments") is True
    project.set_target(sources.index(COMMENT), "这样对吗？", "edited")
    doc.session.export(tmp_path / "story.zh.docx")
    assert "这样对吗？" in visible_text(tmp_path / "story.zh.docx", comments=True)
    on.shutdown()
    assert on.controller.client.shutdown()
