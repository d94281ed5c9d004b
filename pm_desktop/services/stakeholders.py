"""The stakeholder map: register, demands, touchpoints and health checks.

Every method is one unit of work and returns core read models. Deleting a stakeholder
tombstones them: their touchpoints, demands and attendance stay readable and a restore
brings them back as they were.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from datetime import UTC, date, datetime, timedelta
from typing import TYPE_CHECKING, Any

from sqlalchemy import ColumnClause, func, literal_column, or_, select
from sqlalchemy.orm import Session

from pm_desktop.core.enums import (
    KEY_MEETING_TYPES,
    Attendance,
    Attitude,
    DemandStatus,
    MeetingStatus,
    RoleClass,
    TouchpointChannel,
)
from pm_desktop.core.errors import NotFoundError, ValidationError
from pm_desktop.core.meetings import OPEN_STATUSES
from pm_desktop.core.stakeholder_health import (
    DEFAULT_STRONG_C_DAYS,
    HealthInput,
    HealthWarning,
    KeyMeeting,
    check_health,
)
from pm_desktop.core.stakeholder_table import name_key
from pm_desktop.core.stakeholders import (
    EDITABLE_FIELDS,
    SCALE_MAX,
    SCALE_MIN,
    DemandEntry,
    FollowUp,
    StakeholderRecord,
    StakeholderUsage,
    TouchpointEntry,
    looks_like_email,
    reports_to_cycle,
)
from pm_desktop.storage.changes import tombstone
from pm_desktop.storage.conflicts import keep_overwritten
from pm_desktop.storage.database import Store
from pm_desktop.storage.models import (
    ActionItem,
    Demand,
    Meeting,
    MeetingAttendee,
    Project,
    Stakeholder,
    Touchpoint,
)

if TYPE_CHECKING:
    from pm_desktop.core.stakeholder_table import ImportedStakeholder

#: The columns a StakeholderRecord is made of.
_RECORD_COLUMNS = (
    Stakeholder.id,
    Stakeholder.project_id,
    Stakeholder.name,
    Stakeholder.organisation,
    Stakeholder.title,
    Stakeholder.role_class,
    Stakeholder.power,
    Stakeholder.interest,
    Stakeholder.attitude,
    Stakeholder.email,
    Stakeholder.phone,
    Stakeholder.reports_to_id,
    Stakeholder.notes,
    Stakeholder.deleted,
)

#: A meeting counts as held once its minutes are closed, or this long after it started (a
#: scribe may never close them); a meeting in progress is not judged on its attendance yet.
HELD_AFTER = timedelta(hours=12)

#: Demands of one day in the order they were recorded (ids are random UUIDs).
_INSERTION_ORDER: ColumnClause[Any] = literal_column("demands.rowid")

_TEXT_LIMITS = {"name": 200, "organisation": 200, "title": 200, "email": 200, "phone": 64}


def _demand_of(row: Demand) -> DemandEntry:
    return DemandEntry(row.id, row.text, row.status, row.recorded_on)


def _record_of(row: Stakeholder, demands: Iterable[Demand] = ()) -> StakeholderRecord:
    return StakeholderRecord(
        id=row.id,
        project_id=row.project_id or "",
        name=row.name,
        organisation=row.organisation,
        title=row.title,
        role_class=row.role_class,
        power=row.power,
        interest=row.interest,
        attitude=row.attitude,
        email=row.email,
        phone=row.phone,
        reports_to_id=row.reports_to_id,
        notes=row.notes,
        demands=tuple(_demand_of(d) for d in demands),
        deleted=row.deleted,
    )


def _touchpoint_of(row: Touchpoint) -> TouchpointEntry:
    return TouchpointEntry(
        id=row.id,
        stakeholder_id=row.stakeholder_id,
        occurred_on=row.occurred_on,
        channel=row.channel,
        our_people=row.our_people,
        summary=row.summary,
        follow_up_action_id=row.follow_up_action_id,
    )


def _get(session: Session, model: Any, row_id: str, *, live: bool = True) -> Any:
    row = session.get(model, row_id)
    if row is None or (live and row.deleted):
        raise NotFoundError(f"no {model.__tablename__} row {row_id}")
    return row


def _local_date(instant: datetime) -> date:
    return instant.astimezone().date() if instant.tzinfo else instant.date()


def _clean(field: str, value: Any) -> Any:
    """The value to store for ``field``, or a ValidationError naming the field."""
    if field in ("power", "interest"):
        if isinstance(value, bool) or not isinstance(value, int):
            raise ValidationError(f"{field} must be a whole number.", field=field)
        if not SCALE_MIN <= value <= SCALE_MAX:
            raise ValidationError(
                f"{field} must be from {SCALE_MIN} to {SCALE_MAX} (was {value}).", field=field
            )
        return value
    if field == "role_class":
        return RoleClass(value)
    if field == "attitude":
        return Attitude(value)
    if field == "reports_to_id":
        return value or None
    if field == "notes":
        return str(value)
    text = " ".join(str(value).split())
    if field == "name" and not text:
        raise ValidationError("A stakeholder needs a name.", field="name")
    if len(text) > _TEXT_LIMITS[field]:
        raise ValidationError(
            f"{field} is too long (at most {_TEXT_LIMITS[field]} characters).", field=field
        )
    if field == "email" and text and not looks_like_email(text):
        raise ValidationError(f"'{text}' is not an e-mail address.", field="email")
    return text


class StakeholderService:
    def __init__(self, store: Store) -> None:
        self._store = store

    # --- register -----------------------------------------------------------------------

    def of_project(
        self, project_id: str, *, include_deleted: bool = False
    ) -> list[StakeholderRecord]:
        """The project's stakeholders by name, each with their demands."""
        with self._store.read() as session:
            return self._records(session, project_id, include_deleted=include_deleted)

    def get(self, stakeholder_id: str) -> StakeholderRecord:
        with self._store.read() as session:
            row: Stakeholder = _get(session, Stakeholder, stakeholder_id, live=False)
            return _record_of(row, self._demands(session, [row.id])[row.id])

    def create(self, project_id: str, name: str, **fields: Any) -> StakeholderRecord:
        values = {"name": name, **fields}
        cleaned = {key: _clean(key, value) for key, value in values.items() if _known(key)}
        with self._store.write() as session:
            _get(session, Project, project_id)
            if cleaned.get("reports_to_id"):
                self._check_manager(session, project_id, None, cleaned["reports_to_id"])
            row = Stakeholder(project_id=project_id, **cleaned)
            session.add(row)
            session.flush()
            return _record_of(row)

    def update(
        self,
        stakeholder_id: str,
        *,
        started_from: Mapping[str, Any] | None = None,
        **changes: Any,
    ) -> StakeholderRecord:
        """Change some fields of a stakeholder (keys of ``EDITABLE_FIELDS``).

        ``started_from`` holds, for fields edited over a while (notes), the value the edit
        began from: a value that arrived by sync meanwhile is overwritten but kept in a
        conflict record (see :mod:`pm_desktop.storage.conflicts`)."""
        cleaned = {key: _clean(key, value) for key, value in changes.items() if _known(key)}
        with self._store.write() as session:
            row: Stakeholder = _get(session, Stakeholder, stakeholder_id)
            if "reports_to_id" in cleaned and cleaned["reports_to_id"] is not None:
                self._check_manager(session, row.project_id or "", row.id, cleaned["reports_to_id"])
            for key, value in cleaned.items():
                if started_from is not None and key in started_from:
                    keep_overwritten(
                        session,
                        row,
                        key,
                        value,
                        started_from=_clean(key, started_from[key]),
                        device_id=self._store.device_id,
                    )
                if getattr(row, key) != value:
                    setattr(row, key, value)
            return _record_of(row, self._demands(session, [row.id])[row.id])

    def move(self, stakeholder_id: str, power: int, interest: int) -> StakeholderRecord:
        """Place a stakeholder on the power/interest grid."""
        return self.update(stakeholder_id, power=power, interest=interest)

    def usage(self, stakeholder_id: str) -> StakeholderUsage:
        """What refers to a stakeholder, to ask before deleting them."""
        with self._store.read() as session:

            def count(model: Any, *where: Any) -> int:
                query = select(func.count()).select_from(model).where(*where)
                return session.scalar(query.where(model.deleted.is_(False))) or 0

            return StakeholderUsage(
                touchpoints=count(Touchpoint, Touchpoint.stakeholder_id == stakeholder_id),
                meetings=count(
                    MeetingAttendee,
                    MeetingAttendee.stakeholder_id == stakeholder_id,
                    MeetingAttendee.attendance == Attendance.PRESENT,
                ),
                actions=count(ActionItem, ActionItem.owner_stakeholder_id == stakeholder_id),
            )

    def remove(self, stakeholder_ids: str | Sequence[str]) -> None:
        """Tombstone stakeholders; their history stays and :meth:`restore` undoes it."""
        ids = [stakeholder_ids] if isinstance(stakeholder_ids, str) else stakeholder_ids
        with self._store.write() as session:
            for stakeholder_id in ids:
                tombstone(_get(session, Stakeholder, stakeholder_id))

    def restore(self, stakeholder_ids: str | Sequence[str]) -> None:
        """Bring tombstoned stakeholders back. One whose manager was changed meanwhile so
        that their old reports-to line would now close a loop comes back reporting to nobody."""
        ids = [stakeholder_ids] if isinstance(stakeholder_ids, str) else stakeholder_ids
        with self._store.write() as session:
            for stakeholder_id in ids:
                row: Stakeholder = _get(session, Stakeholder, stakeholder_id, live=False)
                row.deleted = False
            session.flush()
            for stakeholder_id in ids:
                row = _get(session, Stakeholder, stakeholder_id)
                records = {r.id: r for r in self._records_light(session, row.project_id or "")}
                if row.reports_to_id is not None and (
                    row.reports_to_id not in records
                    or reports_to_cycle(records, row.id, row.reports_to_id)
                ):
                    row.reports_to_id = None

    def import_rows(self, project_id: str, rows: Sequence[ImportedStakeholder]) -> list[str]:
        """Add the rows of a checked import in one transaction; returns the new ids.

        ``reports_to_name`` is resolved against the rows and the register, by name.
        """
        today = date.today()
        with self._store.write() as session:
            _get(session, Project, project_id)
            by_name = {
                name_key(r.name): r.id
                for r in session.scalars(
                    select(Stakeholder).where(
                        Stakeholder.project_id == project_id, Stakeholder.deleted.is_(False)
                    )
                )
            }
            created: list[tuple[Stakeholder, ImportedStakeholder]] = []
            for item in rows:
                fields = {
                    "name": item.name,
                    "organisation": item.organisation,
                    "title": item.title,
                    "role_class": item.role_class,
                    "power": item.power,
                    "interest": item.interest,
                    "attitude": item.attitude,
                    "email": item.email,
                    "phone": item.phone,
                    "notes": item.notes,
                }
                row = Stakeholder(
                    project_id=project_id, **{k: _clean(k, v) for k, v in fields.items()}
                )
                session.add(row)
                created.append((row, item))
            session.flush()
            for row, _ in created:
                by_name.setdefault(name_key(row.name), row.id)
            for row, item in created:
                manager = by_name.get(name_key(item.reports_to_name))
                if item.reports_to_name.strip() and manager and manager != row.id:
                    row.reports_to_id = manager
                for text, status in item.demands:
                    session.add(
                        Demand(
                            project_id=project_id,
                            stakeholder_id=row.id,
                            text=text,
                            status=status,
                            recorded_on=today,
                        )
                    )
            return [row.id for row, _ in created]

    # --- demands ------------------------------------------------------------------------

    def add_demand(
        self,
        stakeholder_id: str,
        text: str,
        status: DemandStatus = DemandStatus.RECORDED,
        recorded_on: date | None = None,
    ) -> DemandEntry:
        text = text.strip()
        if not text:
            raise ValidationError("A demand needs a text.", field="text")
        with self._store.write() as session:
            owner: Stakeholder = _get(session, Stakeholder, stakeholder_id)
            row = Demand(
                project_id=owner.project_id,
                stakeholder_id=owner.id,
                text=text,
                status=status,
                recorded_on=recorded_on or date.today(),
            )
            session.add(row)
            session.flush()
            return _demand_of(row)

    def update_demand(
        self, demand_id: str, *, text: str | None = None, status: DemandStatus | None = None
    ) -> DemandEntry:
        with self._store.write() as session:
            row: Demand = _get(session, Demand, demand_id)
            if text is not None:
                if not text.strip():
                    raise ValidationError("A demand needs a text.", field="text")
                row.text = text.strip()
            if status is not None:
                row.status = status
            return _demand_of(row)

    def remove_demand(self, demand_id: str) -> None:
        with self._store.write() as session:
            tombstone(_get(session, Demand, demand_id))

    def restore_demand(self, demand_id: str) -> None:
        with self._store.write() as session:
            _get(session, Demand, demand_id, live=False).deleted = False

    # --- touchpoints --------------------------------------------------------------------

    def touchpoints(self, stakeholder_id: str) -> list[TouchpointEntry]:
        """Typed touchpoints and the meetings the stakeholder attended, newest first."""
        with self._store.read() as session:
            typed = session.scalars(
                select(Touchpoint).where(
                    Touchpoint.stakeholder_id == stakeholder_id, Touchpoint.deleted.is_(False)
                )
            ).all()
            entries = [_touchpoint_of(t) for t in typed]
            stakeholder: Stakeholder = _get(session, Stakeholder, stakeholder_id, live=False)
            attended = session.execute(
                select(MeetingAttendee.id, Meeting.id, Meeting.starts_at, Meeting.title)
                .join(Meeting, Meeting.id == MeetingAttendee.meeting_id)
                .where(
                    _attendee_is(stakeholder),
                    MeetingAttendee.deleted.is_(False),
                    MeetingAttendee.attendance == Attendance.PRESENT,
                    Meeting.deleted.is_(False),
                )
            ).all()
            entries += [
                TouchpointEntry(
                    id=attendee_id,
                    stakeholder_id=stakeholder_id,
                    occurred_on=_local_date(starts_at),
                    channel=TouchpointChannel.MEETING,
                    summary=title,
                    meeting_id=meeting_id,
                )
                for attendee_id, meeting_id, starts_at, title in attended
            ]
        entries.sort(key=lambda e: (e.occurred_on, e.id), reverse=True)
        return entries

    def add_touchpoint(
        self,
        stakeholder_id: str,
        occurred_on: date,
        channel: TouchpointChannel,
        *,
        our_people: str = "",
        summary: str = "",
        follow_up: FollowUp | None = None,
    ) -> TouchpointEntry:
        """Log a contact; a follow-up becomes an open action item of the project."""
        if not summary.strip():
            raise ValidationError("Say in a few words what was discussed.", field="summary")
        if occurred_on > date.today():
            raise ValidationError("A touchpoint cannot be in the future.", field="occurred_on")
        if follow_up is not None and not follow_up.what.strip():
            raise ValidationError("A follow-up needs to say what is to be done.", field="what")
        with self._store.write() as session:
            owner: Stakeholder = _get(session, Stakeholder, stakeholder_id)
            action_id = None
            if follow_up is not None:
                action = ActionItem(
                    project_id=owner.project_id,
                    what=follow_up.what.strip(),
                    why=summary.strip(),
                    who=follow_up.who.strip(),
                    due_on=follow_up.due_on,
                    where="",
                    how="",
                    number=self._next_loose_action_number(session, owner.project_id or ""),
                )
                session.add(action)
                session.flush()
                action_id = action.id
            row = Touchpoint(
                project_id=owner.project_id,
                stakeholder_id=owner.id,
                occurred_on=occurred_on,
                channel=channel,
                our_people=" ".join(our_people.split()),
                summary=summary.strip(),
                follow_up_action_id=action_id,
            )
            session.add(row)
            session.flush()
            return _touchpoint_of(row)

    def remove_touchpoint(self, touchpoint_id: str) -> None:
        """Withdraw a mistyped touchpoint, and its follow-up action if that is still open
        (a follow-up already done or cancelled stays in the tracker)."""
        with self._store.write() as session:
            row: Touchpoint = _get(session, Touchpoint, touchpoint_id)
            tombstone(row)
            if row.follow_up_action_id:
                action = session.get(ActionItem, row.follow_up_action_id)
                if action is not None and not action.deleted and action.status in OPEN_STATUSES:
                    tombstone(action)

    def restore_touchpoint(self, touchpoint_id: str) -> None:
        with self._store.write() as session:
            row: Touchpoint = _get(session, Touchpoint, touchpoint_id, live=False)
            row.deleted = False
            if row.follow_up_action_id:
                action = session.get(ActionItem, row.follow_up_action_id)
                if action is not None and action.status in OPEN_STATUSES:
                    action.deleted = False

    # --- health -------------------------------------------------------------------------

    def health(
        self,
        project_id: str,
        today: date | None = None,
        strong_c_days: int = DEFAULT_STRONG_C_DAYS,
    ) -> list[HealthWarning]:
        """The project's stakeholder warnings (see core.stakeholder_health)."""
        today = today or date.today()
        with self._store.read() as session:
            records = self._records(session, project_id)
            last_contact, key_meetings = self._contacts(session, project_id, records)
        return check_health(
            HealthInput(
                stakeholders=records,
                last_contact=last_contact,
                key_meetings=key_meetings,
                today=today,
                strong_c_days=strong_c_days,
            )
        )

    def overview(
        self,
        project_id: str,
        *,
        include_deleted: bool = False,
        today: date | None = None,
        strong_c_days: int = DEFAULT_STRONG_C_DAYS,
    ) -> tuple[list[StakeholderRecord], list[HealthWarning]]:
        """The register and its warnings, read together (what the workspace shows)."""
        with self._store.read() as session:
            records = self._records(session, project_id, include_deleted=include_deleted)
            live = [r for r in records if not r.deleted]
            last_contact, key_meetings = self._contacts(session, project_id, live)
        warnings = check_health(
            HealthInput(
                stakeholders=live,
                last_contact=last_contact,
                key_meetings=key_meetings,
                today=today or date.today(),
                strong_c_days=strong_c_days,
            )
        )
        return records, warnings

    # --- helpers ------------------------------------------------------------------------

    def _records(
        self, session: Session, project_id: str, *, include_deleted: bool = False
    ) -> list[StakeholderRecord]:
        """Plain columns, not ORM entities: the register is read after every edit and
        this is several times faster for hundreds of stakeholders."""
        query = select(*_RECORD_COLUMNS).where(Stakeholder.project_id == project_id)
        if not include_deleted:
            query = query.where(Stakeholder.deleted.is_(False))
        rows = session.execute(query.order_by(Stakeholder.name, Stakeholder.id)).all()
        demands: defaultdict[str, list[DemandEntry]] = defaultdict(list)
        for demand_id, owner, text, status, recorded_on in session.execute(
            select(Demand.id, Demand.stakeholder_id, Demand.text, Demand.status, Demand.recorded_on)
            .where(Demand.project_id == project_id, Demand.deleted.is_(False))
            .order_by(Demand.recorded_on, _INSERTION_ORDER)
        ):
            demands[owner].append(DemandEntry(demand_id, text, status, recorded_on))
        return [
            StakeholderRecord(
                id=row.id,
                project_id=row.project_id or "",
                name=row.name,
                organisation=row.organisation,
                title=row.title,
                role_class=row.role_class,
                power=row.power,
                interest=row.interest,
                attitude=row.attitude,
                email=row.email,
                phone=row.phone,
                reports_to_id=row.reports_to_id,
                notes=row.notes,
                demands=tuple(demands.get(row.id, ())),
                deleted=row.deleted,
            )
            for row in rows
        ]

    @staticmethod
    def _demands(session: Session, stakeholder_ids: Sequence[str]) -> Mapping[str, list[Demand]]:
        query = select(Demand).where(
            Demand.deleted.is_(False), Demand.stakeholder_id.in_(stakeholder_ids)
        )
        found: defaultdict[str, list[Demand]] = defaultdict(list)
        for row in session.scalars(query.order_by(Demand.recorded_on, _INSERTION_ORDER)):
            found[row.stakeholder_id].append(row)
        return found

    @staticmethod
    def _contacts(
        session: Session, project_id: str, records: Sequence[StakeholderRecord]
    ) -> tuple[dict[str, date], list[KeyMeeting]]:
        """Each stakeholder's last contact, and the key meetings that have taken place."""
        last: dict[str, date] = {}

        def saw(stakeholder_id: str, when: date) -> None:
            if when > last.get(stakeholder_id, date.min):
                last[stakeholder_id] = when

        for stakeholder_id, when in session.execute(
            select(Touchpoint.stakeholder_id, func.max(Touchpoint.occurred_on))
            .where(Touchpoint.project_id == project_id, Touchpoint.deleted.is_(False))
            .group_by(Touchpoint.stakeholder_id)
        ):
            saw(stakeholder_id, when)

        by_name = {name_key(r.name): r.id for r in records}

        def who(stakeholder_id: str | None, name: str) -> str | None:
            return stakeholder_id or by_name.get(name_key(name))

        now = datetime.now(UTC)
        of_project = (Meeting.project_id == project_id, Meeting.deleted.is_(False))
        started = or_(Meeting.status != MeetingStatus.PLANNED, Meeting.starts_at <= now)
        judged = or_(Meeting.status == MeetingStatus.CLOSED, Meeting.starts_at <= now - HELD_AFTER)
        attendee_live = MeetingAttendee.deleted.is_(False)
        for linked_id, name, when in session.execute(
            select(
                MeetingAttendee.stakeholder_id, MeetingAttendee.name, func.max(Meeting.starts_at)
            )
            .join(Meeting, Meeting.id == MeetingAttendee.meeting_id)
            .where(
                *of_project,
                started,
                attendee_live,
                MeetingAttendee.attendance == Attendance.PRESENT,
            )
            .group_by(MeetingAttendee.stakeholder_id, MeetingAttendee.name)
        ):
            found = who(linked_id, name)
            if found is not None:
                saw(found, _local_date(when))

        key_rows = session.execute(
            select(Meeting.id, Meeting.meeting_type, Meeting.title, Meeting.starts_at).where(
                *of_project, judged, Meeting.meeting_type.in_(KEY_MEETING_TYPES)
            )
        ).all()
        attendance: defaultdict[str, dict[str, Attendance]] = defaultdict(dict)
        for meeting_id, linked_id, name, state in session.execute(
            select(
                MeetingAttendee.meeting_id,
                MeetingAttendee.stakeholder_id,
                MeetingAttendee.name,
                MeetingAttendee.attendance,
            ).where(attendee_live, MeetingAttendee.meeting_id.in_([r[0] for r in key_rows]))
        ):
            found = who(linked_id, name)
            if found is not None and (
                state is Attendance.PRESENT or found not in attendance[meeting_id]
            ):
                attendance[meeting_id][found] = state
        key_meetings = [
            KeyMeeting(
                id=meeting_id,
                meeting_type=kind,
                title=title,
                held_on=_local_date(starts_at),
                attendance=attendance.get(meeting_id, {}),
            )
            for meeting_id, kind, title, starts_at in key_rows
        ]
        return last, key_meetings

    @staticmethod
    def _check_manager(
        session: Session, project_id: str, stakeholder_id: str | None, manager_id: str
    ) -> None:
        manager = session.get(Stakeholder, manager_id)
        if manager is None or manager.deleted or manager.project_id != project_id:
            raise ValidationError(
                "The person reported to is not a stakeholder of this project.",
                field="reports_to_id",
            )
        if stakeholder_id is None:
            return
        if manager_id == stakeholder_id:
            raise ValidationError("Nobody reports to themselves.", field="reports_to_id")
        records = {r.id: r for r in StakeholderService._records_light(session, project_id)}
        if reports_to_cycle(records, stakeholder_id, manager_id):
            raise ValidationError(
                "That would make a loop in who reports to whom.", field="reports_to_id"
            )

    @staticmethod
    def _records_light(session: Session, project_id: str) -> list[StakeholderRecord]:
        rows = session.execute(
            select(Stakeholder.id, Stakeholder.name, Stakeholder.reports_to_id).where(
                Stakeholder.project_id == project_id, Stakeholder.deleted.is_(False)
            )
        )
        return [
            StakeholderRecord(id=i, project_id=project_id, name=n, reports_to_id=m)
            for i, n, m in rows
        ]

    @staticmethod
    def _next_loose_action_number(session: Session, project_id: str) -> int:
        """Numbers of actions that came from no meeting run on per project."""
        last = session.scalar(
            select(func.max(ActionItem.number)).where(
                ActionItem.project_id == project_id, ActionItem.meeting_id.is_(None)
            )
        )
        return (last or 0) + 1


def _known(field: str) -> bool:
    if field not in EDITABLE_FIELDS:
        raise ValueError(f"not an editable stakeholder field: {field}")
    return True


def _attendee_is(stakeholder: Stakeholder) -> Any:
    """Attendance rows of ``stakeholder``: linked, or typed with the same name in the project."""
    return or_(
        MeetingAttendee.stakeholder_id == stakeholder.id,
        (MeetingAttendee.stakeholder_id.is_(None))
        & (MeetingAttendee.project_id == stakeholder.project_id)
        & (func.lower(func.trim(MeetingAttendee.name)) == stakeholder.name.strip().lower()),
    )
