"""The desktop's sync (pm_desktop/sync) against a real hub: replicas made by ``Services.open``."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import psycopg
import pytest
from sqlalchemy import select

from pm_desktop.hub import admin
from pm_desktop.services.container import Services
from pm_desktop.storage.models import ChangeLogEntry, PlanTask, Stakeholder
from pm_desktop.sync.apply import _synced_tables, apply_page, decode_value
from pm_desktop.sync.client import HubClient, SyncError
from pm_desktop.sync.engine import SyncReport, sync_once
from tests.hub.conftest import UserFactory
from tests.hub.hubserver import HubThread

Replica = tuple[Services, HubClient]
ReplicaFactory = Callable[..., Replica]


@pytest.fixture
def replica(tmp_path: Path, hub: HubThread, make_user: UserFactory) -> Iterator[ReplicaFactory]:
    """replica(user=None, secret=None) -> (services on a new file, a client of that user)."""
    opened: list[Replica] = []

    def make(user: tuple[str, str] | None = None) -> Replica:
        name, secret = user or make_user()
        services = Services.open(tmp_path / f"r{len(opened)}.db")
        client = HubClient(hub.url, name, secret, timeout=10)
        opened.append((services, client))
        return services, client

    yield make
    for services, client in opened:
        client.close()
        services.close()


def sync(rep: Replica) -> SyncReport:
    report = sync_once(rep[0].store, rep[1])
    # The hub is shared by the whole test run: other tests' made-up tables are in its team
    # stream, and a replica skips (and reports) what its schema does not have.
    assert [e for e in report.errors if "unknown table" not in e] == []
    return report


def pending(services: Services) -> int:
    with services.store.read() as session:
        return len(
            session.scalars(select(ChangeLogEntry).where(ChangeLogEntry.pushed.is_(False))).all()
        )


def two_devices(
    replica: ReplicaFactory, make_user: UserFactory, db: psycopg.Connection[Any]
) -> tuple[Replica, Replica, str]:
    """A project made on device A, granted to the user both devices sync as."""
    user = make_user()
    a = replica(user)
    b = replica(user)
    project = a[0].projects.create("Line 3", client="ACME", contract_signed_on=date(2026, 3, 2))
    admin.grant(db, user[0], project.id)
    return a, b, project.id


def test_an_edit_on_one_device_appears_on_the_other(
    replica: ReplicaFactory, make_user: UserFactory, db: psycopg.Connection[Any]
) -> None:
    a, b, project = two_devices(replica, make_user, db)
    person = a[0].stakeholders.create(project, "王芳", title="CIO")
    report = sync(a)
    assert report.pushed > 0
    assert pending(a[0]) == 0
    assert sync(b).pulled > 0
    assert b[0].projects.get(project).name == "Line 3"
    assert b[0].projects.get(project).contract_signed_on == date(2026, 3, 2)
    got = b[0].stakeholders.get(person.id)
    assert (got.name, got.title) == ("王芳", "CIO")
    assert pending(b[0]) == 0  # pulled changes are not logged again
    again = sync(b)
    assert (again.pushed, again.pulled) == (0, 0)


def test_concurrent_edits_converge_on_the_later_stamp(
    replica: ReplicaFactory, make_user: UserFactory, db: psycopg.Connection[Any]
) -> None:
    a, b, project = two_devices(replica, make_user, db)
    person = a[0].stakeholders.create(project, "Li")
    sync(a)
    sync(b)
    b[0].stakeholders.update(person.id, title="first")
    a[0].stakeholders.update(person.id, title="second")  # later stamp (B's clock saw A's)
    for rep in (b, a, b, a):
        sync(rep)
    assert a[0].stakeholders.get(person.id).title == "second"
    assert b[0].stakeholders.get(person.id).title == "second"


def test_a_local_unsent_edit_newer_than_the_pulled_one_stays(
    replica: ReplicaFactory, make_user: UserFactory, db: psycopg.Connection[Any]
) -> None:
    a, b, project = two_devices(replica, make_user, db)
    person = a[0].stakeholders.create(project, "Li")
    sync(a)
    sync(b)
    a[0].stakeholders.update(person.id, title="older")
    sync(a)
    b[0].stakeholders.update(person.id, title="newer")
    from pm_desktop.sync.engine import _pull_project

    report = SyncReport()
    _pull_project(b[0].store, b[1], project, report, None)  # pull only: B's edit still pending
    assert report.conflicts == 1
    assert b[0].stakeholders.get(person.id).title == "newer"
    assert pending(b[0]) > 0
    sync(b)
    sync(a)
    assert a[0].stakeholders.get(person.id).title == "newer"


def test_a_tombstone_propagates(
    replica: ReplicaFactory, make_user: UserFactory, db: psycopg.Connection[Any]
) -> None:
    a, b, project = two_devices(replica, make_user, db)
    person = a[0].stakeholders.create(project, "Gone soon")
    sync(a)
    sync(b)
    a[0].stakeholders.remove(person.id)
    sync(a)
    sync(b)
    with b[0].store.read() as session:
        row = session.get(Stakeholder, person.id)
        assert row is not None
        assert row.deleted is True


def test_a_resend_after_a_lost_response_duplicates_nothing(
    replica: ReplicaFactory, make_user: UserFactory, db: psycopg.Connection[Any]
) -> None:
    from pm_desktop.sync import engine

    a, b, project = two_devices(replica, make_user, db)
    a[0].stakeholders.create(project, "Once")
    store = a[0].store
    batch = engine._pending_batch(store, frozenset())
    assert batch is not None
    changes = engine._batch_changes(store, batch)
    results = a[1].push(store.device_id, [{"op": batch.op, "changes": changes}])
    assert results[0]["status"] == "applied"  # ...and the response is "lost"
    report = sync(a)
    assert report.pushed == len(changes)
    assert pending(a[0]) == 0
    pulled = []
    after = 0
    while True:
        page = b[1].pull(project, after)
        pulled.extend(page.changes)
        after = page.next
        if not page.more:
            break
    assert len(pulled) == len(changes)
    sync(b)
    assert [s.name for s in b[0].stakeholders.of_project(project)] == ["Once"]


def test_a_wrong_password_changes_nothing(
    replica: ReplicaFactory, make_user: UserFactory, db: psycopg.Connection[Any], hub: HubThread
) -> None:
    a, _b, project = two_devices(replica, make_user, db)
    a[0].stakeholders.create(project, "Kept")
    before = pending(a[0])
    with HubClient(hub.url, a[1].user, "wrong") as bad, pytest.raises(SyncError) as caught:
        sync_once(a[0].store, bad)
    assert caught.value.code == "unauthorized"
    assert "password" in caught.value.message
    assert pending(a[0]) == before
    assert [s.name for s in a[0].stakeholders.of_project(project)] == ["Kept"]


def test_a_user_not_granted_a_project_pulls_nothing_of_it(
    replica: ReplicaFactory, make_user: UserFactory, db: psycopg.Connection[Any]
) -> None:
    a, _b, project = two_devices(replica, make_user, db)
    a[0].stakeholders.create(project, "Secret")
    sync(a)
    stranger = replica()
    sync(stranger)
    assert stranger[0].projects.list() == []
    with pytest.raises(SyncError) as caught:
        stranger[1].pull(project, 0)
    assert caught.value.code == "not_granted"


def test_a_project_not_shared_on_the_hub_waits_here_while_the_others_sync(
    replica: ReplicaFactory, make_user: UserFactory, db: psycopg.Connection[Any]
) -> None:
    a, b, project = two_devices(replica, make_user, db)
    a[0].stakeholders.create(project, "Shared")
    mine = a[0].projects.create("Made offline", client="ACME")  # not granted on the hub yet
    a[0].stakeholders.create(mine.id, "Waiting")
    waiting_before = pending(a[0])
    report = sync(a)
    assert report.not_granted == [mine.id]
    assert 0 < pending(a[0]) < waiting_before  # only the new project's changes are left
    sync(b)
    assert [s.name for s in b[0].stakeholders.of_project(project)] == ["Shared"]
    assert [p.id for p in b[0].projects.list()] == [project]
    admin.grant(db, a[1].user, mine.id)  # the hub administrator shares it
    assert sync(a).not_granted == []
    assert pending(a[0]) == 0
    admin.grant(db, b[1].user, mine.id)
    sync(b)
    assert [s.name for s in b[0].stakeholders.of_project(mine.id)] == ["Waiting"]


def test_plan_tasks_arrive_rescheduled(
    replica: ReplicaFactory, make_user: UserFactory, db: psycopg.Connection[Any]
) -> None:
    a, b, project = two_devices(replica, make_user, db)
    design = a[0].plan.add_task(project, "Design", duration_days=5)
    build = a[0].plan.add_task(project, "Build", duration_days=10)
    a[0].plan.add_link(design.id, build.id)
    sync(a)
    sync(b)

    def stored(services: Services) -> dict[str, tuple[Any, ...]]:
        with services.store.read() as session:
            return {
                t.name: (t.wbs_code, t.start_on, t.finish_on, t.total_float)
                for t in session.scalars(select(PlanTask).where(PlanTask.project_id == project))
            }

    on_b = stored(b[0])
    assert on_b == stored(a[0])
    assert on_b["Build"][1] is not None
    assert on_b["Build"][1] > on_b["Design"][2]
    a[0].plan.update_task(design.id, duration_days=8)
    sync(a)
    sync(b)
    assert stored(b[0]) == stored(a[0])


def test_values_decode_as_they_were_encoded() -> None:
    from pm_desktop.storage.changes import encode_value

    tables = _synced_tables()
    table = tables["projects"][0]
    for column, value in (("contract_signed_on", date(2026, 1, 2)), ("archived", True)):
        assert decode_value(table.c[column], encode_value(value)) == value
    assert "hlc" not in tables["projects"][1]
    assert "start_on" not in tables["plan_tasks"][1]


def test_a_server_that_is_not_a_hub_is_named(tmp_path: Path) -> None:
    import httpx

    transport = httpx.MockTransport(lambda request: httpx.Response(404, text="<html>nope"))
    with (
        HubClient("http://example.invalid", "u", "s", transport=transport) as client,
        pytest.raises(SyncError) as caught,
    ):
        client.hello()
    assert caught.value.code == "not_a_hub"


def test_a_hub_address_with_a_path_too_many_is_not_a_hub(hub: HubThread) -> None:
    """The hub's own 404 (its JSON error) for an address ending in /v1 says what is wrong."""
    with (
        HubClient(hub.url + "/v1", "u", "s") as client,
        pytest.raises(SyncError) as caught,
    ):
        client.hello()
    assert caught.value.code == "not_a_hub"
    assert "is not a PM Desktop hub" in str(caught.value)


