"""Cost by service-order type, in integer fen."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from fractions import Fraction

import pytest

from pm_desktop.core.cost import (
    WORKING_DAYS_PER_MONTH,
    Basis,
    CostInput,
    calendar_months,
    cost_line,
    estimate,
    parse_yuan,
    yuan_text,
)
from pm_desktop.core.enums import ServiceOrderType as T

DAY, MONTH = 1_500_00, 30_000_00  # 1,500 and 30,000 yuan


def item(order: T, days: int, pct: int = 100, **extra: int) -> CostInput:
    return CostInput("a", "张伟", "开发", order, days, pct, DAY, MONTH, **extra)  # type: ignore[arg-type]


def test_type_d_uses_the_day_rate_below_22_working_days() -> None:
    line = cost_line(item(T.D, 21))
    assert (line.basis, line.quantity, line.amount_fen) == (Basis.DAYS, 21, 21 * DAY)


def test_type_d_uses_the_month_rate_from_22_working_days() -> None:
    line = cost_line(item(T.D, 22))
    assert (line.basis, line.amount_fen) == (Basis.MONTHS, MONTH)
    line = cost_line(item(T.D, 33, pct=50))  # 16.5 person-days = 0.75 month
    assert line.quantity == Fraction(3, 4)
    assert line.amount_fen == MONTH * 3 // 4


def test_type_a_is_month_rate_times_calendar_months() -> None:
    """Long-term service bills by the calendar month: holidays do not cut it."""
    months = calendar_months(date(2026, 9, 1), date(2026, 11, 30))
    assert months == 3
    line = cost_line(replace(item(T.A, 61, pct=25), calendar_months=months))
    assert (line.basis, line.quantity, line.amount_fen) == (
        Basis.MONTHS,
        Fraction(3, 4),
        MONTH * 3 // 4,
    )
    assert calendar_months(date(2026, 9, 1), date(2026, 10, 15)) == 1 + Fraction(15, 31)
    assert calendar_months(date(2026, 10, 1), date(2026, 10, 31)) == 1  # National Day too


def test_type_a_without_its_period_falls_back_to_working_day_months() -> None:
    line = cost_line(item(T.A, 11))
    assert (line.basis, line.amount_fen) == (Basis.MONTHS, MONTH // 2)


def test_type_b_is_the_package_price_and_type_c_the_service_days() -> None:
    assert cost_line(item(T.B, 100, package_price_fen=88_000_00)).amount_fen == 88_000_00
    assert cost_line(item(T.C, 100, service_days=12)).amount_fen == 12 * DAY
    assert cost_line(item(T.C, 10, pct=50)).amount_fen == 5 * DAY  # no days given: the effort


def test_amounts_round_half_up_to_the_fen_and_totals_add_up() -> None:
    odd = CostInput("b", "李", "测试", T.D, 23, 100, 0, 1_00)  # 1 yuan a month x 23/22
    assert cost_line(odd).amount_fen == 105  # 104.5... fen -> 105
    result = estimate([item(T.D, 22), odd, item(T.B, 5, package_price_fen=7_00)])
    assert result.total_fen == MONTH + 105 + 7_00
    assert result.by_type == {T.D: MONTH + 105, T.B: 7_00}
    assert result.by_role == {"开发": MONTH + 7_00, "测试": 105}
    assert all(isinstance(line.amount_fen, int) for line in result.lines)
    assert WORKING_DAYS_PER_MONTH == 22


@pytest.mark.parametrize(
    ("text", "fen"), [("1,234.5", 123450), ("¥88", 8800), ("0.07", 7), (" 12 ", 1200)]
)
def test_yuan_typed_by_a_user_becomes_fen(text: str, fen: int) -> None:
    assert parse_yuan(text) == fen


@pytest.mark.parametrize("text", ["", "-5", "1.234", "abc", "1.2.3", "12元元"])
def test_what_is_not_an_amount_is_refused(text: str) -> None:
    with pytest.raises(ValueError, match=r"amount|decimals"):
        parse_yuan(text)


def test_fen_are_shown_as_yuan() -> None:
    assert yuan_text(123456789) == "1,234,567.89"
    assert yuan_text(5) == "0.05"
