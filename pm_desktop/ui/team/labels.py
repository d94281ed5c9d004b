"""Translated names of the team vocabulary, the texts with a count, and refused-edit messages."""

from __future__ import annotations

from fractions import Fraction
from functools import cache

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QColor

from pm_desktop.core.cost import Basis
from pm_desktop.core.enums import PersonKind, PoolEventKind, ProjectType, Raci, ServiceOrderType
from pm_desktop.core.errors import PmError, ValidationError
from pm_desktop.core.team import RaciProblemKind
from pm_desktop.ui.errors import describe_error
from pm_desktop.ui.style import ERROR, SUCCESS

translate = QCoreApplication.translate

RED_COLOUR = ERROR  # 红: good conduct, shown in red as the seeds do
BLACK_COLOUR = QColor("#202020")


def person_kind_label(kind: PersonKind) -> str:
    labels = {
        PersonKind.INTERNAL: translate("TeamLabels", "Internal", "person kind: 内部"),
        PersonKind.PARTNER: translate("TeamLabels", "Partner", "person kind: 合作伙伴"),
        PersonKind.OUTSOURCED: translate("TeamLabels", "Outsourced", "person kind: 外包 (ODC)"),
    }
    return labels[kind]


def event_kind_label(kind: PoolEventKind) -> str:
    labels = {
        PoolEventKind.ENTERED: translate("TeamLabels", "Entered the pool", "入池"),
        PoolEventKind.TRAINED: translate("TeamLabels", "Trained", "培训"),
        PoolEventKind.ASSIGNED: translate("TeamLabels", "Assigned", "分派"),
        PoolEventKind.LEFT: translate("TeamLabels", "Left the pool", "出池"),
        PoolEventKind.SETTLED: translate("TeamLabels", "Settled", "结算"),
        PoolEventKind.RED: translate("TeamLabels", "Red (good)", "红事件: good conduct"),
        PoolEventKind.BLACK: translate("TeamLabels", "Black (bad)", "黑事件: bad conduct"),
    }
    return labels[kind]


def event_colour(kind: PoolEventKind) -> QColor | None:
    if kind is PoolEventKind.RED:
        return RED_COLOUR
    if kind is PoolEventKind.BLACK:
        return BLACK_COLOUR
    if kind is PoolEventKind.ENTERED:
        return SUCCESS
    return None


def project_type_label(kind: ProjectType) -> str:
    labels = {
        ProjectType.CUSTOMISATION: translate("TeamLabels", "Product customisation", "二开"),
        ProjectType.IMPLEMENTATION: translate("TeamLabels", "Implementation", "实施"),
        ProjectType.OPERATIONS: translate("TeamLabels", "Operations (O&M)", "运维"),
        ProjectType.CONSULTING: translate("TeamLabels", "Consulting", "咨询"),
        ProjectType.OTHER: translate("TeamLabels", "Other", "project type: 其他"),
    }
    return labels[kind]


def order_type_label(kind: ServiceOrderType) -> str:
    """``D · On-site staffing``: the letter the contracts use, and what it is."""
    labels = {
        ServiceOrderType.A: translate("TeamLabels", "A · Long-term", "服务单类型A: 长期人月"),
        ServiceOrderType.B: translate("TeamLabels", "B · Package", "服务单类型B: 标准交付服务包"),
        ServiceOrderType.C: translate(
            "TeamLabels", "C · Remote O&M", "服务单类型C: 远程运维服务包"
        ),
        ServiceOrderType.D: translate("TeamLabels", "D · On-site", "服务单类型D: 驻场人力"),
    }
    return labels[kind]


def order_type_hint(kind: ServiceOrderType) -> str:
    hints = {
        ServiceOrderType.A: translate(
            "TeamLabels",
            "Long-term (over 6 months) person-month service: the month rate × months.",
        ),
        ServiceOrderType.B: translate(
            "TeamLabels", "Standard delivery service package: the package's price."
        ),
        ServiceOrderType.C: translate(
            "TeamLabels", "Remote O&M standard package: the day rate × service days."
        ),
        ServiceOrderType.D: translate(
            "TeamLabels",
            "On-site staffing: 22 working days or more at the month rate, else the day rate.",
        ),
    }
    return hints[kind]


