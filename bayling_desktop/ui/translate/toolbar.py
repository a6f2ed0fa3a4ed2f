"""The controls above the segment table: document and languages, run buttons, navigation,
filter and find, progress, counts. Only widgets and their words live here; the
workspace connects them."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ...errors import BaylingError
from ...languages import all_languages, resolve
from ..i18n import language_label
from .segment_filter import EXTRA, FIRST_EXTRA
from .segment_filter import labels as filter_labels


class TranslateToolbar(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.glossary_size = 0
        #: translations the current file already holds (PO, XLIFF, TMX): kept unless asked
        self.kept_count = 0
        self.detected_name = ""
        #: the detected language's code: its name is said anew on a UI language switch
        self.detected_code = ""
        self.paused = False
        self.document_combo = QComboBox(self)
        self.open_button = QPushButton(self)
        self.source_combo = QComboBox(self)
        self.target_combo = QComboBox(self)
        self.swap_button = QToolButton(self)
        self.swap_button.setText("⇄")
        self.source_combo.addItem("", "auto")
        for lang in all_languages():
            self.source_combo.addItem(f"{lang.english} ({lang.code})", lang.code)
            self.target_combo.addItem(f"{lang.english} ({lang.code})", lang.code)
        self.translate_all_button = QPushButton(self)
        self.translate_selected_button = QPushButton(self)
        self.retranslate_check = QCheckBox(self)
        self.retranslate_check.hide()
        self.pause_button = QPushButton(self)
        self.pause_button.setCheckable(True)
        self.stop_button = QPushButton(self)
        self.export_button = QPushButton(self)
        self.glossary_button = QPushButton(self)
        self.undo_button = QToolButton(self)
        self.redo_button = QToolButton(self)
        self.approve_button = QToolButton(self)
        self.next_untranslated_button = QToolButton(self)
        self.next_flagged_button = QToolButton(self)
        self.concordance_button = QToolButton(self)
        self.filter_combo = QComboBox(self)
        # all, untranslated, flagged, five statuses, then the kinds of segment_filter.py
        self.filter_combo.addItems([""] * (FIRST_EXTRA + len(EXTRA)))
        self.find_edit = QLineEdit(self)
        self.find_edit.setClearButtonEnabled(True)
        self.progress = QProgressBar(self)
        self.progress.setTextVisible(True)
        self.eta_label = QLabel(self)
        self.counts_label = QLabel(self)

        top = QHBoxLayout()
        top.addWidget(self.open_button)
        top.addWidget(self.document_combo, 1)
        top.addWidget(self.source_combo)
        top.addWidget(self.swap_button)
        top.addWidget(self.target_combo)
        # top right, where a search box is looked for; the crowded actions row below
        # squeezed it to a stub that showed two letters of its placeholder
        top.addWidget(self.find_edit)
        actions = QHBoxLayout()
        for widget in (self.translate_all_button, self.retranslate_check,
                       self.translate_selected_button, self.pause_button, self.stop_button,
                       self.undo_button, self.redo_button, self.approve_button,
                       self.next_untranslated_button, self.next_flagged_button):
            actions.addWidget(widget)
        actions.addStretch(1)
        extra: tuple[QWidget, ...] = (self.glossary_button, self.concordance_button,
                                      self.filter_combo, self.export_button)
        for other in extra:
            actions.addWidget(other)
        progress = QHBoxLayout()
        progress.addWidget(self.progress, 1)
        progress.addWidget(self.eta_label)
        progress.addWidget(self.counts_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addLayout(actions)
        layout.addLayout(progress)
        self.retranslate()

    def retranslate(self) -> None:
        self.open_button.setText(self.tr("Open…"))
        for combo, first in ((self.source_combo, 1), (self.target_combo, 0)):
            for row, lang in enumerate(all_languages(), start=first):
                combo.setItemText(row, language_label(lang))  # the UI language's names
        if self.detected_code:
            self.detected_name = language_label(resolve(self.detected_code))
        self.source_combo.setItemText(0, self.tr("Detected: {0}").format(self.detected_name)
                                      if self.detected_name else self.tr("Detect language"))
        self.swap_button.setToolTip(self.tr("Swap languages"))
        self.translate_all_button.setText(self.tr("Translate all"))
        self.translate_selected_button.setText(self.tr("Translate selected"))
        self.retranslate_check.setText(self.tr("Also the file's {0} translations").format(
            self.kept_count))
        self.retranslate_check.setToolTip(self.tr(
            "Translate all also translates again what the file was already translated with "
            "(else those translations are kept as they are)"))
        self.pause_button.setText(self.tr("Resume") if self.paused else self.tr("Pause"))
        self.stop_button.setText(self.tr("Stop"))
        self.stop_button.setToolTip(self.tr("Stop translating (Esc)"))
        self.export_button.setText(self.tr("Export…"))
        self.export_button.setToolTip(self.tr("Save the translated document (Ctrl+S)"))
        self.glossary_button.setText(self.tr("Glossary ({0})…").format(self.glossary_size))
        self.glossary_button.setToolTip(self.tr(
            "View and edit the required term translations; import or export CSV and TBX"))
        self.undo_button.setText(self.tr("Undo"))
        self.redo_button.setText(self.tr("Redo"))
        self.approve_button.setText(self.tr("Approve"))
        self.approve_button.setToolTip(self.tr(
            "Approve the selected segments; approved pairs go into the translation memory "
            "(Ctrl+Enter in the editor)"))
        self.next_untranslated_button.setText(self.tr("Next untranslated"))
        self.next_untranslated_button.setToolTip(self.tr("Go to the next untranslated "
                                                         "segment (Ctrl+U)"))
        self.next_flagged_button.setText(self.tr("Next flagged"))
        self.next_flagged_button.setToolTip(self.tr("Go to the next flagged segment (F8)"))
        self.concordance_button.setText(self.tr("Concordance"))
        self.concordance_button.setToolTip(self.tr("Search the translation memory (Ctrl+K)"))
        for number, text in enumerate((self.tr("All segments"), self.tr("Untranslated"),
                                       self.tr("Flagged"), self.tr("Status: new"),
                                       self.tr("Status: draft"), self.tr("Status: edited"),
                                       self.tr("Status: approved"), self.tr("Status: error"),
                                       *filter_labels())):
            self.filter_combo.setItemText(number, text)
        self.find_edit.setPlaceholderText(self.tr("Find in segments (Ctrl+F)"))
        self.find_edit.setMinimumWidth(min(260, self.find_edit.fontMetrics().horizontalAdvance(
            self.find_edit.placeholderText()) + 40))
        self.document_combo.setPlaceholderText(
            self.tr("Open or drop a document (txt, md, docx, srt, po, xliff…)"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    @staticmethod
    def select_language(combo: QComboBox, code: str) -> bool:
        """Show *code* in *combo* (without signals); False when it is not offered."""
        index = combo.findData(code)
        if index < 0 and code != "auto":
            try:
                index = combo.findData(resolve(code).code)
            except BaylingError:
                index = -1
        blocked = combo.blockSignals(True)
        combo.setCurrentIndex(max(index, 0))
        combo.blockSignals(blocked)
        return index >= 0

    # -- what the workspace shows in it ---------------------------------------------------

    def show_document(self, detected: str, glossary_size: int, kept_count: int) -> None:
        """Another document on screen: its detected language (named in the UI language),
        its glossary's size, and the translations its file already holds."""
        self.detected_code, self.detected_name = detected, ""
        self.glossary_size = glossary_size
        self.kept_count = kept_count
        self.retranslate_check.setChecked(False)
        self.retranslate_check.setVisible(kept_count > 0)
        self.retranslate()

    def show_paused(self, paused: bool) -> None:
        self.paused = paused
        self.pause_button.setChecked(paused)
        self.retranslate()

    def show_progress(self, value: int, maximum: int, text: str) -> None:
        self.progress.setRange(0, max(maximum, 1))
        self.progress.setValue(value)
        self.progress.setFormat(text)

    def enable(self, has_doc: bool, batch: bool, revising: bool) -> None:
        """What can be done now: with a document, during a run, during a revision."""
        self.translate_all_button.setEnabled(has_doc and not batch and not revising)
        self.translate_selected_button.setEnabled(has_doc and not batch and not revising)
        self.pause_button.setEnabled(batch)
        self.stop_button.setEnabled(batch or revising)
        self.export_button.setEnabled(has_doc and not batch)
        for button in (self.approve_button, self.next_untranslated_button,
                       self.next_flagged_button, self.glossary_button):
            button.setEnabled(has_doc)
