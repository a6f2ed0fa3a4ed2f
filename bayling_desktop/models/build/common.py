"""What every build stage shares: its errors, its progress event, its cancel check.

A build runs for minutes to hours, so each stage (download, convert, quantize)
reports plain :class:`BuildProgress` events with an ETA that the CLI turns into a
progress bar and the GUI into signals, and checks one cancel token between slices.
"""

from __future__ import annotations

import os
import shutil
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from ...engine.backend import CancelToken
from ...errors import ModelError
from ...sentences import Sentence

Stage = Literal["download", "convert", "quantize", "done"]
Cancel = CancelToken | threading.Event

#: free space kept beyond what a build needs, so it never fills the disk to the brim
DISK_MARGIN = 256 * 1024**2


class BuildError(ModelError):
    """A build could not run or failed; ``str()`` says why and what to do."""


class BuildCancelled(BuildError):
    """The user cancelled; no half-written model file is left behind."""


@dataclass(frozen=True)
class BuildProgress:
    stage: Stage
    done: int
    total: int
    #: seconds left in this stage at the recent rate; None while unknown
    eta: float | None
    #: what is being worked on ("model-00001-of-00002.safetensors", "blk.3.attn_q")
    detail: str = ""

    @property
    def fraction(self) -> float:
        return self.done / self.total if self.total else 0.0


BuildCallback = Callable[[BuildProgress], None]


def is_cancelled(cancel: Cancel | None) -> bool:
    if cancel is None:
        return False
    if isinstance(cancel, threading.Event):
        return cancel.is_set()
    return cancel.cancelled


class Eta:
    """Rate since the stage started; simple and stable for steady, long stages."""

    def __init__(self, total: int) -> None:
        self.total = total
        self.started = time.monotonic()

    def left(self, done: int) -> float | None:
        elapsed = time.monotonic() - self.started
        if done <= 0 or elapsed < 0.5:
            return None
        return max(0.0, (self.total - done) * elapsed / done)


def check_disk_space(needs: Iterable[tuple[Path, int, Sentence]]) -> None:
    """Refuse up front when the disks cannot hold every part of the build.

    *needs* is (folder, bytes, what) per part (*what*: a ``build_part_*`` sentence); parts
    on the same file system are
    added up, and the message gives every figure so the user knows what to free.
    """
    by_disk: dict[int, list[tuple[Path, int, Sentence]]] = {}
    for folder, size, what in needs:
        existing = folder
        while not existing.exists() and existing != existing.parent:
            existing = existing.parent
        by_disk.setdefault(os.stat(existing).st_dev, []).append((existing, size, what))
    for parts in by_disk.values():
        needed = sum(size for _, size, _ in parts)
        free = shutil.disk_usage(parts[0][0]).free
        if free < needed + DISK_MARGIN:
            detail: Sentence | str = ""
            for _, size, what in reversed([p for p in parts if p[1]]):
                item = Sentence("build_part_size", what=what, size=f"{size / 1e9:.2f}")
                detail = Sentence("parts", first=item, rest=detail) if detail else item
            raise BuildError("no_disk_space_build", parts=parts[0][0], needed=f"{needed / 1e9:.2f}",
                             detail=detail, free=f"{free / 1e9:.2f}")
