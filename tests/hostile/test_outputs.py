"""Outputs pointed at the wrong places (issue 23, "data destroyed"): one guard for every
writer refuses the input, the app's own database, device nodes and FIFOs, folders and
over-long names, in one sentence, before any work, and leaves everything as it was.
"""

from __future__ import annotations

import os
import sqlite3
import stat
from pathlib import Path

import pytest

from bayling_desktop.documents import open_document
from bayling_desktop.errors import OutputError
from bayling_desktop.fileio import atomic_write_text, check_output

from .conftest import as_nobody, cli, digest, leftovers, one_sentence
from .test_cli_inputs import NO_MODEL, from_memory, text_file

pytestmark = pytest.mark.hostile


def test_export_tm_onto_the_input_is_refused(tmp_path: Path) -> None:
    source = text_file(tmp_path / "doc.txt")
    before = digest(source)
    result = from_memory(tmp_path, source, "--export-tm", source)
    one_sentence(result, 2, ["is the input file", "overwrite the source"])
    assert digest(source) == before and not leftovers(tmp_path)


def test_export_tm_onto_the_projects_database_is_refused(tmp_path: Path) -> None:
    source = text_file(tmp_path / "doc.txt")
    assert from_memory(tmp_path, source, "--project", "kept").returncode == 0
    database = Path(os.environ["BAYLING_DESKTOP_HOME"]) / "data" / "projects.sqlite3"
    link = tmp_path / "innocent.tmx"
    os.link(database, link)  # another spelling of the same file counts too
    for target in (database, link):
        result = from_memory(tmp_path, source, "--export-tm", target)
        one_sentence(result, 2, ["own databases"])
    with sqlite3.connect(database) as conn:
        assert conn.execute("SELECT name FROM projects").fetchall() == [("kept",)]
        assert conn.execute("SELECT count(*) FROM memory").fetchone()[0] >= 2
    conn.close()


def test_a_bilingual_review_onto_the_input_is_refused(tmp_path: Path) -> None:
    source = tmp_path / "r.bilingual.html"
    source.write_text("<html><body><p>Hello world.</p><p>Good morning.</p></body></html>",
                      encoding="utf-8")
    before = digest(source)
    result = from_memory(tmp_path, source, "-o", tmp_path / "r.html", "--bilingual", "html")
    one_sentence(result, 2, ["is the input file"])
    assert digest(source) == before and not (tmp_path / "r.html").exists()


def test_a_fifo_as_output_is_refused(tmp_path: Path) -> None:
    source = text_file(tmp_path / "doc.txt")
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    result = from_memory(tmp_path, source, "-o", fifo)
    one_sentence(result, 2, ["special file"])
    assert stat.S_ISFIFO(fifo.stat().st_mode)


def test_a_device_node_as_output_is_refused(tmp_path: Path) -> None:
    source = text_file(tmp_path / "doc.txt")
    device = tmp_path / "null"
    try:  # a private copy of /dev/null: the real one is never at risk in a test
        os.mknod(device, stat.S_IFCHR | 0o666, os.makedev(1, 3))
    except (OSError, AttributeError):
        pytest.skip("cannot create a device node here (needs root with CAP_MKNOD)")
    result = from_memory(tmp_path, source, "-o", device)
    one_sentence(result, 2, ["special file"])
    assert stat.S_ISCHR(device.stat().st_mode)


def test_an_output_name_over_255_bytes_is_refused_before_any_work(tmp_path: Path) -> None:
    source = text_file(tmp_path / ("长" * 82 + ".txt"))  # 250 bytes; its output is 253
    output = tmp_path / ("名" * 86 + ".txt")  # 262 bytes
    result = cli("translate", "--to", "zh", source, "-o", output, *NO_MODEL)
    one_sentence(result, 2, ["too long", "255"])
    assert not leftovers(tmp_path)


def test_a_read_only_output_folder_is_found_before_the_model_loads(shared_tmp: Path) -> None:
    preexec = as_nobody()
    if preexec is None and os.geteuid() == 0:
        pytest.skip("needs to drop root")
    source = text_file(shared_tmp / "in" / "doc.txt")
    (shared_tmp / "in").chmod(0o777)
    source.chmod(0o666)
    locked = shared_tmp / "locked"
    locked.mkdir(mode=0o555)
    locked.chmod(0o555)
    home = shared_tmp / "home"
    home.mkdir(mode=0o777)
    home.chmod(0o777)
    result = cli("translate", "--to", "zh", source, "-o", locked / "doc.zh.txt", *NO_MODEL,
                 env={"BAYLING_DESKTOP_HOME": str(home)}, preexec=preexec)
    # the model path does not exist: a check after loading would name the model instead
    one_sentence(result, 2, ["permission denied", str(locked)])


def test_every_writer_refuses_a_document_opened_as_input(tmp_path: Path) -> None:
    """The GUI's exports go through the same guard: the opened file is never replaced."""
    source = text_file(tmp_path / "opened.txt")
    before = digest(source)
    document = open_document(source)
    with pytest.raises(OutputError, match="is the input file"):
        document.export({unit.id: "译文" for unit in document.units}, source)
    with pytest.raises(OutputError, match="is the input file"):
        atomic_write_text(tmp_path / "." / "opened.txt", "<tmx/>")
    assert digest(source) == before and not leftovers(tmp_path)


def test_the_guard_refuses_folders_and_the_settings_file(tmp_path: Path) -> None:
    from bayling_desktop.config import Settings, save_settings, settings_path

    with pytest.raises(OutputError, match="is a folder"):
        check_output(tmp_path)
    save_settings(Settings())  # the app's own writer may replace its settings
    before = digest(settings_path())
    with pytest.raises(OutputError, match="own databases or settings"):
        atomic_write_text(settings_path(), "{}")
    assert digest(settings_path()) == before
