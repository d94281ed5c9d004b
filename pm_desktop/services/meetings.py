"""Meetings: creating them from agenda templates, attendance, agenda, minutes and action items.

Every method is one unit of work and returns core read models. Closed meetings are
read-only until reopened: edits to them raise :class:`ValidationError`.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from datetime import UTC, date, datetime
from functools import cache
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from pm_desktop.core.enums import (
    ActionStatus,
    Attendance,
    MeetingStatus,
    MeetingType,
    MinuteKind,
)
from pm_desktop.core.errors import NotFoundError, ValidationError
from pm_desktop.core.meetings import (
    OPEN_STATUSES,
    ActionEntry,
    AgendaEntry,
    Attendee,
    AttendeeCandidate,
    MeetingSummary,
    MinuteNote,
    Minutes,
    StatusChange,
)
from pm_desktop.locations import resources_dir
from pm_desktop.storage.changes import tombstone
from pm_desktop.storage.database import Store
from pm_desktop.storage.models import (
    ActionItem,
    ActionStatusChange,
    AgendaItem,
    LocalMeta,
    Meeting,
    MeetingAttendee,
    MinuteEntry,
    Person,
    Project,
    Stakeholder,
    TeamAssignment,
)

#: Fields of an action item that can be edited in place.
ACTION_TEXT_FIELDS = ("what", "why", "who", "where", "how")

#: Key prefix of the quick-entry drafts kept in ``local_meta`` (device-local, never synced).
DRAFT_KEY_PREFIX = "draft:"


@cache
def agenda_templates() -> dict[str, dict[str, list[list[Any]]]]:
    """Default agendas per meeting type and language, from resources/templates/agendas.json."""
    path = resources_dir() / "templates" / "agendas.json"
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return {key: value for key, value in data.items() if not key.startswith("_")}


def default_agenda(meeting_type: MeetingType, language: str) -> list[tuple[str, int]]:
    by_language = agenda_templates().get(meeting_type.value, {})
    items = by_language.get(language) or by_language.get("en") or []
    return [(str(title), int(minutes)) for title, minutes in items]


def _now() -> datetime:
    return datetime.now(UTC)


def summary_of(meeting: Meeting, open_actions: int = 0) -> MeetingSummary:
    return MeetingSummary(
        id=meeting.id,
        project_id=meeting.project_id or "",
        meeting_type=meeting.meeting_type,
        title=meeting.title,
        series=meeting.series,
        starts_at=meeting.starts_at,
        ends_at=meeting.ends_at,
        location=meeting.location,
        status=meeting.status,
        scribe=meeting.scribe,
        open_actions=open_actions,
    )


def action_of(item: ActionItem, history: Sequence[ActionStatusChange] = ()) -> ActionEntry:
    return ActionEntry(
        id=item.id,
        number=item.number,
        what=item.what,
        why=item.why,
        who=item.who,
        due_on=item.due_on,
        where=item.where,
        how=item.how,
        status=item.status,
        meeting_id=item.meeting_id,
        history=tuple(StatusChange(h.status, h.changed_at, h.note) for h in history),
    )


def _live(session: Session, model: Any, row_id: str) -> Any:
    row = session.get(model, row_id)
    if row is None or row.deleted:
        raise NotFoundError(f"no {model.__tablename__} row {row_id}")
    return row


def _of_meeting(session: Session, model: Any, meeting_id: str, *order_by: Any) -> Sequence[Any]:
    """The live (not tombstoned) rows of ``model`` that belong to a meeting, in order."""
    return session.scalars(
        select(model)
        .where(model.meeting_id == meeting_id, model.deleted.is_(False))
        .order_by(*order_by)
    ).all()


def _editable_meeting(session: Session, meeting_id: str) -> Meeting:
    meeting: Meeting = _live(session, Meeting, meeting_id)
    if meeting.status == MeetingStatus.CLOSED:
        raise ValidationError("The minutes are closed. Reopen the meeting to change them.")
    return meeting


class MeetingService:
    def __init__(self, store: Store) -> None:
        self._store = store

    # --- meetings ----------------------------------------------------------------------

    def of_project(self, project_id: str) -> list[MeetingSummary]:
        """The project's meetings, newest first, with their count of open actions."""
        open_count = (
            select(ActionItem.meeting_id, func.count().label("n"))
            .where(
                ActionItem.project_id == project_id,
                ActionItem.deleted.is_(False),
                ActionItem.status.in_(OPEN_STATUSES),
            )
            .group_by(ActionItem.meeting_id)
            .subquery()
        )
        query = (
            select(Meeting, func.coalesce(open_count.c.n, 0))
            .outerjoin(open_count, open_count.c.meeting_id == Meeting.id)
            .where(Meeting.project_id == project_id, Meeting.deleted.is_(False))
            .order_by(Meeting.starts_at.desc())
        )
        with self._store.read() as session:
            return [summary_of(m, n) for m, n in session.execute(query)]

    def get(self, meeting_id: str) -> MeetingSummary:
        with self._store.read() as session:
            return summary_of(_live(session, Meeting, meeting_id))

    def create(
        self,
        project_id: str,
        meeting_type: MeetingType,
        title: str,
        starts_at: datetime,
        *,
        ends_at: datetime | None = None,
        location: str = "",
        series: str = "",
        scribe: str = "",
        language: str = "zh_CN",
    ) -> MeetingSummary:
        """A planned meeting with its type's default agenda; open actions of the previous
        meeting of the same series are carried to it for review."""
        title = " ".join(title.split())
        if not title:
            raise ValidationError("A meeting needs a title.", field="title")
        if ends_at is not None and ends_at < starts_at:
            raise ValidationError("A meeting cannot end before it starts.", field="ends_at")
        with self._store.write() as session:
            _live(session, Project, project_id)
            meeting = Meeting(
                project_id=project_id,
                meeting_type=meeting_type,
                title=title,
                starts_at=starts_at,
                ends_at=ends_at,
                location=location.strip(),
                series=series.strip(),
                scribe=scribe.strip(),
                status=MeetingStatus.PLANNED,
            )
            session.add(meeting)
            session.flush()
            for order, (item_title, minutes) in enumerate(default_agenda(meeting_type, language)):
                session.add(
                    AgendaItem(
                        project_id=project_id,
                        meeting_id=meeting.id,
                        title=item_title,
                        duration_min=minutes,
                        sort_order=order,
                    )
                )
            self._carry_open_actions(session, meeting)
            return summary_of(meeting)

    def update_details(
        self,
        meeting_id: str,
        *,
        meeting_type: MeetingType,
        title: str,
        starts_at: datetime,
        location: str = "",
        series: str = "",
        scribe: str = "",
    ) -> MeetingSummary:
        """Correct a meeting's type, title, start, place, series or scribe (not when closed)."""
        title = " ".join(title.split())
        if not title:
            raise ValidationError("A meeting needs a title.", field="title")
        with self._store.write() as session:
            meeting = _editable_meeting(session, meeting_id)
            if meeting.ends_at is not None and meeting.ends_at < starts_at:
                raise ValidationError("A meeting cannot end before it starts.", field="starts_at")
            meeting.meeting_type = meeting_type
            meeting.title = title
            meeting.starts_at = starts_at
            meeting.location = location.strip()
            meeting.series = series.strip()
            meeting.scribe = scribe.strip()
            return summary_of(meeting)

    def set_status(self, meeting_id: str, status: MeetingStatus) -> MeetingSummary:
        with self._store.write() as session:
            meeting: Meeting = _live(session, Meeting, meeting_id)
            meeting.status = status
            if status == MeetingStatus.CLOSED and meeting.ends_at is None:
                meeting.ends_at = max(_now(), meeting.starts_at)
            return summary_of(meeting)

    def start(self, meeting_id: str, at: datetime) -> MeetingSummary:
        """Put a meeting in progress. Started for the first time (from planned), its start
        becomes ``at``, the moment it really began (an end already set moves with it)."""
        if at.tzinfo is None:
            raise ValueError("instants must be timezone-aware")
        with self._store.write() as session:
            meeting: Meeting = _live(session, Meeting, meeting_id)
            if meeting.status == MeetingStatus.PLANNED:
                if meeting.ends_at is not None:
                    meeting.ends_at = meeting.ends_at + (at - meeting.starts_at)
                meeting.starts_at = at
            meeting.status = MeetingStatus.IN_PROGRESS
            return summary_of(meeting)

    def remove(self, meeting_id: str, *, keep_actions: bool) -> None:
        """Tombstone a meeting; its action items stay in the tracker unless ``keep_actions``
        is False, in which case they are tombstoned too."""
        with self._store.write() as session:
            meeting: Meeting = _live(session, Meeting, meeting_id)
            tombstone(meeting)
            if not keep_actions:
                for item in _of_meeting(session, ActionItem, meeting_id):
                    tombstone(item)

    def action_count(self, meeting_id: str) -> int:
        with self._store.read() as session:
            return (
                session.scalar(
                    select(func.count())
                    .select_from(ActionItem)
                    .where(ActionItem.meeting_id == meeting_id, ActionItem.deleted.is_(False))
                )
                or 0
            )

    # --- attendance and agenda ----------------------------------------------------------

    def add_attendee(
        self,
        meeting_id: str,
        name: str,
        *,
        email: str = "",
        stakeholder_id: str | None = None,
        person_id: str | None = None,
        attendance: Attendance = Attendance.INVITED,
    ) -> Attendee:
        name = name.strip()
        if not name:
            raise ValidationError("An attendee needs a name.", field="name")
        with self._store.write() as session:
            meeting = _editable_meeting(session, meeting_id)
            row = MeetingAttendee(
                project_id=meeting.project_id,
                meeting_id=meeting_id,
                name=name,
                email=email.strip(),
                stakeholder_id=stakeholder_id,
                person_id=person_id,
                attendance=attendance,
            )
            session.add(row)
            session.flush()
            return _attendee_of(row)

    def attendee_candidates(self, meeting_id: str) -> list[AttendeeCandidate]:
        """The project's stakeholders, then its team members (people with an assignment on
        it), each by name, leaving out whoever already attends (by link or by name)."""
        with self._store.read() as session:
            meeting: Meeting = _live(session, Meeting, meeting_id)
            attending = _of_meeting(session, MeetingAttendee, meeting_id)
            names = {a.name.strip().casefold() for a in attending}
            stakeholder_ids = {a.stakeholder_id for a in attending if a.stakeholder_id}
            person_ids = {a.person_id for a in attending if a.person_id}
            stakeholders = session.scalars(
                select(Stakeholder)
                .where(Stakeholder.project_id == meeting.project_id, Stakeholder.deleted.is_(False))
                .order_by(Stakeholder.name)
            ).all()
            people = session.scalars(
                select(Person)
                .join(TeamAssignment, TeamAssignment.person_id == Person.id)
                .where(
                    TeamAssignment.project_id == meeting.project_id,
                    TeamAssignment.deleted.is_(False),
                    Person.deleted.is_(False),
                )
                .order_by(Person.name)
                .distinct()
            ).all()
            found = [
                AttendeeCandidate(s.name, s.email, s.organisation, stakeholder_id=s.id)
                for s in stakeholders
                if s.id not in stakeholder_ids
            ] + [
                AttendeeCandidate(p.name, p.email, p.company, person_id=p.id)
                for p in people
                if p.id not in person_ids
            ]
        return [c for c in found if c.name.strip().casefold() not in names]

    def set_attendance(self, attendee_id: str, attendance: Attendance) -> Attendee:
        with self._store.write() as session:
            row: MeetingAttendee = _live(session, MeetingAttendee, attendee_id)
            _editable_meeting(session, row.meeting_id)
            row.attendance = attendance
            return _attendee_of(row)

    def remove_attendee(self, attendee_id: str) -> None:
        with self._store.write() as session:
            row: MeetingAttendee = _live(session, MeetingAttendee, attendee_id)
            _editable_meeting(session, row.meeting_id)
            tombstone(row)

    def add_agenda_item(self, meeting_id: str, title: str, duration_min: int = 0) -> AgendaEntry:
        title = title.strip()
        if not title:
            raise ValidationError("An agenda item needs a title.", field="title")
        with self._store.write() as session:
            meeting = _editable_meeting(session, meeting_id)
            last = session.scalar(
                select(func.max(AgendaItem.sort_order)).where(AgendaItem.meeting_id == meeting_id)
            )
            row = AgendaItem(
                project_id=meeting.project_id,
                meeting_id=meeting_id,
                title=title,
                duration_min=max(0, duration_min),
                sort_order=(last or 0) + 1,
            )
            session.add(row)
            session.flush()
            return _agenda_of(row)

    def set_agenda_done(self, agenda_id: str, done: bool) -> AgendaEntry:
        with self._store.write() as session:
            row: AgendaItem = _live(session, AgendaItem, agenda_id)
            _editable_meeting(session, row.meeting_id)
            row.done = done
            return _agenda_of(row)

    # --- minutes ------------------------------------------------------------------------

    def add_note(self, meeting_id: str, kind: MinuteKind, text: str) -> MinuteNote:
        if not text.strip():
            raise ValidationError("An empty line is not saved.", field="text")
        with self._store.write() as session:
            meeting = _editable_meeting(session, meeting_id)
            last = session.scalar(
                select(func.max(MinuteEntry.sort_order)).where(MinuteEntry.meeting_id == meeting_id)
            )
            row = MinuteEntry(
                project_id=meeting.project_id,
                meeting_id=meeting_id,
                kind=kind,
                text=text.strip(),
                sort_order=(last or 0) + 1,
            )
            session.add(row)
            session.flush()
            return MinuteNote(row.id, row.kind, row.text)

    def update_note(self, note_id: str, text: str) -> MinuteNote:
        with self._store.write() as session:
            row: MinuteEntry = _live(session, MinuteEntry, note_id)
            _editable_meeting(session, row.meeting_id)
            row.text = text
            return MinuteNote(row.id, row.kind, row.text)

    def remove_note(self, note_id: str) -> None:
        """Tombstone a decision or note (undoing its entry)."""
        with self._store.write() as session:
            row: MinuteEntry = _live(session, MinuteEntry, note_id)
            _editable_meeting(session, row.meeting_id)
            tombstone(row)

    def restore_note(self, note_id: str) -> MinuteNote:
        """Bring back a removed decision or note (redoing its entry)."""
        with self._store.write() as session:
            row = session.get(MinuteEntry, note_id)
            if row is None:
                raise NotFoundError(f"no minute_entries row {note_id}")
            _editable_meeting(session, row.meeting_id)
            row.deleted = False
            return MinuteNote(row.id, row.kind, row.text)

    def add_action(
        self,
        meeting_id: str,
        what: str,
        *,
        why: str = "",
        who: str = "",
        due_on: date | None = None,
        where: str = "",
        how: str = "",
    ) -> ActionEntry:
        if not what.strip():
            raise ValidationError("An action needs a What.", field="what")
        with self._store.write() as session:
            meeting = _editable_meeting(session, meeting_id)
            last = session.scalar(
                select(func.max(ActionItem.number)).where(ActionItem.meeting_id == meeting_id)
            )
            item = ActionItem(
                project_id=meeting.project_id,
                meeting_id=meeting_id,
                number=(last or 0) + 1,
                what=what.strip(),
                why=why.strip(),
                who=who.strip(),
                due_on=due_on,
                where=where.strip(),
                how=how.strip(),
                status=ActionStatus.OPEN,
            )
            session.add(item)
            session.flush()
            change = ActionStatusChange(
                project_id=meeting.project_id,
                action_id=item.id,
                status=ActionStatus.OPEN,
                changed_at=_now(),
                meeting_id=meeting_id,
            )
            session.add(change)
            return action_of(item, [change])

    def update_action(self, action_id: str, **fields: Any) -> ActionEntry:
        """Change text fields (what, why, who, where, how) and/or ``due_on`` of an action."""
        unknown = set(fields) - {*ACTION_TEXT_FIELDS, "due_on"}
        if unknown:
            raise ValueError(f"not editable: {sorted(unknown)}")
        if "what" in fields and not str(fields["what"]).strip():
            raise ValidationError("An action needs a What.", field="what")
        with self._store.write() as session:
            item: ActionItem = _live(session, ActionItem, action_id)
            origin = session.get(Meeting, item.meeting_id) if item.meeting_id else None
            if origin is not None and not origin.deleted:  # kept items of a removed meeting
                _editable_meeting(session, origin.id)  # stay editable in the tracker
            for key, value in fields.items():
                setattr(item, key, value.strip() if isinstance(value, str) else value)
            return action_of(item, _history(session, [item.id]).get(item.id, []))

    def set_action_status(
        self,
        action_ids: Iterable[str],
        status: ActionStatus,
        *,
        note: str = "",
        meeting_id: str | None = None,
    ) -> list[ActionEntry]:
        """Change the status of one or many actions (bulk), recording each change in history."""
        with self._store.write() as session:
            changed: list[ActionItem] = []
            for action_id in action_ids:
                item: ActionItem = _live(session, ActionItem, action_id)
                if item.status == status:
                    continue
                item.status = status
                item.completed_on = _now().date() if status == ActionStatus.DONE else None
                session.add(
                    ActionStatusChange(
                        project_id=item.project_id,
                        action_id=item.id,
                        status=status,
                        changed_at=_now(),
                        meeting_id=meeting_id,
                        note=note,
                    )
                )
                changed.append(item)
            session.flush()
            history = _history(session, [i.id for i in changed])
            return [action_of(i, history.get(i.id, [])) for i in changed]

    def remove_action(self, action_id: str) -> None:
        """Tombstone an action item (undoing its entry); its status history stays."""
        with self._store.write() as session:
            item: ActionItem = _live(session, ActionItem, action_id)
            _editable_origin(session, item)
            tombstone(item)

    def restore_action(self, action_id: str) -> ActionEntry:
        """Bring back a removed action item with its number and history (redoing its entry)."""
        with self._store.write() as session:
            item = session.get(ActionItem, action_id)
            if item is None:
                raise NotFoundError(f"no action_items row {action_id}")
            _editable_origin(session, item)
            item.deleted = False
            return action_of(item, _history(session, [item.id]).get(item.id, []))

    def minutes(self, meeting_id: str) -> Minutes:
        """Everything recorded for a meeting, with the previous actions to review first."""
        with self._store.read() as session:
            meeting: Meeting = _live(session, Meeting, meeting_id)
            project: Project = _live(session, Project, meeting.project_id or "")
            attendees = _of_meeting(session, MeetingAttendee, meeting_id, MeetingAttendee.name)
            agenda = _of_meeting(session, AgendaItem, meeting_id, AgendaItem.sort_order)
            notes = _of_meeting(session, MinuteEntry, meeting_id, MinuteEntry.sort_order)
            actions = _of_meeting(session, ActionItem, meeting_id, ActionItem.number)
            previous = session.scalars(
                select(ActionItem)
                .where(
                    ActionItem.carried_to_meeting_id == meeting_id,
                    ActionItem.deleted.is_(False),
                )
                .order_by(ActionItem.due_on, ActionItem.number)
            ).all()
            history = _history(session, [a.id for a in (*actions, *previous)])
            return Minutes(
                project_name=project.name,
                meeting=summary_of(meeting, sum(a.status in OPEN_STATUSES for a in actions)),
                attendees=tuple(_attendee_of(a) for a in attendees),
                agenda=tuple(_agenda_of(a) for a in agenda),
                decisions=tuple(
                    MinuteNote(n.id, n.kind, n.text) for n in notes if n.kind == MinuteKind.DECISION
                ),
                notes=tuple(
                    MinuteNote(n.id, n.kind, n.text) for n in notes if n.kind == MinuteKind.NOTE
                ),
                actions=tuple(action_of(a, history.get(a.id, [])) for a in actions),
                previous_actions=tuple(action_of(a, history.get(a.id, [])) for a in previous),
            )

    # --- drafts ---------------------------------------------------------------------------

    def save_draft(self, meeting_id: str, text: str) -> None:
        """Keep the half-typed quick-entry line of a meeting on this device (not synced);
        an empty or blank ``text`` clears it."""
        key = DRAFT_KEY_PREFIX + meeting_id
        with self._store.write() as session:
            row = session.get(LocalMeta, key)
            if not text.strip():
                if row is not None:
                    session.delete(row)
            elif row is None:
                session.add(LocalMeta(key=key, value=text))
            else:
                row.value = text

    def load_draft(self, meeting_id: str) -> str:
        """The quick-entry line last saved by :meth:`save_draft`, or "" if there is none."""
        with self._store.read() as session:
            row = session.get(LocalMeta, DRAFT_KEY_PREFIX + meeting_id)
            return row.value if row is not None else ""

    # --- carry-over -----------------------------------------------------------------------

    def _carry_open_actions(self, session: Session, meeting: Meeting) -> None:
        """Open actions of the previous meeting of the same series (and those it carried)
        are reviewed in this one."""
        if not meeting.series:
            return
        previous = session.scalar(
            select(Meeting)
            .where(
                Meeting.project_id == meeting.project_id,
                Meeting.series == meeting.series,
                Meeting.deleted.is_(False),
                Meeting.id != meeting.id,
                Meeting.starts_at < meeting.starts_at,
            )
            .order_by(Meeting.starts_at.desc())
            .limit(1)
        )
        if previous is None:
            return
        for item in session.scalars(
            select(ActionItem).where(
                (ActionItem.meeting_id == previous.id)
                | (ActionItem.carried_to_meeting_id == previous.id),
                ActionItem.deleted.is_(False),
                ActionItem.status.in_(OPEN_STATUSES),
            )
        ):
            item.carried_to_meeting_id = meeting.id


def _history(session: Session, action_ids: list[str]) -> dict[str, list[ActionStatusChange]]:
    result: dict[str, list[ActionStatusChange]] = {}
    if not action_ids:
        return result
    for change in session.scalars(
        select(ActionStatusChange)
        .where(ActionStatusChange.action_id.in_(action_ids), ActionStatusChange.deleted.is_(False))
        .order_by(ActionStatusChange.changed_at)
    ):
        result.setdefault(change.action_id, []).append(change)
    return result


def _editable_origin(session: Session, item: ActionItem) -> None:
    """An item of a live meeting follows its meeting's closing; kept items of a removed meeting
    stay editable in the tracker."""
    origin = session.get(Meeting, item.meeting_id) if item.meeting_id else None
    if origin is not None and not origin.deleted:
        _editable_meeting(session, origin.id)


def _attendee_of(row: MeetingAttendee) -> Attendee:
    return Attendee(
        id=row.id,
        name=row.name,
        attendance=row.attendance,
        email=row.email,
        stakeholder_id=row.stakeholder_id,
        person_id=row.person_id,
    )


def _agenda_of(row: AgendaItem) -> AgendaEntry:
    return AgendaEntry(row.id, row.title, row.presenter, row.duration_min, row.done)
