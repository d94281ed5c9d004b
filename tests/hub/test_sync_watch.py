"""The long poll against a real hub: ``HubClient.wait`` and the watcher thread that tells the
app another computer changed something (pm_desktop/sync/watch.py)."""

from __future__ import annotations

import queue
import time
from collections.abc import Iterator
from datetime import date
from itertools import pairwise
from pathlib import Path
from typing import Any

import psycopg
import pytest

from pm_desktop.hub import admin
from pm_desktop.services.container import Services
from pm_desktop.storage.models.local import LocalMeta
from pm_desktop.sync.client import TEAM, Hello, HubClient, SyncError
from pm_desktop.sync.engine import CURSOR_PREFIX, sync_once
from pm_desktop.sync.watch import ChangeWatcher, read_cursors
from tests.hub.conftest import UserFactory, new_project
from tests.hub.hubserver import HubThread
from tests.hub.postgres import free_port


@pytest.fixture
def replicas(tmp_path: Path) -> Iterator[tuple[Services, Services]]:
    """Two computers' databases (each its own device)."""
    a = Services.open(tmp_path / "a.sqlite")
    b = Services.open(tmp_path / "b.sqlite")
    yield a, b
    a.close()
    b.close()


@pytest.fixture
def shared(
    hub: HubThread,
    make_user: UserFactory,
    db: psycopg.Connection[Any],
    replicas: tuple[Services, Services],
) -> tuple[str, str, str]:
    """(user, secret, project id): a project made on A, granted, and synced to B."""
    a, b = replicas
    name, secret = make_user()
    project = a.projects.create("Line 3", client="ACME", contract_signed_on=date(2026, 3, 2))
    admin.grant(db, name, project.id)
    with HubClient(hub.url, name, secret, timeout=10) as client:
        sync_once(a.store, client)
        sync_once(b.store, client)
    assert [p.name for p in b.projects.list()] == ["Line 3"]
    return name, secret, project.id


def test_wait_is_empty_after_its_timeout_and_answers_at_once_when_a_project_changed(
    hub: HubThread,
    shared: tuple[str, str, str],
    replicas: tuple[Services, Services],
) -> None:
    name, secret, project = shared
    a, b = replicas
    cursors = read_cursors(b.store, [TEAM, project])
    assert cursors[project] > 0  # B pulled the project
    with HubClient(hub.url, name, secret, timeout=10) as client:
        started = time.monotonic()
        assert client.wait(cursors, 1.0) == []
        assert 0.9 <= time.monotonic() - started < 5

        a.projects.rename(project, "Line 3 retrofit")
        sync_once(a.store, client)
        started = time.monotonic()
        assert client.wait(cursors, 20.0) == [project]
        assert time.monotonic() - started < 1.0


def test_wait_on_a_project_not_granted_is_refused_naming_it(
    hub: HubThread, make_user: UserFactory
) -> None:
    name, secret = make_user()
    project = new_project()
    with (
        HubClient(hub.url, name, secret, timeout=10) as client,
        pytest.raises(SyncError) as refused,
    ):
        client.wait({TEAM: 0, project: 0}, 1.0)
    assert refused.value.code == "not_granted"
    assert project in refused.value.message


def test_the_watcher_reports_another_computers_change_within_two_seconds_once(
    hub: HubThread,
    shared: tuple[str, str, str],
    replicas: tuple[Services, Services],
) -> None:
    name, secret, project = shared
    a, b = replicas
    reports: queue.Queue[list[str]] = queue.Queue()
    watcher = ChangeWatcher(
        b.store, lambda: HubClient(hub.url, name, secret, timeout=10), reports.put, wait_s=5
    ).start()
    try:
        deadline = time.monotonic() + 10
        while watcher.waits < 1 and time.monotonic() < deadline:
            time.sleep(0.02)
        time.sleep(0.2)  # the wait has reached the hub
        with HubClient(hub.url, name, secret, timeout=10) as client:
            a.projects.rename(project, "Line 3 retrofit")
            started = time.monotonic()
            sync_once(a.store, client)  # pushes the rename
            assert reports.get(timeout=10) == [project]
            latency = time.monotonic() - started
            assert latency < 2.0, latency
            sync_once(b.store, client)  # what the app does on a report
        watcher.resume()
        assert b.projects.get(project).name == "Line 3 retrofit"
        # B's cursor moved past the change: no second report for it.
        with pytest.raises(queue.Empty):
            reports.get(timeout=1.5)
        assert watcher.reports == 1
        assert watcher.alive
    finally:
        watcher.stop()
    assert watcher.join(10)


