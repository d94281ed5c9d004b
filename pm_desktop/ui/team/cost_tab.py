"""Cost by service-order type: a line per assignment, totals by type and by role, exports."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from pm_desktop.core.cost import Basis, CostEstimate, yuan_text
from pm_desktop.core.enums import ServiceOrderType
from pm_desktop.core.errors import PmError
from pm_desktop.export.team_cost import CostLabels, write_cost_csv, write_cost_xlsx
from pm_desktop.ui.collated_proxy import CollatedProxy
from pm_desktop.ui.errors import describe_error
from pm_desktop.ui.i18n import ui_language
from pm_desktop.ui.style import MUTED, scaled_font, section_title
from pm_desktop.ui.team.labels import basis_label, order_type_label
from pm_desktop.ui.team.models import CostLinesModel

RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def cost_labels() -> CostLabels:
    """The export's captions in the UI language installed now."""
    translate = QCoreApplication.translate
    return CostLabels(
        headers=(
            translate("TeamCostExport", "Person"),
            translate("TeamCostExport", "Role"),
            translate("TeamCostExport", "Service order type"),
            translate("TeamCostExport", "Working days"),
            translate("TeamCostExport", "Basis"),
            translate("TeamCostExport", "Quantity"),
            translate("TeamCostExport", "Rate (yuan)"),
            translate("TeamCostExport", "Amount (yuan)"),
        ),
        bases={basis: basis_label(basis) for basis in Basis},
        types={kind: order_type_label(kind) for kind in ServiceOrderType},
        by_type=translate("TeamCostExport", "Total by service-order type"),
        by_role=translate("TeamCostExport", "Total by role"),
        total=translate("TeamCostExport", "Total"),
        sheet_title=translate("TeamCostExport", "Cost"),
    )


def export_cost(path: Path, estimate: CostEstimate, language: str = "") -> None:
    """Write the estimate to ``path`` (.xlsx, or .csv by its suffix) with the UI's captions.

    ``language`` is the language installed now; the captions come from Qt's translation.
    """
    labels = cost_labels()
    if path.suffix.lower() == ".csv":
        write_cost_csv(path, estimate, labels)
    else:
        write_cost_xlsx(path, estimate, labels)


class CostTab(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("teamCostTab")
        self.estimate: CostEstimate | None = None
        self.project_name = ""
        self.model = CostLinesModel(self)
        self.proxy = CollatedProxy(self)
        self.proxy.setSourceModel(self.model)
        self._build_table()
        self._build_side()
        splitter = QSplitter()
        splitter.addWidget(self._left)
        splitter.addWidget(self._side)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([760, 420])
        splitter.setChildrenCollapsible(False)
        self._side.setMinimumWidth(300)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addWidget(splitter)
        self.show_estimate(None)

    def _build_table(self) -> None:
        self.table = QTableView()
        self.table.setObjectName("costLines")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        for column, width in enumerate((72, 140, 44, 112, 72, 100)):
            self.table.setColumnWidth(column, width)
        note = QLabel(
            self.tr(
                "Type A bills calendar months. For type D a person-month is 22 working days of "
                "the project's calendar: the month rate from 22 working days on, the day rate "
                "below."
            )
        )
        note.setWordWrap(True)
        note.setStyleSheet(f"color: {MUTED.name()};")
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.table, 1)
        left_layout.addWidget(note)
        self._left = left

    def _build_side(self) -> None:
        self.total = QLabel()
        self.total.setObjectName("costTotal")
        self.total.setFont(scaled_font(self.total, 1.4, bold=True))
        self.by_type = self._totals_table("costByType", self.tr("Service order"))
        self.by_role = self._totals_table("costByRole", self.tr("Role"))
        self.xlsx_button = QPushButton(self.tr("Export XLSX…"))
        self.xlsx_button.setObjectName("exportCostXlsx")
        self.xlsx_button.clicked.connect(lambda: self.export("xlsx"))
        self.csv_button = QPushButton(self.tr("Export CSV…"))
        self.csv_button.setObjectName("exportCostCsv")
        self.csv_button.clicked.connect(lambda: self.export("csv"))
        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(6, 0, 0, 0)
        side_layout.addWidget(section_title(self.tr("Total")))
        side_layout.addWidget(self.total)
        side_layout.addWidget(section_title(self.tr("By service-order type")))
        side_layout.addWidget(self.by_type)
        side_layout.addWidget(section_title(self.tr("By role")))
        side_layout.addWidget(self.by_role, 1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.xlsx_button)
        buttons.addWidget(self.csv_button)
        side_layout.addLayout(buttons)
        self._side = side

    def _totals_table(self, name: str, first: str) -> QTableWidget:
        table = QTableWidget(0, 2)
        table.setObjectName(name)
        table.setHorizontalHeaderLabels([first, self.tr("Amount (yuan)")])
        table.verticalHeader().hide()
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        return table

    @staticmethod
    def _fill(table: QTableWidget, rows: list[tuple[str, int]]) -> None:
        table.setRowCount(len(rows))
        for row, (label, fen) in enumerate(rows):
            table.setItem(row, 0, QTableWidgetItem(label))
            amount = QTableWidgetItem(yuan_text(fen))
            amount.setTextAlignment(RIGHT)
            table.setItem(row, 1, amount)

    def show_estimate(self, estimate: CostEstimate | None) -> None:
        self.estimate = estimate
        self.model.set_lines(estimate.lines if estimate else [])
        total = estimate.total_fen if estimate else 0
        self.total.setText(self.tr("¥{amount}").format(amount=yuan_text(total)))
        by_type = [
            (order_type_label(kind), estimate.by_type[kind])
            for kind in ServiceOrderType
            if estimate is not None and kind in estimate.by_type
        ]
        self._fill(self.by_type, by_type)
        by_role = sorted((estimate.by_role.items() if estimate else ()), key=lambda kv: -kv[1])
        self._fill(self.by_role, list(by_role))
        height = (
            self.by_type.horizontalHeader().height()
            + 4
            + sum(self.by_type.rowHeight(r) for r in range(self.by_type.rowCount()))
        )
        self.by_type.setFixedHeight(max(height, 60))
        has_lines = bool(estimate and estimate.lines)
        self.xlsx_button.setEnabled(has_lines)
        self.csv_button.setEnabled(has_lines)

    def type_totals(self) -> dict[str, str]:
        found = {}
        for row in range(self.by_type.rowCount()):
            label, amount = self.by_type.item(row, 0), self.by_type.item(row, 1)
            if label is not None and amount is not None:
                found[label.text()] = amount.text()
        return found

    def export(self, kind: str) -> None:
        if self.estimate is None:
            return
        caption = self.tr("Export cost estimate")
        base = self.tr("{project} cost estimate").format(project=self.project_name or "team")
        if kind == "csv":
            filters = self.tr("CSV files (*.csv)")
        else:
            filters = self.tr("Excel workbooks (*.xlsx)")
        path, _ = QFileDialog.getSaveFileName(self, caption, f"{base}.{kind}", filters)
        if not path:
            return
        target = Path(path)
        if target.suffix.lower() != f".{kind}":
            target = target.with_name(target.name + f".{kind}")
        try:
            export_cost(target, self.estimate, ui_language())
        except PmError as error:
            QMessageBox.warning(self, caption, describe_error(error))
