"""Dates, instants and durations as the meetings screens show them (always in local time)."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QCoreApplication, QLocale

SECONDS_PER_HOUR = 3600


def local_time(instant: datetime) -> datetime:
    """A UTC-aware instant in this computer's time zone."""
    return instant.astimezone()


def datetime_text(instant: datetime, today: date | None = None) -> str:
    """``2026-11-23 14:00`` in local time; ``11-23 14:00`` in the year of ``today``, if given."""
    local = local_time(instant)
    if today is not None and local.year == today.year:
        return local.strftime("%m-%d %H:%M")
    return local.strftime("%Y-%m-%d %H:%M")


def date_text(instant: datetime, today: date) -> str:
    """The local day of ``instant``: ``11-23`` in the year of ``today``, else ``2025-11-23``."""
    local = local_time(instant)
    return local.strftime("%m-%d") if local.year == today.year else local.strftime("%Y-%m-%d")


def weekday_name(day: date) -> str:
    """The short weekday name in the UI language (``周五``, ``Fri``)."""
    return QLocale().dayName(day.isoweekday(), QLocale.FormatType.ShortFormat)


def due_text(day: date, today: date) -> str:
    """A due date for a table cell: ``11-27 Fri`` this year, ``2027-01-05 Tue`` otherwise."""
    shown = day.strftime("%m-%d") if day.year == today.year else day.isoformat()
    return QCoreApplication.translate("MeetingFormatting", "{date} {weekday}").format(
        date=shown, weekday=weekday_name(day)
    )


def elapsed_text(seconds: float) -> str:
    """``mm:ss`` below an hour, ``h:mm:ss`` from an hour on; never negative."""
    total = max(0, int(seconds))
    hours, rest = divmod(total, SECONDS_PER_HOUR)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{hours}:{minutes:02d}:{secs:02d}"
    return f"{minutes:02d}:{secs:02d}"
