"""The filter menu's kinds beyond status: by what the checks found, and by the memory.

Flag codes (``flags.py``) are many and precise; a translator filters by kind, as in
memoQ's QA categories, so the codes are grouped here once. "From the memory" keeps the
segments whose current text the translation memory gave (the project's history says who
wrote each one). The entries follow the status entries of the toolbar's filter menu.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from .find import STATUS_FILTERS, SegmentFilter
from .segments import SegmentRow

if TYPE_CHECKING:
    from .workspace_controller import WorkspaceController

#: kind -> the flag codes it gathers (every code in flags.TEMPLATES has one kind)
FLAG_KINDS: dict[str, tuple[str, ...]] = {
    "markup": ("placeholder_missing", "placeholder_moved", "placeholder_extra", "link_removed",
               "image_removed", "tag_missing", "tag_extra", "tag_broken", "tag_repeated",
               "tag_moved", "tag_empty", "formatting_lost", "formatting_rewrapped",
               "structure_injected", "markup_lost", "catalog_check", "catalog_reverted",
               "pdf_overflow", "pdf_text_kept"),
    "numbers": ("numbers",),
    "glossary": ("glossary", "glossary_forbidden"),
    "output": ("empty", "identical", "near_identical", "untranslated", "residue", "echo",
               "echo_system", "preamble", "chatter", "loop", "loop_sentence", "too_long",
               "truncated", "too_long_context", "failed", "repeat_failed", "length",
               "copied_from", "kept_previous", "text", "nothing_translated",
               "question_answered", "negation_lost", "markup_added", "sentences_missing"),
    "layout": ("lines_lost", "lines_changed", "lines_rewrapped", "whitespace_restored",
               "whitespace"),
    "subtitles": ("reading_speed", "line_length"),
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
        return lambda row: row.index in from_memory and row.done
    codes = set(FLAG_KINDS[kind])
    return lambda row: any(flag.code in codes for flag in row.all_flags())
