"""Segment ▸ Split segment (Ctrl+T) and Merge with next segment (Ctrl+J), as in memoQ.

Split opens the segment's source with the cursor at the sentence end nearest its middle;
the translator moves the cursor (click, arrows) and splits there, seeing the two pieces.
Merge joins the segment with the next piece of the same paragraph, never with another
paragraph of the file. The rules (what becomes of a translation, the memory) are the
core's (:mod:`bayling_desktop.translation.segmentation`); each change is one step on the
document's undo stack (Ctrl+Z puts the segments back as they were, history included).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import Qt, QTimer, Slot
from PySide6.QtGui import QAction, QKeySequence, QUndoCommand
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from ...documents.segment import sentence_cuts
from ...documents.timing import cue_timing
from ...errors import BaylingError
from ...translation.segmentation import Resegment, Resegmented
from ..sentence_text import sentence_text
from .open_document import OpenDocument
from .parts import ViewPart
from .segment_model import SegmentRow, count_chars, count_words

if TYPE_CHECKING:
    from .workspace_view import TranslateWorkspace

_V = TypeVar("_V")


def cursor_start(source: str) -> int:
    """Where the split dialog puts the cursor: the sentence end nearest the middle (the
    end of the text when there is none: the translator picks the place)."""
    cuts = sentence_cuts(source)
    if not cuts:
        return len(source)
    return min(cuts, key=lambda cut: abs(cut - len(source) / 2))


class SplitDialog(QDialog):
    """The source of a segment with a cursor, and the two pieces a split there makes."""

    def __init__(self, number: int, source: str, allowed: Callable[[int], int | None],
                 parent: QWidget) -> None:
        super().__init__(parent)
        self._source = source
        #: offset -> the cut in the unit (None: not there); the core decides
        self._allowed = allowed
        self.setWindowTitle(self.tr("Split segment {0}").format(number))
        self.hint = QLabel(self.tr("Put the cursor where the segment splits (click or use "
                                   "the arrow keys), then press Enter."), self)
        self.hint.setWordWrap(True)
        self.text = QPlainTextEdit(source, self)
        self.text.setReadOnly(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard
                                          | Qt.TextInteractionFlag.TextSelectableByMouse)
        self.preview = QLabel(self)
        self.preview.setWordWrap(True)
        self.preview.setTextFormat(Qt.TextFormat.PlainText)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Split"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (self.hint, self.text, self.preview, self.buttons):
            layout.addWidget(widget)
        self.resize(560, 260)
        self.text.cursorPositionChanged.connect(self._on_text_cursor_position_changed)
        self.set_offset(cursor_start(source))
        self.text.setFocus()

    def offset(self) -> int:
        return self.text.textCursor().position()

    def set_offset(self, offset: int) -> None:
        cursor = self.text.textCursor()
        cursor.setPosition(max(0, min(offset, len(self._source))))
        self.text.setTextCursor(cursor)
        self._on_text_cursor_position_changed()

    @Slot()
    def _on_text_cursor_position_changed(self) -> None:
        offset = self.offset()
        allowed = self._allowed(offset) is not None
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(allowed)
        if allowed:
            self.preview.setText(self.tr("1: {0}\n2: {1}").format(
                self._source[:offset].rstrip(), self._source[offset:].lstrip()))
        else:
            self.preview.setText(self.tr("The segment cannot be split here: each piece needs "
                                         "text, and a tag pair, a placeholder or a link "
                                         "stays whole."))

    def keyPressEvent(self, event: object) -> None:
        key = event.key()  # type: ignore[attr-defined]
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if self.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled():
                self.accept()
            return
        super().keyPressEvent(event)  # type: ignore[arg-type]


class ResegmentCommand(QUndoCommand):
    """A split or merge on the document's undo stack: undo applies its inverse."""

    def __init__(self, owner: SegmentSplitting, doc: OpenDocument, done: Resegmented,
                 label: str) -> None:
        super().__init__(label)
        self.owner = owner
        self.doc = doc
        self._inverse: Resegment = done.undo
        self._first = True

    def redo(self) -> None:
        if self._first:  # made already (the core saved it): only pushed
            self._first = False
            return
        self._inverse = self.owner.apply(self.doc, self._inverse)

    def undo(self) -> None:
        self._inverse = self.owner.apply(self.doc, self._inverse)


