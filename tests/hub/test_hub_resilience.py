"""The hub survives its database connections being cut (a restart, a fail-over)."""

from __future__ import annotations

import threading
import time
from typing import Any

import psycopg

from pm_desktop.hub.app import Hub
from tests.hub.conftest import ClientFactory, new_project
from tests.hub.hubserver import HubThread


def test_connections_cut_by_the_database_are_replaced(
    hub: HubThread, make_client: ClientFactory, db: psycopg.Connection[Any]
) -> None:
    project = new_project()
    client = make_client(project)
    assert client.get("/v1/hello").status_code == 200
    state: Hub = hub.server.config.app.state.hub
    assert state.listener.listening.is_set()

    cut = db.execute(
        """SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity
           WHERE datname = current_database() AND pid <> pg_backend_pid()"""
    ).fetchone()
    assert cut is not None
    assert cut[0] >= 2  # the pool's and the listener's

    # The next request gets a fresh connection instead of a dead one.
    response = client.push([client.change(project)])
    assert response.status_code == 200, response.text
    last = response.json()["results"][0]["seq"][1]

    # The listener notices at once, waits a moment and listens again.
    for listening in (False, True):
        deadline = time.monotonic() + 10
        while state.listener.listening.is_set() != listening:
            assert time.monotonic() < deadline, f"the listener never went listening={listening}"
            time.sleep(0.02)
    other = make_client(project)
    pusher = threading.Timer(0.3, lambda: other.push([other.change(project)]))
    started = time.monotonic()
    pusher.start()
    woken = client.get("/v1/wait", cursors=f"{project}:{last}", timeout=20)
    pusher.join()
    assert woken.json() == {"changed": [project]}
    assert time.monotonic() - started < 4
