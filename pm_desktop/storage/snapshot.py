"""What the first screen shows, read with the sqlite3 module alone.

Importing SQLAlchemy and mapping the models costs more than showing the window,
so start-up reads these few facts directly and loads the ORM in the background.
``tests/unit/test_startup_snapshot.py`` checks that they agree with the services.
"""

from __future__ import annotations

import sqlite3
from contextlib import closing
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from pm_desktop.core.enums import ProjectType
from pm_desktop.core.projects import ProjectSummary
from pm_desktop.storage.files import classify_sqlite_error, connect_read_only


@dataclass(frozen=True)
class StartupSnapshot:
    projects: list[ProjectSummary]
    """Live projects, archived ones included, ordered by name."""
    pending_changes: int


def read_snapshot(path: Path) -> StartupSnapshot:
    """Read a database that is already at the current schema; raises DatabaseOpenError."""
    try:
        with closing(connect_read_only(path)) as conn:
            rows = conn.execute(
                "SELECT id, name, client, project_type, contract_signed_on, archived "
                "FROM projects WHERE deleted = 0 ORDER BY name"
            ).fetchall()
            pending = conn.execute(
                "SELECT count(DISTINCT row_id) FROM change_log WHERE pushed = 0"
            ).fetchone()
    except sqlite3.DatabaseError as exc:
        raise classify_sqlite_error(path, exc) from exc
    projects = [
        ProjectSummary(
            id=row[0],
            name=row[1],
            client=row[2],
            project_type=ProjectType(row[3]),
            contract_signed_on=date.fromisoformat(row[4]) if row[4] else None,
            archived=bool(row[5]),
        )
        for row in rows
    ]
    return StartupSnapshot(projects, int(pending[0]))
