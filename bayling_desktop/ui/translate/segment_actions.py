"""What a translator does to a segment, from the right-click menu, the Segment menu and
the keyboard alike: one QAction each, so the three can never disagree.

Copy source to target, clear, approve, revise, add a term, search the memory — each
acts on the selected rows (revise, add term and search on the current one), goes
through the document's undo stack as one step, and is checked like any edit.
"""

from __future__ import annotations

import weakref
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QWidget,
)

from ...translation.glossary import Glossary, Term
from .open_document import SetTarget
from .parts import ViewPart

if TYPE_CHECKING:
    from .workspace_view import TranslateWorkspace

#: a source this short is likely a term itself: the Add term dialog starts with it
TERM_PREFILL_CHARS = 40


class AddTermDialog(QDialog):
    """Two fields: the source term and its required translation."""

    def __init__(self, source: str, target: str, parent: QWidget) -> None:
        super().__init__(parent)
        self.source_edit = QLineEdit(source, self)
        self.target_edit = QLineEdit(target, self)
        self.source_label, self.target_label = QLabel(self), QLabel(self)
        form = QFormLayout(self)
        form.addRow(self.source_label, self.source_edit)
        form.addRow(self.target_label, self.target_edit)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)
        self.setWindowTitle(self.tr("Add a term to the glossary"))
        self.source_label.setText(self.tr("Source term:"))
        self.target_label.setText(self.tr("Translation:"))

    def term(self) -> Term | None:
        source, target = self.source_edit.text().strip(), self.target_edit.text().strip()
        return Term(source, target) if source and target else None


