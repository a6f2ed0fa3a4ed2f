"""Finding segments in documents of 100,000 rows without freezing on every keystroke.

A ``QSortFilterProxyModel`` calls a Python ``filterAcceptsRow`` for every row on every
change: seconds per character on a large file. This proxy keeps its own list of
visible rows and a case-folded copy of each row's text, so a search is one pass of
Python's substring test over plain strings (and a longer needle only searches the
rows the shorter one kept). Rows changed while a filter is on stay where they are
until the filter changes, as in CAT tools: the row you are editing never vanishes
under the cursor. The find box (``find_box.py``) debounces what is typed.

Beyond status, the filter menu keeps segments by what the checks found, and by the
memory. Flag codes (``flags.py``) are many and precise; a translator filters by kind, as
in memoQ's QA categories, so the codes are grouped here once. "From the memory" keeps
the segments whose current text the translation memory gave (the project's history says
who wrote each one). Those entries follow the status entries of the toolbar's menu.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractProxyModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    Qt,
)

from ..itemmodels import Index
from .segment_model import SegmentRow, SegmentTableModel

if TYPE_CHECKING:
    from .workspace_controller import WorkspaceController


#: the filter menu's status entries, after All / Untranslated / Flagged, in this order
STATUS_FILTERS = ("new", "draft", "edited", "approved", "error")


class SegmentFilter(QAbstractProxyModel):
    ALL, UNTRANSLATED, FLAGGED = range(3)
    #: mode of the first status entry; STATUS + n keeps STATUS_FILTERS[n]
    STATUS = 3

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._mode = self.ALL
        self._needle = ""
        #: a further test rows must pass (a flag kind, "from memory"), or None
        self._predicate: Callable[[SegmentRow], bool] | None = None
        #: proxy row -> source row; None means every row, in order
        self._visible: list[int] | None = None
        self._position: dict[int, int] = {}
        self._folded: list[str] | None = None

    # -- source model ---------------------------------------------------------------------

    def setSourceModel(self, model: QAbstractItemModel) -> None:
        self.beginResetModel()
        old = self.sourceModel()
        if old is not None:
            old.modelAboutToBeReset.disconnect(self._on_source_about_to_reset)
            old.modelReset.disconnect(self._on_source_reset)
            old.dataChanged.disconnect(self._on_source_data_changed)
        super().setSourceModel(model)
        model.modelAboutToBeReset.connect(self._on_source_about_to_reset)
        model.modelReset.connect(self._on_source_reset)
        model.dataChanged.connect(self._on_source_data_changed)
        self._refilter()
        self.endResetModel()

    def _segments(self) -> SegmentTableModel | None:
        model = self.sourceModel()
        return model if isinstance(model, SegmentTableModel) else None

    def _on_source_about_to_reset(self) -> None:
        self.beginResetModel()

    def _on_source_reset(self) -> None:
        self._folded = None
        self._refilter()
        self.endResetModel()

    def _on_source_data_changed(self, top_left: QModelIndex, bottom_right: QModelIndex,
                                roles: list[int] | None = None) -> None:
        model = self._segments()
        for source_row in range(top_left.row(), bottom_right.row() + 1):
            if self._folded is not None and model is not None:
                self._folded[source_row] = _fold(model, source_row)
            row = self._proxy_row(source_row)
            if row >= 0:
                self.dataChanged.emit(self.index(row, top_left.column()),
                                      self.index(row, bottom_right.column()), roles or [])

    # -- filtering ------------------------------------------------------------------------

    @property
    def mode(self) -> int:
        return self._mode

    @property
    def needle(self) -> str:
        return self._needle

    def set_mode(self, mode: int) -> None:
        self.beginResetModel()
        self._mode = mode
        self._refilter()
        self.endResetModel()

    def set_predicate(self, predicate: Callable[[SegmentRow], bool] | None) -> None:
        """Keep only rows *predicate* accepts (None: no such test)."""
        self.beginResetModel()
        self._predicate = predicate
        self._refilter()
        self.endResetModel()

    def set_text(self, needle: str) -> None:
        needle = needle.casefold().strip()
        if needle == self._needle:
            return
        narrower = bool(self._needle) and needle.startswith(self._needle)
        self.beginResetModel()
        previous = self._visible
        self._needle = needle
        self._refilter(within=previous if narrower else None)
        self.endResetModel()

    def refilter(self) -> None:
        """Apply the filter again to rows that changed since (e.g. after a batch)."""
        self.beginResetModel()
        self._refilter()
        self.endResetModel()

    def _refilter(self, within: list[int] | None = None) -> None:
        model = self._segments()
        if model is None or (self._mode == self.ALL and not self._needle
                             and self._predicate is None):
            self._visible, self._position = None, {}
            return
        rows = model.rows()
        candidates: Any = within if within is not None else range(len(rows))
        if self._mode == self.UNTRANSLATED:
            candidates = [n for n in candidates if not rows[n].done]
        elif self._mode == self.FLAGGED:
            candidates = [n for n in candidates if rows[n].flagged]
        elif self.STATUS <= self._mode < self.STATUS + len(STATUS_FILTERS):
            status = STATUS_FILTERS[self._mode - self.STATUS]
            candidates = [n for n in candidates if rows[n].status == status]
        if self._predicate is not None:
            test = self._predicate
            candidates = [n for n in candidates if test(rows[n])]
        if self._needle:
            if self._folded is None:
                self._folded = [_fold(model, n) for n in range(len(rows))]
            folded, needle = self._folded, self._needle
            candidates = [n for n in candidates if needle in folded[n]]
        self._visible = list(candidates)
        self._position = {source: proxy for proxy, source in enumerate(self._visible)}

    def _proxy_row(self, source_row: int) -> int:
        if self._visible is None:
            return source_row
        return self._position.get(source_row, -1)

    # -- Qt proxy -------------------------------------------------------------------------

    def rowCount(self, parent: Index | None = None) -> int:
        if parent is not None and parent.isValid():
            return 0
        if self._visible is not None:
            return len(self._visible)
        model = self.sourceModel()
        return model.rowCount() if model is not None else 0

    def columnCount(self, parent: Index | None = None) -> int:
        if parent is not None and parent.isValid():
            return 0
        model = self.sourceModel()
        return model.columnCount() if model is not None else 0

    def index(self, row: int, column: int, parent: Index | None = None) -> QModelIndex:
        if (parent is not None and parent.isValid()) or not (
                0 <= row < self.rowCount() and 0 <= column < self.columnCount()):
            return QModelIndex()
        return self.createIndex(row, column)

    def parent(self, child: Index | None = None) -> Any:
        if child is None:
            return super().parent()
        return QModelIndex()

    def hasChildren(self, parent: Index | None = None) -> bool:
        return parent is None or not parent.isValid()

    def sibling(self, row: int, column: int, index: Index) -> QModelIndex:
        return self.index(row, column)

    def mapToSource(self, proxy_index: Index) -> QModelIndex:
        model = self.sourceModel()
        if model is None or not proxy_index.isValid():
            return QModelIndex()
        row = proxy_index.row()
        source_row = self._visible[row] if self._visible is not None else row
        return model.index(source_row, proxy_index.column())

    def mapFromSource(self, source_index: Index) -> QModelIndex:
        if not source_index.isValid():
            return QModelIndex()
        row = self._proxy_row(source_index.row())
        return self.index(row, source_index.column()) if row >= 0 else QModelIndex()

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        model = self.sourceModel()
        if model is None or orientation != Qt.Orientation.Horizontal:
            return None
        return model.headerData(section, orientation, role)


def _fold(model: SegmentTableModel, source_row: int) -> str:
    row = model.row(source_row)
    return f"{row.source}\u0001{row.target}".casefold()


# -- the filter menu's kinds beyond status ------------------------------------------------

#: kind -> the flag codes it gathers (every code in flags.TEMPLATES has one kind)
FLAG_KINDS: dict[str, tuple[str, ...]] = {
    "markup": ("placeholder_missing", "placeholder_moved", "placeholder_extra", "link_removed",
               "image_removed", "tag_missing", "tag_extra", "tag_broken", "tag_repeated",
               "tag_moved", "tag_empty", "formatting_lost", "formatting_rewrapped",
               "structure_injected", "markup_lost", "catalog_check", "catalog_reverted",
               "pdf_overflow", "pdf_text_kept"),
    "numbers": ("numbers", "numbers_missing", "numbers_added"),
    "glossary": ("glossary", "glossary_forbidden"),
    "output": ("empty", "identical", "near_identical", "untranslated", "residue", "echo",
               "echo_system", "preamble", "chatter", "loop", "loop_sentence", "too_long",
               "truncated", "too_long_context", "failed", "repeat_failed", "length",
               "copied_from", "kept_previous", "text", "nothing_translated",
               "question_answered", "negation_lost", "markup_added", "sentences_missing",
               "names_rendered", "quotes_unbalanced"),
    "layout": ("lines_lost", "lines_changed", "lines_rewrapped", "whitespace_restored",
               "whitespace"),
    "subtitles": ("reading_speed", "line_length"),
    "ocr": ("ocr_uncertain", "ocr_language"),
    "proposals": ("proposed", "unchanged", "unrelated", "explanation"),
}
#: the first combo index after All / Untranslated / Flagged and the statuses
FIRST_EXTRA = SegmentFilter.STATUS + len(STATUS_FILTERS)
MEMORY = "memory"
#: the extra entries in the menu's order
EXTRA = (*FLAG_KINDS, MEMORY)


def labels() -> list[str]:
    """The extra entries' words in the UI language (the toolbar's retranslate uses them)."""
    names = {"markup": QCoreApplication.translate("Filters", "Flagged: tags and placeholders"),
             "numbers": QCoreApplication.translate("Filters", "Flagged: numbers"),
             "glossary": QCoreApplication.translate("Filters", "Flagged: glossary terms"),
             "output": QCoreApplication.translate("Filters", "Flagged: not a usable translation"),
             "layout": QCoreApplication.translate("Filters", "Flagged: lines and spaces"),
             "subtitles": QCoreApplication.translate("Filters", "Flagged: subtitle limits"),
             "ocr": QCoreApplication.translate("Filters", "Flagged: text read from a scan"),
             "proposals": QCoreApplication.translate("Filters", "With a proposal"),
             MEMORY: QCoreApplication.translate("Filters", "From the translation memory")}
    return [names[kind] for kind in EXTRA]


def predicate_for(controller: WorkspaceController, index: int
                  ) -> Callable[[SegmentRow], bool] | None:
    """The row test of the filter menu's entry *index* (None: not an extra entry)."""
    number = index - FIRST_EXTRA
    if not 0 <= number < len(EXTRA):
        return None
    kind = EXTRA[number]
    if kind == MEMORY:
        doc = controller.current
        store = controller.store
        authors = (store.authors(doc.project) if store is not None and doc is not None
                   and doc.project is not None else {})
        from_memory = {idx for idx, author in authors.items() if author == "memory"}
        return lambda row: row.idx in from_memory and row.done
    codes = set(FLAG_KINDS[kind])
    return lambda row: any(flag.code in codes for flag in row.all_flags())
