"""build_model end to end: local folders and the (loopback) Hub, quantize, cancel, disk."""

from __future__ import annotations

import shutil
import time
from collections import namedtuple
from pathlib import Path

import pytest

from bayling_desktop.engine.backend import CancelToken
from bayling_desktop.engine.formats import format_for_model
from bayling_desktop.engine.gguf_info import read_gguf_info
from bayling_desktop.models import library
from bayling_desktop.models.build import common
from bayling_desktop.models.build.common import BuildCancelled, BuildError, BuildProgress
from bayling_desktop.models.build.pipeline import build_model, work_folder
from bayling_desktop.paths import models_dir
from tests.hubserver import HubServer
from tests.unit.models.tinyllama import write_checkpoint

REPO = "ICTNLP/bayling-2-tiny"


@pytest.fixture(scope="module")
def tiny(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("tiny")
    made = {}
    for kind, dtype, shards in (("llama2", "F16", 2), ("llama3", "BF16", 1)):
        folder = root / f"bayling-2-tiny-{kind}"
        write_checkpoint(folder, kind, dtype, shards)
        made[kind] = folder
    return made


def _generate(path: Path, count: int = 6) -> list[int]:
    import llama_cpp

    llm = llama_cpp.Llama(str(path), n_ctx=64, verbose=False, n_threads=1)
    tokens = llm.tokenize(b"Hello world", add_bos=True)
    produced = []
    for token in llm.generate(tokens, temp=0.0):
        produced.append(token)
        if len(produced) == count:
            break
    return produced


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir()) if folder.exists() else []


@pytest.mark.parametrize(("kind", "quant", "fmt"), [("llama2", "Q8_0", "bayling-v1"),
                                                     ("llama3", "Q4_K_M", "bayling-3")])
def test_local_build_lands_in_library(tiny: dict[str, Path], kind: str, quant: str,
                                      fmt: str) -> None:
    stages: list[str] = []
    result = build_model(str(tiny[kind]), quant=quant,
                         progress=lambda p: stages.append(p.stage))
    assert result.path == models_dir() / f"bayling-2-tiny-{kind}-{quant.lower()}.gguf"
    assert _leftovers(models_dir()) == [result.path.name]  # no intermediate, no .part
    assert [s for i, s in enumerate(stages) if i == 0 or stages[i - 1] != s] == [
        "convert", "quantize", "done"]
    info = read_gguf_info(result.path)
    assert info.quantization == quant
    assert result.prompt_format == fmt
    assert format_for_model(info).name == fmt
    entry = library.find_model(result.path.name)
    assert entry.usable and entry.info is not None
    assert len(_generate(result.path)) == 6


def test_cancel_during_quantize_leaves_nothing(tiny: dict[str, Path]) -> None:
    cancel = CancelToken()

    def on_progress(progress: BuildProgress) -> None:
        if progress.stage == "quantize":
            cancel.cancel()

    with pytest.raises(BuildCancelled):
        build_model(str(tiny["llama2"]), quant="Q4_K_M", progress=on_progress, cancel=cancel)
    assert _leftovers(models_dir()) == []


