"""Change capture: stamp synced rows with the clock and log each changed field.

Installed on a ``sessionmaker``; every flush of a session it makes then writes
``change_log`` entries in the same transaction as the change, so a rolled-back
edit leaves no entry. Synced rows are never deleted: set ``deleted`` (see
:func:`tombstone`); a hard delete or an ORM bulk UPDATE/DELETE of a synced table
raises, because it would escape the log.
"""

from __future__ import annotations

import enum
import json
from collections.abc import Callable
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import Column, Enum, event, insert, inspect
from sqlalchemy.orm import ORMExecuteState, Session, UOWTransaction, sessionmaker
from sqlalchemy.sql.schema import CallableColumnDefault, ScalarElementColumnDefault

from pm_desktop.core.hlc import HybridLogicalClock
from pm_desktop.storage.base import Synced, UtcDateTime, new_id
from pm_desktop.storage.models.local import ChangeLogEntry

CHANGE_LOG = ChangeLogEntry.metadata.tables[ChangeLogEntry.__tablename__]

CLOCK_KEY = "pm_desktop.clock"
_PENDING_KEY = "pm_desktop.pending_changes"
_NOT_LOGGED = frozenset({"hlc"})


class HardDeleteError(RuntimeError):
    """A synced row was deleted instead of tombstoned."""


def tombstone(row: Synced) -> None:
    """Mark a synced row deleted; it stays in the database so the deletion can sync."""
    row.deleted = True


def encode_value(value: Any) -> str:
    """JSON text of a column value, as sync will send it."""
    if isinstance(value, enum.Enum):
        value = value.value
    elif isinstance(value, datetime):
        value = value.astimezone(UTC).isoformat() if value.tzinfo else value.isoformat()
    elif isinstance(value, date):
        value = value.isoformat()
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


_FROM_JSON: dict[type, Callable[[Any], Any]] = {
    datetime: datetime.fromisoformat,
    date: date.fromisoformat,
    bool: bool,
}


def decode_value(column: Column[Any], text: str) -> Any:
    """The Python value of ``value_json`` for ``column``: the inverse of :func:`encode_value`."""
    value = json.loads(text)
    convert = json_decoder(column)
    return value if value is None or convert is None else convert(value)


def json_decoder(column: Column[Any]) -> Callable[[Any], Any] | None:
    """What makes the Python value of ``column`` from its (non-null) JSON value; None: the
    JSON value is the Python value."""
    kind = column.type
    if isinstance(kind, UtcDateTime):
        return datetime.fromisoformat
    if isinstance(kind, Enum) and kind.enum_class is not None:
        return kind.enum_class
    try:
        return _FROM_JSON.get(kind.python_type)
    except NotImplementedError:
        return None


def install_change_capture(factory: sessionmaker[Session], clock: HybridLogicalClock) -> None:
    factory.kw.setdefault("info", {})[CLOCK_KEY] = clock
    event.listen(factory, "before_flush", _before_flush)
    event.listen(factory, "after_flush", _after_flush)
    event.listen(factory, "after_rollback", _forget_pending)
    event.listen(factory, "do_orm_execute", _refuse_bulk_writes)


def _clock(session: Session) -> HybridLogicalClock:
    clock = session.info.get(CLOCK_KEY)
    if not isinstance(clock, HybridLogicalClock):
        raise RuntimeError("session was not made by a change-capturing sessionmaker")
    return clock


def _before_flush(session: Session, _ctx: UOWTransaction, _instances: object) -> None:
    for row in session.deleted:
        if isinstance(row, Synced):
            raise HardDeleteError(
                f"{type(row).__name__} rows are tombstoned, not deleted: use tombstone()"
            )
    clock = _clock(session)
    pending: list[tuple[Synced, bool]] = []
    for row in session.new:
        if isinstance(row, Synced):
            if row.id is None:
                row.id = new_id()
            if row.project_id is None and row.__tablename__ == "projects":
                row.project_id = row.id
            row.hlc = clock.now().encode()
            pending.append((row, True))
    for row in session.dirty:
        if isinstance(row, Synced) and session.is_modified(row, include_collections=False):
            row.hlc = clock.now().encode()
            pending.append((row, False))
    session.info.setdefault(_PENDING_KEY, []).extend(pending)


def _after_flush(session: Session, _ctx: UOWTransaction) -> None:
    pending: list[tuple[Synced, bool]] = session.info.pop(_PENDING_KEY, [])
    entries: list[dict[str, Any]] = []
    for row, is_new in pending:
        state = inspect(row)
        table = row.__tablename__
        derived: frozenset[str] = getattr(type(row), "__derived__", frozenset())
        for attr in state.mapper.column_attrs:
            key = attr.key
            if key in _NOT_LOGGED or key in derived:
                continue
            if not is_new and not state.attrs[key].history.has_changes():
                continue
            entries.append(
                {
                    "hlc": row.hlc,
                    "table_name": table,
                    "row_id": row.id,
                    "project_id": row.project_id,
                    "column_name": attr.columns[0].name,
                    "value_json": encode_value(getattr(row, key)),
                    "pushed": False,
                }
            )
    if entries:
        session.connection().execute(insert(CHANGE_LOG), entries)


def bulk_insert(session: Session, model: type[Synced], rows: list[dict[str, Any]]) -> None:
    """Insert many new synced rows fast, with their change-log entries, in the same transaction.

    Each row is a dict of column values; ``id``, ``hlc`` and ``deleted`` are filled in.
    Python-side column defaults are applied as the ORM would apply them.
    """
    if not rows:
        return
    clock = _clock(session)
    table = model.table()
    derived: frozenset[str] = getattr(model, "__derived__", frozenset())
    defaults: dict[str, Any] = {}
    callables: dict[str, Any] = {}
    for column in table.columns:
        default = column.default
        if isinstance(default, ScalarElementColumnDefault):
            defaults[column.name] = default.arg
        elif isinstance(default, CallableColumnDefault) and column.name != "id":
            callables[column.name] = default.arg
    full_rows: list[dict[str, Any]] = []
    entries: list[dict[str, Any]] = []
    for given in rows:
        row = {**defaults, **{k: fn(None) for k, fn in callables.items()}, **given}
        row.setdefault("id", new_id())
        if table.name == "projects":
            row["project_id"] = row["id"]
        row["deleted"] = False
        row["hlc"] = stamp = clock.now().encode()
        for column in table.columns:
            row.setdefault(column.name, None)
        for column in table.columns:
            if column.name in _NOT_LOGGED or column.name in derived:
                continue
            entries.append(
                {
                    "hlc": stamp,
                    "table_name": table.name,
                    "row_id": row["id"],
                    "project_id": row["project_id"],
                    "column_name": column.name,
                    "value_json": encode_value(row[column.name]),
                    "pushed": False,
                }
            )
        full_rows.append(row)
    connection = session.connection()
    connection.execute(insert(table), full_rows)
    connection.execute(insert(CHANGE_LOG), entries)


def _forget_pending(session: Session) -> None:
    session.info.pop(_PENDING_KEY, None)


def _refuse_bulk_writes(state: ORMExecuteState) -> None:
    if not (state.is_update or state.is_delete or state.is_insert):
        return
    mapper = state.bind_mapper
    if mapper is not None and issubclass(mapper.class_, Synced):
        raise HardDeleteError(
            f"an ORM bulk statement on {mapper.class_.__name__} would bypass the change log; "
            "use the ORM unit of work or changes.bulk_insert()"
        )
