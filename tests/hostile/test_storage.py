"""The data folder under attack: races on a fresh folder, emptied, damaged, read-only and
full databases, kill -9 during a migration (issue 15 items 7, 9, 10)."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from bayling_desktop.storage.database import StorageError, open_database
from bayling_desktop.storage.projects import MIGRATIONS, ProjectStore

from .conftest import ROOT, as_nobody, cli, consistent, one_sentence

pytestmark = pytest.mark.hostile

NO_MODEL = ("--model", "/nonexistent/model.gguf")


def document(folder: Path, paragraphs: int = 3) -> Path:
    path = folder / "doc.txt"
    path.write_text("\n\n".join(f"Paragraph number {n} is here." for n in range(paragraphs))
                    + "\n", encoding="utf-8")
    return path


def filled_store(home: Path) -> Path:
    """A projects database with a project, history and memory, upgraded from v1."""
    db = home / "data" / "projects.sqlite3"
    db.parent.mkdir(parents=True, exist_ok=True)
    open_database(db, MIGRATIONS[:1]).close()
    store = ProjectStore(db)
    project = store.open_or_create("doc", home / "doc.txt", "zh", "en",
                                   [(f"p{n}", f"Sentence {n} " * 40) for n in range(200)])
    for segment in project.segments[:150]:
        project.set_target(segment.idx, f"句子 {segment.idx}", "draft", "model")
    store.close()
    return db


OPENER = """
import sys, time
from pathlib import Path
from bayling_desktop.storage.chats import ChatStore
from bayling_desktop.storage.projects import ProjectStore
go = Path(sys.argv[2])
while not go.exists():
    time.sleep(0.001)
ProjectStore(Path(sys.argv[1]) / "projects.sqlite3").close()
ChatStore(Path(sys.argv[1]) / "chats.sqlite3").close()
"""


def test_two_processes_opening_a_fresh_folder_both_succeed(tmp_path: Path) -> None:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    for attempt in range(10):
        folder, go = tmp_path / f"fresh{attempt}", tmp_path / f"go{attempt}"
        procs = [subprocess.Popen([sys.executable, "-c", OPENER, str(folder), str(go)],
                                  cwd=ROOT, env=env, stderr=subprocess.PIPE, text=True)
                 for _ in range(2)]
        time.sleep(0.3 if attempt else 1.0)  # both are waiting for the start signal
        go.touch()
        for proc in procs:
            _, err = proc.communicate(timeout=60)
            assert proc.returncode == 0, err
        conn = sqlite3.connect(folder / "projects.sqlite3")
        assert conn.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
        conn.close()


def test_two_processes_upgrading_one_file_both_succeed(tmp_path: Path) -> None:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    for attempt in range(5):
        folder, go = tmp_path / f"old{attempt}", tmp_path / f"go{attempt}"
        filled_store_v1(folder / "projects.sqlite3")
        procs = [subprocess.Popen([sys.executable, "-c", OPENER, str(folder), str(go)],
                                  cwd=ROOT, env=env, stderr=subprocess.PIPE, text=True)
                 for _ in range(2)]
        time.sleep(0.3 if attempt else 1.0)
        go.touch()
        for proc in procs:
            _, err = proc.communicate(timeout=60)
            assert proc.returncode == 0, err
        db = folder / "projects.sqlite3"
        consistent(db)
        assert [p.name for p in folder.glob("projects.sqlite3.v*.bak")] == [
            "projects.sqlite3.v1.bak"]
        assert not list(folder.glob(".*.part"))
        store = ProjectStore(db)
        assert store.open("old").segments[0].target == "旧"
        store.close()


def filled_store_v1(db: Path) -> None:
    db.parent.mkdir(parents=True, exist_ok=True)
    conn = open_database(db, MIGRATIONS[:1])
    conn.execute("INSERT INTO projects VALUES (1, 'old', 'old.txt', 'zh', 'en', 0, 0)")
    conn.execute("INSERT INTO segments VALUES (1, 0, 'p1', 'Old', '旧', 'draft', '[]')")
    conn.close()


def test_an_emptied_database_names_its_backup(private_home: Path, tmp_path: Path) -> None:
    db = filled_store(private_home)
    backup = db.with_name("projects.sqlite3.v1.bak")
    assert backup.exists()
    for suffix in ("-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    db.write_bytes(b"")
    result = cli("translate", "--to", "zh", document(tmp_path), *NO_MODEL)
    message = one_sentence(result, 2, ["lost", str(backup)])
    assert "empty" in message
    assert db.stat().st_size == 0 and backup.stat().st_size > 0  # nothing overwritten


def test_a_zero_byte_file_without_backup_is_just_initialised(private_home: Path,
                                                             tmp_path: Path) -> None:
    db = private_home / "data" / "projects.sqlite3"
    db.parent.mkdir(parents=True)
    db.write_bytes(b"")  # what a crash before the very first write leaves
    store = ProjectStore(db)
    assert store.names() == []
    store.close()


def damage(db: Path, seed: int = 1) -> None:
    """Scribble over every page but the schema's: the file opens, the tables do not."""
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    page = conn.execute("PRAGMA page_size").fetchone()[0]
    schema = {n for (n,) in conn.execute(
        "SELECT pageno FROM dbstat WHERE name IN ('sqlite_schema', 'sqlite_master')")}
    conn.close()
    data = bytearray(db.read_bytes())
    rng = random.Random(seed)
    for offset in range(page, len(data), page):
        if offset // page + 1 in schema:
            continue
        data[offset:offset + 64] = bytes(rng.randrange(256) for _ in range(64))
    db.write_bytes(bytes(data))


