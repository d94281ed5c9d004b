"""The Plan workspace: the master plan (task table beside the Gantt chart), the resource
calendar, and the project's working calendar, one tab each.

Every edit is an undoable command; after each one (and after undo or redo from the menu)
``reload`` reads the plan again and refreshes the tabs.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QWidget

from pm_desktop.ui.plan.calendar_tab import CalendarTab
from pm_desktop.ui.plan.context import PlanContext
from pm_desktop.ui.plan.plan_tab import MasterPlanTab
from pm_desktop.ui.plan.resources_tab import ResourcesTab
from pm_desktop.ui.services_loader import ServicesLoader
from pm_desktop.ui.tabbed_workspace import TabbedWorkspace


class PlanWorkspace(TabbedWorkspace[PlanContext]):
    def __init__(
        self,
        loader: ServicesLoader,
        settings: QSettings,
        undo_stack: QUndoStack,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__("plan", lambda after: PlanContext(loader, undo_stack, after), parent)
        self.plan = MasterPlanTab(self.context, settings)
        self.resources = ResourcesTab(self.context)
        self.calendar = CalendarTab(self.context)
        self.tabs.addTab(self.plan, self.tr("Master Plan"))
        self.tabs.addTab(self.resources, self.tr("Resource Calendar"))
        self.tabs.addTab(self.calendar, self.tr("Working Calendar"))

    def refresh(self) -> None:
        if self.context.ready:
            self.plan.reload()
            self.resources.reload()
            self.calendar.reload()
