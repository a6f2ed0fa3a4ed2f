"""A model file cut or replaced while the app uses it (issue 23).

llama.cpp used to map the GGUF: truncating the file under the mapping made the next
touch of a missing page kill the process with SIGBUS (exit 135, no message). The weights
are now read into memory when they fit (``engine.capacity.choose_mmap``), so a cut after
loading changes nothing, and a cut while loading is one sentence.

Each case runs the real CLI in a subprocess on a tiny random-weight Llama converted here
(no test model needed), with a hook that truncates the file at the chosen moment, and
judges the exit as the rest of the suite does. The mapped case is run too, to show the
hazard is real on this machine: without it the other cases would prove nothing.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from tests.hostile.conftest import ROOT, one_sentence

pytestmark = pytest.mark.hostile

#: runs the CLI after installing a hook that cuts the model file to 4 KiB
CHILD = r"""
import sys
from pathlib import Path

import bayling_desktop.engine.llama as llama

when, model = sys.argv[1], Path(sys.argv[2])


def cut() -> None:
    with model.open("r+b") as handle:
        handle.truncate(4096)


if when == "while-loading":  # after the header check, before llama.cpp reads the weights
    read_header = llama.read_gguf_info

    def read_then_cut(path):
        info = read_header(path)
        cut()
        return info

    llama.read_gguf_info = read_then_cut
else:  # "after-loading", or "after-loading-mapped" to force the old mapping
    init = llama.LlamaBackend.__init__

    def init_then_cut(self, *args, **kwargs):
        if when.endswith("mapped"):
            kwargs["use_mmap"] = True
        init(self, *args, **kwargs)
        cut()

    llama.LlamaBackend.__init__ = init_then_cut

from bayling_desktop.cli import main

sys.exit(main(sys.argv[3:]))
"""


@pytest.fixture(scope="module")
def tiny_model(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from bayling_desktop.models.build.convert import convert
    from tests.unit.models.tinyllama import write_checkpoint

    root = tmp_path_factory.mktemp("tiny")
    write_checkpoint(root / "checkpoint")
    return convert(root / "checkpoint", root / "tiny.gguf")


def run_cut(tiny_model: Path, tmp_path: Path, when: str) -> subprocess.CompletedProcess[str]:
    model = tmp_path / "model.gguf"
    shutil.copyfile(tiny_model, model)  # a copy: the cut must not reach the shared file
    assert model.stat().st_size > 1 << 20  # weights well past the 4 KiB that are kept
    env = dict(os.environ, PYTHONPATH=str(ROOT), PYTHONIOENCODING="utf-8")
    argv = [sys.executable, "-c", CHILD, when, str(model),
            "chat", "--model", str(model), "--max-tokens", "8", "Hello"]
    return subprocess.run(argv, cwd=ROOT, env=env, capture_output=True, text=True,
                          errors="backslashreplace", timeout=120)


def test_a_model_cut_after_loading_keeps_answering(tiny_model: Path, tmp_path: Path) -> None:
    result = run_cut(tiny_model, tmp_path, "after-loading")
    assert "Traceback" not in result.stderr, result.stderr
    assert result.returncode == 0, (result.returncode, result.stderr)
    assert result.stdout.strip(), "the reply was generated from the weights in memory"


def test_a_model_cut_while_loading_is_one_sentence(tiny_model: Path, tmp_path: Path) -> None:
    result = run_cut(tiny_model, tmp_path, "while-loading")
    one_sentence(result, 2, ("model.gguf", "changed while it was being loaded"))


@pytest.mark.skipif(sys.platform != "linux", reason="truncating a mapped file: Linux semantics")
def test_the_mapped_model_would_have_died_with_sigbus(tiny_model: Path, tmp_path: Path) -> None:
    """The hazard the two cases above guard against, shown with the mapping forced on."""
    result = run_cut(tiny_model, tmp_path, "after-loading-mapped")
    assert result.returncode == -signal.SIGBUS, (result.returncode, result.stderr)


def test_a_header_cut_while_it_is_read_is_one_sentence(
        tiny_model: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The header is read through file reads, not a mapping: a cut mid-parse is a short
    read and a ModelError (a mapped header would fault as the weights did)."""
    from bayling_desktop.engine import gguf_info
    from bayling_desktop.errors import ModelError

    model = tmp_path / "model.gguf"
    shutil.copyfile(tiny_model, model)
    load = gguf_info._FileWindow._load

    def load_after_a_cut(window: gguf_info._FileWindow, pos: int, length: int) -> None:
        if model.stat().st_size > 64:  # before the first read, the file loses its tail
            with model.open("r+b") as handle:
                handle.truncate(64)
            window._BLOCK = 16  # small reads, so the parser soon needs bytes that are gone
        load(window, pos, length)

    monkeypatch.setattr(gguf_info._FileWindow, "_load", load_after_a_cut)
    with pytest.raises(ModelError, match="changed while it was being read"):
        gguf_info.read_gguf_info(model)
