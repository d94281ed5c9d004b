"""A user reads and writes only the projects granted to them: in the service, and in the
database itself (row-level security under the app role), through every call."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Iterator
from datetime import datetime, timedelta
from typing import Any

import psycopg
import pytest
from psycopg_pool import AsyncConnectionPool

from pm_desktop.hub import admin, store
from pm_desktop.hub.cli import main as hub_main
from pm_desktop.hub.schema import APP_ROLE
from tests.hub.conftest import ClientFactory, new_project
from tests.hub.hubserver import HubClient, HubThread
from tests.hub.postgres import TempPostgres


@pytest.fixture
def secret_project(make_client: ClientFactory) -> tuple[str, HubClient, str]:
    """A project with data of its own (and a team row), and a row id in it."""
    project = new_project()
    insider = make_client(project)
    row = str(uuid.uuid4())
    response = insider.push(
        [insider.change(project, row_id=row, column=c, value=f"机密 {c}") for c in ("a", "b")],
        [insider.change(None, table="calendars", value="公司日历")],
    )
    assert response.status_code == 200, response.text
    return project, insider, row


def assert_refused(response: Any, project: str, text: str = "no access") -> None:
    assert response.status_code == 403, response.text
    body = response.json()
    assert body["error"] == "not_granted"
    assert project in body["message"]
    assert text in body["message"]


def test_an_outsider_gets_nothing_of_a_project_through_any_call(
    secret_project: tuple[str, HubClient, str], make_client: ClientFactory
) -> None:
    project, insider, row = secret_project
    elsewhere = new_project()
    outsider = make_client(elsewhere)

    assert outsider.get("/v1/hello").json()["projects"] == [elsewhere]
    assert_refused(outsider.get("/v1/pull", project=project), project)
    assert_refused(outsider.get("/v1/summary", project=project), project)
    assert_refused(outsider.get("/v1/snapshot", project=project), project)
    assert_refused(outsider.get("/v1/wait", cursors=f"{elsewhere}:0,{project}:0"), project)
    # A push touching the project is refused whole: its team change is not applied either.
    team_row = str(uuid.uuid4())
    response = outsider.push(
        [outsider.change(None, row_id=team_row)],
        [outsider.change(project, row_id=row, column="a", value="overwritten")],
    )
    assert_refused(response, project)
    assert all(c["row_id"] != team_row for c in insider.pull_all("team"))
    assert {f["value"] for f in insider.get("/v1/snapshot", project=project).json()["fields"]} == {
        '"机密 a"',
        '"机密 b"',
    }
    # What everyone shares, the outsider does see.
    assert any(c["value"] == '"公司日历"' for c in outsider.pull_all("team"))


def test_the_database_wall_holds_without_the_service_check(
    secret_project: tuple[str, HubClient, str],
    make_client: ClientFactory,
    db: psycopg.Connection[Any],
) -> None:
    project, insider, _row = secret_project
    outsider = make_client(new_project())

    def as_app(user: str | None) -> None:
        db.execute("SELECT set_config('role', %s, true)", [APP_ROLE])
        if user is not None:
            db.execute("SELECT set_config('pm.user', %s, true)", [user])

    def refused(user: str, statement: str, params: list[str]) -> bool:
        try:
            with db.transaction():
                as_app(user)
                db.execute(statement, params)
        except psycopg.errors.InsufficientPrivilege:
            return True
        return False

    count = "SELECT count(*) FROM {} WHERE project_key = %s"
    for user, visible in ((outsider.user, 0), (None, 0), (insider.user, 1)):
        with db.transaction():
            as_app(user)
            assert db.execute(count.format("changes"), [project]).fetchone() == (2 * visible,)
            assert db.execute(count.format("fields"), [project]).fetchone() == (2 * visible,)
            # Every user's grants but their own are hidden too.
            grants = db.execute("SELECT DISTINCT user_name FROM grants").fetchall()
            assert grants == ([(user,)] if user else [])
            # The team-wide rows are for everyone.
            assert db.execute(count.format("changes"), ["team"]).fetchone()[0] >= 1

    with db.transaction():
        as_app(outsider.user)
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            db.execute("SELECT secret_hash FROM users")
    for statement, params in (
        (
            """INSERT INTO changes (project_key, table_name, row_id, column_name, value_json,
                                    hlc, device_id, op_no, user_name)
               VALUES (%s, 't', 'r', 'c', '1', 'h', 'd', 1, %s)""",
            [project, outsider.user],
        ),
        (
            """INSERT INTO fields VALUES (%s, 'tasks', 'r-new', 'c', '1', 'h', 'd')""",
            [project],
        ),
        ("INSERT INTO grants (user_name, project_key) VALUES (%s, %s)", [outsider.user, project]),
        (
            "INSERT INTO changes (project_key, table_name, row_id, column_name, value_json, hlc,"
            " device_id, op_no, user_name) VALUES ('team', 't', 'r', 'c', '1', 'h', 'd', 1, %s)",
            [insider.user],  # writing in another user's name
        ),
    ):
        assert refused(outsider.user, statement, params), statement
    with db.transaction():
        as_app(outsider.user)
        updated = db.execute(
            "UPDATE fields SET value_json = '0' WHERE project_key = %s", [project]
        ).rowcount
        assert updated == 0
    # Nobody may delete the history, not even a user granted the project.
    assert refused(insider.user, "DELETE FROM changes WHERE project_key = %s", [project])


def test_the_store_itself_returns_nothing_when_its_callers_skip_the_check(
    secret_project: tuple[str, HubClient, str], make_client: ClientFactory, hub_url: str
) -> None:
    """The service's check bypassed: Store.as_user still hands out no row of the project."""
    project, insider, _row = secret_project
    outsider = make_client(new_project())

    async def look(user: str) -> tuple[Any, ...]:
        pool: AsyncConnectionPool[store.Conn] = AsyncConnectionPool(
            hub_url, min_size=1, max_size=1, kwargs={"autocommit": True}, open=False
        )
        await pool.open()
        try:
            hub = store.Store(pool)
            async with hub.as_user(user) as conn:
                return (
                    await store.pull(conn, project, 0, 100),
                    await store.summary(conn, project),
                    await store.snapshot(conn, project, None, 100),
                    await store.changed(conn, {project: 0}),
                )
        finally:
            await pool.close()

    pulled, summary, snapshot, changed = asyncio.run(look(outsider.user))
    assert pulled["changes"] == []
    assert (summary["rows"], summary["fields"]) == (0, 0)
    assert snapshot["fields"] == []
    assert changed == []
    pulled, summary, snapshot, changed = asyncio.run(look(insider.user))
    assert len(pulled["changes"]) == 2
    assert changed == [project]


