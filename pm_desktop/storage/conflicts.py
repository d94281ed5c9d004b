"""Conflict records written on this computer.

The hub records a conflict when a push overwrites a value its sender never saw. One case it
cannot see: a long edit here (notes typed for a while) that a sync interrupts with a
teammate's value. The editor keeps the typed text and saves it over the teammate's value, and
the push then names the teammate's change as its base, which is the truth at save time. So the
save itself keeps the value it replaces, as the hub would have.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import inspect
from sqlalchemy.orm import Session

from pm_desktop.core.enums import ConflictKind
from pm_desktop.storage.base import Synced
from pm_desktop.storage.changes import encode_value
from pm_desktop.storage.models.sync import SyncConflict
from pm_desktop.storage.stamps import row_field_stamps


def keep_overwritten(
    session: Session,
    row: Synced,
    attribute: str,
    new_value: Any,
    *,
    started_from: Any,
    device_id: str,
) -> SyncConflict | None:
    """Before ``row.<attribute>`` is set to ``new_value`` by an edit that began when the field
    held ``started_from``: if it now holds a third value (a sync brought it meanwhile), keep
    that value in an open edit conflict, this device's edit being the kept side."""
    current = getattr(row, attribute)
    if current in (started_from, new_value):
        return None
    column = inspect(type(row)).attrs[attribute].columns[0].name
    table = type(row).__tablename__
    stamp = row_field_stamps(session.connection(), table, [row.id], column=column).get(
        (row.id, column)
    )
    conflict = SyncConflict(
        project_id=row.project_id,
        table_name=table,
        row_id=row.id,
        column_name=column,
        kind=ConflictKind.EDIT,
        kept_value=encode_value(new_value),
        kept_device=device_id,
        lost_value=encode_value(current),
        lost_hlc=stamp[0] if stamp is not None else "",
        lost_device=stamp[1] if stamp is not None else "",
        detected_at=datetime.now(UTC),
    )
    session.add(conflict)
    return conflict
