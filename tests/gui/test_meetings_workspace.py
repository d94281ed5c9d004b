"""The Meetings workspace as a scribe meets it: list, new meeting, live capture, nothing lost."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QDateTime, QSettings, Qt, QTime
from PySide6.QtGui import QInputMethodEvent, QUndoStack
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDateEdit,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QWidget,
)
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from pm_desktop.core.enums import (
    ActionStatus,
    Attendance,
    MeetingStatus,
    MeetingType,
    MinuteKind,
)
from pm_desktop.core.errors import StorageError
from pm_desktop.core.meetings import MeetingSummary
from pm_desktop.core.quick_entry import SYNTAX_EXAMPLES
from pm_desktop.services.container import Services
from pm_desktop.ui.main_window import MainWindow
from pm_desktop.ui.meetings.actions_model import ActionsModel
from pm_desktop.ui.meetings.editor import MeetingEditor
from pm_desktop.ui.meetings.help import example_meaning
from pm_desktop.ui.meetings.list_delegate import SUBTITLE_ROLE
from pm_desktop.ui.meetings.list_model import MeetingListModel
from pm_desktop.ui.meetings.review_model import ReviewModel
from pm_desktop.ui.meetings.workspace import MeetingsWorkspace
from pm_desktop.ui.services_loader import ServicesLoader
from pm_desktop.ui.style import INCOMPLETE_BACKGROUND
from tests.gui.conftest import answer_next_dialog

# The offscreen platform cannot raise the completer's popup or give it the keyboard.
pytestmark = pytest.mark.qt_log_ignore(
    "This plugin does not support raise", "This plugin does not support grabbing", extend=True
)

TODAY = date(2026, 11, 25)  # a Wednesday
NOW = datetime(2026, 11, 25, 6, 30, tzinfo=UTC)


@pytest.fixture
def project_id(services: Services) -> str:
    return services.projects.create("华东制造集团数字化转型").id


@pytest.fixture
def clock() -> list[datetime]:
    """The workspace's "now"; a test moves it by assigning ``clock[0]``."""
    return [NOW]


@pytest.fixture
def undo_stack() -> Iterator[QUndoStack]:
    stack = QUndoStack()
    yield stack
    stack.clear()


@pytest.fixture
def make_workspace(
    qtbot: QtBot,
    services: Services,
    settings_path: Path,
    clock: list[datetime],
    undo_stack: QUndoStack,
) -> Callable[[str], MeetingsWorkspace]:
    def make(project: str) -> MeetingsWorkspace:
        workspace = MeetingsWorkspace(
            ServicesLoader.of(services),
            QSettings(str(settings_path), QSettings.Format.IniFormat),
            undo_stack,
            today=lambda: TODAY,
            clock=lambda: clock[0],
        )
        qtbot.addWidget(workspace)
        workspace.resize(1180, 720)
        workspace.show()
        qtbot.waitExposed(workspace)
        workspace.set_project(project)
        return workspace

    return make


def live_meeting(services: Services, project: str, *names: str) -> MeetingSummary:
    """A weekly meeting in progress since 10 minutes before NOW, with ``names`` present."""
    meeting = services.meetings.create(
        project, MeetingType.WEEKLY_STATUS, "周例会", NOW - timedelta(hours=1), language="zh_CN"
    )
    started = services.meetings.start(meeting.id, NOW - timedelta(minutes=10))
    for name in names:
        services.meetings.add_attendee(meeting.id, name, attendance=Attendance.PRESENT)
    return started


@pytest.fixture
def editor(
    make_workspace: Callable[[str], MeetingsWorkspace], services: Services, project_id: str
) -> MeetingEditor:
    live_meeting(services, project_id, "张伟", "李红梅")
    return make_workspace(project_id).editor


def type_text(widget: QWidget, text: str) -> None:
    """Type ``text`` as a user would: ASCII as key presses, Chinese as an input method commits
    it (QTest.keyClicks only knows ASCII)."""
    for char in text:
        if char.isascii():
            QTest.keyClick(widget, char)
        else:
            event = QInputMethodEvent("", [])
            event.setCommitString(char)
            QApplication.sendEvent(widget, event)


def type_line(editor: MeetingEditor, text: str) -> None:
    line = editor.capture.line
    line.setFocus()
    type_text(line, text)
    QTest.keyClick(line, Qt.Key.Key_Return)


# --- the list and a new meeting -------------------------------------------------------------


def test_the_list_shows_the_projects_meetings_newest_first_in_local_time(
    make_workspace: Callable[[str], MeetingsWorkspace], services: Services, project_id: str
) -> None:
    older = services.meetings.create(
        project_id, MeetingType.KICKOFF, "项目启动会", datetime(2026, 10, 28, 6, 0, tzinfo=UTC)
    )
    services.meetings.add_action(older.id, "提交调研计划")
    newer = live_meeting(services, project_id)
    workspace = make_workspace(project_id)
    model = workspace.model

    assert [model.meeting(row).id for row in range(model.rowCount())] == [newer.id, older.id]
    local = datetime(2026, 10, 28, 6, 0, tzinfo=UTC).astimezone()
    assert model.index(1, MeetingListModel.WHEN).data() == local.strftime("%m-%d")
    assert (
        model.index(1, MeetingListModel.WHEN).data(SUBTITLE_ROLE).endswith(local.strftime(" %H:%M"))
    )
    assert model.index(1, MeetingListModel.TITLE).data(SUBTITLE_ROLE) == "Kickoff"
    assert model.index(1, MeetingListModel.TYPE).data() == "Kickoff"
    assert model.index(1, MeetingListModel.STATUS).data() == "Planned"
    assert model.index(1, MeetingListModel.OPEN_ACTIONS).data() == "1"
    assert model.index(0, MeetingListModel.STATUS).data() == "In progress"
    assert workspace.editor.meeting is not None
    assert workspace.editor.meeting.id == newer.id  # the one in progress opens first


