"""The Meetings workspace's place in the main window, built the first time it is needed.

Start-up must stay fast (bench/startup.py): the workspace, its editor and the quick-entry
parser are imported and built when the page is first shown or asked for, not with the window.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, QTimer, Slot
from PySide6.QtGui import QShowEvent, QUndoStack
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from pm_desktop.ui.services_loader import ServicesLoader

if TYPE_CHECKING:
    from pm_desktop.ui.mail_sending import MailSender
    from pm_desktop.ui.meetings.workspace import MeetingsWorkspace


class MeetingsPage(QWidget):
    def __init__(
        self,
        loader: ServicesLoader,
        settings: QSettings,
        undo_stack: QUndoStack,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("workspace-meetings")
        self._loader = loader
        self._settings = settings
        self._undo_stack = undo_stack
        self._project_id = ""
        self._workspace: MeetingsWorkspace | None = None
        self.mail_sender: MailSender | None = None
        """Gives the outbox its "Send now" (set by the main window before the page is built)."""
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)

    @property
    def built(self) -> bool:
        return self._workspace is not None

    @property
    def workspace(self) -> MeetingsWorkspace:
        """The workspace, built now if it was not yet, in a tab beside the action tracker
        and the outbox."""
        if self._workspace is None:
            from pm_desktop.ui.meetings.workspace import MeetingsWorkspace
            from pm_desktop.ui.outbox_view import OutboxView
            from pm_desktop.ui.tracker.view import ActionTrackerView

            workspace = MeetingsWorkspace(self._loader, self._settings, self._undo_stack)
            self.tracker = ActionTrackerView(self._loader.get, undo_stack=self._undo_stack)
            self.outbox = OutboxView(self._loader.get, sender=self.mail_sender)
            self.tabs = QTabWidget()
            self.tabs.setObjectName("meetingsTabs")
            self.tabs.setDocumentMode(True)
            self.tabs.addTab(workspace, self.tr("Meetings"))
            self.tabs.addTab(self.tracker, self.tr("Action Tracker"))
            self.tabs.addTab(self.outbox, self.tr("Outbox"))
            self.tracker.actionActivated.connect(self._open_meeting_of)
            workspace.minutesQueued.connect(self.outbox.refresh)
            self._layout.addWidget(self.tabs)
            self._workspace = workspace
            self.set_project(self._project_id)
        return self._workspace

    @Slot(str, str)
    def _open_meeting_of(self, meeting_id: str, _action_id: str) -> None:
        if meeting_id and self._workspace is not None:
            self.tabs.setCurrentWidget(self._workspace)
            self._workspace.select_meeting(meeting_id)

    def show_meeting(self, meeting_id: str) -> None:
        """Open ``meeting_id`` in the Meetings tab (building the workspace if needed)."""
        workspace = self.workspace
        self.tabs.setCurrentWidget(workspace)
        workspace.select_meeting(meeting_id)

    @Slot(str)
    def set_project(self, project_id: str) -> None:
        """Show the meetings of ``project_id`` ("" for none), now or once built."""
        self._project_id = project_id
        if self._workspace is not None:
            self._workspace.set_project(project_id)
            self.tracker.set_project(project_id or None)
            self.outbox.set_project(project_id or None)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._workspace is None:
            QTimer.singleShot(0, self._build)  # after the window has painted once

    def _build(self) -> None:
        _ = self.workspace
