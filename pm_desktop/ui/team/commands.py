"""Undoable edits of the team, the pool and RACI. Each commits through the service at once.

Adding is undone by tombstoning the new row and redone by restoring that same row, so ids
survive an undo/redo round trip.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication

from pm_desktop.core.enums import PoolEventKind, ProjectType, Raci
from pm_desktop.core.team import AssignmentRecord, PersonRecord, RoleSpec, TemplateRecord
from pm_desktop.ui.service_command import Done, ServiceCommand, short

if TYPE_CHECKING:
    from pm_desktop.services.team import TeamService

translate = QCoreApplication.translate


def _plain(value: Any) -> Any:
    """Record values as the service takes them (skills as a list)."""
    return list(value) if isinstance(value, tuple) else value


# --- the resource pool ----------------------------------------------------------------------


class AddPersonCommand(ServiceCommand):
    def __init__(
        self, service: TeamService, name: str, fields: Mapping[str, Any], done: Done
    ) -> None:
        super().__init__(
            translate("TeamCommands", "Add “{name}” to the pool").format(name=short(name)), done
        )
        self._service = service
        self._name = name
        self._fields = dict(fields)
        self.person_id = ""

    def redo(self) -> None:
        if self.person_id:
            self._run(lambda: self._service.restore_person(self.person_id))
        else:
            self._run(self._add)

    def _add(self) -> None:
        self.person_id = self._service.add_person(self._name, **self._fields).id

    def undo(self) -> None:
        self._run(lambda: self._service.remove_person(self.person_id))


class EditPersonCommand(ServiceCommand):
    def __init__(
        self, service: TeamService, before: PersonRecord, changes: Mapping[str, Any], done: Done
    ) -> None:
        super().__init__(
            translate("TeamCommands", "Edit “{name}”").format(name=short(before.name)), done
        )
        self._service = service
        self._id = before.id
        self._new = {key: _plain(value) for key, value in changes.items()}
        self._old = {key: _plain(getattr(before, key)) for key in changes}

    def redo(self) -> None:
        self._run(lambda: self._service.update_person(self._id, **self._new))

    def undo(self) -> None:
        self._run(lambda: self._service.update_person(self._id, **self._old))


class RemovePersonCommand(ServiceCommand):
    def __init__(self, service: TeamService, person: PersonRecord, done: Done) -> None:
        super().__init__(
            translate("TeamCommands", "Remove “{name}” from the pool list").format(
                name=short(person.name)
            ),
            done,
        )
        self._service = service
        self._id = person.id

    def redo(self) -> None:
        self._run(lambda: self._service.remove_person(self._id))

    def undo(self) -> None:
        self._run(lambda: self._service.restore_person(self._id))


class AddEventCommand(ServiceCommand):
    def __init__(
        self,
        service: TeamService,
        person: PersonRecord,
        kind: PoolEventKind,
        occurred_on: date,
        *,
        note: str,
        done: Done,
        about_project_id: str | None = None,
    ) -> None:
        super().__init__(
            translate("TeamCommands", "Record an event of “{name}”").format(
                name=short(person.name)
            ),
            done,
        )
        self._service = service
        self._person_id = person.id
        self._args = (kind, occurred_on, note, about_project_id)
        self.event_id = ""

    def redo(self) -> None:
        if self.event_id:
            self._run(lambda: self._service.restore_event(self.event_id))
        else:
            self._run(self._add)

    def _add(self) -> None:
        kind, occurred_on, note, about = self._args
        self.event_id = self._service.add_event(
            self._person_id, kind, occurred_on, note, about_project_id=about
        ).id

    def undo(self) -> None:
        self._run(lambda: self._service.remove_event(self.event_id))


# --- the project team -----------------------------------------------------------------------


class AssignCommand(ServiceCommand):
    def __init__(
        self,
        service: TeamService,
        project_id: str,
        person_name: str,
        fields: Mapping[str, Any],
        done: Done,
    ) -> None:
        """``fields``: person_id, role_name, starts_on, ends_on and the keywords of assign."""
        super().__init__(
            translate("TeamCommands", "Assign “{name}” as {role}").format(
                name=short(person_name), role=short(str(fields.get("role_name", "")))
            ),
            done,
        )
        self._service = service
        self._project_id = project_id
        self._fields = dict(fields)
        self.assignment_id = ""

    def redo(self) -> None:
        if self.assignment_id:
            self._run(lambda: self._service.restore_assignment(self.assignment_id))
        else:
            self._run(self._assign)

    def _assign(self) -> None:
        fields = dict(self._fields)
        self.assignment_id = self._service.assign(
            self._project_id,
            fields.pop("person_id"),
            fields.pop("role_name"),
            fields.pop("starts_on"),
            fields.pop("ends_on"),
            **fields,
        ).id

    def undo(self) -> None:
        self._run(lambda: self._service.remove_assignment(self.assignment_id))


class EditAssignmentCommand(ServiceCommand):
    def __init__(
        self,
        service: TeamService,
        before: AssignmentRecord,
        changes: Mapping[str, Any],
        done: Done,
    ) -> None:
        super().__init__(
            translate("TeamCommands", "Edit the assignment of “{name}”").format(
                name=short(before.person_name)
            ),
            done,
        )
        self._service = service
        self._id = before.id
        self._new = dict(changes)
        self._old = {key: getattr(before, key) for key in changes}

    def redo(self) -> None:
        self._run(lambda: self._service.update_assignment(self._id, **self._new))

    def undo(self) -> None:
        self._run(lambda: self._service.update_assignment(self._id, **self._old))


class RemoveAssignmentsCommand(ServiceCommand):
    def __init__(
        self, service: TeamService, assignments: Sequence[AssignmentRecord], done: Done
    ) -> None:
        super().__init__(
            translate("TeamCommands", "Remove the assignment of “{name}”").format(
                name=short(", ".join(a.person_name for a in assignments))
            ),
            done,
        )
        self._service = service
        self._ids = [a.id for a in assignments]

    def redo(self) -> None:
        self._run(self._remove)

    def _remove(self) -> None:
        for assignment_id in self._ids:
            self._service.remove_assignment(assignment_id)

    def undo(self) -> None:
        self._run(self._restore)

    def _restore(self) -> None:
        for assignment_id in self._ids:
            self._service.restore_assignment(assignment_id)


class ApplyTemplateCommand(ServiceCommand):
    """Copy a team-wide template to the project. Undo removes the copy and brings back the
    project's previous copy as it was; redo swaps them again (same rows, same ids)."""

    def __init__(
        self,
        service: TeamService,
        project_id: str,
        template: TemplateRecord,
        previous: TemplateRecord | None,
        done: Done,
    ) -> None:
        super().__init__(
            translate("TeamCommands", "Apply the team model “{name}”").format(
                name=short(template.name)
            ),
            done,
        )
        self._service = service
        self._project_id = project_id
        self._template_id = template.id
        self._previous_id = previous.id if previous is not None else ""
        self.copy_id = ""

    def redo(self) -> None:
        self._run(self._apply)

    def _apply(self) -> None:
        if not self.copy_id:
            self.copy_id = self._service.apply_template(self._project_id, self._template_id).id
            return
        if self._previous_id:
            self._service.remove_template(self._previous_id)
        self._service.restore_template(self.copy_id)

    def undo(self) -> None:
        self._run(self._unapply)

    def _unapply(self) -> None:
        self._service.remove_template(self.copy_id)
        if self._previous_id:
            self._service.restore_template(self._previous_id)