def test_small_batches_and_pages_split_rows_yet_all_arrive(
    replica: ReplicaFactory,
    make_user: UserFactory,
    db: psycopg.Connection[Any],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from pm_desktop.sync import engine

    monkeypatch.setattr(engine, "BATCH_SIZE", 7)
    monkeypatch.setattr(engine, "PAGE_SIZE", 25)  # a row's fields often run past a page
    a, b, project = two_devices(replica, make_user, db)
    sync(b)  # its first sync downloads the project whole; the next one pulls changes
    names = [f"S{i}" for i in range(6)]
    for name in names:
        a[0].stakeholders.create(project, name, title=f"t-{name}")
    sync(a)
    # Batches of about 7 entries, each ending where a row change ends: a new row's fields
    # are never split between two batches (so they stay together in the hub's stream).
    sizes = db.execute(
        "SELECT count(*) FROM changes WHERE device_id = %s GROUP BY op_no",
        [a[0].store.device_id],
    ).fetchall()
    assert len(sizes) > 3
    split = db.execute(
        """SELECT table_name, row_id, hlc FROM changes WHERE device_id = %s
           GROUP BY 1, 2, 3 HAVING count(DISTINCT op_no) > 1""",
        [a[0].store.device_id],
    ).fetchall()
    assert split == []
    resumed: list[int] = []

    def spy(*args: Any, **kwargs: Any) -> Any:
        result = apply_page(*args, **kwargs)
        if result.resume_after is not None:
            resumed.append(result.resume_after)
        return result

    monkeypatch.setattr(engine, "apply_page", spy)
    sync(b)
    assert resumed  # some pages ended inside a new row: it was read again whole
    assert sorted(s.name for s in b[0].stakeholders.of_project(project)) == names
    assert sorted(s.title for s in b[0].stakeholders.of_project(project)) == [
        f"t-{n}" for n in names
    ]


def test_team_rows_reach_every_user(replica: ReplicaFactory) -> None:
    a = replica()
    stranger = replica()
    person = a[0].team.add_person("赵工")
    sync(a)
    sync(stranger)
    assert stranger[0].team.person(person.id).name == "赵工"


@pytest.mark.parametrize(
    ("status", "body", "code"),
    [
        (401, {"error": "unauthorized", "message": "no"}, "unauthorized"),
        (403, {"error": "not_granted", "message": "revoked on 1 May"}, "not_granted"),
        (426, {"error": "client_too_old", "message": "old"}, "client_too_old"),
        (409, {"error": "schema_unknown", "message": "?"}, "schema_unknown"),
        (413, {"error": "too_large", "message": "big"}, "too_large"),
        (503, None, "unavailable"),
    ],
)
def test_refusals_become_sync_errors(status: int, body: Any, code: str) -> None:
    import httpx

    def answer(request: httpx.Request) -> httpx.Response:
        assert request.headers["PM-Protocol"] == "1"
        assert request.headers["Authorization"].startswith("Basic ")
        return httpx.Response(status, json=body) if body else httpx.Response(status)

    transport = httpx.MockTransport(answer)
    with (
        HubClient("http://hub.invalid", "u", "s", transport=transport) as client,
        pytest.raises(SyncError) as caught,
    ):
        client.hello()
    assert caught.value.code == code
    assert caught.value.message


def test_an_unreachable_hub_is_a_network_error() -> None:
    from tests.hub.postgres import free_port

    with (
        HubClient(f"http://127.0.0.1:{free_port()}", "u", "s", timeout=2) as client,
        pytest.raises(SyncError) as caught,
    ):
        client.hello()
    assert caught.value.code == "network"