def test_revoke_takes_effect_at_once(
    secret_project: tuple[str, HubClient, str], db: psycopg.Connection[Any]
) -> None:
    project, insider, _row = secret_project
    assert insider.get("/v1/pull", project=project).status_code == 200
    admin.revoke(db, insider.user, project)
    assert_refused(insider.get("/v1/pull", project=project), project, "was revoked on")
    assert_refused(insider.push([insider.change(project)]), project, "was revoked on")
    assert insider.get("/v1/hello").json()["projects"] == []
    admin.grant(db, insider.user, project)
    assert len(insider.pull_all(project)) == 2


def test_an_expired_grant_is_refused_with_its_date(
    make_client: ClientFactory, db: psycopg.Connection[Any]
) -> None:
    project = new_project()
    client = make_client(project)
    yesterday = datetime.now().astimezone() - timedelta(days=1)
    admin.grant(db, client.user, project, until=yesterday)
    assert_refused(
        client.get("/v1/summary", project=project), project, f"expired on {yesterday:%Y-%m-%d}"
    )
    assert client.get("/v1/hello").json()["projects"] == []


def test_a_device_id_of_another_user_is_refused(make_client: ClientFactory) -> None:
    project = new_project()
    first = make_client(project)
    first.push([first.change(project)], ops=[1])
    second = make_client(project, device_id=first.device_id)
    response = second.push([second.change(project)], ops=[1])
    assert response.status_code == 409
    assert response.json()["error"] == "device_conflict"
    assert len(first.pull_all(project)) == 1


def test_a_row_cannot_be_taken_over_from_another_project(
    secret_project: tuple[str, HubClient, str], make_client: ClientFactory
) -> None:
    """Claiming another project's row id under one's own project is refused, and changes
    nothing there, nor in the intruder's own project's stream."""
    project, insider, row = secret_project
    mine = new_project()
    intruder = make_client(mine)
    response = intruder.push([intruder.change(mine, row_id=row, column="a", value="mine now")])
    assert response.status_code == 403, response.text
    assert "belongs to another project" in response.json()["message"]
    assert intruder.pull_all(mine) == []
    fields = insider.get("/v1/snapshot", project=project).json()["fields"]
    assert {f["value"] for f in fields} == {'"机密 a"', '"机密 b"'}
    assert intruder.get("/v1/snapshot", project=mine).json()["fields"] == []


def test_a_row_of_a_project_cannot_be_reached_through_team(
    make_client: ClientFactory,
) -> None:
    """A stakeholder of a project the user has no grant to: changing it as team-wide data
    (whose stream every user pulls) is refused, whichever table it claims to be."""
    project = new_project()
    insider = make_client(project)
    row = str(uuid.uuid4())
    pushed = insider.push([insider.change(project, table="people", row_id=row, value="李红梅")])
    assert pushed.status_code == 200, pushed.text
    outsider = make_client(new_project())

    response = outsider.push([outsider.change(None, table="people", row_id=row, value="x")])

    assert response.status_code == 403, response.text
    body = response.json()
    assert (body["error"], body["table"], body["row_id"]) == ("row_elsewhere", "people", row)
    assert "belongs to another project" in body["message"]
    assert all(c["row_id"] != row for c in insider.pull_all("team"))
    fields = insider.get("/v1/snapshot", project=project).json()["fields"]
    assert [f["value"] for f in fields] == ['"李红梅"']


