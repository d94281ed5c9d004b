"""A project downloaded whole (first pull of a big project, and the repair after a summary
that differs from the hub's), against a real hub: replicas made by ``Services.open``."""

from __future__ import annotations

import dataclasses
import json
import threading
from collections import Counter
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import psycopg
import pytest
from sqlalchemy import select, text

from pm_desktop.core.enums import MeetingType, PoolEventKind
from pm_desktop.hub import admin
from pm_desktop.services.container import Services
from pm_desktop.storage.models import PlanTask
from pm_desktop.storage.models.local import LocalMeta
from pm_desktop.storage.models.meetings import ActionItem
from pm_desktop.storage.stamps import row_field_stamps
from pm_desktop.sync import engine, snapshot
from pm_desktop.sync.apply import _synced_tables
from pm_desktop.sync.client import Hello, HubClient, SnapshotPage
from pm_desktop.sync.engine import SyncReport, sync_once
from pm_desktop.sync.snapshot import local_summary
from tests.hub.conftest import UserFactory
from tests.hub.hubserver import HubClient as RawClient
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
    changed: list[bool] = []
    original = HubClient.snapshot

    def spy(self: HubClient, *args: Any, **kwargs: Any) -> SnapshotPage:
        page = original(self, *args, **kwargs)
        pages.append(page)
        if args[0] == project and not changed:
            changed.append(True)  # a change committed while the project's pages are read
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
        conn.execute(  # an old stamp of its own (it takes precedence over the row's stamp)
            text(
                "INSERT INTO field_stamps (table_name, row_id, column_name, hlc, device_id)"
                " VALUES ('stakeholders', :id, 'title', '0000000000001-000000-x', 'x')"
                " ON CONFLICT DO UPDATE SET hlc = excluded.hlc, device_id = excluded.device_id"
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


def both_formats(client: RawClient, project: str) -> tuple[dict[Any, Any], dict[Any, Any]]:
    """Every field of the project as the field format and as the rows format give it:
    (table, row_id, column) -> (decoded value, hlc, device_id)."""
    fields: dict[Any, Any] = {}
    rows: dict[Any, Any] = {}
    for form, found in (("fields", fields), ("rows", rows)):
        after = ""
        while True:
            page = client.get(
                "/v1/snapshot", project=project, after_row=after, limit=3, format=form
            ).json()
            for f in page.get("fields", []):
                key = (f["table"], f["row_id"], f["column"])
                found[key] = (json.loads(f["value"]), f["hlc"], f["device_id"])
            for table, row_id, hlc, device, values, stamps in page.get("rows", []):
                assert (hlc is None) == (stamps is not None)
                for column, value in values.items():
                    h, d = (hlc, device) if stamps is None else stamps[column]
                    found[(table, row_id, column)] = (value, h, d)
            after = page["next"] or ""
            if not page["more"]:
                break
    return fields, rows


def test_the_rows_format_carries_what_the_field_format_carries(
    replica: Callable[..., Replica],
    make_user: UserFactory,
    db: psycopg.Connection[Any],
    hub: HubThread,
) -> None:
    a, _b, project = a_project(replica, make_user, db)
    s = a[0]
    edited = next(x for x in s.stakeholders.of_project(project) if x.name == "S2")
    s.stakeholders.update(edited.id, title="edited later")  # a row with two stamps
    sync(a)
    client = RawClient(hub.url, *make_user(project))
    try:
        fields, rows = both_formats(client, project)
        assert rows == fields
        assert fields[("stakeholders", edited.id, "title")][0] == "edited later"
        assert len({(t, r) for t, r, _c in rows}) > 10
        refused = client.get("/v1/snapshot", project=project, format="xml")
        assert refused.status_code == 400
        assert refused.json()["error"] == "malformed"
    finally:
        client.close()


def test_a_stored_value_that_is_not_json_costs_its_row_only(
    replica: Callable[..., Replica],
    make_user: UserFactory,
    db: psycopg.Connection[Any],
    small_pages: None,
) -> None:
    """The rows format embeds the stored JSON texts: a page that does not decode is asked
    again field by field, and only the row with the broken value is skipped (and said)."""
    a, b, project = a_project(replica, make_user, db)
    broken = next(x for x in a[0].stakeholders.of_project(project) if x.name == "S4")
    db.execute(
        "UPDATE fields SET value_json = '{not json' "
        "WHERE project_key = %s AND row_id = %s AND column_name = 'title'",
        [project, broken.id],
    )
    report = sync_once(b[0].store, b[1])
    assert any("does not decode" in e for e in report.errors)
    expected = people(a[0], project)
    del expected["S4"]
    assert people(b[0], project) == expected
    assert plan(b[0], project) == plan(a[0], project)


def test_a_download_cancelled_between_pages_keeps_whole_rows_and_resumes(
    replica: Callable[..., Replica],
    make_user: UserFactory,
    db: psycopg.Connection[Any],
    small_pages: None,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    a, b, project = a_project(replica, make_user, db)
    cancel = threading.Event()
    original = HubClient.snapshot
    pages: list[SnapshotPage] = []

    def cancel_after_two(self: HubClient, *args: Any, **kwargs: Any) -> SnapshotPage:
        page = original(self, *args, **kwargs)
        pages.append(page)
        if len(pages) == 2:
            cancel.set()
        return page

    monkeypatch.setattr(HubClient, "snapshot", cancel_after_two)
    sync(b, cancel=cancel)
    monkeypatch.setattr(HubClient, "snapshot", original)
    assert cancel.is_set()
    with b[0].store.read() as session:
        cursor = session.scalar(
            text("SELECT value FROM local_meta WHERE key = :k"), {"k": f"sync.cursor.{project}"}
        )
        assert cursor is None  # not saved: the download starts again
        # every row written has a stamp for each of its synced fields: no half rows
        for name, (table, columns) in _synced_tables().items():
            ids = list(session.scalars(select(table.c.id).where(table.c.project_id == project)))
            stamped = Counter(r for r, _c in row_field_stamps(session.connection(), name, ids))
            assert [r for r in ids if stamped[r] < len(columns) - 1] == [], name
    sync(b)
    assert people(b[0], project) == people(a[0], project)
    assert plan(b[0], project) == plan(a[0], project)


def test_a_download_keeps_an_unsent_edit_and_sends_it(
    replica: Callable[..., Replica],
    make_user: UserFactory,
    db: psycopg.Connection[Any],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The repair download of a replica with an edit not yet sent: the edit stays (its
    stamp is newer than the hub's) and reaches the hub afterwards."""
    monkeypatch.setattr(engine, "SUMMARY_INTERVAL_S", 0.0)
    a, b, project = a_project(replica, make_user, db)
    sync(b)
    ids = {x.name: x.id for x in b[0].stakeholders.of_project(project)}
    with b[0].store.engine.begin() as conn:  # a difference the summary check finds
        conn.execute(text("DELETE FROM stakeholders WHERE id = :id"), {"id": ids["S1"]})
    b[0].stakeholders.update(ids["S3"], title="mine, unsent")
    snapshot.download(b[0].store, b[1], project, cursor_key=f"sync.cursor.{project}")
    assert b[0].stakeholders.get(ids["S3"]).title == "mine, unsent"
    assert people(b[0], project)["S1"] == people(a[0], project)["S1"]
    sync(b)
    sync(a)
    assert people(a[0], project)["S3"] == "mine, unsent"


def test_a_downloaded_row_is_stamped_once_and_a_later_change_stamps_its_field(
    replica: Callable[..., Replica],
    make_user: UserFactory,
    db: psycopg.Connection[Any],
    small_pages: None,
) -> None:
    """A row that arrives whole gets one row stamp, not one stamp per field (most of the file
    and of the writes of a download); a field changed later gets its own, which wins."""
    a, b, project = a_project(replica, make_user, db)
    sync(b)

    def stamps() -> tuple[int, int]:
        with b[0].store.read() as session:
            connection = session.connection()
            rows = connection.exec_driver_sql(
                "SELECT count(*) FROM row_stamps WHERE table_name = 'stakeholders'"
            ).scalar()
            fields = connection.exec_driver_sql(
                "SELECT count(*) FROM field_stamps WHERE table_name = 'stakeholders'"
            ).scalar()
        return int(rows or 0), int(fields or 0)

    assert stamps() == (6, 0)
    assert local_summary(b[0].store, project) == b[1].summary(project)

    s5 = next(s.id for s in a[0].stakeholders.of_project(project) if s.name == "S5")
    a[0].stakeholders.update(s5, title="项目总监")
    sync(a)
    sync(b)
    assert people(b[0], project)["S5"] == "项目总监"
    assert stamps() == (6, 1)  # the title's own stamp; the other fields keep the row's
    assert local_summary(b[0].store, project) == b[1].summary(project)
    b[0].stakeholders.update(s5, organisation="信息部")  # and B's own edit goes up with it
    sync(b)
    sync(a)
    assert next(s for s in a[0].stakeholders.of_project(project) if s.id == s5).organisation == (
        "信息部"
    )
    assert local_summary(a[0].store, project) == local_summary(b[0].store, project)


def test_a_new_device_downloads_every_project_in_its_first_round(
    replica: Callable[..., Replica],
    make_user: UserFactory,
    db: psycopg.Connection[Any],
    small_pages: None,
) -> None:
    """Every project never pulled here comes whole, in pages fetched ahead across projects
    (two at a time), each written as its own; the next round has nothing to download."""
    user = make_user()
    a, b = replica(user), replica(user)
    projects = []
    for p in range(3):
        project = a[0].projects.create(f"Site {p}", client="ACME").id
        admin.grant(db, user[0], project)
        for i in range(5 + 3 * p):
            a[0].stakeholders.create(project, f"P{p}-S{i}", title=f"t{p}.{i}")
        projects.append(project)
    sync(a)

    first = sync(b)
    assert set(projects) <= set(first.downloaded)
    for project in projects:
        assert people(b[0], project) == people(a[0], project)
        assert local_summary(b[0].store, project) == b[1].summary(project)
    again = sync(b)
    assert again.downloaded == []
    assert again.pulled == 0


def test_a_feed_drops_the_pages_of_a_project_skipped(
    replica: Callable[..., Replica],
    make_user: UserFactory,
    db: psycopg.Connection[Any],
    small_pages: None,
) -> None:
    user = make_user()
    a, b = replica(user), replica(user)
    projects = []
    for p in range(3):
        project = a[0].projects.create(f"Site {p}").id
        admin.grant(db, user[0], project)
        for i in range(9):
            a[0].stakeholders.create(project, f"S{i}")
        projects.append(project)
    sync(a)
    first, _second, third = projects
    with snapshot.SnapshotFeed(b[1], projects) as feed:
        next(feed.pages(first))  # one page of the first, then the third: the rest is dropped
        pages = list(feed.pages(third))
        with pytest.raises(ValueError, match="not next"):
            next(feed.pages(first))
    rows = [row for page in pages for row in page.rows]
    assert len(pages) > 2
    assert [page.more for page in pages][-1] is False
    assert {row[4].get("project_id") for row in rows} == {third}
    assert len([row for row in rows if row[0] == "stakeholders"]) == 9


def test_a_row_of_a_new_project_already_here_is_merged_not_doubled(
    replica: Callable[..., Replica],
    make_user: UserFactory,
    db: psycopg.Connection[Any],
) -> None:
    """A project with no rows here is written without looking its rows up; a row that is
    here after all (under another project, behind the app's back) makes that page be written
    again, merged: the row ends as the hub has it, once, and nothing else is lost."""
    a, b, project = a_project(replica, make_user, db)
    s2 = next(x for x in a[0].stakeholders.of_project(project) if x.name == "S2")
    other = b[0].projects.create("Elsewhere").id
    mine = b[0].stakeholders.create(other, "stale", title="stale").id
    with b[0].store.engine.begin() as conn:
        conn.execute(
            text("UPDATE stakeholders SET id = :s2 WHERE id = :mine"), {"s2": s2.id, "mine": mine}
        )
    report = sync(b)
    assert project in report.downloaded
    assert people(b[0], project) == people(a[0], project)
    assert b[0].stakeholders.of_project(other) == []
    assert local_summary(b[0].store, project) == b[1].summary(project)


def test_rows_that_refer_to_a_row_the_hub_lacks_are_reported(
    replica: Callable[..., Replica],
    make_user: UserFactory,
    db: psycopg.Connection[Any],
) -> None:
    _a, b, project = a_project(replica, make_user, db)
    db.execute(  # the hub lost the meeting (e.g. restored from a backup)
        "DELETE FROM fields WHERE project_key = %s AND table_name = 'meetings'", [project]
    )
    report = sync_once(b[0].store, b[1])
    assert "1 action_items rows refer to meetings rows missing here" in report.errors
    with b[0].store.read() as session:
        actions = session.scalars(select(ActionItem).where(ActionItem.project_id == project))
        assert [x.what for x in actions] == ["Send the plan"]  # kept, and said


def test_team_rows_about_a_project_not_here_yet_or_not_granted_are_no_error(
    replica: Callable[..., Replica],
    make_user: UserFactory,
    db: psycopg.Connection[Any],
) -> None:
    """Pool records about a project refer to it, but the team's rows come before the
    projects in a first round, and a project not granted never comes: neither is data
    missing, so a new device's first round reports no error."""
    a, b, project = a_project(replica, make_user, db)
    elsewhere = a[0].projects.create("Not shared").id  # never granted: it stays on A
    person = a[0].team.add_person("陈工", day_rate_fen=1_000_00, month_rate_fen=20_000_00)
    for about in (project, elsewhere):
        a[0].team.add_event(person.id, PoolEventKind.RED, date(2026, 5, 6), "缺席", about)
    sync_once(a[0].store, a[1])

    report = sync(b)  # asserts there is no error

    assert {project, "team"} <= set(report.downloaded)
    assert b[0].team.events(person.id) == a[0].team.events(person.id)
    assert {project, elsewhere} <= {e.about_project_id for e in b[0].team.events(person.id)}


def test_a_first_round_takes_where_each_stream_ends_from_the_hub_or_else_finds_it(
    replica: Callable[..., Replica],
    make_user: UserFactory,
    db: psycopg.Connection[Any],
    small_pages: None,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A hub with the ``snapshot_head`` feature gives each stream's end with the first page,
    so a new device asks no long poll; from an older hub (no features) it finds the same
    ends with long polls first. Either way the cursors saved are the streams' ends."""
    a, b, project = a_project(replica, make_user, db)
    other = make_user()
    admin.grant(db, other[0], project)
    c = replica(other)
    row = db.execute("SELECT max(seq) FROM changes WHERE project_key = %s", [project]).fetchone()
    assert row is not None
    waits: list[dict[str, int]] = []
    original_wait, original_hello = HubClient.wait, HubClient.hello

    def counted_wait(self: HubClient, cursors: dict[str, int], timeout: float = 25.0) -> list[str]:
        waits.append(cursors)
        return original_wait(self, cursors, timeout)

    def older_hello(self: HubClient) -> Hello:
        return dataclasses.replace(original_hello(self), features=frozenset())

    monkeypatch.setattr(HubClient, "wait", counted_wait)
    assert project in sync(b).downloaded
    assert waits == []
    monkeypatch.setattr(HubClient, "hello", older_hello)
    assert project in sync(c).downloaded
    assert waits != []  # the older hub's way
    for replica_ in (b, c):
        with replica_[0].store.read() as session:
            cursor = session.scalar(
                select(LocalMeta.value).where(LocalMeta.key == f"sync.cursor.{project}")
            )
        assert cursor == str(row[0])
        assert people(replica_[0], project) == people(a[0], project)
