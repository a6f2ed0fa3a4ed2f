"""The find box and the filter menu above the segment table (a view part).

What is typed waits ~150 ms for the next keystroke before the table is filtered (the
filtering itself is ``segment_filter.py``); when nothing matches, a line says so, and
the revision panel lets go of a segment the filter hid.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer, Slot

from .parts import ViewPart
from .segment_filter import FIRST_EXTRA, SegmentFilter, predicate_for

if TYPE_CHECKING:
    from .workspace_view import TranslateWorkspace

#: how long the find box waits for the next keystroke before filtering
DEBOUNCE_MS = 150


class FindController(ViewPart):
    """The find box and the filter menu: debounced, and saying when nothing matches."""

    def __init__(self, workspace: TranslateWorkspace) -> None:
        super().__init__(workspace)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self._on_timer_timeout)
        workspace.bar.find_edit.textChanged.connect(self._timer.start)
        workspace.bar.filter_combo.currentIndexChanged.connect(self._on_filter_combo_changed)

    @Slot(int)
    def _on_filter_combo_changed(self, mode: int) -> None:
        extra = mode >= FIRST_EXTRA
        view = self.view
        view.filter.set_predicate(predicate_for(self.controller, mode) if extra else None)
        view.filter.set_mode(SegmentFilter.ALL if extra else mode)
        self._after_filter()

    @Slot()
    def _on_timer_timeout(self) -> None:
        self.view.filter.set_text(self.view.bar.find_edit.text())
        self._after_filter()

    def _after_filter(self) -> None:
        ws = self.view
        empty = ws.filter.rowCount() == 0 and ws.model.rowCount() > 0
        ws.no_matches.setText(self.tr("No segment matches “{0}”.").format(
            ws.bar.find_edit.text().strip()) if ws.filter.needle
            else self.tr("No segment matches this filter."))
        ws.no_matches.setVisible(empty)
        ws.refit_rows()
        # The revision panel shows the current row, or nothing: never a segment the
        # filter hid (the panel used to keep it after the table had dropped it).
        segment = ws.revision.segment
        revising = self.controller.revising
        if segment is not None and not revising.running:
            if ws.proxy_row(segment) >= 0:
                ws.select_segment(segment)
            else:
                revising.clear()
