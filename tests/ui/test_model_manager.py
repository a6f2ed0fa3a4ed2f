"""The model manager dialog: item models, import, library edits, Hub downloads, remote server.

Real parts wherever they can run here: the real Gemma GGUF for imports, the local
fake Hub (tests/hubserver.py) for downloads, an in-memory keyring backend, and a
tiny OpenAI-style HTTP server for the remote page. Modal boxes are patched.
"""

from __future__ import annotations

import json
import struct
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import keyring
import keyring.backends.fail
import pytest
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from bayling_desktop.config import Settings, load_settings, settings_path
from bayling_desktop.models.catalog import CATALOG
from bayling_desktop.models.download import DownloadProgress, pending_downloads
from bayling_desktop.models.embedded import GEMMA3_270M
from bayling_desktop.models.library import list_models
from bayling_desktop.models.secrets import HUB_TOKEN, SERVICE, plaintext_path, remote_api_key_name
from bayling_desktop.paths import models_dir
from bayling_desktop.ui.models import ManagerPage, ModelManagerDialog
from bayling_desktop.ui.models.catalog_table import CatalogTableModel
from bayling_desktop.ui.models.downloads_table import (
    DownloadRow,
    DownloadState,
    DownloadTableModel,
)
from bayling_desktop.ui.models.local_table import LocalModelTableModel
from tests.hubserver import HubServer
from tests.memkeyring import MemoryKeyring

REPO = "org/tiny-test-GGUF"
WAIT_MS = 20_000


# -- fixtures -----------------------------------------------------------------------------


@dataclass
class Boxes:
    """Records the modal message boxes the dialog would have shown."""

    warnings: list[tuple[str, str]] = field(default_factory=list)
    questions: list[str] = field(default_factory=list)
    answer: QMessageBox.StandardButton = QMessageBox.StandardButton.Yes


@pytest.fixture(autouse=True)
def boxes(monkeypatch: pytest.MonkeyPatch) -> Boxes:
    found = Boxes()

    def warning(parent: Any, title: str, text: str, *args: Any) -> QMessageBox.StandardButton:
        found.warnings.append((title, text))
        return QMessageBox.StandardButton.Ok

    def question(parent: Any, title: str, text: str, *args: Any) -> QMessageBox.StandardButton:
        found.questions.append(text)
        return found.answer

    monkeypatch.setattr(QMessageBox, "warning", warning)
    monkeypatch.setattr(QMessageBox, "question", question)
    return found


@pytest.fixture(autouse=True)
def memory_keyring(monkeypatch: pytest.MonkeyPatch) -> Iterator[MemoryKeyring]:
    for name in ("HF_TOKEN", "HUGGING_FACE_HUB_TOKEN", "HF_HUB_OFFLINE"):
        monkeypatch.delenv(name, raising=False)
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    try:
        yield backend
    finally:
        keyring.set_keyring(previous)


