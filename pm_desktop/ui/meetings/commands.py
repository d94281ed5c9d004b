"""Undoable edits of the minutes. Each command commits through the meeting service at once.

Adding an item is undone by tombstoning it and redone by restoring the same row, so its
number and history survive. A failing service call makes the command obsolete (Qt then drops
it instead of keeping a phantom step) and is reported through ``done``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication

from pm_desktop.core.enums import ActionStatus, MinuteKind
from pm_desktop.core.meetings import ActionEntry, MinuteNote
from pm_desktop.ui.service_command import Done, ServiceCommand, short

if TYPE_CHECKING:
    from pm_desktop.services.meetings import MeetingService


@dataclass(frozen=True)
class ActionFields:
    """What a new action item is made of (from a quick-entry line)."""

    what: str
    why: str = ""
    who: str = ""
    due_on: date | None = None
    where: str = ""
    how: str = ""


class AddActionCommand(ServiceCommand):
    def __init__(
        self, meetings: MeetingService, meeting_id: str, fields: ActionFields, done: Done
    ) -> None:
        super().__init__(
            QCoreApplication.translate("MeetingCommands", "Add action “{what}”").format(
                what=short(fields.what)
            ),
            done,
        )
        self._meetings = meetings
        self._meeting_id = meeting_id
        self._fields = fields
        self.entry: ActionEntry | None = None

    def redo(self) -> None:
        self._run(self._add_or_restore)

    def _add_or_restore(self) -> None:
        if self.entry is None:
            fields = self._fields
            self.entry = self._meetings.add_action(
                self._meeting_id,
                fields.what,
                why=fields.why,
                who=fields.who,
                due_on=fields.due_on,
                where=fields.where,
                how=fields.how,
            )
        else:
            self._meetings.restore_action(self.entry.id)

    def undo(self) -> None:
        entry = self.entry
        assert entry is not None
        self._run(lambda: self._meetings.remove_action(entry.id))


class AddNoteCommand(ServiceCommand):
    def __init__(
        self, meetings: MeetingService, meeting_id: str, kind: MinuteKind, text: str, done: Done
    ) -> None:
        label = (
            QCoreApplication.translate("MeetingCommands", "Add decision “{text}”")
            if kind == MinuteKind.DECISION
            else QCoreApplication.translate("MeetingCommands", "Add note “{text}”")
        )
        super().__init__(label.format(text=short(text)), done)
        self._meetings = meetings
        self._meeting_id = meeting_id
        self._kind = kind
        self._text = text
        self.note: MinuteNote | None = None

    def redo(self) -> None:
        self._run(self._add_or_restore)

    def _add_or_restore(self) -> None:
        if self.note is None:
            self.note = self._meetings.add_note(self._meeting_id, self._kind, self._text)
        else:
            self._meetings.restore_note(self.note.id)

    def undo(self) -> None:
        note = self.note
        assert note is not None
        self._run(lambda: self._meetings.remove_note(note.id))


class EditActionCommand(ServiceCommand):
    """One field of an action item (what, why, who, due_on, where, how) changed in place."""

    def __init__(
        self, meetings: MeetingService, action: ActionEntry, field: str, value: Any, done: Done
    ) -> None:
        super().__init__(
            QCoreApplication.translate("MeetingCommands", "Edit action {number}").format(
                number=action.number
            ),
            done,
        )
        self._meetings = meetings
        self._id = action.id
        self._field = field
        self._old = getattr(action, field)
        self._new = value

    def redo(self) -> None:
        self._run(lambda: self._meetings.update_action(self._id, **{self._field: self._new}))

    def undo(self) -> None:
        self._run(lambda: self._meetings.update_action(self._id, **{self._field: self._old}))


class SetActionStatusCommand(ServiceCommand):
    def __init__(
        self,
        meetings: MeetingService,
        action: ActionEntry,
        status: ActionStatus,
        meeting_id: str,
        done: Done,
    ) -> None:
        super().__init__(
            QCoreApplication.translate(
                "MeetingCommands", "Change the status of action {number}"
            ).format(number=action.number),
            done,
        )
        self._meetings = meetings
        self._id = action.id
        self._old = action.status
        self._new = status
        self._meeting_id = meeting_id

    def redo(self) -> None:
        self._run(self._setter(self._new))

    def undo(self) -> None:
        self._run(self._setter(self._old))

    def _setter(self, status: ActionStatus) -> Callable[[], object]:
        return lambda: self._meetings.set_action_status(
            [self._id], status, meeting_id=self._meeting_id
        )


class EditNoteCommand(ServiceCommand):
    def __init__(self, meetings: MeetingService, note: MinuteNote, text: str, done: Done) -> None:
        label = (
            QCoreApplication.translate("MeetingCommands", "Edit decision “{text}”")
            if note.kind == MinuteKind.DECISION
            else QCoreApplication.translate("MeetingCommands", "Edit note “{text}”")
        )
        super().__init__(label.format(text=short(text)), done)
        self._meetings = meetings
        self._id = note.id
        self._old = note.text
        self._new = text

    def redo(self) -> None:
        self._run(lambda: self._meetings.update_note(self._id, self._new))

    def undo(self) -> None:
        self._run(lambda: self._meetings.update_note(self._id, self._old))
