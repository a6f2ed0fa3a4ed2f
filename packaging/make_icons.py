#!/usr/bin/env python3
"""Render resources/icons/bayling-desktop.svg to every icon file the platforms want.

Run after editing the SVG: ``python packaging/make_icons.py``. The outputs are committed
assets, because installers, AppStream and PyInstaller need them without Qt at hand:

- ``resources/icons/NxN/bayling-desktop.png`` for the freedesktop hicolor theme;
- ``resources/icons/bayling-desktop.ico`` (Windows) and ``.icns`` (macOS), written here
  with PNG payloads, which both formats allow, so neither Pillow nor Apple's ``iconutil``
  is needed;
- ``bayling_desktop/resources/icons/`` — the copies the running app loads through
  ``importlib.resources`` (the SVG plus ``bayling-desktop-N.png``).
"""

from __future__ import annotations

import os
import shutil
import struct
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parent.parent
ICONS = ROOT / "resources" / "icons"
SVG = ICONS / "bayling-desktop.svg"
SIZES = (16, 32, 48, 64, 128, 256, 512)
RUNTIME = ROOT / "bayling_desktop" / "resources" / "icons"

#: sizes Windows shows (Explorer, taskbar, Alt+Tab); 256 is the largest an .ico holds
ICO_SIZES = (16, 32, 48, 64, 128, 256)
#: ICNS element types that carry PNG data, by pixel size (Apple's "icp4"… "ic09")
ICNS_TYPES = {16: b"icp4", 32: b"icp5", 64: b"icp6", 128: b"ic07", 256: b"ic08", 512: b"ic09"}


def ico_bytes(pngs: dict[int, bytes]) -> bytes:
    """An ICO container of PNG images (valid since Windows Vista)."""
    sizes = sorted(pngs)
    header = struct.pack("<HHH", 0, 1, len(sizes))
    offset = len(header) + 16 * len(sizes)
    entries, payload = b"", b""
    for size in sizes:
        data = pngs[size]
        side = 0 if size >= 256 else size  # 0 means 256 in an ICONDIRENTRY
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(data), offset)
        offset += len(data)
        payload += data
    return header + entries + payload


def icns_bytes(pngs: dict[int, bytes]) -> bytes:
    """An ICNS container: a big-endian ``icns`` header, then typed PNG elements."""
    body = b"".join(ICNS_TYPES[size] + struct.pack(">I", 8 + len(pngs[size])) + pngs[size]
                    for size in sorted(pngs))
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def render(sizes: tuple[int, ...]) -> dict[int, bytes]:
    """PNG bytes of the SVG at each size, antialiased by Qt's SVG renderer."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QGuiApplication, QImage, QImageWriter, QPainter
    from PySide6.QtSvg import QSvgRenderer

    app = QGuiApplication.instance() or QGuiApplication(sys.argv)
    renderer = QSvgRenderer(str(SVG))
    if not renderer.isValid():
        raise SystemExit(f"cannot read {SVG}")
    pngs: dict[int, bytes] = {}
    for size in sizes:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        QImageWriter(buffer, QByteArray(b"PNG")).write(image)
        buffer.close()
        pngs[size] = bytes(data.data())
    del app
    return pngs


def main() -> int:
    pngs = render(SIZES)
    RUNTIME.mkdir(parents=True, exist_ok=True)
    for size, data in pngs.items():
        target = ICONS / f"{size}x{size}" / "bayling-desktop.png"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        (RUNTIME / f"bayling-desktop-{size}.png").write_bytes(data)
    shutil.copy(SVG, RUNTIME / "bayling-desktop.svg")
    (ICONS / "bayling-desktop.ico").write_bytes(ico_bytes({s: pngs[s] for s in ICO_SIZES}))
    (ICONS / "bayling-desktop.icns").write_bytes(
        icns_bytes({s: pngs[s] for s in ICNS_TYPES}))
    print(f"wrote {len(pngs)} PNG sizes, bayling-desktop.ico and bayling-desktop.icns")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
