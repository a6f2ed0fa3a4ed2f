from __future__ import annotations

import struct
from pathlib import Path

import pytest

from bayling_desktop.engine.gguf_info import read_gguf_info
from bayling_desktop.errors import ModelError


def test_reads_metadata_without_loading_weights(qwen_model_path: Path) -> None:
    info = read_gguf_info(qwen_model_path)
    assert info.architecture == "qwen2"
    assert info.quantization == "Q4_K_M"
    assert info.context_length == 32768
    assert info.file_size == 491_400_064
    assert info.chat_template and "<|im_start|>" in info.chat_template
    assert info.eos_token == "<|im_end|>"
    assert info.vocab_size == 151936


def test_base_model_without_template(gemma_model_path: Path) -> None:
    info = read_gguf_info(gemma_model_path)
    assert info.architecture == "gemma3"
    assert info.chat_template is None
    assert info.bos_token == "<bos>"


def test_truncated_copy_is_detected(tmp_path: Path, gemma_model_path: Path) -> None:
    cut = tmp_path / "cut.gguf"
    data = gemma_model_path.read_bytes()
    cut.write_bytes(data[: len(data) - 1000])
    with pytest.raises(ModelError, match="truncated"):
        read_gguf_info(cut)
    header_only = tmp_path / "header.gguf"
    header_only.write_bytes(data[:200])
    with pytest.raises(ModelError, match="truncated"):
        read_gguf_info(header_only)


@pytest.mark.parametrize(("content", "message"), [
    (b"", "not a GGUF"),
    (b"<html>404 not found</html>" + b" " * 100, "not a GGUF"),
    (b"lmgg" + b"\0" * 100, "older GGML"),
    (b"GGUF" + struct.pack("<IQQ", 99, 0, 0), "version 99"),
])
def test_bad_files(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "m.gguf"
    path.write_bytes(content)
    with pytest.raises(ModelError, match=message):
        read_gguf_info(path)


def test_missing_and_folder(tmp_path: Path) -> None:
    with pytest.raises(ModelError, match="does not exist"):
        read_gguf_info(tmp_path / "none.gguf")
    with pytest.raises(ModelError, match="folder"):
        read_gguf_info(tmp_path)