def test_the_models_pass_the_qt_model_tester_while_items_come_and_go(
    request: pytest.FixtureRequest,
    make_workspace: Callable[[str], MeetingsWorkspace],
    services: Services,
    project_id: str,
    undo_stack: QUndoStack,
) -> None:
    meeting = live_meeting(services, project_id, "张伟", "李红梅")
    workspace = make_workspace(project_id)
    editor = workspace.editor
    type_line(editor, "决定：采用方案B")
    models = (
        workspace.model,
        editor.actions_model,
        editor.notes_model,
        editor.agenda.model,
        editor.attendees.model,
    )
    testers = [ModelTester(request.config) for _ in models]  # one per model: each keeps one
    for tester, model in zip(testers, models, strict=True):
        tester.check(model, force_py=True)  # now, and again on every signal from here on
    type_line(editor, "@张伟 明天 提交调研报告 #客户总部")  # a row inserted
    type_line(editor, "开通ERP只读账号")
    editor.actions_model.setData(editor.actions_model.index(1, ActionsModel.WHO), "李红梅")
    editor.agenda.model.setData(
        editor.agenda.model.index(0, 0), Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole
    )
    editor.attendees.name_edit.setText("王建国")
    QTest.keyClick(editor.attendees.name_edit, Qt.Key.Key_Return)
    undo_stack.undo()  # the WHO edit
    undo_stack.undo()  # a row removed
    services.meetings.create(project_id, MeetingType.OTHER, "新会", NOW + timedelta(days=1))
    workspace.refresh()  # a meeting inserted at the top
    workspace.select_meeting(meeting.id)
    assert editor.actions_model.rowCount() == 1
    for tester in testers:
        tester._cleanup()


def test_a_new_meeting_through_the_dialog_starts_from_its_types_agenda(
    make_workspace: Callable[[str], MeetingsWorkspace], services: Services, project_id: str
) -> None:
    workspace = make_workspace(project_id)
    assert workspace.pages.currentWidget() is workspace.empty
    seen: dict[str, object] = {}

    def fill(dialog: QDialog) -> None:
        kind = dialog.findChild(QComboBox, "meetingType")
        title = dialog.findChild(QLineEdit, "meetingTitle")
        series = dialog.findChild(QLineEdit, "meetingSeries")
        seen["weekly"] = (title.text(), series.text())
        kind.setCurrentIndex(kind.findData(MeetingType.KICKOFF.value))
        seen["kickoff"] = (title.text(), series.text())
        start = dialog.findChild(QDateTimeEdit, "meetingStart")
        start.setDateTime(QDateTime(QDate(2026, 12, 1), QTime(14, 0)))
        dialog.findChild(QLineEdit, "meetingPlace").setText("客户总部3楼")
        dialog.findChild(QLineEdit, "meetingScribe").setText("孙磊")
        dialog.accept()

    answer_next_dialog(fill)
    workspace.new_action.trigger()

    assert seen["weekly"] == ("Weekly status", "Weekly status")
    assert seen["kickoff"] == ("Project kickoff", "")
    [meeting] = services.meetings.of_project(project_id)
    assert (meeting.meeting_type, meeting.title, meeting.location, meeting.scribe) == (
        MeetingType.KICKOFF,
        "Project kickoff",
        "客户总部3楼",
        "孙磊",
    )
    assert meeting.starts_at == datetime(2026, 12, 1, 14, 0).astimezone().astimezone(UTC)
    assert meeting.status == MeetingStatus.PLANNED
    agenda = services.meetings.minutes(meeting.id).agenda
    assert agenda[0].title == "Background and goals"  # the UI language (English here)
    assert workspace.editor.meeting is not None
    assert workspace.editor.meeting.id == meeting.id
    assert workspace.editor.agenda.progress_label.text() == "0/5"


def test_the_dialog_explains_a_missing_title_and_will_not_accept_it(
    make_workspace: Callable[[str], MeetingsWorkspace], services: Services, project_id: str
) -> None:
    workspace = make_workspace(project_id)
    seen: dict[str, object] = {}

    def fill(dialog: QDialog) -> None:
        title = dialog.findChild(QLineEdit, "meetingTitle")
        title.setText("   ")
        title.setModified(True)
        title.textChanged.emit(title.text())
        seen["error"] = dialog.findChild(QLabel, "fieldError").text()
        ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
        seen["ok"] = ok.isEnabled()
        dialog.accept()  # refused while invalid
        seen["still_open"] = dialog.isVisible()
        dialog.reject()

    answer_next_dialog(fill)
    workspace.new_action.trigger()
    assert seen == {"error": "A meeting needs a title.", "ok": False, "still_open": True}
    assert services.meetings.of_project(project_id) == []


