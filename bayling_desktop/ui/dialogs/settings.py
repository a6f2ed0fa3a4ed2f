"""The Settings dialog: a form over config.Settings that hands back an edited copy."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import QEvent, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ...config import Settings

PROMPT_FORMATS = ("auto", "bayling-v1", "bayling-3", "gguf", "plain")
# fields that need the model reloaded when they change
MODEL_FIELDS = ("model_path", "prompt_format", "format_overrides", "context_length", "threads",
                "batch_size", "gpu_layers", "backend", "remote_base_url", "remote_model")
# (value, label) - language names are written in their own language, never translated
UI_LANGUAGES = (("system", None), ("en", "English"), ("zh_CN", "简体中文"))


def model_settings_changed(old: Settings, new: Settings) -> bool:
    return any(getattr(old, name) != getattr(new, name) for name in MODEL_FIELDS)


class SettingsDialog(QDialog):
    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._original = settings
        self.model_edit = QLineEdit(self)
        self.browse_button = QPushButton(self)
        self.format_combo = QComboBox(self)
        self.format_combo.addItems(list(PROMPT_FORMATS))
        self.context_spin = QSpinBox(self)
        self.context_spin.setRange(256, 131_072)
        self.context_spin.setSingleStep(512)
        self.threads_spin = QSpinBox(self)
        self.threads_spin.setRange(0, 256)
        self.gpu_layers_spin = QSpinBox(self)
        self.gpu_layers_spin.setRange(-1, 999)
        self.temperature_spin = self._float_spin(0.0, 2.0, 0.05)
        self.top_p_spin = self._float_spin(0.0, 1.0, 0.05)
        self.max_tokens_spin = QSpinBox(self)
        self.max_tokens_spin.setRange(16, 8192)
        self.translation_temperature_spin = self._float_spin(0.0, 2.0, 0.05)
        self.language_combo = QComboBox(self)
        self.theme_combo = QComboBox(self)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel, self)

        model_row = QHBoxLayout()
        model_row.addWidget(self.model_edit, 1)
        model_row.addWidget(self.browse_button)
        self.model_group = QGroupBox(self)
        self.model_form = QFormLayout(self.model_group)
        self.model_form.addRow(QLabel(self), model_row)
        self.model_form.addRow(QLabel(self), self.format_combo)
        self.model_form.addRow(QLabel(self), self.context_spin)
        self.model_form.addRow(QLabel(self), self.threads_spin)
        self.model_form.addRow(QLabel(self), self.gpu_layers_spin)
        self.generation_group = QGroupBox(self)
        self.generation_form = QFormLayout(self.generation_group)
        self.generation_form.addRow(QLabel(self), self.temperature_spin)
        self.generation_form.addRow(QLabel(self), self.top_p_spin)
        self.generation_form.addRow(QLabel(self), self.max_tokens_spin)
        self.generation_form.addRow(QLabel(self), self.translation_temperature_spin)
        self.interface_group = QGroupBox(self)
        self.interface_form = QFormLayout(self.interface_group)
        self.interface_form.addRow(QLabel(self), self.language_combo)
        self.interface_form.addRow(QLabel(self), self.theme_combo)
        layout = QVBoxLayout(self)
        layout.addWidget(self.model_group)
        layout.addWidget(self.generation_group)
        layout.addWidget(self.interface_group)
        layout.addWidget(self.buttons)

        self.browse_button.clicked.connect(self._on_browse_button_clicked)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self._retranslate()
        self._load(settings)

    def _float_spin(self, low: float, high: float, step: float) -> QDoubleSpinBox:
        spin = QDoubleSpinBox(self)
        spin.setRange(low, high)
        spin.setSingleStep(step)
        spin.setDecimals(2)
        return spin

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Settings"))
        self.model_group.setTitle(self.tr("Model"))
        self.generation_group.setTitle(self.tr("Generation"))
        self.interface_group.setTitle(self.tr("Interface"))
        self.browse_button.setText(self.tr("Browse…"))
        self.model_edit.setPlaceholderText(self.tr("Built-in model"))
        self.threads_spin.setSpecialValueText(self.tr("Automatic"))
        labels = ((self.model_form, (self.tr("Model file:"), self.tr("Prompt format:"),
                                     self.tr("Context length:"), self.tr("Threads:"),
                                     self.tr("GPU layers:"))),
                  (self.generation_form, (self.tr("Chat temperature:"), self.tr("Top-p:"),
                                          self.tr("Max tokens:"),
                                          self.tr("Translation temperature:"))),
                  (self.interface_form, (self.tr("Language:"), self.tr("Theme:"))))
        for form, texts in labels:
            for row, text in enumerate(texts):
                item = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
                label = item.widget() if item is not None else None
                if label is not None:
                    label.setProperty("text", text)
        language = self.language_combo.currentData()
        self.language_combo.clear()
        for value, name in UI_LANGUAGES:
            self.language_combo.addItem(name or self.tr("System language"), value)
        self._set_combo(self.language_combo, language or "system")
        theme = self.theme_combo.currentData()
        self.theme_combo.clear()
        for value, name in (("system", self.tr("Follow the system")),
                            ("light", self.tr("Light")), ("dark", self.tr("Dark"))):
            self.theme_combo.addItem(name, value)
        self._set_combo(self.theme_combo, theme or "system")

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    @staticmethod
    def _set_combo(combo: QComboBox, value: str) -> None:
        index = combo.findData(value)
        combo.setCurrentIndex(max(index, 0))

    def _load(self, s: Settings) -> None:
        self.model_edit.setText(s.model_path or "")
        self.format_combo.setCurrentIndex(max(self.format_combo.findText(s.prompt_format), 0))
        self.context_spin.setValue(s.context_length)
        self.threads_spin.setValue(s.threads)
        self.gpu_layers_spin.setValue(s.gpu_layers)
        self.temperature_spin.setValue(s.temperature)
        self.top_p_spin.setValue(s.top_p)
        self.max_tokens_spin.setValue(s.max_tokens)
        self.translation_temperature_spin.setValue(s.translation_temperature)
        self._set_combo(self.language_combo, s.ui_language)
        self._set_combo(self.theme_combo, s.theme)

    def edited_settings(self) -> Settings:
        """A copy of the settings with the form's values; the original is untouched."""
        model = self.model_edit.text().strip()
        return dataclasses.replace(
            self._original,
            model_path=model or None,
            prompt_format=self.format_combo.currentText(),
            context_length=self.context_spin.value(),
            threads=self.threads_spin.value(),
            gpu_layers=self.gpu_layers_spin.value(),
            temperature=round(self.temperature_spin.value(), 2),
            top_p=round(self.top_p_spin.value(), 2),
            max_tokens=self.max_tokens_spin.value(),
            translation_temperature=round(self.translation_temperature_spin.value(), 2),
            ui_language=str(self.language_combo.currentData()),
            theme=str(self.theme_combo.currentData()),
        )

    @Slot()
    def _on_browse_button_clicked(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Choose a model"),
                                              self.model_edit.text(),
                                              self.tr("GGUF models (*.gguf);;All files (*)"))
        if name:
            self.model_edit.setText(name)
