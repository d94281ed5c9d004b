"""Pool, templates, project team, RACI and cost on a real SQLite file."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import select

from pm_desktop.core.cost import WORKING_DAYS_PER_MONTH
from pm_desktop.core.enums import PersonKind, PoolEventKind, ProjectType, Raci, ServiceOrderType
from pm_desktop.core.errors import ValidationError
from pm_desktop.core.team import RaciProblemKind, RoleSpec, raci_rows
from pm_desktop.core.work_calendar import WorkCalendar
from pm_desktop.services.container import Services
from pm_desktop.storage.models import ChangeLogEntry, TeamTemplate, TemplateRole

START, END = date(2026, 11, 2), date(2026, 12, 31)


@pytest.fixture
def project_id(services: Services) -> str:
    return services.projects.create("集团ERP二开").id


def test_builtin_templates_are_installed_once_and_cover_the_project_types(
    services: Services,
) -> None:
    first = services.team.templates()
    assert {t.project_type for t in first} >= {
        ProjectType.CUSTOMISATION,
        ProjectType.IMPLEMENTATION,
        ProjectType.OPERATIONS,
        ProjectType.CONSULTING,
    }
    customisation = next(t for t in first if t.builtin_key == "customisation")
    assert "产品经理" in [r.name for r in customisation.roles]  # 二开 must staff it
    assert [t.id for t in services.team.templates()] == [t.id for t in first]


def test_role_names_that_collide_are_refused(services: Services) -> None:
    roles = [RoleSpec("", "开发"), RoleSpec("", " 开发 ")]
    with pytest.raises(ValidationError) as caught:
        services.team.create_template("我的模板", ProjectType.OTHER, roles=roles)
    assert caught.value.field == "roles"
    assert all(t.name != "我的模板" for t in services.team.templates())


def test_applying_a_template_lists_unfilled_roles_until_staffed(
    services: Services, project_id: str
) -> None:
    template = next(t for t in services.team.templates() if t.builtin_key == "operations")
    services.team.apply_template(project_id, template.id)
    unfilled = {u.role.name: u.missing for u in services.team.check(project_id).unfilled}
    assert unfilled == {"运维负责人": 1, "驻场运维": 1}
    person = services.team.add_person("陈工", day_rate_fen=1_200_00, month_rate_fen=24_000_00)
    services.team.assign(project_id, person.id, "驻场运维", START, END)
    unfilled = {u.role.name for u in services.team.check(project_id).unfilled}
    assert unfilled == {"运维负责人"}


def test_over_allocation_across_projects_is_flagged(services: Services, project_id: str) -> None:
    other = services.projects.create("另一个项目").id
    person = services.team.add_person("王工")
    services.team.assign(project_id, person.id, "开发", START, END, allocation_pct=60)
    services.team.assign(
        other, person.id, "开发", date(2026, 12, 1), date(2027, 1, 31), allocation_pct=50
    )
    (over,) = services.team.check(project_id).over
    assert (over.starts_on, over.ends_on, over.peak_pct) == (date(2026, 12, 1), END, 110)
    assert set(over.project_ids) == {project_id, other}
    # Available means in the pool, not away and not fully booked on any day of the period.
    booked_full = {p.id for p in services.team.people(available_from=date(2026, 12, 5))}
    booked_60 = {p.id for p in services.team.people(available_from=date(2026, 11, 5))}
    assert person.id not in booked_full
    assert person.id in booked_60


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"allocation_pct": 120}, "allocation_pct"),
        ({"allocation_pct": 0}, "allocation_pct"),
        ({"ends_on": date(2026, 10, 1)}, "ends_on"),
        ({"package_price_fen": -1}, "package_price_fen"),
    ],
)
def test_bad_assignment_values_are_refused_at_their_field(
    services: Services, project_id: str, changes: dict[str, object], field: str
) -> None:
    person = services.team.add_person("赵工")
    assignment = services.team.assign(project_id, person.id, "测试", START, END)
    with pytest.raises(ValidationError) as caught:
        services.team.update_assignment(assignment.id, **changes)
    assert caught.value.field == field
    assert services.team.assignments(project_id) == [assignment]


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"day_rate_fen": -100}, "day_rate_fen"),
        ({"month_rate_fen": 10**12}, "month_rate_fen"),
        ({"name": "  "}, "name"),
    ],
)
def test_negative_or_absurd_rates_are_refused(
    services: Services, fields: dict[str, object], field: str
) -> None:
    person = services.team.add_person("钱工", day_rate_fen=1_000_00)
    with pytest.raises(ValidationError) as caught:
        services.team.update_person(person.id, **fields)
    assert caught.value.field == field
    assert services.team.person(person.id).day_rate_fen == 1_000_00


def test_pool_lifecycle_and_red_black_records(services: Services, project_id: str) -> None:
    person = services.team.add_person(
        "外包小李", kind=PersonKind.OUTSOURCED, skills=["Java", "java "]
    )
    assert person.skills == ("Java",)
    assert [e.kind for e in services.team.events(person.id)] == [PoolEventKind.ENTERED]
    with pytest.raises(ValidationError):
        services.team.add_event(person.id, PoolEventKind.BLACK, date.today())  # no note
    services.team.add_event(person.id, PoolEventKind.BLACK, date.today(), "上线前夜失联")
    services.team.assign(project_id, person.id, "开发", START, END)
    services.team.add_event(person.id, PoolEventKind.LEFT, date.today(), "合同到期")
    record = services.team.person(person.id)
    assert (record.in_pool, record.black) == (False, 1)
    assert [p.name for p in services.team.check(project_id).left_pool] == ["外包小李"]
    assert [p.name for p in services.team.people(skill="jav")] == ["外包小李"]
    assert services.team.people(skill="jav", include_left=False) == []


def test_raci_checks_one_accountable_and_a_responsible(services: Services, project_id: str) -> None:
    a, b = services.team.add_person("甲"), services.team.add_person("乙")
    services.team.set_raci(project_id, "蓝图方案", a.id, Raci.RESPONSIBLE)
    (row,) = raci_rows(services.team.raci(project_id))
    assert row.problems == (RaciProblemKind.NO_ACCOUNTABLE,)
    services.team.set_raci(project_id, "蓝图方案", b.id, Raci.ACCOUNTABLE)
    (row,) = raci_rows(services.team.raci(project_id))
    assert (row.problems, row.writers, row.reviewers) == ((), (a.id,), (b.id,))
    services.team.set_raci(project_id, "蓝图方案", a.id, None)
    services.team.rename_work_item(project_id, "蓝图方案", "蓝图方案 V2")
    (row,) = raci_rows(services.team.raci(project_id))
    assert (row.work_item, row.problems) == ("蓝图方案 V2", (RaciProblemKind.NO_RESPONSIBLE,))


def test_cost_follows_the_chinese_calendar_and_the_order_types(
    services: Services, project_id: str
) -> None:
    person = services.team.add_person("孙工", day_rate_fen=1_500_00, month_rate_fen=30_000_00)
    services.team.assign(project_id, person.id, "开发", START, END)  # D, two months
    short_start = date(2026, 9, 28)
    services.team.assign(
        project_id,
        person.id,
        "测试",
        short_start,
        short_start + timedelta(days=13),
        allocation_pct=50,
    )  # D, 14 days spanning National Day: fewer than 22 working days
    services.team.assign(
        project_id,
        person.id,
        "运维",
        START,
        END,
        order_type=ServiceOrderType.B,
        package_price_fen=50_000_00,
    )
    calendar = WorkCalendar()
    long_days = calendar.working_days(START, END)
    short_days = calendar.working_days(short_start, short_start + timedelta(days=13))
    assert short_days < WORKING_DAYS_PER_MONTH <= long_days
    result = services.team.cost(project_id)
    expected_d = (30_000_00 * long_days * 2 + WORKING_DAYS_PER_MONTH) // (
        2 * WORKING_DAYS_PER_MONTH
    )
    expected_short = (1_500_00 * short_days * 50 + 50) // 100
    assert result.by_type[ServiceOrderType.D] == expected_d + expected_short
    assert result.by_type[ServiceOrderType.B] == 50_000_00
    assert result.by_role == {"开发": expected_d, "测试": expected_short, "运维": 50_000_00}
    assert result.total_fen == expected_d + expected_short + 50_000_00


def test_a_type_b_assignment_needs_its_package_price(services: Services, project_id: str) -> None:
    person = services.team.add_person("包工")
    with pytest.raises(ValidationError) as caught:
        services.team.assign(
            project_id, person.id, "运维", START, END, order_type=ServiceOrderType.B
        )
    assert caught.value.field == "package_price_fen"
    assignment = services.team.assign(project_id, person.id, "运维", START, END)
    services.team.update_assignment(assignment.id, order_type=ServiceOrderType.B)
    assert [a.id for a in services.team.check(project_id).unpriced] == [assignment.id]


def test_a_work_item_cannot_be_renamed_to_an_existing_one(
    services: Services, project_id: str
) -> None:
    a = services.team.add_person("甲")
    services.team.set_raci(project_id, "调研报告", a.id, Raci.RESPONSIBLE)
    services.team.set_raci(project_id, "蓝图方案", a.id, Raci.ACCOUNTABLE)
    with pytest.raises(ValidationError) as caught:
        services.team.rename_work_item(project_id, "调研报告", "蓝图方案")
    assert caught.value.field == "work_item"
    assert len(raci_rows(services.team.raci(project_id))) == 2


def test_someone_on_a_team_is_not_deleted_from_the_pool(
    services: Services, project_id: str
) -> None:
    person = services.team.add_person("马超")
    services.team.assign(project_id, person.id, "顾问", START, END)
    with pytest.raises(ValidationError, match="left the pool"):
        services.team.remove_person(person.id)
    assert [p.name for p in services.team.people()] == ["马超"]


def test_builtin_templates_get_the_same_ids_on_every_laptop(
    services: Services, template_db: object, tmp_path: object
) -> None:
    import shutil
    from pathlib import Path

    other_path = Path(str(tmp_path)) / "other.sqlite"
    shutil.copyfile(str(template_db), other_path)
    other = Services.open(other_path)
    try:
        mine = {t.builtin_key: (t.id, [r.id for r in t.roles]) for t in services.team.templates()}
        theirs = {t.builtin_key: (t.id, [r.id for r in t.roles]) for t in other.team.templates()}
    finally:
        other.close()
    assert mine == theirs


def test_unfilled_roles_propose_people_of_the_pool(services: Services, project_id: str) -> None:
    template = next(t for t in services.team.templates() if t.builtin_key == "operations")
    services.team.apply_template(project_id, template.id)
    other = services.projects.create("老项目").id
    veteran = services.team.add_person("老运维")
    services.team.assign(other, veteran.id, "驻场运维", date(2025, 1, 1), date(2025, 6, 30))
    services.team.add_person("小王", skills=["Linux", "运维"])
    busy = services.team.add_person("忙人", skills=["运维"])
    services.team.assign(other, busy.id, "驻场运维", date(2026, 1, 1), date(2027, 12, 31))
    services.team.add_person("前端", skills=["React"])
    lead = services.team.add_person("组长")
    services.team.assign(project_id, lead.id, "运维负责人", START, END)
    unfilled = {u.role.name: u for u in services.team.check(project_id).unfilled}
    proposed = [p.name for p in unfilled["驻场运维"].candidates]
    assert proposed == ["老运维", "小王"]  # held the role before, then by skill; not the busy one


def test_a_projects_own_template_and_its_roles_sync_with_the_project_only(
    services: Services, project_id: str
) -> None:
    """The copy a project gets, roles included, goes in the project's change stream, so
    colleagues not on the project never receive it (team-wide rows go to everyone)."""
    template = next(t for t in services.team.templates() if t.builtin_key == "operations")
    copy = services.team.apply_template(project_id, template.id)
    services.team.update_template(
        copy.id, roles=[*(RoleSpec(r.id, r.name) for r in copy.roles), RoleSpec("", "安全员")]
    )

    with services.store.read() as session:
        roles = session.scalars(select(TemplateRole).where(TemplateRole.template_id == copy.id))
        live = {r.name: r.project_id for r in roles if not r.deleted}
        assert {"运维负责人", "驻场运维", "安全员"} <= set(live)
        assert set(live.values()) == {project_id}
        logged = session.scalars(
            select(ChangeLogEntry.project_id).where(
                ChangeLogEntry.table_name.in_(
                    [TeamTemplate.__tablename__, TemplateRole.__tablename__]
                ),
                ChangeLogEntry.row_id.in_(
                    [
                        copy.id,
                        *session.scalars(
                            select(TemplateRole.id).where(TemplateRole.template_id == copy.id)
                        ),
                    ]
                ),
            )
        )
        assert set(logged) == {project_id}