def test_start_close_and_reopen_and_closed_minutes_are_read_only(
    make_workspace: Callable[[str], MeetingsWorkspace], services: Services, project_id: str
) -> None:
    planned = services.meetings.create(project_id, MeetingType.WORKSHOP, "研讨会", NOW)
    workspace = make_workspace(project_id)
    editor = workspace.editor
    assert editor.header.start_button.isVisible()
    assert not editor.header.timer_label.isVisible()

    editor.header.start_button.click()
    assert services.meetings.get(planned.id).status == MeetingStatus.IN_PROGRESS
    assert services.meetings.get(planned.id).starts_at == NOW  # when it really began
    assert editor.header.close_button.isVisible()
    assert editor.capture.line.isEnabled()

    editor.header.close_button.click()
    assert services.meetings.get(planned.id).status == MeetingStatus.CLOSED
    assert editor.closed_banner.isVisible()
    assert "closed and read-only" in editor.closed_banner.findChild(QLabel).text()
    assert not editor.capture.line.isEnabled()
    assert not editor.agenda.title_edit.isEnabled()
    assert not editor.attendees.name_edit.isEnabled()
    agenda_flags = editor.agenda.model.flags(editor.agenda.model.index(0, 0))
    assert not agenda_flags & Qt.ItemFlag.ItemIsUserCheckable
    assert workspace.model.index(0, MeetingListModel.STATUS).data() == "Closed"

    editor.header.reopen_button.click()
    assert services.meetings.get(planned.id).status == MeetingStatus.IN_PROGRESS
    assert not editor.closed_banner.isVisible()
    assert editor.capture.line.isEnabled()


def test_closed_minutes_refuse_edits_of_items(
    editor: MeetingEditor, services: Services, qtbot: QtBot
) -> None:
    type_line(editor, "@张伟 明天 提交报告")
    editor.close_minutes()
    model = editor.actions_model
    for column in range(model.columnCount()):
        assert not model.flags(model.index(0, column)) & Qt.ItemFlag.ItemIsEditable
    assert not model.setData(model.index(0, ActionsModel.WHO), "李红梅")
    assert editor.minutes is not None
    assert editor.minutes.actions[0].who == "张伟"


def test_deleting_a_meeting_with_actions_asks_and_can_keep_them(
    make_workspace: Callable[[str], MeetingsWorkspace], services: Services, project_id: str
) -> None:
    first = live_meeting(services, project_id)
    kept = services.meetings.add_action(first.id, "保留的事项")
    workspace = make_workspace(project_id)
    asked: list[str] = []

    def keep(dialog: QDialog) -> None:
        assert isinstance(dialog, QMessageBox)
        asked.append(dialog.informativeText())
        dialog.findChild(QMessageBox, "removeMeetingBox")
        next(b for b in dialog.buttons() if b.objectName() == "keepActions").click()

    answer_next_dialog(keep)
    workspace.delete_action.trigger()
    assert "1 action item" in asked[0]
    assert services.meetings.of_project(project_id) == []
    assert services.meetings.update_action(kept.id, who="张伟").who == "张伟"  # still tracked
    assert workspace.pages.currentWidget() is workspace.empty

    second = live_meeting(services, project_id)
    dropped = services.meetings.add_action(second.id, "一起删除的事项")
    workspace.refresh()

    def drop(dialog: QDialog) -> None:
        next(b for b in dialog.buttons() if b.objectName() == "deleteActions").click()

    answer_next_dialog(drop)
    workspace.delete_action.trigger()
    assert services.meetings.of_project(project_id) == []
    with pytest.raises(Exception, match="no action_items row"):
        services.meetings.update_action(dropped.id, who="张伟")


def test_cancelling_the_deletion_keeps_the_meeting(
    make_workspace: Callable[[str], MeetingsWorkspace], services: Services, project_id: str
) -> None:
    live_meeting(services, project_id)
    workspace = make_workspace(project_id)

    def cancel(dialog: QDialog) -> None:
        assert isinstance(dialog, QMessageBox)
        dialog.button(QMessageBox.StandardButton.Cancel).click()

    answer_next_dialog(cancel)
    workspace.delete_action.trigger()
    assert len(services.meetings.of_project(project_id)) == 1


# --- live capture ---------------------------------------------------------------------------


def test_a_quick_entry_line_becomes_an_action_and_the_line_clears(
    editor: MeetingEditor, services: Services, qtbot: QtBot
) -> None:
    type_line(editor, "@张伟 明天 提交调研报告 #客户总部 ?为了评审")
    assert editor.minutes is not None
    [action] = editor.minutes.actions
    assert (action.number, action.what, action.who, action.due_on) == (
        1,
        "提交调研报告",
        "张伟",
        date(2026, 11, 26),
    )
    assert (action.where, action.why) == ("客户总部", "为了评审")
    assert services.meetings.minutes(action.meeting_id or "").actions == (action,)
    assert editor.capture.line.text() == ""
    assert QApplication.focusWidget() is editor.capture.line
    assert "Action 1 added" in editor.capture.preview.full_text()
    assert editor.actions_model.index(0, ActionsModel.WHEN).data() == "11-26 Thu"