def basis_label(basis: Basis) -> str:
    labels = {
        Basis.MONTHS: translate("TeamLabels", "Person-months"),
        Basis.DAYS: translate("TeamLabels", "Person-days"),
        Basis.PACKAGE: translate("TeamLabels", "Package"),
    }
    return labels[basis]


def quantity_text(quantity: Fraction) -> str:
    """A quantity with at most two decimals (``1.36``), whole numbers without (``30``)."""
    if quantity.denominator == 1:
        return str(quantity.numerator)
    return f"{float(quantity):.2f}".rstrip("0").rstrip(".")


def raci_label(value: Raci | None) -> str:
    return "" if value is None else value.value


def raci_choices() -> list[tuple[str, str]]:
    return [
        ("", translate("TeamLabels", "(none)", "RACI cell left empty")),
        (Raci.RESPONSIBLE.value, translate("TeamLabels", "R · Responsible (writes)")),
        (Raci.ACCOUNTABLE.value, translate("TeamLabels", "A · Accountable (reviews)")),
        (Raci.CONSULTED.value, translate("TeamLabels", "C · Consulted")),
        (Raci.INFORMED.value, translate("TeamLabels", "I · Informed")),
    ]


def raci_problem_label(problem: RaciProblemKind) -> str:
    labels = {
        RaciProblemKind.NO_ACCOUNTABLE: translate("TeamLabels", "No A: nobody reviews it"),
        RaciProblemKind.SEVERAL_ACCOUNTABLE: translate(
            "TeamLabels", "Several A: one person answers for it"
        ),
        RaciProblemKind.NO_RESPONSIBLE: translate("TeamLabels", "No R: nobody writes it"),
    }
    return labels[problem]


class TeamTexts(QObject):
    """Sentences with a count (lupdate marks plurals only in ``self.tr`` calls)."""

    def missing(self, count: int) -> str:
        return self.tr("{role}: %n more needed", "", count)

    def people(self, count: int) -> str:
        return self.tr("%n person(s)", "", count)

    def unfilled_summary(self, count: int) -> str:
        return self.tr("%n required role(s) not filled", "", count)


@cache
def texts() -> TeamTexts:
    return TeamTexts()


def field_error_text(error: PmError) -> str:
    """A translated sentence for an edit the team service refused, for the field concerned."""
    if not isinstance(error, ValidationError):
        return describe_error(error)
    sentences = {
        "name": translate("TeamMessages", "A name is needed."),
        "day_rate_fen": translate("TeamMessages", "The day rate is not a sensible amount."),
        "month_rate_fen": translate("TeamMessages", "The month rate is not a sensible amount."),
        "email": translate("TeamMessages", "This is not an e-mail address (name@example.com)."),
        "phone": translate("TeamMessages", "The phone number is too long."),
        "skills": translate("TeamMessages", "A skill is too long."),
        "ends_on": translate("TeamMessages", "The end cannot be before the start."),
        "starts_on": translate("TeamMessages", "The start cannot be after the end."),
        "allocation_pct": translate(
            "TeamMessages", "The allocation is a whole percentage from 1 to 100."
        ),
        "package_price_fen": translate(
            "TeamMessages", "The package price is an amount in yuan, not negative."
        ),
        "service_days": translate("TeamMessages", "Service days are a whole number, not negative."),
        "role_name": translate("TeamMessages", "The assignment needs a role."),
        "person_id": translate("TeamMessages", "Choose someone from the resource pool."),
        "roles": translate("TeamMessages", "Two roles of the template have the same name."),
        "work_item": translate("TeamMessages", "A work item needs a name, unused in this project."),
        "occurred_on": translate("TeamMessages", "An event cannot be dated in the future."),
        "note": translate(
            "TeamMessages", "Say what happened: red and black records stay in the history."
        ),
    }
    return sentences.get(error.field or "", describe_error(error))


def amount_refused_text() -> str:
    return translate("TeamMessages", "Type an amount in yuan, e.g. 1,200.50 (not negative).")
