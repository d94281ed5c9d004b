"""The master plan as a PM edits it: the task table beside the Gantt chart, typed edits and
dragged bars rescheduled through the real service, every edit undoable."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QPoint, QSettings, Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from pm_desktop.services.container import Services
from pm_desktop.ui.plan.context import PlanContext
from pm_desktop.ui.plan.gantt import Zoom
from pm_desktop.ui.plan.plan_tab import MasterPlanTab
from pm_desktop.ui.services_loader import ServicesLoader

T = date(2026, 9, 28)
TODAY = date(2026, 11, 25)


@pytest.fixture
def project_id(services: Services) -> str:
    return services.projects.create("华东区域ERP咨询", contract_signed_on=T).id


@pytest.fixture
def undo_stack() -> Iterator[QUndoStack]:
    stack = QUndoStack()
    yield stack
    stack.clear()


@pytest.fixture
def tab(
    qtbot: QtBot, services: Services, project_id: str, undo_stack: QUndoStack, tmp_path: Path
) -> MasterPlanTab:
    holder: list[MasterPlanTab] = []
    context = PlanContext(
        ServicesLoader.of(services), undo_stack, lambda _e: holder[0].reload(), lambda: TODAY
    )
    context.project_id = project_id
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    widget = MasterPlanTab(context, settings)
    holder.append(widget)
    qtbot.addWidget(widget)
    widget.resize(1500, 700)
    widget.show()
    qtbot.waitExposed(widget)
    widget.reload()
    return widget


def names(tab: MasterPlanTab) -> list[tuple[str, str]]:
    return [(r.wbs_code, r.name) for r in tab.model.records()]


def row(tab: MasterPlanTab, name: str) -> int:
    return next(n for n, r in enumerate(tab.model.records()) if r.name == name)


def edit(tab: MasterPlanTab, name: str, field: str, value: object) -> None:
    index = tab.model.index(row(tab, name), tab.model.column_of(field))
    assert tab.model.flags(index) & Qt.ItemFlag.ItemIsEditable
    tab.model.setData(index, value)


def test_a_template_fills_the_plan_and_undo_takes_it_back(
    tab: MasterPlanTab, undo_stack: QUndoStack
) -> None:
    assert "No tasks yet" in tab.summary.text()
    tab.apply_template("consulting")
    assert names(tab)[0] == ("1", "项目准备")
    assert len(tab.model.records()) == 9
    assert tab.gantt.rows[0].start_on == T
    assert "9 task" in tab.summary.text()
    undo_stack.undo()
    assert names(tab) == []
    undo_stack.redo()
    assert len(names(tab)) == 9


def test_typing_a_duration_reschedules_the_successors_and_undo_restores(
    tab: MasterPlanTab, undo_stack: QUndoStack
) -> None:
    tab.apply_template("consulting")
    before = tab.model.records()[row(tab, "调研与需求分析")].start_on
    edit(tab, "项目准备", "duration_days", 10)
    research = tab.model.records()[row(tab, "调研与需求分析")]
    assert research.start_on is not None
    assert before is not None
    assert research.start_on > before
    assert "Edit “项目准备”" in undo_stack.undoText()
    undo_stack.undo()
    assert tab.model.records()[row(tab, "调研与需求分析")].start_on == before


def test_predecessors_typed_as_wbs_codes_and_a_loop_refused_naming_the_tasks(
    tab: MasterPlanTab, services: Services, project_id: str, undo_stack: QUndoStack
) -> None:
    for name in ("甲", "乙", "丙"):
        tab._new_task({"duration_days": 2}, name)
    edit(tab, "丙", "predecessors", "1, 2+3")
    third = tab.model.records()[row(tab, "丙")]
    assert third.predecessors == "1, 2+3"
    assert third.start_on == date(2026, 10, 10)  # 乙 ends Sep 29; lag Sep 30, Oct 8, 9
    steps = undo_stack.count()
    edit(tab, "甲", "predecessors", "3")
    assert "甲" in tab.message.text()
    assert "丙" in tab.message.text()
    assert len(services.plan.links(project_id)) == 2
    assert undo_stack.count() == steps
    assert undo_stack.redoText() == ""
    edit(tab, "甲", "predecessors", "9.9")
    assert "9.9" in tab.message.text()


def test_dragging_a_bar_moves_the_task_and_its_end_changes_the_duration(
    tab: MasterPlanTab, qtbot: QtBot, undo_stack: QUndoStack
) -> None:
    first = tab._new_task({"duration_days": 5}, "部署")
    after = tab._new_task({"duration_days": 2}, "验收")
    tab.set_predecessors(tab.snapshot.task(after), "1")
    tab.set_zoom(Zoom.DAY)
    gantt = tab.gantt
    gantt.scroll_to_date(T)
    qtbot.wait(10)
    left, right = gantt.bar_span(gantt.rows[0]) or (0.0, 0.0)
    y = gantt.row_height // 2
    middle = gantt.mapFromScene((left + right) / 2, y)
    ppd = int(Zoom.DAY.px_per_day)
    QTest.mousePress(gantt.viewport(), Qt.MouseButton.LeftButton, pos=middle)
    QTest.mouseMove(gantt.viewport(), middle + QPoint(ppd * 14, 0))
    assert gantt.preview is not None
    previewed = gantt.preview_dates or {}
    assert previewed[first][0] == date(2026, 10, 12)  # the successor follows, before the drop
    assert previewed[after][0] == date(2026, 10, 19)
    dropped = middle + QPoint(ppd * 14, 0)
    QTest.mouseRelease(gantt.viewport(), Qt.MouseButton.LeftButton, pos=dropped)
    moved = tab.model.records()[0]
    assert moved.start_on == date(2026, 10, 12)  # two weeks on: Oct 12, a Monday
    assert tab.model.records()[1].start_on == date(2026, 10, 19)
    assert gantt.preview_dates is None
    assert "Move “部署”" in undo_stack.undoText()

    left, right = gantt.bar_span(gantt.rows[0]) or (0.0, 0.0)
    end = gantt.mapFromScene(right - 1, y)
    QTest.mousePress(gantt.viewport(), Qt.MouseButton.LeftButton, pos=end)
    QTest.mouseMove(gantt.viewport(), end + QPoint(ppd * 7, 0))
    QTest.mouseRelease(gantt.viewport(), Qt.MouseButton.LeftButton, pos=end + QPoint(ppd * 7, 0))
    assert tab.model.records()[0].duration_days == 10
    undo_stack.undo()
    undo_stack.undo()
    assert tab.model.records()[0].start_on == T
    assert tab.model.records()[0].duration_days == 5


def test_resources_are_typed_by_name_with_a_share(
    tab: MasterPlanTab, services: Services, project_id: str, undo_stack: QUndoStack
) -> None:
    services.team.add_person("张伟")
    services.team.add_person("李娜")
    tab._new_task({"duration_days": 3}, "调研")
    edit(tab, "调研", "resources", "张伟，李娜 50%")
    assert tab.model.records()[0].resources == "张伟, 李娜 50%"
    edit(tab, "调研", "resources", "张伟, 王五")
    assert "王五" in tab.message.text()
    assert tab.model.records()[0].resources == "张伟, 李娜 50%"
    undo_stack.undo()
    assert services.plan.task_assignments(project_id) == []


def test_moving_t_reflows_the_plan_and_the_zoom_is_remembered(
    tab: MasterPlanTab, undo_stack: QUndoStack, tmp_path: Path
) -> None:
    tab.apply_template("consulting")
    tab.t_edit.setDate(QDate(2026, 11, 2))
    tab.t_edit.editingFinished.emit()
    assert tab.model.records()[0].start_on == date(2026, 11, 2)
    undo_stack.undo()
    assert tab.model.records()[0].start_on == T
    tab.zoom_buttons[Zoom.MONTH].click()
    assert tab.gantt.zoom is Zoom.MONTH
    saved = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    assert saved.value("plan/zoom") == "MONTH"


def test_indent_outdent_and_deleting_a_phase_asks_and_can_be_undone(
    tab: MasterPlanTab, monkeypatch: pytest.MonkeyPatch, undo_stack: QUndoStack
) -> None:
    for name in ("阶段一", "任务A", "任务B"):
        tab._new_task({"duration_days": 2}, name)
    tab.select_task(tab.model.records()[1].id)
    tab.indent_button.click()
    tab.select_task(tab.model.records()[2].id)
    tab.indent_button.click()
    assert names(tab) == [("1", "阶段一"), ("1.1", "任务A"), ("1.2", "任务B")]
    assert tab.model.records()[0].is_summary
    assert tab.gantt.rows[0].is_summary

    asked: list[str] = []

    def answer(*args: object) -> QMessageBox.StandardButton:
        asked.append(str(args[2]))
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", answer)
    tab.select_task(tab.model.records()[0].id)
    tab.delete_button.click()
    assert "2 sub-task" in asked[0]
    assert names(tab) == []
    undo_stack.undo()
    assert names(tab) == [("1", "阶段一"), ("1.1", "任务A"), ("1.2", "任务B")]


def test_a_baseline_shows_the_slip_of_a_later_finish(tab: MasterPlanTab) -> None:
    tab.apply_template("consulting")
    tab.save_baseline()
    edit(tab, "项目准备", "duration_days", 8)
    research = tab.model.records()[row(tab, "调研与需求分析")]
    assert research.slip_days == 3
    column = tab.model.column_of("slip_days")
    shown = tab.model.index(row(tab, "调研与需求分析"), column).data()
    assert shown.startswith("3 day")
    assert "later than the baseline" in tab.summary.text()


DATA = Path(__file__).resolve().parent.parent / "data" / "plans"


def test_export_csv_and_msp_xml_and_import_them_back_as_one_undo_step(
    tab: MasterPlanTab, services: Services, project_id: str, tmp_path: Path, undo_stack: QUndoStack
) -> None:
    tab.apply_template("consulting")
    before = [(r.wbs_code, r.name, r.start_on, r.predecessors) for r in tab.model.records()]
    for suffix, export in ((".csv", tab.transfer.export_csv), (".xml", tab.transfer.export_mspdi)):
        out = export(tmp_path / f"plan{suffix}")
        assert out is not None
        assert out.exists()
        assert tab.transfer.import_file(out, replace=True)
        after = [(r.wbs_code, r.name, r.start_on, r.predecessors) for r in tab.model.records()]
        assert after == before
        undo_stack.undo()  # the import: the template's own tasks are back
        assert [r.id for r in tab.model.records()] != []
    assert len(services.plan.tasks(project_id)) == 9


def test_a_plan_from_projectlibre_is_added_and_a_broken_file_changes_nothing(
    tab: MasterPlanTab, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    assert tab.transfer.import_file(DATA / "projectlibre_erp.xml", replace=False)
    imported = len(tab.model.records())
    assert imported > 3
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: warnings.append(str(a[2])))
    broken = tmp_path / "broken.xml"
    broken.write_text("<Project xmlns='http://schemas.microsoft.com/project'><Tasks><Task>")
    assert not tab.transfer.import_file(broken, replace=True)
    assert "broken.xml" in warnings[0]
    assert "unchanged" in warnings[0]
    assert len(tab.model.records()) == imported
    missing = tmp_path / "missing-columns.csv"
    missing.write_text("编号,工期\n1,5\n", encoding="utf-8")
    assert not tab.transfer.import_file(missing, replace=True)
    assert len(tab.model.records()) == imported


def test_the_plan_pdf_has_the_chinese_names_embedded(tab: MasterPlanTab, tmp_path: Path) -> None:
    tab.apply_template("consulting")
    out = tab.transfer.export_pdf(tmp_path / "主计划.pdf")
    assert out is not None
    text = subprocess.run(
        ["pdftotext", str(out), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "项目准备" in text
    assert "2026-09-28" in text


def test_a_phase_shows_the_work_done_under_it(tab: MasterPlanTab) -> None:
    for name in ("阶段", "需求", "设计"):
        tab._new_task({"duration_days": 1}, name)
    for name in ("需求", "设计"):
        tab.select_task(tab.model.records()[row(tab, name)].id)
        tab.indent_button.click()
    edit(tab, "需求", "duration_days", 3)
    edit(tab, "设计", "duration_days", 1)
    edit(tab, "需求", "percent_complete", 100)
    phase = tab.model.records()[row(tab, "阶段")]
    assert phase.is_summary
    assert phase.percent_complete == 75  # 3 of 4 working days done
    assert tab.gantt.rows[0].percent_complete == 75


def test_a_task_held_by_its_predecessor_says_so_and_leaves_no_undo_step(
    tab: MasterPlanTab, undo_stack: QUndoStack
) -> None:
    tab._new_task({"duration_days": 3}, "甲")
    second = tab._new_task({"duration_days": 2}, "乙")
    tab.set_predecessors(tab.snapshot.task(second), "1")
    steps = undo_stack.count()
    tab.move_task(second, date(2026, 9, 29))
    assert "甲" not in tab.message.text()
    assert "乙" in tab.message.text()
    assert "2026-10-08" in tab.message.text()
    assert undo_stack.count() == steps
    edit(tab, "乙", "duration_days", 4)
    assert not tab.message.isVisible()  # the old notice does not linger


def test_duration_zero_makes_a_milestone_and_out_of_range_values_are_explained(
    tab: MasterPlanTab, undo_stack: QUndoStack
) -> None:
    tab._new_task({"duration_days": 3}, "验收")
    edit(tab, "验收", "duration_days", 0)
    assert tab.model.records()[0].is_milestone
    edit(tab, "验收", "duration_days", 2)
    assert not tab.model.records()[0].is_milestone
    assert tab.model.records()[0].duration_days == 2
    edit(tab, "验收", "percent_complete", 150)
    assert "0 to 100" in tab.message.text()
    assert tab.model.records()[0].percent_complete == 0
    undo_stack.undo()
    assert tab.model.records()[0].is_milestone


def test_t_not_set_reads_so_and_setting_it_can_be_undone(
    qtbot: QtBot, services: Services, undo_stack: QUndoStack, tmp_path: Path
) -> None:
    project = services.projects.create("未签约项目").id
    holder: list[MasterPlanTab] = []
    context = PlanContext(
        ServicesLoader.of(services), undo_stack, lambda _e: holder[0].reload(), lambda: TODAY
    )
    context.project_id = project
    widget = MasterPlanTab(context, QSettings(str(tmp_path / "t.ini"), QSettings.Format.IniFormat))
    holder.append(widget)
    qtbot.addWidget(widget)
    widget.reload()
    assert widget.t_edit.text() == "Not set"
    widget.t_edit.editingFinished.emit()  # tabbing through changes nothing
    assert undo_stack.count() == 0
    widget.t_edit.setDate(QDate(2026, 12, 1))
    widget.t_edit.calendarWidget().clicked.emit(QDate(2026, 12, 1))
    assert services.plan.contract_date(project) == date(2026, 12, 1)
    undo_stack.undo()
    assert services.plan.contract_date(project) is None
    assert widget.t_edit.text() == "Not set"


def test_add_task_goes_after_the_selected_one_and_tasks_move_up_and_down(
    tab: MasterPlanTab, undo_stack: QUndoStack
) -> None:
    for name in ("甲", "丙"):
        tab._new_task({"duration_days": 1}, name)
    tab.select_task(tab.model.records()[0].id)
    tab.add_task()
    assert [r.name for r in tab.model.records()] == ["甲", "New task", "丙"]
    tab.select_task(tab.model.records()[2].id)
    tab.up_button.click()
    assert [r.name for r in tab.model.records()] == ["甲", "丙", "New task"]
    tab.up_button.click()
    tab.up_button.click()  # already first: nothing, and no undo step for it
    assert [r.name for r in tab.model.records()] == ["丙", "甲", "New task"]
    assert undo_stack.undoText() == "Move “丙” up"
    undo_stack.undo()
    undo_stack.undo()
    assert [r.name for r in tab.model.records()] == ["甲", "New task", "丙"]


def test_notes_are_shown_and_typed_in_the_table(tab: MasterPlanTab, services: Services) -> None:
    task = tab._new_task({"duration_days": 2}, "调研")
    edit(tab, "调研", "notes", "需客户信息中心配合")
    assert services.plan.get_task(task).notes == "需客户信息中心配合"
    column = tab.model.column_of("notes")
    assert tab.model.index(0, column).data() == "需客户信息中心配合"
