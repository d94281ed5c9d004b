"""Exports run from the command line: the same services, labels and writers as the app,
with Qt's translations loaded into a window-less QCoreApplication."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTranslator

from pm_desktop.core.meetings import MeetingSummary
from pm_desktop.export.ics import meeting_invitation, write_invitation
from pm_desktop.export.minutes_pdf import write_minutes_pdf
from pm_desktop.services.container import Services
from pm_desktop.ui.i18n import install_translators, system_language
from pm_desktop.ui.minutes_labels import minutes_labels


def _translated(language: str | None) -> tuple[QCoreApplication, list[QTranslator]]:
    app = QCoreApplication.instance() or QCoreApplication(["pm-desktop"])
    return app, install_translators(app, language or system_language())


def export_minutes(
    database: Path, meeting_id: str, out: Path, *, language: str | None, logo: Path | None
) -> Path:
    """Write a meeting's minutes as PDF; raises PmError (unknown meeting, unwritable path...)."""
    _app, _translators = _translated(language)
    services = Services.open(database)
    try:
        minutes = services.meetings.minutes(meeting_id)
    finally:
        services.close()
    write_minutes_pdf(minutes, minutes_labels(), out, logo=logo)
    return out


def export_invitation(database: Path, meeting_id: str, out: Path, *, language: str | None) -> Path:
    """Write a meeting as an .ics invitation with its attendees."""
    _app, _translators = _translated(language)
    services = Services.open(database)
    try:
        minutes = services.meetings.minutes(meeting_id)
    finally:
        services.close()
    labels = minutes_labels()
    summary = f"{minutes.meeting.title} – {minutes.project_name}"
    description = labels.meeting_types[minutes.meeting.meeting_type]
    write_invitation(meeting_invitation(minutes, summary=summary, description=description), out)
    return out


def list_meetings(database: Path) -> list[tuple[str, MeetingSummary]]:
    """Every live meeting of every project, with its project's name, newest first."""
    services = Services.open(database)
    try:
        rows = [
            (project.name, meeting)
            for project in services.projects.list(include_archived=True)
            for meeting in services.meetings.of_project(project.id)
        ]
    finally:
        services.close()
    return sorted(rows, key=lambda row: row[1].starts_at, reverse=True)