def test_a_change_the_round_did_not_bring_in_is_reported_again_only_after_a_growing_pause(
    hub: HubThread,
    shared: tuple[str, str, str],
    replicas: tuple[Services, Services],
) -> None:
    """A round that fails to pull (the cursor stays) must not make the app sync in a loop."""
    name, secret, project = shared
    a, b = replicas
    with HubClient(hub.url, name, secret, timeout=10) as client:
        a.projects.rename(project, "Line 3 retrofit")
        sync_once(a.store, client)
    times: list[float] = []
    watcher: ChangeWatcher

    def nothing_pulled(_projects: list[str]) -> None:
        times.append(time.monotonic())
        watcher.resume()  # the round "finished" without moving the cursor

    watcher = ChangeWatcher(
        b.store,
        lambda: HubClient(hub.url, name, secret, timeout=10),
        nothing_pulled,
        wait_s=5,
        min_backoff_s=0.2,
        max_backoff_s=0.8,
    ).start()
    try:
        time.sleep(2.5)
    finally:
        watcher.stop()
    gaps = [later - earlier for earlier, later in pairwise(times)]
    assert 3 <= len(times) <= 6, gaps  # at once, then after 0.2, 0.4, 0.8, 0.8 s
    assert all(gap >= 0.18 for gap in gaps), gaps
    assert gaps[1] > gaps[0] * 1.5, gaps
    assert b.projects.get(project).name == "Line 3"  # the watcher itself changes nothing


class CountingClient(HubClient):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.hellos: list[float] = []

    def hello(self) -> Hello:
        self.hellos.append(time.monotonic())
        return super().hello()


def test_an_unreachable_hub_is_tried_again_with_a_growing_pause(
    replicas: tuple[Services, Services],
) -> None:
    _a, b = replicas
    client = CountingClient(f"http://127.0.0.1:{free_port()}", "wang.lei", "s3cret", timeout=2)
    reports: list[list[str]] = []
    watcher = ChangeWatcher(
        b.store, lambda: client, reports.append, min_backoff_s=0.1, max_backoff_s=0.4
    ).start()
    time.sleep(1.6)
    watcher.stop()
    assert watcher.join(5)
    gaps = [later - earlier for earlier, later in pairwise(client.hellos)]
    assert 3 <= len(client.hellos) <= 7, gaps  # 0.1, 0.2, 0.4, 0.4, 0.4 s apart
    assert gaps[-1] >= 0.35, gaps
    assert reports == []
    assert watcher.waits == 0


def test_stop_returns_at_once_and_nothing_is_reported_after_it(
    hub: HubThread,
    shared: tuple[str, str, str],
    replicas: tuple[Services, Services],
) -> None:
    name, secret, project = shared
    a, b = replicas
    reports: list[list[str]] = []
    watcher = ChangeWatcher(
        b.store, lambda: HubClient(hub.url, name, secret, timeout=10), reports.append, wait_s=2
    ).start()
    deadline = time.monotonic() + 10
    while watcher.waits < 1 and time.monotonic() < deadline:
        time.sleep(0.02)
    time.sleep(0.2)
    started = time.monotonic()
    watcher.stop()
    assert time.monotonic() - started < 0.05
    assert not watcher.alive
    with HubClient(hub.url, name, secret, timeout=10) as client:
        a.projects.rename(project, "Line 3 retrofit")
        sync_once(a.store, client)  # wakes the open wait, which reports nothing now
    assert watcher.join(10)
    assert reports == []


def test_cursors_are_read_from_the_replica_and_zero_for_a_project_never_pulled(
    replicas: tuple[Services, Services],
) -> None:
    _a, b = replicas
    with b.store.write() as session:
        session.add(LocalMeta(key=CURSOR_PREFIX + TEAM, value="41"))
    assert read_cursors(b.store, [TEAM, "p1"]) == {TEAM: 41, "p1": 0}
