"""The Team workspace as a PM uses it: team model and assignments with their checks, RACI,
the resource pool and the cost estimate; every edit undoable."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QModelIndex, QSettings, Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox
from pytestqt.qtbot import QtBot

from pm_desktop.core.cost import CostInput, cost_line, yuan_text
from pm_desktop.core.enums import PoolEventKind, ProjectType, Raci, ServiceOrderType
from pm_desktop.core.team import RoleSpec
from pm_desktop.core.work_calendar import WorkCalendar
from pm_desktop.services.container import Services
from pm_desktop.services.demo import create_demo_project
from pm_desktop.ui.i18n import ensure_cjk_font, install_translators
from pm_desktop.ui.services_loader import ServicesLoader
from pm_desktop.ui.team.dialogs import AssignDialog, PersonDialog
from pm_desktop.ui.team.page import TeamPage
from pm_desktop.ui.team.workspace import TeamWorkspace
from tests.gui.conftest import answer_next_dialog

START = date(2026, 3, 2)  # a Monday


@pytest.fixture
def project_id(services: Services) -> str:
    return services.projects.create("华东制造集团数字化转型").id


@pytest.fixture
def undo_stack() -> Iterator[QUndoStack]:
    stack = QUndoStack()
    yield stack
    stack.clear()


@pytest.fixture
def people(services: Services) -> dict[str, str]:
    team = services.team
    return {
        "刘洋": team.add_person(
            "刘洋", skills=["项目管理", "PMP"], day_rate_fen=350_000, month_rate_fen=6_500_000
        ).id,
        "陈静": team.add_person(
            "陈静", skills=["企业架构", "ERP"], day_rate_fen=450_000, month_rate_fen=8_500_000
        ).id,
        "黄磊": team.add_person(
            "黄磊", skills=["业务分析"], day_rate_fen=280_000, month_rate_fen=5_200_000
        ).id,
    }


@pytest.fixture
def template_id(services: Services) -> str:
    return services.team.create_template(
        "测试组队模型",
        ProjectType.CONSULTING,
        roles=[RoleSpec("", "项目经理（PM）"), RoleSpec("", "架构师", reviews=True)],
    ).id


def make_workspace(
    qtbot: QtBot, services: Services, settings_path: Path, undo_stack: QUndoStack
) -> TeamWorkspace:
    widget = TeamWorkspace(
        ServicesLoader.of(services),
        QSettings(str(settings_path), QSettings.Format.IniFormat),
        undo_stack,
    )
    qtbot.addWidget(widget)
    widget.resize(1280, 760)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


@pytest.fixture
def workspace(  # noqa: PLR0917 (pytest passes fixtures by position)
    qtbot: QtBot,
    services: Services,
    settings_path: Path,
    undo_stack: QUndoStack,
    project_id: str,
    people: dict[str, str],
    template_id: str,
) -> TeamWorkspace:
    widget = make_workspace(qtbot, services, settings_path, undo_stack)
    widget.set_project(project_id)
    return widget


def assign(
    workspace: TeamWorkspace, person_id: str, role: str, *, pct: int = 100, days: int = 30
) -> None:
    """Assign through the Assign dialog, as the user does."""

    def fill(dialog: QDialog) -> None:
        assert isinstance(dialog, AssignDialog)
        dialog.select_person(person_id)
        dialog.role.setCurrentText(role)
        dialog.starts_on.setDate(QDate(START.year, START.month, START.day))
        end = START + timedelta(days=days - 1)
        dialog.ends_on.setDate(QDate(end.year, end.month, end.day))
        dialog.allocation.setValue(pct)
        dialog.accept()

    answer_next_dialog(fill)
    workspace.team.assign()


def cell(workspace: TeamWorkspace, row: int, field: str) -> QModelIndex:
    model = workspace.team.model
    return model.index(row, model.column_of(field))


# --- project team -----------------------------------------------------------------------


def test_applying_a_model_lists_unfilled_roles_and_assigning_clears_one(
    workspace: TeamWorkspace, template_id: str, people: dict[str, str], services: Services
) -> None:
    team = workspace.team
    team.template_combo.setCurrentIndex(team.template_combo.findData(template_id))
    team.apply_selected_template()  # no team yet: nothing to confirm
    assert "测试组队模型" in team.template_label.text()
    checks = team.check_texts()
    assert any("项目经理（PM）" in t for t in checks)
    assert any("架构师" in t for t in checks)

    assign(workspace, people["刘洋"], "项目经理（PM）")
    checks = team.check_texts()
    assert not any("项目经理（PM）" in t for t in checks)
    assert any("架构师" in t for t in checks)
    assert team.model.rowCount() == 1
    assert services.team.assignments(workspace.project_id)[0].role_name == "项目经理（PM）"


def test_applying_a_model_over_an_existing_team_asks_first(
    workspace: TeamWorkspace,
    template_id: str,
    people: dict[str, str],
    services: Services,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assign(workspace, people["刘洋"], "项目经理（PM）")
    asked: list[str] = []

    def refuse(*args: object) -> QMessageBox.StandardButton:
        asked.append(str(args[2]))
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", refuse)
    team = workspace.team
    team.template_combo.setCurrentIndex(team.template_combo.findData(template_id))
    team.apply_selected_template()
    assert asked
    assert services.team.project_template(workspace.project_id) is None


def test_undoing_a_second_model_brings_back_the_first_as_it_was(
    workspace: TeamWorkspace, template_id: str, services: Services, undo_stack: QUndoStack
) -> None:
    team = workspace.team
    team.template_combo.setCurrentIndex(team.template_combo.findData(template_id))
    team.apply_selected_template()
    first = services.team.project_template(workspace.project_id)
    assert first is not None
    other = next(t for t in services.team.templates() if t.builtin_key == "operations")
    team.template_combo.setCurrentIndex(team.template_combo.findData(other.id))
    team.apply_selected_template()  # no team yet: nothing to confirm
    assert services.team.project_template(workspace.project_id).name == other.name  # type: ignore[union-attr]
    undo_stack.undo()
    assert services.team.project_template(workspace.project_id) == first
    undo_stack.redo()
    assert services.team.project_template(workspace.project_id).name == other.name  # type: ignore[union-attr]
    undo_stack.undo()
    undo_stack.undo()
    assert services.team.project_template(workspace.project_id) is None


def test_an_allocation_of_120_is_refused_with_a_message_and_nothing_saved(
    workspace: TeamWorkspace, people: dict[str, str], services: Services, undo_stack: QUndoStack
) -> None:
    assign(workspace, people["陈静"], "架构师", pct=50)
    steps = undo_stack.count()
    assert workspace.team.model.setData(cell(workspace, 0, "allocation_pct"), 120)
    assert services.team.assignments(workspace.project_id)[0].allocation_pct == 50
    assert undo_stack.count() == steps  # no phantom undo step
    message = workspace.team.message
    assert message.isVisible()
    assert "100" in message.text()
    assert workspace.team.model.index(0, 4).data() == "50%"


def test_a_price_typed_in_yuan_is_saved_in_fen_and_a_bad_one_refused(
    workspace: TeamWorkspace, people: dict[str, str], services: Services
) -> None:
    assign(workspace, people["陈静"], "架构师")
    model = workspace.team.model
    model.setData(cell(workspace, 0, "order_type"), ServiceOrderType.B.value)
    assert model.setData(cell(workspace, 0, "package_price_fen"), "1,200.50")
    assert services.team.assignments(workspace.project_id)[0].package_price_fen == 120_050
    assert cell(workspace, 0, "package_price_fen").data() == "1,200.50"
    model.setData(cell(workspace, 0, "package_price_fen"), "12元")
    assert services.team.assignments(workspace.project_id)[0].package_price_fen == 120_050
    assert workspace.team.message.isVisible()


def test_two_assignments_adding_to_150_percent_are_flagged(
    workspace: TeamWorkspace, people: dict[str, str], services: Services
) -> None:
    other = services.projects.create("另一个项目").id
    services.team.assign(
        other, people["黄磊"], "业务分析师", START, START + timedelta(days=29), allocation_pct=50
    )
    assign(workspace, people["黄磊"], "业务分析师（BA）", pct=100)
    flagged = [t for t in workspace.team.check_texts() if "黄磊" in t]
    assert flagged
    assert "150%" in flagged[0]
    # clicking it selects their row
    label = next(x for x in workspace.team.check_items if "黄磊" in x.text())
    QTest.mouseClick(label, Qt.MouseButton.LeftButton)
    assert [r.person_name for r in workspace.team.selected_records()] == ["黄磊"]


def test_an_assignment_edit_is_undone_and_redone(
    workspace: TeamWorkspace, people: dict[str, str], services: Services, undo_stack: QUndoStack
) -> None:
    assign(workspace, people["刘洋"], "项目经理（PM）")
    model = workspace.team.model
    assert model.setData(cell(workspace, 0, "allocation_pct"), 60)
    assert services.team.assignments(workspace.project_id)[0].allocation_pct == 60
    assert cell(workspace, 0, "allocation_pct").data() == "60%"
    undo_stack.undo()
    assert services.team.assignments(workspace.project_id)[0].allocation_pct == 100
    assert cell(workspace, 0, "allocation_pct").data() == "100%"
    undo_stack.redo()
    assert cell(workspace, 0, "allocation_pct").data() == "60%"
    new_end = QDate(2026, 3, 20)
    assert model.setData(cell(workspace, 0, "ends_on"), new_end)
    assert services.team.assignments(workspace.project_id)[0].ends_on == date(2026, 3, 20)
    undo_stack.undo()
    undo_stack.undo()
    undo_stack.undo()  # the assignment itself
    assert services.team.assignments(workspace.project_id) == []
    assert model.rowCount() == 0


# --- RACI -------------------------------------------------------------------------------


def test_a_raci_row_without_an_a_is_flagged_and_setting_an_a_clears_it(
    workspace: TeamWorkspace, people: dict[str, str], services: Services
) -> None:
    assign(workspace, people["刘洋"], "项目经理（PM）")
    assign(workspace, people["黄磊"], "业务分析师（BA）")
    raci = workspace.raci
    raci.add_item("调研报告")
    model = raci.model
    row = model.row_of("调研报告")
    assert model.index(row, model.check_column).data()  # flagged while empty
    model.setData(model.index(row, model.column_of(people["黄磊"])), "R")
    row = model.row_of("调研报告")
    check = model.index(row, model.check_column).data()
    assert "A" in check
    assert model.index(row, 0).data(Qt.ItemDataRole.BackgroundRole) is not None
    assert "黄磊" in model.index(row, model.duties_column).data()

    model.setData(model.index(row, model.column_of(people["刘洋"])), Raci.ACCOUNTABLE.value)
    row = model.row_of("调研报告")
    assert model.index(row, model.check_column).data() == "✓"
    assert model.index(row, 0).data(Qt.ItemDataRole.BackgroundRole) is None
    duties = model.index(row, model.duties_column).data()
    assert "黄磊" in duties
    assert "刘洋" in duties
    cells = {(c.person_id, c.raci) for c in services.team.raci(workspace.project_id)}
    assert cells == {(people["黄磊"], Raci.RESPONSIBLE), (people["刘洋"], Raci.ACCOUNTABLE)}


def test_a_work_item_is_renamed_and_removed_undoably(
    workspace: TeamWorkspace, people: dict[str, str], services: Services, undo_stack: QUndoStack
) -> None:
    assign(workspace, people["刘洋"], "项目经理（PM）")
    services.team.set_raci(workspace.project_id, "周报", people["刘洋"], Raci.RESPONSIBLE)
    workspace.reload()
    model = workspace.raci.model
    assert model.setData(model.index(model.row_of("周报"), 0), "周报与会议纪要")
    assert [c.work_item for c in services.team.raci(workspace.project_id)] == ["周报与会议纪要"]
    workspace.raci.select_item("周报与会议纪要")
    workspace.raci.remove_current()
    assert services.team.raci(workspace.project_id) == []
    assert model.rowCount() == 0
    undo_stack.undo()
    assert model.row_of("周报与会议纪要") == 0
    undo_stack.undo()
    assert model.row_of("周报") == 0


# --- resource pool ----------------------------------------------------------------------


def test_a_negative_rate_is_refused_at_the_field_and_nothing_saved(
    workspace: TeamWorkspace, services: Services
) -> None:
    before = len(services.team.people())
    dialog = workspace.pool.add_person(accept=False)
    dialog.name.setText("新人")
    dialog.day_rate.setText("-500")
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert not dialog.errors["day_rate_fen"].isHidden()
    assert dialog.errors["month_rate_fen"].isHidden()
    assert len(services.team.people()) == before
    dialog.day_rate.setText("1,800")
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    added = next(p for p in services.team.people() if p.name == "新人")
    assert added.day_rate_fen == 180_000
    assert workspace.pool.current() is not None
    assert workspace.pool.current().name == "新人"  # type: ignore[union-attr]
    dialog.close()


def test_the_service_refusing_a_person_edit_shows_at_the_field(
    workspace: TeamWorkspace, people: dict[str, str], services: Services
) -> None:
    workspace.pool.select_person(people["陈静"])
    dialog = workspace.pool.edit_person(accept=False)
    assert isinstance(dialog, PersonDialog)
    dialog.month_rate.setText("999,999,999")  # absurd: refused by the service
    dialog.accept()
    assert not dialog.errors["month_rate_fen"].isHidden()
    assert services.team.person(people["陈静"]).month_rate_fen == 8_500_000
    dialog.close()


def test_the_pool_searches_by_skill_and_availability(
    workspace: TeamWorkspace, people: dict[str, str], services: Services, project_id: str
) -> None:
    pool = workspace.pool
    assert sorted(pool.names()) == sorted(people)
    pool.skill.setText("erp")
    assert pool.names() == ["陈静"]
    pool.skill.clear()
    services.team.assign(project_id, people["刘洋"], "PM", START, START + timedelta(days=60))
    pool.set_dates(QDate(2026, 3, 10), QDate(2026, 3, 20))
    pool.free.setChecked(True)
    assert "刘洋" not in pool.names()
    assert "陈静" in pool.names()


def test_red_and_black_events_are_recorded_and_coloured(
    workspace: TeamWorkspace, people: dict[str, str], services: Services, undo_stack: QUndoStack
) -> None:
    pool = workspace.pool
    pool.select_person(people["黄磊"])
    dialog = pool.add_event(accept=False)
    assert dialog is not None
    dialog.kind.setCurrentIndex(dialog.kind.findData(PoolEventKind.BLACK.value))
    dialog.accept()  # no note: refused, red and black records say what happened
    assert not dialog.errors["note"].isHidden()
    dialog.note.setPlainText("未告知缺席周例会")
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    kinds = [e.kind for e in services.team.events(people["黄磊"])]
    assert PoolEventKind.BLACK in kinds
    events = pool.events_model
    row = next(r for r in range(events.rowCount()) if events.record(r).kind is PoolEventKind.BLACK)
    assert events.index(row, 1).data(Qt.ItemDataRole.BackgroundRole) is not None
    people_model = pool.model
    person_row = people_model.row_of(people["黄磊"])
    assert people_model.index(person_row, people_model.column_of("black")).data() == 1
    undo_stack.undo()
    assert PoolEventKind.BLACK not in [e.kind for e in services.team.events(people["黄磊"])]
    dialog.close()


# --- cost -------------------------------------------------------------------------------


def test_the_cost_of_a_simple_d_assignment(
    workspace: TeamWorkspace, people: dict[str, str], services: Services
) -> None:
    assign(workspace, people["陈静"], "架构师", days=10)  # under 22 working days: day rate
    person = services.team.person(people["陈静"])
    end = START + timedelta(days=9)
    expected = cost_line(
        CostInput(
            assignment_id="x",
            person_name=person.name,
            role_name="架构师",
            order_type=ServiceOrderType.D,
            working_days=WorkCalendar().working_days(START, end),
            allocation_pct=100,
            day_rate_fen=person.day_rate_fen,
            month_rate_fen=person.month_rate_fen,
        )
    ).amount_fen
    assert workspace.cost.total.text().endswith(yuan_text(expected))
    assert workspace.cost.model.index(0, 6).data() == yuan_text(expected)
    assert cell(workspace, 0, "cost").data() == yuan_text(expected)
    assert list(workspace.cost.type_totals().values()) == [yuan_text(expected)]


def test_the_cost_exports_to_csv(
    workspace: TeamWorkspace,
    people: dict[str, str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from PySide6.QtWidgets import QFileDialog

    assign(workspace, people["陈静"], "架构师", days=10)
    target = tmp_path / "cost.csv"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), "CSV files (*.csv)")
    )
    workspace.cost.export("csv")
    text = target.read_text(encoding="utf-8-sig")
    assert "陈静" in text
    assert "架构师" in text


# --- models, page, screenshots ----------------------------------------------------------


def test_the_table_models_pass_the_qt_model_tester(
    qtbot: QtBot,
    services: Services,
    settings_path: Path,
    undo_stack: QUndoStack,
    qtmodeltester: object,
) -> None:
    project = create_demo_project(services.store.sessions)
    widget = make_workspace(qtbot, services, settings_path, undo_stack)
    widget.set_project(project.id)
    assert widget.team.model.rowCount() > 0
    assert widget.raci.model.rowCount() > 0
    widget.pool.select_person(next(iter(services.team.people())).id)
    for model in (
        widget.team.model,
        widget.raci.model,
        widget.pool.model,
        widget.pool.proxy,
        widget.pool.events_model,
        widget.cost.model,
        widget.cost.proxy,
    ):
        qtmodeltester.check(model)  # type: ignore[attr-defined]


def test_the_page_builds_the_workspace_when_shown(
    qtbot: QtBot,
    services: Services,
    settings_path: Path,
    undo_stack: QUndoStack,
    project_id: str,
) -> None:
    page = TeamPage(
        ServicesLoader.of(services),
        QSettings(str(settings_path), QSettings.Format.IniFormat),
        undo_stack,
    )
    qtbot.addWidget(page)
    page.set_project(project_id)
    assert not page.built
    page.show()
    qtbot.waitUntil(lambda: page.built)
    assert page.objectName() == "workspace-team"
    assert page.workspace.project_id == project_id
    page.disconnect_history()


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_screenshots_of_the_demo_team(  # noqa: PLR0917 (pytest passes fixtures by position)
    qapp: QApplication,
    qtbot: QtBot,
    services: Services,
    settings_path: Path,
    undo_stack: QUndoStack,
    language: str,
    tmp_path: Path,
) -> None:
    """Grabs every tab with the demo data (kept in $PM_SCREENSHOTS when set, for a look)."""
    import os

    translators = install_translators(qapp, language)
    ensure_cjk_font()
    try:
        project = create_demo_project(services.store.sessions)
        applied = services.team.project_template(project.id)  # the demo staffs its model
        assert applied is not None
        assert services.team.check(project.id).unfilled == ()
        widget = make_workspace(qtbot, services, settings_path, undo_stack)
        widget.resize(1280, 760)
        widget.set_project(project.id)
        out = Path(os.environ.get("PM_SCREENSHOTS", str(tmp_path)))
        out.mkdir(parents=True, exist_ok=True)
        first = next(p for p in services.team.people() if p.black)
        widget.pool.select_person(first.id)
        for index in range(widget.tabs.count()):
            widget.tabs.setCurrentIndex(index)
            qtbot.wait(20)
            assert widget.grab().save(str(out / f"team-{language}-{index}.png"))
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)
