"""Edit ▸ Undo/Redo for whichever workspace is on screen.

The chat keeps one undo stack; the Translate workspace keeps one per document in its
own ``QUndoGroup`` (a stack can belong to only one group, so the main window must not
add those stacks to a group of its own). The router forwards the menu actions to the
visible workspace's history and keeps their enabled state in step with it.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Slot
from PySide6.QtGui import QAction, QUndoGroup, QUndoStack

History = QUndoGroup | QUndoStack


class UndoRouter(QObject):
    def __init__(self, undo: QAction, redo: QAction, histories: tuple[History, ...],
                 active: Callable[[], History], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._undo = undo
        self._redo = redo
        self._active = active
        self._attached = True
        undo.triggered.connect(self._on_undo_triggered)
        redo.triggered.connect(self._on_redo_triggered)
        for history in histories:
            history.canUndoChanged.connect(self._on_history_changed)
            history.canRedoChanged.connect(self._on_history_changed)
        self.update()

    @Slot()
    def detach(self) -> None:
        """The window is being torn down: stacks emitting on their way out change nothing."""
        self._attached = False

    def update(self) -> None:
        """Call when the visible workspace changes."""
        if not self._attached:
            return
        history = self._active()
        self._undo.setEnabled(history.canUndo())
        self._redo.setEnabled(history.canRedo())

    @Slot()
    def _on_undo_triggered(self) -> None:
        self._active().undo()
        self.update()

    @Slot()
    def _on_redo_triggered(self) -> None:
        self._active().redo()
        self.update()

    @Slot(bool)
    def _on_history_changed(self, _can: bool) -> None:
        self.update()
