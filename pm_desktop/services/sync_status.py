"""What the status bar tells about sync: how many local changes are not yet sent."""

from __future__ import annotations

from sqlalchemy import func, select

from pm_desktop.storage.database import Store
from pm_desktop.storage.models import ChangeLogEntry


class SyncStatusService:
    def __init__(self, store: Store) -> None:
        self._reads = store.reads

    def pending_changes(self) -> int:
        """Change-log entries not yet pushed to the team server."""
        query = (
            select(func.count()).select_from(ChangeLogEntry).where(ChangeLogEntry.pushed.is_(False))
        )
        with self._reads() as session:
            return session.scalar(query) or 0
