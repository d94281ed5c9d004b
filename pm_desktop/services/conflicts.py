"""Sync conflicts: what lost to a concurrent change, listed and resolved with one call.

The hub writes a ``sync_conflicts`` record when two devices changed the same text field without
seeing each other's change, or one deleted a row the other edited (the row is kept); records
arrive here with the normal pull. Resolving one writes, in one transaction and through the ORM
(so change capture logs it and it syncs): the chosen value into the field, or the row's
tombstone, and the record's resolution. Every resolution can be undone (:meth:`reopen`).

"Mine" is the side this device wrote (``store.device_id``); "kept" is the side that won the
merge (the value the field holds), "lost" the other.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from enum import Enum
from typing import Any

from sqlalchemy import Column, String, func, inspect, select
from sqlalchemy import Enum as SqlEnum
from sqlalchemy.orm import Session

from pm_desktop.core.enums import ConflictKind, ConflictResolution, MeetingStatus
from pm_desktop.core.errors import NotFoundError, ValidationError
from pm_desktop.core.hlc import HlcStamp
from pm_desktop.core.meetings import OPEN_STATUSES
from pm_desktop.services.plan import PlanService
from pm_desktop.storage.base import Synced
from pm_desktop.storage.changes import decode_value, encode_value, tombstone
from pm_desktop.storage.database import Store
from pm_desktop.storage.models import (
    ActionItem,
    Meeting,
    Person,
    PlanTask,
    Project,
    SyncConflict,
    TaskAssignment,
    TaskDependency,
    TeamAssignment,
    Touchpoint,
    synced_models,
)

DELETED = "deleted"
#: Between the two texts of "keep both": a blank line in long text, " / " in a one-line field.
LONG_TEXT_SEPARATOR = "\n\n"
LINE_SEPARATOR = " / "
LABEL_LENGTH = 60

#: The column that names a row, per table (the first non-empty one is the label).
_NAME_COLUMNS: dict[str, tuple[str, ...]] = {
    "action_items": ("what",),
    "agenda_items": ("title",),
    "meetings": ("title",),
    "meeting_attendees": ("name",),
    "outbox_messages": ("subject",),
    "outbox_recipients": ("name", "address"),
    "people": ("name",),
    "plan_tasks": ("name",),
    "projects": ("name",),
    "raci_entries": ("work_item",),
    "stakeholders": ("name",),
    "team_assignments": ("role_name",),
    "team_templates": ("name",),
    "template_roles": ("name",),
    "working_calendars": ("name",),
}
#: Rows shown only within another row (a demand in its stakeholder, an agenda item in its
#: meeting…): table -> (foreign key column, parent table). Keeping such a row against a
#: deletion brings back a parent that was deleted too, or the row would show nowhere.
_SHOWN_WITHIN: dict[str, tuple[tuple[str, str], ...]] = {
    "action_status_changes": (("action_id", "action_items"),),
    "agenda_items": (("meeting_id", "meetings"),),
    "calendar_exceptions": (("calendar_id", "working_calendars"),),
    "demands": (("stakeholder_id", "stakeholders"),),
    "meeting_attendees": (("meeting_id", "meetings"),),
    "minute_entries": (("meeting_id", "meetings"),),
    "outbox_recipients": (("message_id", "outbox_messages"),),
    "pool_events": (("person_id", "people"),),
    "task_assignments": (("task_id", "plan_tasks"),),
    "task_dependencies": (("successor_id", "plan_tasks"), ("predecessor_id", "plan_tasks")),
    "template_roles": (("template_id", "team_templates"),),
    "touchpoints": (("stakeholder_id", "stakeholders"),),
    "unavailability": (("person_id", "people"),),
}
#: Rows without a name of their own are named after the row they are shown within.
_PARENTS: dict[str, tuple[str, str]] = {
    table: within[0] for table, within in _SHOWN_WITHIN.items() if table not in _NAME_COLUMNS
}
#: Rows that follow their meeting's closing: closed minutes are read-only.
_OF_MEETING = frozenset({"agenda_items", "minute_entries", "meeting_attendees"})


class ConflictChangedError(ValidationError):
    """The field (or row) changed after the conflict (or its resolution): resolving or undoing
    now would overwrite that newer change, so nothing was written."""

    code = "conflict_changed"


@dataclass(frozen=True, slots=True)
class ConflictSide:
    """One side of a conflict as the panel shows it."""

    text: str
    """The value as display text (for a delete conflict: empty)."""
    user: str
    """The hub user who wrote it ("" when unknown)."""
    device: str
    mine: bool
    """Written on this computer."""
    at: datetime | None
    """When it was written (from its clock stamp), UTC."""


@dataclass(frozen=True, slots=True)
class ConflictEntry:
    """An open conflict, described for the panel. Labels of tables and columns are the UI's."""

    id: str
    kind: ConflictKind
    project_id: str | None
    project_name: str
    """"" for a team-wide record (no project)."""
    table: str
    row_id: str
    column: str
    record: str
    """What names the record (an action's what, a meeting's title…); "" if nothing does."""
    kept: ConflictSide
    """The side the field holds after the merge (for a delete conflict: the edit)."""
    lost: ConflictSide
    """The side that lost (for a delete conflict: the deletion)."""
    detected_at: datetime
    multiline: bool
    """A long text field (wraps; "keep both" puts a blank line between the texts)."""
    can_keep_both: bool
    current: str
    """The field's value now, as display text."""
    changed_since: bool
    """The field (or row) no longer holds the kept value: someone changed it after."""
    row_missing: bool
    """The record is not on this computer."""
    row_fields: tuple[tuple[str, str], ...] = ()
    """For a delete conflict: the row's non-empty text fields, (column, text)."""
    deleted_within: tuple[tuple[str, str], ...] = ()
    """For a delete conflict: the deleted rows it shows within, (table, what names it),
    which keeping it brings back."""

    @property
    def when(self) -> datetime:
        """The later of the two changes (or when the hub found the conflict)."""
        stamps = [s.at for s in (self.kept, self.lost) if s.at is not None]
        return max(stamps) if stamps else self.detected_at

    @property
    def mine(self) -> ConflictSide | None:
        """This computer's side, if one is."""
        return next((s for s in (self.kept, self.lost) if s.mine), None)

    def resolution_keeping(self, side: ConflictSide) -> ConflictResolution:
        """The resolution that keeps ``side`` (kept: KEPT; lost: RESTORED or, for a deletion,
        DELETED)."""
        if side is self.kept:
            return ConflictResolution.KEPT
        return (
            ConflictResolution.DELETED
            if self.kind == ConflictKind.DELETE
            else ConflictResolution.RESTORED
        )

    def allows(self, resolution: ConflictResolution, *, overwriting: bool = False) -> bool:
        """Whether :meth:`ConflictService.resolve` would accept ``resolution`` now (with
        ``overwriting``: also when that overwrites a change made after the conflict)."""
        if self.kind == ConflictKind.DELETE:
            if resolution == ConflictResolution.KEPT:
                return not self.changed_since
            return resolution == ConflictResolution.DELETED
        if resolution == ConflictResolution.KEPT:
            return True
        writable = not self.row_missing and (overwriting or not self.changed_since)
        if resolution == ConflictResolution.BOTH:
            return writable and self.can_keep_both
        return writable and resolution == ConflictResolution.RESTORED

    def overwrites(self, resolution: ConflictResolution) -> bool:
        """Whether ``resolution`` would overwrite a change made after the conflict (allowed
        only when asked for: see :meth:`ConflictService.resolve`)."""
        return not self.allows(resolution) and self.allows(resolution, overwriting=True)


