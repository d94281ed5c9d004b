"""Convergence: three replicas of one user edit one project (and the team pool) through the
real services, sync with a real hub in random interleavings, and end up identical.

Each Hypothesis example builds its own three SQLite replicas (three device ids: one per file,
made by ``open_store`` on first open), a new hub user and a new project, so examples share
nothing but the hub. The replicas are compared table by table over every synced table: row
id, every column but the row's ``hlc`` (a local bookkeeping stamp, bumped when a replica
recomputes derived plan dates) and the derived plan columns, and the ``deleted`` flag.

Conflict records: every text value that lost to a change made without knowing it must be in
a conflict record (:func:`assert_overwritten_values_kept`). Which changes a replica knew is
read from the hub: a sync pulls every change committed before it started.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import psycopg
import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from pm_desktop.core.enums import ActionStatus, MeetingType
from pm_desktop.core.errors import NotFoundError, ValidationError
from pm_desktop.core.schedule import DependencyCycleError
from pm_desktop.hub import admin
from pm_desktop.services.container import Services
from pm_desktop.storage.models import ChangeLogEntry, SyncConflict
from pm_desktop.storage.models.meetings import ActionItem, Meeting
from pm_desktop.storage.models.plan import PlanTask
from pm_desktop.storage.models.pool import Person
from pm_desktop.storage.models.stakeholders import Stakeholder
from pm_desktop.sync.apply import _synced_tables
from pm_desktop.sync.client import HubClient
from pm_desktop.sync.engine import SyncReport, sync_once
from pm_desktop.sync.text_fields import text_columns
from tests.hub.conftest import UserFactory
from tests.hub.hubserver import HubThread

REPLICAS = 3

# --- the world of one example -------------------------------------------------------------


@dataclass
class World:
    replicas: list[Services]
    clients: list[HubClient]
    project: str
    people: set[str]
    """Team-pool people made in this example (the hub's team stream holds other tests' too)."""
    user: tuple[str, str]
    """The hub user (name, secret) every replica syncs as."""
    db: psycopg.Connection[Any]
    known: list[list[tuple[str, int]]] = field(default_factory=list)
    """Per replica, after each sync: (its clock's last stamp, the hub's last seq before it).
    An edit stamped after the first knew every change up to the second."""


@contextmanager
def world(
    hub: HubThread,
    user: tuple[str, str],
    db: psycopg.Connection[Any],
    open_replica: Callable[[Path, int], Services] | None = None,
    allow: tuple[str, ...] = (),
) -> Iterator[World]:
    """Three replicas of ``user`` with a project made on replica 0 and synced to the others."""
    with tempfile.TemporaryDirectory() as folder:
        replicas: list[Services] = []
        clients: list[HubClient] = []
        try:
            for i in range(REPLICAS):
                path = Path(folder) / f"r{i}.db"
                replicas.append(open_replica(path, i) if open_replica else Services.open(path))
                clients.append(HubClient(hub.url, user[0], user[1], timeout=20))
            devices = {r.store.device_id for r in replicas}
            assert len(devices) == REPLICAS  # one device id per file
            project = replicas[0].projects.create(
                "Convergence", client="ACME", contract_signed_on=date(2026, 3, 2)
            )
            admin.grant(db, user[0], project.id)
            w = World(replicas, clients, project.id, set(), user, db, [[] for _ in replicas])
            for i in range(REPLICAS):
                sync(w, i, allow)
            yield w
        finally:
            for client in clients:
                client.close()
            for services in replicas:
                services.close()


LOOP_REPORT = "could not be rescheduled: These tasks depend on each other in a loop"


def sync(w: World, i: int, allow: tuple[str, ...] = ()) -> SyncReport:
    """Sync replica ``i``; it must report no problem but those with a text in ``allow``."""
    top = w.db.execute("SELECT coalesce(max(seq), 0) FROM changes").fetchone()
    report = sync_once(w.replicas[i].store, w.clients[i])
    assert top is not None
    w.known[i].append((w.replicas[i].store.clock.last.encode(), int(top[0])))
    allow = ("unknown table", LOOP_REPORT, *allow)
    # The hub is shared by the whole test run: other tests' made-up tables are in its team
    # stream, and a replica skips (and reports) what its schema does not have. Links made
    # on two replicas may close a loop once merged: reported, not raised.
    assert [e for e in report.errors if not any(a in e for a in allow)] == []
    return report


def final_rounds(w: World, allow: tuple[str, ...] = ()) -> None:
    for _round in range(2):
        for i in range(REPLICAS):
            sync(w, i, allow)


def state(services: Services) -> dict[str, set[tuple[Any, ...]]]:
    """Every synced table's rows: (id, every synced column but hlc/derived, deleted)."""
    found: dict[str, set[tuple[Any, ...]]] = {}
    with services.store.read() as session:
        connection = session.connection()
        for name, (table, columns) in sorted(_synced_tables().items()):
            names = sorted(columns | {"id", "deleted"})
            rows = connection.execute(select(*(table.c[n] for n in names)))
            found[name] = {
                tuple((n, _hashable(v)) for n, v in zip(names, row, strict=True)) for row in rows
            }
    return found


