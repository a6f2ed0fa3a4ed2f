"""Bounded time and memory, settings that say nonsense, and early Ctrl-C (issue 23).

Hostile GGUF chat templates (loops, huge strings, includes) end in one sentence within
the render limit; a settings file with ``version: "abc"``, null or a negative context
length is read, once, into valid settings; absurd ``--threads``/``--ctx`` values are
refused before llama.cpp sees them; Ctrl-C during start-up prints no traceback.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from bayling_desktop.config import load_settings
from bayling_desktop.engine.backend import Message
from bayling_desktop.engine.formats import GGUFTemplateFormat
from bayling_desktop.engine.template_sandbox import RENDER_SECONDS
from bayling_desktop.errors import ModelError
from tests.interruptible import sigint_default

from .conftest import ROOT, as_nobody, cli, one_sentence
from .test_cli_inputs import NO_MODEL, from_memory, text_file

pytestmark = pytest.mark.hostile

TEMPLATES = {
    "nested-loops": ("{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}"
                     "{% endfor %}", "more than 2 seconds"),
    "huge-product": ('{{ "x" * 10000000000 }}', "more than"),
    "doubling-plus": ("{% set ns = namespace(s='x') %}{% for i in range(40) %}"
                      "{% set ns.s = ns.s + ns.s %}{% endfor %}{{ ns.s }}", "characters"),
    "doubling-tilde": ("{% set ns = namespace(s='x') %}{% for i in range(40) %}"
                       "{% set ns.s = ns.s ~ ns.s %}{% endfor %}{{ ns.s }}", "characters"),
    "include": ("{% include 'other.jinja' %}", "include another template"),
    "power": ("{{ 7 ** 100000000 }}", "too large"),
    "long-range": ("{% for i in range(100000000) %}{% endfor %}", "loops over more than"),
}


@pytest.mark.parametrize("case", sorted(TEMPLATES))
def test_a_hostile_chat_template_ends_in_one_sentence(case: str) -> None:
    template, words = TEMPLATES[case]
    started = time.monotonic()
    with pytest.raises(ModelError, match="chat template") as caught:
        GGUFTemplateFormat(template).render([Message("user", "hello")])
    assert words in str(caught.value)
    assert time.monotonic() - started < RENDER_SECONDS * 5  # bounded, not hung


def test_an_honest_template_still_renders() -> None:
    fmt = GGUFTemplateFormat("{% for m in messages %}<|{{ m.role }}|>{{ m.content ~ '\\n' }}"
                             "{% endfor %}{% if add_generation_prompt %}<|assistant|>{% endif %}")
    text = "".join(s.text for s in fmt.render([Message("user", "hi ~ there")]).segments)
    assert text == "<|user|>hi ~ there\n<|assistant|>"


@pytest.mark.parametrize("version", ['"abc"', "null", "-3", "true"])
def test_a_settings_file_with_a_bad_version_and_numbers_is_read(
        private_home: Path, tmp_path: Path, version: str) -> None:
    path = private_home / "config" / "settings.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f'{{"version": {version}, "context_length": -512, "threads": 100000, '
                    '"top_p": 7, "target_language": "ja"}', encoding="utf-8")
    settings = load_settings()
    assert (settings.context_length, settings.threads, settings.top_p) == (4096, 256, 1.0)
    assert settings.target_language == "ja"  # the rest of the file is kept
    source = text_file(tmp_path / "doc.txt")
    result = from_memory(tmp_path, source)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr


def test_a_broken_settings_file_in_a_read_only_folder(shared_tmp: Path) -> None:
    preexec = as_nobody()
    if preexec is None:
        pytest.skip("needs root to drop to another user")
    home = shared_tmp / "home"
    config = home / "config"
    config.mkdir(parents=True)
    (config / "settings.json").write_text("{broken", encoding="utf-8")
    for folder in (home, shared_tmp):
        folder.chmod(0o777)
    config.chmod(0o555)
    source = text_file(shared_tmp / "doc.txt")
    source.chmod(0o666)
    result = cli("translate", "--to", "zh", source, "-o", shared_tmp / "out.txt", *NO_MODEL,
                 env={"BAYLING_DESKTOP_HOME": str(home)}, preexec=preexec)
    one_sentence(result, 2, ["model"])  # the run reaches the model: settings were fine
    assert (config / "settings.json").read_text(encoding="utf-8") == "{broken"


@pytest.mark.parametrize(("option", "value", "words"), [
    ("--threads", "100000", "--threads must be a number from 0 to 256"),
    ("--threads", "-4", "--threads must be a number from 0 to 256"),
    ("--ctx", "-1", "--ctx must be a number from 0"),
])
def test_absurd_engine_options_are_refused_before_loading(tmp_path: Path, option: str,
                                                          value: str, words: str) -> None:
    source = text_file(tmp_path / "doc.txt")
    result = cli("translate", "--to", "zh", source, option, value, *NO_MODEL)
    one_sentence(result, 2, [words])
    assert not (tmp_path / "doc.zh.txt").exists()


@pytest.mark.parametrize("delay", [0.15, 0.3, 0.6])
def test_ctrl_c_during_start_up_prints_no_traceback(tmp_path: Path, delay: float) -> None:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    source = text_file(tmp_path / "doc.txt")
    proc = subprocess.Popen([sys.executable, "-m", "bayling_desktop", "translate", "--to",
                             "zh", str(source), *NO_MODEL], cwd=ROOT, env=env,
                            stderr=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
                            preexec_fn=sigint_default)
    time.sleep(delay)
    proc.send_signal(signal.SIGINT)
    _out, err = proc.communicate(timeout=60)
    assert "Traceback" not in err, err
    # before Python's own handler exists the signal ends the process quietly (-2)
    assert proc.returncode in (130, 2, -signal.SIGINT), (proc.returncode, err)
    assert json.dumps(err).count("bayling-desktop:") <= 1


def test_a_garbage_length_in_a_gguf_header_is_called_corrupt_not_truncated(
        tmp_path: Path) -> None:
    import struct

    model = tmp_path / "garbage.gguf"
    # one metadata key whose name claims to be a terabyte long: damage, not a short file
    model.write_bytes(b"GGUF" + struct.pack("<IQQQ", 3, 0, 1, 2**40) + b"\0" * 4096)
    message = one_sentence(cli("chat", "--model", model, "hello", timeout=60), 2,
                           ["garbage.gguf", "corrupt header"])
    assert "truncated" not in message


def test_an_emptied_database_made_by_this_version_names_its_backup(tmp_path: Path) -> None:
    source = text_file(tmp_path / "doc.txt")
    assert from_memory(tmp_path, source, "--project", "work").returncode == 0
    database = Path(os.environ["BAYLING_DESKTOP_HOME"]) / "data" / "projects.sqlite3"
    backups = sorted(database.parent.glob("projects.sqlite3.v*.bak"))
    assert backups, "a database created by this version keeps a first backup"
    for suffix in ("-wal", "-shm"):
        Path(f"{database}{suffix}").unlink(missing_ok=True)
    database.write_bytes(b"")  # a sync tool or a full disk emptied it
    result = from_memory(tmp_path, source, "--project", "work")
    one_sentence(result, 2, ["is empty", str(backups[-1])])
    assert database.stat().st_size == 0  # not silently started afresh


def test_invalid_json_in_a_project_row_is_not_a_traceback(tmp_path: Path) -> None:
    import sqlite3

    source = text_file(tmp_path / "doc.txt")
    assert from_memory(tmp_path, source, "--project", "kept").returncode == 0
    database = Path(os.environ["BAYLING_DESKTOP_HOME"]) / "data" / "projects.sqlite3"
    with sqlite3.connect(database) as conn:
        conn.execute("UPDATE projects SET settings = '{not json'")
        conn.execute("UPDATE segments SET flags = '[{broken'")
    conn.close()
    result = from_memory(tmp_path, source, "--project", "kept")
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr and "unexpected error" not in result.stderr
    assert (tmp_path / "doc.zh.txt").read_text(encoding="utf-8").startswith("你好")
