"""What the user reads when the service refuses a stakeholder edit, and the warnings' texts."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QCoreApplication, QObject

from pm_desktop.core.errors import PmError, ValidationError
from pm_desktop.core.stakeholder_health import HealthWarning, WarningKind
from pm_desktop.ui.errors import describe_error
from pm_desktop.ui.meetings.labels import meeting_type_label

translate = QCoreApplication.translate


class StakeholderTexts(QObject):
    """Sentences with a count. Qt's lupdate marks a plural only in ``self.tr`` calls, so
    module-level code and undo commands (not QObjects) take them from here."""

    def several_one_w(self, count: int) -> str:
        return self.tr("%n stakeholders are marked 1W; a project has one.", "", count)

    def open_demands(self, count: int) -> str:
        return self.tr("{name}: %n demand(s) not yet addressed.", "", count)

    def strong_c_days(self, days: int) -> str:
        return self.tr("The strong-C {name}: no contact for %n day(s).", "", days)

    def opponent_days(self, days: int) -> str:
        return self.tr("{name}, a powerful opponent: no touchpoint for %n day(s).", "", days)

    def delete_stakeholders(self, count: int) -> str:
        return self.tr("Delete %n stakeholder(s)", "", count)

    def import_stakeholders(self, count: int) -> str:
        return self.tr("Import %n stakeholder(s)", "", count)

    def map_total(self, count: int) -> str:
        return self.tr("%n stakeholder(s) on the map", "", count)


@cache
def texts() -> StakeholderTexts:
    return StakeholderTexts()


def field_error_text(error: PmError) -> str:
    """A translated sentence for a refused edit, shown beside the field it concerns."""
    if not isinstance(error, ValidationError):
        return describe_error(error)
    texts = {
        "name": translate("StakeholderMessages", "A stakeholder needs a name."),
        "organisation": translate("StakeholderMessages", "The organisation is too long."),
        "title": translate("StakeholderMessages", "The title is too long."),
        "email": translate(
            "StakeholderMessages", "This is not an e-mail address (name@example.com)."
        ),
        "phone": translate("StakeholderMessages", "The phone number is too long."),
        "power": translate("StakeholderMessages", "Power is a whole number from 1 to 5."),
        "interest": translate("StakeholderMessages", "Interest is a whole number from 1 to 5."),
        "text": translate("StakeholderMessages", "A demand needs a text."),
        "summary": translate("StakeholderMessages", "Say in a few words what was discussed."),
        "occurred_on": translate(
            "StakeholderMessages", "A touchpoint cannot be dated in the future."
        ),
        "what": translate("StakeholderMessages", "A follow-up needs to say what is to be done."),
    }
    if error.field == "reports_to_id":
        if "loop" in str(error):
            return translate(
                "StakeholderMessages",
                "That would make a loop: this person already manages, directly or not, "
                "the one chosen.",
            )
        if "themselves" in str(error):
            return translate("StakeholderMessages", "Nobody reports to themselves.")
        return translate(
            "StakeholderMessages", "The person reported to is not a stakeholder of this project."
        )
    return texts.get(error.field or "", describe_error(error))


def warning_text(warning: HealthWarning) -> str:
    """One line saying what is wrong, naming who (and which meeting)."""
    kind = warning.kind
    if kind in (WarningKind.ONE_W_NOT_INVITED, WarningKind.ONE_W_ABSENT):
        return _meeting_warning_text(warning)
    if kind in (WarningKind.STRONG_C_OUT_OF_TOUCH, WarningKind.OPPONENT_OUT_OF_TOUCH):
        return _contact_warning_text(warning)
    sentences = {
        WarningKind.NO_ONE_W: lambda: translate(
            "StakeholderMessages",
            "No 1W identified: who is the top decision maker and final beneficiary?",
        ),
        WarningKind.SEVERAL_ONE_W: lambda: texts().several_one_w(warning.count),
        WarningKind.ONE_W_WITHOUT_DEMANDS: lambda: translate(
            "StakeholderMessages", "The 1W {name} has no recorded demands."
        ),
        WarningKind.OPEN_DEMANDS: lambda: texts().open_demands(warning.count),
    }
    return sentences[kind]().format(name=warning.stakeholder_name)


def _meeting_warning_text(warning: HealthWarning) -> str:
    meeting = warning.meeting_title or (
        meeting_type_label(warning.meeting_type) if warning.meeting_type else ""
    )
    text = (
        translate("StakeholderMessages", "The 1W {name} was not invited to “{meeting}” ({date}).")
        if warning.kind is WarningKind.ONE_W_NOT_INVITED
        else translate(
            "StakeholderMessages",
            "The 1W {name} was not recorded as present at “{meeting}” ({date}).",
        )
    )
    held = warning.held_on.isoformat() if warning.held_on else ""
    return text.format(name=warning.stakeholder_name, meeting=meeting, date=held)


def _contact_warning_text(warning: HealthWarning) -> str:
    strong_c = warning.kind is WarningKind.STRONG_C_OUT_OF_TOUCH
    if warning.days is None:
        text = (
            translate("StakeholderMessages", "The strong-C {name} has never been contacted.")
            if strong_c
            else translate(
                "StakeholderMessages", "{name}, a powerful opponent, has never been contacted."
            )
        )
    elif strong_c:
        text = texts().strong_c_days(warning.days)
    else:
        text = texts().opponent_days(warning.days)
    return text.format(name=warning.stakeholder_name)


def warning_fix_hint(warning: HealthWarning) -> str:
    """Where clicking the warning leads."""
    kind = warning.kind
    if kind is WarningKind.NO_ONE_W:
        return translate(
            "StakeholderMessages", "Shows the register: set the 1W's role there, or add them."
        )
    if kind is WarningKind.SEVERAL_ONE_W:
        return translate("StakeholderMessages", "Shows the 1Ws in the register.")
    if kind in (WarningKind.ONE_W_NOT_INVITED, WarningKind.ONE_W_ABSENT):
        return translate("StakeholderMessages", "Opens the meeting.")
    if kind in (WarningKind.ONE_W_WITHOUT_DEMANDS, WarningKind.OPEN_DEMANDS):
        return translate("StakeholderMessages", "Opens the stakeholder's demands.")
    return translate("StakeholderMessages", "Opens the stakeholder's touchpoints.")
