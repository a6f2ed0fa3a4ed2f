"""The Translate controller works without its view: it opens, shows, runs and closes
documents, and says all of it through its signals (the view only connects to them)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from bayling_desktop.config import Settings
from bayling_desktop.translation.pipeline import Progress, UnitFinished
from bayling_desktop.ui.translate.open_document import OpenDocument
from bayling_desktop.ui.translate.revision_panel import RevisionPanel
from bayling_desktop.ui.translate.workspace_controller import WorkspaceController
from bayling_desktop.ui.worker import ModelClient


@pytest.fixture
def controller(qapp: QApplication) -> Iterator[WorkspaceController]:
    client = ModelClient()
    panel = RevisionPanel()  # the one widget it is handed: where revisions are shown
    made = WorkspaceController(client, Settings(source_language="auto",
                                                target_language="zh"), panel)
    yield made
    made.shutdown()
    assert client.shutdown()
    panel.deleteLater()


def test_the_controller_opens_runs_and_closes_without_a_view(
        controller: WorkspaceController, qtbot: QtBot, tmp_path: Path) -> None:
    assert controller.findChildren(QWidget) == []  # no widget of its own
    messages: list[tuple[str, bool]] = []
    controller.message.connect(lambda text, error: messages.append((text, error)))
    first, second = tmp_path / "one.txt", tmp_path / "two.txt"
    first.write_text("The weather is nice today.\n\nI like green tea.\n", encoding="utf-8")
    second.write_text("Please close the door.\n", encoding="utf-8")
    added: list[tuple[Path, int]] = []
    controller.documentAdded.connect(lambda path, slot: added.append((path, slot)))
    with qtbot.waitSignal(controller.documentShown, timeout=10_000) as shown:
        controller.opener.open_paths([first])
    doc = shown.args[0]
    assert isinstance(doc, OpenDocument) and doc is controller.current
    assert controller.model.rowCount() == 2
    assert ("one.txt: 2 segments.", False) in messages
    # the pickers' values follow the document: English detected, Chinese the target
    assert controller.picked == ("auto", "zh")
    source = controller.source_language()
    assert source is not None and source.code == "en"

    # a run's events become rows, progress and row heights to fit — as signals
    progress: list[tuple[int, int, str]] = []
    settled: list[int] = []
    controller.progressShown.connect(lambda v, m, t: progress.append((v, m, t)))
    controller.rowSettled.connect(settled.append)
    controller.runs.job = 3  # as if the pipeline ran on the model thread
    controller.runs.handle_event(UnitFinished(1, "我喜欢绿茶。", "draft", (), "model"))
    controller.runs.handle_event(Progress(1, 2, None, 0.0, 1))
    assert controller.model.row(1).target == "我喜欢绿茶。" and settled == [1]
    assert progress[-1] == (1, 2, "Translating: 1 / 2")
    controller.runs.job = None

    with qtbot.waitSignal(controller.documentShown, timeout=10_000):
        controller.opener.open_paths([second])
    assert [path.name for path, _slot in added] == ["one.txt", "two.txt"]
    assert controller.order == [first, second]
    assert [entry["path"] for entry in controller.opener.desk()] == [str(first), str(second)]

    removed: list[Path] = []
    controller.documentRemoved.connect(removed.append)
    assert controller.close_current()
    assert removed == [second] and controller.current is not None
    assert controller.current.document.path == first  # the one left is shown
    assert controller.model.row(1).target == "我喜欢绿茶。"
    assert messages[-1][0].startswith("Closed two.txt.")
    assert controller.close_current() and controller.current is None
    assert controller.model.rowCount() == 0 and controller.order == []
