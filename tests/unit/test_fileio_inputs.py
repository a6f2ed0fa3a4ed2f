"""The list of open inputs (no writer may replace a document being read) stays right,
and never deadlocks, however the garbage collector times a document's end."""

from __future__ import annotations

import gc
import os
from pathlib import Path

import pytest

from bayling_desktop import fileio
from bayling_desktop.errors import OutputError
from bayling_desktop.fileio import check_output, protect


class _Document:
    """Something read from a file; in a reference cycle, so only the collector frees it."""

    def __init__(self) -> None:
        self.me = self


def test_a_document_collected_while_the_list_is_locked_does_not_hang(tmp_path: Path) -> None:
    """Seen as a hung test run: the collector ran a finished document's finalizer inside
    protect()'s locked section (any allocation may collect), and the finalizer took
    the same lock again."""
    source = tmp_path / "a.txt"
    source.write_text("x", encoding="utf-8")
    document = _Document()
    protect(source, document)
    assert fileio._is_input(os.stat(source))
    del document
    with fileio._inputs_lock:
        gc.collect()  # the finalizer runs here, on the thread holding the lock
    assert not fileio._is_input(os.stat(source))  # applied when the lock is next taken


def test_an_input_is_refused_as_output_until_its_last_reader_is_gone(tmp_path: Path) -> None:
    source = tmp_path / "b.txt"
    source.write_text("x", encoding="utf-8")
    first, second = _Document(), _Document()
    protect(source, first)
    protect(source, second)
    del first
    gc.collect()
    with pytest.raises(OutputError):
        check_output(source)  # the second reader still has it open
    del second
    gc.collect()
    check_output(source)  # nobody reads it any more: it may be written