@dataclass(frozen=True, slots=True)
class Resolved:
    """What a resolution wrote, so that :meth:`ConflictService.reopen` can put it back."""

    conflict_id: str
    resolution: ConflictResolution
    written: str | None = None
    """The field's new ``value_json`` (None: the field was not written)."""
    previous: str | None = None
    """The field's ``value_json`` before."""
    tombstoned: tuple[tuple[str, str], ...] = ()
    """(table, row id) of the rows "delete it" tombstoned."""
    restored: tuple[tuple[str, str], ...] = ()
    """(table, row id) of the deleted rows "keep it" brought back with the row."""
    reschedule: str | None = None
    """The project whose plan dates follow the change."""


def _model(table: str) -> type[Synced]:
    model = synced_models().get(table)
    if model is None:
        raise NotFoundError(f"no synced table {table!r}")
    return model


def _column(model: type[Synced], name: str) -> Column[Any]:
    column = model.table().c.get(name)
    if column is None:
        raise NotFoundError(f"no column {name!r} in {model.__tablename__}")
    return column


def _attribute(model: type[Synced], column: str) -> str:
    """The ORM attribute mapped to ``column``."""
    for attr in inspect(model).column_attrs:
        if attr.columns[0].name == column:
            return str(attr.key)
    raise NotFoundError(f"no attribute for {model.__tablename__}.{column}")