@pytest.fixture
def hub(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[HubServer]:
    with HubServer() as server:
        monkeypatch.setenv("HF_ENDPOINT", server.url)
        monkeypatch.setenv("HF_HOME", str(tmp_path / "hf-home"))
        yield server


@pytest.fixture
def make_dialog(qtbot: QtBot) -> Iterator[Callable[[Settings], ModelManagerDialog]]:
    made: list[ModelManagerDialog] = []

    def make(settings: Settings) -> ModelManagerDialog:
        dialog = ModelManagerDialog(settings)
        qtbot.addWidget(dialog)
        dialog.show()
        made.append(dialog)
        return dialog

    yield make
    for dialog in made:
        dialog.reject()  # cancels and joins the dialog's threads


def tiny_gguf(name: str = "Tiny Test", weights: int = 750_000) -> bytes:
    """A valid GGUF v3: llama metadata and one F32 tensor of *weights* values."""

    def text(value: str) -> bytes:
        raw = value.encode()
        return struct.pack("<Q", len(raw)) + raw

    kvs = [("general.architecture", 8, text("llama")), ("general.name", 8, text(name)),
           ("llama.context_length", 4, struct.pack("<I", 2048)),
           ("general.file_type", 4, struct.pack("<I", 0))]
    head = b"GGUF" + struct.pack("<IQQ", 3, 1, len(kvs))
    for key, kind, value in kvs:
        head += text(key) + struct.pack("<I", kind) + value
    head += text("weights") + struct.pack("<IQIQ", 1, weights, 0, 0)
    head += b"\0" * (-len(head) % 32)
    return head + bytes(4 * weights)


# -- item models --------------------------------------------------------------------------


def test_catalog_model(qtmodeltester: ModelTester) -> None:
    model = CatalogTableModel()
    qtmodeltester.check(model)
    assert model.rowCount() == len(CATALOG)
    published = [r for r in range(model.rowCount())
                 if model.index(r, 0).data(CatalogTableModel.DownloadableRole)]
    assert [model.entry_at(r).repo_id for r in published] == [  # type: ignore[union-attr]
        e.repo_id for e in CATALOG if e.file_name is not None]
    assert model.entry_at(published[0]).repo_id == (  # type: ignore[union-attr]
        "RealTruth/bayling-13b-v1.1-Q8_0-GGUF")
    row = model.index(published[0], CatalogTableModel.FORMAT)
    assert row.data() == "bayling-v1"
    assert model.index(published[0], CatalogTableModel.LICENCE).data() == "GPL-3.0"
    assert "GiB" in model.index(0, CatalogTableModel.RAM).data()


def test_local_model_table(qtmodeltester: ModelTester, gemma_model_path: Path) -> None:
    model = LocalModelTableModel()
    qtmodeltester.check(model)
    # the test-only Gemma model is listed only because it is the configured one
    assert GEMMA3_270M.key not in {e.name for e in list_models(Settings())}
    entries = list_models(Settings(model_path=str(gemma_model_path)))
    model.set_entries(entries)
    gemma = model.row_of(GEMMA3_270M.key)
    assert gemma >= 0, model.names()
    assert model.index(gemma, LocalModelTableModel.ARCHITECTURE).data() == "gemma3"
    assert model.index(gemma, LocalModelTableModel.QUANTIZATION).data() == "Q4_K_M"
    assert "Built-in" in model.index(gemma, LocalModelTableModel.STATUS).data()
    default = [r for r in range(model.rowCount())
               if model.index(r, 0).data(LocalModelTableModel.DefaultRole)]
    assert len(default) == 1
    model.set_entries([])
    assert model.rowCount() == 0


def test_download_table(qtmodeltester: ModelTester, tmp_path: Path) -> None:
    model = DownloadTableModel()
    qtmodeltester.check(model)
    row = DownloadRow(REPO, "a.gguf", "main", tmp_path / "a.gguf", DownloadState.STARTING)
    model.put(row)
    model.put(DownloadRow(REPO, "b.gguf", "main", tmp_path / "b.gguf", DownloadState.PAUSED,
                          500, 1000))
    model.apply_progress(row.key, DownloadProgress("downloading", 250, 1000, 2e6, 1.5, 0))
    assert model.index(0, DownloadTableModel.PROGRESS).data(DownloadTableModel.PercentRole) == 25
    assert model.index(0, DownloadTableModel.SPEED).data() == "2.0 MB/s"
    assert model.index(0, DownloadTableModel.TIME_LEFT).data() == "2 s"
    model.update(row.key, state=DownloadState.DONE)
    assert model.index(0, 0).data(DownloadTableModel.PercentRole) == 100
    model.remove(row.key)
    assert [r.filename for r in model.rows()] == ["b.gguf"]


# -- local models -------------------------------------------------------------------------


def test_import_rename_default_and_remove(qtbot: QtBot, make_dialog: Callable[..., Any],
                                          boxes: Boxes, gemma_model_path: Path,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    settings = Settings()
    dialog = make_dialog(settings)
    dialog.show_page(ManagerPage.LOCAL)
    tab = dialog.local_tab
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        lambda *a, **k: (str(gemma_model_path), "GGUF models (*.gguf)"))
    tab.import_button.click()
    assert not tab.import_button.isEnabled()
    name = gemma_model_path.name
    qtbot.waitUntil(lambda: tab.model.row_of(name) >= 0, timeout=WAIT_MS)
    assert tab.import_progress.value() == 100
    assert (models_dir() / name).stat().st_size == gemma_model_path.stat().st_size
    row = tab.model.row_of(name)
    assert tab.model.index(row, LocalModelTableModel.ARCHITECTURE).data() == "gemma3"
    assert tab.selected_entry().name == name  # type: ignore[union-attr]
    assert "gemma3" in tab.details.text() and "Q4_K_M" in tab.details.text()
    assert tab.rename_button.isEnabled() and tab.default_button.isEnabled()

    with qtbot.waitSignal(dialog.settingsChanged, timeout=WAIT_MS):
        tab.default_button.click()
    assert settings.model_path == str(models_dir() / name)
    assert load_settings().model_path == settings.model_path
    assert tab.model.index(tab.model.row_of(name), 0).data(LocalModelTableModel.DefaultRole)

    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("my gemma", True))
    with qtbot.waitSignal(dialog.settingsChanged, timeout=1000):
        tab.rename_button.click()
    assert tab.model.row_of(name) == -1
    assert tab.selected_entry().name == "my gemma.gguf"  # type: ignore[union-attr]
    assert load_settings().model_path == str(models_dir() / "my gemma.gguf")

    boxes.answer = QMessageBox.StandardButton.No
    with qtbot.assertNotEmitted(dialog.settingsChanged):
        tab.remove_button.click()
    assert (models_dir() / "my gemma.gguf").exists()
    boxes.answer = QMessageBox.StandardButton.Yes
    with qtbot.waitSignal(dialog.settingsChanged, timeout=1000):
        tab.remove_button.click()
    assert len(boxes.questions) == 2 and "default model" in boxes.questions[1]
    assert not (models_dir() / "my gemma.gguf").exists()
    assert tab.model.row_of("my gemma.gguf") == -1
    assert load_settings().model_path is None
    assert boxes.warnings == []


