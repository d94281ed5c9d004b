"""Undoable edits of the stakeholder map. Each command commits through the service at once.

Adding is undone by tombstoning the new row and redone by restoring the same row, so ids (and
whatever refers to them) survive an undo/redo round trip.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication

from pm_desktop.core.enums import DemandStatus
from pm_desktop.core.stakeholders import NewTouchpoint, StakeholderRecord
from pm_desktop.ui.service_command import Done, ServiceCommand, short
from pm_desktop.ui.stakeholders.labels import demand_status_label
from pm_desktop.ui.stakeholders.messages import texts

if TYPE_CHECKING:
    from pm_desktop.core.stakeholder_table import ImportedStakeholder
    from pm_desktop.services.stakeholders import StakeholderService

translate = QCoreApplication.translate


class AddStakeholderCommand(ServiceCommand):
    def __init__(self, service: StakeholderService, project_id: str, name: str, done: Done) -> None:
        super().__init__(
            translate("StakeholderCommands", "Add stakeholder “{name}”").format(name=short(name)),
            done,
        )
        self._service = service
        self._project_id = project_id
        self._name = name
        self.stakeholder_id = ""

    def redo(self) -> None:
        if self.stakeholder_id:
            self._run(lambda: self._service.restore(self.stakeholder_id))
        else:
            self._run(self._create)

    def _create(self) -> None:
        self.stakeholder_id = self._service.create(self._project_id, self._name).id

    def undo(self) -> None:
        self._run(lambda: self._service.remove(self.stakeholder_id))


class EditStakeholderCommand(ServiceCommand):
    """Change some fields of one stakeholder; undo puts the old values back."""

    def __init__(
        self,
        service: StakeholderService,
        before: StakeholderRecord,
        changes: Mapping[str, Any],
        done: Done,
        text: str = "",
        *,
        started_from: Mapping[str, Any] | None = None,
    ) -> None:
        """``started_from``: see :meth:`StakeholderService.update` (used on the first run
        only; a redo after an undo overwrites nothing new)."""
        super().__init__(
            text
            or translate("StakeholderCommands", "Edit stakeholder “{name}”").format(
                name=short(before.name)
            ),
            done,
        )
        self._service = service
        self._id = before.id
        self._new = dict(changes)
        self._old = {key: getattr(before, key) for key in changes}
        self._started_from = dict(started_from) if started_from else None

    def redo(self) -> None:
        started_from, self._started_from = self._started_from, None
        self._run(lambda: self._service.update(self._id, started_from=started_from, **self._new))

    def undo(self) -> None:
        self._run(lambda: self._service.update(self._id, **self._old))


def move_command(
    service: StakeholderService, before: StakeholderRecord, power: int, interest: int, done: Done
) -> EditStakeholderCommand:
    """Dragging a card on the map: a change of power and interest."""
    return EditStakeholderCommand(
        service,
        before,
        {"power": power, "interest": interest},
        done,
        translate("StakeholderCommands", "Move “{name}” on the map").format(
            name=short(before.name)
        ),
    )


class RemoveStakeholdersCommand(ServiceCommand):
    def __init__(
        self, service: StakeholderService, records: Sequence[StakeholderRecord], done: Done
    ) -> None:
        text = (
            translate("StakeholderCommands", "Delete stakeholder “{name}”").format(
                name=short(records[0].name)
            )
            if len(records) == 1
            else texts().delete_stakeholders(len(records))
        )
        super().__init__(text, done)
        self._service = service
        self._ids = [r.id for r in records]

    def redo(self) -> None:
        self._run(lambda: self._service.remove(self._ids))

    def undo(self) -> None:
        self._run(lambda: self._service.restore(self._ids))


class RestoreStakeholderCommand(ServiceCommand):
    def __init__(self, service: StakeholderService, record: StakeholderRecord, done: Done) -> None:
        super().__init__(
            translate("StakeholderCommands", "Restore stakeholder “{name}”").format(
                name=short(record.name)
            ),
            done,
        )
        self._service = service
        self._id = record.id

    def redo(self) -> None:
        self._run(lambda: self._service.restore(self._id))

    def undo(self) -> None:
        self._run(lambda: self._service.remove(self._id))


class ImportStakeholdersCommand(ServiceCommand):
    def __init__(
        self,
        service: StakeholderService,
        project_id: str,
        rows: Sequence[ImportedStakeholder],
        done: Done,
    ) -> None:
        super().__init__(texts().import_stakeholders(len(rows)), done)
        self._service = service
        self._project_id = project_id
        self._rows = list(rows)
        self.ids: list[str] = []

    def redo(self) -> None:
        if self.ids:
            self._run(lambda: self._service.restore(self.ids))
        else:
            self._run(self._import)

    def _import(self) -> None:
        self.ids = self._service.import_rows(self._project_id, self._rows)

    def undo(self) -> None:
        self._run(lambda: self._service.remove(self.ids))


# --- demands ------------------------------------------------------------------------------


class AddDemandCommand(ServiceCommand):
    def __init__(
        self, service: StakeholderService, stakeholder_id: str, text: str, done: Done
    ) -> None:
        super().__init__(
            translate("StakeholderCommands", "Add demand “{text}”").format(text=short(text)),
            done,
        )
        self._service = service
        self._stakeholder_id = stakeholder_id
        self._text = text
        self.demand_id = ""

    def redo(self) -> None:
        if self.demand_id:
            self._run(lambda: self._service.restore_demand(self.demand_id))
        else:
            self._run(self._add)

    def _add(self) -> None:
        self.demand_id = self._service.add_demand(self._stakeholder_id, self._text).id

    def undo(self) -> None:
        self._run(lambda: self._service.remove_demand(self.demand_id))


class EditDemandCommand(ServiceCommand):
    def __init__(
        self,
        service: StakeholderService,
        demand_id: str,
        old: tuple[str, DemandStatus],
        new: tuple[str, DemandStatus],
        done: Done,
    ) -> None:
        text = (
            translate("StakeholderCommands", "Mark demand “{text}” {status}")
            if old[0] == new[0]
            else translate("StakeholderCommands", "Edit demand “{text}”")
        )
        super().__init__(
            text.format(text=short(new[0]), status=demand_status_label(new[1]).lower()), done
        )
        self._service = service
        self._id = demand_id
        self._old, self._new = old, new

    def redo(self) -> None:
        text, status = self._new
        self._run(lambda: self._service.update_demand(self._id, text=text, status=status))

    def undo(self) -> None:
        text, status = self._old
        self._run(lambda: self._service.update_demand(self._id, text=text, status=status))


class RemoveDemandCommand(ServiceCommand):
    def __init__(self, service: StakeholderService, demand_id: str, text: str, done: Done) -> None:
        super().__init__(
            translate("StakeholderCommands", "Remove demand “{text}”").format(text=short(text)),
            done,
        )
        self._service = service
        self._id = demand_id

    def redo(self) -> None:
        self._run(lambda: self._service.remove_demand(self._id))

    def undo(self) -> None:
        self._run(lambda: self._service.restore_demand(self._id))


# --- touchpoints --------------------------------------------------------------------------


class AddTouchpointCommand(ServiceCommand):
    def __init__(
        self, service: StakeholderService, stakeholder_id: str, entry: NewTouchpoint, done: Done
    ) -> None:
        super().__init__(
            translate("StakeholderCommands", "Log touchpoint “{summary}”").format(
                summary=short(entry.summary)
            ),
            done,
        )
        self._service = service
        self._stakeholder_id = stakeholder_id
        self._entry = entry
        self.touchpoint_id = ""

    def redo(self) -> None:
        if self.touchpoint_id:
            self._run(lambda: self._service.restore_touchpoint(self.touchpoint_id))
        else:
            self._run(self._add)

    def _add(self) -> None:
        entry = self._entry
        self.touchpoint_id = self._service.add_touchpoint(
            self._stakeholder_id,
            entry.occurred_on,
            entry.channel,
            our_people=entry.our_people,
            summary=entry.summary,
            follow_up=entry.follow_up,
        ).id

    def undo(self) -> None:
        self._run(lambda: self._service.remove_touchpoint(self.touchpoint_id))


class RemoveTouchpointCommand(ServiceCommand):
    def __init__(
        self, service: StakeholderService, touchpoint_id: str, summary: str, done: Done
    ) -> None:
        super().__init__(
            translate("StakeholderCommands", "Remove touchpoint “{summary}”").format(
                summary=short(summary)
            ),
            done,
        )
        self._service = service
        self._id = touchpoint_id

    def redo(self) -> None:
        self._run(lambda: self._service.remove_touchpoint(self._id))

    def undo(self) -> None:
        self._run(lambda: self._service.restore_touchpoint(self._id))
