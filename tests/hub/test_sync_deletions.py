"""A sync that would delete more than a fifth of a project's rows waits for the user's yes,
against a real hub: replicas made by ``Services.open``."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import psycopg
import pytest

from pm_desktop.hub import admin
from pm_desktop.services.container import Services
from pm_desktop.sync.client import HubClient
from pm_desktop.sync.engine import HeldDeletion, SyncReport, sync_once
from tests.hub.conftest import UserFactory
from tests.hub.hubserver import HubThread

Replica = tuple[Services, HubClient]


@pytest.fixture
def two_devices(
    tmp_path: Path, hub: HubThread, make_user: UserFactory, db: psycopg.Connection[Any]
) -> Iterator[tuple[Replica, Replica, str]]:
    """Devices A and B of one user, both with a project of 60 stakeholders (61 rows)."""
    user = make_user()
    opened: list[Replica] = []
    for name in ("a", "b"):
        services = Services.open(tmp_path / f"{name}.db")
        opened.append((services, HubClient(hub.url, user[0], user[1], timeout=20)))
    a, b = opened
    project = a[0].projects.create("Line 3", contract_signed_on=date(2026, 3, 2)).id
    admin.grant(db, user[0], project)
    for i in range(60):
        a[0].stakeholders.create(project, f"S{i:02}")
    sync(a)
    sync(b)
    yield a, b, project
    for services, client in opened:
        client.close()
        services.close()


def sync(rep: Replica, **options: Any) -> SyncReport:
    report = sync_once(rep[0].store, rep[1], **options)
    assert [e for e in report.errors if "unknown table" not in e] == []
    return report


def names(rep: Replica, project: str) -> list[str]:
    return sorted(s.name for s in rep[0].stakeholders.of_project(project))


def remove(rep: Replica, project: str, count: int) -> None:
    ids = sorted((s.name, s.id) for s in rep[0].stakeholders.of_project(project))
    rep[0].stakeholders.remove([i for _name, i in ids[:count]])


def test_a_mass_deletion_waits_for_the_users_yes(
    two_devices: tuple[Replica, Replica, str],
) -> None:
    a, b, project = two_devices
    before = names(b, project)
    assert len(before) == 60
    remove(a, project, 20)
    sync(a)

    held = sync(b)
    assert held.held_deletions == [
        HeldDeletion(project, "Line 3", deleting=20, rows=61, by_table=(("stakeholders", 20),))
    ]
    assert held.pulled == 0
    assert names(b, project) == before  # nothing of the pull applied
    assert sync(b).held_deletions == held.held_deletions  # asked again until allowed

    other = sync(b, allow_deletions=frozenset({"someone else's project"}))
    assert other.held_deletions == held.held_deletions

    allowed = sync(b, allow_deletions=frozenset({project}))
    assert allowed.held_deletions == []
    assert names(b, project) == names(a, project)
    assert len(names(b, project)) == 40
    assert sync(b).held_deletions == []


def test_a_small_deletion_goes_through_without_asking(
    two_devices: tuple[Replica, Replica, str],
) -> None:
    a, b, project = two_devices
    remove(a, project, 3)
    a[0].stakeholders.create(project, "New")
    sync(a)
    report = sync(b)
    assert report.held_deletions == []
    assert names(b, project) == names(a, project)
    assert len(names(b, project)) == 58
