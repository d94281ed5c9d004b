"""Undoable project edits. Each command commits through the project service at once."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from pm_desktop.core.errors import PmError
from pm_desktop.core.projects import ProjectSummary
from pm_desktop.ui.project_dialog import ProjectFields

if TYPE_CHECKING:
    from pm_desktop.services.projects import ProjectService

log = logging.getLogger(__name__)

#: Called after a command ran, with the project to show (None: any) and the error it met, if any.
Changed = Callable[[str | None, PmError | None], None]


class _ProjectCommand(QUndoCommand):
    """Runs the service call of redo/undo; an error makes the command obsolete and is reported."""

    def __init__(self, text: str, changed: Changed) -> None:
        super().__init__(text)
        self._changed = changed

    def _run(self, action: Callable[[], str | None]) -> None:
        try:
            shown = action()
        except PmError as error:
            self._fail(error)
            return
        except Exception as error:  # a bug: report it rather than leave a phantom undo step
            log.exception("project command failed")
            self._fail(PmError(str(error)))
            return
        self._changed(shown, None)

    def _fail(self, error: PmError) -> None:
        self.setObsolete(True)  # Qt then drops the command instead of keeping it to undo
        self._changed(None, error)


class CreateProjectCommand(_ProjectCommand):
    def __init__(self, projects: ProjectService, fields: ProjectFields, changed: Changed) -> None:
        super().__init__(
            QCoreApplication.translate("ProjectCommands", "Create project “{name}”").format(
                name=fields.name
            ),
            changed,
        )
        self._projects = projects
        self._fields = fields
        self.project: ProjectSummary | None = None

    def redo(self) -> None:
        self._run(self._create_or_restore)

    def _create_or_restore(self) -> str:
        if self.project is None:
            self.project = self._projects.create(
                self._fields.name,
                client=self._fields.client,
                project_type=self._fields.project_type,
                contract_signed_on=self._fields.contract_signed_on,
            )
        else:
            self._projects.restore(self.project.id)
        return self.project.id

    def undo(self) -> None:
        project = self.project
        assert project is not None
        self._run(lambda: self._projects.remove(project.id))


class RenameProjectCommand(_ProjectCommand):
    def __init__(
        self, projects: ProjectService, project: ProjectSummary, new_name: str, changed: Changed
    ) -> None:
        super().__init__(
            QCoreApplication.translate(
                "ProjectCommands", "Rename project “{old}” to “{new}”"
            ).format(old=project.name, new=new_name),
            changed,
        )
        self._projects = projects
        self._id = project.id
        self._old = project.name
        self._new = new_name

    def redo(self) -> None:
        self._run(lambda: self._projects.rename(self._id, self._new).id)

    def undo(self) -> None:
        self._run(lambda: self._projects.rename(self._id, self._old).id)


class ArchiveProjectCommand(_ProjectCommand):
    def __init__(
        self, projects: ProjectService, project: ProjectSummary, archived: bool, changed: Changed
    ) -> None:
        text = (
            QCoreApplication.translate("ProjectCommands", "Archive project “{name}”")
            if archived
            else QCoreApplication.translate("ProjectCommands", "Restore archived project “{name}”")
        )
        super().__init__(text.format(name=project.name), changed)
        self._projects = projects
        self._id = project.id
        self._archived = archived

    def redo(self) -> None:
        self._run(lambda: self._set(self._archived))

    def undo(self) -> None:
        self._run(lambda: self._set(not self._archived))

    def _set(self, archived: bool) -> str | None:
        self._projects.set_archived(self._id, archived)
        return None if archived else self._id
