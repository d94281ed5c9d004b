"""The Team workspace's place in the main window, built the first time it is shown."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, QTimer, Slot
from PySide6.QtGui import QShowEvent, QUndoStack
from PySide6.QtWidgets import QVBoxLayout, QWidget

from pm_desktop.ui.services_loader import ServicesLoader

if TYPE_CHECKING:
    from pm_desktop.ui.team.workspace import TeamWorkspace


class TeamPage(QWidget):
    def __init__(
        self,
        loader: ServicesLoader,
        settings: QSettings,
        undo_stack: QUndoStack,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("workspace-team")
        self._loader = loader
        self._settings = settings
        self._undo_stack = undo_stack
        self._project_id = ""
        self._workspace: TeamWorkspace | None = None
        self._stale = False
        self._following_history = True
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        undo_stack.indexChanged.connect(self._history_moved)

    @property
    def built(self) -> bool:
        return self._workspace is not None

    @property
    def workspace(self) -> TeamWorkspace:
        if self._workspace is None:
            from pm_desktop.ui.team.workspace import TeamWorkspace

            workspace = TeamWorkspace(self._loader, self._settings, self._undo_stack)
            self._layout.addWidget(workspace)
            self._workspace = workspace
            workspace.set_project(self._project_id)
        return self._workspace

    @Slot(str)
    def set_project(self, project_id: str) -> None:
        self._project_id = project_id
        if self._workspace is not None:
            if self._workspace.isVisible():
                self._workspace.set_project(project_id)
            else:
                self._workspace.context.project_id = project_id
                self._workspace.raci.set_project_changed()
                self._stale = True

    @Slot(int)
    def _history_moved(self, _index: int = 0) -> None:
        """A step of another workspace done or undone (e.g. a project restored) may change
        the team; the workspace's own commands have refreshed it already."""
        workspace = self._workspace
        if workspace is None or workspace.just_reloaded:
            return
        if workspace.isVisible():
            workspace.reload()
        else:
            self._stale = True

    def disconnect_history(self) -> None:
        """Stop following the undo history (the window is closing)."""
        if self._following_history:
            self._following_history = False
            self._undo_stack.indexChanged.disconnect(self._history_moved)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._workspace is None:
            QTimer.singleShot(0, self._build)
        elif self._stale:
            self._stale = False
            self._workspace.reload()

    def _build(self) -> None:
        _ = self.workspace
