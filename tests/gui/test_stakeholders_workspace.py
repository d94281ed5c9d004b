"""The Stakeholders workspace as a PM uses it: register, map, detail, warnings, import/export."""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialog, QInputDialog, QLineEdit, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from pm_desktop.core.enums import (
    Attendance,
    Attitude,
    DemandStatus,
    MeetingType,
    RoleClass,
    TouchpointChannel,
)
from pm_desktop.core.stakeholder_health import WarningKind
from pm_desktop.core.tracker import TrackerFilter
from pm_desktop.services.container import Services
from pm_desktop.ui.main_window import MainWindow
from pm_desktop.ui.services_loader import ServicesLoader
from pm_desktop.ui.stakeholders.touchpoint_dialog import TouchpointDialog
from pm_desktop.ui.stakeholders.workspace import StakeholdersWorkspace
from tests.gui.conftest import answer_next_dialog


@pytest.fixture
def project_id(services: Services) -> str:
    return services.projects.create("华东制造集团数字化转型").id


@pytest.fixture
def undo_stack() -> Iterator[QUndoStack]:
    stack = QUndoStack()
    yield stack
    stack.clear()


@pytest.fixture
def workspace(
    qtbot: QtBot,
    services: Services,
    settings_path: Path,
    undo_stack: QUndoStack,
    project_id: str,
) -> StakeholdersWorkspace:
    boss = services.stakeholders.create(
        project_id,
        "王建国",
        organisation="华东制造集团",
        title="总经理",
        role_class=RoleClass.ONE_W,
        power=5,
        interest=4,
    )
    services.stakeholders.add_demand(boss.id, "看到经营数据改善")
    services.stakeholders.create(
        project_id,
        "李红梅",
        organisation="华东制造集团",
        title="信息部部长",
        role_class=RoleClass.STRONG_C,
        power=4,
        interest=5,
        attitude=Attitude.SUPPORTER,
        reports_to_id=boss.id,
    )
    services.stakeholders.create(
        project_id,
        "赵强",
        title="财务总监",
        power=5,
        interest=2,
        attitude=Attitude.OPPONENT,
        reports_to_id=boss.id,
    )
    widget = StakeholdersWorkspace(
        ServicesLoader.of(services),
        QSettings(str(settings_path), QSettings.Format.IniFormat),
        undo_stack,
    )
    qtbot.addWidget(widget)
    widget.resize(1280, 800)
    widget.show()
    qtbot.waitExposed(widget)
    widget.set_project(project_id)
    return widget


def by_name(workspace: StakeholdersWorkspace, name: str) -> str:
    return next(r.id for r in workspace.records if r.name == name)


def register_names(workspace: StakeholdersWorkspace) -> list[str]:
    proxy = workspace.proxy
    return [proxy.index(row, 0).data() for row in range(proxy.rowCount())]


def warning_kinds(workspace: StakeholdersWorkspace) -> list[WarningKind]:
    return [w.kind for w in workspace.health.warnings]


# --- register ---------------------------------------------------------------------------


def test_register_lists_sorts_searches_and_filters(workspace: StakeholdersWorkspace) -> None:
    assert register_names(workspace) == ["李红梅", "王建国", "赵强"]  # by pinyin: li, wang, zhao
    workspace.table.sortByColumn(workspace.model.column_of("power"), Qt.SortOrder.DescendingOrder)
    assert register_names(workspace)[-1] == "李红梅"  # power 4 after the two 5s
    workspace.search.setText("经营")  # a demand's words find its stakeholder
    assert register_names(workspace) == ["王建国"]
    workspace.search.clear()
    workspace.role_filter.setCurrentIndex(workspace.role_filter.findData(RoleClass.STRONG_C.value))
    assert register_names(workspace) == ["李红梅"]
    workspace.role_filter.setCurrentIndex(0)
    workspace.attitude_filter.setCurrentIndex(
        workspace.attitude_filter.findData(Attitude.OPPONENT.value)
    )
    assert register_names(workspace) == ["赵强"]


