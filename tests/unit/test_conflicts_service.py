"""Resolving sync conflicts: records arrive as a pull writes them, resolutions are logged to sync.

A conflict is made the way it reaches a replica: another device's winning change and the hub's
``sync_conflicts`` record, applied by :func:`pm_desktop.sync.apply.apply_page` (Core writes, no
change capture), after this device's own edit that lost.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import pytest
from sqlalchemy import select

from pm_desktop.core.enums import ConflictKind, ConflictResolution, MeetingType, MinuteKind
from pm_desktop.core.errors import NotFoundError, ValidationError
from pm_desktop.core.hlc import HlcStamp
from pm_desktop.services.conflicts import ConflictChangedError, both_texts
from pm_desktop.services.container import Services
from pm_desktop.storage.changes import encode_value
from pm_desktop.storage.models import (
    ActionItem,
    ChangeLogEntry,
    MinuteEntry,
    PlanTask,
    Stakeholder,
    SyncConflict,
    TaskDependency,
)
from pm_desktop.sync.apply import apply_page

OTHER = "b7c0ffee00000002"
HUB = "hub"
_seq = iter(range(1, 1_000_000))


def stamp(device: str, ahead_ms: int = 1000) -> str:
    return HlcStamp(int(datetime.now(UTC).timestamp() * 1000) + ahead_ms, 0, device).encode()


def pull(services: Services, changes: list[dict[str, Any]]) -> None:
    result = apply_page(services.store, changes, more=False)
    assert result.errors == []


def remote_change(
    table: str, row_id: str, project_id: str | None, column: str, value: Any, *, hlc: str
) -> dict[str, Any]:
    return {
        "table": table,
        "row_id": row_id,
        "project_id": project_id,
        "column": column,
        "value": encode_value(value),
        "hlc": hlc,
        "device_id": HlcStamp.decode(hlc).device,
        "seq": next(_seq),
    }


@dataclass(frozen=True)
class Made:
    conflict_id: str
    kept_hlc: str


def pull_conflict(
    services: Services,
    *,
    table: str,
    row_id: str,
    project_id: str | None,
    column: str,
    kept: Any,
    lost: Any,
    kept_device: str,
    lost_device: str,
    kept_user: str = "li.na",
    lost_user: str = "wang.fang",
    kind: ConflictKind = ConflictKind.EDIT,
    write_winner: bool = True,
    kept_hlc: str = "",
    lost_hlc: str = "",
) -> Made:
    """Pull the winning value (when another device's) and the hub's record of the conflict."""
    kept_hlc = kept_hlc or stamp(kept_device, 2000)
    lost_hlc = lost_hlc or stamp(lost_device, 1000)
    record_id = str(uuid.uuid4())
    record = {
        "id": record_id,
        "project_id": project_id,
        "table_name": table,
        "row_id": row_id,
        "column_name": column,
        "kind": kind.value,
        "kept_value": encode_value(kept),
        "kept_hlc": kept_hlc,
        "kept_device": kept_device,
        "kept_user": kept_user,
        "lost_value": encode_value(lost),
        "lost_hlc": lost_hlc,
        "lost_device": lost_device,
        "lost_user": lost_user,
        "resolution": "",
        "resolved_at": None,
        "deleted": False,
        "detected_at": datetime.now(UTC).isoformat(),
    }
    hub_stamp = stamp(HUB, 3000)
    changes = [
        remote_change("sync_conflicts", record_id, project_id, name, value, hlc=hub_stamp)
        for name, value in record.items()
    ]
    if write_winner:
        changes.insert(0, remote_change(table, row_id, project_id, column, kept, hlc=kept_hlc))
    pull(services, changes)
    return Made(record_id, kept_hlc)


def last_seq(services: Services) -> int:
    with services.store.read() as session:
        return max(session.scalars(select(ChangeLogEntry.seq)).all(), default=0)


def logged_since(services: Services, seq: int) -> dict[tuple[str, str], str]:
    """(table, column) -> value_json of the change-log entries after ``seq`` (to be pushed)."""
    with services.store.read() as session:
        rows = session.scalars(
            select(ChangeLogEntry)
            .where(ChangeLogEntry.seq > seq, ChangeLogEntry.pushed.is_(False))
            .order_by(ChangeLogEntry.seq)
        ).all()
        return {(r.table_name, r.column_name): r.value_json for r in rows}


def action_of(services: Services, action_id: str) -> ActionItem:
    with services.store.read() as session:
        row = session.get(ActionItem, action_id)
        assert row is not None
        return row


MINE_WHY = "为了让客户在周五前确认接口方案"
THEIRS_WHY = "客户要求本周内给出接口变更清单"


@pytest.fixture
def project(services: Services) -> str:
    return services.projects.create("华东制造 MES 二期").id


@pytest.fixture
def meeting(services: Services, project: str) -> str:
    return services.meetings.create(
        project, MeetingType.WEEKLY_STATUS, "周例会", datetime(2026, 11, 23, 6, tzinfo=UTC)
    ).id


@pytest.fixture
def action(services: Services, meeting: str, project: str) -> tuple[str, Made]:
    """An action whose Why this computer changed, and another device changed later (it won)."""
    item = services.meetings.add_action(meeting, "更新接口文档", why="初稿")
    services.meetings.update_action(item.id, why=MINE_WHY)
    made = pull_conflict(
        services,
        table="action_items",
        row_id=item.id,
        project_id=project,
        column="why",
        kept=THEIRS_WHY,
        lost=MINE_WHY,
        kept_device=OTHER,
        lost_device=services.store.device_id,
    )
    return item.id, made


def test_an_open_conflict_is_described_for_the_panel(
    services: Services, project: str, action: tuple[str, Made]
) -> None:
    action_id, made = action
    assert action_of(services, action_id).why == THEIRS_WHY  # the later change won
    [entry] = services.conflicts.open_conflicts()
    assert services.conflicts.count_open() == 1
    assert services.conflicts.count_open(project) == 1
    assert services.conflicts.count_open("another-project") == 0
    assert entry.id == made.conflict_id
    assert entry.kind == ConflictKind.EDIT
    assert (entry.project_name, entry.record, entry.table, entry.column) == (
        "华东制造 MES 二期",
        "更新接口文档",
        "action_items",
        "why",
    )
    assert (entry.kept.text, entry.kept.user, entry.kept.mine) == (THEIRS_WHY, "li.na", False)
    assert (entry.lost.text, entry.lost.user, entry.lost.mine) == (MINE_WHY, "wang.fang", True)
    assert entry.mine is entry.lost
    assert entry.kept.at is not None
    assert entry.kept.at == datetime.fromtimestamp(
        HlcStamp.decode(made.kept_hlc).wall_ms / 1000, UTC
    )
    assert entry.multiline  # Why is long text: it wraps, "keep both" leaves a blank line
    assert entry.can_keep_both
    assert not entry.changed_since
    assert entry.current == THEIRS_WHY
    assert entry.resolution_keeping(entry.lost) == ConflictResolution.RESTORED
    assert entry.resolution_keeping(entry.kept) == ConflictResolution.KEPT


def test_keep_mine_writes_my_value_back_and_logs_it_for_sync(
    services: Services, project: str, action: tuple[str, Made]
) -> None:
    action_id, made = action
    before = last_seq(services)
    services.conflicts.resolve(made.conflict_id, ConflictResolution.RESTORED)
    assert action_of(services, action_id).why == MINE_WHY
    logged = logged_since(services, before)
    assert logged[("action_items", "why")] == encode_value(MINE_WHY)
    assert json.loads(logged[("sync_conflicts", "resolution")]) == "restored"
    assert json.loads(logged[("sync_conflicts", "resolved_at")]) is not None
    assert services.conflicts.count_open() == 0
    assert services.conflicts.open_conflicts() == []
    with services.store.read() as session:
        record = session.get(SyncConflict, made.conflict_id)
        assert record is not None
        assert record.resolution == ConflictResolution.RESTORED
        assert record.resolved_at is not None
        assert record.project_id == project


def test_keep_theirs_writes_nothing_to_the_field(
    services: Services, action: tuple[str, Made]
) -> None:
    action_id, made = action
    before = last_seq(services)
    services.conflicts.resolve(made.conflict_id, ConflictResolution.KEPT)
    assert action_of(services, action_id).why == THEIRS_WHY
    logged = logged_since(services, before)
    assert ("action_items", "why") not in logged
    assert json.loads(logged[("sync_conflicts", "resolution")]) == "kept"
    assert services.conflicts.count_open() == 0


def test_keep_both_puts_the_kept_text_first_then_mine_after_a_blank_line(
    services: Services, action: tuple[str, Made]
) -> None:
    action_id, made = action
    before = last_seq(services)
    services.conflicts.resolve(made.conflict_id, ConflictResolution.BOTH)
    both = f"{THEIRS_WHY}\n\n{MINE_WHY}"
    assert action_of(services, action_id).why == both
    assert logged_since(services, before)[("action_items", "why")] == encode_value(both)


def test_keep_both_joins_one_line_names_with_a_slash(services: Services, project: str) -> None:
    person = services.stakeholders.create(project, "王芳")
    made = pull_conflict(
        services,
        table="stakeholders",
        row_id=person.id,
        project_id=project,
        column="name",
        kept="王芳 (CIO)",
        lost="王芳 — 信息部",
        kept_device=OTHER,
        lost_device="c0ffee0000000003",
    )
    [entry] = services.conflicts.open_conflicts()
    assert entry.record == "王芳 (CIO)"
    assert not entry.multiline
    assert (entry.kept.mine, entry.lost.mine) == (False, False)  # two other devices
    services.conflicts.resolve(made.conflict_id, ConflictResolution.BOTH)
    with services.store.read() as session:
        row = session.get(Stakeholder, person.id)
        assert row is not None
        assert row.name == "王芳 (CIO) / 王芳 — 信息部"


def test_keep_both_keeps_the_longer_text_when_it_holds_the_other() -> None:
    assert both_texts("会议纪要第一稿", "会议纪要第一稿，补充了验收标准", long_text=True) == (
        "会议纪要第一稿，补充了验收标准"
    )
    assert both_texts("A longer text", "longer", long_text=False) == "A longer text"
    assert both_texts("甲", "乙", long_text=False) == "甲 / 乙"


def test_undo_puts_the_field_and_the_record_back(
    services: Services, action: tuple[str, Made]
) -> None:
    action_id, made = action
    resolved = services.conflicts.resolve(made.conflict_id, ConflictResolution.RESTORED)
    before = last_seq(services)
    services.conflicts.reopen(resolved)
    assert action_of(services, action_id).why == THEIRS_WHY
    logged = logged_since(services, before)
    assert logged[("action_items", "why")] == encode_value(THEIRS_WHY)
    assert json.loads(logged[("sync_conflicts", "resolution")]) == ""
    assert json.loads(logged[("sync_conflicts", "resolved_at")]) is None
    [entry] = services.conflicts.open_conflicts()
    assert entry.id == made.conflict_id
    assert not entry.changed_since  # the field holds the kept value again: resolvable again
    services.conflicts.resolve(made.conflict_id, ConflictResolution.BOTH)  # redo, another way
    assert action_of(services, action_id).why == f"{THEIRS_WHY}\n\n{MINE_WHY}"


def test_a_field_edited_after_the_conflict_is_not_overwritten(
    services: Services, action: tuple[str, Made]
) -> None:
    action_id, made = action
    services.meetings.update_action(action_id, why="第三个版本")
    [entry] = services.conflicts.open_conflicts()
    assert entry.changed_since
    assert entry.current == "第三个版本"
    assert not entry.allows(ConflictResolution.RESTORED)
    assert entry.allows(ConflictResolution.KEPT)
    before = last_seq(services)
    for refused in (ConflictResolution.RESTORED, ConflictResolution.BOTH):
        with pytest.raises(ConflictChangedError, match="edited after the conflict"):
            services.conflicts.resolve(made.conflict_id, refused)
    assert logged_since(services, before) == {}  # nothing written, not even the record
    assert action_of(services, action_id).why == "第三个版本"
    assert services.conflicts.count_open() == 1
    # Keeping the winner writes nothing to the field: it closes the conflict, the edit stays.
    services.conflicts.resolve(made.conflict_id, ConflictResolution.KEPT)
    assert action_of(services, action_id).why == "第三个版本"
    assert services.conflicts.count_open() == 0


def test_a_field_edited_after_the_conflict_is_overwritten_when_the_user_agreed(
    services: Services, action: tuple[str, Made]
) -> None:
    action_id, made = action
    services.meetings.update_action(action_id, why="第三个版本")
    [entry] = services.conflicts.open_conflicts()
    assert entry.overwrites(ConflictResolution.RESTORED)
    assert entry.overwrites(ConflictResolution.BOTH)
    assert not entry.overwrites(ConflictResolution.KEPT)
    resolved = services.conflicts.resolve(
        made.conflict_id, ConflictResolution.BOTH, overwrite_later_change=True
    )
    assert action_of(services, action_id).why == f"第三个版本\n\n{MINE_WHY}"
    services.conflicts.reopen(resolved)  # undo: the later change is back, the conflict open
    assert action_of(services, action_id).why == "第三个版本"
    assert services.conflicts.count_open() == 1


def test_undo_is_refused_when_the_field_was_edited_after_the_resolution(
    services: Services, action: tuple[str, Made]
) -> None:
    action_id, made = action
    resolved = services.conflicts.resolve(made.conflict_id, ConflictResolution.RESTORED)
    services.meetings.update_action(action_id, why="后来又改了")
    with pytest.raises(ConflictChangedError):
        services.conflicts.reopen(resolved)
    assert action_of(services, action_id).why == "后来又改了"
    assert services.conflicts.count_open() == 0


def test_a_resolved_conflict_cannot_be_resolved_again(
    services: Services, action: tuple[str, Made]
) -> None:
    _action_id, made = action
    services.conflicts.resolve(made.conflict_id, ConflictResolution.KEPT)
    with pytest.raises(ValidationError, match="resolved already"):
        services.conflicts.resolve(made.conflict_id, ConflictResolution.RESTORED)


def test_closed_minutes_are_not_rewritten(services: Services, project: str, meeting: str) -> None:
    note = services.meetings.add_note(meeting, MinuteKind.NOTE, "接口方案已确认")
    made = pull_conflict(
        services,
        table="minute_entries",
        row_id=note.id,
        project_id=project,
        column="text",
        kept="接口方案已确认，周五上线",
        lost="接口方案已确认",
        kept_device=OTHER,
        lost_device=services.store.device_id,
    )
    [entry] = services.conflicts.open_conflicts()
    assert entry.record == "周例会"  # minutes are named after their meeting
    from pm_desktop.core.enums import MeetingStatus

    services.meetings.set_status(meeting, MeetingStatus.CLOSED)
    with pytest.raises(ValidationError, match="closed"):
        services.conflicts.resolve(made.conflict_id, ConflictResolution.RESTORED)
    services.meetings.set_status(meeting, MeetingStatus.IN_PROGRESS)
    services.conflicts.resolve(made.conflict_id, ConflictResolution.RESTORED)
    with services.store.read() as session:
        row = session.get(MinuteEntry, note.id)
        assert row is not None
        assert row.text == "接口方案已确认"


def delete_conflict(services: Services, project: str, table: str, row_id: str) -> Made:
    """Another device deleted the row while this one edited it: the hub kept the row."""
    return pull_conflict(
        services,
        table=table,
        row_id=row_id,
        project_id=project,
        column="deleted",
        kind=ConflictKind.DELETE,
        kept=False,
        lost=True,
        kept_device=services.store.device_id,
        lost_device=OTHER,
        kept_user="wang.fang",
        lost_user="li.na",
    )


def test_a_deleted_record_kept_for_an_edit_stays_or_goes_with_one_click(
    services: Services, project: str, action: tuple[str, Made]
) -> None:
    action_id, edit = action
    services.conflicts.resolve(edit.conflict_id, ConflictResolution.KEPT)
    made = delete_conflict(services, project, "action_items", action_id)
    [entry] = services.conflicts.open_conflicts()
    assert entry.kind == ConflictKind.DELETE
    assert entry.kept.mine
    assert not entry.lost.mine
    assert ("what", "更新接口文档") in entry.row_fields
    assert not entry.can_keep_both
    assert entry.resolution_keeping(entry.lost) == ConflictResolution.DELETED
    before = last_seq(services)
    resolved = services.conflicts.resolve(made.conflict_id, ConflictResolution.DELETED)
    assert action_of(services, action_id).deleted
    logged = logged_since(services, before)
    assert logged[("action_items", "deleted")] == "true"
    assert json.loads(logged[("sync_conflicts", "resolution")]) == "deleted"
    services.conflicts.reopen(resolved)
    assert not action_of(services, action_id).deleted
    services.conflicts.resolve(made.conflict_id, ConflictResolution.KEPT)
    assert not action_of(services, action_id).deleted
    assert services.conflicts.count_open() == 0


def test_deleting_a_task_takes_its_subtasks_links_and_plan_dates_along(
    services: Services, project: str
) -> None:
    plan = services.plan
    phase = plan.add_task(project, "实施阶段")
    child = plan.add_task(project, "数据迁移", parent_id=phase.id)
    after = plan.add_task(project, "上线")
    plan.add_link(child.id, after.id)
    made = delete_conflict(services, project, "plan_tasks", phase.id)
    [entry] = services.conflicts.open_conflicts(project)
    assert entry.record == "实施阶段"
    resolved = services.conflicts.resolve(made.conflict_id, ConflictResolution.DELETED)
    assert [t.name for t in plan.tasks(project)] == ["上线"]
    assert plan.links(project) == []
    with services.store.read() as session:
        link = session.scalars(select(TaskDependency)).one()
        assert link.deleted
    services.conflicts.reopen(resolved)
    assert sorted(t.name for t in plan.tasks(project)) == ["上线", "实施阶段", "数据迁移"]
    assert len(plan.links(project)) == 1
    with services.store.read() as session:
        task = session.get(PlanTask, after.id)
        assert task is not None
        assert task.start_on is not None


def test_keeping_a_row_deleted_again_since_is_refused(services: Services, project: str) -> None:
    person = services.stakeholders.create(project, "赵工")
    made = delete_conflict(services, project, "stakeholders", person.id)
    services.stakeholders.remove(person.id)
    [entry] = services.conflicts.open_conflicts()
    assert entry.changed_since
    assert not entry.allows(ConflictResolution.KEPT)
    with pytest.raises(ConflictChangedError):
        services.conflicts.resolve(made.conflict_id, ConflictResolution.KEPT)
    services.conflicts.resolve(made.conflict_id, ConflictResolution.DELETED)  # as it is now
    assert services.conflicts.count_open() == 0


def test_team_wide_conflicts_have_no_project(services: Services, project: str) -> None:
    person = services.team.add_person("陈静")
    pull_conflict(
        services,
        table="people",
        row_id=person.id,
        project_id=None,
        column="notes",
        kept="擅长 SAP PP",
        lost="擅长 MES 与 SAP 集成",
        kept_device=OTHER,
        lost_device=services.store.device_id,
    )
    [entry] = services.conflicts.open_conflicts()
    assert (entry.project_id, entry.project_name, entry.record) == (None, "", "陈静")
    assert services.conflicts.count_open(project) == 0
    assert services.conflicts.count_open() == 1


def test_keeping_a_demand_brings_back_its_stakeholder_deleted_too(
    services: Services, project: str
) -> None:
    """A demand kept for an edit, whose stakeholder was deleted too, would show nowhere: keeping
    it brings the stakeholder back, and undo deletes the stakeholder again."""
    person = services.stakeholders.create(project, "王总")
    demand = services.stakeholders.add_demand(person.id, "月底前上线")
    made = delete_conflict(services, project, "demands", demand.id)
    services.stakeholders.remove(person.id)  # the deletion on the other device took both
    [entry] = services.conflicts.open_conflicts(project)
    assert entry.deleted_within == (("stakeholders", "王总"),)
    assert entry.allows(ConflictResolution.KEPT)

    before = last_seq(services)
    resolved = services.conflicts.resolve(made.conflict_id, ConflictResolution.KEPT)
    assert [s.name for s in services.stakeholders.of_project(project)] == ["王总"]
    assert [d.text for d in services.stakeholders.get(person.id).demands] == ["月底前上线"]
    assert logged_since(services, before)[("stakeholders", "deleted")] == "false"  # synced
    services.conflicts.reopen(resolved)
    assert services.stakeholders.of_project(project) == []
    assert services.conflicts.open_conflicts(project)[0].deleted_within


def test_a_kept_row_whose_parent_is_live_restores_nothing(services: Services, project: str) -> None:
    person = services.stakeholders.create(project, "李工")
    demand = services.stakeholders.add_demand(person.id, "每周汇报")
    made = delete_conflict(services, project, "demands", demand.id)
    [entry] = services.conflicts.open_conflicts(project)
    assert entry.deleted_within == ()
    resolved = services.conflicts.resolve(made.conflict_id, ConflictResolution.KEPT)
    assert resolved.restored == ()


def test_a_record_naming_a_row_of_another_project_never_writes_to_it(
    services: Services, project: str, meeting: str
) -> None:
    """A conflict record arrives team-wide (made by hand: the hub records a conflict in its
    row's own project) naming an action of this project: resolving it changes nothing."""
    item = services.meetings.add_action(meeting, "更新接口文档", why="初稿")
    for kind, resolution in (
        (ConflictKind.EDIT, ConflictResolution.RESTORED),
        (ConflictKind.DELETE, ConflictResolution.DELETED),
    ):
        made = pull_conflict(
            services,
            table="action_items",
            row_id=item.id,
            project_id=None,
            column="why" if kind == ConflictKind.EDIT else "deleted",
            kept="初稿",
            lost="攻击者的文字" if kind == ConflictKind.EDIT else True,
            kept_device=OTHER,
            lost_device="mallory-laptop",
            kind=kind,
            write_winner=False,
        )
        entry = services.conflicts.get(made.conflict_id)
        assert entry.current == ""  # shown as about a row not on this computer
        if kind == ConflictKind.EDIT:
            with pytest.raises(NotFoundError, match="not on this computer"):
                services.conflicts.resolve(made.conflict_id, resolution)
        else:
            services.conflicts.resolve(made.conflict_id, resolution)
    after = action_of(services, item.id)
    assert (after.why, after.deleted) == ("初稿", False)
