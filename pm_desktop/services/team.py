"""Team composition: the resource pool, team-composition templates, project teams, RACI and cost.

Every method is one unit of work and returns core read models. Money is integer fen; working
days follow the project's calendar (mainland China holidays and 调休, plus its exceptions).
"""

from __future__ import annotations

import json
import uuid
from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import date, timedelta
from functools import cache
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from pm_desktop.core.cost import CostEstimate, CostInput, calendar_months, estimate
from pm_desktop.core.enums import PersonKind, PoolEventKind, ProjectType, Raci, ServiceOrderType
from pm_desktop.core.errors import NotFoundError, ValidationError
from pm_desktop.core.team import (
    MAX_ALLOCATION_PCT,
    AssignmentRecord,
    PersonRecord,
    PoolEventEntry,
    RaciCell,
    RoleSpec,
    TeamCheck,
    TemplateRecord,
    UnfilledRole,
    colliding_names,
    in_pool,
    name_key,
    over_allocations,
    peak_load,
    rank_candidates,
    unfilled_roles,
)
from pm_desktop.core.work_calendar import WorkCalendar
from pm_desktop.locations import resources_dir
from pm_desktop.storage.changes import tombstone
from pm_desktop.storage.database import Store
from pm_desktop.storage.models import (
    CalendarException,
    Person,
    PoolEvent,
    Project,
    RaciEntry,
    TeamAssignment,
    TeamTemplate,
    TemplateRole,
    Unavailability,
)

#: Rates above these are taken for a typing error (yuan: 100,000 a day, 2,000,000 a month).
MAX_DAY_RATE_FEN = 100_000 * 100
MAX_MONTH_RATE_FEN = 2_000_000 * 100
MAX_PACKAGE_FEN = 100_000_000 * 100
MAX_SERVICE_DAYS = 3_660

PERSON_FIELDS = (
    "name",
    "company",
    "kind",
    "skills",
    "day_rate_fen",
    "month_rate_fen",
    "email",
    "phone",
    "notes",
)
ASSIGNMENT_FIELDS = (
    "person_id",
    "role_name",
    "starts_on",
    "ends_on",
    "allocation_pct",
    "order_type",
    "package_price_fen",
    "service_days",
)


@cache
def builtin_templates() -> list[dict[str, Any]]:
    """The team-composition models shipped in resources/templates/team_models.json."""
    path = resources_dir() / "templates" / "team_models.json"
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return list(data["templates"])


#: Built-in templates get the same ids on every device (see builtin_id).
_BUILTIN_NAMESPACE = uuid.UUID("7d3c1f52-2b7e-4c55-9a55-0f6f3c2a9d41")


def builtin_id(*parts: str) -> str:
    """A stable id for a built-in template (or one of its roles), so that laptops that each
    install the built-ins create the same rows and sync does not double them."""
    return str(uuid.uuid5(_BUILTIN_NAMESPACE, "/".join(parts)))


def _get(session: Session, model: Any, row_id: str, *, live: bool = True) -> Any:
    row = session.get(model, row_id)
    if row is None or (live and row.deleted):
        raise NotFoundError(f"no {model.__tablename__} row {row_id}")
    return row


def _text(field: str, value: Any, limit: int = 200, *, required: bool = False) -> str:
    text = " ".join(str(value).split())
    if required and not text:
        raise ValidationError(f"{field} cannot be empty.", field=field)
    if len(text) > limit:
        raise ValidationError(f"{field} is too long (at most {limit} characters).", field=field)
    return text


