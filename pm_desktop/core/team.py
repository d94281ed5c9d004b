"""Team composition: the resource pool, templates (组队模型), assignments and RACI, and the rules
that check them (unfilled roles, over-allocation, RACI completeness). No storage here."""

from __future__ import annotations

import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from itertools import pairwise

from pm_desktop.core.enums import (
    PersonKind,
    PoolEventKind,
    ProjectType,
    Raci,
    ServiceOrderType,
)

MAX_ALLOCATION_PCT = 100


@dataclass(frozen=True, slots=True)
class PoolEventEntry:
    id: str
    person_id: str
    kind: PoolEventKind
    occurred_on: date
    note: str = ""
    about_project_id: str | None = None


@dataclass(frozen=True, slots=True)
class PersonRecord:
    """Someone of the resource pool (internal, partner or outsourced)."""

    id: str
    name: str
    company: str = ""
    kind: PersonKind = PersonKind.INTERNAL
    skills: tuple[str, ...] = ()
    day_rate_fen: int = 0
    month_rate_fen: int = 0
    email: str = ""
    phone: str = ""
    notes: str = ""
    in_pool: bool = True
    """False once their latest entered/left event is "left" (出池)."""
    red: int = 0
    black: int = 0


@dataclass(frozen=True, slots=True)
class RoleSpec:
    """A role of a team-composition template."""

    id: str
    name: str
    required: bool = True
    headcount: int = 1
    responsibilities: str = ""
    reviews: bool = False
    """Reviews deliverables (评审), as opposed to writing them (执笔)."""


@dataclass(frozen=True, slots=True)
class TemplateRecord:
    id: str
    name: str
    project_type: ProjectType
    description: str = ""
    roles: tuple[RoleSpec, ...] = ()
    project_id: str | None = None
    """Set for the copy applied to one project; None for the team-wide templates."""
    builtin_key: str | None = None


@dataclass(frozen=True, slots=True)
class AssignmentRecord:
    id: str
    project_id: str
    person_id: str
    person_name: str
    role_name: str
    starts_on: date
    ends_on: date
    allocation_pct: int = 100
    order_type: ServiceOrderType = ServiceOrderType.D
    package_price_fen: int | None = None
    service_days: int | None = None
    template_role_id: str | None = None


@dataclass(frozen=True, slots=True)
class RaciCell:
    id: str
    work_item: str
    person_id: str
    raci: Raci


def name_key(name: str) -> str:
    """How role and skill names are compared: width, case and runs of spaces ignored."""
    return " ".join(unicodedata.normalize("NFKC", name).casefold().split())


def colliding_names(names: Iterable[str]) -> list[str]:
    """The names that appear more than once (compared by :func:`name_key`), in order."""
    seen: set[str] = set()
    twice: list[str] = []
    for name in names:
        key = name_key(name)
        if key in seen and name not in twice:
            twice.append(name)
        seen.add(key)
    return twice


def in_pool(events: Iterable[PoolEventEntry]) -> bool:
    """Whether the latest entered/left event is "entered" (nobody with no such event has left)."""
    moves = [e for e in events if e.kind in (PoolEventKind.ENTERED, PoolEventKind.LEFT)]
    if not moves:
        return True
    return max(moves, key=lambda e: (e.occurred_on, e.kind is PoolEventKind.LEFT)).kind is (
        PoolEventKind.ENTERED
    )


# --- unfilled roles -------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class UnfilledRole:
    role: RoleSpec
    missing: int
    candidates: tuple[PersonRecord, ...] = ()
    """People of the pool proposed for it (see :func:`rank_candidates`)."""


def unfilled_roles(
    template: TemplateRecord, assignments: Iterable[AssignmentRecord]
) -> list[UnfilledRole]:
    """Required roles with fewer people assigned than their headcount (matched by role name)."""
    staffed: defaultdict[str, set[str]] = defaultdict(set)
    for assignment in assignments:
        staffed[name_key(assignment.role_name)].add(assignment.person_id)
    found = []
    for role in template.roles:
        missing = role.headcount - len(staffed.get(name_key(role.name), ()))
        if role.required and missing > 0:
            found.append(UnfilledRole(role, missing))
    return found


def rank_candidates(
    role: RoleSpec,
    people: Iterable[PersonRecord],
    held_before: Mapping[str, set[str]],
    limit: int = 3,
) -> tuple[PersonRecord, ...]:
    """Who to propose for ``role``: people who held a role of that name before (on any
    project), then people with a skill naming it (or named in it), by name. ``held_before``
    maps a person's id to the name keys of roles they held; ``people`` are those available."""
    wanted = name_key(role.name)

    def score(person: PersonRecord) -> int:
        if wanted in held_before.get(person.id, set()):
            return 2
        skills = [name_key(skill) for skill in person.skills]
        return 1 if any(s and (s in wanted or wanted in s) for s in skills) else 0

    ranked = sorted(((score(p), p) for p in people), key=lambda item: (-item[0], item[1].name))
    return tuple(person for points, person in ranked if points > 0)[:limit]