def test_an_impossible_date_stays_in_what_and_the_hint_says_so(
    editor: MeetingEditor, qtbot: QtBot
) -> None:
    type_line(editor, "@张伟 截止2026-02-30 提交报告")
    assert editor.minutes is not None
    [action] = editor.minutes.actions
    assert action.due_on is None
    assert "2026-02-30" in action.what
    assert action.who == "张伟"
    hint = editor.capture.hint
    assert hint.isVisible()
    assert "“2026-02-30” is not a real date" in hint.text()
    assert editor.capture.line.text() == ""


def test_a_line_with_nothing_but_markers_is_kept_whole_as_what(
    editor: MeetingEditor, qtbot: QtBot
) -> None:
    type_line(editor, "@张伟 明天")
    assert editor.minutes is not None
    [action] = editor.minutes.actions
    assert (action.what, action.who) == ("@张伟 明天", "张伟")
    assert "the whole line is kept as What" in editor.capture.hint.text()


def test_decisions_and_notes_are_recorded_as_typed(editor: MeetingEditor, qtbot: QtBot) -> None:
    type_line(editor, "决定：采用方案B")
    type_line(editor, "备注：客户下周出差 #不是地点")
    type_line(editor, "决定：")  # nothing to record: refused, the line stays
    assert editor.minutes is not None
    assert [d.text for d in editor.minutes.decisions] == ["采用方案B"]
    assert [n.text for n in editor.minutes.notes] == ["客户下周出差 #不是地点"]
    assert editor.minutes.actions == ()
    assert editor.capture.line.text() == "决定："
    assert editor.capture.hint.isVisible()
    notes = editor.notes_model
    assert [notes.index(row, 0).data() for row in range(notes.rowCount())] == [
        "Decision",
        "Note",
    ]


def test_escape_clears_the_line_and_an_empty_enter_saves_nothing(
    editor: MeetingEditor, qtbot: QtBot
) -> None:
    line = editor.capture.line
    line.setFocus()
    type_text(line, "半句话")
    QTest.keyClick(line, Qt.Key.Key_Escape)
    assert line.text() == ""
    QTest.keyClick(line, Qt.Key.Key_Return)
    type_text(line, "   ")
    QTest.keyClick(line, Qt.Key.Key_Return)
    assert editor.minutes is not None
    assert editor.minutes.actions == ()


def test_at_completes_the_attendees_names(editor: MeetingEditor, qtbot: QtBot) -> None:
    line = editor.capture.line
    line.setFocus()
    type_text(line, "请 @李")
    popup = line.name_completer.popup()
    qtbot.waitUntil(popup.isVisible)
    assert popup.model().index(0, 0).data() == "李红梅"
    line.name_completer.activated.emit("李红梅")
    assert line.text() == "请 @李红梅 "
    type_text(line, "明天 确认")
    QTest.keyClick(line, Qt.Key.Key_Return)
    assert editor.minutes is not None
    assert editor.minutes.actions[0].who == "李红梅"


