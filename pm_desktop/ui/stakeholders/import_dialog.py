"""Preview of a stakeholder import: every row of the file with its problems, before anything is
written.

The caller reads the file (``export.stakeholder_register.read_table``) and checks it
(``core.stakeholder_table.preview_import``); this dialog shows the result. Problems of the file
(no name column, unknown columns) are listed at the top; below, one row per line of the file
with a checkbox: checked for rows that can be imported, disabled and tinted red for rows with a
blocking problem, tinted amber for rows with warnings (importable all the same). ``chosen()``
gives the checked rows once the user clicks Import; Cancel imports nothing.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor, QFontMetrics, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from pm_desktop.core.enums import Attitude, RoleClass
from pm_desktop.core.stakeholder_table import (
    COLUMN_BY_KEY,
    MAX_LENGTHS,
    ColumnKey,
    ImportedStakeholder,
    ImportPreview,
    ImportRow,
    Problem,
    ProblemCode,
    parse_attitude,
    parse_role_class,
)
from pm_desktop.ui.stakeholders.labels import attitude_label, role_class_label

translate = QCoreApplication.translate
Index = QModelIndex | QPersistentModelIndex

BLOCKED_BACKGROUND = "#FDE2E1"
WARNING_BACKGROUND = "#FFF4D6"
BLOCKED_INK = "#B91C1C"
WARNING_INK = "#92400E"
QUOTE_LIMIT = 40
"""Values quoted in a message are cut to this many characters."""


def _quote(value: str) -> str:
    value = " ".join(value.split())
    return value if len(value) <= QUOTE_LIMIT else value[: QUOTE_LIMIT - 1] + "\u2026"


def list_separator() -> str:
    return translate("StakeholderImport", ", ", "between the items of a list; Chinese: 、")


def column_title(key: ColumnKey) -> str:
    """The translated name of a register column."""
    titles = {
        ColumnKey.NAME: translate("StakeholderImport", "Name", "register column"),
        ColumnKey.ORGANISATION: translate("StakeholderImport", "Organisation", "register column"),
        ColumnKey.TITLE: translate("StakeholderImport", "Title", "register column: job title"),
        ColumnKey.ROLE_CLASS: translate("StakeholderImport", "Role class", "register column"),
        ColumnKey.POWER: translate("StakeholderImport", "Power", "register column"),
        ColumnKey.INTEREST: translate("StakeholderImport", "Interest", "register column"),
        ColumnKey.ATTITUDE: translate("StakeholderImport", "Attitude", "register column"),
        ColumnKey.DEMANDS: translate("StakeholderImport", "Demands", "register column"),
        ColumnKey.EMAIL: translate("StakeholderImport", "Email", "register column"),
        ColumnKey.PHONE: translate("StakeholderImport", "Phone", "register column"),
        ColumnKey.REPORTS_TO: translate("StakeholderImport", "Reports to", "register column"),
        ColumnKey.NOTES: translate("StakeholderImport", "Notes", "register column"),
    }
    return titles[key]


def _problem_templates() -> dict[ProblemCode, str]:
    return {
        ProblemCode.MISSING_NAME_COLUMN: translate(
            "StakeholderImport",
            "The file has no name column (a header “{en}” or “{zh}”): nothing can be imported.",
        ),
        ProblemCode.NO_ROWS: translate(
            "StakeholderImport", "The file has no rows to import below its header."
        ),
        ProblemCode.UNKNOWN_COLUMN: translate(
            "StakeholderImport", "The column “{value}” is not part of the register: it is ignored."
        ),
        ProblemCode.UNNAMED_COLUMN: translate(
            "StakeholderImport", "Column {value} has no header: it is ignored."
        ),
        ProblemCode.DUPLICATE_COLUMN: translate(
            "StakeholderImport", "“{value}” is a second {column} column: it is ignored."
        ),
        ProblemCode.EMPTY_NAME: translate("StakeholderImport", "The name is empty."),
        ProblemCode.DUPLICATE_IN_FILE: translate(
            "StakeholderImport", "“{value}” appears twice in the file (first on line {line})."
        ),
        ProblemCode.ALREADY_IN_REGISTER: translate(
            "StakeholderImport", "“{value}” is already in the register."
        ),
        ProblemCode.UNKNOWN_ROLE_CLASS: translate(
            "StakeholderImport", "“{value}” is not a role class; use one of: {choices}."
        ),
        ProblemCode.UNKNOWN_ATTITUDE: translate(
            "StakeholderImport", "“{value}” is not an attitude; use one of: {choices}."
        ),
        ProblemCode.TOO_LONG: translate(
            "StakeholderImport", "{column} is longer than {limit} characters."
        ),
        ProblemCode.UNKNOWN_MANAGER: translate(
            "StakeholderImport",
            "Reports to “{value}”, who is neither in the file nor in the register: left empty.",
        ),
        ProblemCode.MANAGER_NOT_IMPORTED: translate(
            "StakeholderImport",
            "Reports to “{value}” on line {line}, which cannot be imported: left empty.",
        ),
        ProblemCode.REPORTS_TO_SELF: translate(
            "StakeholderImport", "Reports to themselves: left empty."
        ),
        ProblemCode.REPORTS_TO_CYCLE: translate(
            "StakeholderImport",
            "Reporting to “{value}” would make a loop of people reporting to each other: "
            "left empty.",
        ),
        ProblemCode.INVALID_EMAIL: translate(
            "StakeholderImport",
            "“{value}” is not an e-mail address: correct it in the file, or leave the cell empty.",
        ),
    }


def problem_text(problem: Problem) -> str:
    """What is wrong, in plain words of the UI's language."""
    code = problem.code
    value = _quote(problem.value)
    line = "" if problem.line is None else str(problem.line)
    if code is ProblemCode.NOT_A_SCALE:
        if problem.column == ColumnKey.INTEREST.value:
            template = translate(
                "StakeholderImport", "Interest must be a whole number from 1 to 5 (was “{value}”)."
            )
        else:
            template = translate(
                "StakeholderImport", "Power must be a whole number from 1 to 5 (was “{value}”)."
            )
        return template.format(value=value)
    if code is ProblemCode.SECOND_ONE_W:
        if problem.line is None:
            template = translate(
                "StakeholderImport",
                "“{value}” is already the 1W in the register; a project usually has one 1W.",
            )
        else:
            template = translate(
                "StakeholderImport",
                "“{value}” on line {line} is a 1W too; a project usually has one 1W.",
            )
        return template.format(value=value, line=line)
    known = {key.value for key in ColumnKey}
    key = ColumnKey(problem.column) if problem.column in known else None
    name_column = COLUMN_BY_KEY[ColumnKey.NAME]
    choices = ""
    if code is ProblemCode.UNKNOWN_ROLE_CLASS:
        choices = list_separator().join(role_class_label(role) for role in RoleClass)
    elif code is ProblemCode.UNKNOWN_ATTITUDE:
        choices = list_separator().join(attitude_label(attitude) for attitude in Attitude)
    template = _problem_templates().get(code, translate("StakeholderImport", "{value}"))
    return template.format(
        value=value,
        line=line,
        column=column_title(key) if key is not None else "",
        limit=MAX_LENGTHS.get(key, 0) if key is not None else 0,
        choices=choices,
        en=name_column.en,
        zh=name_column.zh,
    )


