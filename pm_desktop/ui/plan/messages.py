"""The plan's refusals in the UI language: the service says what and where (its field), this
module says it to the user."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from pm_desktop.core.errors import PmError, ValidationError
from pm_desktop.core.plan_exchange import PlanFileError
from pm_desktop.core.schedule import DependencyCycleError
from pm_desktop.ui.errors import describe_error

translate = QCoreApplication.translate


def _field_texts() -> dict[str, str]:
    return {
        "name": translate("PlanMessages", "A task needs a name."),
        "duration_days": translate(
            "PlanMessages", "A duration is a whole number of working days, from 0 to 5,000."
        ),
        "offset_days": translate(
            "PlanMessages",
            "A task cannot start before T (the contract signing), nor more than 5,000 working "
            "days after it.",
        ),
        "percent_complete": translate("PlanMessages", "Percent complete is from 0 to 100."),
        "lag_days": translate(
            "PlanMessages", "A lag is a whole number of working days, at most 5,000 either way."
        ),
        "units_pct": translate("PlanMessages", "A share of a person's day is from 1 to 100 %."),
    }


def plan_error_text(error: PmError) -> str:
    """What to tell the user about a refused edit of the plan."""
    if isinstance(error, DependencyCycleError):
        return translate(
            "PlanMessages",
            "These tasks would depend on each other in a loop: {names}. Nothing was changed.",
        ).format(names=" → ".join(error.names))
    if isinstance(error, PlanFileError):
        return str(error)  # names the line or the task; the dialog around it is translated
    if isinstance(error, ValidationError) and error.field in _field_texts():
        return _field_texts()[error.field]
    return describe_error(error)
