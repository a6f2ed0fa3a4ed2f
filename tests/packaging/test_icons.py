"""Icon assets: every size present and true to its name, in every container format."""

from __future__ import annotations

import importlib.resources
import struct
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
ICONS = ROOT / "resources" / "icons"
SIZES = (16, 32, 48, 64, 128, 256, 512)
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == PNG_MAGIC and data[12:16] == b"IHDR"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


@pytest.mark.parametrize("size", SIZES)
def test_hicolor_png_matches_its_folder(size: int) -> None:
    data = (ICONS / f"{size}x{size}" / "bayling-desktop.png").read_bytes()
    assert png_size(data) == (size, size)


def test_runtime_copies_are_the_committed_renders() -> None:
    """The app's package data must not drift from resources/ (make_icons.py writes both)."""
    runtime = importlib.resources.files("bayling_desktop") / "resources" / "icons"
    for size in SIZES:
        committed = (ICONS / f"{size}x{size}" / "bayling-desktop.png").read_bytes()
        assert (runtime / f"bayling-desktop-{size}.png").read_bytes() == committed
    assert (runtime / "bayling-desktop.svg").read_bytes() == (
        ICONS / "bayling-desktop.svg").read_bytes()


def test_ico_holds_the_windows_sizes_as_png() -> None:
    data = (ICONS / "bayling-desktop.ico").read_bytes()
    reserved, kind, count = struct.unpack("<HHH", data[:6])
    assert (reserved, kind) == (0, 1)
    found = []
    for index in range(count):
        side, _, _, _, planes, bits, length, offset = struct.unpack(
            "<BBBBHHII", data[6 + 16 * index:22 + 16 * index])
        payload = data[offset:offset + length]
        assert len(payload) == length and (planes, bits) == (1, 32)
        width, height = png_size(payload)
        assert width == height == (side or 256)
        found.append(width)
    assert sorted(found) == [16, 32, 48, 64, 128, 256]


def test_icns_holds_png_elements_of_the_declared_sizes() -> None:
    data = (ICONS / "bayling-desktop.icns").read_bytes()
    assert data[:4] == b"icns" and struct.unpack(">I", data[4:8])[0] == len(data)
    expected = {b"icp4": 16, b"icp5": 32, b"icp6": 64, b"ic07": 128, b"ic08": 256,
                b"ic09": 512}
    position, seen = 8, {}
    while position < len(data):
        kind, length = data[position:position + 4], struct.unpack(
            ">I", data[position + 4:position + 8])[0]
        seen[kind] = png_size(data[position + 8:position + length])
        position += length
    assert position == len(data)
    assert seen == {kind: (size, size) for kind, size in expected.items()}


def test_qt_reads_the_svg_and_the_containers(qapp: object) -> None:
    # pytest-qt's QApplication: a bare QGuiApplication made here would outlive this test
    # and abort the first later test that creates a widget
    from PySide6.QtGui import QImageReader

    for name, frames in (("bayling-desktop.svg", 1), ("bayling-desktop.ico", 6)):
        reader = QImageReader(str(ICONS / name))
        assert reader.canRead(), reader.errorString()
        assert reader.imageCount() in (frames, 0 if frames == 1 else frames)
        assert not reader.read().isNull()