class Column(IntEnum):
    LINE = 0
    NAME = 1
    ORGANISATION = 2
    TITLE = 3
    ROLE = 4
    POWER = 5
    INTEREST = 6
    ATTITUDE = 7
    EMAIL = 8
    REPORTS_TO = 9
    DEMANDS = 10
    PROBLEMS = 11


def _column_headers() -> dict[Column, str]:
    return {
        Column.LINE: translate("StakeholderImport", "Line", "the line of the file"),
        Column.NAME: column_title(ColumnKey.NAME),
        Column.ORGANISATION: column_title(ColumnKey.ORGANISATION),
        Column.TITLE: column_title(ColumnKey.TITLE),
        Column.ROLE: column_title(ColumnKey.ROLE_CLASS),
        Column.POWER: column_title(ColumnKey.POWER),
        Column.INTEREST: column_title(ColumnKey.INTEREST),
        Column.ATTITUDE: column_title(ColumnKey.ATTITUDE),
        Column.EMAIL: column_title(ColumnKey.EMAIL),
        Column.REPORTS_TO: column_title(ColumnKey.REPORTS_TO),
        Column.DEMANDS: column_title(ColumnKey.DEMANDS),
        Column.PROBLEMS: translate("StakeholderImport", "Problems"),
    }


def _raw(row: ImportRow, key: ColumnKey) -> str:
    return " ".join(row.values.get(key, "").split())


