"""The Working Calendar tab: a year of month grids with China's holidays and 调休, the
project's exceptions changed through undoable commands that re-flow the plan."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import holidays
import pytest
from PySide6.QtCore import QLocale, QSettings, Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from pm_desktop.core.errors import ValidationError
from pm_desktop.core.work_calendar import DayKind
from pm_desktop.services.container import Services
from pm_desktop.services.plan import CalendarDay, PlanService
from pm_desktop.ui.i18n import install_translators
from pm_desktop.ui.plan.calendar_tab import CalendarTab
from pm_desktop.ui.plan.context import PlanContext
from pm_desktop.ui.plan.workspace import PlanWorkspace
from pm_desktop.ui.services_loader import ServicesLoader

T = date(2026, 9, 28)  # a Monday: the contract is signed
TODAY = date(2026, 10, 16)
NATIONAL_DAY = date(2026, 10, 1)


@pytest.fixture
def project_id(services: Services) -> str:
    return services.projects.create("项目", contract_signed_on=T).id


@pytest.fixture
def undo_stack() -> Iterator[QUndoStack]:
    stack = QUndoStack()
    yield stack
    stack.clear()


def speaking(qapp: QApplication, language: str) -> Iterator[None]:
    """The app in ``language`` (translators and QLocale) for one test."""
    locale = QLocale()
    translators = install_translators(qapp, language)
    yield
    for translator in translators:
        qapp.removeTranslator(translator)
    QLocale.setDefault(locale)


@pytest.fixture
def english(qapp: QApplication) -> Iterator[None]:
    yield from speaking(qapp, "en")


@pytest.fixture
def chinese(qapp: QApplication) -> Iterator[None]:
    yield from speaking(qapp, "zh_CN")


def make_tab(
    qtbot: QtBot, services: Services, undo_stack: QUndoStack, project_id: str = ""
) -> CalendarTab:
    """The tab as the Plan workspace holds it: reloaded after every command, undo included."""
    tabs: list[CalendarTab] = []
    context = PlanContext(
        ServicesLoader.of(services), undo_stack, lambda _error: tabs[0].reload(), lambda: TODAY
    )
    context.project_id = project_id
    tab = CalendarTab(context)
    tabs.append(tab)
    qtbot.addWidget(tab)
    tab.resize(1400, 850)
    tab.show()
    qtbot.waitExposed(tab)
    tab.reload()
    return tab


@pytest.fixture
def tab(qtbot: QtBot, services: Services, undo_stack: QUndoStack, project_id: str) -> CalendarTab:
    return make_tab(qtbot, services, undo_stack, project_id)


def rows(tab: CalendarTab) -> list[list[str]]:
    tree = tab.exceptions
    return [
        [tree.topLevelItem(r).text(c) for c in range(4)]  # type: ignore[union-attr]
        for r in range(tree.topLevelItemCount())
    ]


def current_row(tab: CalendarTab) -> str | None:
    item = tab.exceptions.currentItem()
    return None if item is None or not item.isSelected() else item.text(0)


def test_the_year_view_shows_2026_holidays_and_adjusted_weekends(tab: CalendarTab) -> None:
    law = holidays.country_holidays("CN", years=2026, language="zh_CN")
    assert tab.year == T.year
    assert tab.year_label.text() == "2026"
    assert tab.selected_day == TODAY
    assert law.get(NATIONAL_DAY) == "国庆节"
    assert tab.view.kind(NATIONAL_DAY) is DayKind.HOLIDAY
    saturday_worked = date(2026, 10, 10)
    assert saturday_worked.weekday() == 5
    assert law.is_working_day(saturday_worked)
    assert tab.view.kind(saturday_worked) is DayKind.ADJUSTED_WORKDAY  # 调休, 班
    national_saturday = date(2026, 10, 3)
    assert national_saturday.weekday() == 5
    assert law.get(national_saturday) == "国庆节"
    assert tab.view.kind(national_saturday) is DayKind.HOLIDAY
    assert tab.view.kind(date(2026, 10, 17)) is DayKind.WEEKEND
    assert tab.view.kind(date(2026, 10, 9)) is DayKind.WORKDAY
    assert tab.view.cell_rect(NATIONAL_DAY).isValid()
    assert not tab.view.cell_rect(date(2027, 1, 1)).isValid()


@pytest.mark.usefixtures("chinese")
def test_a_tooltip_names_the_holiday_in_chinese(tab: CalendarTab) -> None:
    text = tab.describe_day(NATIONAL_DAY)
    assert text.startswith("2026-10-01 周四")
    assert "国庆节" in text


@pytest.mark.usefixtures("english")
def test_a_tooltip_names_the_holiday_in_english(tab: CalendarTab) -> None:
    text = tab.describe_day(NATIONAL_DAY)
    assert text.startswith("2026-10-01 Thu")
    assert "National Day" in text
    assert "Statutory holiday" in text


def test_closing_the_site_re_flows_the_plan_and_undo_restores_it(
    tab: CalendarTab, services: Services, project_id: str, undo_stack: QUndoStack
) -> None:
    task = services.plan.add_task(project_id, "安装", duration_days=3)
    finish = services.plan.get_task(task.id).finish_on
    assert finish == date(2026, 9, 30)
    closed = date(2026, 9, 29)
    asked: list[tuple[date, bool, str]] = []

    def answer(day: date, working: bool, current: str) -> str:
        asked.append((day, working, current))
        return "甲方机房停电"

    tab.ask_reason = answer
    tab.select_day(closed)
    assert tab.close_action.isEnabled()
    assert not tab.statutory_action.isEnabled()
    tab.close_action.trigger()

    assert asked == [(closed, False, "")]
    assert services.plan.calendar_days(project_id) == [CalendarDay(closed, False, "甲方机房停电")]
    moved = services.plan.get_task(task.id).finish_on
    assert moved == date(2026, 10, 8)  # 9-30, then the National Day week
    assert tab.view.kind(closed) is DayKind.PROJECT_OFF
    assert rows(tab)[0][0] == "2026-09-29"
    assert rows(tab)[0][3] == "甲方机房停电"
    assert current_row(tab) == "2026-09-29"
    assert not tab.error.isVisible()
    assert tab.statutory_action.isEnabled()

    undo_stack.undo()
    assert services.plan.calendar_days(project_id) == []
    assert services.plan.get_task(task.id).finish_on == finish
    assert tab.view.kind(closed) is DayKind.WORKDAY
    assert rows(tab) == []
    undo_stack.redo()
    assert services.plan.get_task(task.id).finish_on == moved
    assert len(rows(tab)) == 1


def test_cancelling_the_reason_changes_nothing(
    tab: CalendarTab, services: Services, project_id: str, undo_stack: QUndoStack
) -> None:
    tab.ask_reason = lambda _day, _working, _current: None
    tab.select_day(date(2026, 9, 29))
    tab.close_action.trigger()
    assert services.plan.calendar_days(project_id) == []
    assert undo_stack.count() == 0


@pytest.mark.qt_log_ignore(  # offscreen cannot raise the menu or give it the keyboard
    "This plugin does not support raise", "This plugin does not support grabbing", extend=True
)
def test_enter_opens_the_menu_and_working_a_weekend_counts(
    qtbot: QtBot, tab: CalendarTab, services: Services, project_id: str
) -> None:
    saturday = date(2026, 10, 17)
    before = services.plan.calendar(project_id).working_days(date(2026, 1, 1), date(2026, 12, 31))
    tab.ask_reason = lambda _day, _working, _current: "上线割接"
    tab.select_day(saturday)
    tab.view.setFocus()
    qtbot.keyClick(tab.view, Qt.Key.Key_Return)
    assert tab.menu.isVisible()
    assert [a.isEnabled() for a in tab.menu.actions()] == [False, True, False]
    tab.work_action.trigger()
    tab.menu.hide()
    assert tab.view.kind(saturday) is DayKind.PROJECT_WORKED
    assert [[row[0], row[3]] for row in rows(tab)] == [["2026-10-17", "上线割接"]]
    assert f"{before + 1} working day" in tab.summary.text()


def test_arrow_keys_move_the_selected_day_across_months_and_years(
    qtbot: QtBot, tab: CalendarTab
) -> None:
    moved: list[date] = []
    tab.selectedDayChanged.connect(moved.append)
    tab.select_day(NATIONAL_DAY)
    tab.view.setFocus()
    for key in (Qt.Key.Key_Right, Qt.Key.Key_Down, Qt.Key.Key_Left, Qt.Key.Key_Up):
        qtbot.keyClick(tab.view, key)
    assert moved[1:] == [date(2026, 10, 2), date(2026, 10, 9), date(2026, 10, 8), date(2026, 10, 1)]
    qtbot.keyClick(tab.view, Qt.Key.Key_PageDown)
    assert tab.selected_day == date(2026, 11, 1)
    assert tab.day_heading.text().startswith("2026-11-01")
    tab.select_day(date(2026, 12, 31))
    qtbot.keyClick(tab.view, Qt.Key.Key_Right)
    assert tab.selected_day == date(2027, 1, 1)
    assert tab.year == 2027
    assert tab.year_label.text() == "2027"
    assert tab.view.kind(date(2027, 1, 1)) is DayKind.HOLIDAY  # 元旦


def test_a_click_selects_a_day_and_the_year_buttons_turn_the_year(
    qtbot: QtBot, tab: CalendarTab
) -> None:
    day = date(2026, 6, 19)  # 端午节
    qtbot.mouseClick(
        tab.view, Qt.MouseButton.LeftButton, pos=tab.view.cell_rect(day).center().toPoint()
    )
    assert tab.selected_day == day
    assert tab.view.day_at(tab.view.cell_rect(day).center()) == day
    assert not tab.close_action.isEnabled()
    assert tab.work_action.isEnabled()
    qtbot.mouseClick(tab.next_year, Qt.MouseButton.LeftButton)
    assert tab.year == 2027
    assert tab.selected_day == date(2027, 6, 19)
    qtbot.mouseClick(tab.previous_year, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(tab.previous_year, Qt.MouseButton.LeftButton)
    assert tab.year == 2025


def test_the_exceptions_list_follows_and_delete_returns_a_day_to_the_law(
    qtbot: QtBot,
    tab: CalendarTab,
    services: Services,
    project_id: str,
    undo_stack: QUndoStack,
) -> None:
    services.plan.set_calendar_day(project_id, date(2026, 11, 25), False, "停电检修")
    services.plan.set_calendar_day(project_id, date(2027, 2, 6), True, "春节前赶工")
    tab.reload()
    assert [row[0] for row in rows(tab)] == ["2026-11-25", "2027-02-06"]
    assert "2 exception" in tab.summary.text()

    tab.exceptions.setCurrentItem(tab.exceptions.topLevelItem(1))
    assert tab.selected_day == date(2027, 2, 6)
    assert tab.year == 2027
    assert "春节前赶工" in tab.day_facts.text()
    tab.select_day(date(2026, 11, 25))
    assert current_row(tab) == "2026-11-25"
    tab.select_day(date(2026, 11, 26))
    assert current_row(tab) is None

    tab.select_day(date(2026, 11, 25))
    tab.exceptions.setFocus()
    qtbot.keyClick(tab.exceptions, Qt.Key.Key_Delete)
    assert [d.on_date for d in services.plan.calendar_days(project_id)] == [date(2027, 2, 6)]
    assert [row[0] for row in rows(tab)] == ["2027-02-06"]
    undo_stack.undo()
    assert [row[0] for row in rows(tab)] == ["2026-11-25", "2027-02-06"]
    tab.view.setFocus()
    qtbot.keyClick(tab.view, Qt.Key.Key_Delete)
    assert len(rows(tab)) == 1


def test_a_refused_change_shows_its_message(
    tab: CalendarTab, monkeypatch: pytest.MonkeyPatch, undo_stack: QUndoStack
) -> None:
    def refuse(*_args: object, **_kwargs: object) -> None:
        raise ValidationError("The calendar is locked.")

    monkeypatch.setattr(PlanService, "set_calendar_day", refuse)
    tab.ask_reason = lambda _day, _working, _current: ""
    tab.select_day(date(2026, 9, 29))
    error = tab.close_site()
    assert error is not None
    assert tab.error.isVisible()
    assert "The calendar is locked." in tab.error.text()
    assert undo_stack.count() == 0


def test_without_a_project_the_tab_is_disabled_with_a_hint(
    qtbot: QtBot, services: Services, undo_stack: QUndoStack
) -> None:
    tab = make_tab(qtbot, services, undo_stack)
    assert not tab.body.isEnabled()
    assert tab.hint.isVisible()
    assert tab.year == TODAY.year
    assert "by the statutory calendar" in tab.summary.text()
    assert tab.close_site() is None
    assert undo_stack.count() == 0


def test_in_the_plan_workspace_edit_undo_brings_the_day_back(
    qtbot: QtBot,
    services: Services,
    settings_path: Path,
    undo_stack: QUndoStack,
    project_id: str,
) -> None:
    workspace = PlanWorkspace(
        ServicesLoader.of(services),
        QSettings(str(settings_path), QSettings.Format.IniFormat),
        undo_stack,
    )
    qtbot.addWidget(workspace)
    workspace.resize(1400, 850)
    workspace.show()
    workspace.set_project(project_id)
    workspace.tabs.setCurrentWidget(workspace.calendar)
    tab = workspace.calendar
    assert tab.year == T.year
    tab.ask_reason = lambda _day, _working, _current: "停电"
    tab.select_day(date(2026, 9, 29))
    assert tab.close_site() is None
    assert [row[0] for row in rows(tab)] == ["2026-09-29"]
    undo_stack.undo()  # Edit ▸ Undo
    assert rows(tab) == []
    assert tab.view.kind(date(2026, 9, 29)) is DayKind.WORKDAY
