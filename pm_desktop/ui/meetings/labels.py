"""Translated names of the meetings vocabulary: types, statuses, attendance, parser problems."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from pm_desktop.core.enums import ActionStatus, Attendance, MeetingStatus, MeetingType, MinuteKind

if TYPE_CHECKING:
    from pm_desktop.core.quick_entry import Problem

translate = QCoreApplication.translate


def meeting_type_label(kind: MeetingType) -> str:
    labels = {
        MeetingType.KICKOFF: translate("MeetingLabels", "Kickoff", "meeting type: 启动会"),
        MeetingType.SOLUTION_REPORT: translate(
            "MeetingLabels", "Solution report", "meeting type: 方案汇报"
        ),
        MeetingType.GO_LIVE_REPORT: translate(
            "MeetingLabels", "Go-live report", "meeting type: 上线汇报"
        ),
        MeetingType.ACCEPTANCE: translate("MeetingLabels", "Acceptance", "meeting type: 验收会"),
        MeetingType.WEEKLY_STATUS: translate(
            "MeetingLabels", "Weekly status", "meeting type: 周例会"
        ),
        MeetingType.WORKSHOP: translate("MeetingLabels", "Workshop", "meeting type: 研讨会"),
        MeetingType.ESCALATION: translate("MeetingLabels", "Escalation", "meeting type: 升级会"),
        MeetingType.OTHER: translate("MeetingLabels", "Other", "meeting type: 其他"),
    }
    return labels[kind]


def default_title(kind: MeetingType) -> str:
    """The title a new meeting of ``kind`` starts with."""
    titles = {
        MeetingType.KICKOFF: translate(
            "MeetingLabels", "Project kickoff", "default meeting title: 项目启动会"
        ),
        MeetingType.SOLUTION_REPORT: translate(
            "MeetingLabels", "Solution report", "default meeting title: 方案汇报会"
        ),
        MeetingType.GO_LIVE_REPORT: translate(
            "MeetingLabels", "Go-live report", "default meeting title: 上线汇报会"
        ),
        MeetingType.ACCEPTANCE: translate(
            "MeetingLabels", "Acceptance meeting", "default meeting title: 验收会"
        ),
        MeetingType.WEEKLY_STATUS: translate(
            "MeetingLabels", "Weekly status", "default meeting title: 周例会"
        ),
        MeetingType.WORKSHOP: translate(
            "MeetingLabels", "Workshop", "default meeting title: 研讨会"
        ),
        MeetingType.ESCALATION: translate(
            "MeetingLabels", "Escalation meeting", "default meeting title: 升级会"
        ),
        MeetingType.OTHER: "",
    }
    return titles[kind]


def default_series(kind: MeetingType) -> str:
    """The series a new meeting of ``kind`` joins, so its open actions carry over."""
    if kind is MeetingType.WEEKLY_STATUS:
        return translate(
            "MeetingLabels", "Weekly status", "series name of the weekly meetings: 周例会"
        )
    return ""


def meeting_status_label(status: MeetingStatus) -> str:
    labels = {
        MeetingStatus.PLANNED: translate("MeetingLabels", "Planned", "meeting status"),
        MeetingStatus.IN_PROGRESS: translate("MeetingLabels", "In progress", "meeting status"),
        MeetingStatus.CLOSED: translate("MeetingLabels", "Closed", "meeting status"),
    }
    return labels[status]


def action_status_label(status: ActionStatus) -> str:
    labels = {
        ActionStatus.OPEN: translate("MeetingLabels", "Open", "action status"),
        ActionStatus.IN_PROGRESS: translate("MeetingLabels", "In progress", "action status"),
        ActionStatus.DONE: translate("MeetingLabels", "Done", "action status"),
        ActionStatus.CANCELLED: translate("MeetingLabels", "Cancelled", "action status"),
    }
    return labels[status]


def attendance_label(attendance: Attendance) -> str:
    labels = {
        Attendance.INVITED: translate("MeetingLabels", "Invited", "attendance"),
        Attendance.PRESENT: translate("MeetingLabels", "Present", "attendance"),
        Attendance.ABSENT: translate("MeetingLabels", "Absent", "attendance"),
        Attendance.EXCUSED: translate("MeetingLabels", "Excused", "attendance"),
    }
    return labels[attendance]


def minute_kind_label(kind: MinuteKind) -> str:
    labels = {
        MinuteKind.DECISION: translate(
            "MeetingLabels", "Decision", "kind of a minutes entry: 决定"
        ),
        MinuteKind.NOTE: translate("MeetingLabels", "Note", "kind of a minutes entry: 备注"),
    }
    return labels[kind]


def problem_message(problem: Problem) -> str:
    """What the quick-entry parser did not understand, for the hint under the line."""
    messages = {
        "impossible_date": translate(
            "MeetingLabels", "“{text}” is not a real date: no due date was set."
        ),
        "unreadable_date": translate(
            "MeetingLabels", "“{text}” could not be read as a date: no due date was set."
        ),
        "past_date": translate("MeetingLabels", "The due date “{text}” is already past."),
        "empty_owner": translate("MeetingLabels", "“@” without a name: no owner was set."),
        "unknown_owner": translate(
            "MeetingLabels", "“{text}” is not an attendee: check the name or add them."
        ),
        "extra_owner": translate(
            "MeetingLabels", "An action has one owner: “{text}” stays in What."
        ),
        "extra_date": translate(
            "MeetingLabels", "Only the first date counts: “{text}” stays in What."
        ),
        "extra_place": translate(
            "MeetingLabels", "Only the first place counts: “{text}” stays in What."
        ),
        "extra_reason": translate(
            "MeetingLabels", "Only the first reason counts: “{text}” stays in What."
        ),
        "extra_method": translate(
            "MeetingLabels", "Only the first method counts: “{text}” stays in What."
        ),
        "missing_what": translate(
            "MeetingLabels", "Nothing is left for What: the whole line is kept as What."
        ),
        "too_many_markers": translate(
            "MeetingLabels", "Too many markers: the rest, from “{text}”, stays in What."
        ),
    }
    template = messages.get(
        problem.code, translate("MeetingLabels", "“{text}” was not understood and stays in What.")
    )
    return template.format(text=problem.text)
