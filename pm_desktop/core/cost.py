"""Cost by service-order type (服务单类型), in integer fen; never a float.

| type | priced as |
|---|---|
| A | person-month rate x calendar months of the period |
| B | the package's price |
| C | day rate x service days |
| D | rate x duration: the month rate when the duration is 22 working days or more, else the
|   | day rate |

Type A is long-term service billed by the calendar month (a partial month counts by its days:
1 September to 15 October is 1.5 months); holidays do not cut it. For type D a person-month is
22 working days (the delivery centre's threshold), so ``months = working days x allocation /
22``. Each line is rounded once, half up, to the fen.
"""

from __future__ import annotations

from calendar import monthrange
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from fractions import Fraction

from pm_desktop.core.enums import ServiceOrderType

WORKING_DAYS_PER_MONTH = 22
"""Working days in a person-month, and the duration from which type D uses the month rate."""


class Basis(StrEnum):
    """What a line's amount is a multiple of."""

    MONTHS = "months"
    DAYS = "days"
    PACKAGE = "package"


@dataclass(frozen=True, slots=True)
class CostInput:
    """One assignment as the estimate needs it."""

    assignment_id: str
    person_name: str
    role_name: str
    order_type: ServiceOrderType
    working_days: int
    """Working days of the assignment's period, by the project's calendar."""
    allocation_pct: int
    day_rate_fen: int
    month_rate_fen: int
    package_price_fen: int | None = None
    service_days: int | None = None
    calendar_months: Fraction | None = None
    """The period in calendar months (see :func:`calendar_months`); type A bills by it."""


@dataclass(frozen=True, slots=True)
class CostLine:
    assignment_id: str
    person_name: str
    role_name: str
    order_type: ServiceOrderType
    basis: Basis
    quantity: Fraction
    """Months, days or 1 package."""
    rate_fen: int
    amount_fen: int
    working_days: int


@dataclass(frozen=True, slots=True)
class CostEstimate:
    lines: tuple[CostLine, ...]
    by_type: Mapping[ServiceOrderType, int]
    by_role: Mapping[str, int]
    total_fen: int


def calendar_months(start: date, end: date) -> Fraction:
    """The months from ``start`` to ``end`` (both included): each month counts the share of
    its days in the period (1 Sep-30 Nov is 3; 1 Sep-15 Oct is 1 + 15/31)."""
    if end < start:
        return Fraction(0)
    total = Fraction(0)
    first = start
    while first <= end:
        days_in_month = monthrange(first.year, first.month)[1]
        month_end = first.replace(day=days_in_month)
        last = min(end, month_end)
        total += Fraction((last - first).days + 1, days_in_month)
        first = month_end + timedelta(days=1)
    return total


def round_fen(amount: Fraction) -> int:
    """Half up, to the fen (amounts are never negative)."""
    return int(amount + Fraction(1, 2))


def cost_line(item: CostInput) -> CostLine:
    share = Fraction(item.allocation_pct, 100)
    effort_days = item.working_days * share
    kind = item.order_type
    if kind is ServiceOrderType.B:
        basis, quantity, rate = Basis.PACKAGE, Fraction(1), item.package_price_fen or 0
    elif kind is ServiceOrderType.C:
        days = Fraction(item.service_days) if item.service_days is not None else effort_days
        basis, quantity, rate = Basis.DAYS, days, item.day_rate_fen
    elif kind is ServiceOrderType.A and item.calendar_months is not None:
        basis, quantity, rate = Basis.MONTHS, item.calendar_months * share, item.month_rate_fen
    elif kind is ServiceOrderType.A or item.working_days >= WORKING_DAYS_PER_MONTH:
        months = effort_days / WORKING_DAYS_PER_MONTH
        basis, quantity, rate = Basis.MONTHS, months, item.month_rate_fen
    else:
        basis, quantity, rate = Basis.DAYS, effort_days, item.day_rate_fen
    return CostLine(
        assignment_id=item.assignment_id,
        person_name=item.person_name,
        role_name=item.role_name,
        order_type=kind,
        basis=basis,
        quantity=quantity,
        rate_fen=rate,
        amount_fen=round_fen(quantity * rate),
        working_days=item.working_days,
    )


def estimate(items: Iterable[CostInput]) -> CostEstimate:
    lines = tuple(cost_line(item) for item in items)
    by_type: defaultdict[ServiceOrderType, int] = defaultdict(int)
    by_role: defaultdict[str, int] = defaultdict(int)
    for line in lines:
        by_type[line.order_type] += line.amount_fen
        by_role[line.role_name] += line.amount_fen
    return CostEstimate(
        lines=lines,
        by_type=dict(by_type),
        by_role=dict(by_role),
        total_fen=sum(line.amount_fen for line in lines),
    )


def yuan_text(fen: int) -> str:
    """``123456`` fen as ``1,234.56``."""
    sign = "-" if fen < 0 else ""
    whole, cents = divmod(abs(fen), 100)
    return f"{sign}{whole:,}.{cents:02d}"


def parse_yuan(text: str) -> int:
    """``"1,234.5"`` or ``"¥1234.50"`` as fen; ValueError for anything else (more than two
    decimals, letters, a negative amount)."""
    cleaned = text.strip().replace(",", "").replace("，", "").lstrip("¥￥").strip()
    if not cleaned or cleaned.startswith(("-", "+")):
        raise ValueError(f"not an amount: {text!r}")
    whole, _, cents = cleaned.partition(".")
    if (not whole.isdigit() and whole != "") or not (cents == "" or cents.isdigit()):
        raise ValueError(f"not an amount: {text!r}")
    if len(cents) > 2:
        raise ValueError(f"more than two decimals: {text!r}")
    return int(whole or "0") * 100 + int((cents + "00")[:2])