class SegmentActions(ViewPart):
    def __init__(self, workspace: TranslateWorkspace) -> None:
        super().__init__(workspace)
        self.copy_source = self._action("Ctrl+Shift+R", self.copy_source_to_target)
        self.clear = self._action("Ctrl+Shift+D", self.clear_targets)
        self.approve = self._action("Ctrl+Shift+A", workspace.approve_selected)
        self.revise = self._action("Ctrl+R", self.revise_current)
        self.add_term = self._action("Ctrl+Shift+T", self.add_term_dialog)
        self.search_memory = self._action("Ctrl+Shift+K", self.search_memory_for_current)
        self.all = [self.copy_source, self.clear, self.approve, self.revise, self.add_term,
                    self.search_memory]
        # spelling is checked as one types in the cell (Segment ▸ Check spelling, F7)
        self.check_spelling = self._action("F7", self._on_check_spelling_toggled)
        self.check_spelling.setCheckable(True)
        self.check_spelling.setChecked(True)
        workspace.delegate.spelling_for = weakref.WeakMethod(self.spelling_language)
        from .spelling_highlight import SpellingHighlighter

        panel = workspace.revision  # the proposal box is checked the same way
        self._panel_spelling = SpellingHighlighter(
            panel.candidate.document(), self.spelling_language, lambda: panel._source)
        from .segment_split import SegmentSplitting

        #: Split segment (Ctrl+T), Merge with next segment (Ctrl+J)
        self.splitting = SegmentSplitting(workspace)
        table = workspace.table
        table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        table.customContextMenuRequested.connect(self._on_table_context_menu_requested)
        workspace.installEventFilter(self)
        self.retranslate()

    def _action(self, keys: str, slot: object) -> QAction:
        view = self.view
        action = QAction(view)
        action.setShortcut(QKeySequence(keys))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(slot)
        view.addAction(action)
        return action

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        return super().eventFilter(watched, event)

    def retranslate(self) -> None:
        for action, text in ((self.copy_source, self.tr("Copy source to target")),
                             (self.clear, self.tr("Clear translation")),
                             (self.approve, self.tr("Approve")),
                             (self.revise, self.tr("Revise with BayLing…")),
                             (self.add_term, self.tr("Add term…")),
                             (self.search_memory, self.tr("Search memory for this segment")),
                             (self.check_spelling, self.tr("Check spelling as you type"))):
            action.setText(text)
        if hasattr(self, "splitting"):
            self.splitting.retranslate()
        # the workspace's own shortcuts get names too (Help ▸ Keyboard shortcuts lists them)
        names = {"next_untranslated": self.tr("Next untranslated"),
                 "next_flagged": self.tr("Next flagged"),
                 "concordance": self.tr("Concordance")}
        for name, action in self.view.shortcuts.items():
            action.setText(names.get(name, action.text()))

    def spelling_language(self) -> str:
        """The target language when spelling is checked and it has a word list, else ""."""
        from ...translation.spelling import supported

        if not self.check_spelling.isChecked():
            return ""
        code = self.view.target_language().code
        return code if supported(code) else ""

    def _on_check_spelling_toggled(self) -> None:
        ws = self.view
        self._panel_spelling.rehighlight()
        from ..i18n import language_label

        ws.show_message(self.tr("Spelling is checked as you type in {0}.").format(
            language_label(ws.target_language())) if self.spelling_language()
            else self.tr("Spelling is not checked."))

    def update_enabled(self) -> None:
        has_doc = self.view.current is not None and not self.controller.runs.running
        for action in self.all:
            action.setEnabled(has_doc)
        self.splitting.update_enabled()

    # -- the menu -------------------------------------------------------------------------

    def menu(self) -> QMenu:
        """The right-click menu (built each time: the actions say what they can do now)."""
        self.update_enabled()
        menu = QMenu(self.view.table)
        for action in self.all[:3]:
            menu.addAction(action)
        menu.addSeparator()
        for action in self.all[3:]:
            menu.addAction(action)
        menu.addSeparator()
        menu.addActions(self.splitting.actions)
        return menu

    @Slot(QPoint)
    def _on_table_context_menu_requested(self, position: QPoint) -> None:
        table = self.view.table
        index = table.indexAt(position)
        if index.isValid() and not table.selectionModel().isRowSelected(index.row()):
            self.view.select_segment(self.view.filter.mapToSource(index).row())
        menu = self.menu()
        menu.exec(table.viewport().mapToGlobal(position))
        menu.deleteLater()

    # -- what they do -----------------------------------------------------------------------

    def _current(self) -> int | None:
        index = self.view.table.currentIndex()
        return self.view.filter.mapToSource(index).row() if index.isValid() else None

    def _set_targets(self, segments: list[int], text_for: object, status: str,
                     label: str) -> int:
        ws = self.view
        doc = ws.current
        if doc is None or self.controller.runs.running or not segments:
            return 0
        ws.delegate.commit_open_editors()
        changes = [(s, text_for(doc.rows[s])) for s in segments]  # type: ignore[operator]
        changes = [(s, t) for s, t in changes if (t, status) != (doc.rows[s].target,
                                                                  doc.rows[s].status)]
        if not changes:
            return 0
        doc.undo.beginMacro(label.format(len(changes)))
        for segment, text in changes:
            doc.undo.push(SetTarget(self.controller.editing, doc, segment, text, status, ""))
        doc.undo.endMacro()
        ws.update_counts()
        return len(changes)

    def copy_source_to_target(self) -> int:
        """The source as the translation (names, codes, numbers): *edited*, checked."""
        return self._set_targets(self.view.selected_segments(), lambda row: row.source,
                                 "edited", self.tr("Copy source to {0} segments"))

    def clear_targets(self) -> int:
        """Empty the translation: the segment is *new* again and will be translated."""
        return self._set_targets([s for s in self.view.selected_segments()
                                  if self.view.current is not None
                                  and self.view.current.rows[s].target],
                                 lambda _row: "", "new", self.tr("Clear {0} segments"))

    def revise_current(self) -> None:
        """Put the cursor in the revision box of the current segment."""
        segment = self._current()
        if segment is None:
            return
        self.controller.revising.show_segment(segment)
        self.view.revision.instruction.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def add_term_dialog(self, run: bool = True) -> AddTermDialog | None:
        """Add a term to the document's glossary (the checks use it at once)."""
        ws = self.view
        doc = ws.current
        if doc is None:
            return None
        segment = self._current()
        source = doc.rows[segment].source.strip() if segment is not None else ""
        target = doc.rows[segment].target.strip() if segment is not None else ""
        short = len(source) <= TERM_PREFILL_CHARS
        dialog = AddTermDialog(source if short else "", target if short else "",
                               self.view)
        if run and dialog.exec():
            self.add_term_from(dialog)
        return dialog

    def add_term_from(self, dialog: AddTermDialog) -> bool:
        ws = self.view
        term = dialog.term()
        if ws.current is None or term is None:
            return False
        self.view.glossary_actions.set_glossary(Glossary([*ws.current.glossary.terms, term]))
        ws.show_message(self.tr("Term added: {0} → {1}").format(term.source, term.target))
        return True

    def search_memory_for_current(self) -> None:
        """The concordance, searching this segment's source."""
        doc = self.view.current
        segment = self._current()
        dialog = self.view.open_concordance()
        if doc is not None and segment is not None:
            dialog.search_for(doc.rows[segment].source)