def test_the_register_model_passes_the_qt_model_tester(
    workspace: StakeholdersWorkspace, qtmodeltester: object, services: Services, project_id: str
) -> None:
    qtmodeltester.check(workspace.model)  # type: ignore[attr-defined]
    services.stakeholders.create(project_id, "新来的")
    workspace.reload()
    qtmodeltester.check(workspace.proxy)  # type: ignore[attr-defined]


def test_a_cell_edited_in_the_register_is_saved_and_undoable(
    workspace: StakeholdersWorkspace, services: Services, undo_stack: QUndoStack
) -> None:
    zhao = by_name(workspace, "赵强")
    row = workspace.model.row_of(zhao)
    index = workspace.proxy.mapFromSource(
        workspace.model.index(row, workspace.model.column_of("attitude"))
    )
    assert workspace.proxy.setData(index, Attitude.NEUTRAL.value)
    assert services.stakeholders.get(zhao).attitude is Attitude.NEUTRAL
    assert workspace.detail.record is not None
    assert workspace.detail.record.id == zhao
    undo_stack.undo()
    assert services.stakeholders.get(zhao).attitude is Attitude.OPPONENT
    assert workspace.model.record(row).attitude is Attitude.OPPONENT


def test_add_stakeholder_then_undo_and_redo_keep_the_same_person(
    workspace: StakeholdersWorkspace, services: Services, project_id: str, undo_stack: QUndoStack
) -> None:
    def fill(dialog: QDialog) -> None:
        assert isinstance(dialog, QInputDialog)
        dialog.setTextValue("  孙  主任 ")
        dialog.accept()

    answer_next_dialog(fill)
    workspace.add_button.click()
    added = by_name(workspace, "孙 主任")
    assert workspace.detail.record is not None
    assert workspace.detail.record.id == added
    undo_stack.undo()
    assert "孙 主任" not in register_names(workspace)
    undo_stack.redo()
    assert by_name(workspace, "孙 主任") == added


def test_detail_fields_save_on_leaving_and_a_bad_email_is_explained(
    workspace: StakeholdersWorkspace, services: Services, qtbot: QtBot
) -> None:
    li = by_name(workspace, "李红梅")
    workspace.select_stakeholder(li)
    email = workspace.detail.fields["email"]
    assert isinstance(email, QLineEdit)
    email.setText("li.hongmei at example")
    email.editingFinished.emit()
    assert workspace.detail.error.isVisible()
    assert "e-mail" in workspace.detail.error.text().lower()
    assert services.stakeholders.get(li).email == ""
    assert email.text() == ""  # the field shows what is saved again
    email.setText("li.hongmei@example.com")
    email.editingFinished.emit()
    assert services.stakeholders.get(li).email == "li.hongmei@example.com"
    assert not workspace.detail.error.isVisible()


def test_reports_to_refuses_a_loop_with_a_message(
    workspace: StakeholdersWorkspace, services: Services
) -> None:
    boss, li = by_name(workspace, "王建国"), by_name(workspace, "李红梅")
    workspace.select_stakeholder(boss)
    manager = workspace.detail.fields["reports_to_id"]
    manager.setCurrentIndex(manager.findData(li))  # type: ignore[attr-defined]
    manager.activated.emit(manager.currentIndex())  # type: ignore[attr-defined]
    assert "loop" in workspace.detail.error.text() or "循环" in workspace.detail.error.text()
    assert services.stakeholders.get(boss).reports_to_id is None


def test_notes_are_saved_shortly_after_typing(
    workspace: StakeholdersWorkspace, services: Services, qtbot: QtBot
) -> None:
    zhao = by_name(workspace, "赵强")
    workspace.select_stakeholder(zhao)
    notes = workspace.detail.fields["notes"]
    notes.setPlainText("关注成本，需要ROI测算")  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: services.stakeholders.get(zhao).notes == "关注成本，需要ROI测算")