def is_text(column: Column[Any]) -> bool:
    return isinstance(column.type, String) and not isinstance(column.type, SqlEnum)


def is_long_text(column: Column[Any]) -> bool:
    """Text without a length limit (minutes, notes…), as opposed to a one-line name."""
    return is_text(column) and getattr(column.type, "length", None) is None


def display_text(value: Any) -> str:
    """A field's value as text for the panel."""
    if value is None:
        return ""
    if isinstance(value, Enum):
        return str(value.value)
    if isinstance(value, datetime):
        return value.astimezone().strftime("%Y-%m-%d %H:%M")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return str(value)


def both_texts(kept: str, lost: str, *, long_text: bool) -> str:
    """Both texts of "keep both": the kept one first; the longer alone if it holds the other."""
    if lost in kept:
        return kept
    if kept in lost:
        return lost
    separator = LONG_TEXT_SEPARATOR if long_text else LINE_SEPARATOR
    return kept.rstrip() + separator + lost.lstrip()


def _instant(hlc: str) -> datetime | None:
    try:
        return datetime.fromtimestamp(HlcStamp.decode(hlc).wall_ms / 1000, UTC)
    except ValueError:
        return None


def _one_line(text: str) -> str:
    line = " ".join(text.split())
    return line if len(line) <= LABEL_LENGTH else line[: LABEL_LENGTH - 1] + "…"


