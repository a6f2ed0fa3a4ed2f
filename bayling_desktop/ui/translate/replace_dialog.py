"""Find and replace in the translations (Ctrl+H): a preview first, then one undo step.

The plan comes from ``translation/replace.py``; this dialog shows it (segment, text now,
text after) as the user types, and *Replace all* applies it through the document's
undo stack as one macro, so Ctrl+Z brings every segment back at once. Replaced
segments become *edited* (a person changed them) and are checked again like any edit.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, QTimer, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...translation.replace import Replacement, plan_replacements
from .open_document import SetTarget

if TYPE_CHECKING:
    from .workspace_controller import WorkspaceController
    from .workspace_view import TranslateWorkspace

#: rows shown in the preview; the summary line counts them all
PREVIEW_ROWS = 500


class ReplaceDialog(QDialog):
    def __init__(self, controller: WorkspaceController, parent: QWidget) -> None:
        super().__init__(parent)
        self.controller = controller
        self.plan: list[Replacement] = []
        self.find_edit = QLineEdit(self)
        self.replace_edit = QLineEdit(self)
        self.case_box = QCheckBox(self)
        self.words_box = QCheckBox(self)
        self.preview = QTableWidget(0, 3, self)
        self.preview.verticalHeader().hide()
        self.preview.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.preview.setWordWrap(True)
        header = self.preview.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.summary = QLabel(self)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.replace_button = QPushButton(self)
        self.buttons.addButton(self.replace_button, QDialogButtonBox.ButtonRole.ApplyRole)
        for button in self.buttons.buttons():  # Enter in a field must not close or replace
            if isinstance(button, QPushButton):
                button.setAutoDefault(False)
                button.setDefault(False)
        self.find_label, self.replace_label = QLabel(self), QLabel(self)
        self.form = QFormLayout()
        self.form.addRow(self.find_label, self.find_edit)
        self.form.addRow(self.replace_label, self.replace_edit)
        self.form.addRow("", self.case_box)
        self.form.addRow("", self.words_box)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.preview, 1)
        layout.addWidget(self.summary)
        layout.addWidget(self.buttons)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(120)
        self._timer.timeout.connect(self.refresh)
        for edit in (self.find_edit, self.replace_edit):
            edit.textChanged.connect(self._timer.start)
        for box in (self.case_box, self.words_box):
            box.toggled.connect(self._timer.start)
        self.replace_button.clicked.connect(self.replace_all)
        self.buttons.rejected.connect(self.reject)
        self.resize(760, 460)
        self.retranslate()
        self.refresh()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Replace in translations"))
        self.find_label.setText(self.tr("Find:"))
        self.replace_label.setText(self.tr("Replace with:"))
        self.case_box.setText(self.tr("Match case"))
        self.words_box.setText(self.tr("Whole words"))
        self.replace_button.setText(self.tr("Replace all"))
        self.preview.setHorizontalHeaderLabels(["#", self.tr("Translation now"),
                                                self.tr("After replacing")])
        self._say_summary()

    @Slot()
    def refresh(self) -> None:
        """Plan again from the rows on screen and show the preview."""
        self._timer.stop()
        doc = self.controller.current
        rows = doc.rows if doc is not None else []
        self.plan = plan_replacements(((r.idx, r.target) for r in rows if r.target),
                                      self.find_edit.text(), self.replace_edit.text(),
                                      match_case=self.case_box.isChecked(),
                                      whole_words=self.words_box.isChecked())
        shown = self.plan[:PREVIEW_ROWS]
        self.preview.setRowCount(len(shown))
        for row, change in enumerate(shown):
            number = QTableWidgetItem(str(change.index + 1))
            number.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.preview.setItem(row, 0, number)
            self.preview.setItem(row, 1, QTableWidgetItem(change.before))
            self.preview.setItem(row, 2, QTableWidgetItem(change.after))
        self.replace_button.setEnabled(bool(self.plan) and not self.controller.runs.running)
        self._say_summary()

    def _say_summary(self) -> None:
        if not self.find_edit.text():
            self.summary.setText(self.tr("Only translations are searched; the source is "
                                         "never changed."))
        elif not self.plan:
            self.summary.setText(self.tr("No translation contains “{0}”.").format(
                self.find_edit.text()))
        else:
            count = sum(change.count for change in self.plan)
            self.summary.setText(self.tr("{0} replacements in {1} segments. One Undo (Ctrl+Z) "
                                         "takes them all back.").format(count, len(self.plan)))

    @Slot()
    def replace_all(self) -> int:
        """Apply the plan as one undo step; returns how many segments changed."""
        ctl = self.controller
        doc = ctl.current
        if doc is None or ctl.runs.running:
            return 0
        ctl.commitEdits.emit()
        self.refresh()  # what is applied is what the rows hold now
        if not self.plan:
            return 0
        doc.undo.beginMacro(self.tr("Replace “{0}” with “{1}” in {2} segments").format(
            self.find_edit.text(), self.replace_edit.text(), len(self.plan)))
        for change in self.plan:
            doc.undo.push(SetTarget(ctl.editing, doc, change.index, change.after, "edited", ""))
        doc.undo.endMacro()
        changed = len(self.plan)
        ctl.say(self.tr("Replaced in {0} segments.").format(changed))
        self.refresh()
        return changed


def open_replace(workspace: TranslateWorkspace) -> ReplaceDialog | None:
    """Edit ▸ Replace… (Ctrl+H): the dialog, its Find box filled from the find bar."""
    if workspace.current is None:
        return None
    dialog: ReplaceDialog | None = getattr(workspace, "_replace_dialog", None)
    if dialog is None:
        dialog = ReplaceDialog(workspace.controller, workspace)
        workspace._replace_dialog = dialog  # type: ignore[attr-defined]
    needle = workspace.find_edit.text().strip()
    if needle and not dialog.find_edit.text():
        dialog.find_edit.setText(needle)
    dialog.refresh()
    dialog.show()
    dialog.find_edit.setFocus()
    return dialog
