"""The Stakeholders workspace's place in the main window, built the first time it is shown.

The number of open warnings shows on the navigation entry from the start, so the page counts
them itself (a few milliseconds) until the workspace is built and takes over.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, QTimer, Signal, Slot
from PySide6.QtGui import QShowEvent, QUndoStack
from PySide6.QtWidgets import QVBoxLayout, QWidget

from pm_desktop.core.errors import PmError
from pm_desktop.core.stakeholder_health import DEFAULT_STRONG_C_DAYS
from pm_desktop.ui.services_loader import ServicesLoader

if TYPE_CHECKING:
    from pm_desktop.ui.stakeholders.workspace import StakeholdersWorkspace

STRONG_C_DAYS_KEY = "stakeholders/strongCDays"


class StakeholdersPage(QWidget):
    meetingRequested = Signal(str)
    warningCountChanged = Signal(int)

    def __init__(
        self,
        loader: ServicesLoader,
        settings: QSettings,
        undo_stack: QUndoStack,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("workspace-stakeholders")
        self._loader = loader
        self._settings = settings
        self._undo_stack = undo_stack
        self._project_id = ""
        self._workspace: StakeholdersWorkspace | None = None
        self._stale = False
        self._following_history = True
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        loader.ready.connect(self.count_warnings)
        undo_stack.indexChanged.connect(self._history_moved)

    @property
    def built(self) -> bool:
        return self._workspace is not None

    @property
    def workspace(self) -> StakeholdersWorkspace:
        if self._workspace is None:
            from pm_desktop.ui.stakeholders.workspace import StakeholdersWorkspace

            workspace = StakeholdersWorkspace(self._loader, self._settings, self._undo_stack)
            workspace.meetingRequested.connect(self.meetingRequested)
            workspace.warningCountChanged.connect(self.warningCountChanged)
            self._layout.addWidget(workspace)
            self._workspace = workspace
            workspace.set_project(self._project_id)
        return self._workspace

    @Slot(str)
    def set_project(self, project_id: str) -> None:
        self._project_id = project_id
        if self._workspace is not None:
            self._workspace.set_project(project_id)
        else:
            self.count_warnings()

    def flush(self) -> None:
        """Save edits typed but not yet saved (see StakeholderDetail.flush)."""
        if self._workspace is not None:
            self._workspace.detail.flush()

    @Slot(int)
    def _history_moved(self, _index: int = 0) -> None:
        """Any step done or undone (a meeting's too) may change the warnings; the workspace's
        own commands have refreshed it already."""
        if self._workspace is not None and self._workspace.just_reloaded:
            return
        self.count_warnings()

    @Slot()
    @Slot(int)
    def count_warnings(self, _row: int = 0) -> None:
        """Refresh the warnings: the whole workspace when it is on screen, else only the count
        on the navigation entry (the workspace catches up when it is shown again)."""
        if self._workspace is not None and self._workspace.isVisible():
            self._workspace.reload()
            return
        self._stale = self._workspace is not None
        count = 0
        if self._project_id and self._loader.is_ready:
            days = int(str(self._settings.value(STRONG_C_DAYS_KEY, DEFAULT_STRONG_C_DAYS)))
            try:
                count = len(
                    self._loader.get().stakeholders.health(self._project_id, strong_c_days=days)
                )
            except PmError:
                count = 0  # the database could not be read; the status bar says why
        self.warningCountChanged.emit(count)

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
