"""The catalog's facts, the fit check and the recommended pick."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import pytest

from bayling_desktop.config import Settings
from bayling_desktop.engine.gguf_info import read_gguf_info
from bayling_desktop.models import catalog, fit
from bayling_desktop.models.cli import run_models
from bayling_desktop.translation.profiles import PROFILES

GIB = 1024**3


def test_every_entry_is_consistent() -> None:
    keys = [e.key for e in catalog.CATALOG]
    assert len(keys) == len(set(keys))
    for entry in catalog.CATALOG:
        assert entry.profile in PROFILES, entry.key
        assert entry.downloadable or entry.buildable, entry.key
        assert entry.file_name is None or entry.file_name.endswith(".gguf")
        assert entry.layers > 0 and entry.kv_width > 0
    buildable = {e.repo_id for e in catalog.CATALOG if e.buildable}
    assert buildable == {"ICTNLP/bayling-2-7b", "ICTNLP/bayling-2-13b",
                         "ICTNLP/bayling-2-llama-3-8b"}
    non_commercial = {e.key for e in catalog.CATALOG if not e.commercial}
    assert non_commercial == {"sakura-7b-v1.0", "towerinstruct-7b"}
    for key in non_commercial:
        entry = catalog.find_entry(key)
        assert entry is not None and "non-commercial" in entry.licence_label
    build = catalog.find_entry("ICTNLP/bayling-2-13b")
    assert build is not None
    assert "bayling-desktop models build ICTNLP/bayling-2-13b" in build.how_to_get
    hy = catalog.find_entry("hy-mt2-1.8b")
    assert hy is not None and hy.profile == "hy-mt2" and "EU" in hy.notes


def test_estimate_counts_context_sequences_and_gpu_layers() -> None:
    machine = fit.Machine(16 * GIB, 12 * GIB)
    one = fit.estimate(4 * GIB, 32, 1024, context=4096, machine=machine)
    assert one.kv_cache == 2 * 32 * 1024 * 2 * 4096
    four = fit.estimate(4 * GIB, 32, 1024, context=4096, sequences=4, machine=machine)
    assert four.kv_cache == 4 * one.kv_cache and four.ram > one.ram
    half = fit.estimate(4 * GIB, 32, 1024, context=4096, gpu_layers=16, machine=machine)
    assert half.gpu == (one.weights + one.kv_cache) // 2
    assert half.ram == one.ram - half.gpu
    everything = fit.estimate(4 * GIB, 32, 1024, context=4096, gpu_layers=-1, machine=machine)
    assert everything.gpu_layers == 32 and "32 of 32 layers" in str(everything.reason)
    assert one.verdict == "fits"
    assert fit.estimate(11 * GIB, 40, 5120, context=4096, machine=machine).verdict == "tight"
    too_big = fit.estimate(20 * GIB, 40, 5120, context=4096, machine=machine)
    assert too_big.verdict == "too big" and "smaller model" in str(too_big.reason)
    assert fit.estimate(1, 1, 1, context=1, machine=fit.Machine(None, None)).verdict == "unknown"


def test_settings_drive_the_catalog_fit() -> None:
    entry = catalog.find_entry("bayling-2-llama-3-8b")
    assert entry is not None
    machine = fit.Machine(8 * GIB, 6 * GIB)
    short = fit.fit_entry(entry, Settings(context_length=2048), machine)
    parallel = fit.fit_entry(entry, Settings(context_length=8192, parallel_sequences=8), machine)
    assert short.verdict == "fits" and parallel.verdict == "too big"
    # never more context than the model has
    capped = fit.fit_entry(entry, Settings(context_length=65536), machine)
    assert capped.context == 8192


def test_recommendation_depends_on_the_machine() -> None:
    settings = Settings()
    big = fit.recommend(catalog.CATALOG, settings, fit.Machine(64 * GIB, 60 * GIB))
    assert big is not None and big.key == "bayling-2-llama-3-8b"
    small = fit.recommend(catalog.CATALOG, settings, fit.Machine(4 * GIB, 3 * GIB))
    assert small is not None and small.key == "hy-mt2-1.8b"
    assert fit.recommend(catalog.CATALOG, settings, fit.Machine(GIB, GIB)) is None
    # commercial_only never picks a non-commercial model
    picks = {fit.recommend(catalog.CATALOG, settings, fit.Machine(g * GIB, g * GIB), True)
             for g in (3, 6, 9, 12, 24)}
    assert all(p is None or p.commercial for p in picks)


def test_fit_of_a_real_gguf(gemma_path: Path) -> None:
    info = read_gguf_info(gemma_path)
    layers, kv_width = fit.kv_shape(info)
    assert layers == info.metadata["gemma3.block_count"] == 18
    assert kv_width == info.metadata["gemma3.attention.head_count_kv"] * info.metadata[
        "gemma3.attention.key_length"]
    check = fit.fit_gguf(info, Settings(context_length=1024, parallel_sequences=1))
    assert check.weights == gemma_path.stat().st_size
    assert check.kv_cache == 2 * layers * kv_width * 2 * 1024


def test_this_machine_reports_memory() -> None:
    machine = fit.this_machine()
    assert machine.ram_total is not None and machine.ram_total > GIB
    assert "GiB RAM" in str(machine.label)


def test_cli_catalog_shows_fit_and_recommendation(capsys: pytest.CaptureFixture[str]) -> None:
    assert run_models(argparse.Namespace(models_command="catalog", json=True)) == 0
    rows = json.loads(capsys.readouterr().out)
    assert len(rows) == len(catalog.CATALOG)
    assert sum(r["recommended"] for r in rows) <= 1
    assert {r["fit"] for r in rows} <= {"fits", "tight", "too big", "unknown"}
    assert all("GiB of RAM" in r["fit_reason"] for r in rows)
    assert run_models(argparse.Namespace(models_command="catalog", json=False)) == 0
    text = capsys.readouterr().out
    assert text.startswith("This machine:")
    assert "[fits]" in text or "[tight]" in text or "[too big]" in text
    assert "(non-commercial)" in text


def test_auto_parallel_is_the_engines_choice() -> None:
    from bayling_desktop.engine.capacity import choose_parallel

    machine = fit.Machine(16 * GIB, 12 * GIB)
    auto = fit.estimate(4 * GIB, 32, 1024, context=4096, sequences=0, machine=machine)
    engine = choose_parallel(0, cores=__import__("os").cpu_count() or 1, gpu=False,
                             context_length=4096, model_bytes=4 * GIB,
                             kv_per_token=2 * 32 * 1024 * 2, available=12 * GIB)
    assert auto.sequences == engine.sequences >= 1
    entry = catalog.find_entry("qwen3-4b")
    assert entry is not None
    assert fit.fit_entry(entry, Settings(parallel_sequences=0), machine).sequences == \
        fit.estimate(entry.size, entry.layers, entry.kv_width, context=4096, sequences=0,
                     machine=machine).sequences
