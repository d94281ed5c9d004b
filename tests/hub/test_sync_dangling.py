"""What another user pushes cannot stop anyone's sync: a pulled row that refers to a row
the hub never sent is written and reported, and a row the hub refuses (its id claimed
under another project) waits here while everything else goes."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot
from sqlalchemy import text

from pm_desktop.core.enums import ProjectType
from pm_desktop.hub import admin
from pm_desktop.hub.cli import main as hub_main
from pm_desktop.services.container import Services
from pm_desktop.services.team import builtin_id, builtin_templates
from pm_desktop.sync.client import HubClient
from pm_desktop.sync.credentials import store_secret
from pm_desktop.sync.engine import sync_once
from pm_desktop.ui.main_window import MainWindow
from pm_desktop.ui.services_loader import ServicesLoader
from pm_desktop.ui.sync_settings import HUB_SERVICE, HubSettings, save_hub_settings
from tests.hub.hubserver import HubClient as RawClient
from tests.hub.hubserver import HubThread
from tests.hub.postgres import TempPostgres
from tests.mail_server import MemoryKeyring


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
        assert set(report.refused_rows) == waiting
        assert "belongs to another project" in report.refused_rows[("team_templates", claimed)]
        assert report.pushed > 0  # every other built-in template and role went
        second = sync_once(services.store, client)  # refused again, said again, nothing lost
        assert second.refused_rows == report.refused_rows
        assert second.pushed == 0
    finally:
        squatter.close()
        client.close()
        services.close()


def test_the_status_bar_says_which_records_the_hub_refused(
    own_hub: tuple[str, HubThread],
    qtbot: QtBot,
    desk: Services,
    settings: QSettings,
    memory_keyring: MemoryKeyring,
) -> None:
    """The user sees, in words, what waits on the computer and whom to tell."""
    url, hub = own_hub
    squatted = str(uuid.uuid4())
    with admin.connect(url) as conn:
        secret = admin.add_user(conn, "wang.lei")
        admin.add_user(conn, "neighbour")
        admin.grant(conn, "neighbour", squatted)
        conn.execute(  # the neighbour's project already holds a template of this id
            """INSERT INTO fields (project_key, table_name, row_id, column_name, value_json,
                                   hlc, device_id)
               VALUES (%s, 'team_templates', %s, 'name', '"x"', '1764000000000-000000-n1',
                       'n1')""",
            [squatted, (template := str(uuid.uuid4()))],
        )
    made = desk.team.create_template("我的模板", ProjectType.OTHER, roles=[])
    with desk.store.engine.begin() as conn:  # as if made with that id here
        for table, column in (("team_templates", "id"), ("change_log", "row_id")):
            conn.execute(text(f"UPDATE {table} SET {column} = :new WHERE {column} = :old"),
                         {"new": template, "old": made.id})  # fmt: skip
    hub_settings = HubSettings(hub.url, "wang.lei")
    save_hub_settings(settings, hub_settings)
    store_secret(HUB_SERVICE, hub_settings.account, secret)
    window = MainWindow(ServicesLoader.of(desk), settings)
    window.sync.wait_seconds = 5
    qtbot.addWidget(window)
    window.show()

    with qtbot.waitSignal(window.sync.finished, timeout=30000):
        window.sync_now()
    window.sync.wait()

    assert window.sync.state == "synced", window.sync.tooltip
    assert (
        "record(s) the team server refused (Team model): another project holds them there."
        " Their changes stay on this computer; tell the team server's administrator."
    ) in window.sync.tooltip
    assert window.pending_label.text() != "0 change(s) not synced"
