"""Model and memory text is data, and the GUI always opens or says why (issue 23).

Each case runs the real widgets in a subprocess with a deadline: the failures being
guarded against are an abort (``std::bad_alloc`` reading ``/dev/zero``), a GUI thread
blocked on a FIFO and a process that never exits, none of which a test in this process
could survive.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from .conftest import ROOT

pytestmark = pytest.mark.hostile

# a 1x1 PNG: a real image that Qt would happily load from a local path
PNG = bytes.fromhex("89504e470d0a1a0a0000000d4948445200000001000000010806000000"
                    "1f15c4890000000d49444154789c6360f8cf000000030101001827d4a3"
                    "0000000049454e44ae426082")

PRELUDE = """
import os, sys
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from PySide6.QtWidgets import QApplication, QMessageBox
app = QApplication([])
shown = []
QMessageBox.warning = staticmethod(lambda *a, **k: shown.append(a[2]))
QMessageBox.critical = staticmethod(lambda *a, **k: shown.append(a[2]))
"""


def run_qt(script: str, home: Path, timeout: float = 90) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PYTHONPATH=str(ROOT), BAYLING_DESKTOP_HOME=str(home),
               QT_QPA_PLATFORM="offscreen", PYTHONIOENCODING="utf-8")
    return subprocess.run([sys.executable, "-c", PRELUDE + textwrap.dedent(script)],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout)


@pytest.fixture
def hostile_images(tmp_path: Path) -> str:
    """A reply naming a local image, /dev/zero and a FIFO (no writer: reading blocks)."""
    png = tmp_path / "secret.png"
    png.write_bytes(PNG)
    fifo = tmp_path / "fifo.png"
    os.mkfifo(fifo)
    return (f"Look: ![a]({png}) ![b](file://{png}) ![zero](/dev/zero) "
            f"![fifo]({fifo}) <img src=\"{png}\">")


def test_a_reply_loads_no_local_file_device_or_fifo(tmp_path: Path,
                                                    hostile_images: str) -> None:
    result = run_qt(f"""
        from PySide6.QtCore import QUrl
        from PySide6.QtGui import QTextDocument
        from bayling_desktop.ui.chat.markdown import SafeMarkdownView
        view = SafeMarkdownView()
        view.resize(500, 200)
        view.show()
        view.set_markdown({hostile_images!r})
        view.grab()  # layout and painting ask for the images
        app.processEvents()
        png = QUrl.fromLocalFile({str(tmp_path / "secret.png")!r})
        image = view.document().resource(QTextDocument.ResourceType.ImageResource.value, png)
        print("LOADED" if image.width() > 1 else "NOTHING", view.toPlainText()[:5])
    """, tmp_path / "home")
    assert result.returncode == 0, result.stderr[-2000:]
    assert "NOTHING Look" in result.stdout


def test_a_stored_hostile_reply_never_stops_the_chat_from_opening(
        tmp_path: Path, hostile_images: str) -> None:
    home = tmp_path / "home"
    result = run_qt(f"""
        from bayling_desktop.config import Settings
        from bayling_desktop.storage.chats import ChatStore
        from bayling_desktop.ui.chat.workspace import ChatWorkspace
        from bayling_desktop.ui.worker import ModelClient
        store = ChatStore()
        chat = store.create("pictures")
        store.add_message(chat.id, "user", "show me")
        store.add_message(chat.id, "assistant", {hostile_images!r})
        store.close()
        for start in range(2):  # the reply is restored at every start
            client = ModelClient()
            workspace = ChatWorkspace(client, Settings())
            workspace.resize(700, 500)
            workspace.show()
            workspace.grab()
            app.processEvents()
            print("OPENED", workspace.messages.rowCount())
            workspace.shutdown()
            client.shutdown()
    """, home)
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.count("OPENED 2") == 2


@pytest.mark.parametrize("damage", ["garbage", "newer"])
def test_a_damaged_chat_database_opens_an_unsaved_session_and_says_so(
        tmp_path: Path, damage: str) -> None:
    home = tmp_path / "home"
    database = home / "data" / "chats.sqlite3"
    database.parent.mkdir(parents=True)
    if damage == "garbage":
        database.write_bytes(b"SQLite format 3\x00" + b"\xde\xad" * 4096)
    else:
        with sqlite3.connect(database) as conn:
            conn.execute("PRAGMA user_version = 999")
        conn.close()
    result = run_qt("""
        from bayling_desktop.config import Settings
        from bayling_desktop.ui.main_window import MainWindow
        window = MainWindow(Settings())
        window.show()
        app.processEvents()
        chat = window.chat
        chat.store.add_message(chat.store.create("kept in memory").id, "user", "hi")
        print("STORE", chat.store.path)
        print("SHOWN", shown)
        window.close()
        app.processEvents()
        print("CLOSED")
    """, home, timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]
    assert "STORE :memory:" in result.stdout and "CLOSED" in result.stdout
    shown = result.stdout.split("SHOWN", 1)[1]
    assert str(database) in shown and shown.count("database") >= 1
    # the damaged file is left for the user to restore (the newer one still says so)
    with sqlite3.connect(database) as conn:
        version = conn.execute("PRAGMA user_version").fetchone()[0] if damage == "newer" \
            else 999
    conn.close()
    assert version == 999 and not list(database.parent.glob("chats.sqlite3.v*.bak"))


def test_memory_text_in_the_revision_panel_is_plain_text(tmp_path: Path) -> None:
    png = tmp_path / "x.png"
    png.write_bytes(PNG)
    result = run_qt(f"""
        from PySide6.QtCore import Qt
        from PySide6.QtGui import QTextDocument
        from bayling_desktop.ui.translate.revision_panel import RevisionPanel
        panel = RevisionPanel()
        target = '<img src="{png}"><a href="http://evil.example">click</a>'
        panel.set_memory([(91.0, "source <b>x</b>", target)])
        label = panel.memory_label
        if label.textFormat() == Qt.TextFormat.PlainText:
            shown = label.text()
        else:  # rich text of its own (a word diff): the memory's markup must be escaped
            document = QTextDocument()
            document.setHtml(label.text())
            shown = document.toPlainText()
        print("SHOWN", "<img src=" in shown and "<a href=" in shown and "<b>x</b>" in shown)
    """, tmp_path / "home")
    assert result.returncode == 0, result.stderr[-2000:]
    assert "SHOWN True" in result.stdout  # the markup is shown as text, not drawn


def test_the_real_app_starts_on_a_damaged_chat_database_and_exits(tmp_path: Path) -> None:
    home = tmp_path / "home"
    database = home / "data" / "chats.sqlite3"
    database.parent.mkdir(parents=True)
    database.write_bytes(b"SQLite format 3\x00" + b"\xde\xad" * 4096)
    result = run_qt("""
        os.environ["BAYLING_DESKTOP_QUIT_AFTER_MS"] = "1500"
        from bayling_desktop.app import run_gui
        code = run_gui([])
        print("EXIT", code, "SHOWN", shown)
    """, home, timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]
    assert "EXIT 0" in result.stdout and str(database) in result.stdout


def test_a_start_that_fails_says_why_and_the_process_ends(tmp_path: Path) -> None:
    """A failure while the window is built (after the model threads started) is one dialog
    and exit 1 — the process must not hang on its running threads."""
    result = run_qt("""
        from bayling_desktop.errors import BaylingError
        import bayling_desktop.ui.chat.workspace as chat

        def broken(*args, **kwargs):
            raise BaylingError("The chat folder cannot be read.")

        chat.ChatWorkspace.__init__ = broken
        from bayling_desktop.app import run_gui
        print("EXIT", run_gui([]), "SHOWN", shown)
    """, tmp_path / "home", timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]
    assert "EXIT 1" in result.stdout and "The chat folder cannot be read." in result.stdout
    assert result.stderr.count("bayling-desktop: ") == 1
