"""The Team workspace: the project's team and its checks, responsibilities (RACI), the
resource pool and the cost estimate, one tab each.

Every edit is an undoable command; after each one (and after undo or redo from the menu)
``reload`` reads the project's team again and refreshes every tab.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings, QTimer, Slot
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from pm_desktop.core.errors import PmError
from pm_desktop.ui.errors import describe_error
from pm_desktop.ui.services_loader import ServicesLoader
from pm_desktop.ui.style import ERROR
from pm_desktop.ui.team.context import TeamContext
from pm_desktop.ui.team.cost_tab import CostTab
from pm_desktop.ui.team.labels import field_error_text
from pm_desktop.ui.team.pool_tab import PoolTab
from pm_desktop.ui.team.project_tab import ProjectTeamTab, TeamSnapshot
from pm_desktop.ui.team.raci_tab import RaciTab


class TeamWorkspace(QWidget):
    def __init__(
        self,
        loader: ServicesLoader,
        settings: QSettings,
        undo_stack: QUndoStack,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("teamWorkspace")
        self._loader = loader
        self._settings = settings
        self.context = TeamContext(loader, undo_stack, self._after_command)
        self.just_reloaded = False
        self.snapshot = TeamSnapshot()

        self.team = ProjectTeamTab(self.context)
        self.team.personRequested.connect(self.show_person)
        self.raci = RaciTab(self.context)
        self.pool = PoolTab(self.context)
        self.cost = CostTab()
        self.tabs = QTabWidget()
        self.tabs.setObjectName("teamTabs")
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.team, self.tr("Project Team"))
        self.tabs.addTab(self.raci, self.tr("Responsibilities (RACI)"))
        self.tabs.addTab(self.pool, self.tr("Resource Pool"))
        self.tabs.addTab(self.cost, self.tr("Cost"))
        self.banner = QLabel()
        self.banner.setObjectName("teamError")
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet(f"color: {ERROR.name()};")
        self.banner.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.banner)
        layout.addWidget(self.tabs)
        loader.ready.connect(self.reload)

    @property
    def project_id(self) -> str:
        return self.context.project_id

    @Slot(str)
    def set_project(self, project_id: str) -> None:
        if project_id != self.context.project_id:
            self.raci.set_project_changed()
        self.context.project_id = project_id
        self.reload()

    def _after_command(self, error: PmError | None) -> None:
        """After every command: refresh; an error of an undo or redo shows over the tabs
        (a command's own refusal is shown by whoever ran it, at the field)."""
        self.reload()
        self.banner.setText("" if error is None else field_error_text(error))
        self.banner.setVisible(error is not None)

    def reload(self) -> None:
        """Read the project's team, checks, RACI and cost again and refresh every tab."""
        snapshot = TeamSnapshot()
        cells = []
        project_id = self.context.project_id
        if self.context.ready:
            try:
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
            except PmError as error:  # the database could not be read: keep what is shown
                self.banner.setText(describe_error(error))
                self.banner.setVisible(True)
                return
        self.snapshot = snapshot
        self.team.show_snapshot(snapshot)
        self.raci.show_data(cells, snapshot.assignments, snapshot.people)
        self.cost.show_estimate(snapshot.estimate if project_id else None)
        self.pool.reload()
        self.just_reloaded = True  # until control returns to the event loop
        QTimer.singleShot(0, self._forget_reload)

    def _forget_reload(self) -> None:
        self.just_reloaded = False

    def _project_name(self) -> str:
        try:
            return self._loader.get().projects.get(self.context.project_id).name
        except PmError:
            return ""

    @Slot(str)
    def show_person(self, person_id: str) -> None:
        self.tabs.setCurrentWidget(self.pool)
        self.pool.select_person(person_id)
