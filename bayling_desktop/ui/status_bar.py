"""The status bar's model part: which model, its prompt format, context use and speed.

The model is named as the model library names it (the GGUF's own ``general.name`` is
often a leftover such as "… AWQ"), and the prompt format is said once, in its own
label. While the model works, a timer polls the backend's ``activity()`` (when it has
one) for the aggregate speed and how many sequences are decoding. Speed is a fact about
work in progress: when the model is idle the label is empty (the last reply's speed is
in the context label's tooltip), never a stale "13 sequences".
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer, Slot
from PySide6.QtWidgets import QLabel, QProgressBar, QStatusBar

from ..sentences import Sentence
from .sentence_text import sentence_text
from .worker import ChatResult, ModelClient

ACTIVITY_INTERVAL_MS = 500


class ModelStatus(QObject):
    def __init__(self, client: ModelClient, bar: QStatusBar) -> None:
        super().__init__(bar)
        self.client = client
        self.model_label = QLabel(bar)
        self.load_bar = QProgressBar(bar)
        self.load_bar.setMaximumWidth(120)
        self.load_bar.setRange(0, 0)
        self.load_bar.hide()
        self.format_label = QLabel(bar)
        self.context_label = QLabel(bar)
        self.speed_label = QLabel(bar)
        bar.addWidget(self.model_label, 1)
        bar.addWidget(self.load_bar)
        for label in (self.format_label, self.context_label, self.speed_label):
            bar.addPermanentWidget(label)
        self._timer = QTimer(self)
        self._timer.setInterval(ACTIVITY_INTERVAL_MS)
        self._timer.timeout.connect(self._on_timer_timeout)
        # the latest numbers, kept so a language switch can re-say them
        self._context: tuple[int, int] | None = None
        self._speed: float | None = None
        self._running = 0
        client.modelLoading.connect(self._on_client_model_loading)
        client.modelLoadProgress.connect(self._on_client_model_load_progress)
        client.modelLoaded.connect(self._on_client_model_loaded)
        client.modelFailed.connect(self._on_client_model_failed)
        client.busyChanged.connect(self._on_client_busy_changed)
        bar.installEventFilter(self)
        self.retranslate()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        return super().eventFilter(watched, event)

    def retranslate(self) -> None:
        summary = self.client.summary
        if self.client.loading:
            self.model_label.setText(self.tr("Loading the model…"))
        elif summary is not None:
            self.model_label.setText(summary.name or summary.description)
        elif self.client.load_error:
            self.model_label.setText(self.tr("No model: {0}").format(
                sentence_text(self.client.load_error)))
        else:
            self.model_label.setText(self.tr("No model loaded"))
        if summary is None:
            self.format_label.clear()
            self.context_label.clear()
            self.speed_label.clear()
            self._context = self._speed = None
            return
        self.format_label.setText(self.tr("Format: {0}").format(summary.format_name)
                                  if summary.format_name else "")
        tip = summary.description
        if summary.parallel > 1:
            tip += "\n" + self.tr("Up to {0} sequences at once: chats and revisions run "
                                  "beside a document translation.").format(summary.parallel)
        self.model_label.setToolTip(tip)
        if self._context is not None:
            self.context_label.setText(self.tr("Context: {0} / {1}").format(*self._context))
        self._show_speed()

    def _show_speed(self) -> None:
        if self._speed is None or not self.client.busy:
            self.speed_label.clear()
        elif self._running > 1:
            self.speed_label.setText(self.tr("{0:.1f} tokens/s · {1} sequences").format(
                self._speed, self._running))
        else:
            self.speed_label.setText(self.tr("{0:.1f} tokens/s").format(self._speed))

    def show_stats(self, result: ChatResult) -> None:
        self._context = (result.prompt_tokens + result.completion_tokens,
                         result.context_length)
        self.context_label.setText(self.tr("Context: {0} / {1}").format(*self._context))
        if result.tokens_per_second > 0:
            self.context_label.setToolTip(self.tr("Last reply: {0:.1f} tokens/s").format(
                result.tokens_per_second))
            self.show_speed(result.tokens_per_second)

    def show_speed(self, tokens_per_second: float, running: int = 1) -> None:
        self._speed = tokens_per_second
        self._running = running
        self._show_speed()

    @Slot()
    def _on_timer_timeout(self) -> None:
        activity = self.client.activity()
        if activity is not None and activity.running > 0:
            self.show_speed(activity.tokens_per_second, activity.running)
        elif activity is not None:  # a paused run: the job is open, nothing decodes
            self._speed = None
            self._show_speed()

    @Slot(bool)
    def _on_client_busy_changed(self, busy: bool) -> None:
        if busy and self.client.activity() is not None:
            self._timer.start()
        else:
            self._timer.stop()
        if not busy:  # nothing decodes: no speed, no sequences
            self._running = 0
            self._show_speed()

    @Slot()
    def _on_client_model_loading(self) -> None:
        self.load_bar.setRange(0, 0)
        self.load_bar.show()
        self.retranslate()

    @Slot(int, int)
    def _on_client_model_load_progress(self, done: int, total: int) -> None:
        self.load_bar.setRange(0, total)
        self.load_bar.setValue(done)

    @Slot(str)
    def _on_client_model_loaded(self, _description: str) -> None:
        self.load_bar.hide()
        self.model_label.setToolTip("")
        self.retranslate()

    @Slot(object)
    def _on_client_model_failed(self, message: Sentence) -> None:
        self.load_bar.hide()
        self.retranslate()
        self.model_label.setToolTip(sentence_text(message))
