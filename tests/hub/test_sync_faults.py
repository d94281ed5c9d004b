"""Sync under faults, against a real hub: responses lost after the hub committed, batches
delivered twice, and device clocks skewed or jumping back. Afterwards nothing is lost, nothing
is duplicated in the hub's stream, every change-log entry is pushed and the replicas converge.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import select

from pm_desktop.core.enums import MeetingType
from pm_desktop.core.hlc import wall_clock_ms
from pm_desktop.services.actions import ActionTracker
from pm_desktop.services.container import Services
from pm_desktop.services.meetings import MeetingService
from pm_desktop.services.outbox import OutboxService
from pm_desktop.services.plan import PlanService
from pm_desktop.services.projects import ProjectService
from pm_desktop.services.resources import ResourceService
from pm_desktop.services.stakeholders import StakeholderService
from pm_desktop.services.sync_status import SyncStatusService
from pm_desktop.services.team import TeamService
from pm_desktop.storage.database import open_store
from pm_desktop.storage.models import ChangeLogEntry
from pm_desktop.sync.client import HubClient, SyncError
from pm_desktop.sync.engine import sync_once
from tests.hub.conftest import UserFactory
from tests.hub.hubserver import HubThread
from tests.hub.test_sync_convergence import (
    REPLICAS,
    World,
    assert_converged,
    final_rounds,
    sync,
    unpushed,
    world,
)

HOUR_MS = 3600 * 1000


class FaultyTransport(httpx.HTTPTransport):
    """Sends requests for real, then loses the response of the next ``cuts`` pushes, or
    delivers each push twice (``twice``) and answers with the second response."""

    def __init__(self) -> None:
        super().__init__()
        self.cuts = 0
        self.twice = False
        self.pushes = 0

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        if request.url.path != "/v1/push":
            return super().handle_request(request)
        self.pushes += 1
        if self.twice:
            first = super().handle_request(request)
            first.read()
            first.close()
        response = super().handle_request(request)
        if self.cuts > 0:
            self.cuts -= 1
            response.read()  # the hub committed and answered; the answer never arrives
            response.close()
            raise httpx.ReadError("connection reset by peer", request=request)
        return response


def edit_a_lot(w: World, i: int, tag: str, *, team: bool = True) -> None:
    s = w.replicas[i]
    for k in range(4):
        s.stakeholders.create(w.project, f"{tag} {k}", title=tag)
    task = s.plan.add_task(w.project, f"{tag} task", duration_days=2)
    s.plan.update_task(task.id, duration_days=3)
    meeting = s.meetings.create(
        w.project, MeetingType.WORKSHOP, f"{tag} meeting", datetime(2026, 4, 2, 9, tzinfo=UTC)
    )
    s.meetings.add_action(meeting.id, f"{tag} action")
    if team:  # team rows reach every user of the hub
        w.people.add(s.team.add_person(f"{tag} person").id)


def logged(services: Services, project: str) -> set[tuple[str, str, str, str]]:
    """(table, row, column, hlc) of every change-log entry of ``project`` made here."""
    log = ChangeLogEntry
    with services.store.read() as session:
        rows = session.execute(
            select(log.table_name, log.row_id, log.column_name, log.hlc).where(
                log.project_id == project
            )
        )
        return {(t, r, c, h) for t, r, c, h in rows}


def hub_stream(client: HubClient, project: str) -> list[tuple[str, str, str, str]]:
    found: list[tuple[str, str, str, str]] = []
    after = 0
    while True:
        page = client.pull(project, after)
        found.extend((c["table"], c["row_id"], c["column"], c["hlc"]) for c in page.changes)
        after = page.next
        if not page.more:
            return found


def assert_stream_exact(w: World) -> None:
    """The hub's stream of the project holds every replica's changes, each exactly once."""
    stream = hub_stream(w.clients[0], w.project)
    assert len(stream) == len(set(stream)), "a change is in the hub's stream twice"
    made = set().union(*(logged(s, w.project) for s in w.replicas))
    assert made - set(stream) == set(), "changes made on a replica never reached the hub"


def test_responses_lost_after_the_hub_committed_lose_and_duplicate_nothing(
    hub: HubThread, make_user: UserFactory, db: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from pm_desktop.sync import engine

    monkeypatch.setattr(engine, "BATCH_SIZE", 9)  # many batches: cuts land between them
    with world(hub, make_user(), db) as w:
        transport = FaultyTransport()
        for i in range(REPLICAS):
            edit_a_lot(w, i, f"r{i}")
        faulty = HubClient(hub.url, *w.user, transport=transport)
        try:
            for cuts in (1, 1, 1):
                transport.cuts = cuts
                with pytest.raises(SyncError) as caught:
                    sync_once(w.replicas[1].store, faulty)
                assert caught.value.code == "network"
                assert unpushed(w.replicas[1]) > 0  # the lost batch is still pending here
            pushes = transport.pushes
            sync_once(w.replicas[1].store, faulty)  # a good sync resends, then carries on
            assert transport.pushes > pushes
        finally:
            faulty.close()
        assert unpushed(w.replicas[1]) == 0
        final_rounds(w)
        assert_converged(w)
        assert_stream_exact(w)


def test_batches_delivered_twice_are_applied_once(
    hub: HubThread, make_user: UserFactory, db: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from pm_desktop.sync import engine

    monkeypatch.setattr(engine, "BATCH_SIZE", 7)
    with world(hub, make_user(), db) as w:
        transport = FaultyTransport()
        transport.twice = True
        faulty = HubClient(hub.url, *w.user, transport=transport)
        try:
            for i in range(REPLICAS):
                edit_a_lot(w, i, f"r{i}")
            report = sync_once(w.replicas[2].store, faulty)
            assert report.pushed == len(logged(w.replicas[2], w.project)) + len(
                _team_logged(w.replicas[2])
            )
            assert transport.pushes > 1
        finally:
            faulty.close()
        final_rounds(w)
        assert_converged(w)
        assert_stream_exact(w)


def _team_logged(services: Services) -> list[int]:
    with services.store.read() as session:
        return list(
            session.scalars(
                select(ChangeLogEntry.seq).where(
                    ChangeLogEntry.project_id.is_(None), ChangeLogEntry.pushed.is_(True)
                )
            )
        )


class SkewedClock:
    """Wall time shifted by ``offset_ms``; the offset may change mid-test (a clock jump)."""

    def __init__(self, offset_ms: int) -> None:
        self.offset_ms = offset_ms

    def __call__(self) -> int:
        return wall_clock_ms() + self.offset_ms


def opener(clocks: list[SkewedClock]) -> Callable[[Path, int], Services]:
    def open_replica(path: Path, i: int) -> Services:
        store = open_store(path, wall_clock=clocks[i])
        return Services(
            store=store,
            projects=ProjectService(store),
            meetings=MeetingService(store),
            actions=ActionTracker(store),
            outbox=OutboxService(store),
            sync_status=SyncStatusService(store),
            stakeholders=StakeholderService(store),
            team=TeamService(store),
            plan=PlanService(store),
            resources=ResourceService(store),
        )

    return open_replica


def test_skewed_and_jumping_clocks_still_converge(
    hub: HubThread, make_user: UserFactory, db: Any
) -> None:
    # The hub refuses stamps more than 24 h ahead of its own clock, and a replica does not
    # adopt a stamp more than 24 h ahead of its own (it reports it): just inside both.
    # The replica 23 h behind sees the one 23 h ahead 46 h ahead of itself: it applies its
    # changes, reports the drift and keeps its own clock (its later edits stamp lower).
    clocks = [SkewedClock(23 * HOUR_MS), SkewedClock(-23 * HOUR_MS), SkewedClock(0)]
    drift = ("ahead of this clock",)
    with world(hub, make_user(), db, opener(clocks), drift) as w:
        who = w.replicas[0].stakeholders.create(w.project, "Skewed")
        task = w.replicas[0].plan.add_task(w.project, "Skewed task", duration_days=1)
        final_rounds(w, drift)
        for i in range(REPLICAS):
            # no team rows: far-future stamps must stay in this project, not reach other
            # tests' replicas through the team stream and push their clocks ahead
            edit_a_lot(w, i, f"r{i}", team=False)
            w.replicas[i].stakeholders.update(who.id, title=f"by {i}")
            w.replicas[i].plan.update_task(task.id, duration_days=i + 2)
        sync(w, 2, drift)
        clocks[2].offset_ms -= HOUR_MS  # the third device's clock jumps back an hour
        w.replicas[2].stakeholders.update(who.id, organisation="after the jump")
        edit_a_lot(w, 2, "jumped", team=False)
        for i in (1, 0, 2, 1):
            sync(w, i, drift)
        final_rounds(w, drift)
        assert_converged(w)
        assert_stream_exact(w)
        # Stamps never go backwards on a device, whatever its wall clock does.
        with w.replicas[2].store.read() as session:
            stamps = list(session.scalars(select(ChangeLogEntry.hlc).order_by(ChangeLogEntry.seq)))
        assert stamps == sorted(stamps)