def test_truncated_copy_is_refused_with_a_message(qtbot: QtBot, make_dialog: Callable[..., Any],
                                                  boxes: Boxes, gemma_model_path: Path,
                                                  tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    truncated = tmp_path / "cut.gguf"
    with gemma_model_path.open("rb") as source:
        truncated.write_bytes(source.read(8_000_000))
    dialog = make_dialog(Settings())
    tab = dialog.local_tab
    before = tab.model.names()
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(truncated), ""))
    tab.import_button.click()
    qtbot.waitUntil(lambda: bool(boxes.warnings), timeout=WAIT_MS)
    text = boxes.warnings[0][1]
    assert "cut.gguf is truncated" in text and "missing" in text
    assert tab.model.names() == before
    assert not (models_dir() / "cut.gguf").exists()
    assert tab.import_button.isEnabled() and not tab.import_progress.isVisible()


def test_builtin_models_cannot_be_renamed_or_removed(make_dialog: Callable[..., Any]) -> None:
    tab = make_dialog(Settings()).local_tab
    default = next(r for r in range(tab.model.rowCount())
                   if tab.model.index(r, 0).data(LocalModelTableModel.DefaultRole))
    tab.view.selectRow(default)
    assert tab.model.entry_at(default).builtin  # type: ignore[union-attr]
    assert not tab.rename_button.isEnabled()
    assert not tab.remove_button.isEnabled()
    assert not tab.default_button.isEnabled()  # it already is the default


# -- downloads ----------------------------------------------------------------------------


def _row(dialog: ModelManagerDialog, name: str) -> DownloadRow:
    model = dialog.downloads_tab.model
    found = model.get(str(models_dir() / name))
    assert found is not None, [r.filename for r in model.rows()]
    return found