def _cell_text(row: ImportRow, column: Column) -> str:
    person = row.stakeholder
    if column is Column.LINE:
        return str(row.line)
    if column is Column.PROBLEMS:
        return "\n".join(problem_text(problem) for problem in row.problems)
    if person is not None:
        return _person_text(person, column)
    if column is Column.ROLE:
        role = parse_role_class(_raw(row, ColumnKey.ROLE_CLASS))
        return role_class_label(role) if role is not None else _raw(row, ColumnKey.ROLE_CLASS)
    if column is Column.ATTITUDE:
        attitude = parse_attitude(_raw(row, ColumnKey.ATTITUDE))
        return attitude_label(attitude) if attitude is not None else _raw(row, ColumnKey.ATTITUDE)
    keys = {
        Column.NAME: ColumnKey.NAME,
        Column.ORGANISATION: ColumnKey.ORGANISATION,
        Column.TITLE: ColumnKey.TITLE,
        Column.POWER: ColumnKey.POWER,
        Column.INTEREST: ColumnKey.INTEREST,
        Column.EMAIL: ColumnKey.EMAIL,
        Column.REPORTS_TO: ColumnKey.REPORTS_TO,
        Column.DEMANDS: ColumnKey.DEMANDS,
    }
    return _raw(row, keys[column])


def _person_text(person: ImportedStakeholder, column: Column) -> str:
    texts = {
        Column.NAME: person.name,
        Column.ORGANISATION: person.organisation,
        Column.TITLE: person.title,
        Column.ROLE: role_class_label(person.role_class),
        Column.POWER: str(person.power),
        Column.INTEREST: str(person.interest),
        Column.ATTITUDE: attitude_label(person.attitude),
        Column.EMAIL: person.email,
        Column.REPORTS_TO: person.reports_to_name,
        Column.DEMANDS: "\n".join(text for text, _status in person.demands),
    }
    return texts[column]


