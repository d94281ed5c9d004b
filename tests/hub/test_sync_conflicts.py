"""Conflicts through the real hub: two devices of two users edit the same stakeholder without
seeing each other's change. Last writer wins everywhere; the loser is kept in a conflict record
that reaches both replicas, and a deletion that meets an edit keeps the row."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import psycopg
import pytest
from sqlalchemy import select

from pm_desktop.core.enums import ConflictKind
from pm_desktop.hub import admin
from pm_desktop.services.container import Services
from pm_desktop.storage.models import Stakeholder, SyncConflict
from pm_desktop.sync.client import HubClient
from pm_desktop.sync.engine import sync_once
from tests.hub.conftest import UserFactory
from tests.hub.hubserver import HubThread

Replica = tuple[Services, HubClient, str]


@pytest.fixture
def pair(
    tmp_path: Path, hub: HubThread, make_user: UserFactory, db: psycopg.Connection[Any]
) -> Iterator[tuple[Replica, Replica, str]]:
    """Devices of two users (A made the project; both are granted it), synced once."""
    users = [make_user(), make_user()]
    replicas: list[Replica] = []
    for index, (name, secret) in enumerate(users):
        services = Services.open(tmp_path / f"r{index}.db")
        replicas.append((services, HubClient(hub.url, name, secret, timeout=10), name))
    a, b = replicas
    project = a[0].projects.create("Line 3", client="ACME", contract_signed_on=date(2026, 3, 2))
    for name, _secret in users:
        admin.grant(db, name, project.id)
    yield a, b, project.id
    for services, client, _name in replicas:
        client.close()
        services.close()


def sync(*replicas: Replica) -> None:
    for services, client, _name in replicas:
        report = sync_once(services.store, client)
        assert [e for e in report.errors if "unknown table" not in e] == []


def conflicts(rep: Replica) -> list[SyncConflict]:
    """The conflict records of the replica's projects (the shared test hub's team-wide
    records of other tests are left out)."""
    with rep[0].store.read() as session:
        query = select(SyncConflict).where(SyncConflict.project_id.is_not(None))
        rows = session.scalars(query.order_by(SyncConflict.detected_at)).all()
        session.expunge_all()
        return list(rows)


def stakeholder(rep: Replica, row_id: str) -> Stakeholder:
    with rep[0].store.read() as session:
        row = session.get(Stakeholder, row_id)
        assert row is not None
        session.expunge(row)
        return row


def shared_stakeholder(a: Replica, b: Replica, project: str, **fields: Any) -> str:
    made = a[0].stakeholders.create(project, "王芳", **fields)
    sync(a, b)
    return made.id


def same_conflicts(a: Replica, b: Replica) -> list[SyncConflict]:
    mine, theirs = conflicts(a), conflicts(b)

    def as_dicts(rows: list[SyncConflict]) -> list[dict[str, Any]]:
        return [
            {c.name: getattr(r, c.name) for c in SyncConflict.__table__.columns if c.name != "hlc"}
            for r in rows
        ]

    assert as_dicts(mine) == as_dicts(theirs)
    return mine


def test_both_changed_a_text_field_the_loser_is_kept_in_a_record_on_both(
    pair: tuple[Replica, Replica, str],
) -> None:
    a, b, project = pair
    person = shared_stakeholder(a, b, project, notes="要点")
    a[0].stakeholders.update(person, notes="A 的备注：关注上线日期")
    b[0].stakeholders.update(person, notes="B 的备注：预算已批")  # the later stamp
    sync(a, b, a)
    assert stakeholder(a, person).notes == stakeholder(b, person).notes == "B 的备注：预算已批"
    [record] = same_conflicts(a, b)
    assert record.kind is ConflictKind.EDIT
    assert (record.table_name, record.row_id, record.column_name) == (
        "stakeholders",
        person,
        "notes",
    )
    assert json.loads(record.kept_value) == "B 的备注：预算已批"
    assert json.loads(record.lost_value) == "A 的备注：关注上线日期"
    assert (record.kept_user, record.lost_user) == (b[2], a[2])
    assert (record.kept_device, record.lost_device) == (b[0].store.device_id, a[0].store.device_id)
    assert record.project_id == project
    assert record.resolution == ""


def test_the_loser_arriving_second_is_kept_too(pair: tuple[Replica, Replica, str]) -> None:
    a, b, project = pair
    person = shared_stakeholder(a, b, project)
    b[0].stakeholders.update(person, notes="older")
    a[0].stakeholders.update(person, notes="newer")
    sync(a, b, a)  # B's older text arrives after A's newer one
    assert stakeholder(a, person).notes == stakeholder(b, person).notes == "newer"
    [record] = same_conflicts(a, b)
    assert (json.loads(record.kept_value), json.loads(record.lost_value)) == ("newer", "older")


def test_no_record_when_the_editor_had_seen_the_other_change(
    pair: tuple[Replica, Replica, str],
) -> None:
    a, b, project = pair
    person = shared_stakeholder(a, b, project)
    a[0].stakeholders.update(person, notes="first")
    sync(a, b)
    b[0].stakeholders.update(person, notes="second, after reading the first")
    sync(b, a)
    assert stakeholder(a, person).notes == "second, after reading the first"
    assert conflicts(a) == conflicts(b) == []


def test_no_record_for_the_same_text_or_for_fields_that_are_not_text(
    pair: tuple[Replica, Replica, str],
) -> None:
    a, b, project = pair
    person = shared_stakeholder(a, b, project)
    a[0].stakeholders.update(person, notes="same", power=2)
    b[0].stakeholders.update(person, notes="same", power=5)
    sync(a, b, a)
    assert stakeholder(a, person).power == stakeholder(b, person).power == 5
    assert conflicts(a) == conflicts(b) == []


def test_a_deletion_meeting_a_later_pushed_edit_keeps_the_row_and_flags_it(
    pair: tuple[Replica, Replica, str],
) -> None:
    a, b, project = pair
    person = shared_stakeholder(a, b, project)
    a[0].stakeholders.remove(person)
    b[0].stakeholders.update(person, title="采购总监")
    sync(a)  # the deletion reaches the hub first
    sync(b, a)
    for rep in (a, b):
        row = stakeholder(rep, person)
        assert (row.deleted, row.title) == (False, "采购总监")
        assert person in {s.id for s in rep[0].stakeholders.of_project(project)}
    [record] = same_conflicts(a, b)
    assert record.kind is ConflictKind.DELETE
    assert (record.row_id, record.column_name) == (person, "deleted")
    assert (record.lost_user, record.lost_value) == (a[2], "true")
    assert record.kept_user == b[2]


def test_an_edit_then_an_unaware_deletion_keeps_the_row_and_flags_it(
    pair: tuple[Replica, Replica, str],
) -> None:
    a, b, project = pair
    person = shared_stakeholder(a, b, project)
    b[0].stakeholders.update(person, title="采购总监")
    sync(b)
    a[0].stakeholders.remove(person)  # A has not pulled B's edit
    sync(a, b)
    for rep in (a, b):
        row = stakeholder(rep, person)
        assert (row.deleted, row.title) == (False, "采购总监")
    [record] = same_conflicts(a, b)
    assert (record.kind, record.lost_user, record.kept_user) == (ConflictKind.DELETE, a[2], b[2])


def test_a_deletion_made_after_seeing_the_edit_just_deletes(
    pair: tuple[Replica, Replica, str],
) -> None:
    a, b, project = pair
    person = shared_stakeholder(a, b, project)
    b[0].stakeholders.update(person, title="采购总监")
    sync(b, a)
    a[0].stakeholders.remove(person)
    sync(a, b)
    assert stakeholder(a, person).deleted
    assert stakeholder(b, person).deleted
    assert conflicts(a) == conflicts(b) == []


def test_a_sub_task_edited_while_its_phase_was_deleted_comes_back_with_a_working_plan(
    pair: tuple[Replica, Replica, str],
) -> None:
    a, b, project = pair
    phase = a[0].plan.add_task(project, "实施阶段", duration_days=0)
    step = a[0].plan.add_task(project, "数据迁移", duration_days=5, parent_id=phase.id)
    sync(a, b)
    a[0].plan.remove_task(phase.id)  # takes its sub-task with it
    b[0].plan.update_task(step.id, name="数据迁移（第一批）")
    sync(a, b, a)
    for rep in (a, b):
        names = {t.name for t in rep[0].plan.tasks(project)}
        assert "数据迁移（第一批）" in names
        rep[0].plan.update_task(step.id, duration_days=6)  # the plan still schedules


def test_notes_typed_while_a_sync_brought_a_teammates_notes_keep_the_teammates_in_a_record(
    pair: tuple[Replica, Replica, str],
) -> None:
    """A types notes in the panel (started from "要点"); a sync meanwhile brings B's notes; A's
    save names B's change as its base, so the hub sees no conflict: the save keeps B's notes
    in a record itself, and it reaches B like the hub's own."""
    a, b, project = pair
    person = shared_stakeholder(a, b, project, notes="要点")
    b[0].stakeholders.update(person, notes="B：预算已批")
    sync(b, a)  # A's panel keeps the typed text over the pulled notes
    a[0].stakeholders.update(person, started_from={"notes": "要点"}, notes="A：关注上线日期")
    sync(a, b)
    assert stakeholder(a, person).notes == stakeholder(b, person).notes == "A：关注上线日期"
    [record] = same_conflicts(a, b)
    assert (record.kind, record.column_name) == (ConflictKind.EDIT, "notes")
    assert json.loads(record.kept_value) == "A：关注上线日期"
    assert json.loads(record.lost_value) == "B：预算已批"
    assert (record.kept_device, record.lost_device) == (a[0].store.device_id, b[0].store.device_id)
    [entry] = b[0].conflicts.open_conflicts(project)
    assert entry.lost.mine  # B sees their own notes, kept
    assert entry.lost.text == "B：预算已批"


def test_notes_saved_over_the_value_they_started_from_make_no_record(
    pair: tuple[Replica, Replica, str],
) -> None:
    a, b, project = pair
    person = shared_stakeholder(a, b, project, notes="要点")
    a[0].stakeholders.update(person, started_from={"notes": "要点"}, notes="要点；补充")
    sync(a, b)
    assert stakeholder(b, person).notes == "要点；补充"
    assert same_conflicts(a, b) == []
