"""A project downloaded whole (first pull of a big project, and the repair after a summary
that differs from the hub's), against a real hub: replicas made by ``Services.open``."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import psycopg
import pytest
from sqlalchemy import select, text

from pm_desktop.core.enums import MeetingType
from pm_desktop.hub import admin
from pm_desktop.services.container import Services
from pm_desktop.storage.models import PlanTask
from pm_desktop.storage.models.meetings import ActionItem
from pm_desktop.sync import engine, snapshot
from pm_desktop.sync.client import HubClient, SnapshotPage
from pm_desktop.sync.engine import SyncReport, sync_once
from tests.hub.conftest import UserFactory
from tests.hub.hubserver import HubThread

Replica = tuple[Services, HubClient]


@pytest.fixture
def replica(
    tmp_path: Path, hub: HubThread, make_user: UserFactory
) -> Iterator[Callable[..., Replica]]:
    opened: list[Replica] = []

    def make(user: tuple[str, str]) -> Replica:
        services = Services.open(tmp_path / f"r{len(opened)}.db")
        client = HubClient(hub.url, user[0], user[1], timeout=20)
        opened.append((services, client))
        return services, client

    yield make
    for services, client in opened:
        client.close()
        services.close()


@pytest.fixture
def small_pages(monkeypatch: pytest.MonkeyPatch) -> None:
    """Any project is big enough to be downloaded whole, in pages of a few rows."""
    monkeypatch.setattr(engine, "FETCH_LIMIT", 10)
    monkeypatch.setattr(snapshot, "SNAPSHOT_ROWS", 4)


def sync(rep: Replica, **options: Any) -> SyncReport:
    report = sync_once(rep[0].store, rep[1], **options)
    # The hub is shared by the whole test run: other tests' made-up tables are in its team
    # stream, and a replica skips (and reports) what its schema does not have.
    assert [e for e in report.errors if "unknown table" not in e] == []
    return report


def a_project(
    replica: Callable[..., Replica], make_user: UserFactory, db: psycopg.Connection[Any]
) -> tuple[Replica, Replica, str]:
    """Device A with a project of every kind of row, synced; device B of the same user."""
    user = make_user()
    a, b = replica(user), replica(user)
    s = a[0]
    project = s.projects.create("Line 3", client="ACME", contract_signed_on=date(2026, 3, 2)).id
    admin.grant(db, user[0], project)
    for i in range(6):
        s.stakeholders.create(project, f"S{i}", title=f"t{i}")
    design = s.plan.add_task(project, "Design", duration_days=5)
    build = s.plan.add_task(project, "Build", duration_days=10)
    s.plan.add_link(design.id, build.id)
    meeting = s.meetings.create(
        project, MeetingType.WEEKLY_STATUS, "Kick-off", datetime(2026, 5, 4, 9, tzinfo=UTC)
    )
    s.meetings.add_action(meeting.id, "Send the plan", who="Li")
    sync(a)
    return a, b, project


def plan(services: Services, project: str) -> dict[str, tuple[Any, ...]]:
    with services.store.read() as session:
        return {
            t.name: (t.start_on, t.finish_on, t.deleted)
            for t in session.scalars(select(PlanTask).where(PlanTask.project_id == project))
        }


def people(services: Services, project: str) -> dict[str, str]:
    return {s.name: s.title for s in services.stakeholders.of_project(project)}


def test_a_new_device_downloads_a_project_whole_then_pulls_what_follows(
    replica: Callable[..., Replica],
    make_user: UserFactory,
    db: psycopg.Connection[Any],
    small_pages: None,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    a, b, project = a_project(replica, make_user, db)
    pages: list[SnapshotPage] = []
    original = HubClient.snapshot

    def spy(self: HubClient, *args: Any, **kwargs: Any) -> SnapshotPage:
        page = original(self, *args, **kwargs)
        pages.append(page)
        if len(pages) == 1:  # a change committed while the pages are read
            a[0].stakeholders.update(
                next(s.id for s in a[0].stakeholders.of_project(project) if s.name == "S5"),
                title="changed meanwhile",
            )
            sync(a)
        return page

    monkeypatch.setattr(HubClient, "snapshot", spy)
    report = sync(b)
    monkeypatch.setattr(HubClient, "snapshot", original)
    assert len(pages) > 3  # the project came whole, in pages, not as its history
    assert report.pulled > 0
    assert people(b[0], project) == people(a[0], project)
    assert people(b[0], project)["S5"] == "changed meanwhile"
    assert plan(b[0], project) == plan(a[0], project)  # derived dates recomputed
    assert plan(b[0], project)["Build"][0] is not None
    with b[0].store.read() as session:
        actions = session.scalars(select(ActionItem).where(ActionItem.project_id == project))
        assert [x.what for x in actions] == ["Send the plan"]

    a[0].stakeholders.update(
        next(s.id for s in a[0].stakeholders.of_project(project) if s.name == "S0"), title="new"
    )
    sync(a)
    after = sync(b)
    assert after.redownloaded == []
    assert 0 < after.pulled <= 3  # only what followed the download
    assert people(b[0], project)["S0"] == "new"


def test_a_replica_that_differs_from_the_hub_is_repaired_and_says_so(
    replica: Callable[..., Replica],
    make_user: UserFactory,
    db: psycopg.Connection[Any],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(engine, "SUMMARY_INTERVAL_S", 0.0)  # compare at every sync
    a, b, project = a_project(replica, make_user, db)
    first = sync(b)
    assert project in first.checked
    assert first.redownloaded == []
    again = sync(b)  # an unchanged replica: compared, and not downloaded again
    assert project in again.checked
    assert again.redownloaded == []
    assert again.pulled == 0

    expected = people(a[0], project)
    ids = {s.name: s.id for s in b[0].stakeholders.of_project(project)}
    with b[0].store.engine.begin() as conn:  # behind the engine's back
        conn.execute(
            text("UPDATE stakeholders SET title = 'garbage' WHERE id = :id"), {"id": ids["S1"]}
        )
        conn.execute(
            text(
                "UPDATE field_stamps SET hlc = '0000000000001-000000-x', device_id = 'x' "
                "WHERE table_name = 'stakeholders' AND row_id = :id AND column_name = 'title'"
            ),
            {"id": ids["S1"]},
        )
        conn.execute(text("DELETE FROM stakeholders WHERE id = :id"), {"id": ids["S2"]})
    assert people(b[0], project) != expected

    repaired = sync(b)
    assert repaired.redownloaded == [project]
    assert people(b[0], project) == expected
    checked = sync(b)
    assert checked.redownloaded == []
    assert project in checked.checked


def test_rows_the_hub_lost_are_sent_again(
    replica: Callable[..., Replica],
    make_user: UserFactory,
    db: psycopg.Connection[Any],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A hub restored from an old backup: a row it had acknowledged is gone there; the
    device that still has it keeps it and sends it again."""
    monkeypatch.setattr(engine, "SUMMARY_INTERVAL_S", 0.0)
    a, b, project = a_project(replica, make_user, db)
    sync(b)
    lost = next(s for s in a[0].stakeholders.of_project(project) if s.name == "S3")
    db.execute("DELETE FROM fields WHERE project_key = %s AND row_id = %s", [project, lost.id])

    report = sync(a)
    assert report.redownloaded == [project]
    assert report.pushed > 0
    assert a[0].stakeholders.get(lost.id).name == "S3"
    on_hub = db.execute(
        "SELECT count(*) FROM fields WHERE project_key = %s AND row_id = %s", [project, lost.id]
    ).fetchone()
    assert on_hub is not None
    assert on_hub[0] > 0
    assert sync(a).redownloaded == []