class ImportPreviewModel(QAbstractTableModel):
    """The rows of an import preview; the rows that can be imported have a checkbox."""

    checkedCountChanged = Signal(int)

    def __init__(self, preview: ImportPreview, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: Sequence[ImportRow] = preview.rows
        self._checked = [row.importable for row in self._rows]
        self._headers = _column_headers()
        self._texts: dict[tuple[int, Column], str] = {}

    # --- Qt -----------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Column)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation is Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(Column)
        ):
            return self._headers[Column(section)]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        row = self._rows[index.row()]
        if index.column() == Column.LINE:
            if row.importable:
                return (
                    Qt.ItemFlag.ItemIsEnabled
                    | Qt.ItemFlag.ItemIsSelectable
                    | Qt.ItemFlag.ItemIsUserCheckable
                )
            return Qt.ItemFlag.ItemIsSelectable  # a disabled, unchecked box
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        column = Column(index.column())
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._text(index.row(), column)
        if role == Qt.ItemDataRole.CheckStateRole:
            if column is not Column.LINE:
                return None
            checked = self._checked[index.row()]
            return Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
        return self._decoration(self._rows[index.row()], column, role)

    @staticmethod
    def _decoration(row: ImportRow, column: Column, role: int) -> Any:
        value: Any = None
        if role == Qt.ItemDataRole.BackgroundRole:
            if not row.importable:
                value = QColor(BLOCKED_BACKGROUND)
            elif row.warnings:
                value = QColor(WARNING_BACKGROUND)
        elif role == Qt.ItemDataRole.ForegroundRole and column is Column.PROBLEMS:
            value = QColor(BLOCKED_INK if not row.importable else WARNING_INK)
        elif role == Qt.ItemDataRole.TextAlignmentRole and column in (
            Column.LINE,
            Column.POWER,
            Column.INTEREST,
        ):
            value = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return value

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if (
            not index.isValid()
            or role != Qt.ItemDataRole.CheckStateRole
            or index.column() != Column.LINE
            or not self._rows[index.row()].importable
        ):
            return False
        checked = value in (Qt.CheckState.Checked, Qt.CheckState.Checked.value)
        if self._checked[index.row()] != checked:
            self._checked[index.row()] = checked
            self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
            self.checkedCountChanged.emit(self.checked_count())
        return True

    # --- ours ---------------------------------------------------------------------------

    def _text(self, row: int, column: Column) -> str:
        key = (row, column)
        text = self._texts.get(key)
        if text is None:
            text = self._texts[key] = _cell_text(self._rows[row], column)
        return text

    def row(self, number: int) -> ImportRow:
        return self._rows[number]

    def is_checked(self, number: int) -> bool:
        return self._checked[number]

    def checked_count(self) -> int:
        return sum(self._checked)

    def set_all_checked(self, checked: bool) -> None:
        changed = False
        for number, row in enumerate(self._rows):
            if row.importable and self._checked[number] != checked:
                self._checked[number] = checked
                changed = True
        if changed and self._rows:
            self.dataChanged.emit(
                self.index(0, Column.LINE),
                self.index(len(self._rows) - 1, Column.LINE),
                [Qt.ItemDataRole.CheckStateRole],
            )
            self.checkedCountChanged.emit(self.checked_count())

    def chosen(self) -> list[ImportedStakeholder]:
        return [
            row.stakeholder
            for row, checked in zip(self._rows, self._checked, strict=True)
            if checked and row.stakeholder is not None
        ]


class _WrappedTextDelegate(QStyledItemDelegate):
    """Wrapped text whose rows are tall enough for Chinese: Qt sizes a wrapped line by the
    widget's font, and a line drawn in the (taller) CJK fallback font is then elided."""

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        size = super().sizeHint(option, index)
        metrics = QFontMetrics(option.font)
        extra = max(2, metrics.boundingRect("国").height() - metrics.height())
        lines = max(1, round(size.height() / max(1, metrics.lineSpacing())))
        return QSize(size.width(), size.height() + lines * extra)


