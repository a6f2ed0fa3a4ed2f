"""The safetensors → GGUF converter on tiny random Llama checkpoints made here.

llama.cpp itself loads every file; its logits must equal a NumPy forward pass of
the very same weights, which fails for a wrong rotary permutation, tensor mapping
or norm epsilon (one test proves that by breaking the permutation on purpose).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from bayling_desktop.engine.backend import CancelToken, Message
from bayling_desktop.engine.formats import (
    Bayling3Format,
    BaylingV1Format,
    GGUFTemplateFormat,
    detect_format,
)
from bayling_desktop.engine.gguf_info import read_gguf_info
from bayling_desktop.errors import ModelError
from bayling_desktop.models.build import convert as convert_module
from bayling_desktop.models.build.common import BuildCancelled, BuildError
from bayling_desktop.models.build.convert import convert, inspect
from tests.unit.models.tinyllama import SAMPLE, reference_logits, write_checkpoint

TOKENS = [5, 17, 33, 100, 7, 250, 3, 44, 120, 9]
CASES = {
    # name: (kind, dtype, shards, tied)
    "llama2-f16-sharded": ("llama2", "F16", 2, False),
    "llama3-bf16-gqa": ("llama3", "BF16", 1, False),
    "llama2-f32-tied": ("llama2", "F32", 1, True),
}


@pytest.fixture(scope="module")
def checkpoints(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, dict]]:
    root = tmp_path_factory.mktemp("ckpt")
    made = {}
    for name, (kind, dtype, shards, tied) in CASES.items():
        folder = root / f"bayling-2-tiny-{name}"
        made[name] = (folder, write_checkpoint(folder, kind, dtype, shards, tied=tied))
    return made


def _llama(path: Path):  # type: ignore[no-untyped-def]
    import llama_cpp

    # F32 KV cache: the default F16 cache alone would differ from the reference by ~1e-3.
    return llama_cpp.Llama(str(path), n_ctx=64, logits_all=True, verbose=False, n_threads=1,
                           type_k=0, type_v=0)


def _config(folder: Path) -> dict:
    return json.loads((folder / "config.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", sorted(CASES))
def test_logits_match_numpy_reference(case: str, checkpoints: dict, tmp_path: Path) -> None:
    folder, weights = checkpoints[case]
    out = convert(folder, tmp_path / "tiny-f32.gguf", out_type="f32")
    config = _config(folder)
    tokens = [config["bos_token_id"], *TOKENS]
    llm = _llama(out)
    llm.eval(tokens)
    got = np.array(llm.scores[: len(tokens)])
    want = reference_logits(weights, config, tokens)
    assert got.shape == want.shape
    assert np.abs(want).max() > 1.0  # the logits are not trivially near zero
    np.testing.assert_allclose(got, want, atol=2e-4, rtol=1e-4)


def test_wrong_rotary_layout_is_caught(checkpoints: dict, tmp_path: Path,
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    folder, weights = checkpoints["llama3-bf16-gqa"]
    monkeypatch.setattr(convert_module, "permute_rotary", lambda w, heads: w)
    out = convert(folder, tmp_path / "unpermuted.gguf", out_type="f32")
    config = _config(folder)
    tokens = [config["bos_token_id"], *TOKENS]
    llm = _llama(out)
    llm.eval(tokens)
    got = np.array(llm.scores[: len(tokens)])
    assert np.abs(got - reference_logits(weights, config, tokens)).max() > 1e-2


@pytest.mark.parametrize("case", ["llama2-f16-sharded", "llama3-bf16-gqa"])
def test_tokenization_equals_source_tokenizer(case: str, checkpoints: dict,
                                              tmp_path: Path) -> None:
    folder, _ = checkpoints[case]
    out = convert(folder, tmp_path / "tiny.gguf")
    if (folder / "tokenizer.model").exists():
        import sentencepiece

        source = sentencepiece.SentencePieceProcessor(model_file=str(folder / "tokenizer.model"))
        want = source.encode(SAMPLE)
    else:
        from tokenizers import Tokenizer

        want = Tokenizer.from_file(str(folder / "tokenizer.json")).encode(
            SAMPLE, add_special_tokens=False).ids
    llm = _llama(out)
    assert llm.tokenize(SAMPLE.encode(), add_bos=False, special=False) == want
    # Chinese and the emoji really went through the multilingual paths
    assert len(want) > 30
    text = llm.detokenize(want).decode()
    if (folder / "tokenizer.model").exists():
        text = text.removeprefix(" ")  # SentencePiece's dummy prefix space
    assert text == SAMPLE


CONVERSATION = [Message("user", "Hello!"), Message("assistant", "Hi!"),
                Message("user", "  How are you?  ")]


@pytest.mark.parametrize(("case", "expected"), [("llama2-f16-sharded", "bayling-v1"),
                                                ("llama3-bf16-gqa", "bayling-3")])
def test_metadata_template_and_detection(case: str, expected: str, checkpoints: dict,
                                         tmp_path: Path) -> None:
    folder, _ = checkpoints[case]
    out = convert(folder, tmp_path / "tiny.gguf", name="BayLing 2 tiny")
    info = read_gguf_info(out)
    assert info.architecture == "llama"
    assert info.name == "BayLing 2 tiny"
    assert info.quantization == "F16"
    assert info.context_length == _config(folder)["max_position_embeddings"]
    assert detect_format(info.name, out.name, info.chat_template, info.vocab_size,
                         info.known_tokens) == expected
    assert info.chat_template is not None
    reference = BaylingV1Format() if expected == "bayling-v1" else Bayling3Format()
    for conversation in (CONVERSATION, [Message("system", "Be brief."), *CONVERSATION]):
        rendered = GGUFTemplateFormat(info.chat_template, info.bos_token,
                                      info.eos_token).render(conversation).text
        assert rendered == reference.render(conversation).text
    if expected == "bayling-3":
        assert "<|eot_id|>" in info.known_tokens
        added = json.loads((folder / "tokenizer.json").read_text())["added_tokens"]
        ids = {t["content"]: t["id"] for t in added}
        assert info.metadata["tokenizer.ggml.eot_token_id"] == ids["<|eot_id|>"]
        assert info.metadata["tokenizer.ggml.eos_token_id"] == ids["<|end_of_text|>"]
        assert info.metadata["tokenizer.ggml.bos_token_id"] == ids["<|begin_of_text|>"]
        assert info.metadata["tokenizer.ggml.pre"] == "llama-bpe"


def test_llama_cpp_stops_on_both_llama3_end_tokens(checkpoints: dict, tmp_path: Path) -> None:
    import llama_cpp

    folder, _ = checkpoints["llama3-bf16-gqa"]
    llm = _llama(convert(folder, tmp_path / "tiny.gguf"))
    vocab = llama_cpp.llama_model_get_vocab(llm.model)
    eot = llm.tokenize(b"<|eot_id|>", add_bos=False, special=True)
    end = llm.tokenize(b"<|end_of_text|>", add_bos=False, special=True)
    assert len(eot) == 1 and len(end) == 1
    assert llama_cpp.llama_vocab_is_eog(vocab, eot[0])
    assert llama_cpp.llama_vocab_is_eog(vocab, end[0])


def test_cancel_leaves_nothing(checkpoints: dict, tmp_path: Path) -> None:
    folder, _ = checkpoints["llama2-f16-sharded"]
    cancel = CancelToken()
    seen: list[str] = []

    def on_progress(progress: object) -> None:
        seen.append(progress.detail)  # type: ignore[attr-defined]
        if len(seen) == 5:
            cancel.cancel()

    out_dir = tmp_path / "out"
    out_dir.mkdir()
    with pytest.raises(BuildCancelled):
        convert(folder, out_dir / "tiny.gguf", progress=on_progress, cancel=cancel)
    assert len(seen) == 5
    assert list(out_dir.iterdir()) == []


def test_file_size_limit_mid_write_leaves_nothing(checkpoints: dict, tmp_path: Path) -> None:
    """A write that fails half-way (like a full disk) removes the partial file."""
    folder, _ = checkpoints["llama2-f16-sharded"]
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    script = (
        "import resource, signal, sys\n"
        "signal.signal(signal.SIGXFSZ, signal.SIG_IGN)\n"
        "resource.setrlimit(resource.RLIMIT_FSIZE, (400_000, resource.RLIM_INFINITY))\n"
        "from bayling_desktop.models.build.convert import convert\n"
        "from bayling_desktop.errors import BaylingError\n"
        "try:\n"
        f"    convert({str(folder)!r}, {str(out_dir / 'tiny.gguf')!r})\n"
        "except BaylingError as exc:\n"
        "    print('ERROR', exc); sys.exit(3)\n")
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                            timeout=120, cwd=Path(__file__).parents[3])
    assert result.returncode == 3, result.stderr
    assert "Could not write" in result.stdout and "partial file was removed" in result.stdout
    assert list(out_dir.iterdir()) == []


def test_bad_checkpoints_get_one_sentence(checkpoints: dict, tmp_path: Path) -> None:
    folder, _ = checkpoints["llama3-bf16-gqa"]
    broken = tmp_path / "broken"
    broken.mkdir()
    for file in folder.iterdir():
        (broken / file.name).write_bytes(file.read_bytes())
    weights = broken / "model.safetensors"
    weights.write_bytes(weights.read_bytes()[: weights.stat().st_size // 2])
    with pytest.raises(ModelError, match="truncated"):
        inspect(broken)
    config = json.loads((broken / "config.json").read_text())
    config["architectures"] = ["MistralForCausalLM"]
    (broken / "config.json").write_text(json.dumps(config))
    with pytest.raises(BuildError, match="only LlamaForCausalLM"):
        inspect(broken)
    with pytest.raises(BuildError, match=r"no config\.json"):
        inspect(tmp_path)
    assert not list(tmp_path.glob("*.gguf")) and not list(tmp_path.glob(".*.part"))


def test_peak_memory_stays_near_one_slice(tmp_path: Path) -> None:
    """Peak memory of a conversion stays near one slice, not the model's size.

    The padded 32,000 x 1024 embedding and output (65 MB each) are larger than one
    32 MB slice, so they really stream in blocks.
    """
    from tests.unit.models.tinyllama import Shape

    folder = tmp_path / "bayling-2-mem"
    shape = Shape(hidden=1024, ffn=2816, layers=6, heads=8, kv_heads=8)
    write_checkpoint(folder, "llama2", "F16", 2, shape=shape, pad_vocab_to=32000)
    weights = sum(f.stat().st_size for f in folder.glob("*.safetensors"))
    # VmHWM, not ru_maxrss: the latter survives exec and would report pytest's own peak.
    script = (
        "from pathlib import Path\n"
        "from bayling_desktop.models.build.convert import convert, inspect\n"
        "def peak():\n"
        "    for line in open('/proc/self/status'):\n"
        "        if line.startswith('VmHWM'):\n"
        "            return int(line.split()[1]) * 1024\n"
        f"ck = inspect(Path({str(folder)!r}))\n"
        "before = peak()\n"
        f"convert(ck, Path({str(tmp_path / 'mem.gguf')!r}))\n"
        "print(before, peak())\n")
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                            timeout=300, cwd=Path(__file__).parents[3],
                            env={**os.environ, "PYTHONWARNINGS": "ignore"})
    assert result.returncode == 0, result.stderr
    before, after = map(int, result.stdout.split()[-2:])
    print(f"weights {weights / 1e6:.0f} MB, peak RSS {before / 1e6:.0f} MB before the "
          f"conversion, {after / 1e6:.0f} MB after")
    assert weights > 250_000_000
    assert (tmp_path / "mem.gguf").stat().st_size > weights
    assert after - before < 100_000_000
