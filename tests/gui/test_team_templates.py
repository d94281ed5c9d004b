"""Editing the team-composition models (组队模型): the editor of one model, the list of models
opened from the project's team, built-in models edited, duplicated and deleted; every change
undoable, and colliding role names refused in the dialog with nothing saved."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TypeVar

import pytest
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QApplication, QDialog
from pytestqt.qtbot import QtBot

from pm_desktop.core.enums import ProjectType
from pm_desktop.core.team import RoleSpec, TemplateRecord
from pm_desktop.services.container import Services
from pm_desktop.ui.i18n import ensure_cjk_font, install_translators
from pm_desktop.ui.services_loader import ServicesLoader
from pm_desktop.ui.team.template_editor import (
    RolesModel,
    TemplateEditorDialog,
    TemplateListDialog,
)
from pm_desktop.ui.team.workspace import TeamWorkspace

D = TypeVar("D", bound=QDialog)
CUSTOMISATION = "customisation"  # the key of the built-in 产品二开项目


@pytest.fixture
def undo_stack() -> Iterator[QUndoStack]:
    stack = QUndoStack()
    yield stack
    stack.clear()


@pytest.fixture
def project_id(services: Services) -> str:
    return services.projects.create("华东制造集团 MES 二开").id


@pytest.fixture
def workspace(
    qtbot: QtBot,
    services: Services,
    settings_path: Path,
    undo_stack: QUndoStack,
    project_id: str,
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
    widget.set_project(project_id)
    return widget


@pytest.fixture
def models(qtbot: QtBot, workspace: TeamWorkspace) -> TemplateListDialog:
    """The list of models, shown without its own event loop (its editors are modal)."""
    dialog = TemplateListDialog(workspace.context, parent=workspace)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def when_open(kind: type[D], fill: Callable[[D], None]) -> None:
    """When a modal dialog of ``kind`` opens, let ``fill`` act on it; it is rejected after
    ``fill`` if still open (so a failing check cannot leave the test waiting)."""

    def act() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, kind):
            QTimer.singleShot(10, act)
            return
        try:
            fill(dialog)
        finally:
            if dialog.isVisible():
                dialog.reject()

    QTimer.singleShot(0, act)


def add_role(editor: TemplateEditorDialog, name: str, **fields: object) -> int:
    """Add a role through the editor's button and type its cells, as the user does."""
    editor.table.setCurrentIndex(editor.roles_model.index(editor.roles_model.rowCount() - 1, 0))
    row = editor.add_role()
    model = editor.roles_model
    model.setData(model.index(row, RolesModel.NAME), name)
    if "headcount" in fields:
        model.setData(model.index(row, RolesModel.HEADCOUNT), fields["headcount"])
    if "responsibilities" in fields:
        model.setData(model.index(row, RolesModel.RESPONSIBILITIES), fields["responsibilities"])
    for field, column in (("required", RolesModel.REQUIRED), ("reviews", RolesModel.REVIEWS)):
        if field in fields:
            state = Qt.CheckState.Checked if fields[field] else Qt.CheckState.Unchecked
            model.setData(model.index(row, column), state, Qt.ItemDataRole.CheckStateRole)
    return row


def template_named(services: Services, name: str) -> TemplateRecord | None:
    return next((t for t in services.team.templates() if t.name == name), None)


def builtin(services: Services, key: str = CUSTOMISATION) -> TemplateRecord:
    return next(t for t in services.team.templates() if t.builtin_key == key)


def role_values(template: TemplateRecord) -> list[tuple[str, bool, int, str, bool]]:
    return [
        (r.name, r.required, r.headcount, r.responsibilities, r.reviews) for r in template.roles
    ]


# --- a new model ----------------------------------------------------------------------------


