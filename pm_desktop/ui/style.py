"""Colours and small visual helpers shared by the meetings screens (light and dark palettes)."""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QLabel, QWidget

from pm_desktop.core.enums import ActionStatus, MeetingStatus

WARNING = QColor("#b45309")  # amber: readable on light and dark backgrounds
ERROR = QColor("#c62828")
SUCCESS = QColor("#2e7d32")
ACCENT = QColor("#1565c0")
MUTED = QColor("#808080")
INCOMPLETE_BACKGROUND = QColor(245, 158, 11, 40)  # a light amber wash over the cell

MEETING_STATUS_COLORS = {
    MeetingStatus.PLANNED: ACCENT,
    MeetingStatus.IN_PROGRESS: SUCCESS,
    MeetingStatus.CLOSED: MUTED,
}
ACTION_STATUS_COLORS = {
    ActionStatus.OPEN: None,
    ActionStatus.IN_PROGRESS: ACCENT,
    ActionStatus.DONE: SUCCESS,
    ActionStatus.CANCELLED: MUTED,
}


def scaled_font(widget: QWidget, factor: float, *, bold: bool = False) -> QFont:
    """The widget's font, ``factor`` times as large."""
    font = QFont(widget.font())
    font.setPointSizeF(font.pointSizeF() * factor)
    font.setBold(bold)
    return font


def section_title(text: str) -> QLabel:
    """A bold caption over a panel of the editor."""
    label = QLabel(text)
    label.setFont(scaled_font(label, 1.05, bold=True))
    return label


def chip_style(color: QColor) -> str:
    """A rounded, tinted badge in ``color`` (for a status)."""
    tint = QColor(color)
    tint.setAlpha(36)
    return (
        f"color: {color.name()}; background: rgba({tint.red()}, {tint.green()}, {tint.blue()},"
        f" {tint.alpha()}); border: 1px solid {color.name()}; border-radius: 9px;"
        " padding: 1px 9px; font-weight: 600;"
    )