class SegmentSplitting(ViewPart):
    """The two actions, on the view (the Segment menu and the right-click menu show
    them); they change the open document through its session and the controller."""

    def __init__(self, workspace: TranslateWorkspace) -> None:
        super().__init__(workspace)
        view = workspace
        self.split_action = QAction(view)
        self.split_action.setShortcut(QKeySequence("Ctrl+T"))
        self.merge_action = QAction(view)
        self.merge_action.setShortcut(QKeySequence("Ctrl+J"))
        self.actions = [self.split_action, self.merge_action]
        for action, slot in ((self.split_action, self._on_split_action_triggered),
                             (self.merge_action, self._on_merge_action_triggered)):
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(slot)
            view.addAction(action)
        self.dialog: SplitDialog | None = None
        # what can be split or merged follows the current segment (the keys act on it)
        workspace.table.selectionModel().currentRowChanged.connect(
            self._on_table_current_row_changed)
        self.retranslate()

    @Slot()
    def _on_table_current_row_changed(self) -> None:
        self.update_enabled()

    def retranslate(self) -> None:
        self.split_action.setText(self.tr("Split segment…"))
        self.merge_action.setText(self.tr("Merge with next segment"))

    def _current(self) -> int | None:
        index = self.view.table.currentIndex()
        return self.view.filter.mapToSource(index).row() if index.isValid() else None

    def _idle_doc(self) -> OpenDocument | None:
        doc = self.view.current
        if doc is None or self.controller.busy or doc.project is None:
            return None
        return doc

    def update_enabled(self) -> None:
        doc, segment = self._idle_doc(), self._current()
        self.split_action.setEnabled(doc is not None and segment is not None)
        self.merge_action.setEnabled(doc is not None and segment is not None
                                     and doc.session.resegmenting.can_merge(segment))

    # -- split ------------------------------------------------------------------------------

    @Slot()
    def _on_split_action_triggered(self) -> None:
        dialog = self.split_dialog()
        if dialog is not None and dialog.exec():
            self.split_at(dialog.offset())

    def split_dialog(self) -> SplitDialog | None:
        """The dialog for the current segment (None: nothing to split now, said why)."""
        ws = self.view
        doc, segment = self._idle_doc(), self._current()
        if doc is None or segment is None:
            self._say_why_not()
            return None
        ws.delegate.commit_open_editors()
        resegmenting = doc.session.resegmenting
        self.dialog = SplitDialog(segment + 1, doc.rows[segment].source,
                                  lambda offset: resegmenting.split_point(segment, offset),
                                  self.view)
        return self.dialog

    def split_at(self, offset: int, segment: int | None = None) -> bool:
        """Split the current segment (or *segment*) at *offset* of its source."""
        ws = self.view
        doc = self._idle_doc()
        segment = self._current() if segment is None else segment
        if doc is None or segment is None:
            self._say_why_not()
            return False
        resegmenting = doc.session.resegmenting
        if resegmenting.split_point(segment, offset) is None:
            ws.show_message(self.tr("Segment {0} cannot be split there: each piece needs "
                                    "text, and a tag pair, a placeholder or a link stays "
                                    "whole.").format(segment + 1), error=True)
            return False
        translated = bool(doc.rows[segment].target.strip())
        try:
            done = resegmenting.split(segment, offset)
        except BaylingError as exc:  # the database could not be written: nothing changed
            ws.show_message(sentence_text(exc), error=True)
            return False
        self._show(doc, done)
        doc.undo.push(ResegmentCommand(self, doc, done,
                                       self.tr("Split segment {0}").format(segment + 1)))
        if done.kept_translation or not translated:
            ws.show_message(self.tr("Segment {0} is now segments {0} and {1}.").format(
                segment + 1, segment + 2))
        else:
            ws.show_message(self.tr("Segment {0} is now segments {0} and {1}; its translation "
                                    "could not be split with it and waits in the history "
                                    "(Ctrl+Z puts it back).").format(segment + 1, segment + 2))
        return True

    # -- merge ------------------------------------------------------------------------------

    @Slot()
    def _on_merge_action_triggered(self) -> None:
        self.merge()

    def merge(self, segment: int | None = None) -> bool:
        """Merge the current segment (or *segment*) with the next piece of its paragraph."""
        ws = self.view
        doc = self._idle_doc()
        segment = self._current() if segment is None else segment
        if doc is None or segment is None:
            self._say_why_not()
            return False
        ws.delegate.commit_open_editors()
        if not doc.session.resegmenting.can_merge(segment):
            ws.show_message(self.tr("Segment {0} is the last piece of its paragraph: only "
                                    "pieces of one paragraph are merged.").format(segment + 1),
                            error=True)
            return False
        try:
            done = doc.session.resegmenting.merge(segment)
        except BaylingError as exc:
            ws.show_message(sentence_text(exc), error=True)
            return False
        self._show(doc, done)
        doc.undo.push(ResegmentCommand(self, doc, done, self.tr("Merge segments {0} and {1}")
                                       .format(segment + 1, segment + 2)))
        ws.show_message(self.tr("Segments {0} and {1} are now one.").format(segment + 1,
                                                                           segment + 2))
        return True

    def _say_why_not(self) -> None:
        ws = self.view
        if ws.current is not None and ws.current.project is None:
            ws.show_message(self.tr("Segments can be split and merged only while the work is "
                                    "saved."), error=True)
        elif self.controller.busy:
            ws.show_message(self.tr("Split and merge segments when the translation is done."))

    # -- applying ---------------------------------------------------------------------------

    def apply(self, doc: OpenDocument, change: Resegment) -> Resegment:
        """Apply *change* (undo, redo) to the project and the rows; returns its inverse."""
        try:
            done = doc.session.resegmenting.apply(change)
        except BaylingError as exc:
            # nothing changed, so the steps around this one no longer fit: let them go
            self.view.show_message(sentence_text(exc), error=True)
            QTimer.singleShot(0, doc.undo.clear)
            return change
        self._show(doc, done)
        return done.undo

    def _show(self, doc: OpenDocument, done: Resegmented) -> None:
        """Bring the rows, sizes and per-segment notes in line with the project."""
        project = doc.session.project
        assert project is not None
        start, count, removed = done.start, done.count, done.removed
        delta = count - removed
        units = {unit.id: unit for unit in doc.session.units()[start:start + count]}
        rows = []
        for position in range(start, start + count):
            saved = project.segments[position]
            unit = units.get(saved.unit_id)
            rows.append(SegmentRow(position, saved.unit_id, saved.source, saved.target,
                                   saved.status, list(saved.flags),
                                   timing=cue_timing(unit) if unit is not None else None,
                                   target_lang=project.target_lang))
        doc.rows[start:start + removed] = rows
        doc.sizes[start:start + removed] = [(count_words(r.source), count_chars(r.source))
                                            for r in rows]
        for position in range(start + count, len(doc.rows)):
            doc.rows[position].idx = position
        for position, row in enumerate(doc.rows):
            row.unit_id = project.segments[position].unit_id
        doc.explanations = _shifted(doc.explanations, start, removed, delta)
        doc.proposals = _shifted(doc.proposals, start, removed, delta)
        ws = self.view
        if doc is ws.current:
            self.controller.revising.clear()
            ws.model.set_rows(doc.rows)
            ws._fit_number_column(len(doc.rows))
            ws.refit_rows()
            ws.select_segment(start)
            ws.update_progress()
            ws.update_counts()
            ws.update_actions()
            self.controller.matches.scan(doc)  # the new rows' memory matches
        doc.selected = start


def _shifted(notes: dict[int, _V], start: int, removed: int, delta: int) -> dict[int, _V]:
    """Per-segment notes after segments from *start* were replaced: those of the replaced
    segments go, later ones move with their segments."""
    return {(key + delta if key >= start + removed else key): value
            for key, value in notes.items() if not start <= key < start + removed}