def test_a_project_only_table_needs_its_project(make_client: ClientFactory) -> None:
    client = make_client()
    response = client.push([client.change(None, table="stakeholders", value="x")])
    assert response.status_code == 400, response.text
    assert "belongs to a project" in response.json()["message"]
    project = new_project()
    member = make_client(project)
    moved = member.push([member.change(project, column="project_id", value="elsewhere")])
    assert moved.status_code == 400, moved.text
    assert "project_id must be the change's project_id" in moved.json()["message"]
    assert member.pull_all(project) == []


def test_a_device_cannot_be_taken_over_by_another_user(make_client: ClientFactory) -> None:
    """Another user sending batches under a device's id (ids are in every pulled change)
    would stop that device from ever pushing again: refused from the first op on."""
    project = new_project()
    owner = make_client(project)
    assert owner.push([owner.change(project)], ops=[1]).status_code == 200
    thief = make_client(project, device_id=owner.device_id)

    for op in (2, 5):
        response = thief.push([thief.change(project)], ops=[op])
        assert response.status_code == 409, response.text
        assert response.json()["error"] == "device_conflict"

    later = owner.push([owner.change(project)], ops=[2])
    assert later.status_code == 200, later.text
    assert later.json()["results"][0]["status"] == "applied"
    assert len(owner.pull_all(project)) == 2


@pytest.fixture(scope="module")
def own_hub(postgres: TempPostgres) -> Iterator[ClientFactory]:
    """Clients of a hub of this module's own: its tests push team-wide rows of real tables
    (incomplete), which every other test's replicas would pull from the shared hub."""
    url = postgres.create_hub_database(f"pm_hub_{uuid.uuid4().hex[:10]}")
    assert hub_main(["init", "--database-url", url]) == 0
    server = HubThread(url, pool_size=2).start()
    clients: list[HubClient] = []

    def make(*projects: str) -> HubClient:
        name = f"u{uuid.uuid4().hex[:10]}"
        with admin.connect(url) as conn:
            secret = admin.add_user(conn, name)
            for project in projects:
                admin.grant(conn, name, project)
        clients.append(HubClient(server.url, name, secret))
        return clients[-1]

    yield make
    for client in clients:
        client.close()
    server.stop()


def test_a_row_cannot_refer_to_another_projects_rows(own_hub: ClientFactory) -> None:
    """Team-wide rows go to every user: one hooked under a project's own template (a role
    added to it) would show inside that project on its members' laptops. Refused; a
    project's rows referring to team rows, and team rows to team rows, are fine."""
    project = new_project()
    insider = own_hub(project)
    own_template, team_template, person = (str(uuid.uuid4()) for _ in range(3))
    assert (
        insider.push(
            [insider.change(project, table="team_templates", row_id=own_template, value="本项目")],
            [insider.change(None, table="team_templates", row_id=team_template, value="通用")],
            [insider.change(None, table="people", row_id=person, value="陈工")],
        ).status_code
        == 200
    )
    outsider = own_hub(new_project())

    hooked = outsider.push(
        [outsider.change(None, table="template_roles", column="template_id", value=own_template)]
    )
    assert hooked.status_code == 403, hooked.text
    assert hooked.json()["error"] == "row_elsewhere"
    assert f"refers to row {own_template} of team_templates" in hooked.json()["message"]
    assert all(c["table"] != "template_roles" for c in insider.pull_all("team"))

    team_role = outsider.change(
        None, table="template_roles", column="template_id", value=team_template
    )
    assert outsider.push([team_role]).status_code == 200
    staffed = insider.change(project, table="task_assignments", column="person_id", value=person)
    assert insider.push([staffed]).status_code == 200


def test_a_conflict_record_must_be_in_its_rows_project(own_hub: ClientFactory) -> None:
    """A conflict record is recorded in the project of the row it names: one naming a row
    of a project the pusher has no grant to, sent team-wide, is refused."""
    project = new_project()
    insider = own_hub(project)
    row = str(uuid.uuid4())
    assert (
        insider.push(
            [insider.change(project, table="stakeholders", row_id=row, value="李红梅")]
        ).status_code
        == 200
    )
    outsider = own_hub(new_project())
    record = str(uuid.uuid4())
    forged = [
        outsider.change(None, table="sync_conflicts", row_id=record, column=c, value=v)
        for c, v in (("table_name", "stakeholders"), ("row_id", row), ("kind", "edit"))
    ]
    response = outsider.push(forged)
    assert response.status_code == 403, response.text
    assert all(c["table"] != "sync_conflicts" for c in insider.pull_all("team"))