def test_notes_being_typed_when_a_sync_brings_a_teammates_notes_keep_theirs_in_a_conflict(
    workspace: StakeholdersWorkspace, services: Services, project_id: str, qtbot: QtBot
) -> None:
    zhao = by_name(workspace, "赵强")
    workspace.select_stakeholder(zhao)
    notes = workspace.detail.fields["notes"]
    notes.setPlainText("关注成本")  # type: ignore[attr-defined]
    # Before the pause that saves them, a sync writes a teammate's notes and the window
    # reads the workspace again:
    services.stakeholders.update(zhao, notes="预算已批（同事）")
    workspace.reload()
    assert notes.toPlainText() == "关注成本"  # type: ignore[attr-defined]  # typing goes on

    qtbot.waitUntil(lambda: services.stakeholders.get(zhao).notes == "关注成本")
    [conflict] = services.conflicts.open_conflicts(project_id)
    assert (conflict.column, conflict.kept.text, conflict.lost.text) == (
        "notes",
        "关注成本",
        "预算已批（同事）",
    )
    assert conflict.kept.mine


def test_demands_are_added_ticked_and_removed(
    workspace: StakeholdersWorkspace, services: Services, undo_stack: QUndoStack
) -> None:
    li = by_name(workspace, "李红梅")
    workspace.select_stakeholder(li)
    workspace.detail.new_demand.setText("部门KPI提升")
    QTest.keyClick(workspace.detail.new_demand, Qt.Key.Key_Return)
    demands = services.stakeholders.get(li).demands
    assert [d.text for d in demands] == ["部门KPI提升"]
    item = workspace.detail.demands.item(0)
    item.setCheckState(Qt.CheckState.Checked)
    assert services.stakeholders.get(li).demands[0].status is DemandStatus.ADDRESSED
    undo_stack.undo()
    assert services.stakeholders.get(li).demands[0].status is DemandStatus.RECORDED
    workspace.detail.demands.setCurrentRow(0)
    workspace.detail.remove_demand_button.click()
    assert services.stakeholders.get(li).demands == ()


# --- map ----------------------------------------------------------------------------------


def test_moving_a_card_on_the_map_changes_power_and_interest_undoably(
    workspace: StakeholdersWorkspace, services: Services, undo_stack: QUndoStack
) -> None:
    zhao = by_name(workspace, "赵强")
    workspace.tabs.setCurrentWidget(workspace.map)
    before = workspace.map.card_rect(zhao)
    workspace.map.cardMoved.emit(zhao, 2, 4)
    record = services.stakeholders.get(zhao)
    assert (record.power, record.interest) == (2, 4)
    assert workspace.map.card_rect(zhao) != before
    assert "Move" in undo_stack.undoText() or "移动" in undo_stack.undoText()
    undo_stack.undo()
    record = services.stakeholders.get(zhao)
    assert (record.power, record.interest) == (5, 2)
    assert workspace.map.card_rect(zhao) == before


def test_selecting_on_the_map_shows_the_stakeholder(workspace: StakeholdersWorkspace) -> None:
    li = by_name(workspace, "李红梅")
    workspace.map.currentChanged.emit(li)
    assert workspace.detail.record is not None
    assert workspace.detail.record.name == "李红梅"
    assert workspace.detail.heading.text() == "李红梅"


# --- touchpoints --------------------------------------------------------------------------


def test_a_touchpoint_with_a_follow_up_lands_in_the_action_tracker(
    workspace: StakeholdersWorkspace, services: Services, project_id: str
) -> None:
    li = by_name(workspace, "李红梅")
    workspace.select_stakeholder(li)

    def fill(dialog: QDialog) -> None:
        assert isinstance(dialog, TouchpointDialog)
        dialog.channel.setCurrentIndex(dialog.channel.findData(TouchpointChannel.MEAL.value))
        dialog.our_people.setText("陈经理")
        dialog.summary.setPlainText("她担心上线影响月结")
        dialog.follow_up.setChecked(True)
        dialog.follow_what.setText("提供月结期间的切换方案")
        dialog.follow_who.setText("陈经理")
        dialog.accept()

    answer_next_dialog(fill)
    workspace.detail.log_button.click()
    table = workspace.detail.touchpoints
    assert table.rowCount() == 1
    assert "她担心上线影响月结" in table.item(0, 3).text()
    actions = services.actions.find(TrackerFilter(project_id=project_id))
    assert [a.action.what for a in actions] == ["提供月结期间的切换方案"]


