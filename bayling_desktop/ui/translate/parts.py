"""The bases of the Translate workspace's parts: the controller's (opening, runs, edits,
revision, memory column) and the view's (find box, segment actions, pickers). Each is a
Qt child of its owner and reaches it as its parent."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QObject

if TYPE_CHECKING:
    from .workspace_controller import WorkspaceController
    from .workspace_view import TranslateWorkspace


class Part(QObject):
    """A piece of the controller. It holds no Python reference back to it (Qt's parent
    link is enough), so no reference cycle is left to the cycle collector, which may run
    on a loader or model thread, where destroying Qt objects crashes the process."""

    def __init__(self, controller: WorkspaceController) -> None:
        super().__init__(controller)

    @property
    def controller(self) -> WorkspaceController:
        return cast("WorkspaceController", self.parent())


class ViewPart(QObject):
    """A piece of the view (find box, segment actions, pickers): a Qt child of the view
    that reaches it, and through it the controller, as its parent."""

    def __init__(self, view: TranslateWorkspace) -> None:
        super().__init__(view)

    @property
    def view(self) -> TranslateWorkspace:
        return cast("TranslateWorkspace", self.parent())

    @property
    def controller(self) -> WorkspaceController:
        return self.view.controller
