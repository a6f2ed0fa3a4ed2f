"""A translation catalogue in the Translate workspace: the file's own translations are shown
as done and kept, a checkbox (with their count) lets *Translate all* redo them, and a
target language the file does not declare is refused."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from pytestqt.qtbot import QtBot

from bayling_desktop.config import Settings
from bayling_desktop.engine.backend import Backend
from bayling_desktop.ui.translate.workspace_view import TranslateWorkspace
from bayling_desktop.ui.worker import ModelClient
from tests.unit.documents.catalogs import ZH_PO

from .fake_backend import EchoBackend


def test_kept_translations_and_the_checkbox_that_redoes_them(
        qtbot: QtBot, tmp_path: Path,
        loaded_client: Callable[[Backend], ModelClient]) -> None:
    backend = EchoBackend()
    asked: list[str] = []
    stream = backend.stream

    def recording(messages, params, cancel=None):  # type: ignore[no-untyped-def]
        asked.append(messages[-1].content)
        return stream(messages, params, cancel)

    backend.stream = recording  # type: ignore[method-assign]
    client = loaded_client(backend)
    ws = TranslateWorkspace(client, settings=Settings(source_language="en",
                                                      target_language="de"))
    qtbot.addWidget(ws)
    source = tmp_path / "django.po"
    source.write_text(ZH_PO, encoding="utf-8")
    ws.open_paths([source])
    qtbot.waitUntil(lambda: ws.model.rowCount() == 11, timeout=10_000)
    # the header's language, not the one on screen before
    qtbot.waitUntil(lambda: ws.bar.target_combo.currentData() == "zh-CN", timeout=5_000)
    rows = ws.model.rows()
    kept = {row.idx: row.target for row in rows if row.status in ("approved", "draft")}
    assert len(kept) == 6 and kept[0] == "成功删除了 %(count)d 个 %(items)s"
    assert ws.bar.retranslate_check.isVisibleTo(ws)
    assert "6" in ws.bar.retranslate_check.text()

    ws.translate_all()
    qtbot.waitUntil(lambda: ws.controller.runs.job is None, timeout=30_000)
    after = ws.model.rows()
    assert {i: after[i].target for i in kept} == kept  # nothing written over
    assert all(after[i].status in ("approved", "draft") for i in kept)
    assert asked and not any("Log out" in text or "Mar." in text for text in asked)

    ws.bar.retranslate_check.setChecked(True)
    ws.translate_all()
    qtbot.waitUntil(lambda: ws.controller.runs.job is None, timeout=30_000)
    # the model's turn this time (the echo it gives back is flagged, not written over them)
    assert any("Log out" in text for text in asked) and any("Mar." in text for text in asked)
    assert not ws.bar.retranslate_check.isChecked()

    # the catalogue is Chinese: German is refused, the pair stays
    combo = ws.bar.target_combo
    combo.setCurrentIndex(combo.findData("de"))  # as the user picks it
    assert ws.bar.target_combo.currentData() == "zh-CN"
    assert "holds translations into zh-CN" in ws.message_label.text()
    ws.shutdown()
    assert client.shutdown()


def test_a_memorys_other_languages_are_never_shown_as_drafts(tmp_path: Path) -> None:
    from bayling_desktop.storage.projects import ProjectStore
    from bayling_desktop.ui.translate.open_document import OpenRequest, prepare, restore_rows
    from tests.unit.documents.catalogs import TMX

    source = tmp_path / "memory.tmx"
    source.write_text(TMX, encoding="utf-8")
    with ProjectStore(tmp_path / "p.sqlite3") as store:
        prepared = prepare(OpenRequest(source, "zh", preferred_source="en", pair=("en", "zh")),
                           store)
        assert [(row.target, row.status) for row in prepared.rows] == [
            ("打开文件", "approved"), ("", "new")]
        prepared.session.close()
        german = tmp_path / "de.tmx"  # one other language: the file's guess is German
        german.write_text(TMX.replace('<tuv xml:lang="zh-CN"><seg>打开文件</seg></tuv>', ""),
                          encoding="utf-8")
        prepared = prepare(OpenRequest(german, "zh", preferred_source="en"), store)
        assert prepared.session.pair is not None and prepared.session.pair.target == "de"
        prepared.session.set_pair("en", "zh")  # the user picks Chinese
        restore_rows(prepared.session, prepared.rows)
        assert [(row.target, row.status) for row in prepared.rows] == [("", "new"), ("", "new")]
        prepared.session.close()