def test_the_touchpoint_dialog_will_not_accept_an_empty_summary(qtbot: QtBot) -> None:
    dialog = TouchpointDialog("李红梅", date(2026, 11, 25))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.accept()
    assert dialog.isVisible()
    assert dialog.error.isVisible()
    dialog.summary.setPlainText("电话确认范围")
    dialog.follow_up.setChecked(True)
    dialog.accept()
    assert dialog.isVisible()  # a ticked follow-up needs its What
    dialog.follow_up.setChecked(False)
    dialog.accept()
    assert not dialog.isVisible()


# --- health -------------------------------------------------------------------------------


def test_warnings_show_and_lead_to_the_place_to_fix_them(
    workspace: StakeholdersWorkspace, services: Services
) -> None:
    kinds = warning_kinds(workspace)
    assert WarningKind.STRONG_C_OUT_OF_TOUCH in kinds
    assert WarningKind.OPPONENT_OUT_OF_TOUCH in kinds
    assert WarningKind.OPEN_DEMANDS in kinds
    demands = next(w for w in workspace.health.warnings if w.kind is WarningKind.OPEN_DEMANDS)
    workspace.search.setText("nobody matches this")
    workspace.go_to_warning(demands)
    assert workspace.search.text() == ""
    assert workspace.detail.record is not None
    assert workspace.detail.record.name == "王建国"
    strong_c = next(
        w for w in workspace.health.warnings if w.kind is WarningKind.STRONG_C_OUT_OF_TOUCH
    )
    workspace.go_to_warning(strong_c)
    assert workspace.detail.record is not None
    assert workspace.detail.record.name == "李红梅"


def test_logging_a_touchpoint_clears_the_strong_c_warning(
    workspace: StakeholdersWorkspace, services: Services
) -> None:
    li = by_name(workspace, "李红梅")
    counts: list[int] = []
    workspace.warningCountChanged.connect(counts.append)
    services.stakeholders.add_touchpoint(li, date.today(), TouchpointChannel.VISIT, summary="拜访")
    workspace.reload()
    assert WarningKind.STRONG_C_OUT_OF_TOUCH not in warning_kinds(workspace)
    assert counts[-1] == len(workspace.health.warnings)


def test_the_strong_c_limit_is_a_remembered_setting(
    workspace: StakeholdersWorkspace, services: Services, settings_path: Path, qtbot: QtBot
) -> None:
    li = by_name(workspace, "李红梅")
    services.stakeholders.add_touchpoint(
        li, date.today() - timedelta(days=40), TouchpointChannel.CALL, summary="电话"
    )
    workspace.reload()
    assert WarningKind.STRONG_C_OUT_OF_TOUCH in warning_kinds(workspace)
    workspace.health.days.stepBy(20)  # the arrows, as a user clicks them
    qtbot.waitUntil(lambda: WarningKind.STRONG_C_OUT_OF_TOUCH not in warning_kinds(workspace))
    assert workspace.health.days.value() == 50
    settings = QSettings(str(settings_path), QSettings.Format.IniFormat)
    assert int(settings.value("stakeholders/strongCDays")) == 50


# --- delete -------------------------------------------------------------------------------


def test_deleting_someone_with_history_asks_and_the_history_stays_readable(
    workspace: StakeholdersWorkspace, services: Services, project_id: str, undo_stack: QUndoStack
) -> None:
    zhao = by_name(workspace, "赵强")
    services.stakeholders.add_touchpoint(
        zhao, date.today(), TouchpointChannel.CALL, summary="沟通预算"
    )
    workspace.reload()
    workspace.select_stakeholder(zhao)
    asked: list[str] = []

    def answer(button: QMessageBox.StandardButton) -> Callable[[QDialog], None]:
        def fill(dialog: QDialog) -> None:
            assert isinstance(dialog, QMessageBox)
            asked.append(dialog.text())
            dialog.button(button).click()

        return fill

    answer_next_dialog(answer(QMessageBox.StandardButton.No))
    workspace.delete_button.click()
    assert "赵强" in asked[0]
    assert "1" in asked[0]
    assert "赵强" in register_names(workspace)

    answer_next_dialog(answer(QMessageBox.StandardButton.Yes))
    workspace.delete_button.click()
    assert "赵强" not in register_names(workspace)
    assert services.stakeholders.get(zhao).deleted

    workspace.show_deleted.setChecked(True)
    assert any("赵强" in name for name in register_names(workspace))
    workspace.select_stakeholder(zhao)
    assert workspace.detail.restore_button.isVisible()
    assert workspace.detail.touchpoints.item(0, 3).text() == "沟通预算"
    workspace.detail.restore_button.click()
    assert not services.stakeholders.get(zhao).deleted


