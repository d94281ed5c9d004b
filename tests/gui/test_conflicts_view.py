"""The Conflicts panel as a PM sees it: both versions side by side, one click to resolve, undo,
and the status-bar badge that counts what is open."""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QApplication, QPushButton, QWidget
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from pm_desktop.core.enums import ConflictKind, ConflictResolution, MeetingType, MinuteKind
from pm_desktop.services.conflicts import ConflictEntry
from pm_desktop.services.container import Services
from pm_desktop.storage.models import ActionItem, MinuteEntry
from pm_desktop.ui.conflicts import ConflictsEntry
from pm_desktop.ui.conflicts.labels import excerpt
from pm_desktop.ui.conflicts.panel import Column, ConflictsPanel
from pm_desktop.ui.i18n import ensure_cjk_font, install_translators
from pm_desktop.ui.main_window import MainWindow
from pm_desktop.ui.services_loader import ServicesLoader
from tests.unit.test_conflicts_service import OTHER, pull_conflict, stamp

MINUTES_MINE = (
    "一、接口方案：双方确认采用 REST 接口，由启明负责编写接口文档，客户信息部负责提供测试环境。"
    "二、数据迁移：历史工单数据约 120 万条，计划分三批迁移，第一批在 12 月 5 日前完成。"
    "三、风险：测试环境尚未就绪，可能影响联调进度，需客户在本周五前确认。"
)
MINUTES_THEIRS = (
    "一、接口方案：双方确认采用 REST 接口，启明负责接口文档。"
    "二、数据迁移：历史数据分批迁移，第一批 12 月 5 日前完成，第二批待定。"
    "三、下次会议：12 月 1 日下午两点，地点：客户二号楼 301 会议室。"
)


@dataclass
class Scene:
    project: str
    meeting: str
    action: str
    note: str
    stakeholder: str
    conflicts: list[str]


def make_scene(services: Services) -> Scene:
    """A long Chinese minutes text, a 5W1H field and a deleted-while-edited stakeholder, each
    in conflict with another computer (li.na's)."""
    me = services.store.device_id
    project = services.projects.create("华东制造 MES 二期").id
    meeting = services.meetings.create(
        project, MeetingType.WEEKLY_STATUS, "第 12 周例会", datetime(2026, 11, 23, 6, tzinfo=UTC)
    ).id
    note = services.meetings.add_note(meeting, MinuteKind.NOTE, MINUTES_MINE).id
    action = services.meetings.add_action(meeting, "更新接口文档", how="按模板补充错误码").id
    stakeholder = services.stakeholders.create(project, "王芳", title="信息部经理").id
    made = [
        pull_conflict(
            services, table="minute_entries", row_id=note, project_id=project, column="text",
            kept=MINUTES_THEIRS, lost=MINUTES_MINE, kept_device=OTHER, lost_device=me,
            kept_user="li.na", lost_user="wang.fang",
        ),
        pull_conflict(
            services, table="action_items", row_id=action, project_id=project, column="how",
            kept="按模板补充错误码，并附调用示例", lost="按模板补充错误码", kept_device=OTHER,
            lost_device=me, kept_user="li.na", lost_user="wang.fang",
        ),
        pull_conflict(
            services, table="stakeholders", row_id=stakeholder, project_id=project,
            column="deleted", kind=ConflictKind.DELETE, kept=False, lost=True, kept_device=me,
            lost_device=OTHER, kept_user="wang.fang", lost_user="li.na",
        ),
    ]  # fmt: skip
    return Scene(project, meeting, action, note, stakeholder, [m.conflict_id for m in made])


@pytest.fixture
def undo_stack() -> Iterator[QUndoStack]:
    stack = QUndoStack()
    yield stack
    stack.clear()


@pytest.fixture
def entry(qtbot: QtBot, services: Services, undo_stack: QUndoStack) -> ConflictsEntry:
    host = QWidget()
    qtbot.addWidget(host)
    return ConflictsEntry(ServicesLoader.of(services), undo_stack, host)


def open_panel(qtbot: QtBot, entry: ConflictsEntry) -> ConflictsPanel:
    entry.open_panel()
    assert entry.dialog is not None
    qtbot.waitExposed(entry.dialog)
    return entry.dialog.panel


def rows(panel: ConflictsPanel, column: Column) -> list[str]:
    model = panel.model
    return [model.index(row, column).data() for row in range(model.rowCount())]


def text_of(services: Services, model: type[ActionItem] | type[MinuteEntry], row_id: str) -> str:
    with services.store.read() as session:
        row = session.get(model, row_id)
        assert row is not None
        return row.text if isinstance(row, MinuteEntry) else row.how


