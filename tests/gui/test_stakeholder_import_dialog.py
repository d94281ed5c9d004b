"""The import preview: every row with its problems; only importable rows can be checked."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication, QPoint, Qt
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QPushButton
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from pm_desktop.core.enums import Attitude, RoleClass
from pm_desktop.core.stakeholder_table import (
    ImportedStakeholder,
    ImportPreview,
    Problem,
    ProblemCode,
    preview_import,
)
from pm_desktop.ui.i18n import install_translators
from pm_desktop.ui.stakeholders.import_dialog import (
    Column,
    ImportPreviewDialog,
    problem_text,
)

HEADERS = ["姓名", "单位", "角色", "权力", "关注度", "态度", "汇报对象", "微信"]
ROWS = [
    ["张伟", "华东制造", "1W", "5", "5", "支持", "", "zw"],  # line 2: fine
    ["李娜", "华东制造", "强C", "4", "5", "中立", "张伟", ""],  # 3: fine
    ["王五", "", "关键用户", "7", "3", "", "", ""],  # 4: power 7
    ["张伟", "", "", "", "", "", "", ""],  # 5: twice in the file
    ["赵六", "", "顾问", "", "", "", "", ""],  # 6: unknown role class
    ["孙八", "", "1W", "3", "2", "反对", "周九", ""],  # 7: warnings: second 1W, unknown manager
    ["吴十", "", "", "2", "2", "", "", ""],  # 8: already in the register
]
CHECKABLE = [True, True, False, False, False, True, False]


@pytest.fixture
def preview() -> ImportPreview:
    return preview_import(HEADERS, ROWS, existing_names=["吴十"])


@pytest.fixture
def dialog(qtbot: QtBot, preview: ImportPreview) -> ImportPreviewDialog:
    dialog = ImportPreviewDialog(preview, "干系人登记表.xlsx")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def check_state(dialog: ImportPreviewDialog, row: int) -> Qt.CheckState:
    model = dialog.model
    return Qt.CheckState(model.data(model.index(row, Column.LINE), Qt.ItemDataRole.CheckStateRole))


def set_checked(dialog: ImportPreviewDialog, row: int, checked: bool) -> bool:
    state = Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
    return dialog.model.setData(
        dialog.model.index(row, Column.LINE), state.value, Qt.ItemDataRole.CheckStateRole
    )


def test_the_model_passes_the_model_tester(
    dialog: ImportPreviewDialog, qtmodeltester: ModelTester
) -> None:
    qtmodeltester.check(dialog.model)


def test_only_rows_without_blocking_problems_can_be_checked(dialog: ImportPreviewDialog) -> None:
    model = dialog.model
    assert model.rowCount() == len(ROWS)
    for row, checkable in enumerate(CHECKABLE):
        flags = model.flags(model.index(row, Column.LINE))
        assert bool(flags & Qt.ItemFlag.ItemIsUserCheckable) is checkable, row
        assert bool(flags & Qt.ItemFlag.ItemIsEnabled) is checkable, row
        expected = Qt.CheckState.Checked if checkable else Qt.CheckState.Unchecked
        assert check_state(dialog, row) == expected
    # a blocked row refuses to be checked
    assert not set_checked(dialog, 2, True)
    assert check_state(dialog, 2) == Qt.CheckState.Unchecked


def test_rows_show_the_file_line_and_their_problems(dialog: ImportPreviewDialog) -> None:
    model = dialog.model

    def text(row: int, column: Column) -> str:
        return str(model.data(model.index(row, column)))

    assert [text(row, Column.LINE) for row in range(len(ROWS))] == [
        "2",
        "3",
        "4",
        "5",
        "6",
        "7",
        "8",
    ]
    assert text(0, Column.ROLE) == "1W"
    assert text(1, Column.ROLE) == "Strong-C"
    assert text(0, Column.ATTITUDE) == "Supporter"
    assert text(2, Column.POWER) == "7"  # as typed, when it is wrong
    assert text(4, Column.ROLE) == "顾问"
    assert text(0, Column.PROBLEMS) == ""
    assert text(2, Column.PROBLEMS) == "Power must be a whole number from 1 to 5 (was “7”)."
    assert text(3, Column.PROBLEMS) == "“张伟” appears twice in the file (first on line 2)."
    assert text(6, Column.PROBLEMS) == "“吴十” is already in the register."
    warnings = text(5, Column.PROBLEMS).split("\n")
    assert warnings == [
        "“张伟” on line 2 is a 1W too; a project usually has one 1W.",
        "Reports to “周九”, who is neither in the file nor in the register: left empty.",
    ]
    blocked = model.data(model.index(2, Column.NAME), Qt.ItemDataRole.BackgroundRole)
    warned = model.data(model.index(5, Column.NAME), Qt.ItemDataRole.BackgroundRole)
    fine = model.data(model.index(0, Column.NAME), Qt.ItemDataRole.BackgroundRole)
    assert blocked is not None
    assert warned is not None
    assert blocked != warned
    assert fine is None


def test_file_problems_and_summary(dialog: ImportPreviewDialog) -> None:
    file_problems = dialog.findChild(QLabel, "fileProblems")
    assert file_problems is not None
    assert file_problems.isVisible()
    assert "“微信” is not part of the register" in file_problems.text()
    summary = dialog.findChild(QLabel, "summary")
    assert summary is not None
    assert summary.text() == (
        "3 row(s) ready to import, 4 with problems (not imported), 1 with warnings"
    )


def test_the_import_button_counts_the_checked_rows(dialog: ImportPreviewDialog) -> None:
    button = dialog.findChild(QPushButton, "importButton")
    assert button is not None
    assert button.text() == "Import 3 stakeholder(s)"
    assert button.isEnabled()
    assert set_checked(dialog, 1, False)
    assert button.text() == "Import 2 stakeholder(s)"
    set_checked(dialog, 0, False)
    set_checked(dialog, 5, False)
    assert button.text() == "Import 0 stakeholder(s)"
    assert not button.isEnabled()
    check_all = dialog.findChild(QPushButton, "checkAll")
    assert check_all is not None
    check_all.click()
    assert button.text() == "Import 3 stakeholder(s)"
    assert check_state(dialog, 2) == Qt.CheckState.Unchecked  # still blocked


def test_clicking_a_checkbox_unchecks_the_row(qtbot: QtBot, dialog: ImportPreviewDialog) -> None:
    table = dialog.table
    index = dialog.model.index(1, Column.LINE)
    rect = table.visualRect(index)
    checkbox = QPoint(rect.left() + 10, rect.center().y())
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=checkbox)
    assert check_state(dialog, 1) == Qt.CheckState.Unchecked
    assert dialog.import_button.text() == "Import 2 stakeholder(s)"


def test_chosen_gives_exactly_the_checked_rows(dialog: ImportPreviewDialog) -> None:
    set_checked(dialog, 1, False)
    dialog.import_button.click()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.chosen() == [
        ImportedStakeholder(
            name="张伟",
            organisation="华东制造",
            role_class=RoleClass.ONE_W,
            power=5,
            interest=5,
            attitude=Attitude.SUPPORTER,
        ),
        ImportedStakeholder(
            name="孙八",
            role_class=RoleClass.ONE_W,
            power=3,
            interest=2,
            attitude=Attitude.OPPONENT,
        ),
    ]


def test_cancel_chooses_nothing(dialog: ImportPreviewDialog) -> None:
    dialog.buttons.rejected.emit()
    assert dialog.result() == QDialog.DialogCode.Rejected
    assert dialog.chosen() == []


def test_a_file_without_a_name_column_imports_nothing(qtbot: QtBot) -> None:
    preview = preview_import(["单位", "权力"], [["华东", "4"]], ())
    dialog = ImportPreviewDialog(preview, "wrong.csv")
    qtbot.addWidget(dialog)
    label = dialog.findChild(QLabel, "fileProblems")
    assert label is not None
    assert "nothing can be imported" in label.text()
    assert "“Name” or “姓名”" in label.text()
    assert not dialog.import_button.isEnabled()
    assert not dialog.model.flags(dialog.model.index(0, Column.LINE)) & (
        Qt.ItemFlag.ItemIsUserCheckable
    )


def test_every_problem_has_words() -> None:
    for code in ProblemCode:
        for column in (None, "power", "interest", "name", "phone"):
            for line in (None, 3):
                text = problem_text(Problem(code, column, "x" * 100, line))
                assert text
                assert "{" not in text, (code, text)
                assert "x" * 41 not in text  # long values are cut


@pytest.fixture
def chinese(qapp: QApplication) -> Iterator[None]:
    translators = install_translators(qapp, "zh_CN")
    yield
    for translator in translators:
        QCoreApplication.removeTranslator(translator)


def test_problem_texts_keep_their_values_in_chinese(chinese: None) -> None:
    text = problem_text(Problem(ProblemCode.NOT_A_SCALE, "power", "7"))
    assert "7" in text
    text = problem_text(Problem(ProblemCode.DUPLICATE_IN_FILE, "name", "张伟", 3))
    assert "张伟" in text
    assert "3" in text
