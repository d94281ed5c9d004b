"""The action tracker as a PM uses it: filters, overdue marks, paging, bulk status, scope."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from pm_desktop.core.enums import ActionStatus, MeetingType
from pm_desktop.core.errors import StorageError
from pm_desktop.core.projects import ProjectSummary
from pm_desktop.services.container import Services
from pm_desktop.ui.tracker import ActionTrackerView, Column, TrackerModel
from pm_desktop.ui.tracker.labels import OVERDUE

TODAY = date(2026, 11, 25)
#: What, Who, due in days from TODAY (None: no due date), status.
Row = tuple[str, str, int | None, ActionStatus]
ACTIONS: list[Row] = [
    ("开通系统只读账号", "陈志强", -20, ActionStatus.IN_PROGRESS),
    ("收集缺料停线案例", "孙磊", -3, ActionStatus.OPEN),
    ("确认数据接口范围", "", 2, ActionStatus.OPEN),
    ("提交调研报告初稿", "黄磊", 5, ActionStatus.OPEN),
    ("确认验收材料", "周静", -10, ActionStatus.DONE),
    ("确定方案汇报时间", "张伟", None, ActionStatus.OPEN),
    ("取消的旧事项", "张伟", 1, ActionStatus.CANCELLED),
]


def add_project(services: Services, name: str, actions: list[Row]) -> ProjectSummary:
    project = services.projects.create(name)
    meeting = services.meetings.create(
        project.id,
        MeetingType.WEEKLY_STATUS,
        f"{name} 周例会",
        datetime(2026, 11, 2, 2, tzinfo=UTC),
    )
    for what, who, days, status in actions:
        due = None if days is None else TODAY + timedelta(days=days)
        added = services.meetings.add_action(meeting.id, what, who=who, due_on=due, why="推进")
        if status != ActionStatus.OPEN:
            services.meetings.set_action_status([added.id], status)
    return project


@pytest.fixture
def project(services: Services) -> ProjectSummary:
    return add_project(services, "华东制造", ACTIONS)


@pytest.fixture
def tracker(qtbot: QtBot, services: Services, project: ProjectSummary) -> ActionTrackerView:
    view = ActionTrackerView(lambda: services, today=lambda: TODAY)
    qtbot.addWidget(view)
    view.resize(1100, 600)
    view.show()
    qtbot.waitExposed(view)
    view.set_project(project.id)
    return view


def shown(view: ActionTrackerView, column: Column = Column.WHAT) -> list[str]:
    model = view.model
    return [model.index(row, column).data() for row in range(model.rowCount())]


def test_open_items_of_the_project_show_by_due_date(tracker: ActionTrackerView) -> None:
    assert shown(tracker) == [
        "开通系统只读账号",
        "收集缺料停线案例",
        "确认数据接口范围",
        "提交调研报告初稿",
        "确定方案汇报时间",  # no due date: last
    ]
    assert tracker.count_label.text() == "5 action item(s)"
    assert tracker.model.columnCount() == len(Column) - 1  # no Project column
    owners = [tracker.filter_bar.owner.itemText(i) for i in range(tracker.filter_bar.owner.count())]
    assert owners == ["", "周静", "孙磊", "张伟", "陈志强", "黄磊"]
    assert tracker.filter_bar.overdue_only.text() == "Overdue only (2)"


def test_the_model_passes_the_model_tester(
    tracker: ActionTrackerView, qtmodeltester: ModelTester
) -> None:
    tracker.filter_bar.all_projects.setChecked(True)
    qtmodeltester.check(tracker.model)


def test_filters_narrow_the_rows(qtbot: QtBot, tracker: ActionTrackerView) -> None:
    bar = tracker.filter_bar
    bar.search.insert("确认")  # typed (keyClicks cannot send Chinese)
    qtbot.waitUntil(lambda: shown(tracker) == ["确认数据接口范围"])
    bar.status.setCurrentIndex(0)  # all statuses
    assert shown(tracker) == ["确认验收材料", "确认数据接口范围"]
    bar.search.clear()

    bar.owner.setEditText("张")
    qtbot.waitUntil(lambda: shown(tracker) == ["取消的旧事项", "确定方案汇报时间"])
    bar.owner.setEditText("")
    qtbot.waitUntil(lambda: len(shown(tracker)) == len(ACTIONS))

    bar.status.setCurrentIndex(bar.status.findText("Done"))
    assert shown(tracker) == ["确认验收材料"]
    bar.status.setCurrentIndex(0)

    bar.due_from.set_value(TODAY)
    bar.due_to.set_value(TODAY + timedelta(days=2))
    assert shown(tracker) == ["取消的旧事项", "确认数据接口范围"]
    assert tracker.count_label.text() == "2 action item(s)"
    bar.due_from.set_value(None)
    bar.due_to.set_value(None)

    bar.overdue_only.setChecked(True)
    assert shown(tracker) == ["开通系统只读账号", "收集缺料停线案例"]


def test_sorting_by_owner_from_the_combo_or_the_header(tracker: ActionTrackerView) -> None:
    bar = tracker.filter_bar
    bar.sort.setCurrentIndex(bar.sort.findText("Owner"))
    assert shown(tracker, Column.WHO)[0] == "To be set"  # no owner sorts first
    tracker.filter_bar.set_sort(tracker.filter_bar.criteria().sort)
    tracker.table.horizontalHeader().sectionClicked.emit(Column.WHEN)
    assert bar.sort.currentText() == "Due date"
    assert shown(tracker)[0] == "开通系统只读账号"
    assert tracker.table.horizontalHeader().sortIndicatorSection() == Column.WHEN


def test_no_match_and_clear_filters(qtbot: QtBot, tracker: ActionTrackerView) -> None:
    tracker.filter_bar.search.setText("没有这样的事项")
    qtbot.waitUntil(lambda: tracker.pages.currentWidget() is tracker.empty_page)
    assert tracker.empty_page.title.text() == "No action items match"
    tracker.empty_page.button.click()
    assert tracker.pages.currentWidget() is tracker.table
    assert len(shown(tracker)) == 5


def test_a_project_without_actions_says_where_they_come_from(
    services: Services, tracker: ActionTrackerView
) -> None:
    empty = services.projects.create("空项目")
    tracker.set_project(empty.id)
    assert tracker.pages.currentWidget() is tracker.empty_page
    assert tracker.empty_page.title.text() == "No action items yet"
    assert not tracker.empty_page.button.isVisibleTo(tracker)


def test_overdue_and_incomplete_items_are_marked(tracker: ActionTrackerView) -> None:
    model = tracker.model
    overdue = model.index(0, Column.WHEN)
    assert overdue.data(Qt.ItemDataRole.ForegroundRole) == OVERDUE
    assert overdue.data(Qt.ItemDataRole.FontRole).bold()
    assert "Overdue by 20 day(s)." in overdue.data(Qt.ItemDataRole.ToolTipRole)
    assert model.index(0, Column.WHAT).data(Qt.ItemDataRole.BackgroundRole) is not None
    due_later = model.index(3, Column.WHEN)
    assert due_later.data(Qt.ItemDataRole.ForegroundRole) != OVERDUE
    assert model.index(3, Column.WHAT).data(Qt.ItemDataRole.BackgroundRole) is None

    no_owner = model.index(2, Column.WHO)
    assert no_owner.data() == "To be set"
    assert no_owner.data(Qt.ItemDataRole.FontRole).italic()
    assert model.index(4, Column.WHEN).data() == "To be set"
    tip = model.index(4, Column.WHAT).data(Qt.ItemDataRole.ToolTipRole)
    assert "Why: 推进" in tip
    assert "Meeting: 华东制造 周例会" in tip


def test_done_items_are_never_overdue(tracker: ActionTrackerView) -> None:
    tracker.filter_bar.status.setCurrentIndex(0)
    row = shown(tracker).index("确认验收材料")
    assert tracker.model.index(row, Column.WHEN).data(Qt.ItemDataRole.ForegroundRole) != OVERDUE


def test_pages_are_fetched_as_the_table_scrolls(
    qtbot: QtBot, services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(TrackerModel, "PAGE_SIZE", 4)
    many = [(f"事项{n:02d}", "刘洋", n, ActionStatus.OPEN) for n in range(10)]
    project = add_project(services, "大项目", many)
    view = ActionTrackerView(lambda: services, today=lambda: TODAY)
    qtbot.addWidget(view)
    view.resize(900, 200)  # a few rows fit: the rest comes as the table scrolls
    view.show()
    qtbot.waitExposed(view)
    view.set_project(project.id)
    assert view.model.rowCount() == 4
    assert view.count_label.text() == "Showing 4 of 10"
    assert view.model.canFetchMore(view.model.index(-1, -1))
    view.table.scrollToBottom()
    qtbot.waitUntil(lambda: view.model.rowCount() == 8)
    assert view.count_label.text() == "Showing 8 of 10"
    view.model.fetchMore(view.model.index(-1, -1))
    assert shown(view) == [f"事项{n:02d}" for n in range(10)]
    assert not view.model.canFetchMore(view.model.index(-1, -1))
    assert view.count_label.text() == "10 action item(s)"


def select_rows(view: ActionTrackerView, whats: list[str]) -> None:
    view.table.clearSelection()
    for what in whats:
        row = shown(view).index(what)
        view.table.selectionModel().select(
            view.model.index(row, 0),
            view.table.selectionModel().SelectionFlag.Select
            | view.table.selectionModel().SelectionFlag.Rows,
        )


def statuses_in_db(services: Services, project: ProjectSummary) -> dict[str, ActionStatus]:
    meeting = services.meetings.of_project(project.id)[0]
    return {a.what: a.status for a in services.meetings.minutes(meeting.id).actions}


def test_bulk_status_change_updates_rows_and_database(
    services: Services, project: ProjectSummary, tracker: ActionTrackerView
) -> None:
    tracker.filter_bar.status.setCurrentIndex(0)  # all statuses: the rows stay in view
    assert not tracker.mark_actions[ActionStatus.DONE].isEnabled()
    select_rows(tracker, ["收集缺料停线案例", "确认数据接口范围"])
    assert tracker.selection_label.text() == "2 selected"
    tracker.mark_actions[ActionStatus.DONE].trigger()

    statuses = dict(zip(shown(tracker), shown(tracker, Column.STATUS), strict=True))
    assert statuses["收集缺料停线案例"] == "Done"
    assert statuses["确认数据接口范围"] == "Done"
    assert statuses["提交调研报告初稿"] == "Open"
    assert tracker.selection_label.text() == "2 selected"  # the selection survives the refresh
    assert tracker.notice_label.text() == "2 item(s) marked “Done”."
    in_db = statuses_in_db(services, project)
    assert in_db["收集缺料停线案例"] == ActionStatus.DONE
    assert in_db["确认数据接口范围"] == ActionStatus.DONE
    meeting = services.meetings.of_project(project.id)[0]
    changed = next(a for a in services.meetings.minutes(meeting.id).actions if a.number == 2)
    assert [h.status for h in changed.history] == [ActionStatus.OPEN, ActionStatus.DONE]


def test_done_items_leave_the_open_view_and_undo_brings_them_back(
    services: Services, project: ProjectSummary, tracker: ActionTrackerView
) -> None:
    stack = QUndoStack()
    tracker.set_undo_stack(stack)
    select_rows(tracker, ["开通系统只读账号", "收集缺料停线案例"])
    tracker.set_status(ActionStatus.DONE)
    assert "开通系统只读账号" not in shown(tracker)
    assert tracker.filter_bar.overdue_only.text() == "Overdue only"
    assert stack.undoText() == "Mark 2 action items “Done”"

    stack.undo()
    assert shown(tracker)[:2] == ["开通系统只读账号", "收集缺料停线案例"]
    in_db = statuses_in_db(services, project)
    assert in_db["开通系统只读账号"] == ActionStatus.IN_PROGRESS  # each back to its own status
    assert in_db["收集缺料停线案例"] == ActionStatus.OPEN
    stack.redo()
    assert statuses_in_db(services, project)["开通系统只读账号"] == ActionStatus.DONE


def test_a_failed_change_is_explained(
    services: Services, tracker: ActionTrackerView, monkeypatch: pytest.MonkeyPatch
) -> None:
    def locked(*_args: object, **_kwargs: object) -> None:
        raise StorageError("database is locked", reason="busy")

    shown_messages: list[str] = []

    def warning(_parent: QWidget, _title: str, text: str) -> QMessageBox.StandardButton:
        shown_messages.append(text)
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(services.meetings, "set_action_status", locked)
    monkeypatch.setattr(QMessageBox, "warning", warning)
    select_rows(tracker, ["收集缺料停线案例"])
    tracker.set_status(ActionStatus.DONE)
    assert len(shown_messages) == 1
    assert shown_messages[0].startswith("Another program is holding the database locked.")
    assert tracker.notice_label.text() == ""
    assert shown(tracker, Column.STATUS)[1] == "Open"


def test_all_projects_adds_the_other_projects_and_a_project_column(
    services: Services, tracker: ActionTrackerView
) -> None:
    add_project(services, "西南物流", [("西南事项", "王芳", -1, ActionStatus.OPEN)])
    tracker.filter_bar.all_projects.setChecked(True)
    assert "西南事项" in shown(tracker)
    assert len(shown(tracker)) == 6
    assert tracker.model.columnCount() == len(Column)
    assert set(shown(tracker, Column.PROJECT)) == {"华东制造", "西南物流"}
    assert "王芳" in [
        tracker.filter_bar.owner.itemText(i) for i in range(tracker.filter_bar.owner.count())
    ]
    assert tracker.filter_bar.overdue_only.text() == "Overdue only (3)"
    tracker.filter_bar.all_projects.setChecked(False)
    assert "西南事项" not in shown(tracker)
    assert tracker.model.columnCount() == len(Column) - 1


def test_without_a_project_every_project_is_shown(
    services: Services, tracker: ActionTrackerView
) -> None:
    add_project(services, "西南物流", [("西南事项", "王芳", -1, ActionStatus.OPEN)])
    tracker.set_project(None)
    assert tracker.filter_bar.all_projects.isChecked()
    assert not tracker.filter_bar.all_projects.isEnabled()
    assert len(shown(tracker)) == 6


def test_double_click_asks_to_open_the_meeting(
    qtbot: QtBot, services: Services, project: ProjectSummary, tracker: ActionTrackerView
) -> None:
    first = tracker.model.tracked(0).action
    rect = tracker.table.visualRect(tracker.model.index(0, Column.WHAT))
    qtbot.mouseClick(tracker.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    with qtbot.waitSignal(tracker.actionActivated) as signal:
        qtbot.mouseDClick(tracker.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    meeting = services.meetings.of_project(project.id)[0]
    assert signal.args == [meeting.id, first.id]


def test_a_hidden_tracker_reads_nothing_until_shown(
    qtbot: QtBot, services: Services, project: ProjectSummary
) -> None:
    calls: list[str] = []

    def getter() -> Services:
        calls.append("get")
        return services

    view = ActionTrackerView(getter, today=lambda: TODAY)
    qtbot.addWidget(view)
    view.set_project(project.id)
    assert calls == []
    view.show()
    qtbot.waitExposed(view)
    assert calls
    assert len(shown(view)) == 5


def test_a_due_date_starts_at_any_and_steps_from_today(tracker: ActionTrackerView) -> None:
    due_from = tracker.filter_bar.due_from
    assert due_from.value() is None
    assert due_from.edit.text() == "Any"
    assert not due_from.clear_button.isVisibleTo(tracker)
    due_from.edit.stepUp()
    assert due_from.value() == TODAY
    assert due_from.clear_button.isVisibleTo(tracker)
    assert shown(tracker) == ["确认数据接口范围", "提交调研报告初稿"]  # due from today on
    due_from.clear_button.click()
    assert due_from.value() is None
    assert len(shown(tracker)) == 5


def test_the_context_menu_offers_the_same_status_actions(tracker: ActionTrackerView) -> None:
    texts = [a.text() for a in tracker.context_menu.actions() if not a.isSeparator()]
    assert texts == ["Open", "In progress", "Done", "Cancelled"]