def test_the_panel_lists_conflicts_and_shows_both_versions(
    qtbot: QtBot, qtmodeltester: ModelTester, services: Services, entry: ConflictsEntry
) -> None:
    make_scene(services)
    panel = open_panel(qtbot, entry)
    qtmodeltester.check(panel.model)
    assert rows(panel, Column.PROJECT) == ["华东制造 MES 二期"] * 3
    assert rows(panel, Column.RECORD) == [
        "Minutes “第 12 周例会”",
        "Action item “更新接口文档”",
        "Stakeholder “王芳”",
    ]
    assert rows(panel, Column.FIELD) == ["Minutes text", "How (5W1H)", "Deleted and edited at once"]
    assert panel.summary.text() == "3 conflict(s) to resolve"
    # The first is selected: mine on the left, theirs on the right, the same font.
    assert panel.left.title.text() == "Mine"
    assert panel.left.text.toPlainText() == MINUTES_MINE
    assert panel.left.meta.text().startswith("wang.fang on this computer · ")
    assert panel.right.title.text() == "Theirs"
    assert panel.right.text.toPlainText() == MINUTES_THEIRS
    assert panel.right.meta.text().startswith("li.na · ")
    assert panel.right.tag.text() == "In the record now"
    assert panel.left.text.font() == panel.right.text.font()
    assert (panel.keep_left.text(), panel.keep_right.text()) == ("Keep Mine", "Keep Theirs")
    assert panel.keep_both.isVisible()
    assert not panel.warning.isVisible()


def test_one_click_resolves_moves_on_and_says_when_none_remain(
    qtbot: QtBot, services: Services, entry: ConflictsEntry, undo_stack: QUndoStack
) -> None:
    scene = make_scene(services)
    panel = open_panel(qtbot, entry)
    panel.keep_left.click()  # Keep Mine: my minutes go back into the record
    assert text_of(services, MinuteEntry, scene.note) == MINUTES_MINE
    assert panel.model.rowCount() == 2
    assert panel.heading.text() == "Action item “更新接口文档”"  # the next one is selected
    assert entry.badge.text() == "⚠ 2 conflict(s)"
    panel.keep_both.click()
    assert text_of(services, ActionItem, scene.action) == "按模板补充错误码，并附调用示例"
    assert panel.heading.text() == "Stakeholder “王芳”"
    assert (panel.keep_left.text(), panel.keep_right.text()) == ("Keep the Row", "Delete It")
    assert not panel.keep_both.isVisible()
    assert "王芳" in panel.left.text.toPlainText()
    panel.keep_right.click()  # Delete It
    assert services.stakeholders.of_project(scene.project) == []
    assert panel.pages.currentWidget() is panel.empty
    assert not entry.badge.isVisible()
    # Every resolution is a step of the history: undo (here, in the panel) brings it back.
    assert undo_stack.count() == 3
    assert entry.dialog is not None
    assert entry.dialog.undo_button.text() == "Undo Resolve conflict in Stakeholder “王芳”"
    entry.dialog.undo_button.click()
    assert [s.name for s in services.stakeholders.of_project(scene.project)] == ["王芳"]
    assert panel.model.rowCount() == 1
    assert panel.heading.text() == "Stakeholder “王芳”"
    assert entry.badge.text() == "⚠ 1 conflict(s)"
    undo_stack.undo()
    undo_stack.undo()
    assert text_of(services, MinuteEntry, scene.note) == MINUTES_THEIRS
    assert panel.model.rowCount() == 3


def test_a_value_changed_since_is_overwritten_only_when_the_user_agrees(
    qtbot: QtBot, services: Services, entry: ConflictsEntry, undo_stack: QUndoStack
) -> None:
    scene = make_scene(services)
    panel = open_panel(qtbot, entry)
    panel.select_row(1)
    services.meetings.update_action(scene.action, how="第三个版本")
    panel.reload()
    assert panel.warning.isVisible()
    assert "“Current value” shows what the record holds now" in panel.warning.text()
    assert (panel.right.title.text(), panel.right.tag.text()) == ("Current value", "Changed since")
    assert panel.right.text.toPlainText() == "第三个版本"
    assert panel.keep_right.text() == "Keep the Current Value"
    asked: list[str] = []

    def answer(agree: bool) -> None:
        def confirm(conflict: ConflictEntry, button: QPushButton) -> bool:
            asked.append(f"{conflict.current} / {button.text()}")
            return agree

        panel.confirm_overwrite = confirm

    answer(agree=False)
    panel.keep_left.click()  # Keep Mine would overwrite the newer edit: asked, and declined
    assert asked == ["第三个版本 / Keep Mine"]
    assert text_of(services, ActionItem, scene.action) == "第三个版本"
    assert panel.model.rowCount() == 3

    answer(agree=True)
    panel.keep_left.click()
    assert text_of(services, ActionItem, scene.action) == "按模板补充错误码"  # mine
    assert panel.model.rowCount() == 2
    undo_stack.undo()  # the later change comes back, and the conflict with it
    assert text_of(services, ActionItem, scene.action) == "第三个版本"
    assert panel.model.rowCount() == 3