def _hashable(value: Any) -> Any:
    return json.dumps(value, sort_keys=True) if isinstance(value, (list, dict)) else value


def unpushed(services: Services) -> int:
    with services.store.read() as session:
        return len(
            session.scalars(
                select(ChangeLogEntry.seq).where(ChangeLogEntry.pushed.is_(False))
            ).all()
        )


def assert_converged(w: World) -> None:
    states = [state(r) for r in w.replicas]
    for i in range(1, REPLICAS):
        for table, rows in states[0].items():
            other = states[i][table]
            assert rows == other, (
                f"{table}: replica 0 and {i} differ: only on 0: {sorted(rows - other)[:3]}, "
                f"only on {i}: {sorted(other - rows)[:3]}"
            )
    for r in w.replicas:
        assert unpushed(r) == 0
    assert any(rows for rows in states[0].values())


def assert_overwritten_values_kept(w: World) -> None:
    """Every text value that lost to a change made without knowing it is in a conflict
    record (as the value kept or the one lost) on every replica."""
    texts = text_columns()
    devices = {r.store.device_id: i for i, r in enumerate(w.replicas)}
    changes = w.db.execute(
        """SELECT seq, table_name, row_id, column_name, value_json, hlc, device_id
           FROM changes WHERE project_key = ANY(%s) AND device_id <> 'hub' ORDER BY seq""",
        [[w.project, "team"]],
    ).fetchall()
    by_field: dict[tuple[str, str, str], list[tuple[Any, ...]]] = {}
    for seq, table, row_id, column, value, hlc, device in changes:
        if column in texts.get(table, ()) and (table != "people" or row_id in w.people):
            by_field.setdefault((table, row_id, column), []).append((hlc, device, value, seq))
    with w.replicas[0].store.read() as session:
        kept = {
            (c.table_name, c.row_id, c.column_name, value)
            for c in session.scalars(select(SyncConflict))
            for value in (c.kept_value, c.lost_value)
        }

    def knew(device: str, hlc: str, seq: int) -> bool:
        known = [top for stamp, top in w.known[devices[device]] if stamp < hlc]
        return bool(known) and known[-1] >= seq

    for key, writes in by_field.items():
        final = max(writes)[2]
        for hlc, device, value, seq in writes:
            overwritten_knowingly = any(
                later[:3] > (hlc, device, value)
                and (later[1] == device or knew(later[1], later[0], seq))
                for later in writes
            )
            if value != final and not overwritten_knowingly:
                assert (*key, value) in kept, f"{key}: {value} was overwritten silently"


# --- the edits ----------------------------------------------------------------------------


