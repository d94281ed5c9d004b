"""The Stakeholders workspace's place in the main window (see ui/lazy_page.py).

The number of open warnings shows on the navigation entry from the start, so the page counts
them itself (a few milliseconds) whenever the workspace is not on screen.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QSettings, Signal, Slot
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QWidget

from pm_desktop.core.errors import PmError
from pm_desktop.core.stakeholder_health import DEFAULT_STRONG_C_DAYS
from pm_desktop.ui.lazy_page import LazyWorkspacePage, Workspace
from pm_desktop.ui.services_loader import ServicesLoader

if TYPE_CHECKING:
    from pm_desktop.ui.stakeholders.workspace import StakeholdersWorkspace

STRONG_C_DAYS_KEY = "stakeholders/strongCDays"


class StakeholdersPage(LazyWorkspacePage):
    meetingRequested = Signal(str)
    warningCountChanged = Signal(int)

    def __init__(
        self,
        loader: ServicesLoader,
        settings: QSettings,
        undo_stack: QUndoStack,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__("stakeholders", loader, settings, undo_stack, parent)
        loader.ready.connect(self.count_warnings)

    def _create_workspace(self) -> tuple[QWidget, Workspace]:
        from pm_desktop.ui.stakeholders.workspace import StakeholdersWorkspace

        workspace = StakeholdersWorkspace(self._loader, self._settings, self._undo_stack)
        workspace.meetingRequested.connect(self.meetingRequested)
        workspace.warningCountChanged.connect(self.warningCountChanged)
        return workspace, workspace

    @property
    def workspace(self) -> StakeholdersWorkspace:
        """The workspace, built now if it was not yet."""
        return cast("StakeholdersWorkspace", self._workspace())

    def flush(self) -> None:
        """Save edits typed but not yet saved (see StakeholderDetail.flush)."""
        if self.built:
            self.workspace.detail.flush()

    @Slot(str)
    def set_project(self, project_id: str) -> None:
        super().set_project(project_id)
        if not (self.built and self.isVisible()):
            self.count_warnings()

    @Slot(int)
    def _history_moved(self, _index: int = 0) -> None:
        """Any step done or undone (a meeting's too) may change the warnings and their count."""
        if self.built and self.workspace.just_reloaded:
            return
        super()._history_moved(_index)
        if not (self.built and self.isVisible()):
            self.count_warnings()

    @Slot()
    @Slot(int)
    def count_warnings(self, _row: int = 0) -> None:
        """Refresh the warnings: the whole workspace when it is on screen, else only the count
        on the navigation entry (the workspace catches up when it is shown again)."""
        if self.built and self.isVisible():
            self.workspace.reload()
            return
        self._stale = self.built
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