# --- import and export --------------------------------------------------------------------


def test_export_register_as_csv_and_xlsx_and_the_map_as_png_and_pdf(
    workspace: StakeholdersWorkspace, tmp_path: Path
) -> None:
    out = workspace.transfer.export_csv(tmp_path / "register.csv")
    assert out is not None
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # Excel recognises UTF-8 by its BOM
    rows = list(csv.reader(raw.decode("utf-8-sig").splitlines()))
    assert {"王建国", "李红梅", "赵强"} <= {row[0] for row in rows[1:]}
    xlsx = workspace.transfer.export_xlsx(tmp_path / "register.xlsx")
    assert xlsx is not None
    assert xlsx.stat().st_size > 0
    png = workspace.transfer.export_png(tmp_path / "map.png")
    assert png is not None
    assert png.read_bytes().startswith(b"\x89PNG")
    pdf = workspace.transfer.export_pdf(tmp_path / "map.pdf")
    assert pdf is not None
    assert pdf.read_bytes().startswith(b"%PDF")


def test_an_export_to_a_missing_folder_is_explained_and_writes_nothing(
    workspace: StakeholdersWorkspace, tmp_path: Path
) -> None:
    seen: list[str] = []

    def read(dialog: QDialog) -> None:
        assert isinstance(dialog, QMessageBox)
        seen.append(dialog.text())
        dialog.accept()

    answer_next_dialog(read)
    assert workspace.transfer.export_csv(tmp_path / "missing" / "register.csv") is None
    assert seen
    assert "register.csv" in seen[0]


def test_import_shows_the_problems_and_writes_only_the_confirmed_rows(
    workspace: StakeholdersWorkspace,
    services: Services,
    project_id: str,
    tmp_path: Path,
    undo_stack: QUndoStack,
) -> None:
    source = tmp_path / "客户干系人.csv"
    source.write_bytes(
        "姓名,单位,职务,角色类别,权力,利益,态度\r\n"
        "周敏,华东制造集团,财务经理,关键用户,3,4,支持者\r\n"
        "王建国,华东制造集团,总经理,1W,5,4,支持者\r\n"  # already in the register
        "吴刚,华东制造集团,IT经理,IT负责人,9,3,中立\r\n"  # power out of range
        "郑洁,华东制造集团,采购主管,采购,2,2,未知\r\n".encode("gbk")
    )

    offered: list[str] = []

    def confirm(dialog: QDialog) -> None:
        button = dialog.findChild(QPushButton, "importButton")
        if button is None or not button.isEnabled():
            dialog.reject()
            return
        offered.append(button.text())
        button.click()

    answer_next_dialog(confirm)
    ids = workspace.transfer.import_file(source)
    assert offered
    assert "2" in offered[0]
    assert len(ids) == 2
    names = register_names(workspace)
    assert {"周敏", "郑洁"} <= set(names)
    assert "吴刚" not in names
    assert names.count("王建国") == 1
    undo_stack.undo()
    assert not {"周敏", "郑洁"} & set(register_names(workspace))


def test_import_of_a_file_that_is_not_a_table_is_refused_with_a_reason(
    workspace: StakeholdersWorkspace, tmp_path: Path
) -> None:
    source = tmp_path / "photo.xlsx"
    source.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    seen: list[str] = []

    def read(dialog: QDialog) -> None:
        assert isinstance(dialog, QMessageBox)
        seen.append(dialog.text())
        dialog.accept()

    answer_next_dialog(read)
    assert workspace.transfer.import_file(source) == []
    assert seen
    assert "photo.xlsx" in seen[0]


# --- in the main window -------------------------------------------------------------------


