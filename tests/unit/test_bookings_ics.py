"""A person's site visits and the milestones as an iCalendar file, read back with icalendar."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from icalendar import Calendar, Component

from pm_desktop.core.resource_load import Milestone, Visit
from pm_desktop.export.ics import (
    BookingLabels,
    bookings_calendar,
    visit_uid,
    write_invitation,
)
from pm_desktop.services.container import Services

T = date(2026, 9, 28)
FRIDAY, MONDAY, WEDNESDAY = date(2026, 11, 6), date(2026, 11, 9), date(2026, 11, 11)
NOW = datetime(2026, 10, 20, 8, 0, tzinfo=UTC)


def events(data: bytes) -> list[Component]:
    return list(Calendar.from_ical(data).walk("VEVENT"))


def plan_visits(services: Services) -> tuple[str, str]:
    """王工 on-site Fri 6 to Mon 9 and on Wed 11 November; a milestone on Thu 12."""
    project = services.projects.create("华东制造集团MES二期", contract_signed_on=T).id
    person = services.team.add_person("王工").id
    for name, starts in (("需求调研", FRIDAY), ("访谈", MONDAY), ("方案汇报", WEDNESDAY)):
        task = services.plan.add_task(project, name, duration_days=1)
        services.plan.move_task(task.id, starts)
        services.plan.assign_task(task.id, person)
    milestone = services.plan.add_task(project, "方案确认", duration_days=0, is_milestone=True)
    services.plan.move_task(milestone.id, date(2026, 11, 12))
    return project, person


def export(services: Services, project: str, person: str) -> bytes:
    return bookings_calendar(
        "王工",
        services.resources.visits(person, from_day=date(2026, 11, 1)),
        services.resources.milestones([project]),
        calendar_name="王工 的驻场安排",
        now=NOW,
    )


def test_visits_and_milestones_are_all_day_events_with_chinese_text(services: Services) -> None:
    project, person = plan_visits(services)
    data = export(services, project, person)
    calendar = Calendar.from_ical(data)
    assert str(calendar["x-wr-calname"]) == "王工 的驻场安排"
    first, second, milestone = events(data)
    assert first["summary"] == "华东制造集团MES二期: 需求调研、访谈"
    assert first.decoded("dtstart") == FRIDAY
    assert first.decoded("dtend") == MONDAY + timedelta(days=1)  # exclusive
    assert "人员：王工" in first["description"]
    assert "最晚通知日：2026-10-30" in first["description"]
    assert (second.decoded("dtstart"), second.decoded("dtend")) == (
        WEDNESDAY,
        WEDNESDAY + timedelta(days=1),
    )
    assert milestone["summary"] == "里程碑：方案确认（华东制造集团MES二期）"
    assert milestone.decoded("dtstart") == date(2026, 11, 12)
    assert milestone["uid"].startswith("milestone-")


def test_the_reminder_rings_on_the_tell_by_day(services: Services) -> None:
    project, person = plan_visits(services)
    first = events(export(services, project, person))[0]
    [alarm] = first.walk("VALARM")
    assert str(alarm["action"]) == "DISPLAY"
    # 5 working days before Fri 6 November is Fri 30 October: 7 days earlier, at 09:00
    assert alarm.decoded("trigger") == -timedelta(days=7) + timedelta(hours=9)
    assert alarm["description"] == "通知王工：2026-11-06起到华东制造集团MES二期现场"


def test_uids_are_stable_so_a_new_export_updates_the_same_events(services: Services) -> None:
    project, person = plan_visits(services)
    before = {e["uid"] for e in events(export(services, project, person))}
    task = services.plan.add_task(project, "上线支持", duration_days=1)
    services.plan.move_task(task.id, date(2026, 11, 12))  # Thu: joins the Wednesday visit
    services.plan.assign_task(task.id, person)
    after = events(export(services, project, person))
    assert {e["uid"] for e in after} == before
    assert len({e["uid"] for e in after}) == 3
    assert after[1]["summary"] == "华东制造集团MES二期: 方案汇报、上线支持"


def test_a_visit_without_tell_by_date_is_reminded_days_ahead_and_labels_can_change(
    tmp_path: Path,
) -> None:
    visit = Visit(
        person_id="p",
        project_id="proj",
        starts_on=MONDAY,
        ends_on=MONDAY,
        labels=("一", "二", "三", "四"),
        peak_percent=50,
        working_days=1,
        source_ids=("a1",),
        project_name="甲项目",
    )
    labels = BookingLabels(visit_summary="{project} – {work}", separator=", ", more=" …")
    data = bookings_calendar(
        "Li",
        [visit],
        [Milestone("m1", "Go-live", MONDAY, "proj", "甲项目")],
        calendar_name="Li",
        labels=labels,
        reminder_days=3,
        now=NOW,
    )
    event, _ = events(data)
    assert event["summary"] == "甲项目 – 一, 二, 三 …"
    assert event["uid"] == visit_uid(visit)
    [alarm] = event.walk("VALARM")
    assert alarm.decoded("trigger") == -timedelta(days=3) + timedelta(hours=9)
    out = tmp_path / "li.ics"
    write_invitation(data, out)
    assert len(events(out.read_bytes())) == 2