def test_download_from_the_hub_completes(qtbot: QtBot, make_dialog: Callable[..., Any],
                                         hub: HubServer, boxes: Boxes) -> None:
    data = tiny_gguf("Hub Tiny")
    hub.add(REPO, "tiny.gguf", data)
    dialog = make_dialog(Settings())
    catalog = dialog.catalog_tab
    assert not catalog.hub_button.isEnabled()
    catalog.repo_edit.setText(REPO)
    catalog.file_edit.setText("tiny.txt")
    assert not catalog.hub_button.isEnabled()  # only GGUF files
    catalog.file_edit.setText("tiny.gguf")
    with qtbot.waitSignal(dialog.downloads_tab.downloadFinished, timeout=WAIT_MS) as done:
        catalog.hub_button.click()
        assert dialog.tabs.currentWidget() is dialog.downloads_tab
    assert done.args == [str(models_dir() / "tiny.gguf")]
    row = _row(dialog, "tiny.gguf")
    assert row.state == DownloadState.DONE
    bar = dialog.downloads_tab.view.progress_bar(dialog.downloads_tab.model.find(row.key))
    assert bar is not None and bar.value() == bar.maximum() == 100
    assert (models_dir() / "tiny.gguf").read_bytes() == data
    local = dialog.local_tab.model
    entry = local.entry_at(local.row_of("tiny.gguf"))
    assert entry is not None and entry.title == "Hub Tiny" and entry.usable
    assert boxes.warnings == []
    qtbot.waitUntil(lambda: dialog.tasks.active_count() == 0, timeout=WAIT_MS)
    dialog.downloads_tab.clear_button.click()
    assert dialog.downloads_tab.model.rowCount() == 0


def test_closing_the_dialog_stops_a_download_and_keeps_it(
        qtbot: QtBot, make_dialog: Callable[..., Any], hub: HubServer) -> None:
    hub.add(REPO, "slow.gguf", tiny_gguf(), throttle=0.05)
    dialog = make_dialog(Settings())
    dialog.downloads_tab.start(REPO, "slow.gguf")
    qtbot.waitUntil(lambda: _row(dialog, "slow.gguf").downloaded > 0, timeout=WAIT_MS)
    dialog.reject()
    assert dialog.tasks.active_count() == 0
    [pending] = pending_downloads()
    assert pending.filename == "slow.gguf" and pending.downloaded > 0


def test_catalog_download_and_how_to_get(qtbot: QtBot, make_dialog: Callable[..., Any],
                                         hub: HubServer, boxes: Boxes) -> None:
    dialog = make_dialog(Settings())
    catalog = dialog.catalog_tab
    convert = next(r for r, e in enumerate(CATALOG) if not e.downloadable)
    catalog.view.selectRow(convert)
    assert "models build ICTNLP/bayling-2-7b" in catalog.details.text()
    assert catalog.download_button.text() == "Build…"  # the build has its own tests
    published = next(r for r, e in enumerate(CATALOG) if e.downloadable)
    catalog.view.selectRow(published)
    assert not catalog.download_button.isHidden()
    # The fake Hub does not hold the 14 GB file: the request reaches it and is refused.
    with qtbot.waitSignal(catalog.downloadRequested) as requested:
        catalog.download_button.click()
    assert requested.args == [CATALOG[published].repo_id, CATALOG[published].file_name, "main"]
    qtbot.waitUntil(lambda: bool(boxes.warnings), timeout=WAIT_MS)
    assert f"has no file named {CATALOG[published].file_name}" in boxes.warnings[0][1]
    assert hub.log[0].path.startswith(f"/{CATALOG[published].repo_id}/resolve/main/")