def test_damaged_pages_found_by_a_later_query_are_one_sentence(private_home: Path,
                                                                tmp_path: Path) -> None:
    db = filled_store(private_home)
    damage(db)
    store = ProjectStore(db)  # the header is intact: opening works …
    with pytest.raises(StorageError, match="is damaged"):
        store.open("doc")  # … the query that reads the pages reports it
    store.close()
    result = cli("translate", "--to", "zh", "--project", "doc", document(tmp_path), *NO_MODEL)
    one_sentence(result, 2, ["damaged", str(db)])


def test_not_a_database(private_home: Path, tmp_path: Path) -> None:
    db = private_home / "data" / "projects.sqlite3"
    db.parent.mkdir(parents=True)
    db.write_bytes(b"This is a shopping list, not a database.\n" * 200)
    one_sentence(cli("translate", "--to", "zh", document(tmp_path), *NO_MODEL), 2,
                 ["not a BayLing Desktop database"])


def nobody_home(shared_tmp: Path) -> Path:
    home = shared_tmp / "home"
    db = filled_store(home)
    for path in [home, *home.rglob("*")]:
        path.chmod(0o777 if path.is_dir() else 0o666)
    for suffix in ("-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    return home


def test_a_read_only_database_file(shared_tmp: Path) -> None:
    home = nobody_home(shared_tmp)
    db = home / "data" / "projects.sqlite3"
    db.chmod(0o444)
    before = db.read_bytes()
    result = cli("translate", "--to", "zh", document(shared_tmp), *NO_MODEL,
                 env={"BAYLING_DESKTOP_HOME": str(home)}, cwd=shared_tmp, preexec=as_nobody())
    one_sentence(result, 2, ["read-only", str(db)])
    assert db.read_bytes() == before


def test_a_read_only_data_folder(shared_tmp: Path) -> None:
    home = nobody_home(shared_tmp)
    (home / "data").chmod(0o555)
    result = cli("translate", "--to", "zh", document(shared_tmp), *NO_MODEL,
                 env={"BAYLING_DESKTOP_HOME": str(home)}, cwd=shared_tmp, preexec=as_nobody())
    one_sentence(result, 2, ["data folder", "not writable"])


def test_an_unwritable_home(shared_tmp: Path) -> None:
    home = shared_tmp / "locked-home"
    home.mkdir(mode=0o555)
    home.chmod(0o555)
    result = cli("translate", "--to", "zh", document(shared_tmp), *NO_MODEL,
                 env={"BAYLING_DESKTOP_HOME": str(home)}, cwd=shared_tmp, preexec=as_nobody())
    one_sentence(result, 2, ["could not create the folder", str(home)])


def _file_size_limit(limit: int) -> None:
    import resource

    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # EFBIG instead of a killed process
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))


