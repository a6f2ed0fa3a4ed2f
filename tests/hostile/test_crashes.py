"""Faults in the middle of work: kill -9 during an export, a disk that fills up while
the translation is written, a second process on a project that is in use, an edited
document resumed through the CLI (issue 15 items 2 and the cases that already held).
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from bayling_desktop.documents import open_document
from tests.interruptible import sigint_default

from .conftest import ROOT, cli, consistent, digest, leftovers, one_sentence

pytestmark = pytest.mark.hostile

NO_MODEL = ("--model", "/nonexistent/model.gguf")

EXPORTER = """
import sys
from pathlib import Path
from bayling_desktop.documents import open_document
document = open_document(Path(sys.argv[1]))
translations = {u.id: "译文" * 40 + u.source for u in document.units}
print("ready", flush=True)
while True:
    document.export(translations, Path(sys.argv[2]))
"""


def big_docx(path: Path, paragraphs: int = 1500) -> Path:
    import docx

    doc = docx.Document()
    for n in range(paragraphs):
        doc.add_paragraph(f"Paragraph {n} of a long report about the harvest and the rain.")
    doc.save(str(path))
    return path


@pytest.mark.parametrize("kind", ["docx", "txt"])
def test_kill_9_during_export_leaves_the_old_file_or_the_new_one(tmp_path: Path,
                                                                 kind: str) -> None:
    if kind == "docx":
        source = big_docx(tmp_path / "report.docx")
    else:
        source = tmp_path / "report.txt"
        source.write_text("\n\n".join(f"Paragraph {n} about the rain." for n in range(20000)),
                          encoding="utf-8")
    before = digest(source)
    output = tmp_path / f"report.zh.{kind}"
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    rng = random.Random(7)
    for cycle in range(3):
        proc = subprocess.Popen([sys.executable, "-c", EXPORTER, str(source), str(output)],
                                cwd=ROOT, env=env, stdout=subprocess.PIPE, text=True)
        assert proc.stdout is not None and proc.stdout.readline().strip() == "ready"
        time.sleep(rng.uniform(0.2, 1.5))
        proc.send_signal(signal.SIGKILL)
        proc.wait(10)
        if output.exists():  # complete, never half-written: it opens with every unit
            units = open_document(output).units
            assert len(units) == len(open_document(source).units), cycle
            assert all(u.source.startswith("译文") for u in units)
        assert digest(source) == before
    # A killed writer can leave only its hidden temporary file, never a visible partial one …
    visible = sorted(p.name for p in tmp_path.iterdir() if not p.name.startswith("."))
    assert visible == sorted({source.name, output.name} & {p.name for p in tmp_path.iterdir()})
    assert all(p.name.startswith(".") for p in leftovers(tmp_path))
    # … which the next complete write of that file sweeps away once it is clearly abandoned.
    from bayling_desktop.fileio import STALE_PART_S

    long_ago = time.time() - STALE_PART_S - 60
    for part in leftovers(tmp_path):
        os.utime(part, (long_ago, long_ago))
    document = open_document(source)
    document.export({u.id: "译文" + u.source for u in document.units}, output)
    assert leftovers(tmp_path) == []
    assert len(open_document(output).units) == len(document.units)


def _can_mount_tmpfs() -> bool:
    if not shutil.which("unshare"):
        return False
    probe = subprocess.run(["unshare", "-Urm", "sh", "-c", "mount -t tmpfs -o size=64k tmpfs "
                            "/mnt 2>/dev/null || mount -t tmpfs -o size=64k tmpfs /tmp"],
                           capture_output=True, timeout=30)
    return probe.returncode == 0


def test_a_disk_that_fills_up_during_the_export(tmp_path: Path) -> None:
    """The output folder is a 64 KB tmpfs in a private mount namespace."""
    if not _can_mount_tmpfs():
        pytest.skip("no user namespaces to mount a small tmpfs in")
    paragraphs = [f"Paragraph {n} is about the long rain of the year." for n in range(2000)]
    source = tmp_path / "long.txt"
    source.write_text("\n\n".join(paragraphs) + "\n", encoding="utf-8")
    memory = tmp_path / "memory.tmx"
    units = "".join(f'<tu><tuv xml:lang="en"><seg>{p}</seg></tuv><tuv xml:lang="zh"><seg>'
                    f"第{n}段讲的是这一年漫长的雨。</seg></tuv></tu>\n"
                    for n, p in enumerate(paragraphs))
    memory.write_text('<?xml version="1.0" encoding="UTF-8"?><tmx version="1.4"><header '
                      'srclang="en" datatype="plaintext" segtype="sentence" adminlang="en" '
                      'creationtool="t" creationtoolversion="1" o-tmf="t"/><body>'
                      f"{units}</body></tmx>", encoding="utf-8")
    small, report = tmp_path / "small", tmp_path / "report"
    small.mkdir()
    report.mkdir()
    script = (f'mount -t tmpfs -o size=64k tmpfs "{small}" || exit 99\n'
              f'"{sys.executable}" -m bayling_desktop translate --to zh --from en '
              f'--tm "{memory}" "{source}" -o "{small}/" --model /nonexistent.gguf '
              f'2> "{report}/stderr"\n'
              f'echo $? > "{report}/rc"\nls -A "{small}" > "{report}/listing"\n')
    env = dict(os.environ, PYTHONPATH=str(ROOT), PYTHONIOENCODING="utf-8")
    done = subprocess.run(["unshare", "-Urm", "sh", "-c", script], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    result = subprocess.CompletedProcess([], int((report / "rc").read_text()), "",
                                         (report / "stderr").read_text(encoding="utf-8"))
    one_sentence(result, 2, ["disk is full", "long.zh.txt"])
    assert (report / "listing").read_text().split() == []  # no partial file, no temp file
    assert source.read_text(encoding="utf-8").count("Paragraph") == 2000


def test_a_full_data_folder(tmp_path: Path) -> None:
    """The whole data folder is a 12 KB tmpfs: creating the databases fills it."""
    if not _can_mount_tmpfs():
        pytest.skip("no user namespaces to mount a small tmpfs in")
    source = tmp_path / "doc.txt"
    source.write_text("Hello world.\n", encoding="utf-8")
    home, report = tmp_path / "home", tmp_path / "report"
    home.mkdir()
    report.mkdir()
    script = (f'mount -t tmpfs -o size=12k tmpfs "{home}" || exit 99\n'
              f'BAYLING_DESKTOP_HOME="{home}" "{sys.executable}" -m bayling_desktop translate '
              f'--to zh "{source}" --model /nonexistent.gguf 2> "{report}/stderr"\n'
              f'echo $? > "{report}/rc"\n')
    env = dict(os.environ, PYTHONPATH=str(ROOT), PYTHONIOENCODING="utf-8")
    done = subprocess.run(["unshare", "-Urm", "sh", "-c", script], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    result = subprocess.CompletedProcess([], int((report / "rc").read_text()), "",
                                         (report / "stderr").read_text(encoding="utf-8"))
    one_sentence(result, 2, ["the disk holding", "is full"])
    assert not (tmp_path / "doc.zh.txt").exists()


CHECK = """
import sqlite3, sys
conn = sqlite3.connect(sys.argv[1])
print(conn.execute("PRAGMA integrity_check").fetchone()[0],
      conn.execute("SELECT count(*) FROM memory").fetchone()[0])
