"""The Resources tab of the Plan workspace: the load heatmap (over 100 % in red, holidays
empty, weeks averaged), when each person is needed on site and by when to tell them, their
time away through undoable commands, and the .ics export of their bookings."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from icalendar import Calendar
from PySide6.QtCore import QDate, QPoint, Qt
from PySide6.QtGui import QColor, QUndoStack
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from pm_desktop.core.resource_load import Booking, BookingKind, Visit, build_heatmap, tell_by
from pm_desktop.core.work_calendar import WorkCalendar
from pm_desktop.services.container import Services
from pm_desktop.ui.plan.context import PlanContext
from pm_desktop.ui.plan.resources_tab import (
    ABSENCE_ID_ROLE,
    OVER_LOAD,
    HeatmapView,
    ResourcesTab,
    TimeAwayDialog,
    add_months,
    needs_telling,
    non_working_color,
    suggested_ics_name,
)
from pm_desktop.ui.services_loader import ServicesLoader
from tests.gui.conftest import answer_next_dialog

T_A = date(2026, 9, 28)  # a Monday: project A starts, just before National Day
T_B = date(2026, 10, 12)  # a Monday: project B starts
TODAY = date(2026, 9, 24)
NATIONAL_DAY = [date(2026, 10, 1) + timedelta(days=n) for n in range(7)]
OVERLAP = [date(2026, 10, 12), date(2026, 10, 13), date(2026, 10, 14)]
PERIOD_START = date(2026, 9, 1)


@pytest.fixture
def undo_stack() -> Iterator[QUndoStack]:
    stack = QUndoStack()
    yield stack
    stack.clear()


@pytest.fixture
def projects(services: Services) -> dict[str, str]:
    return {
        "A": services.projects.create("华东制造集团数字化转型", contract_signed_on=T_A).id,
        "B": services.projects.create("苏州工厂MES上线", contract_signed_on=T_B).id,
    }


@pytest.fixture
def people(services: Services, projects: dict[str, str]) -> dict[str, str]:
    """张伟: on A's team at 100 % for five weeks, and on B's three-day task at 50 %; 王芳 on A
    at 50 %; 李娜 in the pool only."""
    team, plan = services.team, services.plan
    found = {name: team.add_person(name).id for name in ("张伟", "王芳", "李娜")}
    team.assign(projects["A"], found["张伟"], "实施顾问", T_A, date(2026, 10, 30))
    team.assign(
        projects["A"], found["王芳"], "项目经理", T_A, date(2026, 10, 30), allocation_pct=50
    )
    task = plan.add_task(projects["B"], "系统上线支持", duration_days=3)
    plan.assign_task(task.id, found["张伟"], 50)
    return found


def make_tab(qtbot: QtBot, services: Services, undo_stack: QUndoStack) -> ResourcesTab:
    """The tab as the Plan workspace holds it: reloaded after every command, undo included."""
    tabs: list[ResourcesTab] = []
    context = PlanContext(
        ServicesLoader.of(services), undo_stack, lambda _error: tabs[0].reload(), lambda: TODAY
    )
    tab = ResourcesTab(context)
    tabs.append(tab)
    qtbot.addWidget(tab)
    tab.resize(1500, 850)
    tab.show()
    qtbot.waitExposed(tab)
    return tab


@pytest.fixture
def tab(
    qtbot: QtBot,
    services: Services,
    undo_stack: QUndoStack,
    projects: dict[str, str],
    people: dict[str, str],
) -> ResourcesTab:
    widget = make_tab(qtbot, services, undo_stack)
    widget._ctx.project_id = projects["A"]
    widget.reload()
    widget.set_period(PERIOD_START, 3)
    return widget


def row_of(tab: ResourcesTab, name: str) -> int:
    return next(n for n, row in enumerate(tab.view.rows) if row.name == name)


def pixel(view: HeatmapView, row: int, column: int) -> QColor:
    """The colour painted near the bottom left corner of a cell (clear of its number)."""
    view.scroll_to_column(column)
    view.ensure_row_visible(row)
    rect = view.cell_rect(row, column)
    image = view.viewport().grab().toImage()
    return image.pixelColor(QPoint(rect.left() + 2, rect.bottom() - 3))


# --- the heatmap ------------------------------------------------------------------------------


def test_two_projects_overlapping_show_over_100_percent_in_red(tab: ResourcesTab) -> None:
    view = tab.view
    row = row_of(tab, "张伟")
    for day in OVERLAP:
        column = view.column_of(day)
        assert view.rows[row].loads[column] == 150
        look = view.look(row, column)
        assert look.over
        assert look.text == "150"
        assert pixel(view, row, column) == OVER_LOAD
    after = view.column_of(date(2026, 10, 15))
    assert view.rows[row].loads[after] == 100
    assert not view.look(row, after).over
    assert "1 over-allocated" in tab.summary.text()
    tooltip = view.describe(row, view.column_of(OVERLAP[0]))
    assert "150 %" in tooltip
    assert "华东制造集团数字化转型: 100 %" in tooltip
    assert "苏州工厂MES上线: 50 %" in tooltip


def test_national_day_carries_no_load_and_shows_as_non_working(tab: ResourcesTab) -> None:
    view = tab.view
    row = row_of(tab, "张伟")
    grey = non_working_color(view.palette())
    for day in NATIONAL_DAY:
        column = view.column_of(day)
        assert view.rows[row].loads[column] == 0
        assert not tab.heatmap.working[column]  # type: ignore[union-attr]
        assert view.look(row, column).fill == grey
    assert view.rows[row].loads[view.column_of(date(2026, 10, 8))] == 100
    assert "non-working day" in view.describe(row, view.column_of(NATIONAL_DAY[0]))


def test_week_mode_averages_the_working_days(tab: ResourcesTab) -> None:
    tab.set_weekly(True)
    heatmap = tab.heatmap
    assert heatmap is not None
    assert heatmap.weekly
    view = tab.view
    row = row_of(tab, "张伟")
    column = view.column_of(date(2026, 10, 14))
    assert heatmap.columns[column] == date(2026, 10, 12)
    # Monday to Wednesday at 150 %, Thursday and Friday at 100 %: (3 × 150 + 2 × 100) / 5
    assert view.rows[row].loads[column] == 130
    assert view.rows[row].peaks[column] == 150
    assert view.look(row, column).over
    assert "Average load: 130 % (peak 150 %)" in view.describe(row, column)
    holiday_week = view.column_of(date(2026, 10, 5))
    # 10-05 to 10-07 are holidays; 10-08, 10-09 and Saturday 10-10 (调休) are worked at 100 %
    assert view.rows[row].loads[holiday_week] == 100


def test_project_scope_lists_its_people_and_the_pool_everyone(
    tab: ResourcesTab, people: dict[str, str]
) -> None:
    assert {row.name for row in tab.view.rows} == {"张伟", "王芳"}
    tab.set_scope(True)
    assert {row.name for row in tab.view.rows} == {"张伟", "王芳", "李娜"}
    assert tab.select_person(people["李娜"])
    assert tab.person_title.text() == "李娜"
    assert tab.visits_list.topLevelItemCount() == 0
    assert not tab.export_button.isEnabled()


def test_without_a_project_the_project_scope_shows_a_hint(
    qtbot: QtBot, services: Services, undo_stack: QUndoStack, people: dict[str, str]
) -> None:
    tab = make_tab(qtbot, services, undo_stack)
    tab.reload()
    assert tab.hint.isVisible()
    assert "Choose a project" in tab.hint.text()
    assert tab.view.rows == ()
    assert not tab.add_away_button.isEnabled()
    tab.set_scope(True)
    assert not tab.hint.isVisible()
    assert len(tab.view.rows) == 3


def test_clicking_a_row_shows_that_persons_details(
    qtbot: QtBot, tab: ResourcesTab, people: dict[str, str]
) -> None:
    view = tab.view
    row = row_of(tab, "王芳")
    rect = view.cell_rect(row, 3)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert tab.person_id == people["王芳"]
    assert tab.person_title.text() == "王芳"
    assert tab.visits_list.topLevelItemCount() == 1


def test_changing_the_from_date_waits_for_typing_to_stop(qtbot: QtBot, tab: ResourcesTab) -> None:
    tab.from_edit.setDate(QDate(2026, 10, 1))
    assert tab.heatmap is not None
    assert tab.heatmap.start == PERIOD_START  # not computed at each keystroke
    qtbot.waitUntil(lambda: tab.heatmap is not None and tab.heatmap.start == date(2026, 10, 1))
    assert tab.heatmap.end == date(2026, 12, 31)


# --- needed on site ---------------------------------------------------------------------------


def test_visits_show_the_tell_by_date_and_amber_when_it_has_come(
    tab: ResourcesTab, people: dict[str, str]
) -> None:
    assert tab.select_person(people["张伟"])
    visits = tab.visits_list
    assert visits.topLevelItemCount() == 2
    first, second = visits.topLevelItem(0), visits.topLevelItem(1)
    assert first.text(2) == "华东制造集团数字化转型"
    assert first.text(0) == "09-28 – 10-30"
    assert first.text(3) == "实施顾问"
    due = tell_by(WorkCalendar(), T_A)
    assert due <= TODAY  # the Mid-Autumn holiday eats into the notice
    assert first.text(5).startswith(due.strftime("%m-%d"))
    assert first.background(5).color().alpha() > 0  # amber: tell them now
    assert second.text(2) == "苏州工厂MES上线"
    assert second.text(3) == "系统上线支持"
    assert second.text(5).startswith(tell_by(WorkCalendar(), T_B).strftime("%m-%d"))
    assert second.background(5).style().name == "NoBrush"


# --- time away --------------------------------------------------------------------------------


def fill_away(start: date, end: date, reason: str) -> None:
    def fill(dialog: QDialog) -> None:
        assert isinstance(dialog, TimeAwayDialog)
        dialog.starts_on.setDate(QDate(start.year, start.month, start.day))
        dialog.ends_on.setDate(QDate(end.year, end.month, end.day))
        dialog.reason.setText(reason)
        dialog.accept()

    answer_next_dialog(fill)


def test_time_away_added_through_the_dialog_is_hatched_and_undone(
    tab: ResourcesTab, people: dict[str, str], undo_stack: QUndoStack
) -> None:
    tab.select_person(people["张伟"])
    fill_away(date(2026, 10, 19), date(2026, 10, 21), "年假")
    absence_id = tab.add_time_away()
    assert absence_id
    assert tab.away_list.topLevelItemCount() == 1
    assert tab.away_list.topLevelItem(0).text(3) == "年假"
    view, row = tab.view, row_of(tab, "张伟")
    away = [view.column_of(date(2026, 10, 19) + timedelta(days=n)) for n in range(3)]
    for column in away:
        look = view.look(row, column)
        assert look.hatched
        assert look.conflict  # still booked on A on those working days
    assert "年假" in view.describe(row, away[0])
    assert not view.look(row, view.column_of(date(2026, 10, 22))).hatched
    assert undo_stack.count() == 1

    undo_stack.undo()
    assert tab.away_list.topLevelItemCount() == 0
    assert not any(view.look(row, column).hatched for column in away)
    undo_stack.redo()
    assert tab.away_list.topLevelItemCount() == 1
    assert tab.away_list.topLevelItem(0).data(0, ABSENCE_ID_ROLE) == absence_id  # the same row back


def test_a_refused_period_stays_in_the_dialog_with_what_was_typed(
    tab: ResourcesTab, people: dict[str, str], undo_stack: QUndoStack
) -> None:
    tab.select_person(people["王芳"])
    seen: list[str] = []

    def fill(dialog: QDialog) -> None:
        assert isinstance(dialog, TimeAwayDialog)
        dialog.starts_on.setDate(QDate(2026, 11, 10))
        dialog.ends_on.setDate(QDate(2029, 11, 10))  # a year typed wrong: three years away
        dialog.reason.setText("培训")
        dialog.accept()
        message = dialog.findChild(QWidget, "error-ends_on")
        assert message is not None
        seen.append(message.text() if message.isVisible() else "")
        assert dialog.isVisible()
        assert dialog.reason.text() == "培训"
        dialog.ends_on.setDate(QDate(2026, 11, 12))
        dialog.accept()

    answer_next_dialog(fill)
    assert tab.add_time_away()
    assert "two years" in seen[0]
    assert undo_stack.count() == 1
    assert tab.away_list.topLevelItem(0).text(2) == "3"


def test_removing_time_away_is_undoable(
    services: Services, tab: ResourcesTab, people: dict[str, str], undo_stack: QUndoStack
) -> None:
    services.resources.add_unavailability(
        people["王芳"], date(2026, 10, 26), date(2026, 10, 27), "客户现场外出"
    )
    tab.reload()
    tab.select_person(people["王芳"])
    assert tab.away_list.topLevelItemCount() == 1
    tab.away_list.setCurrentItem(tab.away_list.topLevelItem(0))
    assert tab.remove_away_button.isEnabled()
    assert tab.remove_time_away() is None
    assert tab.away_list.topLevelItemCount() == 0
    assert services.resources.unavailability(people["王芳"]) == []
    undo_stack.undo()
    assert tab.away_list.topLevelItemCount() == 1


# --- .ics ---------------------------------------------------------------------------------------


def test_ics_export_writes_the_visits_and_milestones(
    services: Services,
    tab: ResourcesTab,
    people: dict[str, str],
    projects: dict[str, str],
    tmp_path: Path,
) -> None:
    services.plan.add_task(projects["A"], "方案评审", is_milestone=True, offset_days=10)
    tab.reload()
    tab.select_person(people["张伟"])
    assert tab.export_button.isEnabled()
    out = tmp_path / "张伟.ics"
    assert tab.export_ics(out) == out
    events = [c for c in Calendar.from_ical(out.read_bytes()).walk() if c.name == "VEVENT"]
    spans = {(e.decoded("dtstart"), e.decoded("dtend")) for e in events}
    assert (T_A, date(2026, 10, 31)) in spans  # all day, the end exclusive
    assert (T_B, date(2026, 10, 15)) in spans
    summaries = [str(e.get("summary")) for e in events]
    assert any("方案评审" in s for s in summaries)
    assert not list(tmp_path.glob(".*"))  # no draft left behind


def test_an_unwritable_ics_path_is_reported(
    monkeypatch: pytest.MonkeyPatch, tab: ResourcesTab, people: dict[str, str], tmp_path: Path
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "warning", lambda _parent, _title, text, *_a: shown.append(text)
    )
    tab.select_person(people["张伟"])
    assert tab.export_ics(tmp_path / "missing" / "张伟.ics") is None
    assert "could not be saved" in shown[0]
    assert "does not exist" in shown[0]


def test_suggested_file_name_is_safe() -> None:
    assert suggested_ics_name("张伟") == "张伟-site schedule.ics"
    assert "/" not in suggested_ics_name("a/b")


# --- helpers and scale --------------------------------------------------------------------------


def test_months_and_telling() -> None:
    assert add_months(date(2026, 1, 31), 1) == date(2026, 2, 28)
    assert add_months(date(2026, 11, 15), 3) == date(2027, 2, 15)
    visit_start = date(2026, 10, 12)
    visit = Visit("p", "x", visit_start, visit_start, (), 100, 1, tell_by=date(2026, 9, 30))
    assert not needs_telling(visit, date(2026, 9, 29))
    assert needs_telling(visit, date(2026, 9, 30))
    assert not needs_telling(visit, visit_start)  # arrived: too late to tell


def test_a_year_of_two_hundred_people_paints_quickly(qtbot: QtBot) -> None:
    start, end = date(2026, 1, 1), date(2026, 12, 31)
    people = [(f"p{n}", f"人员{n:03d}") for n in range(200)]
    bookings = [
        Booking(f"p{n}", "x", start + timedelta(days=n), end, 60 + n % 70, kind=BookingKind.TEAM)
        for n in range(200)
    ]
    heatmap = build_heatmap(people, bookings, [], start, end, calendar=WorkCalendar())
    view = HeatmapView()
    qtbot.addWidget(view)
    view.resize(1500, 600)
    view.show()
    qtbot.waitExposed(view)
    view.set_heatmap(heatmap, {}, date(2026, 6, 1))
    began = time.perf_counter()
    for step in range(5):
        view.horizontalScrollBar().setValue(step * 1500)
        view.viewport().repaint()
    assert (time.perf_counter() - began) / 5 < 0.1