def test_keeping_the_current_value_asks_nothing(
    qtbot: QtBot, services: Services, entry: ConflictsEntry
) -> None:
    scene = make_scene(services)
    panel = open_panel(qtbot, entry)
    panel.select_row(1)
    services.meetings.update_action(scene.action, how="第三个版本")
    panel.reload()
    panel.confirm_overwrite = lambda _conflict, _button: pytest.fail("asked")
    panel.keep_right.click()
    assert text_of(services, ActionItem, scene.action) == "第三个版本"
    assert panel.model.rowCount() == 2


def test_a_refusal_is_explained_in_the_panel(
    qtbot: QtBot, services: Services, entry: ConflictsEntry
) -> None:
    scene = make_scene(services)
    panel = open_panel(qtbot, entry)
    services.meetings.update_note(scene.note, "另一台电脑后来改的纪要")  # after the panel read
    panel.keep_left.click()
    assert panel.message.isVisible()
    assert "changed this after the conflict" in panel.message.text()
    assert text_of(services, MinuteEntry, scene.note) == "另一台电脑后来改的纪要"
    assert panel.model.rowCount() == 3
    assert panel.right.text.toPlainText() == "另一台电脑后来改的纪要"  # it reads again


def test_the_badge_counts_open_conflicts_and_follows_a_sync(
    qtbot: QtBot, services: Services, window: MainWindow
) -> None:
    assert not window.conflicts.badge.isVisible()
    scene = make_scene(services)
    window.sync.pulled.emit(None)  # a sync wrote the records here
    assert window.conflicts.badge.isVisible()
    assert window.conflicts.badge.text() == "⚠ 3 conflict(s)"
    window.conflicts.badge.click()
    dialog = window.conflicts.dialog
    assert dialog is not None
    assert dialog.isVisible()
    view_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&View")
    assert window.conflicts.action in view_menu.actions()
    dialog.panel.keep_right.click()  # Keep Theirs of the minutes: nothing written
    assert window.conflicts.badge.text() == "⚠ 2 conflict(s)"
    window.undo_stack.undo()
    assert window.conflicts.badge.text() == "⚠ 3 conflict(s)"
    assert text_of(services, MinuteEntry, scene.note) == MINUTES_THEIRS
    dialog.close()


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_screenshots_of_the_panel(  # noqa: PLR0917 (pytest passes fixtures by position)
    qapp: QApplication,
    qtbot: QtBot,
    services: Services,
    entry: ConflictsEntry,
    language: str,
    tmp_path: Path,
) -> None:
    """Grabs the panel on each kind of conflict (kept in $PM_SCREENSHOTS when set)."""
    translators = install_translators(qapp, language)
    ensure_cjk_font()
    try:
        make_scene(services)
        panel = open_panel(qtbot, entry)
        assert entry.dialog is not None
        out = Path(os.environ.get("PM_SCREENSHOTS", str(tmp_path)))
        out.mkdir(parents=True, exist_ok=True)
        for row in range(panel.model.rowCount()):
            panel.select_row(row)
            qtbot.wait(20)
            assert entry.dialog.grab().save(str(out / f"conflicts-{language}-{row}.png"))
        entry.dialog.close()
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)


def test_keeping_a_row_whose_parent_was_deleted_too_says_so_and_brings_it_back(
    qtbot: QtBot, services: Services, entry: ConflictsEntry, undo_stack: QUndoStack
) -> None:
    project = services.projects.create("华东制造 MES 二期").id
    person = services.stakeholders.create(project, "王芳")
    demand = services.stakeholders.add_demand(person.id, "月底前完成数据迁移")
    pull_conflict(
        services, table="demands", row_id=demand.id, project_id=project, column="deleted",
        kind=ConflictKind.DELETE, kept=False, lost=True, kept_device=services.store.device_id,
        lost_device=OTHER, kept_user="wang.fang", lost_user="li.na",
    )  # fmt: skip
    services.stakeholders.remove(person.id)  # li.na deleted the stakeholder as well
    panel = open_panel(qtbot, entry)
    assert panel.warning.isVisible()
    assert "the stakeholder “王芳”" in panel.warning.text()
    keep = next(b for b, r in panel._resolutions.items() if r == ConflictResolution.KEPT)
    keep.click()
    assert [s.name for s in services.stakeholders.of_project(project)] == ["王芳"]
    assert panel.model.rowCount() == 0
    undo_stack.undo()
    assert services.stakeholders.of_project(project) == []