def _live(services: Services, model: Any, w: World, *, only: set[str] | None = None) -> list[str]:
    with services.store.read() as session:
        query = select(model.id).where(model.deleted.is_(False))
        if only is None:
            query = query.where(model.project_id == w.project)
        ids = sorted(session.scalars(query))
    return [i for i in ids if only is None or i in only]


def _pick(ids: Sequence[str], n: int) -> str | None:
    return ids[n % len(ids)] if ids else None


def edit(w: World, step: tuple[Any, ...]) -> None:  # noqa: PLR0912 - one branch an edit
    """One edit ``("edit", i, kind, n, m, text)`` on replica ``i``; ``n``/``m`` pick rows
    among the live ones there."""
    _, i, kind, n, m, text = step
    s = w.replicas[i]
    p = w.project
    stakeholder = _pick(_live(s, Stakeholder, w), n)
    task = _pick(_live(s, PlanTask, w), n)
    other_task = _pick(_live(s, PlanTask, w), m)
    meeting = _pick(_live(s, Meeting, w), n)
    action = _pick(_live(s, ActionItem, w), n)
    person = _pick(_live(s, Person, w, only=w.people), n)
    match kind:
        case "stakeholder.create":
            s.stakeholders.create(p, f"S {text}", title=text)
        case "stakeholder.update" if stakeholder:
            s.stakeholders.update(stakeholder, title=text, power=1 + m % 5)
        case "stakeholder.rename" if stakeholder:
            s.stakeholders.update(stakeholder, name=f"N {text}")
        case "stakeholder.remove" if stakeholder:
            s.stakeholders.remove(stakeholder)
        case "meeting.create":
            starts = datetime(2026, 5, 1 + m % 28, 9, 0, tzinfo=UTC)
            s.meetings.create(p, MeetingType.WEEKLY_STATUS, f"M {text}", starts)
        case "action.add" if meeting:
            s.meetings.add_action(meeting, f"do {text}", who=text)
        case "action.update" if action:
            s.meetings.update_action(action, what=f"redo {text}", due_on=date(2026, 6, 1 + m % 28))
        case "action.status" if action:
            status = list(ActionStatus)[m % len(ActionStatus)]
            s.meetings.set_action_status([action], status, note=text)
        case "person.add":
            w.people.add(s.team.add_person(f"P {text}").id)
        case "person.update" if person:
            s.team.update_person(person, name=f"Q {text}")
        case "task.add":
            s.plan.add_task(p, f"T {text}", duration_days=1 + m % 10)
        case "task.update" if task:
            s.plan.update_task(task, duration_days=m % 10, name=f"U {text}")
        case "task.link" if task and other_task and task != other_task:
            s.plan.add_link(task, other_task, lag_days=m % 3)
        case "task.remove" if task:
            s.plan.remove_task(task)
        case _:
            pass  # nothing to edit of that kind on this replica yet


EDITS = [
    "stakeholder.create", "stakeholder.update", "stakeholder.rename", "stakeholder.remove",
    "meeting.create", "action.add", "action.update", "action.status",
    "person.add", "person.update",
    "task.add", "task.update", "task.link", "task.remove",
]  # fmt: skip

replica_index = st.integers(0, REPLICAS - 1)
edit_step = st.tuples(
    st.just("edit"),
    replica_index,
    st.sampled_from(EDITS),
    st.integers(0, 20),
    st.integers(0, 20),
    st.text(st.sampled_from("abcxyz王芳 "), min_size=1, max_size=6).filter(str.strip),
)
sync_step = st.tuples(st.just("sync"), replica_index)
program = st.lists(st.one_of(edit_step, edit_step, sync_step), min_size=1, max_size=30)


def run(w: World, steps: Sequence[tuple[Any, ...]]) -> None:
    for step in steps:
        if step[0] == "sync":
            sync(w, step[1])
            continue
        # An edit refused as a user's would be (a loop of links, a removed row...) is a no-op.
        with suppress(ValidationError, NotFoundError):
            edit(w, step)