def test_the_navigation_entry_counts_the_warnings_and_a_meeting_warning_opens_the_meeting(
    make_window: Callable[[], MainWindow], services: Services, project_id: str, qtbot: QtBot
) -> None:
    boss = services.stakeholders.create(project_id, "王总", role_class=RoleClass.ONE_W)
    services.stakeholders.add_demand(boss.id, "按期上线", status=DemandStatus.ADDRESSED)
    kickoff = services.meetings.create(
        project_id, MeetingType.KICKOFF, "项目启动会", datetime.now(UTC) - timedelta(days=3)
    )
    services.meetings.add_attendee(
        kickoff.id, "王总", stakeholder_id=boss.id, attendance=Attendance.ABSENT
    )
    window = make_window()
    window.select_project(project_id)
    qtbot.waitUntil(lambda: "(1)" in window.navigation.item(0).text())
    window.navigation.setCurrentRow(0)
    workspace = window.stakeholders.workspace
    qtbot.waitUntil(lambda: bool(workspace.health.warnings))
    (warning,) = workspace.health.warnings
    assert warning.kind is WarningKind.ONE_W_ABSENT
    workspace.go_to_warning(warning)
    assert window.workspace_stack.currentWidget() is window.meetings
    editor = window.meetings.workspace.editor
    qtbot.waitUntil(lambda: editor.meeting is not None and editor.meeting.id == kickoff.id)


def test_undo_right_after_typing_notes_saves_them_first_as_their_own_step(
    make_window: Callable[[], MainWindow], services: Services, project_id: str, qtbot: QtBot
) -> None:
    person = services.stakeholders.create(project_id, "赵强")
    window = make_window()
    window.select_project(project_id)
    window.navigation.setCurrentRow(0)
    workspace = window.stakeholders.workspace
    workspace.select_stakeholder(person.id)
    workspace.detail.fields["organisation"].setText("财务部")  # type: ignore[attr-defined]
    workspace.detail.fields["organisation"].editingFinished.emit()  # type: ignore[attr-defined]
    workspace.detail.fields["notes"].setPlainText("关注成本")  # type: ignore[attr-defined]
    window.undo_action.trigger()  # within the pause after typing
    record = services.stakeholders.get(person.id)
    assert (record.organisation, record.notes) == ("财务部", "")  # the notes step was undone
    window.undo_action.trigger()
    assert services.stakeholders.get(person.id).organisation == ""
    window.redo_action.trigger()
    window.redo_action.trigger()
    record = services.stakeholders.get(person.id)
    assert (record.organisation, record.notes) == ("财务部", "关注成本")
    assert not window.redo_action.isEnabled()


def test_notes_typed_just_before_closing_are_saved(
    make_window: Callable[[], MainWindow], services: Services, project_id: str
) -> None:
    person = services.stakeholders.create(project_id, "赵强")
    window = make_window()
    window.select_project(project_id)
    workspace = window.stakeholders.workspace
    workspace.select_stakeholder(person.id)
    workspace.detail.fields["notes"].setPlainText("最后一句")  # type: ignore[attr-defined]
    window.close()
    assert services.stakeholders.get(person.id).notes == "最后一句"


def test_marking_the_1w_present_in_a_meeting_clears_the_warning_on_return(
    make_window: Callable[[], MainWindow], services: Services, project_id: str, qtbot: QtBot
) -> None:
    boss = services.stakeholders.create(project_id, "王总", role_class=RoleClass.ONE_W)
    services.stakeholders.add_demand(boss.id, "按期上线", status=DemandStatus.ADDRESSED)
    kickoff = services.meetings.create(
        project_id, MeetingType.KICKOFF, "项目启动会", datetime.now(UTC) - timedelta(days=2)
    )
    attendee = services.meetings.add_attendee(kickoff.id, "王总", stakeholder_id=boss.id)
    window = make_window()
    window.select_project(project_id)
    qtbot.waitUntil(lambda: window.navigation.item(0).text().endswith("(1)"))
    window.navigation.setCurrentRow(3)  # Meetings, where the scribe records attendance
    services.meetings.set_attendance(attendee.id, Attendance.PRESENT)
    window.navigation.setCurrentRow(0)
    qtbot.waitUntil(lambda: window.navigation.item(0).text() == "Stakeholders")
    assert window.stakeholders.workspace.health.warnings == []