def _amount(field: str, value: Any, maximum: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValidationError(f"{field} must be a whole number of fen.", field=field)
    if value < 0:
        raise ValidationError(f"{field} cannot be negative.", field=field)
    if value > maximum:
        raise ValidationError(f"{field} is implausibly large ({value} fen).", field=field)
    return value


def _clean_skills(value: Iterable[Any]) -> list[str]:
    """Skills trimmed, empty ones and repeats (by name_key) dropped, order kept."""
    found: dict[str, str] = {}
    for skill in value:
        text = _text("skills", skill, 64)
        if text:
            found.setdefault(name_key(text), text)
    return list(found.values())


def _clean_person(field: str, value: Any) -> Any:
    cleaners: dict[str, Any] = {
        "name": lambda v: _text("name", v, required=True),
        "kind": PersonKind,
        "skills": _clean_skills,
        "day_rate_fen": lambda v: _amount("day_rate_fen", v, MAX_DAY_RATE_FEN),
        "month_rate_fen": lambda v: _amount("month_rate_fen", v, MAX_MONTH_RATE_FEN),
        "notes": str,
        "company": lambda v: _text("company", v),
        "email": lambda v: _text("email", v),
        "phone": lambda v: _text("phone", v, 64),
    }
    if field not in cleaners:
        raise ValueError(f"not a person field: {field}")
    return cleaners[field](value)


def _clean_assignment(changes: dict[str, Any]) -> dict[str, Any]:
    """Checked values, keyed by the columns of TeamAssignment."""
    cleaned = dict(changes)
    unknown = set(cleaned) - set(ASSIGNMENT_FIELDS)
    if unknown:
        raise ValueError(f"not assignment fields: {sorted(unknown)}")
    if "role_name" in cleaned:
        cleaned["role_name"] = _text("role_name", cleaned["role_name"], required=True)
    if "allocation_pct" in cleaned:
        pct = cleaned["allocation_pct"]
        if isinstance(pct, bool) or not isinstance(pct, int) or not 1 <= pct <= MAX_ALLOCATION_PCT:
            raise ValidationError(
                f"An allocation is from 1 to {MAX_ALLOCATION_PCT} percent (was {pct}).",
                field="allocation_pct",
            )
    if "order_type" in cleaned:  # the column's name
        cleaned["service_order_type"] = ServiceOrderType(cleaned.pop("order_type"))
    if cleaned.get("package_price_fen") is not None:
        cleaned["package_price_fen"] = _amount(
            "package_price_fen", cleaned["package_price_fen"], MAX_PACKAGE_FEN
        )
    if cleaned.get("service_days") is not None:
        cleaned["service_days"] = _amount("service_days", cleaned["service_days"], MAX_SERVICE_DAYS)
    return cleaned


def _check_package(order_type: ServiceOrderType, package_price_fen: int | None) -> None:
    if order_type is ServiceOrderType.B and package_price_fen is None:
        raise ValidationError(
            "A type B assignment is priced by its package: give the package price.",
            field="package_price_fen",
        )


def _check_period(starts_on: date, ends_on: date) -> None:
    if ends_on < starts_on:
        raise ValidationError("An assignment cannot end before it starts.", field="ends_on")


def _event_of(row: PoolEvent) -> PoolEventEntry:
    return PoolEventEntry(
        row.id, row.person_id, row.kind, row.occurred_on, row.note, row.about_project_id
    )


def _role_of(row: TemplateRole) -> RoleSpec:
    return RoleSpec(
        row.id, row.name, row.required, row.headcount, row.responsibilities, row.reviews
    )


class TeamService:
    def __init__(self, store: Store) -> None:
        self._store = store

    # --- resource pool ------------------------------------------------------------------

    def people(
        self,
        *,
        skill: str = "",
        available_from: date | None = None,
        available_to: date | None = None,
        include_left: bool = True,
    ) -> list[PersonRecord]:
        """The pool by name; ``skill`` matches part of a skill; with a period, only people in
        the pool who are neither away nor fully booked in it."""
        with self._store.read() as session:
            found = self._people(session)
            if available_from is not None or available_to is not None:
                start = available_from or available_to or date.today()
                end = available_to or start
                busy = self._busy(session, start, end, self._assignments(session, None))
                found = [p for p in found if p.in_pool and p.id not in busy]
        wanted = name_key(skill)
        if wanted:
            found = [p for p in found if any(wanted in name_key(s) for s in p.skills)]
        if not include_left:
            found = [p for p in found if p.in_pool]
        return found

    def person(self, person_id: str) -> PersonRecord:
        with self._store.read() as session:
            _get(session, Person, person_id, live=False)
            return next(p for p in self._people(session, [person_id]))

    def add_person(self, name: str, **fields: Any) -> PersonRecord:
        """Add someone to the pool; an "entered" event is recorded today."""
        cleaned = {k: _clean_person(k, v) for k, v in {"name": name, **fields}.items()}
        with self._store.write() as session:
            row = Person(**cleaned)
            session.add(row)
            session.flush()
            session.add(
                PoolEvent(
                    person_id=row.id,
                    kind=PoolEventKind.ENTERED,
                    occurred_on=date.today(),
                    note="",
                )
            )
            session.flush()
            return self._people(session, [row.id])[0]

    def update_person(self, person_id: str, **changes: Any) -> PersonRecord:
        cleaned = {k: _clean_person(k, v) for k, v in changes.items()}
        with self._store.write() as session:
            row: Person = _get(session, Person, person_id)
            for key, value in cleaned.items():
                if getattr(row, key) != value:
                    setattr(row, key, value)
            session.flush()
            return self._people(session, [row.id])[0]

    def remove_person(self, person_id: str) -> None:
        """Delete someone entered by mistake. Someone on a team is not deleted: they leave
        the pool (a "left" event), and their assignments and history stay."""
        with self._store.write() as session:
            row: Person = _get(session, Person, person_id)
            assigned = session.scalar(
                select(func.count())
                .select_from(TeamAssignment)
                .where(TeamAssignment.person_id == person_id, TeamAssignment.deleted.is_(False))
            )
            if assigned:
                raise ValidationError(
                    f"{row.name} is on {assigned} assignment(s): record that they left the pool "
                    "instead, or remove the assignments first.",
                    field="person",
                )
            tombstone(row)

    def restore_person(self, person_id: str) -> None:
        with self._store.write() as session:
            _get(session, Person, person_id, live=False).deleted = False

    def events(self, person_id: str) -> list[PoolEventEntry]:
        """A person's lifecycle (entered, trained, assigned, left, settled, red, black),
        newest first."""
        with self._store.read() as session:
            rows = session.scalars(
                select(PoolEvent)
                .where(PoolEvent.person_id == person_id, PoolEvent.deleted.is_(False))
                .order_by(PoolEvent.occurred_on.desc(), PoolEvent.id)
            ).all()
            return [_event_of(r) for r in rows]

    def add_event(
        self,
        person_id: str,
        kind: PoolEventKind,
        occurred_on: date,
        note: str = "",
        about_project_id: str | None = None,
    ) -> PoolEventEntry:
        if kind in (PoolEventKind.RED, PoolEventKind.BLACK) and not note.strip():
            raise ValidationError("Say what happened: red and black records stay.", field="note")
        if occurred_on > date.today():
            raise ValidationError("An event cannot be in the future.", field="occurred_on")
        with self._store.write() as session:
            _get(session, Person, person_id)
            row = PoolEvent(
                person_id=person_id,
                kind=PoolEventKind(kind),
                occurred_on=occurred_on,
                note=note.strip(),
                about_project_id=about_project_id,
            )
            session.add(row)
            session.flush()
            return _event_of(row)

    def remove_event(self, event_id: str) -> None:
        """Only to undo adding it: the history is otherwise append-only."""
        with self._store.write() as session:
            tombstone(_get(session, PoolEvent, event_id))

    def restore_event(self, event_id: str) -> None:
        with self._store.write() as session:
            _get(session, PoolEvent, event_id, live=False).deleted = False

    # --- templates ----------------------------------------------------------------------

    def templates(self) -> list[TemplateRecord]:
        """The team-wide templates: the built-in ones (added on first use) and the user's."""
        with self._store.write() as session:
            self._install_builtins(session)
            rows = session.scalars(
                select(TeamTemplate)
                .where(TeamTemplate.project_id.is_(None), TeamTemplate.deleted.is_(False))
                .order_by(TeamTemplate.project_type, TeamTemplate.name)
            ).all()
            return [self._template_of(session, r) for r in rows]

    def create_template(
        self,
        name: str,
        project_type: ProjectType,
        description: str = "",
        roles: Sequence[RoleSpec] = (),
    ) -> TemplateRecord:
        name = _text("name", name, required=True)
        _check_roles(roles)
        with self._store.write() as session:
            row = TeamTemplate(
                name=name, project_type=ProjectType(project_type), description=description
            )
            session.add(row)
            session.flush()
            self._replace_roles(session, row, roles)
            return self._template_of(session, row)

    def update_template(
        self,
        template_id: str,
        *,
        name: str | None = None,
        project_type: ProjectType | None = None,
        description: str | None = None,
        roles: Sequence[RoleSpec] | None = None,
    ) -> TemplateRecord:
        """Change a template; ``roles`` replaces its list (an empty id adds a role)."""
        if roles is not None:
            _check_roles(roles)
        with self._store.write() as session:
            row: TeamTemplate = _get(session, TeamTemplate, template_id)
            if name is not None:
                row.name = _text("name", name, required=True)
            if project_type is not None:
                row.project_type = ProjectType(project_type)
            if description is not None:
                row.description = description
            if roles is not None:
                self._replace_roles(session, row, roles)
            session.flush()
            return self._template_of(session, row)

    def remove_template(self, template_id: str) -> None:
        with self._store.write() as session:
            tombstone(_get(session, TeamTemplate, template_id))

    def restore_template(self, template_id: str) -> None:
        with self._store.write() as session:
            _get(session, TeamTemplate, template_id, live=False).deleted = False

    def apply_template(self, project_id: str, template_id: str) -> TemplateRecord:
        """Give the project its own copy of a template (replacing an earlier copy)."""
        with self._store.write() as session:
            project: Project = _get(session, Project, project_id)
            source: TeamTemplate = _get(session, TeamTemplate, template_id)
            roles = self._roles(session, source.id)
            for old in session.scalars(
                select(TeamTemplate).where(
                    TeamTemplate.project_id == project.id, TeamTemplate.deleted.is_(False)
                )
            ):
                tombstone(old)
            copy = TeamTemplate(
                project_id=project.id,
                name=source.name,
                project_type=source.project_type,
                description=source.description,
                builtin_key=source.builtin_key,
            )
            session.add(copy)
            session.flush()
            self._replace_roles(session, copy, [_role_of(r) for r in roles], fresh=True)
            return self._template_of(session, copy)

    def project_template(self, project_id: str) -> TemplateRecord | None:
        with self._store.read() as session:
            return self._project_template(session, project_id)

    def _project_template(self, session: Session, project_id: str) -> TemplateRecord | None:
        row = session.scalars(
            select(TeamTemplate)
            .where(TeamTemplate.project_id == project_id, TeamTemplate.deleted.is_(False))
            .order_by(TeamTemplate.hlc.desc())
        ).first()
        return None if row is None else self._template_of(session, row)

    # --- the project team ---------------------------------------------------------------

    def assignments(self, project_id: str) -> list[AssignmentRecord]:
        with self._store.read() as session:
            return self._assignments(session, [project_id])

    def assign(
        self,
        project_id: str,
        person_id: str,
        role_name: str,
        starts_on: date,
        ends_on: date,
        *,
        allocation_pct: int = 100,
        order_type: ServiceOrderType = ServiceOrderType.D,
        package_price_fen: int | None = None,
        service_days: int | None = None,
    ) -> AssignmentRecord:
        cleaned = _clean_assignment(
            {
                "role_name": role_name,
                "allocation_pct": allocation_pct,
                "order_type": order_type,
                "package_price_fen": package_price_fen,
                "service_days": service_days,
            }
        )
        _check_period(starts_on, ends_on)
        _check_package(cleaned["service_order_type"], cleaned.get("package_price_fen"))
        with self._store.write() as session:
            _get(session, Project, project_id)
            _get(session, Person, person_id)
            row = TeamAssignment(
                project_id=project_id,
                person_id=person_id,
                starts_on=starts_on,
                ends_on=ends_on,
                **cleaned,
            )
            session.add(row)
            session.flush()
            return self._assignments(session, [project_id], [row.id])[0]

    def update_assignment(self, assignment_id: str, **changes: Any) -> AssignmentRecord:
        cleaned = _clean_assignment(changes)
        with self._store.write() as session:
            row: TeamAssignment = _get(session, TeamAssignment, assignment_id)
            _check_period(
                cleaned.get("starts_on", row.starts_on), cleaned.get("ends_on", row.ends_on)
            )

            if "person_id" in cleaned:
                _get(session, Person, cleaned["person_id"])
            for key, value in cleaned.items():
                if getattr(row, key) != value:
                    setattr(row, key, value)
            session.flush()
            return self._assignments(session, [row.project_id or ""], [row.id])[0]

    def remove_assignment(self, assignment_id: str) -> None:
        with self._store.write() as session:
            tombstone(_get(session, TeamAssignment, assignment_id))

    def restore_assignment(self, assignment_id: str) -> None:
        with self._store.write() as session:
            _get(session, TeamAssignment, assignment_id, live=False).deleted = False

    def check(self, project_id: str) -> TeamCheck:
        """Unfilled required roles, over-allocation across projects, people out of the pool."""
        with self._store.read() as session:
            mine = self._assignments(session, [project_id])
            people = {a.person_id for a in mine}
            theirs = self._assignments(session, None, person_ids=people) if people else []
            template = self._project_template(session, project_id)
            pool = {p.id: p for p in self._people(session, list(people))} if people else {}
        unfilled = unfilled_roles(template, mine) if template else []
        if unfilled:
            unfilled = self._with_candidates(project_id, unfilled, mine)
        over = [o for o in over_allocations(theirs) if project_id in o.project_ids]
        left = [pool[p] for p in sorted(people) if p in pool and not pool[p].in_pool]
        unpriced = [
            a for a in mine if a.order_type is ServiceOrderType.B and a.package_price_fen is None
        ]
        return TeamCheck(tuple(unfilled), tuple(over), tuple(left), tuple(unpriced))

    def _with_candidates(
        self,
        project_id: str,
        unfilled: list[UnfilledRole],
        mine: Sequence[AssignmentRecord],
    ) -> list[UnfilledRole]:
        """Propose people for each unfilled role: in the pool, not on this project yet, not
        away nor fully booked while the team works (its assignments' span, else the next
        month), ranked by the role held before and by skill."""
        start = min((a.starts_on for a in mine), default=date.today())
        end = max((a.ends_on for a in mine), default=start + timedelta(days=30))
        taken = {a.person_id for a in mine}
        with self._store.read() as session:
            everyone = self._assignments(session, None)
            busy = self._busy(session, start, end, everyone)
            free = [
                p
                for p in self._people(session)
                if p.in_pool and p.id not in busy and p.id not in taken
            ]
        held: defaultdict[str, set[str]] = defaultdict(set)
        for item in everyone:
            if item.project_id != project_id:
                held[item.person_id].add(name_key(item.role_name))
        return [
            UnfilledRole(u.role, u.missing, rank_candidates(u.role, free, held)) for u in unfilled
        ]

    # --- RACI ---------------------------------------------------------------------------

    def raci(self, project_id: str) -> list[RaciCell]:
        with self._store.read() as session:
            rows = session.scalars(
                select(RaciEntry)
                .where(RaciEntry.project_id == project_id, RaciEntry.deleted.is_(False))
                .order_by(RaciEntry.hlc)
            ).all()
            return [RaciCell(r.id, r.work_item, r.person_id, r.raci) for r in rows]

    def set_raci(self, project_id: str, work_item: str, person_id: str, raci: Raci | None) -> None:
        """Set (or with None, clear) one cell of the matrix."""
        work_item = _text("work_item", work_item, required=True)
        with self._store.write() as session:
            _get(session, Project, project_id)
            current = session.scalars(
                select(RaciEntry).where(
                    RaciEntry.project_id == project_id,
                    RaciEntry.work_item == work_item,
                    RaciEntry.person_id == person_id,
                    RaciEntry.deleted.is_(False),
                )
            ).all()
            for row in current[1:]:
                tombstone(row)
            cell = current[0] if current else None
            if raci is None:
                if cell is not None:
                    tombstone(cell)
            elif cell is None:
                session.add(
                    RaciEntry(
                        project_id=project_id,
                        work_item=work_item,
                        person_id=person_id,
                        raci=Raci(raci),
                    )
                )
            elif cell.raci != raci:
                cell.raci = Raci(raci)

    def rename_work_item(self, project_id: str, old: str, new: str) -> None:
        new = _text("work_item", new, required=True)
        with self._store.write() as session:
            taken = session.scalar(
                select(RaciEntry.id).where(
                    RaciEntry.project_id == project_id,
                    RaciEntry.work_item == new,
                    RaciEntry.work_item != old,
                    RaciEntry.deleted.is_(False),
                )
            )
            if taken is not None:
                raise ValidationError(
                    f"A work item named '{new}' exists already.", field="work_item"
                )
            for row in session.scalars(
                select(RaciEntry).where(
                    RaciEntry.project_id == project_id,
                    RaciEntry.work_item == old,
                    RaciEntry.deleted.is_(False),
                )
            ):
                row.work_item = new

    # --- cost ---------------------------------------------------------------------------

    def cost(self, project_id: str) -> CostEstimate:
        """The estimate of every assignment of the project, by its working calendar."""
        with self._store.read() as session:
            calendar = self.calendar_of(session, project_id)
            assignments = self._assignments(session, [project_id])
            rates = {p.id: p for p in self._people(session, [a.person_id for a in assignments])}
        return estimate(
            CostInput(
                assignment_id=a.id,
                person_name=a.person_name,
                role_name=a.role_name,
                order_type=a.order_type,
                working_days=calendar.working_days(a.starts_on, a.ends_on),
                allocation_pct=a.allocation_pct,
                day_rate_fen=rates[a.person_id].day_rate_fen if a.person_id in rates else 0,
                month_rate_fen=rates[a.person_id].month_rate_fen if a.person_id in rates else 0,
                package_price_fen=a.package_price_fen,
                service_days=a.service_days,
                calendar_months=calendar_months(a.starts_on, a.ends_on),
            )
            for a in assignments
        )

    @staticmethod
    def calendar_of(session: Session, project_id: str) -> WorkCalendar:
        """The project's working calendar: China's, with its calendar's exceptions."""
        project: Project = _get(session, Project, project_id)
        if not project.calendar_id:
            return WorkCalendar()
        exceptions = session.execute(
            select(CalendarException.on_date, CalendarException.is_working).where(
                CalendarException.calendar_id == project.calendar_id,
                CalendarException.deleted.is_(False),
            )
        ).all()
        return WorkCalendar({day: working for day, working in exceptions})

    # --- helpers ------------------------------------------------------------------------

    @staticmethod
    def _people(session: Session, ids: Sequence[str] | None = None) -> list[PersonRecord]:
        query = select(Person).where(Person.deleted.is_(False)).order_by(Person.name, Person.id)
        if ids is not None:
            query = select(Person).where(Person.id.in_(ids)).order_by(Person.name, Person.id)
        people = session.scalars(query).all()
        events: defaultdict[str, list[PoolEventEntry]] = defaultdict(list)
        event_query = select(PoolEvent).where(PoolEvent.deleted.is_(False))
        if ids is not None:
            event_query = event_query.where(PoolEvent.person_id.in_(ids))
        for event in session.scalars(event_query):
            events[event.person_id].append(_event_of(event))
        return [
            PersonRecord(
                id=p.id,
                name=p.name,
                company=p.company,
                kind=p.kind,
                skills=tuple(p.skills or ()),
                day_rate_fen=p.day_rate_fen,
                month_rate_fen=p.month_rate_fen,
                email=p.email,
                phone=p.phone,
                notes=p.notes,
                in_pool=in_pool(events[p.id]),
                red=sum(e.kind is PoolEventKind.RED for e in events[p.id]),
                black=sum(e.kind is PoolEventKind.BLACK for e in events[p.id]),
            )
            for p in people
        ]

    @staticmethod
    def _assignments(
        session: Session,
        project_ids: Sequence[str] | None,
        ids: Sequence[str] | None = None,
        *,
        person_ids: Iterable[str] | None = None,
    ) -> list[AssignmentRecord]:
        query = (
            select(TeamAssignment, Person.name)
            .join(Person, Person.id == TeamAssignment.person_id)
            .join(Project, Project.id == TeamAssignment.project_id)
            .where(TeamAssignment.deleted.is_(False), Project.deleted.is_(False))
            .order_by(TeamAssignment.starts_on, Person.name, TeamAssignment.id)
        )
        if project_ids is not None:
            query = query.where(TeamAssignment.project_id.in_(project_ids))
        if ids is not None:
            query = query.where(TeamAssignment.id.in_(ids))
        if person_ids is not None:
            query = query.where(TeamAssignment.person_id.in_(list(person_ids)))
        return [
            AssignmentRecord(
                id=a.id,
                project_id=a.project_id or "",
                person_id=a.person_id,
                person_name=name,
                role_name=a.role_name,
                starts_on=a.starts_on,
                ends_on=a.ends_on,
                allocation_pct=a.allocation_pct,
                order_type=a.service_order_type,
                package_price_fen=a.package_price_fen,
                service_days=a.service_days,
                template_role_id=a.template_role_id,
            )
            for a, name in session.execute(query)
        ]

    @staticmethod
    def _busy(
        session: Session, start: date, end: date, assignments: Sequence[AssignmentRecord]
    ) -> set[str]:
        """People fully booked (100 percent or more) or away on some day of the period."""
        away = set(
            session.scalars(
                select(Unavailability.person_id).where(
                    Unavailability.deleted.is_(False),
                    Unavailability.starts_on <= end,
                    Unavailability.ends_on >= start,
                )
            )
        )
        booked: defaultdict[str, list[AssignmentRecord]] = defaultdict(list)
        for item in assignments:
            if item.starts_on <= end and item.ends_on >= start:
                booked[item.person_id].append(item)
        full = {
            person
            for person, items in booked.items()
            if peak_load(items, start, end) >= MAX_ALLOCATION_PCT
        }
        return away | full

    @staticmethod
    def _roles(session: Session, template_id: str) -> Sequence[TemplateRole]:
        return session.scalars(
            select(TemplateRole)
            .where(TemplateRole.template_id == template_id, TemplateRole.deleted.is_(False))
            .order_by(TemplateRole.sort_order, TemplateRole.id)
        ).all()

    def _template_of(self, session: Session, row: TeamTemplate) -> TemplateRecord:
        return TemplateRecord(
            id=row.id,
            name=row.name,
            project_type=row.project_type,
            description=row.description,
            roles=tuple(_role_of(r) for r in self._roles(session, row.id)),
            project_id=row.project_id,
            builtin_key=row.builtin_key,
        )

    def _replace_roles(
        self,
        session: Session,
        template: TeamTemplate,
        roles: Sequence[RoleSpec],
        *,
        fresh: bool = False,
    ) -> None:
        existing = {r.id: r for r in self._roles(session, template.id)}
        # A project's own copy shares its project: its roles sync with it, not team-wide.
        scope = {"template_id": template.id, "project_id": template.project_id}
        keep = {role.id for role in roles if role.id and not fresh}
        for role_id, row in existing.items():
            if role_id not in keep:
                tombstone(row)
        for order, role in enumerate(roles):
            values = {
                "name": _text("roles", role.name, required=True),
                "required": role.required,
                "headcount": max(1, role.headcount),
                "responsibilities": role.responsibilities,
                "reviews": role.reviews,
                "sort_order": order,
            }
            current = existing.get(role.id) if role.id and not fresh else None
            if current is None and role.id and not fresh:
                current = session.get(TemplateRole, role.id)  # a removed role coming back
                if current is not None and current.template_id == template.id:
                    current.deleted = False
                elif current is None:
                    session.add(TemplateRole(id=role.id, **scope, **values))
                    continue
                else:
                    current = None  # an id of another template's role: add a new row
            if current is None:
                session.add(TemplateRole(**scope, **values))
            else:
                for key, value in values.items():
                    if getattr(current, key) != value:
                        setattr(current, key, value)

    def _install_builtins(self, session: Session) -> None:
        known = set(
            session.scalars(
                select(TeamTemplate.builtin_key).where(
                    TeamTemplate.project_id.is_(None), TeamTemplate.builtin_key.is_not(None)
                )
            )
        )
        for spec in builtin_templates():
            if spec["key"] in known:
                continue
            row = TeamTemplate(
                id=builtin_id(spec["key"]),  # the same row on every laptop: sync merges it
                name=spec["name"],
                project_type=ProjectType(spec["project_type"]),
                description=spec.get("description", ""),
                builtin_key=spec["key"],
            )
            session.add(row)
            session.flush()
            self._replace_roles(
                session,
                row,
                [
                    RoleSpec(
                        id=builtin_id(spec["key"], role["name"]),
                        name=role["name"],
                        required=role.get("required", True),
                        headcount=role.get("headcount", 1),
                        responsibilities=role.get("responsibilities", ""),
                        reviews=role.get("reviews", False),
                    )
                    for role in spec["roles"]
                ],
            )


def _check_roles(roles: Sequence[RoleSpec]) -> None:
    twice = colliding_names(r.name for r in roles)
    if twice:
        raise ValidationError("Two roles have the same name: " + ", ".join(twice), field="roles")
    if any(not r.name.strip() for r in roles):
        raise ValidationError("Every role needs a name.", field="roles")
    if any(r.headcount < 1 for r in roles):
        raise ValidationError("A role needs at least one person.", field="roles")
