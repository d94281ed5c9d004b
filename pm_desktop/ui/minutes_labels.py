"""The texts of the PDF minutes, in the UI language (Qt's translation, context "MinutesPdf")."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from pm_desktop.core.enums import ActionStatus, Attendance, MeetingType
from pm_desktop.export.minutes_pdf import MinutesLabels


def minutes_labels() -> MinutesLabels:
    """Every caption the minutes PDF prints, translated for the language installed now."""
    translate = QCoreApplication.translate
    return MinutesLabels(
        document_title=translate("MinutesPdf", "Meeting minutes"),
        project=translate("MinutesPdf", "Project"),
        meeting=translate("MinutesPdf", "Meeting"),
        meeting_type=translate("MinutesPdf", "Type"),
        date_time=translate("MinutesPdf", "Date and time"),
        place=translate("MinutesPdf", "Place"),
        scribe=translate("MinutesPdf", "Minutes taken by"),
        attendees=translate("MinutesPdf", "Attendees"),
        agenda=translate("MinutesPdf", "Agenda"),
        decisions=translate("MinutesPdf", "Decisions"),
        notes=translate("MinutesPdf", "Notes"),
        previous_actions=translate("MinutesPdf", "Review of the previous meeting's actions"),
        actions=translate("MinutesPdf", "Action items"),
        column_number=translate("MinutesPdf", "No."),
        column_what=translate("MinutesPdf", "What"),
        column_why=translate("MinutesPdf", "Why"),
        column_who=translate("MinutesPdf", "Who"),
        column_when=translate("MinutesPdf", "When"),
        column_where=translate("MinutesPdf", "Where"),
        column_how=translate("MinutesPdf", "How"),
        column_status=translate("MinutesPdf", "Status"),
        column_history=translate("MinutesPdf", "Progress"),
        statuses={
            ActionStatus.OPEN: translate("MinutesPdf", "Open"),
            ActionStatus.IN_PROGRESS: translate("MinutesPdf", "In progress"),
            ActionStatus.DONE: translate("MinutesPdf", "Done"),
            ActionStatus.CANCELLED: translate("MinutesPdf", "Cancelled"),
        },
        meeting_types={
            MeetingType.KICKOFF: translate("MinutesPdf", "Kickoff"),
            MeetingType.SOLUTION_REPORT: translate("MinutesPdf", "Solution report"),
            MeetingType.GO_LIVE_REPORT: translate("MinutesPdf", "Go-live report"),
            MeetingType.ACCEPTANCE: translate("MinutesPdf", "Acceptance"),
            MeetingType.WEEKLY_STATUS: translate("MinutesPdf", "Weekly status"),
            MeetingType.WORKSHOP: translate("MinutesPdf", "Workshop"),
            MeetingType.ESCALATION: translate("MinutesPdf", "Escalation"),
            MeetingType.OTHER: translate("MinutesPdf", "Other"),
        },
        attendance={
            Attendance.PRESENT: translate("MinutesPdf", "Present"),
            Attendance.ABSENT: translate("MinutesPdf", "Absent"),
            Attendance.EXCUSED: translate("MinutesPdf", "Excused"),
            Attendance.INVITED: translate("MinutesPdf", "Invited"),
        },
        none=translate("MinutesPdf", "None"),
        incomplete=translate("MinutesPdf", "To be set"),
        incomplete_legend=translate(
            "MinutesPdf",
            '"To be set": the item has no owner or no due date yet, so it is not an action yet.',
        ),
        page=translate("MinutesPdf", "Page {page} of {total}"),
        date=translate("MinutesPdf", "{day} {month_name} {year}"),
        month_names=(
            translate("MinutesPdf", "January"),
            translate("MinutesPdf", "February"),
            translate("MinutesPdf", "March"),
            translate("MinutesPdf", "April"),
            translate("MinutesPdf", "May"),
            translate("MinutesPdf", "June"),
            translate("MinutesPdf", "July"),
            translate("MinutesPdf", "August"),
            translate("MinutesPdf", "September"),
            translate("MinutesPdf", "October"),
            translate("MinutesPdf", "November"),
            translate("MinutesPdf", "December"),
        ),
        table_date=translate("MinutesPdf", "{year}-{mm}-{dd}", "due date in a table"),
        history_date=translate("MinutesPdf", "{mm}-{dd}", "date of a status change"),
        time_range=translate("MinutesPdf", "{start} – {end}"),
        history_step=translate("MinutesPdf", "{date} {status}"),
        history_separator=translate("MinutesPdf", " → "),
        list_separator=translate("MinutesPdf", ", ", "between attendees' names"),
        attendee_organisation=translate("MinutesPdf", "{name} ({organisation})"),
        agenda_presenter=translate("MinutesPdf", "({presenter})"),
        agenda_duration=translate("MinutesPdf", "({minutes} min)"),
        agenda_presenter_duration=translate("MinutesPdf", "({presenter}, {minutes} min)"),
        item_number=translate("MinutesPdf", "{n}."),
    )
