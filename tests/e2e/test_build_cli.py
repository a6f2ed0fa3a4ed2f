"""``bayling-desktop models build`` as a user runs it: a real process, tiny real checkpoints."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.hubserver import HubServer
from tests.interruptible import sigint_default
from tests.unit.models.tinyllama import write_checkpoint


def cli(*args: str | Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "bayling_desktop", *map(str, args)],
                          capture_output=True, text=True, env={**os.environ, **env},
                          timeout=300)


@pytest.fixture(scope="module")
def checkpoint(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("ckpt") / "bayling-2-tiny"
    write_checkpoint(folder, "llama2", "F16", 2)
    return folder


def test_build_a_local_folder_into_the_library(checkpoint: Path, private_home: Path) -> None:
    env = {"BAYLING_DESKTOP_HOME": str(private_home)}
    result = cli("models", "build", checkpoint, "--quant", "q4_k_m", "--default", env=env)
    assert result.returncode == 0, result.stderr
    assert "Built " in result.stdout and "prompt format bayling-v1" in result.stdout
    assert "convert (kB)" in result.stderr and "quantize (kB)" in result.stderr
    listed = json.loads(cli("models", "list", "--json", env=env).stdout)
    [built] = [row for row in listed if row["name"] == "bayling-2-tiny-q4_k_m.gguf"]
    assert built["default"] and built["quantization"] == "Q4_K_M"
    assert built["prompt_format"] == "bayling-v1"
    models = Path(built["path"]).parent
    assert sorted(p.name for p in models.iterdir()) == ["bayling-2-tiny-q4_k_m.gguf"]


def test_build_to_an_explicit_output(checkpoint: Path, private_home: Path,
                                     tmp_path: Path) -> None:
    env = {"BAYLING_DESKTOP_HOME": str(private_home)}
    out = tmp_path / "mine.gguf"
    result = cli("models", "build", checkpoint, "--quant", "F16", "-o", out, env=env)
    assert result.returncode == 0, result.stderr
    assert out.is_file()
    listed = json.loads(cli("models", "list", "--json", env=env).stdout)
    assert "mine.gguf" in {row["name"] for row in listed}  # linked into the library


def test_build_from_the_hub(checkpoint: Path, private_home: Path) -> None:
    with HubServer() as hub:
        for file in checkpoint.iterdir():
            hub.add("ICTNLP/bayling-2-tiny", file.name, file.read_bytes(),
                    lfs=file.suffix in (".safetensors", ".model"))
        env = {"BAYLING_DESKTOP_HOME": str(private_home), "HF_ENDPOINT": hub.url,
               "HF_HOME": str(private_home / "hf")}
        result = cli("models", "build", "ICTNLP/bayling-2-tiny", "--quant", "Q8_0", env=env)
    assert result.returncode == 0, result.stderr
    assert "download (kB)" in result.stderr
    assert "bayling-2-tiny-q8_0.gguf" in result.stdout


def test_errors_are_one_sentence(private_home: Path, tmp_path: Path) -> None:
    env = {"BAYLING_DESKTOP_HOME": str(private_home)}
    result = cli("models", "build", tmp_path, env=env)
    assert result.returncode != 0
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and "no config.json" in lines[0], result.stderr
    bad = cli("models", "build", tmp_path, "--quant", "Q2_K", env=env)
    assert bad.returncode == 2 and "invalid choice" in bad.stderr


def test_ctrl_c_leaves_no_model_file(checkpoint: Path, private_home: Path) -> None:
    with HubServer() as hub:
        for file in checkpoint.iterdir():
            throttle = 0.05 if file.suffix == ".safetensors" else 0.0
            hub.add("ICTNLP/bayling-2-tiny", file.name, file.read_bytes(),
                    lfs=file.suffix in (".safetensors", ".model"), throttle=throttle)
        env = {**os.environ, "BAYLING_DESKTOP_HOME": str(private_home),
               "HF_ENDPOINT": hub.url, "HF_HOME": str(private_home / "hf")}
        process = subprocess.Popen(
            [sys.executable, "-m", "bayling_desktop", "models", "build",
             "ICTNLP/bayling-2-tiny"], env=env, stdout=subprocess.PIPE,
            stderr=subprocess.PIPE, text=True, preexec_fn=sigint_default)
        deadline = time.monotonic() + 60
        while not hub.gets() or not any(s.path.endswith(".safetensors") for s in hub.log):
            assert time.monotonic() < deadline and process.poll() is None
            time.sleep(0.05)
        process.send_signal(signal.SIGINT)
        _out, err = process.communicate(timeout=60)
    assert process.returncode == 130, err
    assert "no model file was left behind" in err
    models = private_home / "data" / "models"
    assert not list(models.glob("*.gguf")) and not list(models.glob(".*.part"))
