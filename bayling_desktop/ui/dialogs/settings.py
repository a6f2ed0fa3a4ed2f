"""The Settings dialog: a form over config.Settings that hands back an edited copy."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from PySide6.QtCore import QEvent, Slot
from PySide6.QtWidgets import (
    QCheckBox,
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
from ...errors import BaylingError

PROMPT_FORMATS = ("auto", "bayling-v1", "bayling-3", "gguf", "plain")
# fields that need the model reloaded when they change
MODEL_FIELDS = ("model_path", "prompt_format", "format_overrides", "context_length", "threads",
                "batch_size", "gpu_layers", "parallel_sequences", "backend", "remote_base_url",
                "remote_model")
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
        self.parallel_spin = QSpinBox(self)
        self.parallel_spin.setRange(0, 64)
        self.memory_label = QLabel(self)
        self.memory_label.setWordWrap(True)
        self.temperature_spin = self._float_spin(0.0, 2.0, 0.05)
        self.top_p_spin = self._float_spin(0.0, 1.0, 0.05)
        self.max_tokens_spin = QSpinBox(self)
        self.max_tokens_spin.setRange(16, 8192)
        self.translation_temperature_spin = self._float_spin(0.0, 2.0, 0.05)
        self.comments_check = QCheckBox(self)
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
        self.model_form.addRow(QLabel(self), self.parallel_spin)
        self.model_form.addRow(QLabel(self), self.memory_label)
        self.generation_group = QGroupBox(self)
        self.generation_form = QFormLayout(self.generation_group)
        self.generation_form.addRow(QLabel(self), self.temperature_spin)
        self.generation_form.addRow(QLabel(self), self.top_p_spin)
        self.generation_form.addRow(QLabel(self), self.max_tokens_spin)
        self.generation_form.addRow(QLabel(self), self.translation_temperature_spin)
        self.generation_form.addRow(QLabel(self), self.comments_check)
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
        for spin in (self.context_spin, self.parallel_spin, self.threads_spin,
                     self.gpu_layers_spin):
            spin.valueChanged.connect(self._on_model_value_changed)
        self.model_edit.textChanged.connect(self._on_model_value_changed)
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
        self.parallel_spin.setSpecialValueText(self.tr("Automatic"))
        self.comments_check.setText(self.tr("Translate comments (Word, ODF and Excel files)"))
        self.comments_check.setToolTip(self.tr(
            "Comments are notes to the author; when this is off a document says how many "
            "it left untranslated. Takes effect for documents opened afterwards."))
        self.parallel_spin.setToolTip(self.tr(
            "How many segments, chats and revisions the model works on at once. More "
            "sequences translate a document faster but each needs its own context memory."))
        labels = ((self.model_form, (self.tr("Model file:"), self.tr("Prompt format:"),
                                     self.tr("Context length:"), self.tr("Threads:"),
                                     self.tr("GPU layers:"), self.tr("Parallel sequences:"),
                                     self.tr("Memory:"))),
                  (self.generation_form, (self.tr("Chat temperature:"), self.tr("Top-p:"),
                                          self.tr("Max tokens:"),
                                          self.tr("Translation temperature:"),
                                          self.tr("Documents:"))),
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
        self._show_memory()

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
        self.parallel_spin.setValue(s.parallel_sequences)
        self.temperature_spin.setValue(s.temperature)
        self.top_p_spin.setValue(s.top_p)
        self.max_tokens_spin.setValue(s.max_tokens)
        self.translation_temperature_spin.setValue(s.translation_temperature)
        self.comments_check.setChecked(s.translate_comments)
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
            parallel_sequences=self.parallel_spin.value(),
            temperature=round(self.temperature_spin.value(), 2),
            top_p=round(self.top_p_spin.value(), 2),
            max_tokens=self.max_tokens_spin.value(),
            translation_temperature=round(self.translation_temperature_spin.value(), 2),
            translate_comments=self.comments_check.isChecked(),
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

    @Slot()
    def _on_model_value_changed(self) -> None:
        self._show_memory()

    def _show_memory(self) -> None:
        """What the chosen model and sequences will take, said before anything loads."""
        estimate = estimate_memory(self.edited_settings())
        if estimate is None:
            self.memory_label.setText(self.tr("Known once the model file is chosen."))
            return
        sequences, model_gib, kv_mib, total_gib = estimate
        text = self.tr("About {0:.1f} GiB: the model {1:.1f} GiB + {2} × {3:.0f} MiB of "
                       "context memory.").format(total_gib, model_gib, sequences, kv_mib)
        if self.parallel_spin.value() == 0:
            text += " " + self.tr("Automatic picks {0} parallel sequences here.").format(
                sequences)
        self.memory_label.setText(text)


def _model_file(settings: Settings) -> Path | None:
    if settings.model_path:
        return Path(settings.model_path).expanduser()
    from ...models.embedded import DEFAULT_MODEL
    from ...paths import embedded_models_dir

    built_in = embedded_models_dir() / DEFAULT_MODEL.file_name
    return built_in if built_in.is_file() else None


def estimate_memory(settings: Settings) -> tuple[int, float, float, float] | None:
    """(sequences, model GiB, KV MiB per sequence, total GiB) from the GGUF header alone.

    The engine's own rule (``engine.capacity``) picks the number of sequences, so the
    dialog says what loading will actually do; None when the file cannot be read.
    """
    if settings.backend != "local":
        return None
    path = _model_file(settings)
    if path is None or not path.is_file():
        return None
    from ...engine.capacity import available_memory, choose_parallel, kv_bytes_per_token
    from ...engine.gguf_info import read_gguf_info
    from ...engine.llama import default_threads

    try:
        info = read_gguf_info(path)
    except BaylingError:
        return None
    meta, arch = info.metadata, info.architecture

    def number(key: str, default: int = 0) -> int:
        value = meta.get(f"{arch}.{key}")
        if isinstance(value, list):  # per-layer values: the largest decides
            value = max((v for v in value if isinstance(v, int)), default=default)
        return int(value) if isinstance(value, int | float) else default

    layers = number("block_count")
    heads = max(1, number("attention.head_count", 1))
    kv_heads = number("attention.head_count_kv", heads) or heads
    head_dim = number("attention.key_length") or number("embedding_length") // heads
    context = min(settings.context_length, info.context_length or settings.context_length)
    choice = choose_parallel(
        settings.parallel_sequences, cores=settings.threads or default_threads(),
        gpu=settings.gpu_layers != 0, context_length=context, model_bytes=info.file_size,
        kv_per_token=kv_bytes_per_token(layers, kv_heads, head_dim),
        available=available_memory())
    per_sequence = context * kv_bytes_per_token(layers, kv_heads, head_dim)
    total = info.file_size + choice.sequences * per_sequence
    return choice.sequences, info.file_size / 2**30, per_sequence / 2**20, total / 2**30