def test_a_line_the_database_refuses_stays_in_place_and_leaves_no_undo_step(
    editor: MeetingEditor,
    services: Services,
    qtbot: QtBot,
    undo_stack: QUndoStack,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def refuse(*_args: object, **_kwargs: object) -> None:
        raise StorageError("database is locked", reason="busy")

    monkeypatch.setattr(services.meetings, "add_action", refuse)
    type_line(editor, "@张伟 明天 提交报告")
    assert editor.capture.line.text() == "@张伟 明天 提交报告"
    assert "holding the database locked" in editor.capture.hint.text()
    assert undo_stack.count() == 0


# --- the action table -----------------------------------------------------------------------


def test_cells_are_edited_in_place_and_saved_at_once(
    editor: MeetingEditor, services: Services, qtbot: QtBot
) -> None:
    type_line(editor, "开通ERP只读账号")
    model, view = editor.actions_model, editor.actions_view
    meeting_id = editor.meeting.id if editor.meeting else ""

    assert model.setData(model.index(0, ActionsModel.WHO), "  李红梅 ")
    assert services.meetings.minutes(meeting_id).actions[0].who == "李红梅"

    when = model.index(0, ActionsModel.WHEN)
    view.setFocus()
    view.setCurrentIndex(when)
    view.edit(when)
    date_editor = view.findChild(QDateEdit)
    assert date_editor is not None
    date_editor.setDate(QDate(2026, 12, 1))
    QTest.keyClick(date_editor, Qt.Key.Key_Return)  # the delegate commits (queued)
    qtbot.waitUntil(
        lambda: services.meetings.minutes(meeting_id).actions[0].due_on == date(2026, 12, 1)
    )

    status = model.index(0, ActionsModel.STATUS)
    view.setCurrentIndex(status)
    view.edit(status)
    combo = view.findChild(QComboBox)
    assert combo is not None
    combo.setCurrentIndex(combo.findData(ActionStatus.DONE.value))
    combo.activated.emit(combo.currentIndex())
    saved = services.meetings.minutes(meeting_id).actions[0]
    assert saved.status == ActionStatus.DONE
    assert model.index(0, ActionsModel.STATUS).data() == "Done"

    assert not model.setData(model.index(0, ActionsModel.WHAT), "  ")  # What is required
    assert services.meetings.minutes(meeting_id).actions[0].what == "开通ERP只读账号"


def test_incomplete_items_are_marked_and_the_meeting_shows_its_completeness(
    editor: MeetingEditor, qtbot: QtBot
) -> None:
    type_line(editor, "@张伟 明天 提交调研报告")
    type_line(editor, "开通ERP只读账号 @李红梅")
    type_line(editor, "整理纪要")
    model = editor.actions_model
    assert editor.completeness.text() == "1/3 complete"
    assert model.index(1, ActionsModel.WHO).data() == "李红梅"
    assert model.index(1, ActionsModel.WHEN).data() == "To be set"
    assert model.index(1, ActionsModel.WHEN).data(Qt.ItemDataRole.BackgroundRole) == (
        INCOMPLETE_BACKGROUND
    )
    assert model.index(2, ActionsModel.WHO).data() == "To be set"
    assert model.index(0, ActionsModel.WHO).data(Qt.ItemDataRole.BackgroundRole) is None
    assert "needs a Who and a When" in model.index(2, ActionsModel.NUMBER).data(
        Qt.ItemDataRole.ToolTipRole
    )

    model.setData(model.index(1, ActionsModel.WHEN), QDate(2026, 11, 30))
    assert editor.completeness.text() == "2/3 complete"


def test_an_added_action_is_undone_and_redone_as_the_same_item(
    editor: MeetingEditor, services: Services, qtbot: QtBot, undo_stack: QUndoStack
) -> None:
    type_line(editor, "@张伟 明天 提交调研报告")
    assert editor.minutes is not None
    meeting_id = editor.minutes.meeting.id
    [added] = editor.minutes.actions
    assert undo_stack.undoText() == "Add action “提交调研报告”"

    undo_stack.undo()
    assert services.meetings.minutes(meeting_id).actions == ()
    assert editor.actions_model.rowCount() == 0
    assert editor.capture.line.text() == ""  # the line is not given back: the item was saved

    undo_stack.redo()
    [again] = services.meetings.minutes(meeting_id).actions
    assert (again.id, again.number, again.who) == (added.id, 1, "张伟")
    assert editor.actions_model.rowCount() == 1


def test_edits_and_notes_are_undoable_too(
    editor: MeetingEditor, services: Services, qtbot: QtBot, undo_stack: QUndoStack
) -> None:
    type_line(editor, "决定：采用方案A")
    type_line(editor, "@张伟 明天 提交报告")
    meeting_id = editor.meeting.id if editor.meeting else ""
    editor.actions_model.setData(editor.actions_model.index(0, ActionsModel.WHO), "李红梅")
    editor.notes_model.setData(editor.notes_model.index(0, 1), "采用方案B")
    minutes = services.meetings.minutes(meeting_id)
    assert (minutes.actions[0].who, minutes.decisions[0].text) == ("李红梅", "采用方案B")

    undo_stack.undo()
    undo_stack.undo()
    minutes = services.meetings.minutes(meeting_id)
    assert (minutes.actions[0].who, minutes.decisions[0].text) == ("张伟", "采用方案A")
    undo_stack.undo()
    undo_stack.undo()
    minutes = services.meetings.minutes(meeting_id)
    assert (minutes.actions, minutes.decisions) == ((), ())


def test_ctrl_z_on_the_empty_capture_line_undoes_the_last_item(
    window: MainWindow, services: Services, project_id: str, qtbot: QtBot
) -> None:
    live_meeting(services, project_id, "张伟")
    window.reload_projects(project_id)
    window.navigation.setCurrentRow(3)
    assert window.workspace_stack.currentWidget() is window.meetings
    editor = window.meetings.workspace.editor
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    type_line(editor, "@张伟 明天 提交报告")
    assert editor.minutes is not None
    assert len(editor.minutes.actions) == 1
    QTest.keyClick(editor.capture.line, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert editor.minutes.actions == ()
    type_text(editor.capture.line, "ab")
    QTest.keyClick(editor.capture.line, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert editor.capture.line.text() != "ab"  # with text, Ctrl+Z edits the line
    assert editor.minutes.actions == ()


def test_ctrl_enter_edits_the_last_item_and_comes_back_to_the_line(
    editor: MeetingEditor, qtbot: QtBot
) -> None:
    type_line(editor, "@张伟 明天 提交报告")
    QTest.keyClick(editor.capture.line, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    what_editor = editor.actions_view.findChild(QLineEdit)
    assert what_editor is not None
    assert what_editor.text() == "提交报告"
    what_editor.setText("提交调研报告")
    QTest.keyClick(what_editor, Qt.Key.Key_Return)  # the delegate commits (queued)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is editor.capture.line)
    assert editor.minutes is not None
    assert editor.minutes.actions[0].what == "提交调研报告"


# --- agenda, attendees, timer, help ---------------------------------------------------------


def test_agenda_items_are_ticked_off_with_progress(
    editor: MeetingEditor, services: Services
) -> None:
    model = editor.agenda.model
    assert editor.agenda.progress_label.text() == "0/4"
    assert model.setData(model.index(0, 0), Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)
    assert model.setData(model.index(1, 0), Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)
    assert editor.agenda.progress_label.text() == "2/4"
    assert editor.meeting is not None
    assert [a.done for a in services.meetings.minutes(editor.meeting.id).agenda] == [
        True,
        True,
        False,
        False,
    ]
    editor.agenda.title_edit.setText("其他事项")
    QTest.keyClick(editor.agenda.title_edit, Qt.Key.Key_Return)
    assert editor.agenda.progress_label.text() == "2/5"
    assert editor.agenda.title_edit.text() == ""


def test_attendees_are_added_by_name_and_marked_in_place(
    editor: MeetingEditor, services: Services, qtbot: QtBot
) -> None:
    editor.attendees.name_edit.setText("王建国")
    QTest.keyClick(editor.attendees.name_edit, Qt.Key.Key_Return)
    assert editor.minutes is not None
    names = {a.name: a.attendance for a in editor.minutes.attendees}
    assert names["王建国"] == Attendance.PRESENT  # added during the meeting: present
    model = editor.attendees.model
    row = model.names().index("王建国")
    assert model.setData(model.index(row, 1), Attendance.EXCUSED.value)
    saved = services.meetings.minutes(editor.minutes.meeting.id).attendees
    assert {a.name: a.attendance for a in saved}["王建国"] == Attendance.EXCUSED
    assert editor.attendees.count_label.text() == "2 of 3 present"
    type_line(editor, "@王建国 明天 审批方案")
    assert editor.minutes.actions[0].who == "王建国"
    assert not editor.capture.hint.isVisible()  # a known attendee: no problem


def test_the_timer_shows_the_time_since_the_meeting_started(
    editor: MeetingEditor, clock: list[datetime]
) -> None:
    header = editor.header
    assert header.ticking
    assert header.timer_label.text() == "10:00"
    clock[0] = NOW + timedelta(minutes=55, seconds=7)
    header._ticker.timeout.emit()
    assert header.timer_label.text() == "1:05:07"
    editor.close_minutes()
    assert not header.ticking
    assert header.timer_caption.text() == "Duration"


def test_f1_and_the_question_mark_toggle_the_syntax_help(
    editor: MeetingEditor, qtbot: QtBot
) -> None:
    assert not editor.help.isVisible()
    line = editor.capture.line
    line.setFocus()
    QTest.keyClick(line, Qt.Key.Key_F1)
    assert editor.help.isVisible()
    examples = editor.help.examples.text()
    assert all(example.replace("<", "&lt;") in examples for example, _ in SYNTAX_EXAMPLES[:3])
    QTest.keyClick(line, Qt.Key.Key_F1)
    assert not editor.help.isVisible()
    editor.capture.help_button.click()
    assert editor.help.isVisible()
    assert QApplication.focusWidget() is line  # the button never takes the focus


def test_every_syntax_example_has_a_translatable_explanation() -> None:
    for _example, meaning in SYNTAX_EXAMPLES:
        assert example_meaning(meaning) == meaning  # English: known and returned as is
    source = Path(example_meaning.__code__.co_filename).read_text(encoding="utf-8")
    missing = [m for _e, m in SYNTAX_EXAMPLES if f'"QuickEntryHelp", "{m}"' not in source]
    missing = [m for m in missing if f'"QuickEntryHelp",\n            "{m}"' not in source]
    assert not missing, f"SYNTAX_EXAMPLES changed; add these to help.py: {missing}"


# --- nothing lost ---------------------------------------------------------------------------


def test_the_half_typed_line_is_kept_as_a_draft_and_comes_back(
    make_workspace: Callable[[str], MeetingsWorkspace],
    services: Services,
    project_id: str,
    qtbot: QtBot,
) -> None:
    meeting = live_meeting(services, project_id, "张伟")
    workspace = make_workspace(project_id)
    line = workspace.editor.capture.line
    line.setFocus()
    type_text(line, "@张伟 下周五 提交")
    qtbot.waitUntil(lambda: services.meetings.load_draft(meeting.id) == "@张伟 下周五 提交")
    workspace.close()

    again = make_workspace(project_id)
    assert again.editor.capture.line.text() == "@张伟 下周五 提交"
    again.editor.capture.line.setFocus(Qt.FocusReason.TabFocusReason)  # no select-all
    type_text(again.editor.capture.line, "方案")
    QTest.keyClick(again.editor.capture.line, Qt.Key.Key_Return)
    assert services.meetings.load_draft(meeting.id) == ""
    assert [a.what for a in services.meetings.minutes(meeting.id).actions] == ["提交方案"]


def test_switching_meetings_saves_the_draft_at_once(
    make_workspace: Callable[[str], MeetingsWorkspace],
    services: Services,
    project_id: str,
) -> None:
    other = services.meetings.create(project_id, MeetingType.OTHER, "另一个会", NOW)
    meeting = live_meeting(services, project_id)
    workspace = make_workspace(project_id)
    type_text(workspace.editor.capture.line, "还没打完")
    workspace.select_meeting(other.id)  # no wait: the switch itself saves
    assert services.meetings.load_draft(meeting.id) == "还没打完"
    assert workspace.editor.capture.line.text() == ""
    workspace.select_meeting(meeting.id)
    assert workspace.editor.capture.line.text() == "还没打完"


def test_the_last_meeting_is_remembered(
    make_workspace: Callable[[str], MeetingsWorkspace], services: Services, project_id: str
) -> None:
    older = services.meetings.create(project_id, MeetingType.OTHER, "较早的会", NOW)
    live_meeting(services, project_id)
    first = make_workspace(project_id)
    first.select_meeting(older.id)
    first.close()
    again = make_workspace(project_id)
    assert again.editor.meeting is not None
    assert again.editor.meeting.id == older.id


def test_the_main_window_shows_the_workspace_for_the_current_project(
    window: MainWindow, services: Services, project_id: str
) -> None:
    meeting = live_meeting(services, project_id)
    other = services.projects.create("另一个项目")
    window.reload_projects(project_id)
    assert window.meetings.workspace.project_id == project_id
    assert window.meetings.workspace.editor.meeting is not None
    assert window.meetings.workspace.editor.meeting.id == meeting.id
    window.select_project(other.id)
    assert window.meetings.workspace.pages.currentWidget() is window.meetings.workspace.empty
    assert window.meetings.workspace.editor.meeting is None


def test_minute_kinds_in_the_notes_table_follow_the_minutes(
    editor: MeetingEditor, services: Services
) -> None:
    assert editor.meeting is not None
    services.meetings.add_note(editor.meeting.id, MinuteKind.NOTE, "先记的备注")
    services.meetings.add_note(editor.meeting.id, MinuteKind.DECISION, "后来的决定")
    editor.reload()
    texts = [editor.notes_model.index(r, 1).data() for r in range(editor.notes_model.rowCount())]
    assert texts == ["后来的决定", "先记的备注"]  # decisions first, as in the PDF minutes


def test_the_meeting_list_model_passes_qtmodeltester(
    qtmodeltester: ModelTester,
    make_workspace: Callable[[str], MeetingsWorkspace],
    services: Services,
    project_id: str,
) -> None:
    workspace = make_workspace(project_id)
    qtmodeltester.check(workspace.model, force_py=True)
    first = live_meeting(services, project_id)
    workspace.refresh()
    services.meetings.create(project_id, MeetingType.KICKOFF, "启动会", NOW - timedelta(days=9))
    workspace.refresh()
    services.meetings.remove(first.id, keep_actions=True)
    workspace.refresh()
    assert workspace.model.rowCount() == 1


def test_the_workspace_is_built_only_when_first_shown(
    window: MainWindow, services: Services, project_id: str, qtbot: QtBot
) -> None:
    window.reload_projects(project_id)
    window.navigation.setCurrentRow(0)
    assert not window.meetings.built  # start-up does not pay for it
    window.navigation.setCurrentRow(3)
    qtbot.waitUntil(lambda: window.meetings.built)
    assert window.meetings.workspace.project_id == project_id


def weekly_pair(services: Services, project: str) -> tuple[MeetingSummary, MeetingSummary]:
    """Last week's weekly meeting with two open actions (one in progress) and a done one, and
    this week's, in the same series: the open ones are carried to it for review."""
    first = services.meetings.create(
        project,
        MeetingType.WEEKLY_STATUS,
        "周例会",
        NOW - timedelta(days=7),
        series="周例会",
        language="zh_CN",
    )
    report = services.meetings.add_action(first.id, "提交调研报告", who="张伟", due_on=TODAY)
    services.meetings.add_action(first.id, "开通ERP只读账号", who="李红梅")
    done = services.meetings.add_action(first.id, "确认会议室", who="王建国")
    services.meetings.set_action_status([report.id], ActionStatus.IN_PROGRESS)
    services.meetings.set_action_status([done.id], ActionStatus.DONE)
    second = services.meetings.create(
        project, MeetingType.WEEKLY_STATUS, "周例会", NOW, series="周例会", language="zh_CN"
    )
    return first, second


def test_the_previous_meetings_open_actions_are_reviewed_first_with_their_history(
    make_workspace: Callable[[str], MeetingsWorkspace], services: Services, project_id: str
) -> None:
    _first, second = weekly_pair(services, project_id)
    editor = make_workspace(project_id).editor
    assert editor.meeting is not None
    assert editor.meeting.id == second.id
    assert editor.review_box.isVisible()
    model = editor.review_model
    assert model.rowCount() == 2  # the done one is not carried
    rows = {
        model.index(row, ReviewModel.WHAT).data(): [
            model.index(row, column).data() for column in range(model.columnCount())
        ]
        for row in range(model.rowCount())
    }
    report = rows["提交调研报告"]
    assert report[ReviewModel.NUMBER] == "1"
    assert report[ReviewModel.WHO] == "张伟"
    assert report[ReviewModel.STATUS] == "In progress"
    assert report[ReviewModel.HISTORY].count("→") == 1
    assert report[ReviewModel.HISTORY].endswith("In progress")
    assert "Open →" in report[ReviewModel.HISTORY]
    assert rows["开通ERP只读账号"][ReviewModel.WHEN] == "—"
    assert "2 of 2 still open" in editor.review_summary.text()
    assert editor.review_box.geometry().top() < editor.actions_view.parentWidget().geometry().top()


def test_a_status_changed_in_review_is_recorded_with_this_meeting_and_undoable(
    make_workspace: Callable[[str], MeetingsWorkspace],
    services: Services,
    project_id: str,
    undo_stack: QUndoStack,
) -> None:
    from sqlalchemy import select

    from pm_desktop.storage.models import ActionStatusChange

    _first, second = weekly_pair(services, project_id)
    editor = make_workspace(project_id).editor
    model = editor.review_model
    row = next(
        r
        for r in range(model.rowCount())
        if model.index(r, ReviewModel.WHAT).data() == "提交调研报告"
    )
    action_id = model.action(row).id
    assert model.flags(model.index(row, ReviewModel.STATUS)) & Qt.ItemFlag.ItemIsEditable
    assert not model.flags(model.index(row, ReviewModel.WHAT)) & Qt.ItemFlag.ItemIsEditable
    assert model.setData(model.index(row, ReviewModel.STATUS), ActionStatus.DONE.value)

    assert model.index(row, ReviewModel.STATUS).data() == "Done"  # still listed, now done
    assert model.index(row, ReviewModel.HISTORY).data().endswith("Done")
    assert "1 of 2 still open" in editor.review_summary.text()
    with services.store.read() as session:
        last = session.scalars(
            select(ActionStatusChange)
            .where(ActionStatusChange.action_id == action_id)
            .order_by(ActionStatusChange.changed_at.desc())
        ).first()
        assert last is not None
        assert (last.status, last.meeting_id) == (ActionStatus.DONE, second.id)

    undo_stack.undo()
    assert model.index(row, ReviewModel.STATUS).data() == "In progress"


def test_the_review_is_hidden_without_carried_actions_and_read_only_when_closed(
    make_workspace: Callable[[str], MeetingsWorkspace],
    services: Services,
    project_id: str,
    request: pytest.FixtureRequest,
) -> None:
    first, second = weekly_pair(services, project_id)
    workspace = make_workspace(project_id)
    editor = workspace.editor
    tester = ModelTester(request.config)
    tester.check(editor.review_model, force_py=True)
    workspace.select_meeting(first.id)  # the first of its series: nothing to review
    assert not editor.review_box.isVisible()
    assert editor.review_model.rowCount() == 0
    workspace.select_meeting(second.id)
    assert editor.review_box.isVisible()
    services.meetings.set_status(second.id, MeetingStatus.CLOSED)
    editor.reload()
    model = editor.review_model
    assert not model.flags(model.index(0, ReviewModel.STATUS)) & Qt.ItemFlag.ItemIsEditable
    assert not model.setData(model.index(0, ReviewModel.STATUS), ActionStatus.DONE.value)
    tester._cleanup()


def test_attendees_are_picked_from_the_stakeholders_and_team_or_typed_in(
    make_workspace: Callable[[str], MeetingsWorkspace], services: Services, project_id: str
) -> None:
    from pm_desktop.storage.models import Person, Stakeholder, TeamAssignment

    with services.store.write() as session:
        boss = Stakeholder(
            project_id=project_id, name="王建国", organisation="华东制造", email="w@c.cn"
        )
        consultant = Person(project_id=None, name="刘洋", company="咨询公司", email="ly@p.cn")
        session.add_all([boss, consultant])
        session.flush()
        session.add(
            TeamAssignment(
                project_id=project_id,
                person_id=consultant.id,
                role_name="顾问",
                starts_on=TODAY,
                ends_on=TODAY + timedelta(days=30),
            )
        )
        boss_id, consultant_id = boss.id, consultant.id
    meeting = live_meeting(services, project_id, "张伟")
    editor = make_workspace(project_id).editor
    panel = editor.attendees
    suggestions = panel.completer.model()
    assert suggestions.data(suggestions.index(0, 0)) == "王建国 (华东制造)"
    assert suggestions.rowCount() == 2

    panel.name_edit.setText("华东")  # any part matches: the organisation too
    panel.completer.setCompletionPrefix("华东")
    assert panel.completer.completionCount() == 1
    panel.completer.activated.emit("王建国 (华东制造)")  # chosen in the pop-up
    panel.name_edit.setText("刘洋")  # a candidate's name, typed whole, then Enter
    QTest.keyClick(panel.name_edit, Qt.Key.Key_Return)
    panel.name_edit.setText("临时专家")  # anyone else is typed in as before
    QTest.keyClick(panel.name_edit, Qt.Key.Key_Return)

    attendees = {a.name: a for a in services.meetings.minutes(meeting.id).attendees}
    assert (attendees["王建国"].stakeholder_id, attendees["王建国"].email) == (boss_id, "w@c.cn")
    assert (attendees["刘洋"].person_id, attendees["刘洋"].email) == (consultant_id, "ly@p.cn")
    assert attendees["临时专家"].stakeholder_id is None
    assert attendees["临时专家"].attendance == Attendance.PRESENT
    assert panel.name_edit.text() == ""
    assert suggestions.rowCount() == 0  # both attend now
