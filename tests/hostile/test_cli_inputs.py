"""What a careless or hostile command line does to the CLI (issue 15 items 1, 7, 8, 10).

Translations are served from a translation memory imported with ``--tm`` and the model
is a path that does not exist: these cases are about files and arguments, and a run
served from the memory never loads a model (proving it, too).
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from tests.interruptible import sigint_default

from .conftest import ROOT, cli, digest, leftovers, one_sentence

pytestmark = pytest.mark.hostile

NO_MODEL = ("--model", "/nonexistent/model.gguf")
PAIRS = {"Hello world.": "你好，世界。", "Good morning.": "早上好。"}


def memory(folder: Path) -> Path:
    units = "".join(f'<tu><tuv xml:lang="en"><seg>{en}</seg></tuv><tuv xml:lang="zh"><seg>{zh}'
                    "</seg></tuv></tu>\n" for en, zh in PAIRS.items())
    path = folder / "memory.tmx"
    path.write_text('<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header '
                    'srclang="en" datatype="plaintext" segtype="sentence" adminlang="en" '
                    'creationtool="t" creationtoolversion="1" o-tmf="t"/><body>\n'
                    f"{units}</body></tmx>\n", encoding="utf-8")
    return path


def text_file(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n\n".join(PAIRS) + "\n", encoding="utf-8")
    return path


def from_memory(tmp_path: Path, *args: str | os.PathLike[str],
                cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return cli("translate", "--to", "zh", "--from", "en", "--tm", memory(tmp_path), *args,
               *NO_MODEL, cwd=cwd)


@pytest.mark.parametrize("spelling", ["same", "dot", "hardlink", "symlink"])
def test_output_onto_the_input_is_refused(tmp_path: Path, spelling: str) -> None:
    source = text_file(tmp_path / "doc.txt")
    before = digest(source)
    output = {"same": source, "dot": tmp_path / "." / "doc.txt",
              "hardlink": tmp_path / "hard.txt", "symlink": tmp_path / "soft.txt"}[spelling]
    if spelling == "hardlink":
        os.link(source, output)
    elif spelling == "symlink":
        output.symlink_to(source)
    result = from_memory(tmp_path, source, "-o", output)
    one_sentence(result, 2, ["is the input file", "overwrite the source"])
    assert digest(source) == before and not leftovers(tmp_path)


def test_output_onto_the_input_docx(tmp_path: Path) -> None:
    from tests.unit.documents.test_formats import make_docx

    source = make_docx(tmp_path / "letter.docx")
    before = digest(source)
    result = cli("translate", "--to", "zh", source, "-o", source, *NO_MODEL)
    one_sentence(result, 2, ["is the input file"])
    assert digest(source) == before


def test_a_trailing_slash_means_a_new_folder(tmp_path: Path) -> None:
    source = text_file(tmp_path / "doc.txt")
    result = from_memory(tmp_path, source, "-o", f"{tmp_path / 'missing'}/")
    assert result.returncode == 0, result.stderr
    written = tmp_path / "missing" / "doc.zh.txt"
    assert (tmp_path / "missing").is_dir() and written.is_file()
    assert written.read_text(encoding="utf-8").split() == list(PAIRS.values())
    assert "Traceback" not in result.stderr


def test_a_folder_translated_twice_skips_its_own_outputs(tmp_path: Path) -> None:
    folder = tmp_path / "docs"
    text_file(folder / "a.txt")
    text_file(folder / "sub" / "b.txt")
    first = from_memory(tmp_path, folder)
    assert first.returncode == 0, first.stderr
    second = from_memory(tmp_path, folder)
    assert second.returncode == 0, second.stderr
    assert "Skipped 2 file(s) that are earlier translations" in second.stderr
    names = sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*.txt"))
    assert names == ["a.txt", "a.zh.txt", "sub/b.txt", "sub/b.zh.txt"]


def test_two_inputs_onto_one_output_are_refused(tmp_path: Path) -> None:
    text_file(tmp_path / "one" / "doc.txt")
    text_file(tmp_path / "two" / "doc.txt")
    (tmp_path / "out").mkdir()
    result = from_memory(tmp_path, tmp_path / "one" / "doc.txt", tmp_path / "two" / "doc.txt",
                         "-o", tmp_path / "out")
    one_sentence(result, 2, ["would both be written"])
    assert list((tmp_path / "out").iterdir()) == []


def test_exports_keep_normal_file_modes(tmp_path: Path) -> None:
    source = text_file(tmp_path / "doc.txt")
    result = from_memory(tmp_path, source)
    assert result.returncode == 0, result.stderr
    output = tmp_path / "doc.zh.txt"
    umask = os.umask(0)
    os.umask(umask)
    assert output.stat().st_mode & 0o777 == 0o666 & ~umask  # what open() would give
    output.chmod(0o640)
    assert from_memory(tmp_path, source).returncode == 0
    assert output.stat().st_mode & 0o777 == 0o640  # an overwritten file keeps its mode


NON_UTF8 = os.fsdecode(b"caf\xe9.txt")


def test_a_non_utf8_file_name_is_one_sentence(tmp_path: Path) -> None:
    source = text_file(tmp_path / NON_UTF8)
    result = from_memory(tmp_path, source)
    one_sentence(result, 2, ["not valid UTF-8"])
    assert source.exists()


def test_a_non_utf8_name_inside_a_folder_is_skipped(tmp_path: Path) -> None:
    folder = tmp_path / "docs"
    text_file(folder / NON_UTF8)
    text_file(folder / "fine.txt")
    result = from_memory(tmp_path, folder)
    assert result.returncode == 0, result.stderr
    assert "its name is not valid UTF-8" in result.stderr and "Traceback" not in result.stderr
    assert (folder / "fine.zh.txt").exists()


def test_deeply_nested_history_json(tmp_path: Path) -> None:
    history = tmp_path / "history.json"
    history.write_text("[" * 200_000 + "]" * 200_000, encoding="utf-8")
    one_sentence(cli("chat", "--history", history, "--dry-run", "hi", *NO_MODEL), 2,
                 ["nested too deeply"])


@pytest.mark.parametrize("url", ["http://127.0.0.1:99999/v1", "http://[::1", "http://h:port/v1"])
def test_a_bad_base_url(url: str) -> None:
    result = cli("chat", "--backend", "openai", "--base-url", url, "hello")
    one_sentence(result, 2, [url.split("/v1")[0]])


def test_utf16_text_without_a_bom_is_read_as_text(tmp_path: Path) -> None:
    source = tmp_path / "doc.txt"
    source.write_bytes(("\n\n".join(PAIRS) + "\n").encode("utf-16-le"))
    result = from_memory(tmp_path, source)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "doc.zh.txt").read_text(encoding="utf-8").split() == list(
        PAIRS.values())


def test_a_binary_file_named_txt_is_still_refused(tmp_path: Path) -> None:
    source = tmp_path / "doc.txt"
    source.write_bytes(Path(sys.executable).resolve().read_bytes()[:4096])
    one_sentence(cli("translate", "--to", "zh", source, *NO_MODEL), 2, ["binary"])


@pytest.mark.model
def test_ctrl_c_on_a_one_shot_chat_exits_130(qwen_model_path: Path) -> None:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    proc = subprocess.Popen(
        [sys.executable, "-m", "bayling_desktop", "chat", "--model", str(qwen_model_path),
         "--max-tokens", "400", "--temperature", "0", "Write a long story about a cat."],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        preexec_fn=sigint_default)
    assert proc.stdout is not None
    assert proc.stdout.read(1)  # the reply has started streaming
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, err
    assert b"Traceback" not in err
