"""The Team workspace: the project's team and its checks, responsibilities (RACI), the
resource pool and the cost estimate, one tab each.

Every edit is an undoable command; after each one (and after undo or redo from the menu)
``reload`` reads the project's team again and refreshes every tab.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings, Slot
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QWidget

from pm_desktop.core.errors import PmError
from pm_desktop.ui.services_loader import ServicesLoader
from pm_desktop.ui.tabbed_workspace import TabbedWorkspace
from pm_desktop.ui.team.context import TeamContext
from pm_desktop.ui.team.cost_tab import CostTab
from pm_desktop.ui.team.labels import field_error_text
from pm_desktop.ui.team.pool_tab import PoolTab
from pm_desktop.ui.team.project_tab import ProjectTeamTab, TeamSnapshot
from pm_desktop.ui.team.raci_tab import RaciTab


class TeamWorkspace(TabbedWorkspace[TeamContext]):
    def __init__(
        self,
        loader: ServicesLoader,
        settings: QSettings,
        undo_stack: QUndoStack,
        parent: QWidget | None = None,
    ) -> None:
        self.snapshot = TeamSnapshot()
        super().__init__("team", lambda after: TeamContext(loader, undo_stack, after), parent)
        self._loader = loader
        self._settings = settings
        self.team = ProjectTeamTab(self.context)
        self.team.personRequested.connect(self.show_person)
        self.raci = RaciTab(self.context)
        self.pool = PoolTab(self.context)
        self.cost = CostTab()
        self.tabs.addTab(self.team, self.tr("Project Team"))
        self.tabs.addTab(self.raci, self.tr("Responsibilities (RACI)"))
        self.tabs.addTab(self.pool, self.tr("Resource Pool"))
        self.tabs.addTab(self.cost, self.tr("Cost"))

    @Slot(str)
    def set_project(self, project_id: str) -> None:
        if project_id != self.context.project_id:
            self.raci.set_project_changed()
        super().set_project(project_id)

    def error_text(self, error: PmError) -> str:
        return field_error_text(error)

    def refresh(self) -> None:
        """Read the project's team, checks, RACI and cost again and refresh every tab."""
        snapshot = TeamSnapshot()
        cells = []
        project_id = self.context.project_id
        if self.context.ready:
            service = self.context.service()
            snapshot.templates = service.templates()
            snapshot.people = {p.id: p for p in service.people()}
            if project_id:
                snapshot.assignments = service.assignments(project_id)
                snapshot.template = service.project_template(project_id)
                snapshot.check = service.check(project_id)
                snapshot.estimate = service.cost(project_id)
                cells = service.raci(project_id)
                self.cost.project_name = self._project_name()
        self.snapshot = snapshot
        self.team.show_snapshot(snapshot)
        self.raci.show_data(cells, snapshot.assignments, snapshot.people)
        self.cost.show_estimate(snapshot.estimate if project_id else None)
        self.pool.reload()

    def _project_name(self) -> str:
        try:
            return self._loader.get().projects.get(self.context.project_id).name
        except PmError:
            return ""

    @Slot(str)
    def show_person(self, person_id: str) -> None:
        self.tabs.setCurrentWidget(self.pool)
        self.pool.select_person(person_id)
