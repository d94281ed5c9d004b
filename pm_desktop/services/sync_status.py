"""What the status bar tells about sync: how many records have changes not yet sent."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import distinct, func, select

from pm_desktop.storage.database import Store
from pm_desktop.storage.models import ChangeLogEntry


class SyncStatusService:
    def __init__(self, store: Store) -> None:
        self._store = store

    def pending_changes(self) -> int:
        """Records (rows) with changes the team server has not received yet.

        The change log has one entry per changed field; a user thinks in records, so a new
        project counts once, not once per field.
        """
        query = select(func.count(distinct(ChangeLogEntry.row_id))).where(  # ids are UUIDs
            ChangeLogEntry.pushed.is_(False)
        )
        with self._store.read() as session:
            return session.scalar(query) or 0

    def last_change(self) -> int:
        """The newest change-log position: edits made on this computer after it are newer."""
        with self._store.read() as session:
            return session.scalar(select(func.max(ChangeLogEntry.seq))) or 0

    def edited_since(self, position: int, rows: Iterable[tuple[str, str]]) -> bool:
        """Whether this computer changed any of ``rows`` (table, row id) after ``position``."""
        wanted = set(rows)
        if not wanted:
            return False
        log = ChangeLogEntry
        query = select(log.table_name, log.row_id).where(log.seq > position).distinct()
        with self._store.read() as session:
            return any((t, r) in wanted for t, r in session.execute(query))
