#!/usr/bin/env python3
"""Render the README's screenshots of each workspace into docs/screenshots/.

Runs the real app with the embedded model: a short document is translated and one
segment revised, and a chat gets one reply. Needs CJK fonts (Debian: fonts-noto-cjk);
run on a virtual screen with ``xvfb-run -a .venv/bin/python scripts/screenshots.py``,
or offscreen (``QT_QPA_PLATFORM=offscreen``), which renders the same widgets.
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


def main() -> int:
    os.environ.setdefault("BAYLING_DESKTOP_HOME", tempfile.mkdtemp(prefix="bayling-shots-"))
    from PySide6.QtWidgets import QApplication

    from bayling_desktop.config import Settings
    from bayling_desktop.models.embedded import QWEN_05B, ensure_embedded
    from bayling_desktop.ui.main_window import MainWindow

    app = QApplication(sys.argv)

    def wait(condition: Callable[[], bool], seconds: float = 120) -> None:
        deadline = time.monotonic() + seconds
        while not condition() and time.monotonic() < deadline:
            app.processEvents()
            time.sleep(0.01)

    settings = Settings(model_path=str(ensure_embedded(QWEN_05B)), context_length=2048,
                        source_language="en", target_language="zh", max_tokens=96,
                        temperature=0.0)
    window = MainWindow(settings)
    window.resize(1280, 760)
    window.show()
    window.start()
    wait(lambda: window.client.ready)
    document = Path(tempfile.mkdtemp()) / "quarterly-update.txt"
    document.write_text(
        "Cloud computing lets small teams rent servers by the hour.\n\n"
        "The meeting has been moved to Friday afternoon.\n\n"
        "Please review the attached contract before signing it.\n\n"
        "Our support team answers every message within one day.\n", encoding="utf-8")
    workspace = window.translate
    workspace.open_paths([document])
    wait(lambda: workspace.model.rowCount() == 4)
    workspace.translate_all()
    wait(lambda: workspace._batch_job is None and workspace.model.counts()[0] == 4)
    workspace.select_segment(2)
    workspace.revision.instruction.setText("Make it more formal.")
    workspace.revision.send_button.click()
    wait(lambda: workspace._revision_job is None)
    for _ in range(30):
        app.processEvents()
    OUT.mkdir(parents=True, exist_ok=True)
    window.grab().save(str(OUT / "translate.png"))

    window.tabs.setCurrentWidget(window.chat)
    chat = window.chat
    for question in ("用一句话解释什么是云计算。",
                     "What is the difference between a glossary and a translation memory?"):
        chat.input_edit.setPlainText(question)
        chat.send()
        wait(lambda: not chat.streaming)
    for _ in range(30):
        app.processEvents()
    window.grab().save(str(OUT / "chat.png"))
    window.close()
    window.client.shutdown()
    print(f"wrote {OUT / 'translate.png'} and {OUT / 'chat.png'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
