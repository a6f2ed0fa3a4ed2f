"""Projects and translation memory through the CLI, with the real model and real kills."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from bayling_desktop.storage.projects import ProjectStore, default_path
from tests.e2e.test_cli import cli

pytestmark = pytest.mark.model
SENTENCES = [f"The {word} is on the table." for word in
             ["book", "cup", "phone", "key", "pen", "lamp", "plate", "bag", "card", "ball", "map",
              "box"]]


def history_rows(project: str) -> list[tuple[int, str]]:
    conn = sqlite3.connect(default_path())
    try:
        return [(int(r[0]), str(r[1])) for r in conn.execute(
            "SELECT h.idx, h.author FROM history h JOIN projects p ON p.id = h.project_id "
            "WHERE p.name = ? ORDER BY h.id", (project,))]
    except sqlite3.OperationalError:  # not created yet
        return []
    finally:
        conn.close()


def test_killed_run_resumes_without_losing_or_repeating_a_segment(
        tmp_path: Path, qwen_model_path: Path) -> None:
    source = tmp_path / "list.txt"
    source.write_text("\n\n".join(SENTENCES) + "\n", encoding="utf-8")
    args = [sys.executable, "-m", "bayling_desktop", "translate", str(source), "--to", "zh",
            "--from", "en", "--project", "killme", "--no-memory"]
    env = dict(os.environ, BAYLING_MODEL=str(qwen_model_path))
    process = subprocess.Popen(args, env=env, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while len(history_rows("killme")) < 3 and time.monotonic() < deadline:
        time.sleep(0.05)
    process.send_signal(signal.SIGKILL)
    process.wait(30)
    done_before = len(history_rows("killme"))
    assert 3 <= done_before < len(SENTENCES), "the run must be killed mid-way"
    assert not (tmp_path / "list.zh.txt").exists()  # nothing half-written
    result = cli("translate", source, "--to", "zh", "--from", "en", "--project", "killme",
                 "--no-memory", model=qwen_model_path)
    # 3: the run finished but the checks flagged a unit (each one named in a warning)
    assert result.returncode in (0, 3), result.stderr
    assert (result.returncode == 3) == ("warning: list.txt, p" in result.stderr)
    rows = history_rows("killme")
    indexes = [idx for idx, _author in rows]
    assert sorted(indexes) == list(range(len(SENTENCES)))  # each exactly once: none twice
    assert all(author == "model" for _idx, author in rows)
    out = (tmp_path / "list.zh.txt").read_text(encoding="utf-8").split("\n\n")
    assert len(out) == len(SENTENCES)


def test_exact_memory_match_skips_the_model(tmp_path: Path, qwen_model_path: Path) -> None:
    first = tmp_path / "a.txt"
    first.write_text(f"{SENTENCES[0]}\n\n{SENTENCES[1]}\n", encoding="utf-8")
    assert cli("translate", first, "--to", "zh", "--from", "en",
               model=qwen_model_path).returncode == 0
    store = ProjectStore()
    remembered = store.memory.lookup("en", "zh", SENTENCES[0])
    store.close()
    assert remembered
    second = tmp_path / "b.txt"
    second.write_text(f"{SENTENCES[1]}\n\n{SENTENCES[0]}\n", encoding="utf-8")
    # Every segment is in the memory, so the model is never even loaded: a missing model
    # file does not matter. (It would be a clear error if the model were needed.)
    result = cli("translate", second, "--to", "zh", "--from", "en", "--model",
                 tmp_path / "no-such-model.gguf")
    assert result.returncode == 0, result.stderr
    assert "2 segments came from the translation memory" in result.stderr
    paragraphs = (tmp_path / "b.zh.txt").read_text(encoding="utf-8").split("\n\n")
    assert paragraphs[1].strip() == remembered


def test_glossary_terms_are_requested_and_checked(tmp_path: Path,
                                                  qwen_model_path: Path) -> None:
    glossary = tmp_path / "terms.csv"
    glossary.write_text("cloud computing,云端运算\n", encoding="utf-8")
    source = tmp_path / "c.txt"
    source.write_text("Cloud computing is cheap.\n\nThe cat sleeps.\n", encoding="utf-8")
    result = cli("translate", source, "--to", "zh", "--glossary", glossary, "--no-memory",
                 model=qwen_model_path)
    assert result.returncode in (0, 3), result.stderr
    first = (tmp_path / "c.zh.txt").read_text(encoding="utf-8").split("\n\n")[0]
    warned = "“cloud computing” should be translated as “云端运算”" in result.stderr
    assert ("云端运算" in first) != warned  # flagged exactly when the term is missing
    assert result.stderr.count("Glossary:") <= 1  # the cat sentence has no term to check
