"""Reading text files whose encoding nobody told us (BOMs, GB18030, Big5, Shift_JIS…)."""

from __future__ import annotations

import codecs
from pathlib import Path

from ..errors import DocumentError

MAX_TEXT_BYTES = 50 * 1024 * 1024

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if any(sample.startswith(bom) for bom, _ in _BOMS):
        return False
    return b"\x00" in sample


def _utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    """UTF-16 text saved without a byte-order mark (some Windows tools do) has NUL bytes
    like a binary file; it is text when one byte order decodes it strictly into
    printable characters (random binary data fails on unpaired surrogates at once)."""
    if len(data) < 4 or len(data) % 2:
        return None
    for encoding in ("utf-16-le", "utf-16-be"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        sample = text[:4096]
        odd = sum(1 for char in sample if not (char.isprintable() or char in "\t\n\r\f"))
        if odd <= len(sample) // 200:
            return text, encoding
    return None


def decode(data: bytes, name: str = "the file") -> tuple[str, str]:
    """Return (text, encoding); raise DocumentError when it is not text at all."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding), encoding
    if b"\x00" in data[:8192] and (utf16 := _utf16_without_bom(data)):
        return utf16
    if looks_binary(data):
        raise DocumentError("looks_like_binary_file", name=name)
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=["gb18030", "big5", "shift_jis", "euc_kr",
                                          "cp1252", "euc_jp", "latin_1"]).best()
    if best is None:
        raise DocumentError("unknown_encoding", name=name)
    return str(best), best.encoding


def check_size(path: Path, limit: int = MAX_TEXT_BYTES) -> None:
    """Refuse a file over the limit before reading a byte of it."""
    size = path.stat().st_size
    if size > limit:
        raise DocumentError("file_too_large", path=path.name, size=f"{size / 2**20:.0f}",
                            limit=limit // 2**20)


def read_text(path: Path) -> tuple[str, str]:
    try:
        check_size(path)
        data = path.read_bytes()
    except FileNotFoundError:
        raise DocumentError("file_missing", path=path) from None
    except IsADirectoryError:
        raise DocumentError("folder_not_file", path=path) from None
    except PermissionError:
        raise DocumentError("permission_denied_cannot_read", path=path) from None
    return decode(data, path.name)
