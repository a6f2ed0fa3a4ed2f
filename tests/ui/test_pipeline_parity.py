"""One pipeline, one session: the CLI and the app give the same statuses, flags, project
and output for the same document.

The same misbehaving fake model (an echo on one paragraph, an empty first answer on
another, an invented number on a third) answers both; whatever each front end does with
the events, what it stores must be identical — and in one data folder it is stored once.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from bayling_desktop.commands import translate as translate_command
from bayling_desktop.config import Settings
from bayling_desktop.engine.backend import Backend
from bayling_desktop.flags import Flag
from bayling_desktop.storage.identity import file_project_name
from bayling_desktop.storage.projects import ProjectStore
from bayling_desktop.ui.translate.workspace_view import TranslateWorkspace
from bayling_desktop.ui.worker import ModelClient
from tests.unit.translation.fakes import FakeBackend

PARAGRAPHS = ["The parcel arrives on Monday.", "It weighs 12 kilograms.",
              "The courier will call you first.", "Please sign the form.",
              "Thank you for your order."]


def misbehaving() -> FakeBackend:
    backend = FakeBackend()
    backend.script[PARAGRAPHS[1]] = ["它重12公斤，共3件。"]   # a number added: flagged draft
    backend.script[PARAGRAPHS[2]] = ["ECHO"] * 6  # never translated, not repaired: failed
    backend.script[PARAGRAPHS[3]] = ["", "请在表格上签字。"]   # empty, then fine on the retry
    return backend


@pytest.fixture
def document(tmp_path: Path) -> Path:
    path = tmp_path / "order.txt"
    path.write_text("\n\n".join(PARAGRAPHS) + "\n", encoding="utf-8")
    return path


def cli_outcome(document: Path, home: Path, monkeypatch: pytest.MonkeyPatch
                ) -> list[tuple[str, str, list[str]]]:
    monkeypatch.setenv("BAYLING_DESKTOP_HOME", str(home))
    monkeypatch.setattr(translate_command, "open_backend", lambda a, s: misbehaving())
    parser = argparse.ArgumentParser()
    translate_command.add_parser(parser.add_subparsers())
    args = parser.parse_args(["translate", str(document), "--to", "zh", "--from", "en",
                              "--project", "parity"])
    assert translate_command.run(args) == 3
    with ProjectStore() as store:
        return [(s.status, s.target, s.flags) for s in store.open("parity").segments]


@pytest.fixture
def workspace(qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
              loaded_client: Callable[[Backend], ModelClient]) -> Iterator[TranslateWorkspace]:
    monkeypatch.setenv("BAYLING_DESKTOP_HOME", str(tmp_path / "gui-home"))
    client = loaded_client(misbehaving())
    widget = TranslateWorkspace(client, settings=Settings(source_language="en",
                                                          target_language="zh"))
    qtbot.addWidget(widget)
    yield widget
    widget.shutdown()


def test_cli_and_app_store_the_same_statuses_and_flags(
        workspace: TranslateWorkspace, qtbot: QtBot, document: Path, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    with qtbot.waitSignal(workspace.model.modelReset, timeout=10_000):
        workspace.open_paths([document])
    workspace.translate_all()
    qtbot.waitUntil(lambda: not workspace.controller.runs.running, timeout=30_000)
    doc = workspace.current
    assert doc is not None and doc.project is not None
    app = [(s.status, s.target, s.flags) for s in doc.project.segments]
    shown = [(row.status, row.target) for row in workspace.model.rows()]
    cli = cli_outcome(document, tmp_path / "cli-home", monkeypatch)
    assert app == cli
    assert [status for status, _t, _f in app] == ["draft", "draft", "error", "draft", "draft"]
    assert app[1][2] == [Flag("numbers_added", {"extra": "“3”"})] and app[2][2]
    assert shown == [(status, target) for status, target, _f in app]  # what the table shows


def test_one_document_in_both_front_ends_is_one_project_and_one_output(
        workspace: TranslateWorkspace, qtbot: QtBot, document: Path, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Open → pair → run → export in the app, then the same file in the CLI (with the
    same data folder): the CLI finds the app's project, and both write the same file."""
    with qtbot.waitSignal(workspace.model.modelReset, timeout=10_000):
        workspace.open_paths([document])
    doc = workspace.current
    assert doc is not None and doc.project is not None
    assert (doc.source_choice, doc.target, doc.detected) == ("auto", "zh", "en")
    workspace.translate_all()
    qtbot.waitUntil(lambda: not workspace.controller.runs.running, timeout=30_000)
    app = [(s.status, s.target, s.flags) for s in doc.project.segments]
    from_app = tmp_path / "from-app.zh.txt"
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: QMessageBox.StandardButton.Yes)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(from_app), ""))
    workspace.export()
    assert from_app.is_file()
    workspace.shutdown()  # the app closes: its project is free for the CLI

    from_cli = tmp_path / "from-cli.zh.txt"
    monkeypatch.setattr(translate_command, "open_backend", lambda a, s: misbehaving())
    parser = argparse.ArgumentParser()
    translate_command.add_parser(parser.add_subparsers())
    args = parser.parse_args(["translate", str(document), "--to", "zh", "-o", str(from_cli)])
    assert translate_command.run(args) == 3  # written, with segments to review
    with ProjectStore() as store:
        [info] = store.infos()  # one project for the file and target, not one per front end
        assert info.name == file_project_name(document, "zh")
        cli = [(s.status, s.target, s.flags) for s in store.open(info.id).segments]
    assert cli == app
    assert from_cli.read_bytes() == from_app.read_bytes()