# --- tests --------------------------------------------------------------------------------


@settings(
    max_examples=int(os.environ.get("PM_CONVERGENCE_EXAMPLES", "20")),
    deadline=None,
    phases=[Phase.explicit, Phase.reuse, Phase.generate],  # shrinking a hub run takes minutes
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(steps=program)
def test_random_edits_and_syncs_converge(
    steps: list[tuple[Any, ...]], hub: HubThread, make_user: UserFactory, db: Any
) -> None:
    with world(hub, make_user(), db) as w:
        run(w, steps)
        final_rounds(w)
        assert_converged(w)
        assert_overwritten_values_kept(w)


def test_concurrent_edits_of_every_kind_converge(
    hub: HubThread, make_user: UserFactory, db: Any
) -> None:
    """A fixed program: every replica edits the same rows before anyone syncs again."""
    with world(hub, make_user(), db) as w:
        s0 = w.replicas[0]
        person = s0.team.add_person("Shared")
        w.people.add(person.id)
        who = s0.stakeholders.create(w.project, "Li", title="CIO")
        t1 = s0.plan.add_task(w.project, "Design", duration_days=3)
        t2 = s0.plan.add_task(w.project, "Build", duration_days=4)
        meeting = s0.meetings.create(
            w.project, MeetingType.KICKOFF, "Kick-off", datetime(2026, 4, 1, 9, tzinfo=UTC)
        )
        action = s0.meetings.add_action(meeting.id, "Plan")
        for i in range(REPLICAS):
            sync(w, i)
        for i, s in enumerate(w.replicas):
            s.stakeholders.update(who.id, title=f"title {i}")
            s.team.update_person(person.id, name=f"name {i}")
            s.plan.update_task(t1.id, duration_days=i + 1)
            s.meetings.update_action(action.id, what=f"what {i}")
            s.meetings.add_action(meeting.id, f"new {i}")  # same number on each replica
        w.replicas[1].stakeholders.remove(who.id)
        w.replicas[2].plan.add_link(t1.id, t2.id)
        for i in (2, 0, 1):
            sync(w, i)
        final_rounds(w)
        assert_converged(w)
        assert_overwritten_values_kept(w)
        titles = {s.stakeholders.get(who.id).title for s in w.replicas}
        assert len(titles) == 1
        # Replica 1 deleted the stakeholder the others edited: the row is kept, and flagged.
        assert not w.replicas[0].stakeholders.get(who.id).deleted
        with w.replicas[2].store.read() as session:
            flagged = session.scalars(
                select(SyncConflict.row_id).where(SyncConflict.kind == "delete")
            )
            assert who.id in set(flagged)


def test_links_made_concurrently_into_a_loop_still_sync(
    hub: HubThread, make_user: UserFactory, db: Any
) -> None:
    """Each link is fine where it was made; merged, they close a loop."""
    with world(hub, make_user(), db) as w:
        s0 = w.replicas[0]
        t1 = s0.plan.add_task(w.project, "A", duration_days=2)
        t2 = s0.plan.add_task(w.project, "B", duration_days=2)
        for i in range(REPLICAS):
            sync(w, i)
        w.replicas[0].plan.add_link(t1.id, t2.id)
        w.replicas[1].plan.add_link(t2.id, t1.id)
        sync(w, 0)
        report = sync(w, 1)  # pulls A -> B next to its own B -> A
        assert any(LOOP_REPORT in e for e in report.errors)
        final_rounds(w)
        assert_converged(w)
        with pytest.raises(DependencyCycleError):  # the plan says so until a link goes
            w.replicas[2].plan.update_task(t1.id, duration_days=3)
        links = w.replicas[2].plan.links(w.project)
        w.replicas[2].plan.remove_link(links[0].id)
        final_rounds(w)
        assert_converged(w)
