"""Moving through a document as translators do, and the counts they bill by.

"Next untranslated" (Ctrl+U) and "next flagged" (F8) search forward from the current
segment and wrap around; a segment hidden by the filter is still found (the filter is
cleared so the user sees where they landed). Counts follow the usual CAT convention:
words for space-separated languages, characters for Chinese and Japanese.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from .segment_model import SegmentRow, SegmentTableModel

if TYPE_CHECKING:
    from .workspace_view import TranslateWorkspace


def find_next(rows: list[SegmentRow], start: int, wanted: Callable[[SegmentRow], bool]
              ) -> int | None:
    """The first row after *start* (wrapping around, *start* last) that is *wanted*."""
    count = len(rows)
    for step in range(1, count + 1):
        row = rows[(start + step) % count]
        if wanted(row):
            return row.idx
    return None


def go_next(workspace: TranslateWorkspace, wanted: Callable[[SegmentRow], bool],
            start: int | None = None, edit: bool = False) -> bool:
    """Select the next segment that is *wanted*; False (and a message) when none is."""
    rows = workspace.model.rows()
    if not rows:
        return False
    if start is None:
        current = workspace.table.currentIndex()
        start = workspace.filter.mapToSource(current).row() if current.isValid() else -1
    found = find_next(rows, start, wanted)
    if found is None:
        workspace.show_message(QCoreApplication.translate("Navigation",
                                                          "No more segments of that kind."))
        return False
    if workspace.proxy_row(found) < 0:
        workspace.bar.find_edit.clear()
        workspace.bar.filter_combo.setCurrentIndex(0)
        workspace.filter.set_text("")
        workspace.filter.set_mode(workspace.filter.ALL)
    workspace.select_segment(found)
    workspace.scroll_to(found)
    workspace.table.setFocus()
    if edit:
        workspace.table.edit(workspace.filter.mapFromSource(
            workspace.model.index(found, SegmentTableModel.TARGET)))
    return True


def counts_text(workspace: TranslateWorkspace) -> str:
    doc = workspace.current
    if doc is None or not doc.sizes:
        return ""
    words = sum(w for w, _c in doc.sizes)
    chars = sum(c for _w, c in doc.sizes)
    untranslated = sum(doc.sizes[r.idx][0] for r in doc.rows if not r.done)
    text = QCoreApplication.translate(
        "Navigation", "{0} words, {1} characters · untranslated: {2} words").format(
        words, chars, untranslated)
    selected = workspace.selected_segments()
    if len(selected) > 1:
        words_selected = sum(doc.sizes[s][0] for s in selected)
        text += QCoreApplication.translate("Navigation", " · selection: {0} words").format(
            words_selected)
    return text
