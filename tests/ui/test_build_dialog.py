"""Model manager ▸ Build from Hugging Face…, and the fit column of the catalog and library.

The build is real: a tiny random Llama checkpoint made here, served by the loopback
Hub, converted, quantized by llama.cpp and added to the library.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from bayling_desktop.config import Settings
from bayling_desktop.models import fit
from bayling_desktop.models.catalog import CATALOG
from bayling_desktop.models.library import list_models
from bayling_desktop.paths import models_dir
from bayling_desktop.ui.models import ManagerPage, ModelManagerDialog
from bayling_desktop.ui.models.catalog_table import CatalogTableModel
from bayling_desktop.ui.models.local_table import LocalModelTableModel
from tests.hubserver import HubServer
from tests.memkeyring import MemoryKeyring
from tests.unit.models.tinyllama import write_checkpoint

WAIT_MS = 60_000
REPO = "ICTNLP/bayling-2-tiny"
GIB = 1024**3


@pytest.fixture(autouse=True)
def memory_keyring(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    for name in ("HF_TOKEN", "HUGGING_FACE_HUB_TOKEN", "HF_HUB_OFFLINE"):
        monkeypatch.delenv(name, raising=False)
    previous = keyring.get_keyring()
    keyring.set_keyring(MemoryKeyring())
    try:
        yield
    finally:
        keyring.set_keyring(previous)


@pytest.fixture(scope="module")
def checkpoint(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("ckpt") / "bayling-2-tiny"
    write_checkpoint(folder, "llama3", "BF16", 1)
    return folder


@pytest.fixture
def dialog(qtbot: QtBot) -> Iterator[ModelManagerDialog]:
    manager = ModelManagerDialog(Settings())
    qtbot.addWidget(manager)
    manager.show()
    yield manager
    manager.reject()


def test_build_from_the_hub_with_progress(qtbot: QtBot, dialog: ModelManagerDialog,
                                          checkpoint: Path, monkeypatch: pytest.MonkeyPatch,
                                          tmp_path: Path) -> None:
    with HubServer() as hub:
        monkeypatch.setenv("HF_ENDPOINT", hub.url)
        monkeypatch.setenv("HF_HOME", str(tmp_path / "hf-home"))
        for file in checkpoint.iterdir():
            hub.add(REPO, file.name, file.read_bytes(), lfs=file.suffix == ".safetensors")
        build = dialog.open_build(REPO)
        assert build.isVisible()
        build.quant_combo.setCurrentText("Q8_0")
        stages: list[str] = []
        dialog.tasks.progressed.connect(lambda job, value: stages.append(value.stage))
        with qtbot.waitSignal(build.modelBuilt, timeout=WAIT_MS) as built:
            build.start_button.click()
            assert build.cancel_button.isEnabled() and not build.start_button.isEnabled()
    path = Path(built.args[0])
    assert path == models_dir() / "bayling-2-tiny-q8_0.gguf"
    assert {"download", "convert", "quantize"} <= set(stages)
    assert all(bar.value() == 1000 for bar in build.bars.values())
    assert "bayling-3" in build.status.text()
    assert dialog.tabs.currentIndex() == ManagerPage.LOCAL.value
    local = dialog.local_tab.model
    row = local.row_of(path.name)
    assert row >= 0
    assert local.index(row, LocalModelTableModel.FIT).data().startswith("Fits")
    assert build.start_button.isEnabled()


def test_cancel_leaves_no_model_file(qtbot: QtBot, dialog: ModelManagerDialog,
                                     checkpoint: Path) -> None:
    build = dialog.open_build(str(checkpoint))
    build.quant_combo.setCurrentText("Q4_K_M")
    job = build.start()
    build.cancel_button.click()
    with qtbot.waitSignal(dialog.tasks.cancelled, timeout=WAIT_MS) as ended:
        pass
    assert ended.args == [job]
    assert "cancelled" in build.status.text()
    assert not build.running
    assert not models_dir().exists() or list(models_dir().iterdir()) == []


def test_failure_is_one_sentence(qtbot: QtBot, dialog: ModelManagerDialog,
                                 tmp_path: Path) -> None:
    build = dialog.open_build(str(tmp_path))
    with qtbot.waitSignal(dialog.tasks.failed, timeout=WAIT_MS):
        build.start()
    assert "no config.json" in build.status.text()
    assert "Traceback" not in build.status.text()


def test_catalog_fit_column_and_recommendation(qtbot: QtBot) -> None:
    small = fit.Machine(ram_total=4 * GIB, ram_available=3 * GIB)
    model = CatalogTableModel(settings=Settings(), machine=small)
    fits = {e.key: model.index(r, CatalogTableModel.FIT).data()
            for r, e in enumerate(CATALOG)}
    assert fits["bayling-2-13b"] == "Too big"
    assert fits["hy-mt2-1.8b"] == "Fits"
    pick = model.recommended
    assert pick is not None and pick.size < 2 * GIB
    row = next(r for r in range(model.rowCount()) if model.entry_at(r) == pick)
    assert model.index(row, 0).data(CatalogTableModel.RecommendedRole)
    assert "(recommended)" in model.index(row, 0).data()
    assert "GiB of RAM" in model.index(row, CatalogTableModel.FIT).data(
        Qt.ItemDataRole.ToolTipRole)
    big = CatalogTableModel(settings=Settings(), machine=fit.Machine(64 * GIB, 60 * GIB))
    assert big.recommended is not None and big.recommended.key == "bayling-2-llama-3-8b"
    sakura = next(r for r, e in enumerate(CATALOG) if e.key == "sakura-7b-v1.0")
    assert "non-commercial" in big.index(sakura, CatalogTableModel.LICENCE).data()


def test_local_fit_follows_settings(qtbot: QtBot, gemma_model_path: Path) -> None:
    model = LocalModelTableModel()
    entries = list_models(Settings())
    short, long = Settings(context_length=512), Settings(context_length=32768)
    model.set_entries(entries, short)
    row = next(r for r, e in enumerate(entries) if e.info is not None)
    first = model.fit_at(row)
    model.set_entries(entries, long)
    second = model.fit_at(row)
    assert first is not None and second is not None
    assert second.kv_cache > first.kv_cache  # the KV cache grows with the context
