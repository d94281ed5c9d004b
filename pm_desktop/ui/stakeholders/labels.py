"""Translated names of the stakeholder vocabulary: role classes, attitudes, channels, quadrants."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor

from pm_desktop.core.enums import Attitude, DemandStatus, RoleClass, TouchpointChannel
from pm_desktop.core.stakeholders import Quadrant

translate = QCoreApplication.translate


def role_class_label(role: RoleClass) -> str:
    labels = {
        RoleClass.ONE_W: translate("StakeholderLabels", "1W", "role class: top decision maker"),
        RoleClass.STRONG_C: translate(
            "StakeholderLabels", "Strong-C", "role class: 强C, client's key business owner"
        ),
        RoleClass.KEY_USER: translate("StakeholderLabels", "Key user", "role class: 关键用户"),
        RoleClass.IT_OWNER: translate("StakeholderLabels", "IT owner", "role class: IT负责人"),
        RoleClass.PROCUREMENT: translate("StakeholderLabels", "Procurement", "role class: 采购"),
        RoleClass.OTHER: translate("StakeholderLabels", "Other", "role class: 其他"),
    }
    return labels[role]


def role_badge(role: RoleClass) -> str:
    """The short badge on a map card: only the 1W and the strong-C have one."""
    if role is RoleClass.ONE_W:
        return translate("StakeholderLabels", "1W", "map badge")
    if role is RoleClass.STRONG_C:
        return translate("StakeholderLabels", "Strong-C", "map badge: 强C")
    return ""


def attitude_label(attitude: Attitude) -> str:
    labels = {
        Attitude.SUPPORTER: translate("StakeholderLabels", "Supporter", "attitude: 支持者"),
        Attitude.NEUTRAL: translate("StakeholderLabels", "Neutral", "attitude: 中立"),
        Attitude.OPPONENT: translate("StakeholderLabels", "Opponent", "attitude: 反对者"),
        Attitude.UNKNOWN: translate("StakeholderLabels", "Unknown", "attitude: 未知"),
    }
    return labels[attitude]


#: Card colours by attitude: readable with dark text, distinct for colour-blind users in hue
#: and lightness (green, grey, red, pale blue).
ATTITUDE_COLOURS = {
    Attitude.SUPPORTER: "#b7e1b0",
    Attitude.NEUTRAL: "#e3e3e3",
    Attitude.OPPONENT: "#f4a9a0",
    Attitude.UNKNOWN: "#d6e4f5",
}


def attitude_colour(attitude: Attitude) -> QColor:
    return QColor(ATTITUDE_COLOURS[attitude])


def demand_status_label(status: DemandStatus) -> str:
    labels = {
        DemandStatus.RECORDED: translate("StakeholderLabels", "Recorded", "demand status: 已记录"),
        DemandStatus.ADDRESSED: translate(
            "StakeholderLabels", "Addressed", "demand status: 已满足"
        ),
    }
    return labels[status]


def channel_label(channel: TouchpointChannel) -> str:
    labels = {
        TouchpointChannel.MEETING: translate("StakeholderLabels", "Meeting", "channel: 会议"),
        TouchpointChannel.CALL: translate("StakeholderLabels", "Call", "channel: 电话"),
        TouchpointChannel.VISIT: translate("StakeholderLabels", "Visit", "channel: 拜访"),
        TouchpointChannel.MEAL: translate("StakeholderLabels", "Meal", "channel: 用餐"),
        TouchpointChannel.MESSAGE: translate("StakeholderLabels", "Message", "channel: 消息"),
    }
    return labels[channel]


def quadrant_label(quadrant: Quadrant) -> str:
    labels = {
        Quadrant.MANAGE_CLOSELY: translate(
            "StakeholderLabels", "Manage closely", "Mendelow quadrant: 重点管理"
        ),
        Quadrant.KEEP_SATISFIED: translate(
            "StakeholderLabels", "Keep satisfied", "Mendelow quadrant: 令其满意"
        ),
        Quadrant.KEEP_INFORMED: translate(
            "StakeholderLabels", "Keep informed", "Mendelow quadrant: 随时告知"
        ),
        Quadrant.MONITOR: translate("StakeholderLabels", "Monitor", "Mendelow quadrant: 监督"),
    }
    return labels[quadrant]


def power_axis_label() -> str:
    return translate("StakeholderLabels", "Power")


def interest_axis_label() -> str:
    return translate("StakeholderLabels", "Interest")
