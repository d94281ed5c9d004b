"""The cost estimate written as CSV and XLSX reads back to the same amounts, exactly."""

from __future__ import annotations

import csv
from decimal import Decimal
from pathlib import Path

import openpyxl

from pm_desktop.core.cost import Basis, CostInput, estimate
from pm_desktop.core.enums import ServiceOrderType as T
from pm_desktop.export.team_cost import CostLabels, write_cost_csv, write_cost_xlsx

LABELS = CostLabels(
    headers=("人员", "角色", "类型", "工作日", "计价", "数量", "单价", "金额"),
    bases={Basis.MONTHS: "人月", Basis.DAYS: "人天", Basis.PACKAGE: "包"},
    types={kind: f"{kind.value}类" for kind in T},
    by_type="按类型合计",
    by_role="按角色合计",
    total="总计",
    sheet_title="成本估算",
)

ESTIMATE = estimate(
    [
        CostInput("1", "张伟", "开发", T.D, 23, 100, 1_500_00, 30_000_01),
        CostInput("2", "李娜", "测试", T.C, 10, 50, 999_99, 0),
        CostInput("3", "外包", "运维", T.B, 0, 100, 0, 0, package_price_fen=12_345_67),
    ]
)


def test_csv_has_a_bom_and_exact_yuan(tmp_path: Path) -> None:
    out = tmp_path / "cost.csv"
    write_cost_csv(out, ESTIMATE, LABELS)
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(raw.decode("utf-8-sig").splitlines()))
    assert rows[0] == list(LABELS.headers)
    amounts = [Decimal(row[7]) for row in rows[1:4]]
    assert [int(a * 100) for a in amounts] == [line.amount_fen for line in ESTIMATE.lines]
    assert rows[-1][0] == "总计"
    assert Decimal(rows[-1][7]) * 100 == ESTIMATE.total_fen


def test_xlsx_holds_the_same_amounts(tmp_path: Path) -> None:
    out = tmp_path / "cost.xlsx"
    write_cost_xlsx(out, ESTIMATE, LABELS)
    sheet = openpyxl.load_workbook(out).active
    assert sheet.title == "成本估算"
    values = [row for row in sheet.iter_rows(values_only=True)]
    assert values[0] == LABELS.headers
    total_row = next(row for row in values if row[0] == "总计")
    assert round(Decimal(str(total_row[7])) * 100) == ESTIMATE.total_fen