class ConflictService:
    def __init__(self, store: Store) -> None:
        self._store = store

    # --- reading --------------------------------------------------------------------------

    def open_conflicts(self, project_id: str | None = None) -> list[ConflictEntry]:
        """The open conflicts, oldest first; with ``project_id``, that project's only (team-wide
        ones have none)."""
        with self._store.read() as session:
            rows = session.scalars(
                select(SyncConflict)
                .where(*self._open(project_id))
                .order_by(SyncConflict.detected_at, SyncConflict.id)
            ).all()
            names = self._project_names(session, {r.project_id for r in rows if r.project_id})
            return [self._entry(session, r, names) for r in rows]

    def count_open(self, project_id: str | None = None) -> int:
        query = select(func.count()).select_from(SyncConflict).where(*self._open(project_id))
        with self._store.read() as session:
            return session.scalar(query) or 0

    def get(self, conflict_id: str) -> ConflictEntry:
        with self._store.read() as session:
            row = session.get(SyncConflict, conflict_id)
            if row is None or row.deleted:
                raise NotFoundError(f"no conflict {conflict_id}")
            names = self._project_names(session, {row.project_id} if row.project_id else set())
            return self._entry(session, row, names)

    @staticmethod
    def _open(project_id: str | None) -> list[Any]:
        """The conditions of an open conflict (of ``project_id``, when given)."""
        conditions: list[Any] = [
            SyncConflict.deleted.is_(False),
            SyncConflict.resolution == ConflictResolution.OPEN,
        ]
        if project_id is not None:
            conditions.append(SyncConflict.project_id == project_id)
        return conditions

    @staticmethod
    def _project_names(session: Session, ids: set[str]) -> dict[str, str]:
        if not ids:
            return {}
        query = select(Project.id, Project.name).where(Project.id.in_(ids))
        return {project_id: name for project_id, name in session.execute(query)}

    def _entry(self, session: Session, c: SyncConflict, names: dict[str, str]) -> ConflictEntry:
        model = synced_models().get(c.table_name)
        column = model.table().c.get(c.column_name) if model is not None else None
        row = _subject(session, c)
        mine = self._store.device_id

        def side(value: str, hlc: str, device: str, user: str) -> ConflictSide:
            text = ""
            if c.kind == ConflictKind.EDIT and column is not None:
                text = self._display(column, value)
            return ConflictSide(text, user, device, device == mine, _instant(hlc))

        current, changed = "", False
        if row is not None and column is not None:
            value = getattr(row, _attribute(type(row), column.name))
            current = display_text(value)
            changed = not _holds(column, value, c.kept_value)
            if c.kind == ConflictKind.EDIT:
                changed = changed or row.deleted
        fields: tuple[tuple[str, str], ...] = ()
        if c.kind == ConflictKind.DELETE and row is not None:
            fields = tuple(
                (col.name, text)
                for col in row.table().columns
                if is_text(col) and col.name not in ("id", "hlc") and not col.name.endswith("_id")
                if (text := display_text(getattr(row, _attribute(type(row), col.name))).strip())
            )
        within: tuple[tuple[str, str], ...] = ()
        if c.kind == ConflictKind.DELETE and row is not None and not row.deleted:
            within = tuple(
                (parent.__tablename__, self._label(session, parent.__tablename__, parent))
                for parent in _deleted_parents(session, row)
            )
        return ConflictEntry(
            id=c.id,
            kind=c.kind,
            project_id=c.project_id,
            project_name=names.get(c.project_id or "", ""),
            table=c.table_name,
            row_id=c.row_id,
            column=c.column_name,
            record=self._label(session, c.table_name, row),
            kept=side(c.kept_value, c.kept_hlc, c.kept_device, c.kept_user),
            lost=side(c.lost_value, c.lost_hlc, c.lost_device, c.lost_user),
            detected_at=c.detected_at,
            multiline=column is not None and is_long_text(column),
            can_keep_both=c.kind == ConflictKind.EDIT and column is not None and is_text(column),
            current=current,
            changed_since=changed,
            row_missing=row is None,
            row_fields=fields,
            deleted_within=within,
        )

    @staticmethod
    def _display(column: Column[Any], value_json: str) -> str:
        try:
            return display_text(decode_value(column, value_json))
        except (ValueError, TypeError, LookupError):
            return value_json

    def _label(self, session: Session, table: str, row: Synced | None, depth: int = 0) -> str:
        """What names ``row``: its name column, else the row it belongs to's."""
        if row is None:
            return ""
        for name in _NAME_COLUMNS.get(table, ()):
            text = _one_line(str(getattr(row, name, "") or ""))
            if text:
                return text
        parent = _PARENTS.get(table)
        if parent is not None and depth < 2:
            parent_id = getattr(row, parent[0], None)
            if parent_id:
                return self._label(
                    session, parent[1], session.get(_model(parent[1]), parent_id), depth + 1
                )
        if isinstance(row, ActionItem) and row.number:
            return f"#{row.number}"
        return ""

    # --- resolving ------------------------------------------------------------------------

    def resolve(
        self,
        conflict_id: str,
        resolution: ConflictResolution,
        *,
        overwrite_later_change: bool = False,
    ) -> Resolved:
        """Resolve an open conflict:

        - ``KEPT``: the winning value (or, for a delete conflict, the row) stays; nothing else
          is written. Allowed even if the field changed since: it writes nothing to it.
        - ``RESTORED``: the losing value goes back into the field.
        - ``BOTH``: the field gets both texts, the one it holds now first.
        - ``DELETED`` (delete conflicts): the row is deleted as the app deletes such rows.

        Raises :class:`ConflictChangedError` when writing would overwrite a change made after
        the conflict (unless ``overwrite_later_change``: the user saw it and agreed),
        :class:`ValidationError` when the conflict is no longer open or the choice does not
        fit its kind.
        """
        with self._store.write() as session:
            conflict = self._open_one(session, conflict_id)
            if conflict.kind == ConflictKind.DELETE:
                done = self._resolve_delete(session, conflict, resolution)
            else:
                done = self._resolve_edit(
                    session, conflict, resolution, overwrite=overwrite_later_change
                )
            conflict.resolution = resolution
            conflict.resolved_at = datetime.now(UTC)
        if done.reschedule:
            PlanService(self._store).reschedule(done.reschedule)
        return done

    def reopen(self, resolved: Resolved) -> None:
        """Undo a resolution: the field (or the rows) and the record as they were before.

        Refused with :class:`ConflictChangedError` if the field was changed after the
        resolution (undoing would overwrite that change)."""
        with self._store.write() as session:
            conflict = session.get(SyncConflict, resolved.conflict_id)
            if conflict is None:
                raise NotFoundError(f"no conflict {resolved.conflict_id}")
            if resolved.written is not None and resolved.previous is not None:
                row, attr, column = self._target(session, conflict)
                if not _holds(column, getattr(row, attr), resolved.written):
                    raise ConflictChangedError(
                        "The field was edited after the conflict was resolved; undoing would "
                        "overwrite that edit.",
                        field=conflict.column_name,
                    )
                setattr(row, attr, decode_value(column, resolved.previous))
            for table, row_id in resolved.tombstoned:
                gone = session.get(_model(table), row_id)
                if gone is not None:
                    gone.deleted = False
            for table, row_id in resolved.restored:
                back = session.get(_model(table), row_id)
                if back is not None and not back.deleted:
                    tombstone(back)
            conflict.resolution = ConflictResolution.OPEN
            conflict.resolved_at = None
        if resolved.reschedule:
            PlanService(self._store).reschedule(resolved.reschedule)

    @staticmethod
    def _open_one(session: Session, conflict_id: str) -> SyncConflict:
        conflict = session.get(SyncConflict, conflict_id)
        if conflict is None or conflict.deleted:
            raise NotFoundError(f"no conflict {conflict_id}")
        if conflict.resolution != ConflictResolution.OPEN:
            raise ValidationError("This conflict was resolved already.", field="conflict")
        return conflict

    @staticmethod
    def _target(session: Session, conflict: SyncConflict) -> tuple[Synced, str, Column[Any]]:
        """The conflict's row (live or not), the attribute and the column of its field."""
        model = _model(conflict.table_name)
        column = _column(model, conflict.column_name)
        row = _subject(session, conflict)
        if row is None:
            raise NotFoundError(
                f"The record ({conflict.table_name} {conflict.row_id}) is not on this computer."
            )
        return row, _attribute(model, column.name), column

    def _resolve_edit(
        self,
        session: Session,
        conflict: SyncConflict,
        resolution: ConflictResolution,
        *,
        overwrite: bool,
    ) -> Resolved:
        if resolution == ConflictResolution.KEPT:
            return Resolved(conflict.id, resolution)
        if resolution not in (ConflictResolution.RESTORED, ConflictResolution.BOTH):
            raise ValidationError(f"A changed field cannot be resolved as {resolution.value!r}.")
        row, attr, column = self._target(session, conflict)
        current = getattr(row, attr)
        if not overwrite and not _holds(column, current, conflict.kept_value):
            raise ConflictChangedError(
                "The field was edited after the conflict; resolving now would overwrite that "
                "edit. Keep the current value, or edit the field yourself.",
                field=conflict.column_name,
            )
        if row.deleted:
            raise ConflictChangedError(
                "The record was deleted after the conflict.", field=conflict.column_name
            )
        _refuse_if_closed(session, row)
        lost = decode_value(column, conflict.lost_value)
        if resolution == ConflictResolution.BOTH:
            if not is_text(column):
                raise ValidationError("Only text fields can keep both values.")
            lost = both_texts(current or "", lost or "", long_text=is_long_text(column))
        if lost == current:
            return Resolved(conflict.id, resolution)
        setattr(row, attr, lost)
        return Resolved(
            conflict.id,
            resolution,
            written=encode_value(lost),
            previous=encode_value(current),
        )

    def _resolve_delete(
        self, session: Session, conflict: SyncConflict, resolution: ConflictResolution
    ) -> Resolved:
        row = _subject(session, conflict)
        if resolution == ConflictResolution.KEPT:
            if row is not None and row.deleted:
                raise ConflictChangedError(
                    "The record was deleted after the conflict.", field=DELETED
                )
            parents = _deleted_parents(session, row) if row is not None else []
            for parent in parents:
                parent.deleted = False
            return Resolved(
                conflict.id,
                resolution,
                restored=tuple((p.__tablename__, p.id) for p in parents),
                reschedule=next((p.project_id for p in parents if isinstance(p, PlanTask)), None),
            )
        if resolution != ConflictResolution.DELETED:
            raise ValidationError(f"A deleted record cannot be resolved as {resolution.value!r}.")
        if row is None or row.deleted:
            return Resolved(conflict.id, resolution)  # gone already: nothing to delete
        _refuse_if_closed(session, row, deleting=True)
        gone, reschedule = _delete(session, row)
        return Resolved(
            conflict.id,
            resolution,
            tombstoned=tuple((r.__tablename__, r.id) for r in gone),
            reschedule=reschedule,
        )