def test_a_model_made_from_the_project_tab_is_saved_and_undo_removes_it(
    workspace: TeamWorkspace, services: Services, undo_stack: QUndoStack
) -> None:
    def fill_editor(editor: TemplateEditorDialog) -> None:
        editor.name.setText("  数据中台  项目 ")
        editor.project_type.setCurrentIndex(
            editor.project_type.findData(ProjectType.CONSULTING.value)
        )
        editor.description.setPlainText("数据治理与数据中台建设。")
        add_role(editor, "项目经理", responsibilities="计划与监控；执笔周报。")
        add_role(editor, "数据架构师", reviews=True, responsibilities="评审数据模型。")
        add_role(editor, "数据开发", headcount=3)
        add_role(editor, "PMO", required=False)
        editor.move_role(-1)  # PMO above 数据开发
        editor.accept()
        assert not editor.isVisible()

    def fill_list(dialog: TemplateListDialog) -> None:
        when_open(TemplateEditorDialog, fill_editor)
        dialog.new_template()
        assert any(t.name == "数据中台 项目" for t in dialog.templates())
        dialog.accept()

    when_open(TemplateListDialog, fill_list)
    workspace.team.manage_button.click()

    saved = template_named(services, "数据中台 项目")
    assert saved is not None
    assert saved.project_type is ProjectType.CONSULTING
    assert saved.builtin_key is None
    assert saved.description == "数据治理与数据中台建设。"
    assert role_values(saved) == [
        ("项目经理", True, 1, "计划与监控；执笔周报。", False),
        ("数据架构师", True, 1, "评审数据模型。", True),
        ("PMO", False, 1, "", False),
        ("数据开发", True, 3, "", False),
    ]
    # The project tab offers it to apply, already chosen.
    combo = workspace.team.template_combo
    assert combo.currentData() == saved.id

    assert undo_stack.count() == 1
    undo_stack.undo()
    assert template_named(services, "数据中台 项目") is None
    assert combo.findData(saved.id) < 0
    undo_stack.redo()
    again = template_named(services, "数据中台 项目")
    assert again is not None
    assert again.id == saved.id
    assert role_values(again) == role_values(saved)


def test_colliding_role_names_keep_the_dialog_open_and_save_nothing(
    models: TemplateListDialog, services: Services, undo_stack: QUndoStack
) -> None:
    before = services.team.templates()
    seen: dict[str, object] = {}

    def fill(editor: TemplateEditorDialog) -> None:
        editor.name.setText("撞名模型")
        add_role(editor, "项目经理")
        add_role(editor, "开发")
        add_role(editor, " 开发", headcount=2)
        editor.accept()
        seen["open"] = editor.isVisible()
        seen["message"] = editor.message.text() if not editor.message.isHidden() else ""
        seen["flagged"] = editor.roles_model.flagged_rows()
        seen["tooltip"] = editor.roles_model.index(1, 0).data(Qt.ItemDataRole.ToolTipRole)
        seen["background"] = editor.roles_model.index(2, 0).data(Qt.ItemDataRole.BackgroundRole)
        seen["saved"] = template_named(services, "撞名模型")
        # Renaming one of them clears its mark; OK then saves.
        editor.roles_model.setData(editor.roles_model.index(2, RolesModel.NAME), "开发（ODC）")
        editor.accept()
        seen["closed"] = not editor.isVisible()

    when_open(TemplateEditorDialog, fill)
    models.new_template()

    assert seen["open"] is True
    message = str(seen["message"])
    assert "“开发”" in message
    assert "2, 3" in message  # the rows, counted from 1
    assert seen["flagged"] == [1, 2]
    assert "3" in str(seen["tooltip"])
    assert seen["background"] is not None
    assert seen["saved"] is None
    assert seen["closed"] is True
    saved = template_named(services, "撞名模型")
    assert saved is not None
    assert [r.name for r in saved.roles] == ["项目经理", "开发", "开发（ODC）"]
    assert len(services.team.templates()) == len(before) + 1
    assert undo_stack.count() == 1


