"""Closed vocabularies of the domain. Values are stored in the database: never rename one."""

from __future__ import annotations

from enum import StrEnum


class ProjectType(StrEnum):
    CUSTOMISATION = "customisation"  # 二开
    IMPLEMENTATION = "implementation"
    OPERATIONS = "operations"  # 运维 O&M
    CONSULTING = "consulting"
    OTHER = "other"


class PersonKind(StrEnum):
    INTERNAL = "internal"
    PARTNER = "partner"
    OUTSOURCED = "outsourced"


class PoolEventKind(StrEnum):
    ENTERED = "entered"  # 入池
    TRAINED = "trained"
    ASSIGNED = "assigned"
    LEFT = "left"  # 出池
    SETTLED = "settled"  # 结算
    RED = "red"  # good conduct (红)
    BLACK = "black"  # bad conduct (黑)


class RoleClass(StrEnum):
    ONE_W = "1w"
    STRONG_C = "strong_c"
    KEY_USER = "key_user"
    IT_OWNER = "it_owner"
    PROCUREMENT = "procurement"
    OTHER = "other"


class Attitude(StrEnum):
    SUPPORTER = "supporter"
    NEUTRAL = "neutral"
    OPPONENT = "opponent"
    UNKNOWN = "unknown"


class DemandStatus(StrEnum):
    RECORDED = "recorded"
    ADDRESSED = "addressed"


class TouchpointChannel(StrEnum):
    MEETING = "meeting"
    CALL = "call"
    VISIT = "visit"
    MEAL = "meal"
    MESSAGE = "message"


class ServiceOrderType(StrEnum):
    A = "A"  # long-term person-month service
    B = "B"  # standard delivery package
    C = "C"  # remote O&M package, day rate
    D = "D"  # on-site staffing: month rate if >= 22 working days, else day rate


class Raci(StrEnum):
    RESPONSIBLE = "R"
    ACCOUNTABLE = "A"
    CONSULTED = "C"
    INFORMED = "I"


class DependencyKind(StrEnum):
    FINISH_TO_START = "FS"


class MeetingType(StrEnum):
    KICKOFF = "kickoff"  # 启动会
    SOLUTION_REPORT = "solution_report"  # 方案汇报
    GO_LIVE_REPORT = "go_live_report"  # 上线汇报
    ACCEPTANCE = "acceptance"  # 验收会
    WEEKLY_STATUS = "weekly_status"
    WORKSHOP = "workshop"
    ESCALATION = "escalation"
    OTHER = "other"


#: Meetings the 1W should attend.
KEY_MEETING_TYPES = frozenset(
    {
        MeetingType.KICKOFF,
        MeetingType.SOLUTION_REPORT,
        MeetingType.GO_LIVE_REPORT,
        MeetingType.ACCEPTANCE,
    }
)


class MeetingStatus(StrEnum):
    PLANNED = "planned"
    IN_PROGRESS = "in_progress"
    CLOSED = "closed"


class Attendance(StrEnum):
    INVITED = "invited"
    PRESENT = "present"
    ABSENT = "absent"
    EXCUSED = "excused"


class ActionStatus(StrEnum):
    OPEN = "open"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    CANCELLED = "cancelled"


class MinuteKind(StrEnum):
    """Entries of the minutes other than action items."""

    DECISION = "decision"
    NOTE = "note"


class MailState(StrEnum):
    WAITING = "waiting"  # waiting for network
    SENT = "sent"
    FAILED = "failed"


class ConflictKind(StrEnum):
    """What two devices did to the same thing without seeing each other's change."""

    EDIT = "edit"  # both changed the same text field: the later stamp won
    DELETE = "delete"  # one deleted a row the other edited: the row is kept


class ConflictResolution(StrEnum):
    OPEN = ""
    KEPT = "kept"  # the value that won stays (or the row stays)
    RESTORED = "restored"  # the losing value was put back
    BOTH = "both"  # both texts were kept, one after the other
    DELETED = "deleted"  # the row's deletion was confirmed
