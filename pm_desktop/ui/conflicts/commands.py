"""Resolving a conflict as an undoable step: undo puts the field and the record back."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from pm_desktop.core.enums import ConflictResolution
from pm_desktop.ui.conflicts.labels import record_text
from pm_desktop.ui.service_command import Done, ServiceCommand, short

if TYPE_CHECKING:
    from pm_desktop.services.conflicts import ConflictEntry, ConflictService, Resolved


class ResolveConflictCommand(ServiceCommand):
    def __init__(
        self,
        service: ConflictService,
        entry: ConflictEntry,
        resolution: ConflictResolution,
        done: Done,
        *,
        overwrite_later_change: bool = False,
    ) -> None:
        super().__init__(
            QCoreApplication.translate("Conflicts", "Resolve conflict in {record}").format(
                record=short(record_text(entry))
            ),
            done,
        )
        self._service = service
        self._conflict_id = entry.id
        self._resolution = resolution
        self._overwrite = overwrite_later_change
        self.resolved: Resolved | None = None

    def redo(self) -> None:
        self._run(self._resolve)

    def _resolve(self) -> None:
        self.resolved = self._service.resolve(
            self._conflict_id, self._resolution, overwrite_later_change=self._overwrite
        )

    def undo(self) -> None:
        resolved = self.resolved
        assert resolved is not None
        self._run(lambda: self._service.reopen(resolved))
