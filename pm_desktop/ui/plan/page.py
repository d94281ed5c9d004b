"""The Plan workspace's place in the main window (see ui/lazy_page.py)."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QSettings
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QWidget

from pm_desktop.ui.lazy_page import LazyWorkspacePage, Workspace
from pm_desktop.ui.services_loader import ServicesLoader

if TYPE_CHECKING:
    from pm_desktop.ui.plan.workspace import PlanWorkspace


class PlanPage(LazyWorkspacePage):
    def __init__(
        self,
        loader: ServicesLoader,
        settings: QSettings,
        undo_stack: QUndoStack,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__("plan", loader, settings, undo_stack, parent)

    def _create_workspace(self) -> tuple[QWidget, Workspace]:
        from pm_desktop.ui.plan.workspace import PlanWorkspace

        workspace = PlanWorkspace(self._loader, self._settings, self._undo_stack)
        return workspace, workspace

    @property
    def workspace(self) -> PlanWorkspace:
        """The workspace, built now if it was not yet."""
        return cast("PlanWorkspace", self._workspace())
