"""A pulled row that refers to a row the hub never sent is written and reported; it must
not stop anyone's sync (another user could otherwise block everybody with one team row)."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from pm_desktop.hub import admin
from pm_desktop.hub.cli import main as hub_main
from pm_desktop.services.container import Services
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
