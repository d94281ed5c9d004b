"""Creating, renaming, archiving and listing projects."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from pm_desktop.core.enums import ProjectType
from pm_desktop.core.errors import NotFoundError
from pm_desktop.core.projects import ProjectSummary, clean_project_name
from pm_desktop.storage.changes import tombstone
from pm_desktop.storage.database import Store
from pm_desktop.storage.models import Project


def project_summary(project: Project) -> ProjectSummary:
    return ProjectSummary(
        id=project.id,
        name=project.name,
        client=project.client,
        project_type=project.project_type,
        contract_signed_on=project.contract_signed_on,
        archived=project.archived,
    )


def _get(session: Session, project_id: str, *, include_deleted: bool = False) -> Project:
    project = session.get(Project, project_id)
    if project is None or (project.deleted and not include_deleted):
        raise NotFoundError(f"no project {project_id}")
    return project


class ProjectService:
    def __init__(self, store: Store) -> None:
        self._store = store

    def list(self, *, include_archived: bool = False) -> list[ProjectSummary]:
        query = select(Project).where(Project.deleted.is_(False))
        if not include_archived:
            query = query.where(Project.archived.is_(False))
        with self._store.read() as session:
            return [project_summary(p) for p in session.scalars(query.order_by(Project.name))]

    def get(self, project_id: str) -> ProjectSummary:
        with self._store.read() as session:
            return project_summary(_get(session, project_id))

    def create(
        self,
        name: str,
        *,
        client: str = "",
        project_type: ProjectType = ProjectType.IMPLEMENTATION,
        contract_signed_on: date | None = None,
    ) -> ProjectSummary:
        project = Project(
            name=clean_project_name(name),
            client=client.strip(),
            project_type=project_type,
            contract_signed_on=contract_signed_on,
        )
        with self._store.write() as session:
            session.add(project)
        return project_summary(project)

    def rename(self, project_id: str, name: str) -> ProjectSummary:
        cleaned = clean_project_name(name)
        with self._store.write() as session:
            project = _get(session, project_id)
            project.name = cleaned
            return project_summary(project)

    def set_archived(self, project_id: str, archived: bool) -> ProjectSummary:
        with self._store.write() as session:
            project = _get(session, project_id)
            project.archived = archived
            return project_summary(project)

    def remove(self, project_id: str) -> None:
        """Tombstone a project (used to undo its creation); :meth:`restore` brings it back."""
        with self._store.write() as session:
            tombstone(_get(session, project_id))

    def restore(self, project_id: str) -> ProjectSummary:
        with self._store.write() as session:
            project = _get(session, project_id, include_deleted=True)
            project.deleted = False
            return project_summary(project)