"""


def test_the_data_disk_fills_up_while_the_memory_grows(tmp_path: Path) -> None:
    """A 192 KB tmpfs data folder: the schema fits, a 3,000-pair memory import does not."""
    if not _can_mount_tmpfs():
        pytest.skip("no user namespaces to mount a small tmpfs in")
    source = tmp_path / "doc.txt"
    source.write_text("Hello world.\n", encoding="utf-8")
    memory = tmp_path / "big.tmx"
    memory.write_text('<?xml version="1.0" encoding="UTF-8"?><tmx version="1.4"><header '
                      'srclang="en" datatype="plaintext" segtype="sentence" adminlang="en" '
                      'creationtool="t" creationtoolversion="1" o-tmf="t"/><body>' + "".join(
                          f'<tu><tuv xml:lang="en"><seg>Sentence {n} of the memory.</seg></tuv>'
                          f'<tuv xml:lang="zh"><seg>记忆中的第{n}句话。</seg></tuv></tu>'
                          for n in range(3000)) + "</body></tmx>", encoding="utf-8")
    home, report = tmp_path / "home", tmp_path / "report"
    home.mkdir()
    report.mkdir()
    db = home / "data" / "projects.sqlite3"
    script = (f'mount -t tmpfs -o size=192k tmpfs "{home}" || exit 99\n'
              f'export BAYLING_DESKTOP_HOME="{home}"\n'
              f'"{sys.executable}" -c "from bayling_desktop.storage.projects import ProjectStore;'
              f' ProjectStore().close()" || exit 98\n'
              f'"{sys.executable}" -m bayling_desktop translate --to zh --from en --tm "{memory}" '
              f'"{source}" --model /nonexistent.gguf 2> "{report}/stderr"\n'
              f'echo $? > "{report}/rc"\n'
              f'"{sys.executable}" -c \'{CHECK}\' "{db}" > "{report}/check"\n')
    env = dict(os.environ, PYTHONPATH=str(ROOT), PYTHONIOENCODING="utf-8")
    done = subprocess.run(["unshare", "-Urm", "sh", "-c", script], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    result = subprocess.CompletedProcess([], int((report / "rc").read_text()), "",
                                         (report / "stderr").read_text(encoding="utf-8"))
    one_sentence(result, 2, ["the disk holding", "is full"])
    state, pairs = (report / "check").read_text().split()
    assert state == "ok" and pairs in ("0", "3000")  # the import is all or nothing


HOLDER = """
import sys, time
from pathlib import Path
from bayling_desktop.documents import open_document
from bayling_desktop.storage.projects import ProjectStore
document = open_document(Path(sys.argv[1]))
store = ProjectStore()
store.open_or_create("shared", document.path, "zh", "en",
                     [(u.id, u.source) for u in document.units], format_name="txt")
