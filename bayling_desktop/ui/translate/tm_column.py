"""Fills the table's "TM" column (best memory match %) a chunk per timer tick.

A document shown starts a scan; its rows get their score as it comes, 100 % for an
exact match. A new document, or one shown again, scans again (the memory may have
grown). The work per tick is bounded (rows and milliseconds), so 20,000 rows against a
large memory never freeze the window.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer, Slot

from ...translation.matches import MatchIndex
from .open_document import OpenDocument
from .parts import Part

if TYPE_CHECKING:
    from .workspace_controller import WorkspaceController

#: rows scored per timer tick at most, and the GUI time a tick may take
CHUNK = 40
TICK_SECONDS = 0.008


class MatchScanner(Part):
    def __init__(self, controller: WorkspaceController) -> None:
        super().__init__(controller)
        self._doc: OpenDocument | None = None
        self._index: MatchIndex | None = None
        self._next = 0
        self._timer = QTimer(self)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._on_timer_timeout)

    def scan(self, doc: OpenDocument) -> None:
        """Score *doc*'s rows against the memory of its language pair, from the top."""
        ctl = self.controller
        self._timer.stop()
        self._doc, self._next, self._index = doc, 0, None
        if ctl.store is None:
            return
        source = ctl.source_language()
        self._index = MatchIndex.from_pairs(ctl.store.memory.pairs(ctl.target_language().code),
                                            source.code if source else "")
        if self._index.sources:
            self._timer.start()

    @property
    def running(self) -> bool:
        return self._timer.isActive()

    @Slot()
    def _on_timer_timeout(self) -> None:
        doc, index = self._doc, self._index
        if doc is None or index is None or doc is not self.controller.current:
            self._timer.stop()
            return
        started = time.perf_counter()
        end = min(self._next + CHUNK, len(doc.rows))
        number = self._next
        while number < end and time.perf_counter() - started < TICK_SECONDS:
            score = index.best(doc.rows[number].source)
            if score != doc.rows[number].match:
                self.controller.model.update_row(number, match=score)
            number += 1
        self._next = number
        if number >= len(doc.rows):
            self._timer.stop()