def test_a_model_without_a_name_or_with_an_unnamed_role_is_refused(
    models: TemplateListDialog, services: Services, undo_stack: QUndoStack
) -> None:
    count = len(services.team.templates())
    seen: dict[str, object] = {}

    def fill(editor: TemplateEditorDialog) -> None:
        add_role(editor, "项目经理")
        add_role(editor, "   ")
        editor.accept()
        seen["open"] = editor.isVisible()
        seen["name_error"] = not editor.errors["name"].isHidden()
        seen["roles_message"] = editor.message.text()
        seen["flagged"] = editor.roles_model.flagged_rows()

    when_open(TemplateEditorDialog, fill)
    models.new_template()

    assert seen["open"] is True
    assert seen["name_error"] is True
    assert "2" in str(seen["roles_message"])
    assert seen["flagged"] == [1]
    assert len(services.team.templates()) == count
    assert undo_stack.count() == 0


# --- built-in models ------------------------------------------------------------------------


def test_a_built_in_models_roles_are_edited_applied_and_the_edit_undone(
    workspace: TeamWorkspace,
    models: TemplateListDialog,
    services: Services,
    undo_stack: QUndoStack,
    project_id: str,
) -> None:
    original = builtin(services)
    assert original.roles  # shipped with roles
    seen: dict[str, object] = {}

    def fill(editor: TemplateEditorDialog) -> None:
        seen["note"] = not editor.builtin_note.isHidden()
        model = editor.roles_model
        names = [r.name for r in model.roles()]
        developer = names.index("开发")
        model.setData(model.index(developer, RolesModel.NAME), "开发工程师")
        model.setData(model.index(developer, RolesModel.HEADCOUNT), 3)
        editor.table.setCurrentIndex(model.index(names.index("交付总监"), 0))
        editor.remove_role()
        add_role(editor, "信息安全专家", reviews=True, responsibilities="评审等保与安全方案。")
        editor.accept()

    models.select(original.id)
    when_open(TemplateEditorDialog, fill)
    models.edit_template()

    assert seen["note"] is True
    edited = builtin(services)
    assert edited.id == original.id
    assert edited.builtin_key == CUSTOMISATION  # still the built-in, changed in this database
    names = [r.name for r in edited.roles]
    assert "开发" not in names
    assert "交付总监" not in names
    assert names[-1] == "信息安全专家"
    assert next(r for r in edited.roles if r.name == "开发工程师").headcount == 3
    assert undo_stack.count() == 1

    # Applied to the project, its required roles (the new one too) are listed as unfilled.
    team = workspace.team
    team.template_combo.setCurrentIndex(team.template_combo.findData(original.id))
    team.apply_selected_template()
    unfilled = {u.role.name: u.missing for u in services.team.check(project_id).unfilled}
    required = {r.name: r.headcount for r in edited.roles if r.required}
    assert unfilled == required
    assert unfilled["开发工程师"] == 3
    assert "信息安全专家" in unfilled
    assert any("信息安全专家" in text for text in team.check_texts())

    undo_stack.undo()  # the apply
    assert services.team.project_template(project_id) is None
    undo_stack.undo()  # the edit
    restored = builtin(services)
    assert role_values(restored) == role_values(original)
    assert restored.name == original.name
    undo_stack.redo()
    assert role_values(builtin(services)) == role_values(edited)


def test_renaming_a_built_in_model_and_undoing_restores_name_type_and_description(
    models: TemplateListDialog, services: Services, undo_stack: QUndoStack
) -> None:
    original = builtin(services, "consulting")

    def fill(editor: TemplateEditorDialog) -> None:
        editor.name.setText("咨询项目（华东版）")
        editor.project_type.setCurrentIndex(editor.project_type.findData(ProjectType.OTHER.value))
        editor.description.setPlainText("")
        editor.accept()

    models.select(original.id)
    when_open(TemplateEditorDialog, fill)
    models.edit_template()
    changed = builtin(services, "consulting")
    assert (changed.name, changed.project_type, changed.description) == (
        "咨询项目（华东版）",
        ProjectType.OTHER,
        "",
    )
    assert role_values(changed) == role_values(original)
    assert models.undo_button.isEnabled()
    models.undo_button.click()
    back = builtin(services, "consulting")
    assert (back.name, back.project_type, back.description) == (
        original.name,
        original.project_type,
        original.description,
    )
    assert undo_stack.index() == 0


