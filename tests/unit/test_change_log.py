"""Every edit made through a service lands in the change log in the same transaction."""

from __future__ import annotations

import json
import sqlite3
import time
from datetime import date, datetime, timedelta, timezone

import pytest
from sqlalchemy import delete, select, update
from sqlalchemy.exc import OperationalError

from pm_desktop.core.enums import MeetingType
from pm_desktop.core.errors import StorageError, ValidationError
from pm_desktop.services.container import Services
from pm_desktop.storage.changes import HardDeleteError, bulk_insert
from pm_desktop.storage.models import ChangeLogEntry, Person, Project


def log_entries(services: Services) -> list[ChangeLogEntry]:
    with services.store.sessions() as session:
        return list(session.scalars(select(ChangeLogEntry).order_by(ChangeLogEntry.seq)))


def test_creating_a_project_logs_every_field_with_one_stamp(services: Services) -> None:
    project = services.projects.create(
        "华东制造集团数字化转型", client="华东某制造集团", contract_signed_on=date(2026, 11, 2)
    )
    entries = log_entries(services)
    fields = {e.column_name: json.loads(e.value_json) for e in entries}
    assert fields["name"] == "华东制造集团数字化转型"
    assert fields["contract_signed_on"] == "2026-11-02"
    assert fields["project_id"] == project.id
    assert {e.row_id for e in entries} == {project.id}
    assert len({e.hlc for e in entries}) == 1
    assert services.sync_status.pending_changes() == 1  # one record, however many fields


def test_a_rename_logs_only_the_changed_field_with_a_later_stamp(services: Services) -> None:
    project = services.projects.create("旧名称")
    before = log_entries(services)
    services.projects.rename(project.id, "新名称")
    new = log_entries(services)[len(before) :]
    assert [(e.column_name, json.loads(e.value_json)) for e in new] == [("name", "新名称")]
    assert new[0].hlc > before[-1].hlc


def test_archiving_and_tombstoning_are_logged_and_the_row_stays(services: Services) -> None:
    project = services.projects.create("项目")
    services.projects.set_archived(project.id, True)
    services.projects.remove(project.id)
    changed = [(e.column_name, e.value_json) for e in log_entries(services)[-2:]]
    assert changed == [("archived", "true"), ("deleted", "true")]
    assert services.projects.list(include_archived=True) == []
    with services.store.sessions() as session:
        assert session.get(Project, project.id) is not None


def test_a_rolled_back_edit_leaves_no_log_entry_and_no_change(services: Services) -> None:
    project = services.projects.create("项目")
    count = len(log_entries(services))

    def failing_edit() -> None:
        with services.store.sessions.begin() as session:
            row = session.get(Project, project.id)
            assert row is not None
            row.name = "不会保存"
            session.flush()  # the log entry is written in this transaction...
            raise RuntimeError("the edit fails after its flush")  # ...and rolled back with it

    with pytest.raises(RuntimeError):
        failing_edit()
    assert len(log_entries(services)) == count
    assert services.projects.get(project.id).name == "项目"


def test_invalid_input_changes_nothing(services: Services) -> None:
    project = services.projects.create("项目")
    count = len(log_entries(services))
    with pytest.raises(ValidationError):
        services.projects.rename(project.id, "   ")
    assert len(log_entries(services)) == count


def test_a_hard_delete_of_a_synced_row_is_refused(services: Services) -> None:
    project = services.projects.create("项目")
    with pytest.raises(HardDeleteError), services.store.sessions.begin() as session:
        session.delete(session.get(Project, project.id))
    assert services.projects.get(project.id).name == "项目"


@pytest.mark.parametrize(
    "statement",
    [update(Project).values(name="x"), delete(Project)],
    ids=["update", "delete"],
)
def test_bulk_statements_that_would_skip_the_log_are_refused(
    services: Services, statement: object
) -> None:
    services.projects.create("项目")
    with pytest.raises(HardDeleteError), services.store.sessions.begin() as session:
        session.execute(statement)  # type: ignore[call-overload]


def test_bulk_insert_writes_rows_and_their_log_entries(services: Services) -> None:
    with services.store.sessions.begin() as session:
        bulk_insert(
            session,
            Person,
            [{"name": f"工程师{i}", "project_id": None, "day_rate_fen": 150_000} for i in range(3)],
        )
    with services.store.sessions() as session:
        people = list(session.scalars(select(Person)))
        assert sorted(p.name for p in people) == ["工程师0", "工程师1", "工程师2"]
        assert all(p.skills == [] and p.hlc for p in people)
    logged_rows = {e.row_id for e in log_entries(services) if e.table_name == "people"}
    assert logged_rows == {p.id for p in people}


def test_the_clock_resumes_after_its_last_stamp_when_reopened(services: Services) -> None:
    services.projects.create("项目")
    last = log_entries(services)[-1].hlc
    path = services.database_path
    services.close()
    reopened = Services.open(path)
    try:
        reopened.projects.create("第二个项目")
        assert log_entries(reopened)[-1].hlc > last
        assert reopened.store.device_id == last.rsplit("-", 1)[1]
    finally:
        reopened.close()


def test_reads_do_not_wait_for_a_long_write_elsewhere(services: Services) -> None:
    services.projects.create("已提交")
    with services.store.sessions.begin() as writer:  # a sync or an import holding the lock
        writer.add(Project(name="尚未提交"))
        writer.flush()
        started = time.perf_counter()
        names = [p.name for p in services.projects.list()]
        assert time.perf_counter() - started < 1.0
        assert names == ["已提交"]  # a reader sees only committed data


def test_read_sessions_refuse_to_write(services: Services) -> None:
    with pytest.raises(OperationalError, match="readonly"), services.store.reads() as session:
        session.connection().exec_driver_sql(
            "INSERT INTO local_meta (key, value) VALUES ('x', 'y')"
        )


def test_changing_a_list_in_place_is_saved_and_logged(services: Services) -> None:
    with services.store.write() as session:
        bulk_insert(session, Person, [{"name": "张伟", "skills": ["ERP"]}])
    with services.store.write() as session:
        person = session.scalars(select(Person)).one()
        person.skills.append("MES")
    with services.store.read() as session:
        assert session.scalars(select(Person)).one().skills == ["ERP", "MES"]
    assert json.loads(log_entries(services)[-1].value_json) == ["ERP", "MES"]


def test_instants_are_logged_in_utc(services: Services) -> None:
    project = services.projects.create("项目")
    beijing = datetime(2026, 11, 23, 14, 0, tzinfo=timezone(timedelta(hours=8)))
    services.meetings.create(project.id, MeetingType.KICKOFF, "启动会", beijing)
    starts = [e for e in log_entries(services) if e.column_name == "starts_at"]
    assert json.loads(starts[0].value_json) == "2026-11-23T06:00:00+00:00"


def test_a_locked_database_gives_a_clear_error_and_saves_nothing(services: Services) -> None:
    project = services.projects.create("项目")
    blocker = sqlite3.connect(services.database_path, timeout=0)
    blocker.execute("BEGIN IMMEDIATE")
    try:
        services.store.engine.pool.dispose()  # one fresh connection, made to give up quickly
        with services.store.engine.connect() as conn:
            raw = conn.connection.dbapi_connection
            assert raw is not None
            raw.execute("PRAGMA busy_timeout = 100")
        with pytest.raises(StorageError) as error:
            services.projects.rename(project.id, "改不了")
        assert error.value.reason == "busy"
    finally:
        blocker.rollback()
        blocker.close()
    assert services.projects.get(project.id).name == "项目"