def _subject(session: Session, conflict: SyncConflict) -> Synced | None:
    """The conflict's row, when it is here and of the conflict's own project. A record that
    names a row of another project (made by hand: the hub records a conflict in its row's
    project) is treated as about a row not here, so resolving it never writes to that row."""
    model = synced_models().get(conflict.table_name)
    row = session.get(model, conflict.row_id) if model is not None else None
    if row is None or row.project_id != conflict.project_id:
        return None
    return row


def _holds(column: Column[Any], value: Any, value_json: str) -> bool:
    """Whether the field's ``value`` is the one ``value_json`` encodes."""
    try:
        return bool(value == decode_value(column, value_json))
    except (ValueError, TypeError, LookupError):
        return encode_value(value) == value_json


def _refuse_if_closed(session: Session, row: Synced, *, deleting: bool = False) -> None:
    """Closed minutes are read-only, as in the meetings service: reopen the meeting first.
    (A closed meeting itself may still be deleted.)"""
    if isinstance(row, Meeting):
        meeting_id: str | None = None if deleting else row.id
    elif isinstance(row, ActionItem) or row.__tablename__ in _OF_MEETING:
        meeting_id = getattr(row, "meeting_id", None)
    else:
        return
    meeting = session.get(Meeting, meeting_id) if meeting_id else None
    if meeting is not None and not meeting.deleted and meeting.status == MeetingStatus.CLOSED:
        raise ValidationError("The minutes are closed. Reopen the meeting to change them.")


