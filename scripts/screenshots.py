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


def _write_paper(path: Path) -> None:
    """A one-page PDF with a heading and two paragraphs, made with PyMuPDF."""
    import pymupdf

    document = pymupdf.open()
    page = document.new_page(width=420, height=300)
    page.insert_text((36, 56), "Cloud computing for small teams", fontsize=16,
                     fontname="helv")
    body = ("Cloud computing lets small teams rent servers by the hour, instead of "
            "buying machines that stand idle at night.")
    page.insert_textbox(pymupdf.Rect(36, 80, 384, 150), body, fontsize=11, fontname="helv")
    page.insert_textbox(pymupdf.Rect(36, 160, 384, 230),
                        "Our support team answers every message within one day.",
                        fontsize=11, fontname="helv")
    page.draw_rect(pymupdf.Rect(36, 245, 384, 262), color=(0.2, 0.4, 0.8),
                   fill=(0.85, 0.9, 1.0))
    document.save(path)


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
    workspace.glossary_actions.load_glossary_file(glossary)
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
             OUT / "translate-zh.png", OUT / "pdf-preview.png"]
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

    # a PDF: its paragraphs as segments, the page preview of the original and the
    # translation beside the table, following the selected segment
    paper = folder / "newsletter.pdf"
    _write_paper(paper)
    workspace.open_paths([paper])
    wait("the PDF to open", lambda: workspace.current is not None
         and workspace.current.session.path == paper)
    workspace.translate_all()
    wait("the translation to start", lambda: window.client.busy)
    wait("the translation", lambda: not window.client.busy)
    workspace.select_segment(1)
    from PySide6.QtCore import Qt

    window.resize(1700, 820)
    settle()
    dock = window.workbench.pdf_preview.dock
    dock.setMinimumWidth(760)  # resizeDocks is not honoured offscreen
    window.resizeDocks([dock], [760], Qt.Orientation.Horizontal)
    settle()
    workspace.select_segment(0)
    settle()
    workspace.select_segment(1)  # the panes draw again at their new width
    wait("the page preview", lambda: window.workbench.pdf_preview.target_pane.image is not None)
    for _ in range(80):  # the translated page is drawn once its text rests
        app.processEvents()
        time.sleep(0.02)
    window.grab().save(str(shots[4]))
    window.close()
    window.client.shutdown()
    print("wrote " + ", ".join(str(p) for p in shots))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
