"""The BayLing catalog and the ``models`` subcommand, run through argparse."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import pytest

from bayling_desktop.config import load_settings
from bayling_desktop.models import catalog
from bayling_desktop.models.cli import add_models_parser, run_models
from bayling_desktop.paths import models_dir
from tests.hubserver import HubServer, payload


def test_catalog_has_the_published_gguf_and_builds_the_rest() -> None:
    bayling = [e for e in catalog.CATALOG if e.family == "bayling"]
    assert [(e.repo_id, e.file_name) for e in bayling if e.downloadable] == [
        ("RealTruth/bayling-13b-v1.1-Q8_0-GGUF", "bayling-13b-v1.1-q8_0.gguf")]
    build = [e for e in bayling if not e.downloadable]
    assert {e.repo_id for e in build} == {
        "ICTNLP/bayling-2-7b", "ICTNLP/bayling-2-13b", "ICTNLP/bayling-2-llama-3-8b"}
    for entry in build:
        assert entry.buildable
        assert "No GGUF of this model is published" in entry.how_to_get
        assert f"bayling-desktop models build {entry.repo_id}" in entry.how_to_get
    llama3 = catalog.find_entry("ictnlp/bayling-2-llama-3-8b")
    assert llama3 is not None
    assert (llama3.prompt_format, llama3.context_length) == ("bayling-3", 8192)
    assert all(e.licence == "GPL-3.0" for e in bayling)


def test_ram_estimate_adds_the_kv_cache() -> None:
    # 13B, 40 layers x 5120, f16 K and V, 2048 positions = 1.6 GiB of cache.
    assert catalog.kv_cache_bytes(40, 5120, 2048) == 2 * 40 * 5120 * 2 * 2048
    entry = catalog.find_entry("bayling-13b-v1.1-q8_0")
    assert entry is not None
    assert entry.size + catalog.kv_cache_bytes(40, 5120, 2048) < entry.ram < entry.size + 3e9


def _run(*argv: str) -> int:
    parser = argparse.ArgumentParser()
    add_models_parser(parser.add_subparsers(dest="command"))
    args = parser.parse_args(["models", *argv])
    return int(args.run(args))


def test_cli_import_list_info_rename_remove(gemma_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    assert _run("import", str(gemma_path), "--link", "--name", "g", "--default") == 0
    assert "Imported g.gguf" in capsys.readouterr().out
    assert load_settings().model_path == str(models_dir() / "g.gguf")

    assert _run("list", "--json") == 0
    listed = json.loads(capsys.readouterr().out)
    mine = [row for row in listed if not row["builtin"]]
    assert [(r["name"], r["default"], r["architecture"]) for r in mine] == [
        ("g.gguf", True, "gemma3")]

    assert _run("info", "g", "--json") == 0
    info = json.loads(capsys.readouterr().out)
    assert info["tensor_count"] > 100 and info["has_chat_template"] is False

    assert _run("rename", "g", "h") == 0
    assert load_settings().model_path == str(models_dir() / "h.gguf")
    assert _run("remove", "h", "--yes") == 0
    assert load_settings().model_path is None
    assert list(models_dir().iterdir()) == []


def test_cli_remove_needs_confirmation(gemma_path: Path, monkeypatch: pytest.MonkeyPatch,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    _run("import", str(gemma_path), "--link")
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    monkeypatch.setattr("sys.stdin.readline", lambda: "n\n")
    assert _run("remove", gemma_path.name) == 1
    assert (models_dir() / gemma_path.name).exists()
    monkeypatch.setattr("sys.stdin.readline", lambda: "yes\n")
    assert _run("remove", gemma_path.name) == 0
    assert not (models_dir() / gemma_path.name).exists()


def test_cli_download_shows_progress_on_stderr(hub: HubServer,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    data = payload(2_500_000)
    hub.add("org/repo", "m.gguf", data)
    assert _run("download", "org/repo", "m.gguf") == 0
    out, err = capsys.readouterr()
    assert "Downloaded and verified" in out
    assert "[" in err and "2/2" in err  # the bar, in MB, reached the end
    assert (models_dir() / "m.gguf").read_bytes() == data


def test_cli_download_refuses_non_gguf(hub: HubServer) -> None:
    from bayling_desktop.errors import BaylingError

    with pytest.raises(BaylingError, match=r"Only .gguf"):
        _run("download", "org/repo", "README.md")
    assert hub.log == []


def test_cli_catalog_lists_every_entry(capsys: pytest.CaptureFixture[str]) -> None:
    assert run_models(argparse.Namespace(models_command="catalog", json=True)) == 0
    rows = json.loads(capsys.readouterr().out)
    assert len(rows) == len(catalog.CATALOG)
    assert rows[0]["file"] == "bayling-13b-v1.1-q8_0.gguf"
    assert {r["key"] for r in rows if r["buildable"]} == {
        "bayling-2-7b", "bayling-2-13b", "bayling-2-llama-3-8b"}
