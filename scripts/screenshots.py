#!/usr/bin/env python3
"""Render the README's and AppStream's screenshots into docs/screenshots/.

Runs the real app with the embedded test model: a short Markdown document (its bold text
and link show as tag chips) is translated with a glossary and one segment revised (the
panel shows the word diff), the glossary editor is opened, a chat gets two replies, and
the Translate workspace is shown once more in Chinese. CJK glyphs need a font (Debian:
fonts-noto-cjk). Run ``.venv/bin/python scripts/screenshots.py`` (offscreen by default;
``xvfb-run -a`` with ``QT_QPA_PLATFORM=xcb`` gives native window decorations).
The metainfo file links these images, so keep their names.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "screenshots"
DOCUMENT = ("# Quarterly update\n\n"
            "Cloud computing lets **small teams** rent servers by the hour.\n\n"
            "The meeting has been moved to *Friday afternoon*.\n\n"
            "Please review the [attached contract](https://example.com/contract) before "
            "signing it.\n\n"
            "Our support team answers every message within one day.\n")
GLOSSARY = ("source,target\ncloud computing,云计算\ncontract,合同\nsupport team,支持团队\n"
            "meeting,会议\n")
QUESTIONS = ("用一句话解释什么是云计算。",
             "What is the difference between a glossary and a translation memory?")


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.path.insert(0, str(ROOT))
    if "BAYLING_DESKTOP_HOME" not in os.environ:
        # a throwaway home (no real settings or history in the pictures), but the one
        # shared copy of the assembled model rather than a fresh 0.5 GB in the temp folder
        from bayling_desktop import paths

        os.environ.setdefault("BAYLING_DESKTOP_MODEL_CACHE", str(paths.embedded_models_dir()))
        os.environ["BAYLING_DESKTOP_HOME"] = tempfile.mkdtemp(prefix="bayling-shots-")
    try:
        from PySide6.QtWidgets import QApplication

        from bayling_desktop.config import Settings
        from bayling_desktop.models.embedded import QWEN_05B, ensure_embedded
        from bayling_desktop.ui.main_window import MainWindow
    except ImportError as exc:
        print(f"screenshots skipped: the desktop app cannot be imported ({exc}).")
        return 0

    app = QApplication.instance() or QApplication(sys.argv)

    def wait(what: str, condition: Callable[[], bool], seconds: float = 180) -> None:
        deadline = time.monotonic() + seconds
        while not condition():
            if time.monotonic() > deadline:
                raise SystemExit(f"screenshots: gave up waiting for {what}")
            app.processEvents()
            time.sleep(0.01)

    def settle() -> None:
        for _ in range(30):
            app.processEvents()
            time.sleep(0.01)

    settings = Settings(model_path=str(ensure_embedded(QWEN_05B)), context_length=2048,
                        source_language="en", target_language="zh", max_tokens=96,
                        temperature=0.0, parallel_sequences=1)  # greedy and repeatable
    window = MainWindow(settings)
    window.resize(1280, 760)
    window.show()
    window.start()
    wait("the model to load", lambda: window.client.ready)

    folder = Path(tempfile.mkdtemp())
    document = folder / "quarterly-update.md"
    document.write_text(DOCUMENT, encoding="utf-8")
    glossary = folder / "terms.csv"
    glossary.write_text(GLOSSARY, encoding="utf-8")
    workspace = window.translate
    workspace.open_paths([document])
    wait("the document to open", lambda: workspace.model.rowCount() == 5)
    workspace.load_glossary(glossary)
    workspace.translate_all()
    wait("the translation to start", lambda: window.client.busy)
    wait("the translation", lambda: not window.client.busy)
    workspace.select_segment(4)
    workspace.revision.instruction.setText("Replace “每天” with “一天之内”.")
    workspace.revision.send_button.click()
    wait("the revision to start", lambda: window.client.busy)
    wait("the revision", lambda: not window.client.busy)
    # The proposal box is editable: finish the change by hand, as a user would when the
    # small test model misses it; the word diff below follows the edit.
    workspace.revision.candidate.set_text("我们的支持团队会在一天之内回复每一条消息。", "")
    settle()
    OUT.mkdir(parents=True, exist_ok=True)
    shots = [OUT / "translate.png", OUT / "glossary.png", OUT / "chat.png",
             OUT / "translate-zh.png"]
    window.grab().save(str(shots[0]))

    from bayling_desktop.ui.translate.glossary_editor import GlossaryEditor

    current = workspace.current
    assert current is not None
    editor = GlossaryEditor(current.glossary, "en", "zh", window)
    editor.resize(640, 360)
    editor.show()
    settle()
    editor.grab().save(str(shots[1]))
    editor.close()

    chat = window.chat
    window.tabs.setCurrentWidget(chat)
    for question in QUESTIONS:
        chat.input_edit.setPlainText(question)
        chat.send()
        wait("the chat reply", lambda: not chat.streaming)
    settle()
    window.grab().save(str(shots[2]))

    from bayling_desktop.ui.i18n import Translators, compile_translations

    compile_translations()
    translators = Translators()
    translators.install("zh_CN")
    window.tabs.setCurrentWidget(workspace)
    workspace.select_segment(3)
    settle()
    window.grab().save(str(shots[3]))
    translators.install("en")
    window.close()
    window.client.shutdown()
    print("wrote " + ", ".join(str(p) for p in shots))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
