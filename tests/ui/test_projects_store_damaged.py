"""A damaged projects database: one dialog names the file (and its backup), the Translate
workspace still opens documents, and nothing is saved over the damaged file."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from bayling_desktop.config import Settings
from bayling_desktop.ui.translate.workspace_view import TranslateWorkspace
from bayling_desktop.ui.worker import ModelClient


def test_a_damaged_projects_database_is_said_once_in_a_dialog(
        qapp: QApplication, qtbot: QtBot, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    home = tmp_path / "home"
    monkeypatch.setenv("BAYLING_DESKTOP_HOME", str(home))
    from bayling_desktop.storage.projects import default_path

    database = default_path()
    database.parent.mkdir(parents=True, exist_ok=True)
    damaged = b"this is not a database at all" * 200
    database.write_bytes(damaged)
    said: list[tuple[str, str]] = []

    def warning(_parent: QWidget, title: str, text: str, *args: object) -> int:
        said.append((title, text))
        return int(QMessageBox.StandardButton.Ok.value)

    monkeypatch.setattr(QMessageBox, "warning", warning)
    client = ModelClient()
    widget = TranslateWorkspace(client, settings=Settings())
    qtbot.addWidget(widget)
    qtbot.waitUntil(lambda: bool(said), timeout=5_000)
    assert len(said) == 1 and said[0][0] == "Translations will not be saved"
    assert database.name in said[0][1]
    assert "Translations will not be saved" in widget.message_label.text()
    assert database.read_bytes() == damaged  # nothing written over it
    widget.shutdown()
    assert client.shutdown()