def test_cancel_keeps_a_resumable_download(qtbot: QtBot, make_dialog: Callable[..., Any],
                                           hub: HubServer, boxes: Boxes) -> None:
    data = tiny_gguf()
    hosted = hub.add(REPO, "slow.gguf", data, throttle=0.02)
    dialog = make_dialog(Settings())
    tab = dialog.downloads_tab
    key = tab.start(REPO, "slow.gguf")
    assert key is not None
    qtbot.waitUntil(lambda: _row(dialog, "slow.gguf").downloaded > 0, timeout=WAIT_MS)
    assert tab.cancel_button.isEnabled() and not tab.resume_button.isEnabled()
    tab.cancel_button.click()
    qtbot.waitUntil(lambda: _row(dialog, "slow.gguf").state == DownloadState.PAUSED,
                    timeout=WAIT_MS)
    [pending] = pending_downloads()
    assert 0 < pending.downloaded < len(data)
    assert _row(dialog, "slow.gguf").downloaded == pending.downloaded
    assert not (models_dir() / "slow.gguf").exists()
    assert tab.resume_button.isEnabled() and tab.discard_button.isEnabled()
    assert boxes.warnings == []

    # A later session (a new dialog) lists it as paused and resumes it.
    dialog.reject()
    again = make_dialog(Settings())
    assert again.tabs.currentWidget() is again.downloads_tab
    assert _row(again, "slow.gguf").state == DownloadState.PAUSED
    hosted.throttle = 0.0
    again.downloads_tab.view.selectRow(0)
    with qtbot.waitSignal(again.downloads_tab.downloadFinished, timeout=WAIT_MS):
        again.downloads_tab.resume_button.click()
    assert (models_dir() / "slow.gguf").read_bytes() == data
    # Only the rest was asked for: the resume continued from the partial file.
    assert hub.gets()[-1].range == f"bytes={pending.downloaded}-"
    assert pending_downloads() == []


def test_hub_errors_are_shown_as_sentences(qtbot: QtBot, make_dialog: Callable[..., Any],
                                           hub: HubServer, boxes: Boxes) -> None:
    hub.add(REPO, "gated.gguf", b"", status=401)
    dialog = make_dialog(Settings())
    tab = dialog.downloads_tab
    tab.start(REPO, "missing.gguf")
    qtbot.waitUntil(lambda: len(boxes.warnings) == 1, timeout=WAIT_MS)
    assert "no file named missing.gguf" in boxes.warnings[0][1]
    assert _row(dialog, "missing.gguf").state == DownloadState.FAILED
    tab.start(REPO, "gated.gguf")
    qtbot.waitUntil(lambda: len(boxes.warnings) == 2, timeout=WAIT_MS)
    assert "access token" in boxes.warnings[1][1] and "401" in boxes.warnings[1][1]
    assert tab.clear_button.isEnabled()
    tab.clear_button.click()
    assert tab.model.rowCount() == 0


def test_hub_token_goes_to_the_keyring(qtbot: QtBot, make_dialog: Callable[..., Any],
                                       hub: HubServer, memory_keyring: MemoryKeyring) -> None:
    hub.required_token = "hf_secret"
    hub.add(REPO, "private.gguf", tiny_gguf(weights=1000))
    dialog = make_dialog(Settings())
    tab = dialog.downloads_tab
    assert tab.opt_in.isHidden()
    assert not tab.token_forget_button.isEnabled()
    tab.token_edit.setText("hf_secret")
    tab.token_save_button.click()
    assert memory_keyring.store[(SERVICE, HUB_TOKEN)] == "hf_secret"
    assert tab.token_edit.text() == "" and tab.token_forget_button.isEnabled()
    with qtbot.waitSignal(tab.downloadFinished, timeout=WAIT_MS):
        tab.start(REPO, "private.gguf")
    assert hub.gets()[-1].authorization == "Bearer hf_secret"
    assert not settings_path().exists()  # the token never goes to the settings file
    tab.token_forget_button.click()
    assert (SERVICE, HUB_TOKEN) not in memory_keyring.store


def test_without_a_keyring_secrets_need_the_opt_in(qtbot: QtBot, make_dialog: Callable[..., Any],
                                                   boxes: Boxes) -> None:
    keyring.set_keyring(keyring.backends.fail.Keyring())
    settings = Settings()
    dialog = make_dialog(settings)
    tab = dialog.downloads_tab
    assert not tab.opt_in.isHidden()
    assert "No system keyring" in tab.opt_in.notice.text()
    tab.token_edit.setText("hf_plain")
    tab.token_save_button.click()
    assert "No system keyring" in boxes.warnings[0][1]
    assert not plaintext_path().exists()
    with qtbot.assertNotEmitted(dialog.settingsChanged):
        tab.opt_in.checkbox.setChecked(True)
    assert settings.allow_plaintext_secrets and load_settings().allow_plaintext_secrets
    assert dialog.remote_tab.opt_in.checkbox.isChecked()
    tab.token_save_button.click()
    assert json.loads(plaintext_path().read_text()) == {HUB_TOKEN: "hf_plain"}
    assert len(boxes.warnings) == 1


