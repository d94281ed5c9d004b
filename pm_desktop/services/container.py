"""The services of one open database, built once by the composition root."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from pm_desktop.services.actions import ActionTracker
from pm_desktop.services.conflicts import ConflictService
from pm_desktop.services.meetings import MeetingService
from pm_desktop.services.outbox import OutboxService
from pm_desktop.services.plan import PlanService
from pm_desktop.services.projects import ProjectService
from pm_desktop.services.resources import ResourceService
from pm_desktop.services.stakeholders import StakeholderService
from pm_desktop.services.sync_status import SyncStatusService
from pm_desktop.services.team import TeamService
from pm_desktop.storage.backup import quick_check_problems
from pm_desktop.storage.database import Store, open_store


@dataclass
class Services:
    store: Store = field(repr=False)
    projects: ProjectService
    meetings: MeetingService
    actions: ActionTracker
    outbox: OutboxService
    sync_status: SyncStatusService
    stakeholders: StakeholderService
    team: TeamService
    plan: PlanService
    resources: ResourceService
    conflicts: ConflictService = field(init=False)
    """Built from ``store`` (callers that list the services need not name it)."""

    def __post_init__(self) -> None:
        self.conflicts = ConflictService(self.store)

    @classmethod
    def open(cls, path: Path) -> Services:
        """Open (create or upgrade) the database at ``path``; raises DatabaseOpenError."""
        store = open_store(path)
        return cls(
            store=store,
            projects=ProjectService(store),
            meetings=MeetingService(store),
            actions=ActionTracker(store),
            outbox=OutboxService(store),
            sync_status=SyncStatusService(store),
            stakeholders=StakeholderService(store),
            team=TeamService(store),
            plan=PlanService(store),
            resources=ResourceService(store),
        )

    @property
    def database_path(self) -> Path:
        return self.store.path

    @property
    def backup_path(self) -> Path | None:
        return self.store.backup_path

    def integrity_problems(self) -> list[str]:
        """A quick structural check of the whole file (seconds on a large one); empty if sound."""
        return quick_check_problems(self.store.path)

    def close(self) -> None:
        self.store.close()