def test_not_enough_disk_is_refused_with_the_figures(tiny: dict[str, Path],
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    usage = namedtuple("usage", "total used free")
    monkeypatch.setattr(common.shutil, "disk_usage", lambda path: usage(10**9, 10**9, 1000))
    with pytest.raises(BuildError) as caught:
        build_model(str(tiny["llama3"]), quant="Q5_K_M")
    message = str(caught.value)
    assert "Not enough disk space" in message
    assert "F16 intermediate" in message and "Q5_K_M output" in message
    assert "0.00 GB are free" in message
    assert _leftovers(models_dir()) == []


def test_bad_sources_and_outputs(tiny: dict[str, Path], tmp_path: Path) -> None:
    with pytest.raises(BuildError, match="neither a checkpoint folder"):
        build_model("not a repo")
    with pytest.raises(BuildError, match="Unknown quantization"):
        build_model(str(tiny["llama2"]), quant="Q3")
    existing = tmp_path / "taken.gguf"
    existing.write_bytes(b"x")
    with pytest.raises(BuildError, match="already exists"):
        build_model(str(tiny["llama2"]), output=existing)


def _host(hub: HubServer, folder: Path, **options: object) -> None:
    for file in sorted(folder.iterdir()):
        lfs = file.suffix in (".safetensors", ".model")
        hub.add(REPO, file.name, file.read_bytes(), lfs=lfs,
                **(options if file.suffix == ".safetensors" else {}))
    # Present on the real Hub too, and never needed: it must not be fetched.
    hub.add(REPO, "pytorch_model.bin", b"\0" * 4096)


def test_hub_build_downloads_only_what_it_needs(hub: HubServer, tiny: dict[str, Path]) -> None:
    _host(hub, tiny["llama2"])
    stages = []
    result = build_model(REPO, quant="Q8_0", progress=lambda p: stages.append(p))
    assert result.model.title == "bayling-2-tiny"
    assert result.prompt_format == "bayling-v1"
    fetched = {s.path.rsplit("/", 1)[-1] for s in hub.gets()}
    assert "pytorch_model.bin" not in fetched
    assert {"config.json", "tokenizer.model", "model.safetensors.index.json",
            "model-00001-of-00002.safetensors", "model-00002-of-00002.safetensors"} <= fetched
    downloads = [p for p in stages if p.stage == "download"]
    assert downloads and downloads[-1].done == downloads[-1].total
    assert not work_folder(REPO).exists()  # downloads removed after the build
    assert _leftovers(models_dir()) == ["bayling-2-tiny-q8_0.gguf"]


def test_hub_download_cancel_then_resume(hub: HubServer, tiny: dict[str, Path]) -> None:
    _host(hub, tiny["llama3"], throttle=0.02)
    cancel = CancelToken()

    def on_progress(progress: BuildProgress) -> None:
        if progress.detail.endswith(".safetensors") and progress.done > 200_000:
            cancel.cancel()

    with pytest.raises(BuildCancelled):
        build_model(REPO, quant="F16", progress=on_progress, cancel=cancel)
    assert not list(models_dir().glob("*.gguf"))
    partial = [p.name for p in work_folder(REPO).iterdir() if p.name.endswith(".incomplete")]
    assert partial == ["model.safetensors.incomplete"]
    kept = (work_folder(REPO) / "model.safetensors.incomplete").stat().st_size
    assert kept > 200_000
    # The server logs the cut-off first transfer only when its handler gives up.
    deadline = time.monotonic() + 10
    while not [s for s in hub.gets() if s.path.endswith("/model.safetensors")
               and s.status == 200] and time.monotonic() < deadline:
        time.sleep(0.05)
    requests_before = len(hub.gets())
    result = build_model(REPO, quant="F16")

    def again_requests() -> list:  # type: ignore[type-arg]
        return [s for s in hub.gets()[requests_before:] if s.path.endswith("model.safetensors")]

    # the server logs a transfer when its handler is done, which may be just after the
    # client has what it needs
    deadline = time.monotonic() + 10
    while len(again_requests()) < 2 and time.monotonic() < deadline:
        time.sleep(0.05)
    again = again_requests()
    # the second run asked only for the rest of the partial file, and got it
    assert [(s.range, s.status) for s in again] == [(f"bytes={kept}-", 302),
                                                     (f"bytes={kept}-", 206)]
    assert read_gguf_info(result.path).quantization == "F16"
    assert result.prompt_format == "bayling-3"


def test_hub_missing_weights_is_one_sentence(hub: HubServer, tiny: dict[str, Path]) -> None:
    for name in ("config.json", "tokenizer.model"):
        hub.add(REPO, name, (tiny["llama2"] / name).read_bytes(), lfs=False)
    with pytest.raises(BuildError, match="no safetensors weights"):
        build_model(REPO)
    shutil.rmtree(work_folder(REPO), ignore_errors=True)