def tmx(path: Path, pairs: int) -> Path:
    body = "".join(
        f'<tu><tuv xml:lang="en"><seg>Sentence number {n} of the memory.</seg></tuv>'
        f'<tuv xml:lang="zh"><seg>记忆中的第{n}句话。</seg></tuv></tu>\n' for n in range(pairs))
    path.write_text('<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header '
                    'srclang="en" datatype="plaintext" segtype="sentence" adminlang="en" '
                    f'creationtool="t" creationtoolversion="1" o-tmf="t"/><body>\n{body}'
                    "</body></tmx>\n", encoding="utf-8")
    return path


def test_a_full_disk_while_the_database_grows(private_home: Path, tmp_path: Path) -> None:
    memory = tmx(tmp_path / "big.tmx", 3000)
    ProjectStore().close()  # the schema fits; the import must not
    result = cli("translate", "--to", "zh", "--from", "en", "--tm", memory,
                 document(tmp_path), *NO_MODEL, preexec=lambda: _file_size_limit(96 * 1024))
    one_sentence(result, 2, ["projects.sqlite3", "file-size limit"])
    consistent(private_home / "data" / "projects.sqlite3")
    conn = sqlite3.connect(private_home / "data" / "projects.sqlite3")
    assert conn.execute("SELECT count(*) FROM memory").fetchone()[0] in (0, 3000)  # atomic
    conn.close()


MIGRATOR = """
import sys, time
from pathlib import Path
from bayling_desktop.storage.database import open_database
from bayling_desktop.storage.projects import MIGRATIONS
def slow(conn):
    conn.execute("CREATE TABLE extra (x)")
    print("migrating", flush=True)
    time.sleep(60)
open_database(Path(sys.argv[1]), [*MIGRATIONS, slow])
"""


def test_kill_9_during_a_migration_loses_nothing(private_home: Path) -> None:
    db = filled_store(private_home)
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    proc = subprocess.Popen([sys.executable, "-c", MIGRATOR, str(db)], cwd=ROOT, env=env,
                            stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None and proc.stdout.readline().strip() == "migrating"
    proc.send_signal(signal.SIGKILL)
    proc.wait(10)
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
    assert conn.execute("SELECT count(*) FROM sqlite_master WHERE name = 'extra'"
                        ).fetchone()[0] == 0
    conn.close()
    backup = db.with_name(f"projects.sqlite3.v{len(MIGRATIONS)}.bak")
    assert backup.exists() and not list(db.parent.glob(".*.part"))
    consistent(db)
    store = ProjectStore(db)
    project = store.open("doc")
    assert sum(s.status == "draft" for s in project.segments) == 150
    assert store.history(project, 0) == [("句子 0", "draft", "model")]
    store.close()


WAITED = """
import sys, time
from pathlib import Path
from bayling_desktop.storage.database import open_database
from bayling_desktop.storage.projects import MIGRATIONS
def slow(conn):
    conn.execute("CREATE TABLE extra (x)")
    print("migrating", flush=True)
    time.sleep(2)
open_database(Path(sys.argv[1]), [*MIGRATIONS, slow]).close()
"""


def test_a_concurrent_opener_waits_for_the_migration(private_home: Path) -> None:
    db = filled_store(private_home)
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    proc = subprocess.Popen([sys.executable, "-c", WAITED, str(db)], cwd=ROOT, env=env,
                            stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None and proc.stdout.readline().strip() == "migrating"

    def must_not_run(conn: sqlite3.Connection) -> None:
        raise AssertionError("the migration ran twice")

    started = time.monotonic()
    conn = open_database(db, [*MIGRATIONS, must_not_run])  # waits, then sees it migrated
    assert time.monotonic() - started > 0.5
    assert conn.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS) + 1
    assert conn.execute("SELECT count(*) FROM extra").fetchone()[0] == 0
    conn.close()
    assert proc.wait(30) == 0
    consistent(db)


def test_a_newer_database_is_refused(private_home: Path, tmp_path: Path) -> None:
    db = filled_store(private_home)
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA user_version = 99")
    conn.close()
    one_sentence(cli("translate", "--to", "zh", document(tmp_path), *NO_MODEL), 2,
                 ["newer version"])
