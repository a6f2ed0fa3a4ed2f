"""The CLI as a user runs it: a real process, the real model, clear errors."""

from __future__ import annotations

import json
import os
import re
import struct
import subprocess
import sys
from pathlib import Path

import pytest

from bayling_desktop.engine.formats import BAYLING_V1_SYSTEM

CJK = re.compile(r"[\u4e00-\u9fff]")


def cli(*args: str | Path, model: Path | None = None, stdin: str | None = None,
        env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    full_env = dict(os.environ, **(env or {}))
    if model is not None:
        full_env["BAYLING_MODEL"] = str(model)
    return subprocess.run([sys.executable, "-m", "bayling_desktop", *map(str, args)],
                          capture_output=True, text=True, input=stdin, env=full_env,
                          timeout=300)


def one_sentence_error(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode != 0
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr  # one clear sentence, no traceback
    assert "Traceback" not in result.stderr
    return lines[0]


def write_gguf_header(path: Path, arch: str) -> None:
    """A tiny but valid GGUF (no tensors) declaring *arch*."""
    def string(text: str) -> bytes:
        data = text.encode()
        return struct.pack("<Q", len(data)) + data

    kv = string("general.architecture") + struct.pack("<I", 8) + string(arch)
    path.write_bytes(b"GGUF" + struct.pack("<IQQ", 3, 0, 1) + kv)


def test_help_and_version() -> None:
    result = cli("--help")
    assert result.returncode == 0
    assert "translate" in result.stdout and "chat" in result.stdout
    version = cli("--version")
    assert version.returncode == 0 and "llama-cpp-python" in version.stdout


@pytest.mark.model
def test_translate_plain_text_writes_name_lang_ext(tmp_path: Path, qwen_model_path: Path) -> None:
    source = tmp_path / "notes.txt"
    source.write_text("The weather is nice today.\n\nI like green tea.\n", encoding="utf-8")
    result = cli("translate", source, "--to", "zh", "--from", "en", model=qwen_model_path)
    assert result.returncode == 0, result.stderr
    out = tmp_path / "notes.zh.txt"
    assert result.stdout.strip() == str(out)
    paragraphs = out.read_text(encoding="utf-8").split("\n\n")
    assert len(paragraphs) == 2
    assert all(CJK.search(p) for p in paragraphs)
    assert "2/2" in result.stderr  # the progress bar reached the end
    assert not list(tmp_path.glob(".*.part"))


@pytest.mark.model
def test_chat_one_prompt_streams_to_stdout(qwen_model_path: Path) -> None:
    result = cli("chat", "Reply with the single word: hello", "--max-tokens", "8",
                 "--temperature", "0", model=qwen_model_path)
    assert result.returncode == 0, result.stderr
    assert "hello" in result.stdout.lower()


@pytest.mark.model
def test_chat_interactive_keeps_the_conversation(qwen_model_path: Path) -> None:
    result = cli("chat", "--max-tokens", "12", "--temperature", "0",
                 stdin="My name is Ada. Reply OK.\nWhat is my name?\n/exit\n",
                 model=qwen_model_path)
    assert result.returncode == 0, result.stderr
    assert "Ada" in result.stdout


def test_dry_run_prints_exactly_the_prompt(tmp_path: Path, gemma_model_path: Path) -> None:
    history = tmp_path / "h.json"
    history.write_text(json.dumps([{"role": "user", "content": "Hello!"},
                                   {"role": "assistant", "content": "Hi!"}]), encoding="utf-8")
    result = cli("chat", "--dry-run", "--chat-format", "bayling-v1", "--history", history,
                 "How are you?", model=gemma_model_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout == (BAYLING_V1_SYSTEM + "\n### Instruction:\nHello!\n### Response:\n"
                             "Hi!</s>\n### Instruction:\nHow are you?\n### Response:\n")
    assert result.stderr == ""


def test_dry_run_with_the_models_own_template(qwen_model_path: Path) -> None:
    result = cli("chat", "--dry-run", "Hi", model=qwen_model_path)
    assert result.returncode == 0
    assert result.stdout.endswith("<|im_start|>user\nHi<|im_end|>\n<|im_start|>assistant\n")


def test_bad_history_file(tmp_path: Path, gemma_model_path: Path) -> None:
    history = tmp_path / "h.json"
    history.write_text('{"role": "user"}', encoding="utf-8")
    line = one_sentence_error(cli("chat", "--dry-run", "--history", history, "x",
                                  model=gemma_model_path))
    assert "JSON list" in line


@pytest.fixture
def text_file(tmp_path: Path) -> Path:
    path = tmp_path / "in.txt"
    path.write_text("Hello world.\n", encoding="utf-8")
    return path


def test_missing_model(text_file: Path, tmp_path: Path) -> None:
    line = one_sentence_error(cli("translate", text_file, "--to", "zh", "--model",
                                  tmp_path / "nope.gguf"))
    assert "does not exist" in line
    assert not (tmp_path / "in.zh.txt").exists()


def test_not_a_gguf(text_file: Path, tmp_path: Path) -> None:
    fake = tmp_path / "model.gguf"
    fake.write_bytes(b"PK\x03\x04" + b"\0" * 100)
    line = one_sentence_error(cli("translate", text_file, "--to", "zh", "--model", fake))
    assert "not a GGUF model file" in line


def test_truncated_gguf(text_file: Path, tmp_path: Path, gemma_model_path: Path) -> None:
    truncated = tmp_path / "cut.gguf"
    with gemma_model_path.open("rb") as src:
        truncated.write_bytes(src.read(8_000_000))
    line = one_sentence_error(cli("translate", text_file, "--to", "zh", "--model", truncated))
    assert "truncated" in line
    assert not (tmp_path / "in.zh.txt").exists()


def test_unknown_architecture(text_file: Path, tmp_path: Path) -> None:
    strange = tmp_path / "strange.gguf"
    write_gguf_header(strange, "martian-lm")
    line = one_sentence_error(cli("translate", text_file, "--to", "zh", "--model", strange))
    assert "martian-lm" in line and "not support" in line


def test_context_too_small(tmp_path: Path, qwen_model_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_text("word " * 600, encoding="utf-8")
    result = cli("translate", big, "--to", "zh", "--ctx", "128", model=qwen_model_path)
    # the unit that cannot fit is failed with the reason; the rest of the file is written
    assert result.returncode == 3, result.stderr
    warnings = [line for line in result.stderr.splitlines() if line.startswith("warning:")]
    assert len(warnings) == 1 and "context" in warnings[0] and "Traceback" not in result.stderr
    assert (tmp_path / "big.zh.txt").read_text(encoding="utf-8").strip() == ("word " * 600).strip()


def test_empty_and_binary_inputs(tmp_path: Path, gemma_model_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n\n", encoding="utf-8")
    assert "empty" in one_sentence_error(cli("translate", empty, "--to", "zh",
                                             model=gemma_model_path))
    binary = tmp_path / "blob.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    assert "binary" in one_sentence_error(cli("translate", binary, "--to", "zh",
                                              model=gemma_model_path))


def test_unwritable_output(text_file: Path, tmp_path: Path, gemma_model_path: Path) -> None:
    line = one_sentence_error(cli("translate", text_file, "--to", "zh", "-o",
                                  tmp_path / "missing" / "out.txt", model=gemma_model_path))
    assert "does not exist" in line


def test_unknown_language(text_file: Path) -> None:
    line = one_sentence_error(cli("translate", text_file, "--to", "klingonese"))
    assert "Unknown language" in line
