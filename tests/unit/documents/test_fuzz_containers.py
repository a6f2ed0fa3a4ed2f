"""Mutated zip-based documents (byte flips, truncations, entries removed or emptied): a clear
DocumentError or a valid document whose export works, never a crash (issue 14 item 6)."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bayling_desktop.documents import open_document
from bayling_desktop.errors import DocumentError

from .newformats import make_epub, make_pptx, make_shared_xlsx
from .test_odt_stories import make_story_odt
from .wordml import make_story_docx

MAKERS: dict[str, Callable[[Path], Path]] = {
    ".docx": make_story_docx, ".odt": make_story_odt, ".epub": make_epub,
    ".pptx": lambda p: make_pptx(p, slides=1), ".xlsx": make_shared_xlsx,
}
_CACHE: dict[str, bytes] = {}


def _original(suffix: str, folder: Path) -> bytes:
    if suffix not in _CACHE:
        _CACHE[suffix] = MAKERS[suffix](folder / f"original{suffix}").read_bytes()
    return _CACHE[suffix]


def _drop_or_empty(data: bytes, index: int, empty: bool) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(buffer, "w") as target:
        infos = source.infolist()
        victim = infos[index % len(infos)].filename
        for info in infos:
            if info.filename != victim:
                target.writestr(info, source.read(info))
            elif empty:
                target.writestr(info, b"")
    return buffer.getvalue()


def _check(path: Path, out: Path) -> None:
    try:
        document = open_document(path)
    except DocumentError as exc:
        assert str(exc) and "\n" not in str(exc) and "Traceback" not in str(exc)
        return
    try:
        document.export({u.id: u.source for u in document.units}, out)
    except DocumentError as exc:
        assert str(exc) and not out.exists()


@pytest.mark.parametrize("suffix", sorted(MAKERS))
@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_mutated_files_give_a_clear_error_or_a_document(suffix: str, data: st.DataObject,
                                                        tmp_path: Path) -> None:
    original = _original(suffix, tmp_path)
    how = data.draw(st.sampled_from(["flip", "truncate", "drop", "empty"]))
    if how == "flip":
        flips = data.draw(st.lists(st.integers(0, len(original) - 1), min_size=1, max_size=8))
        mutated = bytearray(original)
        for offset in flips:
            mutated[offset] ^= 0xFF
        blob = bytes(mutated)
    elif how == "truncate":
        blob = original[:data.draw(st.integers(1, len(original) - 1))]
    else:
        blob = _drop_or_empty(original, data.draw(st.integers(0, 50)), how == "empty")
    path = tmp_path / f"fuzz{suffix}"
    path.write_bytes(blob)
    out = tmp_path / f"out{suffix}"
    out.unlink(missing_ok=True)
    _check(path, out)
