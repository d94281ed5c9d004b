"""The stamp of the value each synced field holds here.

A field's own :class:`~pm_desktop.storage.models.sync.FieldStamp` when it has one, else its
row's :class:`~pm_desktop.storage.models.sync.RowStamp` when the row's shape lists the column
(a row that arrived whole in a download is stamped once). Every reader of stamps goes through
here, so the two kinds always mean the same.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from sqlalchemy import Connection, select

from pm_desktop.storage.models.sync import FieldStamp, RowStamp, StampShape

FIELD_STAMPS = FieldStamp.metadata.tables[FieldStamp.__tablename__]
ROW_STAMPS = RowStamp.metadata.tables[RowStamp.__tablename__]
STAMP_SHAPES = StampShape.metadata.tables[StampShape.__tablename__]

#: (hlc, device id)
Stamp = tuple[str, str]
_CHUNK = 500


def row_field_stamps(
    connection: Connection,
    table_name: str,
    row_ids: Iterable[str],
    *,
    column: str | None = None,
) -> dict[tuple[str, str], Stamp]:
    """(row id, column) -> stamp of the fields of these rows of ``table_name`` that have one
    (only ``column``'s, if given)."""
    ids = sorted(set(row_ids))
    shapes = _Shapes(connection)
    f, r = FIELD_STAMPS.c, ROW_STAMPS.c
    found: dict[tuple[str, str], Stamp] = {}
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start : start + _CHUNK]
        own = select(f.row_id, f.column_name, f.hlc, f.device_id).where(
            f.table_name == table_name, f.row_id.in_(chunk)
        )
        if column is not None:
            own = own.where(f.column_name == column)
        for row_id, name, hlc, device in connection.execute(own):
            found[(row_id, name)] = (hlc, device)
        whole = select(r.row_id, r.shape_id, r.hlc, r.device_id).where(
            r.table_name == table_name, r.row_id.in_(chunk)
        )
        for row_id, shape, hlc, device in connection.execute(whole):
            for name in shapes.columns(shape):
                if column is None or name == column:
                    found.setdefault((row_id, name), (hlc, device))
    return found


def project_field_stamps(
    connection: Connection, table: Any, in_project: Any
) -> dict[tuple[str, str], str]:
    """(row id, column) -> hlc of every stamped field of the rows of ``table`` (a Table)
    that ``in_project`` (a condition on it) selects."""
    shapes = _Shapes(connection)
    f, r = FIELD_STAMPS.c, ROW_STAMPS.c
    found: dict[tuple[str, str], str] = {}
    own = (
        select(f.row_id, f.column_name, f.hlc)
        .select_from(FIELD_STAMPS.join(table, table.c.id == f.row_id))
        .where(f.table_name == table.name, in_project)
    )
    for row_id, name, hlc in connection.execute(own):
        found[(row_id, name)] = hlc
    whole = (
        select(r.row_id, r.shape_id, r.hlc)
        .select_from(ROW_STAMPS.join(table, table.c.id == r.row_id))
        .where(r.table_name == table.name, in_project)
    )
    for row_id, shape, hlc in connection.execute(whole):
        for name in shapes.columns(shape):
            found.setdefault((row_id, name), hlc)
    return found


class _Shapes:
    """The columns of each stamp shape, read once per call."""

    def __init__(self, connection: Connection) -> None:
        self._connection = connection
        self._columns: dict[int, tuple[str, ...]] | None = None

    def columns(self, shape_id: int) -> tuple[str, ...]:
        if self._columns is None:
            s = STAMP_SHAPES.c
            self._columns = {
                int(i): tuple(json.loads(c))
                for i, c in self._connection.execute(select(s.id, s.columns))
            }
        return self._columns.get(shape_id, ())
