"""The cost estimate as CSV (UTF-8 with BOM, for Excel) and XLSX: the lines, then the totals by
service-order type, by role, and the total. Amounts are written in yuan with two decimals from
integer fen (never through a float); XLSX cells hold them as exact decimals."""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from pm_desktop.core.cost import Basis, CostEstimate
from pm_desktop.core.enums import ServiceOrderType
from pm_desktop.export.atomic import atomic_output


@dataclass(frozen=True)
class CostLabels:
    """Every word of the export, in the UI's language."""

    headers: tuple[str, str, str, str, str, str, str, str]
    """Person, role, type, working days, basis, quantity, rate, amount."""
    bases: Mapping[Basis, str]
    types: Mapping[ServiceOrderType, str]
    by_type: str
    by_role: str
    total: str
    sheet_title: str = "Cost"


def yuan(fen: int) -> Decimal:
    """Exact yuan of ``fen`` (two decimals)."""
    return Decimal(fen).scaleb(-2)


def _rows(estimate: CostEstimate, labels: CostLabels) -> list[list[object]]:
    rows: list[list[object]] = [list(labels.headers)]
    for line in estimate.lines:
        quantity = Decimal(line.quantity.numerator) / Decimal(line.quantity.denominator)
        rows.append(
            [
                line.person_name,
                line.role_name,
                labels.types[line.order_type],
                line.working_days,
                labels.bases[line.basis],
                quantity.quantize(Decimal("0.01")),
                yuan(line.rate_fen),
                yuan(line.amount_fen),
            ]
        )
    rows.append([])
    rows.append([labels.by_type])
    for kind in ServiceOrderType:
        if kind in estimate.by_type:
            rows.append([labels.types[kind], "", "", "", "", "", "", yuan(estimate.by_type[kind])])
    rows.append([])
    rows.append([labels.by_role])
    for role, amount in sorted(estimate.by_role.items()):
        rows.append([role, "", "", "", "", "", "", yuan(amount)])
    rows.append([])
    rows.append([labels.total, "", "", "", "", "", "", yuan(estimate.total_fen)])
    return rows


def write_cost_csv(path: Path, estimate: CostEstimate, labels: CostLabels) -> None:
    text = io.StringIO()
    writer = csv.writer(text, lineterminator="\r\n")
    for row in _rows(estimate, labels):
        writer.writerow([f"{cell:.2f}" if isinstance(cell, Decimal) else cell for cell in row])
    with atomic_output(Path(path), ".csv") as stream:
        stream.write(text.getvalue().encode("utf-8-sig"))


def write_cost_xlsx(path: Path, estimate: CostEstimate, labels: CostLabels) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    sheet = book.active
    sheet.title = labels.sheet_title[:31] or "Cost"
    for row in _rows(estimate, labels):
        sheet.append(row)
    bold = Font(bold=True)
    for cell in sheet[1]:
        cell.font = bold
    sheet.freeze_panes = "A2"
    for row in sheet.iter_rows(min_row=2):
        for cell in row[5:8]:
            if isinstance(cell.value, Decimal):
                cell.number_format = "#,##0.00"
        if row[0].value in (labels.by_type, labels.by_role, labels.total):
            row[0].font = bold
    for column, width in zip("ABCDEFGH", (14, 16, 10, 10, 10, 10, 14, 16), strict=True):
        sheet.column_dimensions[column].width = width
    buffer = io.BytesIO()
    book.save(buffer)
    with atomic_output(Path(path), ".xlsx") as stream:
        stream.write(buffer.getvalue())