# --- over-allocation ------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class OverAllocation:
    """A span in which someone is booked beyond 100 percent, across projects."""

    person_id: str
    starts_on: date
    ends_on: date
    peak_pct: int
    project_ids: tuple[str, ...]


def over_allocations(assignments: Iterable[AssignmentRecord]) -> list[OverAllocation]:
    """Every span of every person whose assignments add up to more than 100 percent.

    A sweep over start and end days per person: O(n log n) in the number of assignments.
    """
    by_person: defaultdict[str, list[AssignmentRecord]] = defaultdict(list)
    for assignment in assignments:
        by_person[assignment.person_id].append(assignment)
    found: list[OverAllocation] = []
    for person_id, booked in by_person.items():
        if len(booked) > 1:
            found.extend(_person_over_allocations(person_id, booked))
    return found


def _person_over_allocations(
    person_id: str, booked: Sequence[AssignmentRecord]
) -> list[OverAllocation]:
    changes: defaultdict[date, list[tuple[int, AssignmentRecord]]] = defaultdict(list)
    for item in booked:
        changes[item.starts_on].append((item.allocation_pct, item))
        changes[item.ends_on + timedelta(days=1)].append((-item.allocation_pct, item))
    days = sorted(changes)
    found: list[OverAllocation] = []
    load, active = 0, dict[str, AssignmentRecord]()
    for day, next_day in pairwise(days):
        for delta, item in changes[day]:
            load += delta
            if delta > 0:
                active[item.id] = item
            else:
                active.pop(item.id, None)
        if load <= MAX_ALLOCATION_PCT:
            continue
        projects = {a.project_id for a in active.values()}
        last = found[-1] if found else None
        if last is not None and last.ends_on + timedelta(days=1) == day:
            found[-1] = OverAllocation(
                person_id,
                last.starts_on,
                next_day - timedelta(days=1),
                max(last.peak_pct, load),
                tuple(sorted(projects | set(last.project_ids))),
            )
        else:
            found.append(
                OverAllocation(
                    person_id, day, next_day - timedelta(days=1), load, tuple(sorted(projects))
                )
            )
    return found


def peak_load(booked: Iterable[AssignmentRecord], start: date, end: date) -> int:
    """The highest total allocation on any day from ``start`` to ``end`` (one person's)."""
    changes: defaultdict[date, int] = defaultdict(int)
    for item in booked:
        first, last = max(item.starts_on, start), min(item.ends_on, end)
        if first <= last:
            changes[first] += item.allocation_pct
            changes[last + timedelta(days=1)] -= item.allocation_pct
    load = peak = 0
    for day in sorted(changes):
        load += changes[day]
        peak = max(peak, load)
    return peak


# --- RACI -----------------------------------------------------------------------------------


class RaciProblemKind(StrEnum):
    NO_ACCOUNTABLE = "no_accountable"
    SEVERAL_ACCOUNTABLE = "several_accountable"
    NO_RESPONSIBLE = "no_responsible"


@dataclass(frozen=True, slots=True)
class RaciRow:
    """One work item or deliverable: who writes it (R), who answers for it and reviews it (A),
    who is consulted (C) and informed (I), and what is wrong with that."""

    work_item: str
    writers: tuple[str, ...]
    reviewers: tuple[str, ...]
    consulted: tuple[str, ...]
    informed: tuple[str, ...]
    problems: tuple[RaciProblemKind, ...]


def raci_rows(cells: Iterable[RaciCell]) -> list[RaciRow]:
    """The matrix by work item (in first-seen order), each checked: exactly one A, an R."""
    by_item: dict[str, dict[Raci, list[str]]] = {}
    for cell in cells:
        letters = by_item.setdefault(cell.work_item, {r: [] for r in Raci})
        letters[cell.raci].append(cell.person_id)
    rows = []
    for item, letters in by_item.items():
        problems = []
        accountable = letters[Raci.ACCOUNTABLE]
        if not accountable:
            problems.append(RaciProblemKind.NO_ACCOUNTABLE)
        elif len(accountable) > 1:
            problems.append(RaciProblemKind.SEVERAL_ACCOUNTABLE)
        if not letters[Raci.RESPONSIBLE]:
            problems.append(RaciProblemKind.NO_RESPONSIBLE)
        rows.append(
            RaciRow(
                work_item=item,
                writers=tuple(letters[Raci.RESPONSIBLE]),
                reviewers=tuple(accountable),
                consulted=tuple(letters[Raci.CONSULTED]),
                informed=tuple(letters[Raci.INFORMED]),
                problems=tuple(problems),
            )
        )
    return rows


@dataclass(frozen=True, slots=True)
class TeamCheck:
    """What the team view flags for one project."""

    unfilled: tuple[UnfilledRole, ...] = ()
    over: tuple[OverAllocation, ...] = ()
    """Spans where someone on this project is booked beyond 100 percent, across projects."""
    left_pool: tuple[PersonRecord, ...] = ()
    """People assigned to this project who have left the pool."""
    unpriced: tuple[AssignmentRecord, ...] = ()
    """Type B assignments without a package price (they cost nothing yet)."""

    @property
    def clean(self) -> bool:
        return not (self.unfilled or self.over or self.left_pool or self.unpriced)