def test_a_built_in_model_is_duplicated_as_the_teams_own(
    models: TemplateListDialog, services: Services
) -> None:
    original = builtin(services)
    seen: dict[str, object] = {}

    def fill(editor: TemplateEditorDialog) -> None:
        seen["name"] = editor.name.text()
        seen["note"] = not editor.builtin_note.isHidden()
        editor.name.setText("产品二开项目（小团队）")
        editor.accept()

    models.select(original.id)
    when_open(TemplateEditorDialog, fill)
    models.duplicate_template()

    assert original.name in str(seen["name"])
    assert seen["note"] is False
    copy = template_named(services, "产品二开项目（小团队）")
    assert copy is not None
    assert copy.builtin_key is None
    assert copy.project_type is original.project_type
    assert role_values(copy) == role_values(original)
    assert not {r.id for r in copy.roles} & {r.id for r in original.roles}
    assert role_values(builtin(services)) == role_values(original)  # the source untouched


def test_a_built_in_model_is_deleted_and_brought_back_by_undo(
    workspace: TeamWorkspace,
    models: TemplateListDialog,
    services: Services,
    undo_stack: QUndoStack,
) -> None:
    original = builtin(services)
    assert not models.undo_button.isEnabled()  # nothing of the models' to undo yet

    models.select(original.id)
    models.delete_template()
    ids = [t.id for t in services.team.templates()]  # listing does not reinstall it
    assert original.id not in ids
    assert original.id not in [t.id for t in models.templates()]
    assert workspace.team.template_combo.findData(original.id) < 0
    assert "Undo" in models.message.text()

    assert models.undo_button.isEnabled()
    models.undo_button.click()
    back = builtin(services)
    assert back.id == original.id
    assert role_values(back) == role_values(original)
    assert original.id in [t.id for t in models.templates()]
    assert workspace.team.template_combo.findData(original.id) >= 0
    assert not models.undo_button.isEnabled()
    assert undo_stack.canRedo()


# --- the roles model, and a look ------------------------------------------------------------


def test_the_roles_model_passes_the_qt_model_tester(qtmodeltester: object) -> None:
    model = RolesModel(
        [
            RoleSpec("a", "项目经理"),
            RoleSpec("b", "架构师", reviews=True),
            RoleSpec("c", "开发", headcount=2, responsibilities="按设计实现。"),
        ]
    )
    qtmodeltester.check(model)  # type: ignore[attr-defined]
    model.insert_role(1)
    assert model.move_role(0, 1) == 1
    assert model.move_role(3, -1) == 2
    assert [r.name for r in model.roles()] == ["", "项目经理", "开发", "架构师"]
    model.remove_role(0)
    model.set_flagged({0: "x"})
    assert model.setData(model.index(1, RolesModel.HEADCOUNT), 99)
    assert model.role(1).headcount == 50
    qtmodeltester.check(model)  # type: ignore[attr-defined]


def test_screenshot_of_the_editor_in_chinese(
    qapp: QApplication,
    qtbot: QtBot,
    services: Services,
    tmp_path: Path,
) -> None:
    """The editor of a built-in model with two colliding roles flagged (kept in
    $PM_SCREENSHOTS when set, for a look)."""
    translators = install_translators(qapp, "zh_CN")
    ensure_cjk_font()
    try:
        editor = TemplateEditorDialog(builtin(services), lambda _values: None)
        qtbot.addWidget(editor)
        editor.show()
        qtbot.waitExposed(editor)
        add_role(editor, "开发 ", headcount=2, responsibilities="外包（ODC）开发资源。")
        editor.accept()
        assert editor.isVisible()
        qtbot.wait(20)
        out = Path(os.environ.get("PM_SCREENSHOTS", str(tmp_path)))
        out.mkdir(parents=True, exist_ok=True)
        assert editor.grab().save(str(out / "team-template-editor-zh_CN.png"))
        editor.reject()
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)
