"""pm-desktop meetings / export-minutes / export-ics, as a user runs them."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from icalendar import Calendar
from pypdf import PdfReader

from pm_desktop.core.enums import Attendance, MeetingType
from pm_desktop.services.container import Services

ROOT = Path(__file__).resolve().parents[2]


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, "-m", "pm_desktop", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )


@pytest.fixture
def meeting_id(services: Services) -> str:
    project = services.projects.create("华东制造集团数字化转型")
    meeting = services.meetings.create(
        project.id,
        MeetingType.KICKOFF,
        "项目启动会",
        datetime(2026, 11, 23, 6, 0, tzinfo=UTC),
        location="客户总部3楼",
    )
    services.meetings.add_attendee(meeting.id, "王建国", attendance=Attendance.PRESENT)
    services.meetings.add_action(meeting.id, "提交调研计划", who="刘洋", due_on=date(2026, 11, 27))
    return meeting.id


def test_meetings_lists_ids_and_export_minutes_writes_a_chinese_pdf(
    services: Services, meeting_id: str, tmp_path: Path
) -> None:
    db = str(services.database_path)
    listing = cli("meetings", "--db", db)
    assert listing.returncode == 0, listing.stderr
    assert meeting_id in listing.stdout
    assert "项目启动会" in listing.stdout

    out = tmp_path / "纪要.pdf"
    result = cli(
        "--lang", "zh_CN", "export-minutes", "--db", db, "--meeting", meeting_id, "--out", str(out)
    )
    assert result.returncode == 0, result.stderr
    text = "".join(page.extract_text() for page in PdfReader(out).pages)
    for expected in (
        "会议纪要",
        "项目启动会",
        "华东制造集团数字化转型",
        "王建国",
        "提交调研计划",
        "刘洋",
    ):
        assert expected in text


def test_export_ics_writes_an_invitation(
    services: Services, meeting_id: str, tmp_path: Path
) -> None:
    out = tmp_path / "invite.ics"
    result = cli(
        "export-ics",
        "--db",
        str(services.database_path),
        "--meeting",
        meeting_id,
        "--out",
        str(out),
    )
    assert result.returncode == 0, result.stderr
    [event] = Calendar.from_ical(out.read_bytes()).walk("VEVENT")
    assert str(event["summary"]).startswith("项目启动会")


def test_unknown_meetings_and_unwritable_paths_fail_clearly(
    services: Services, meeting_id: str, tmp_path: Path
) -> None:
    db = str(services.database_path)
    unknown = cli(
        "export-minutes", "--db", db, "--meeting", "no-such-id", "--out", str(tmp_path / "x.pdf")
    )
    assert unknown.returncode == 1
    assert "no-such-id" in unknown.stderr
    blocked = tmp_path / "missing" / "x.pdf"
    unwritable = cli("export-minutes", "--db", db, "--meeting", meeting_id, "--out", str(blocked))
    assert unwritable.returncode == 1
    assert "Cannot write" in unwritable.stderr
    assert not blocked.parent.exists()
