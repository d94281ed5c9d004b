"""The tracker's bulk status change as an undoable command.

Push it on the main window's undo stack, or call :meth:`SetActionStatusesCommand.redo` once
when there is none. Undo puts every item back to the status it had, one service call per
former status. A failing call makes the command obsolete and is reported through ``done``.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from pm_desktop.core.enums import ActionStatus
from pm_desktop.core.errors import PmError
from pm_desktop.core.meetings import ActionEntry
from pm_desktop.ui.tracker.labels import status_label

if TYPE_CHECKING:
    from pm_desktop.services.meetings import MeetingService

log = logging.getLogger(__name__)

#: Called after every run of the command, with the error it met (None: it succeeded).
Done = Callable[[PmError | None], None]


class SetActionStatusesCommand(QUndoCommand):
    """Set one status on many action items; items already in it are left alone."""

    def __init__(
        self,
        meetings: MeetingService,
        actions: Sequence[ActionEntry],
        status: ActionStatus,
        done: Done,
    ) -> None:
        self._before = {a.id: a.status for a in actions if a.status != status}
        text = (
            QCoreApplication.translate("TrackerCommands", "Mark the action item “{status}”")
            if len(self._before) == 1
            else QCoreApplication.translate(
                "TrackerCommands", "Mark {count} action items “{status}”"
            )
        )
        super().__init__(text.format(status=status_label(status), count=len(self._before)))
        self._meetings = meetings
        self._status = status
        self._done = done

    @property
    def changes(self) -> int:
        """How many items the command changes (0: nothing to do)."""
        return len(self._before)

    def redo(self) -> None:
        self._run(lambda: self._meetings.set_action_status(list(self._before), self._status))

    def undo(self) -> None:
        def put_back() -> None:
            for status in ActionStatus:
                ids = [i for i, before in self._before.items() if before == status]
                if ids:
                    self._meetings.set_action_status(ids, status)

        self._run(put_back)

    def _run(self, action: Callable[[], object]) -> None:
        try:
            action()
        except PmError as error:
            self._fail(error)
            return
        except Exception as error:  # a bug: report it rather than leave a phantom undo step
            log.exception("status change failed")
            self._fail(PmError(str(error)))
            return
        self._done(None)

    def _fail(self, error: PmError) -> None:
        self.setObsolete(True)  # Qt then drops the command instead of keeping it to undo
        self._done(error)
