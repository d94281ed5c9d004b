"""Undoable edits of the master plan and its calendar. Each commits through the service at once
and the service reschedules the plan in the same transaction.

Adding is undone by removing the new rows and redone by restoring those same rows, so ids
survive an undo/redo round trip.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication

from pm_desktop.core.plan_exchange import PlanDocument
from pm_desktop.ui.service_command import Done, ServiceCommand, short

if TYPE_CHECKING:
    from pm_desktop.services.plan import (
        CalendarDay,
        PlanImportSummary,
        PlanService,
        PlanTaskRecord,
        RemovedRows,
    )

translate = QCoreApplication.translate


class AddTaskCommand(ServiceCommand):
    def __init__(
        self,
        service: PlanService,
        project_id: str,
        name: str,
        fields: Mapping[str, Any],
        done: Done,
    ) -> None:
        super().__init__(translate("PlanCommands", "Add “{name}”").format(name=short(name)), done)
        self._service = service
        self._project_id = project_id
        self._name = name
        self._fields = dict(fields)
        self.task_id = ""
        self._removed: RemovedRows | None = None

    def redo(self) -> None:
        if self._removed is not None:
            removed = self._removed
            self._run(lambda: self._service.restore(removed))
        else:
            self._run(self._add)

    def _add(self) -> None:
        self.task_id = self._service.add_task(self._project_id, self._name, **self._fields).id

    def undo(self) -> None:
        self._run(self._remove)

    def _remove(self) -> None:
        self._removed = self._service.remove_task(self.task_id)


class ApplyTemplateCommand(ServiceCommand):
    def __init__(self, service: PlanService, project_id: str, key: str, done: Done) -> None:
        name = dict(service.templates()).get(key, key)
        super().__init__(translate("PlanCommands", "Add the plan “{name}”").format(name=name), done)
        self._service = service
        self._project_id = project_id
        self._key = key
        self._task_ids: list[str] = []
        self._removed: RemovedRows | None = None

    def redo(self) -> None:
        if self._removed is not None:
            removed = self._removed
            self._run(lambda: self._service.restore(removed))
        else:
            self._run(self._apply)

    def _apply(self) -> None:
        self._task_ids = self._service.apply_template(self._project_id, self._key)

    def undo(self) -> None:
        self._run(self._remove)

    def _remove(self) -> None:
        self._removed = self._service.remove_tasks(self._task_ids)


class EditTaskCommand(ServiceCommand):
    """Change fields of a task; undo puts back the values it had."""

    def __init__(
        self,
        service: PlanService,
        before: PlanTaskRecord,
        changes: Mapping[str, Any],
        done: Done,
        text: str = "",
    ) -> None:
        super().__init__(
            text or translate("PlanCommands", "Edit “{name}”").format(name=short(before.name)),
            done,
        )
        self._service = service
        self._task_id = before.id
        self._changes = dict(changes)
        self._before = {key: getattr(before, key) for key in changes}
        if "is_milestone" in changes:  # a milestone has no duration: undo gives it back
            self._before["duration_days"] = before.duration_days

    def redo(self) -> None:
        self._run(lambda: self._service.update_task(self._task_id, **self._changes))

    def undo(self) -> None:
        self._run(lambda: self._service.update_task(self._task_id, **self._before))


class MoveTaskCommand(ServiceCommand):
    """A drag of a bar: the task may start no earlier than ``start_on``."""

    def __init__(
        self, service: PlanService, before: PlanTaskRecord, start_on: date, done: Done
    ) -> None:
        super().__init__(
            translate("PlanCommands", "Move “{name}”").format(name=short(before.name)), done
        )
        self._service = service
        self._task_id = before.id
        self._start_on = start_on
        self._offset = before.offset_days

    def redo(self) -> None:
        self._run(lambda: self._service.move_task(self._task_id, self._start_on))

    def undo(self) -> None:
        self._run(lambda: self._service.update_task(self._task_id, offset_days=self._offset))


class RemoveTasksCommand(ServiceCommand):
    def __init__(self, service: PlanService, task_ids: list[str], label: str, done: Done) -> None:
        super().__init__(translate("PlanCommands", "Delete {what}").format(what=label), done)
        self._service = service
        self._task_ids = list(task_ids)
        self._removed: RemovedRows | None = None

    def redo(self) -> None:
        self._run(self._remove)

    def _remove(self) -> None:
        self._removed = self._service.remove_tasks(self._task_ids)

    def undo(self) -> None:
        removed = self._removed
        if removed is not None:
            self._run(lambda: self._service.restore(removed))


class IndentCommand(ServiceCommand):
    """Indent (``deeper``) or outdent a task; undo puts it back under its old parent."""

    def __init__(
        self, service: PlanService, task: PlanTaskRecord, deeper: bool, done: Done
    ) -> None:
        text = (
            translate("PlanCommands", "Indent “{name}”")
            if deeper
            else translate("PlanCommands", "Outdent “{name}”")
        )
        super().__init__(text.format(name=short(task.name)), done)
        self._service = service
        self._task_id = task.id
        self._deeper = deeper
        self._old_parent = task.parent_id

    def redo(self) -> None:
        shift = self._service.indent if self._deeper else self._service.outdent
        self._run(lambda: shift(self._task_id))

    def undo(self) -> None:
        self._run(lambda: self._service.update_task(self._task_id, parent_id=self._old_parent))


class ReorderCommand(ServiceCommand):
    """Move a task one place up (-1) or down (+1) on its level; undo moves it back."""

    def __init__(self, service: PlanService, task: PlanTaskRecord, step: int, done: Done) -> None:
        text = (
            translate("PlanCommands", "Move “{name}” up")
            if step < 0
            else translate("PlanCommands", "Move “{name}” down")
        )
        super().__init__(text.format(name=short(task.name)), done)
        self._service = service
        self._task_id = task.id
        self._step = step

    def redo(self) -> None:
        self._run(self._move)

    def _move(self) -> None:
        if not self._service.move_in_order(self._task_id, self._step):
            self.setObsolete(True)  # already first or last: no undo step

    def undo(self) -> None:
        self._run(lambda: self._service.move_in_order(self._task_id, -self._step))


class AddLinkCommand(ServiceCommand):
    def __init__(
        self,
        service: PlanService,
        predecessor: PlanTaskRecord,
        successor: PlanTaskRecord,
        lag_days: int,
        done: Done,
    ) -> None:
        super().__init__(
            translate("PlanCommands", "Link “{a}” → “{b}”").format(
                a=short(predecessor.name), b=short(successor.name)
            ),
            done,
        )
        self._service = service
        self._ids = (predecessor.id, successor.id)
        self._lag = lag_days
        self.link_id = ""

    def redo(self) -> None:
        if self.link_id:
            self._run(lambda: self._service.restore_link(self.link_id))
        else:
            self._run(self._add)

    def _add(self) -> None:
        self.link_id = self._service.add_link(*self._ids, self._lag)

    def undo(self) -> None:
        self._run(lambda: self._service.remove_link(self.link_id))


class RemoveLinkCommand(ServiceCommand):
    def __init__(self, service: PlanService, link_id: str, done: Done) -> None:
        super().__init__(translate("PlanCommands", "Remove a dependency"), done)
        self._service = service
        self._link_id = link_id

    def redo(self) -> None:
        self._run(lambda: self._service.remove_link(self._link_id))

    def undo(self) -> None:
        self._run(lambda: self._service.restore_link(self._link_id))


class EditLinkCommand(ServiceCommand):
    def __init__(
        self, service: PlanService, link_id: str, before: int, after: int, done: Done
    ) -> None:
        super().__init__(translate("PlanCommands", "Change a dependency's lag"), done)
        self._service = service
        self._link_id = link_id
        self._lags = (before, after)

    def redo(self) -> None:
        self._run(lambda: self._service.update_link(self._link_id, self._lags[1]))

    def undo(self) -> None:
        self._run(lambda: self._service.update_link(self._link_id, self._lags[0]))


class SetContractDateCommand(ServiceCommand):
    def __init__(
        self, service: PlanService, project_id: str, before: date | None, after: date, done: Done
    ) -> None:
        super().__init__(translate("PlanCommands", "Move T to {date}").format(date=after), done)
        self._service = service
        self._project_id = project_id
        self._dates = (before, after)

    def redo(self) -> None:
        self._run(lambda: self._service.set_contract_date(self._project_id, self._dates[1]))

    def undo(self) -> None:
        self._run(lambda: self._service.set_contract_date(self._project_id, self._dates[0]))


class SetCalendarDayCommand(ServiceCommand):
    """Make a day a working day or not for the project (None: as the law says)."""

    def __init__(
        self,
        service: PlanService,
        project_id: str,
        day: date,
        is_working: bool | None,
        *,
        reason: str,
        done: Done,
    ) -> None:
        super().__init__(
            translate("PlanCommands", "Change {date} in the calendar").format(date=day), done
        )
        self._service = service
        self._project_id = project_id
        self._day = day
        self._after = (is_working, reason)
        self._before: CalendarDay | None = None

    def redo(self) -> None:
        self._run(self._set)

    def _set(self) -> None:
        self._before = self._service.set_calendar_day(self._project_id, self._day, *self._after)

    def undo(self) -> None:
        before = self._before
        self._run(
            lambda: self._service.set_calendar_day(
                self._project_id,
                self._day,
                None if before is None else before.is_working,
                "" if before is None else before.reason,
            )
        )


class AssignTaskCommand(ServiceCommand):
    def __init__(
        self,
        service: PlanService,
        task: PlanTaskRecord,
        person_id: str,
        person_name: str,
        *,
        units_pct: int,
        done: Done,
    ) -> None:
        super().__init__(
            translate("PlanCommands", "Put {person} on “{task}”").format(
                person=short(person_name), task=short(task.name)
            ),
            done,
        )
        self._service = service
        self._task_id = task.id
        self._person_id = person_id
        self._units = units_pct
        self.assignment_id = ""

    def redo(self) -> None:
        if self.assignment_id:
            self._run(lambda: self._service.restore_task_assignment(self.assignment_id))
        else:
            self._run(self._add)

    def _add(self) -> None:
        self.assignment_id = self._service.assign_task(self._task_id, self._person_id, self._units)

    def undo(self) -> None:
        self._run(lambda: self._service.unassign_task(self.assignment_id))


class UnassignTaskCommand(ServiceCommand):
    def __init__(self, service: PlanService, assignment_id: str, person_name: str, done: Done):
        super().__init__(
            translate("PlanCommands", "Take {person} off a task").format(person=short(person_name)),
            done,
        )
        self._service = service
        self._assignment_id = assignment_id

    def redo(self) -> None:
        self._run(lambda: self._service.unassign_task(self._assignment_id))

    def undo(self) -> None:
        self._run(lambda: self._service.restore_task_assignment(self._assignment_id))


class ImportPlanCommand(ServiceCommand):
    def __init__(
        self,
        service: PlanService,
        project_id: str,
        document: PlanDocument,
        *,
        replace: bool,
        label: str,
        done: Done,
    ) -> None:
        super().__init__(translate("PlanCommands", "Import {file}").format(file=label), done)
        self._service = service
        self._project_id = project_id
        self._document = document
        self._replace = replace
        self.summary: PlanImportSummary | None = None
        self._removed: RemovedRows | None = None

    def redo(self) -> None:
        if self.summary is None:
            self._run(self._import)
        else:
            self._run(self._again)

    def _import(self) -> None:
        self.summary = self._service.import_document(
            self._project_id, self._document, replace=self._replace
        )

    def _again(self) -> None:
        assert self.summary is not None
        if self._removed is not None:
            self._service.restore(self._removed)
        self._service.remove_tasks(list(self.summary.replaced.task_ids))

    def undo(self) -> None:
        self._run(self._take_back)

    def _take_back(self) -> None:
        assert self.summary is not None
        gone = self._service.remove_tasks(list(self.summary.task_ids))
        people = self._service.forget_people(self.summary.person_ids)
        self._removed = dataclasses.replace(gone, person_ids=people.person_ids)
        if self.summary.replaced.task_ids:
            self._service.restore(self.summary.replaced)