# -- remote server ------------------------------------------------------------------------


class _ModelsServer:
    """Answers GET /v1/models with two models, only for the right bearer key."""

    def __init__(self, key: str) -> None:
        expected = f"Bearer {key}"

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, format: str, *args: object) -> None:
                pass

            def do_GET(self) -> None:
                ok = self.path == "/v1/models" and self.headers.get("Authorization") == expected
                body = json.dumps({"data": [{"id": "bayling-13b"}, {"id": "qwen"}]} if ok
                                  else {"error": {"message": "bad key"}}).encode()
                self.send_response(200 if ok else 401)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, args=(0.05,),
                                       daemon=True)
        self.thread.start()
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/v1"

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def models_server() -> Iterator[_ModelsServer]:
    server = _ModelsServer("sk-test-key")
    yield server
    server.close()


def test_remote_server_is_saved_and_the_key_goes_to_the_keyring(
        qtbot: QtBot, make_dialog: Callable[..., Any], boxes: Boxes,
        memory_keyring: MemoryKeyring, models_server: _ModelsServer) -> None:
    settings = Settings()
    dialog = make_dialog(settings)
    tab = dialog.remote_tab
    assert tab.local_radio.isChecked()
    tab.remote_radio.setChecked(True)
    tab.url_edit.setText(models_server.url)
    tab.key_edit.setText("wrong")
    tab.test_button.click()
    qtbot.waitUntil(lambda: bool(boxes.warnings), timeout=WAIT_MS)
    assert "API key" in boxes.warnings[0][1]
    tab.key_edit.setText("sk-test-key")
    tab.fetch_button.click()
    qtbot.waitUntil(lambda: tab.model_combo.count() == 2, timeout=WAIT_MS)
    assert tab.model_combo.currentText() == "bayling-13b"
    tab.test_button.click()
    qtbot.waitUntil(lambda: "Connected" in tab.status.text(), timeout=WAIT_MS)
    assert "bayling-13b, qwen" in tab.status.text()
    tab.concurrency_spin.setValue(3)
    with qtbot.waitSignal(dialog.settingsChanged, timeout=1000):
        tab.save_button.click()
    saved = load_settings()
    assert (saved.backend, saved.remote_base_url, saved.remote_model,
            saved.remote_concurrency) == ("openai", models_server.url, "bayling-13b", 3)
    assert memory_keyring.store[(SERVICE, remote_api_key_name(models_server.url))] == (
        "sk-test-key")
    assert "sk-test-key" not in settings_path().read_text()
    assert tab.key_edit.text() == "" and "stored" in tab.key_status.text()
    assert len(boxes.warnings) == 1

    # Saving again without changes does not ask the main window to reload.
    with qtbot.assertNotEmitted(dialog.settingsChanged):
        tab.save_button.click()
    tab.local_radio.setChecked(True)
    with qtbot.waitSignal(dialog.settingsChanged, timeout=1000):
        tab.save_button.click()
    assert load_settings().backend == "local"


def test_remote_server_needs_an_address(make_dialog: Callable[..., Any], boxes: Boxes) -> None:
    dialog = make_dialog(Settings())
    tab = dialog.remote_tab
    tab.remote_radio.setChecked(True)
    assert not tab.save()
    assert "server address" in boxes.warnings[0][1]
    tab.url_edit.setText("ftp://example.com/v1")
    assert not tab.save()
    assert len(boxes.warnings) == 2 and "not a server address" in boxes.warnings[1][1]
    assert not settings_path().exists()