# --- the team-wide templates (组队模型) -------------------------------------------------------

TEMPLATE_FIELDS = ("name", "project_type", "description", "roles")


class CreateTemplateCommand(ServiceCommand):
    def __init__(
        self,
        service: TeamService,
        name: str,
        project_type: ProjectType,
        description: str,
        roles: Sequence[RoleSpec],
        *,
        done: Done,
    ) -> None:
        super().__init__(
            translate("TeamCommands", "Create the team model “{name}”").format(name=short(name)),
            done,
        )
        self._service = service
        self._args = (name, project_type, description, tuple(roles))
        self.template_id = ""

    def redo(self) -> None:
        if self.template_id:
            self._run(lambda: self._service.restore_template(self.template_id))
        else:
            self._run(self._create)

    def _create(self) -> None:
        name, project_type, description, roles = self._args
        self.template_id = self._service.create_template(name, project_type, description, roles).id

    def undo(self) -> None:
        self._run(lambda: self._service.remove_template(self.template_id))


class UpdateTemplateCommand(ServiceCommand):
    """Change a template's name, type, description and/or roles; undo puts back the old ones.

    Roles removed by the change come back on undo as new rows (same name, flags and order):
    the service does not restore a role's row."""

    def __init__(
        self,
        service: TeamService,
        before: TemplateRecord,
        changes: Mapping[str, Any],
        done: Done,
    ) -> None:
        unknown = set(changes) - set(TEMPLATE_FIELDS)
        if unknown:
            raise ValueError(f"not a template field: {sorted(unknown)}")
        super().__init__(
            translate("TeamCommands", "Edit the team model “{name}”").format(
                name=short(before.name)
            ),
            done,
        )
        self._service = service
        self._id = before.id
        self._new = {key: _plain(value) for key, value in changes.items()}
        self._old = {key: _plain(getattr(before, key)) for key in changes}

    def redo(self) -> None:
        self._run(lambda: self._service.update_template(self._id, **self._new))

    def undo(self) -> None:
        self._run(lambda: self._service.update_template(self._id, **self._old))