def test_two_minute_entries_of_one_meeting_read_apart(
    qtbot: QtBot, services: Services, entry: ConflictsEntry
) -> None:
    scene = make_scene(services)
    second = services.meetings.add_note(scene.meeting, MinuteKind.DECISION, "测试环境由客户提供").id
    pull_conflict(
        services, table="minute_entries", row_id=second, project_id=scene.project,
        column="text", kept="测试环境由客户信息部在周五前提供", lost="测试环境由客户提供",
        kept_device=OTHER, lost_device=services.store.device_id, kept_hlc=stamp(OTHER, 60000),
    )  # fmt: skip
    panel = open_panel(qtbot, entry)
    assert rows(panel, Column.RECORD) == [
        "Minutes “第 12 周例会”: “一、接口方案：双方确认采用 REST 接口，启明…”",
        "Action item “更新接口文档”",
        "Stakeholder “王芳”",
        "Minutes “第 12 周例会”: “测试环境由客户信息部在周五前提供”",
    ]
    panel.select_row(3)
    assert panel.heading.text() == "Minutes “第 12 周例会”: “测试环境由客户信息部在周五前提供”"


def test_an_excerpt_shows_where_texts_that_start_alike_differ() -> None:
    start = "一、接口方案：双方确认采用 REST 接口，启明负责接口文档。"
    first, second = start + "二、数据迁移分批进行。", start + "二、下次会议 12 月 1 日。"
    assert excerpt(first, [second]) == "…接口，启明负责接口文档。二、数据迁移分批进行。"
    assert excerpt(second, [first]) == "…，启明负责接口文档。二、下次会议 12 月 1…"
    assert excerpt("短", ["长一些的文本"]) == "短"


def test_a_value_changed_since_shows_in_full_over_its_keep_button(
    qtbot: QtBot, services: Services, entry: ConflictsEntry
) -> None:
    scene = make_scene(services)
    later = MINUTES_THEIRS + "四、补充：" + "客户要求每周五提交一次进度周报。" * 8
    assert len(later) > 200
    services.meetings.update_note(scene.note, later)
    panel = open_panel(qtbot, entry)
    assert panel.left.title.text() == "Mine"
    assert panel.left.text.toPlainText() == MINUTES_MINE
    assert panel.right.title.text() == "Current value"
    assert panel.right.text.toPlainText() == later  # whole, not cut
    assert panel.right.meta.text().startswith(
        "Changed after the conflict, replacing the version of li.na · "
    )
    assert MINUTES_THEIRS in panel.right.meta.toolTip()
    assert later not in panel.warning.text()
    assert panel.keep_right.text() == "Keep the Current Value"


def center_x(widget: QWidget, panel: ConflictsPanel) -> int:
    return widget.mapTo(panel, widget.rect().center()).x()


def spans(widget: QWidget, panel: ConflictsPanel) -> tuple[int, int]:
    left = widget.mapTo(panel, widget.rect().topLeft()).x()
    return left, left + widget.width()


def test_each_keep_button_sits_under_its_own_version(
    qtbot: QtBot, services: Services, entry: ConflictsEntry
) -> None:
    make_scene(services)
    panel = open_panel(qtbot, entry)
    assert panel.left.title.text() == "Mine"
    assert panel.keep_left.text() == "Keep Mine"
    left_pane, right_pane = spans(panel.left, panel), spans(panel.right, panel)
    assert left_pane[0] <= center_x(panel.keep_left, panel) < left_pane[1]
    assert right_pane[0] <= center_x(panel.keep_right, panel) < right_pane[1]
    for button in (panel.keep_left, panel.keep_right):  # under the panes, not beside them
        assert (
            button.mapTo(panel, button.rect().topLeft()).y()
            > panel.left.mapTo(panel, panel.left.rect().bottomLeft()).y()
        )
    # Keep Both between the two: across the gap between the panes.
    both = spans(panel.keep_both, panel)
    assert both[0] < left_pane[1]
    assert right_pane[0] < both[1]