class ImportPreviewDialog(QDialog):
    """Shows what importing a file would do; Import adds the checked rows, Cancel nothing."""

    #: Rows are sized to their problems' text only up to this many rows (it is slow).
    RESIZE_ROWS_LIMIT = 500

    def __init__(
        self, preview: ImportPreview, file_name: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.preview = preview
        self.setWindowTitle(translate("StakeholderImport", "Import stakeholders"))
        self.resize(960, 560)

        self.heading = QLabel(
            translate(
                "StakeholderImport", "Preview of “{file}”: nothing is added until you click Import."
            ).format(file=file_name)
        )
        self.heading.setWordWrap(True)
        self.heading.setObjectName("heading")

        self.file_problems = QLabel()
        self.file_problems.setObjectName("fileProblems")
        self.file_problems.setWordWrap(True)
        self.file_problems.setTextFormat(Qt.TextFormat.RichText)
        self.file_problems.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._show_file_problems(preview.problems)

        self._fit_pending = False
        self.model = ImportPreviewModel(preview, self)
        self.table = self._make_table(len(preview.rows))

        self.summary = QLabel()
        self.summary.setObjectName("summary")

        self.check_all = QPushButton(translate("StakeholderImport", "Check all"))
        self.check_all.setObjectName("checkAll")
        self.check_all.clicked.connect(lambda: self.model.set_all_checked(True))
        self.uncheck_all = QPushButton(translate("StakeholderImport", "Uncheck all"))
        self.uncheck_all.setObjectName("uncheckAll")
        self.uncheck_all.clicked.connect(lambda: self.model.set_all_checked(False))
        for button in (self.check_all, self.uncheck_all):
            button.setAutoDefault(False)
        any_ready = bool(preview.ready)
        self.check_all.setEnabled(any_ready)
        self.uncheck_all.setEnabled(any_ready)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = self.buttons.addButton(
            translate("StakeholderImport", "Import"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.import_button.setObjectName("importButton")
        self.import_button.setDefault(True)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        bottom = QHBoxLayout()
        bottom.addWidget(self.check_all)
        bottom.addWidget(self.uncheck_all)
        bottom.addStretch(1)
        bottom.addWidget(self.buttons)

        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.file_problems)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.summary)
        layout.addLayout(bottom)

        self.model.checkedCountChanged.connect(self._update_button)
        self._show_summary()
        self._update_button(self.model.checked_count())

    def _make_table(self, rows: int) -> QTableView:
        table = QTableView()
        table.setObjectName("rows")
        table.setModel(self.model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setWordWrap(True)
        table.setItemDelegateForColumn(Column.PROBLEMS, _WrappedTextDelegate(table))
        table.verticalHeader().hide()
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        table.resizeColumnsToContents()
        table.setColumnWidth(Column.NAME, max(table.columnWidth(Column.NAME), 110))
        table.setColumnWidth(Column.ORGANISATION, min(180, table.columnWidth(Column.ORGANISATION)))
        if rows <= self.RESIZE_ROWS_LIMIT:
            # Wrapped problems need the rows' heights again whenever the columns change.
            header.sectionResized.connect(self._fit_rows_later)
        return table

    def _fit_rows_later(self, *_: object) -> None:
        if not self._fit_pending and len(self.preview.rows) <= self.RESIZE_ROWS_LIMIT:
            self._fit_pending = True
            QTimer.singleShot(0, self._fit_rows)

    def _fit_rows(self) -> None:
        self._fit_pending = False
        self.table.resizeRowsToContents()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._fit_rows_later()
        if self.import_button.isEnabled():
            self.import_button.setFocus()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_rows_later()

    def _show_file_problems(self, problems: Sequence[Problem]) -> None:
        if not problems:
            self.file_problems.hide()
            return
        lines = []
        for problem in sorted(problems, key=lambda p: not p.blocking):
            colour = BLOCKED_INK if problem.blocking else WARNING_INK
            text = html.escape(problem_text(problem))
            if problem.blocking:
                text = f"<b>{text}</b>"
            lines.append(f'<span style="color:{colour}">• {text}</span>')
        self.file_problems.setText("<br/>".join(lines))
        self.file_problems.show()

    def _show_summary(self) -> None:
        rows = self.preview.rows
        ready = sum(1 for row in rows if row.importable)
        blocked = len(rows) - ready
        warned = sum(1 for row in rows if row.importable and row.warnings)
        parts = [self.tr("%n row(s) ready to import", "", ready)]
        if blocked:
            parts.append(self.tr("%n with problems (not imported)", "", blocked))
        if warned:
            parts.append(self.tr("%n with warnings", "", warned))
        self.summary.setText(list_separator().join(parts))

    def _update_button(self, count: int) -> None:
        self.import_button.setText(self.tr("Import %n stakeholder(s)", "", count))
        self.import_button.setEnabled(count > 0)

    def chosen(self) -> list[ImportedStakeholder]:
        """The checked rows, in the file's order, once the dialog was accepted (else none)."""
        if self.result() != QDialog.DialogCode.Accepted:
            return []
        return self.model.chosen()