class RemoveTemplateCommand(ServiceCommand):
    """Delete a team-wide template (built-in ones too); the projects keep their copies."""

    def __init__(self, service: TeamService, template: TemplateRecord, done: Done) -> None:
        super().__init__(
            translate("TeamCommands", "Delete the team model “{name}”").format(
                name=short(template.name)
            ),
            done,
        )
        self._service = service
        self._id = template.id

    def redo(self) -> None:
        self._run(lambda: self._service.remove_template(self._id))

    def undo(self) -> None:
        self._run(lambda: self._service.restore_template(self._id))


#: The commands that change the team-wide templates (what the models' list may undo).
TEMPLATE_COMMANDS = (CreateTemplateCommand, UpdateTemplateCommand, RemoveTemplateCommand)


# --- RACI -----------------------------------------------------------------------------------

#: (work item, person id, new value, old value)
CellChange = tuple[str, str, Raci | None, Raci | None]


class SetRaciCommand(ServiceCommand):
    """Set cells of the RACI matrix (one, or a whole row to remove a work item)."""

    def __init__(
        self,
        service: TeamService,
        project_id: str,
        changes: Sequence[CellChange],
        text: str,
        done: Done,
    ) -> None:
        super().__init__(text, done)
        self._service = service
        self._project_id = project_id
        self._changes = list(changes)

    def redo(self) -> None:
        self._run(lambda: self._set(new=True))

    def undo(self) -> None:
        self._run(lambda: self._set(new=False))

    def _set(self, *, new: bool) -> None:
        for item, person_id, after, before in self._changes:
            self._service.set_raci(self._project_id, item, person_id, after if new else before)


def set_cell_command(
    service: TeamService,
    project_id: str,
    change: CellChange,
    person_name: str,
    done: Done,
) -> SetRaciCommand:
    item, _person, after, _before = change
    text = (
        translate("TeamCommands", "Clear {name}'s part in “{item}”")
        if after is None
        else translate("TeamCommands", "Make {name} {raci} for “{item}”")
    )
    return SetRaciCommand(
        service,
        project_id,
        [change],
        text.format(name=short(person_name), item=short(item), raci=after.value if after else ""),
        done,
    )


class RenameWorkItemCommand(ServiceCommand):
    def __init__(
        self, service: TeamService, project_id: str, old: str, new: str, done: Done
    ) -> None:
        super().__init__(
            translate("TeamCommands", "Rename “{old}” to “{new}”").format(
                old=short(old), new=short(new)
            ),
            done,
        )
        self._service = service
        self._project_id = project_id
        self._old, self._new = old, new

    def redo(self) -> None:
        self._run(lambda: self._service.rename_work_item(self._project_id, self._old, self._new))

    def undo(self) -> None:
        self._run(lambda: self._service.rename_work_item(self._project_id, self._new, self._old))
