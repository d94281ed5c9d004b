"""How many live rows here a pull would delete: read before any of it is applied."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, func, select

from pm_desktop.storage.database import Store
from pm_desktop.storage.models.projects import Project
from pm_desktop.storage.stamps import row_field_stamps
from pm_desktop.sync.apply import CHANGE_LOG, _synced_tables
from pm_desktop.sync.client import TEAM

_CHUNK = 500


@dataclass
class DeletionTally:
    """The last pulled ``deleted`` change of each row: (hlc, device, deleted)."""

    rows: dict[tuple[str, str], tuple[str, str, bool]] = field(default_factory=dict)

    def add(self, changes: Iterable[Mapping[str, Any]]) -> None:
        for change in changes:
            if change.get("column") != "deleted":
                continue
            t, r, h, d = (change.get(k) for k in ("table", "row_id", "hlc", "device_id"))
            value = change.get("value")
            if not all(isinstance(x, str) for x in (t, r, h, d, value)):
                continue  # apply_page reports it
            try:
                deleted = json.loads(str(value)) is True
            except ValueError:
                continue
            key = (str(t), str(r))
            stamp = (str(h), str(d), deleted)
            if key not in self.rows or self.rows[key][:2] < stamp[:2]:
                self.rows[key] = stamp


@dataclass(frozen=True)
class DeletionCount:
    deleting: int
    """Rows live here that the pull would delete."""
    rows: int
    """Rows of the project live here."""
    project_name: str
    by_table: tuple[tuple[str, int], ...] = ()
    """``deleting`` per table, most first."""


def count_deletions(store: Store, project: str, tally: DeletionTally) -> DeletionCount:
    """What applying a pull with these ``deleted`` changes would delete of ``project`` here:
    rows live here whose pulled ``deleted=true`` is newer than their own stamp of the field
    (an unsent local change counts)."""
    tables = _synced_tables()
    wanted: dict[str, list[str]] = {}
    for (t, r), (_h, _d, deleted) in tally.rows.items():
        if deleted and t in tables:
            wanted.setdefault(t, []).append(r)
    deleting: dict[str, int] = {}
    live = 0
    with store.read() as session:
        connection = session.connection()
        for table, _columns in tables.values():
            scope = (
                table.c.project_id.is_(None) if project == TEAM else table.c.project_id == project
            )
            live += int(
                connection.scalar(
                    select(func.count()).select_from(table).where(scope, table.c.deleted.is_(False))
                )
                or 0
            )
        for table_name, row_ids in wanted.items():
            table = tables[table_name][0]
            for start in range(0, len(row_ids), _CHUNK):
                chunk = row_ids[start : start + _CHUNK]
                alive = set(
                    connection.scalars(
                        select(table.c.id).where(table.c.id.in_(chunk), table.c.deleted.is_(False))
                    )
                )
                stamps = _deleted_stamps(connection, table_name, sorted(alive))
                for row_id in alive:
                    h, d, _deleted = tally.rows[(table_name, row_id)]
                    if (h, d) > stamps.get(row_id, ("", "")):
                        deleting[table_name] = deleting.get(table_name, 0) + 1
        name = ""
        if project != TEAM:
            name = connection.scalar(select(Project.name).where(Project.id == project)) or ""
    by_table = tuple(sorted(deleting.items(), key=lambda item: (-item[1], item[0])))
    return DeletionCount(sum(deleting.values()), live, str(name), by_table)


def _deleted_stamps(
    connection: Connection, table_name: str, row_ids: list[str]
) -> dict[str, tuple[str, str]]:
    """The stamp here of each row's ``deleted`` field: its field stamp or an unsent change."""
    if not row_ids:
        return {}
    found: dict[str, tuple[str, str]] = {
        r: stamp
        for (r, _c), stamp in row_field_stamps(
            connection, table_name, row_ids, column="deleted"
        ).items()
    }
    log = CHANGE_LOG.c
    pending = (
        select(log.row_id, func.max(log.hlc))
        .where(
            log.pushed.is_(False),
            log.table_name == table_name,
            log.column_name == "deleted",
            log.row_id.in_(row_ids),
        )
        .group_by(log.row_id)
    )
    for r, h in connection.execute(pending):
        device = str(h).rsplit("-", 1)[-1]
        found[r] = max(found.get(r, ("", "")), (str(h), device))
    return found
