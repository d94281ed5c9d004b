"""What another user pushes cannot stop anyone's sync: a pulled row that refers to a row
the hub never sent is written and reported, and a row the hub refuses (its id claimed
under another project) waits here while everything else goes."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text

from pm_desktop.hub import admin
from pm_desktop.hub.cli import main as hub_main
from pm_desktop.services.container import Services
from pm_desktop.services.team import builtin_id, builtin_templates
from pm_desktop.sync.client import HubClient
from pm_desktop.sync.engine import sync_once
from tests.hub.hubserver import HubClient as RawClient
from tests.hub.hubserver import HubThread
from tests.hub.postgres import TempPostgres


@pytest.fixture(scope="module")
def own_hub(postgres: TempPostgres) -> Iterator[tuple[str, HubThread]]:
    """A hub of this module's own: the shared one's team stream reaches every test."""
    url = postgres.create_hub_database(f"pm_hub_{uuid.uuid4().hex[:10]}")
    assert hub_main(["init", "--database-url", url]) == 0
    server = HubThread(url, pool_size=2).start()
    yield url, server
    server.stop()


def test_a_team_row_referring_to_a_missing_row_stops_no_ones_sync(
    own_hub: tuple[str, HubThread], tmp_path: Path
) -> None:
    url, hub = own_hub
    with admin.connect(url) as conn:
        secret = admin.add_user(conn, "alice")
        intruder_secret = admin.add_user(conn, "mallory")
    services = Services.open(tmp_path / "alice.db")
    project = services.projects.create("Line 3").id
    with admin.connect(url) as conn:
        admin.grant(conn, "alice", project)
    client = HubClient(hub.url, "alice", secret)
    intruder = RawClient(hub.url, "mallory", intruder_secret)
    try:
        assert sync_once(services.store, client).errors == []
        row = str(uuid.uuid4())
        values = {
            "calendar_id": str(uuid.uuid4()),  # no such calendar, anywhere
            "on_date": "2026-12-01",
            "is_working": False,
            "reason": "x",
            "deleted": False,
        }
        pushed = intruder.push(
            [
                intruder.change(None, table="calendar_exceptions", row_id=row, column=c, value=v)
                for c, v in values.items()
            ]
        )
        assert pushed.status_code == 200, pushed.text
        services.stakeholders.create(project, "王芳")  # an edit of Alice's to send meanwhile

        report = sync_once(services.store, client)

        assert report.errors == [
            "1 calendar_exceptions rows refer to working_calendars rows missing here"
        ]
        assert report.pushed > 0
        again = sync_once(services.store, client)  # and every later round works
        assert again.errors == []
        services.stakeholders.create(project, "李红梅")
        assert sync_once(services.store, client).pushed > 0
    finally:
        intruder.close()
        client.close()
        services.close()


def test_a_row_id_claimed_under_another_project_holds_back_that_row_only(
    own_hub: tuple[str, HubThread], tmp_path: Path
) -> None:
    """The built-in templates have the same ids on every laptop. Another user who claims
    one under a project of theirs first makes the hub refuse that row from everyone else:
    its changes wait here (and are reported), and everything else still goes."""
    url, hub = own_hub
    theirs, mine = str(uuid.uuid4()), str(uuid.uuid4())
    with admin.connect(url) as conn:
        secret = admin.add_user(conn, "zhang.min")
        squatter_secret = admin.add_user(conn, "squatter")
        admin.grant(conn, "squatter", theirs)
        admin.grant(conn, "zhang.min", mine)
    squatter = RawClient(hub.url, "squatter", squatter_secret)
    claimed = builtin_id(builtin_templates()[0]["key"])
    taken = squatter.push(
        [squatter.change(theirs, table="team_templates", row_id=claimed, value="mine now")]
    )
    assert taken.status_code == 200, taken.text
    services = Services.open(tmp_path / "zhang.db")
    client = HubClient(hub.url, "zhang.min", secret)
    try:
        templates = services.team.templates()  # installs the built-ins, to be sent
        assert claimed in {t.id for t in templates}

        report = sync_once(services.store, client)

        # the template and its roles (which refer to it) wait here; the rest went
        with services.store.read() as session:
            waiting = set(
                session.execute(
                    text("SELECT DISTINCT table_name, row_id FROM change_log WHERE pushed = 0")
                )
            )
            roles = set(
                session.execute(
                    text("SELECT 'template_roles', id FROM template_roles WHERE template_id = :t"),
                    {"t": claimed},
                )
            )
        assert waiting == {("team_templates", claimed)} | roles
        refusals = [e for e in report.errors if e.endswith("; its changes stay on this computer")]
        assert len(refusals) == len(waiting)
        assert f"row {claimed} of team_templates belongs to another project" in refusals[0]
        assert report.pushed > 0  # every other built-in template and role went
        second = sync_once(services.store, client)  # refused again, said again, nothing lost
        assert sorted(e for e in second.errors if "stay on this computer" in e) == sorted(refusals)
        assert second.pushed == 0
    finally:
        squatter.close()
        client.close()
        services.close()