print("locked", flush=True)
time.sleep(60)
"""


def test_a_project_in_use_by_another_process(tmp_path: Path, private_home: Path) -> None:
    source = tmp_path / "doc.txt"
    source.write_text("Hello world.\n\nGood morning.\n", encoding="utf-8")
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(source)], cwd=ROOT, env=env,
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        result = cli("translate", "--to", "zh", "--from", "en", "--project", "shared", source,
                     *NO_MODEL)
        one_sentence(result, 2, ["shared", "open in another window or process"])
        assert not (tmp_path / "doc.zh.txt").exists()
    finally:
        holder.kill()
        holder.wait(10)
    consistent(private_home / "data" / "projects.sqlite3")


def test_an_edited_document_resumes_by_content_through_the_cli(tmp_path: Path,
                                                               private_home: Path) -> None:
    pairs = {"Hello world.": "你好，世界。", "Good morning.": "早上好。",
             "See you soon.": "回头见。"}
    memory = tmp_path / "memory.tmx"
    memory.write_text('<?xml version="1.0" encoding="UTF-8"?><tmx version="1.4"><header '
                      'srclang="en" datatype="plaintext" segtype="sentence" adminlang="en" '
                      'creationtool="t" creationtoolversion="1" o-tmf="t"/><body>' + "".join(
                          f'<tu><tuv xml:lang="en"><seg>{en}</seg></tuv><tuv xml:lang="zh">'
                          f"<seg>{zh}</seg></tuv></tu>" for en, zh in pairs.items())
                      + "</body></tmx>", encoding="utf-8")
    source = tmp_path / "doc.txt"
    source.write_text("Hello world.\n\nGood morning.\n", encoding="utf-8")
    first = cli("translate", "--to", "zh", "--from", "en", "--tm", memory, "--project", "p",
                source, *NO_MODEL)
    assert first.returncode == 0, first.stderr
    source.write_text("See you soon.\n\nHello world.\n\nGood morning.\n", encoding="utf-8")
    second = cli("translate", "--to", "zh", "--from", "en", "--project", "p", source,
                 *NO_MODEL)
    assert second.returncode == 0, second.stderr
    assert "the document changed: 1 segments re-queued" in second.stderr
    lines = (tmp_path / "doc.zh.txt").read_text(encoding="utf-8").split()
    assert lines == ["回头见。", "你好，世界。", "早上好。"]  # nothing shifted by one
    consistent(private_home / "data" / "projects.sqlite3")


@pytest.mark.model
def test_ctrl_c_during_a_translation_writes_no_file_and_keeps_the_work(
        tmp_path: Path, private_home: Path, qwen_model_path: Path) -> None:
    source = tmp_path / "story.txt"
    source.write_text("\n\n".join(f"This is sentence number {n} of a short story about a cat."
                                  for n in range(12)) + "\n", encoding="utf-8")
    before = digest(source)
    env = dict(os.environ, PYTHONPATH=str(ROOT), PYTHONIOENCODING="utf-8")
    proc = subprocess.Popen(
        [sys.executable, "-m", "bayling_desktop", "translate", "--to", "zh", "--from", "en",
         "--project", "story", "--model", str(qwen_model_path), str(source)],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        preexec_fn=sigint_default)
    db = private_home / "data" / "projects.sqlite3"
    deadline = time.monotonic() + 90
    import sqlite3

    def drafts() -> int:
        if not db.exists():
            return 0
        conn = sqlite3.connect(db)
        try:
            return int(conn.execute("SELECT count(*) FROM segments WHERE status = 'draft'"
                                    ).fetchone()[0])
        except sqlite3.Error:
            return 0
        finally:
            conn.close()

    while drafts() < 1 and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.1)
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=60)
    text = err.decode("utf-8", "replace")
    assert proc.returncode == 130, text
    assert "Traceback" not in text
    assert not (tmp_path / "story.zh.txt").exists() and not leftovers(tmp_path)
    assert digest(source) == before
    consistent(db)
    assert drafts() >= 1  # what was finished is kept for the next run
