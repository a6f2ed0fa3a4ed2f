"""Opening zip-based documents (docx, odt) without trusting them."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from ..errors import DocumentError

#: refuse archives that would expand beyond this (a zip bomb), or compress suspiciously well
MAX_UNPACKED = 500 * 1024 * 1024
MAX_RATIO = 200
MAX_PACKED = 50 * 1024 * 1024


def read_checked(path: Path, kind: str) -> bytes:
    """Return the file's bytes after checking it is a sane zip archive."""
    size = path.stat().st_size
    if size > MAX_PACKED:
        raise DocumentError(f"{path.name} is {size / 1e6:.0f} MB; files over 50 MB are not "
                            "supported.")
    data = path.read_bytes()
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            total = sum(info.file_size for info in archive.infolist())
            packed = sum(info.compress_size for info in archive.infolist()) or 1
            bad = archive.testzip()
    except zipfile.BadZipFile:
        raise DocumentError(f"{path.name} is not a valid {kind} file (the archive is "
                            "damaged or it is another kind of file).") from None
    if bad is not None:
        raise DocumentError(f"{path.name} is damaged: {bad} inside it is corrupt.")
    if total > MAX_UNPACKED or total / packed > MAX_RATIO:
        raise DocumentError(f"{path.name} expands to {total / 1e6:.0f} MB; it looks like a "
                            "zip bomb and was not opened.")
    return data
