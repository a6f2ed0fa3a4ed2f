#!/usr/bin/env python3
"""Render resources/icons/bayling-desktop.svg to the PNG sizes desktops and installers use.

Run after editing the SVG: ``python packaging/make_icons.py``. The PNGs are committed as
assets (installers and AppStream need them without Qt at hand); the app loads them
from ``bayling_desktop/resources/icons`` at run time.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parent.parent
SVG = ROOT / "resources" / "icons" / "bayling-desktop.svg"
SIZES = (16, 32, 48, 64, 128, 256, 512)
RUNTIME = ROOT / "bayling_desktop" / "resources" / "icons"


def main() -> int:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    app = QGuiApplication(sys.argv)
    renderer = QSvgRenderer(str(SVG))
    if not renderer.isValid():
        sys.exit(f"cannot read {SVG}")
    RUNTIME.mkdir(parents=True, exist_ok=True)
    for size in SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        renderer.render(painter)
        painter.end()
        target = ROOT / "resources" / "icons" / f"{size}x{size}" / "bayling-desktop.png"
        target.parent.mkdir(parents=True, exist_ok=True)
        image.save(str(target))
        if size in (64, 256):
            shutil.copy(target, RUNTIME / f"bayling-desktop-{size}.png")
    shutil.copy(SVG, RUNTIME / "bayling-desktop.svg")
    del app
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
