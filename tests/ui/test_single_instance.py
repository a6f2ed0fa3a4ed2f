"""Opening files from the command line and the file manager; one instance per data folder."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QLockFile
from pytestqt.qtbot import QtBot

from bayling_desktop import app, cli
from bayling_desktop.config import Settings
from bayling_desktop.ui import single_instance
from bayling_desktop.ui.main_window import MainWindow
from bayling_desktop.ui.single_instance import (
    InstanceUnreachableError,
    SingleInstance,
    decode_files,
    encode_files,
    send_to_running,
)

MakeWindow = Callable[[Settings], MainWindow]
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def gui_calls(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str | None, list[Path]]]:
    calls: list[tuple[str | None, list[Path]]] = []

    def fake_run_gui(argv: list[str], model: str | None = None,
                     files: list[Path] | tuple[Path, ...] = ()) -> int:
        calls.append((model, list(files)))
        return 0

    monkeypatch.setattr(app, "run_gui", fake_run_gui)
    return calls


def test_files_on_the_command_line_open_in_the_app(
        gui_calls: list[tuple[str | None, list[Path]]], tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    doc = tmp_path / "report.docx"
    doc.write_bytes(b"x")
    monkeypatch.chdir(tmp_path)
    assert cli.main([str(doc), "notes.txt"]) == 0
    assert cli.main(["--model", "m.gguf", "report.docx"]) == 0
    # a file named like a command still opens as a file when it exists
    (tmp_path / "chat").write_text("hi", encoding="utf-8")
    assert cli.main(["chat"]) == 0
    assert cli.main([]) == 0
    assert gui_calls == [(None, [doc, tmp_path / "notes.txt"]), ("m.gguf", [doc]),
                         (None, [tmp_path / "chat"]), (None, [])]
    monkeypatch.setattr(sys, "argv", ["bayling-desktop-gui", str(doc)])
    assert cli.gui_main() == 0
    assert gui_calls[-1] == (None, [doc])


def test_subcommands_still_run(gui_calls: list[tuple[str | None, list[Path]]],
                               capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as done:
        cli.main(["translate", "--help"])
    assert done.value.code == 0
    assert "translate" in capsys.readouterr().out
    assert gui_calls == []


def test_messages_round_trip_and_garbage_is_ignored(tmp_path: Path) -> None:
    files = [tmp_path / "a b.txt", tmp_path / "文件.docx"]
    assert decode_files(encode_files(files).strip()) == files
    for junk in (b"", b"\xff\xfe", b"[1, 2]", b'{"files": "x"}', b'{"files": [3, ""]}'):
        assert decode_files(junk) == []


def test_one_data_folder_is_held_by_one_instance(qapp: object, tmp_path: Path) -> None:
    first = SingleInstance(tmp_path)
    second = SingleInstance(tmp_path)
    other_folder = SingleInstance(tmp_path / "other")
    (tmp_path / "other").mkdir()
    assert first.name != other_folder.name
    try:
        assert first.acquire()
        assert not second.acquire()
        assert other_folder.acquire()
        first.release()
        assert second.acquire()
    finally:
        for instance in (first, second, other_folder):
            instance.release()


def test_a_lock_left_by_a_crashed_instance_is_taken_over(qapp: object, tmp_path: Path) -> None:
    lock = tmp_path / "instance.lock"
    crash = (f"import os; from PySide6.QtCore import QLockFile; l = QLockFile({str(lock)!r}); "
             "assert l.tryLock(0); os._exit(9)")
    subprocess.run([sys.executable, "-c", crash], check=False, timeout=60)
    assert lock.exists()
    instance = SingleInstance(tmp_path)
    try:
        assert instance.acquire()
    finally:
        instance.release()


def test_a_silent_first_instance_gives_a_clear_message(
        qapp: object, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    holder = QLockFile(str(tmp_path / "instance.lock"))
    assert holder.tryLock(0)  # holds the folder but never listens
    monkeypatch.setattr(single_instance, "CONNECT_TIMEOUT_MS", 300)
    try:
        # it gives up after its connect timeout (the run's own timeout guards a hang)
        with pytest.raises(InstanceUnreachableError, match="already running"):
            SingleInstance(tmp_path).hand_over([tmp_path / "a.txt"])
    finally:
        holder.unlock()


# the offscreen platform cannot raise windows and says so
@pytest.mark.qt_log_ignore("This plugin does not support raise")
def test_a_second_launch_hands_its_files_to_the_running_window(
        make_window: MakeWindow, qtbot: QtBot, empty_model_cache: Path, tmp_path: Path,
        private_home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    window = make_window(Settings())
    opened: list[list[Path]] = []
    monkeypatch.setattr(window.translate, "open_paths", opened.append)
    primary = SingleInstance()
    assert primary.acquire()
    primary.filesReceived.connect(window.receive_files)
    doc = tmp_path / "from the file manager.txt"
    doc.write_text("Hello", encoding="utf-8")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", BAYLING_DESKTOP_HOME=str(private_home),
               BAYLING_DESKTOP_QUIT_AFTER_MS="30000", PYTHONPATH=str(ROOT))
    try:
        window.tabs.setCurrentWidget(window.chat)
        second = subprocess.Popen([sys.executable, "-m", "bayling_desktop", str(doc)], env=env,
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        # a process that became a second primary would stay up for 30 s: fail sooner
        qtbot.waitUntil(lambda: second.poll() is not None, timeout=20_000)
        _out, err = second.communicate()
        assert second.returncode == 0, err
        qtbot.waitUntil(lambda: opened == [[doc]], timeout=5_000)
        assert window.tabs.currentWidget() is window.translate
        assert "Traceback" not in err
    finally:
        primary.release()


def test_only_a_caller_with_the_key_is_heard(qapp: object, qtbot: QtBot, tmp_path: Path) -> None:
    primary = SingleInstance(tmp_path)
    assert primary.acquire()
    key_file = tmp_path / "instance.key"
    try:
        assert key_file.stat().st_mode & 0o077 == 0  # readable by this user only
        wrong = tmp_path / "wrong.key"
        wrong.write_bytes(b"x" * 32)
        with qtbot.assertNotEmitted(primary.filesReceived, wait=200):
            assert not send_to_running([tmp_path / "a.txt"], primary.name, wrong, 500)
        # the refused caller did not stop the listener
        with qtbot.waitSignal(primary.filesReceived, timeout=5_000) as received:
            assert send_to_running([tmp_path / "b.txt"], primary.name, key_file)
        assert received.args == [[tmp_path / "b.txt"]]
    finally:
        primary.release()
    assert not key_file.exists()