def _delete(session: Session, row: Synced) -> tuple[list[Synced], str | None]:
    """Tombstone ``row`` as the app's services remove such a row; what was tombstoned, and the
    project whose plan must be rescheduled (if any)."""
    gone: list[Synced] = [row]
    reschedule: str | None = None
    if isinstance(row, PlanTask):  # with its sub-tasks, their links and assignments
        gone = _with_subtasks(session, row)
        ids = [t.id for t in gone]
        gone += _live(session, TaskDependency, TaskDependency.predecessor_id.in_(ids))
        gone += [
            link
            for link in _live(session, TaskDependency, TaskDependency.successor_id.in_(ids))
            if link not in gone
        ]
        gone += _live(session, TaskAssignment, TaskAssignment.task_id.in_(ids))
        reschedule = row.project_id
    elif isinstance(row, Touchpoint) and row.follow_up_action_id:  # and its open follow-up
        action = session.get(ActionItem, row.follow_up_action_id)
        if action is not None and not action.deleted and action.status in OPEN_STATUSES:
            gone.append(action)
    elif isinstance(row, Person):
        assigned = len(_live(session, TeamAssignment, TeamAssignment.person_id == row.id))
        if assigned:
            raise ValidationError(
                f"{row.name} is on {assigned} assignment(s): record that they left the pool "
                "instead, or remove the assignments first.",
                field="person",
            )
    # A meeting goes alone: its action items stay in the tracker (the safe choice of the
    # meetings service), and so do the rows of other tables, as their services leave them.
    for each in gone:
        tombstone(each)
    return gone, reschedule


def _deleted_parents(session: Session, row: Synced) -> list[Synced]:
    """The deleted rows ``row`` shows within, nearest first (see ``_SHOWN_WITHIN``)."""
    found: list[Synced] = []
    frontier = [row]
    while frontier:
        current = frontier.pop()
        for column, table in _SHOWN_WITHIN.get(current.__tablename__, ()):
            parent_id = getattr(current, column, None)
            parent = session.get(_model(table), parent_id) if parent_id else None
            if parent is not None and parent.deleted and parent not in found:
                found.append(parent)
                frontier.append(parent)
    return found


def _live(session: Session, model: type[Synced], condition: Any) -> list[Any]:
    return list(session.scalars(select(model).where(condition, model.deleted.is_(False))))


def _with_subtasks(session: Session, task: PlanTask) -> list[Synced]:
    found: list[Synced] = [task]
    frontier = {task.id}
    while frontier:
        kids: Sequence[PlanTask] = _live(session, PlanTask, PlanTask.parent_id.in_(frontier))
        found.extend(kids)
        frontier = {k.id for k in kids}
    return found
