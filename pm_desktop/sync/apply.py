"""Apply pulled changes to the replica, field by field, by the merge rule.

Remote changes are written with Core statements on the session's connection, so change
capture never sees them (they must not be logged and pushed again). Table and column names
from the network are looked up in the local metadata: only synced tables and their logged
columns are written.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, Table, func, insert, select, tuple_, update
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.exc import DBAPIError

from pm_desktop.core.hlc import ClockDriftError, HlcStamp
from pm_desktop.storage.base import Base, Synced
from pm_desktop.storage.changes import decode_value
from pm_desktop.storage.database import Store, storage_error
from pm_desktop.storage.models.local import ChangeLogEntry, LocalMeta
from pm_desktop.storage.stamps import FIELD_STAMPS, row_field_stamps
from pm_desktop.sync.foreign import record_foreign

CHANGE_LOG = ChangeLogEntry.metadata.tables[ChangeLogEntry.__tablename__]
LOCAL_META = LocalMeta.metadata.tables[LocalMeta.__tablename__]
#: Tables whose changes move a project's schedule (the plan's derived dates).
PLAN_TABLES = frozenset({"projects", "plan_tasks", "task_dependencies"})
CALENDAR_TABLES = frozenset({"working_calendars", "calendar_exceptions"})

FieldKey = tuple[str, str, str]
Stamp = tuple[str, str]


def _synced_tables() -> dict[str, tuple[Table, frozenset[str]]]:
    """Synced table name -> (table, the columns a change may set)."""
    found: dict[str, tuple[Table, frozenset[str]]] = {}
    for mapper in Base.registry.mappers:
        cls = mapper.class_
        if issubclass(cls, Synced):
            table = cls.table()
            derived: frozenset[str] = getattr(cls, "__derived__", frozenset())
            found[table.name] = (table, frozenset(table.c.keys()) - {"hlc"} - derived)
    return found


@dataclass
class PageResult:
    """What applying one pull page did."""

    applied: int = 0
    """Fields written (remote changes that won)."""
    lost: int = 0
    """Remote changes older than the field's value here (a concurrent edit won)."""
    resume_after: int | None = None
    """Set when a new row's fields run past the page: pull again from here. Equal to the
    page's ``after`` when the row starts the page: pull again with a bigger page."""
    projects_to_reschedule: set[str] = field(default_factory=set)
    rows_written: set[tuple[str, str]] = field(default_factory=set)
    """(table, row id) of the rows the page changed here."""
    calendars_changed: bool = False
    errors: list[str] = field(default_factory=list)
    foreign: dict[FieldKey, str] = field(default_factory=dict)
    """Stamps of the fields skipped for good (see :mod:`pm_desktop.sync.foreign`)."""


def upsert_stamps(connection: Connection, stamps: Iterable[tuple[FieldKey, Stamp]]) -> None:
    """Record field stamps, keeping the greater where one exists."""
    rows = [
        {"table_name": t, "row_id": r, "column_name": c, "hlc": hlc, "device_id": device}
        for (t, r, c), (hlc, device) in stamps
    ]
    if not rows:
        return
    statement = sqlite_insert(FIELD_STAMPS)
    statement = statement.on_conflict_do_update(
        index_elements=["table_name", "row_id", "column_name"],
        set_={"hlc": statement.excluded.hlc, "device_id": statement.excluded.device_id},
        where=tuple_(FIELD_STAMPS.c.hlc, FIELD_STAMPS.c.device_id)
        < tuple_(statement.excluded.hlc, statement.excluded.device_id),
    )
    for start in range(0, len(rows), 500):
        connection.execute(statement, rows[start : start + 500])


@dataclass
class _Parsed:
    seq: int
    key: FieldKey
    stamp: Stamp
    value: Any
    project_id: str | None


def apply_page(
    store: Store,
    changes: Sequence[Mapping[str, Any]],
    *,
    more: bool,
    after: int = 0,
    next_seq: int = 0,
    cursor_key: str | None = None,
    foreign_project: str | None = None,
) -> PageResult:
    """Apply one page of ``/v1/pull`` changes (pulled ``after`` a seq) in one transaction.

    With ``cursor_key``, the project's cursor is saved in the same transaction: ``next_seq``,
    or :attr:`PageResult.resume_after` when a new row must be read again whole. With
    ``foreign_project``, the stamps of the changes skipped for good are kept for the summary.
    """
    result = PageResult()
    tables = _synced_tables()
    parsed = [p for p in (_parse(c, tables, result) for c in changes) if p is not None]
    with unchecked_references(store) as connection:
        if cursor_key is not None:
            _save_cursor(connection, cursor_key, next_seq)
        if foreign_project is not None and not parsed:
            record_foreign(connection, foreign_project, result.foreign)
        if not parsed:
            return result
        current = _local_stamps(connection, {p.key for p in parsed})
        winners: dict[tuple[str, str], dict[str, Any]] = {}
        first_seq: dict[tuple[str, str], int] = {}
        won: dict[FieldKey, Stamp] = {}
        top: dict[tuple[str, str], str] = {}
        for p in parsed:
            local = current.get(p.key)
            if local is not None and p.stamp <= local:
                if p.stamp != local:
                    result.lost += 1
                continue
            current[p.key] = won[p.key] = p.stamp
            row = (p.key[0], p.key[1])
            winners.setdefault(row, {})[p.key[2]] = p.value
            first_seq.setdefault(row, p.seq)
            top[row] = max(top.get(row, ""), p.stamp[0])
            if p.key[0] in PLAN_TABLES and p.project_id:
                result.projects_to_reschedule.add(p.project_id)
            if p.key[0] in CALENDAR_TABLES:
                result.calendars_changed = True
        skipped, incomplete = _write_rows(
            connection, tables=tables, winners=winners, top=top, first_seq=first_seq,
            more=more, after=after, result=result,
        )  # fmt: skip
        if cursor_key is not None and result.resume_after is not None:
            _save_cursor(connection, cursor_key, result.resume_after)
        kept = {k: s for k, s in won.items() if (k[0], k[1]) not in skipped}
        result.foreign.update({k: s[0] for k, s in won.items() if (k[0], k[1]) in incomplete})
        result.applied = len(kept)
        result.rows_written = {(t, r) for t, r, _c in kept}
        upsert_stamps(connection, kept.items())
        if foreign_project is not None:
            record_foreign(connection, foreign_project, result.foreign)
    newest = max(p.stamp[0] for p in parsed)
    try:
        store.clock.observe(HlcStamp.decode(newest))
    except ClockDriftError as exc:
        result.errors.append(str(exc))
    return result


@contextmanager
def unchecked_references(store: Store) -> Iterator[Connection]:
    """A write transaction that does not enforce foreign keys. A pulled row may refer to a
    row the hub has not sent (yet, or ever: another device's mistake, or malice), and that
    must not make every later sync fail: it is written, and the pull reports it
    (:func:`pm_desktop.sync.snapshot.dangling_references`), as a full download does."""
    try:
        with store.engine.connect() as connection:
            raw = connection.connection.dbapi_connection
            assert raw is not None
            raw.execute("PRAGMA foreign_keys = OFF")  # outside a transaction, or it does nothing
            try:
                with connection.begin():
                    yield connection
            finally:
                raw.execute("PRAGMA foreign_keys = ON")
    except DBAPIError as exc:
        raise storage_error(exc) from exc


def _save_cursor(connection: Connection, key: str, seq: int) -> None:
    connection.execute(LOCAL_META.delete().where(LOCAL_META.c.key == key))
    connection.execute(LOCAL_META.insert().values(key=key, value=str(seq)))


def _parse(
    change: Mapping[str, Any], tables: dict[str, tuple[Table, frozenset[str]]], result: PageResult
) -> _Parsed | None:
    table_name, column_name = change.get("table"), change.get("column")
    row_id, hlc, device = change.get("row_id"), change.get("hlc"), change.get("device_id")
    value, seq, project_id = change.get("value"), change.get("seq"), change.get("project_id")
    foreign_key: FieldKey | None = None  # its stamp is kept if it is skipped below
    if isinstance(table_name, str) and isinstance(row_id, str) and isinstance(column_name, str):
        foreign_key = (table_name, row_id, column_name)
    if not isinstance(table_name, str) or table_name not in tables:
        result.errors.append(f"a change of an unknown table {str(table_name)[:64]!r} was skipped")
        _skip(result, foreign_key, hlc)
        return None
    table, columns = tables[table_name]
    if not isinstance(column_name, str) or column_name not in columns:
        result.errors.append(f"a change of an unknown column {table_name}.{column_name!s:.64}")
        _skip(result, foreign_key, hlc)
        return None
    if not (
        isinstance(row_id, str)
        and isinstance(hlc, str)
        and isinstance(device, str)
        and isinstance(value, str)
        and isinstance(seq, int)
        and (project_id is None or isinstance(project_id, str))
    ):
        result.errors.append(f"a malformed change of {table_name}.{column_name} was skipped")
        return None
    try:
        HlcStamp.decode(hlc)
        decoded = decode_value(table.c[column_name], value)
    except (ValueError, TypeError, LookupError) as exc:
        result.errors.append(f"a change of {table_name}.{column_name} has a bad value ({exc})")
        _skip(result, foreign_key, hlc)
        return None
    return _Parsed(seq, (table_name, row_id, column_name), (hlc, device), decoded, project_id)


def _skip(result: PageResult, key: FieldKey | None, hlc: object) -> None:
    if key is not None and isinstance(hlc, str) and result.foreign.get(key, "") < hlc:
        result.foreign[key] = hlc


def _local_stamps(connection: Connection, keys: set[FieldKey]) -> dict[FieldKey, Stamp]:
    """The stamp of each field's value here: its field stamp, or a newer unsent local edit."""
    stamps: dict[FieldKey, Stamp] = {}
    by_table: dict[str, set[str]] = {}
    for t, r, _c in keys:
        by_table.setdefault(t, set()).add(r)
    for table_name, row_ids in by_table.items():
        for (r, c), stamp in row_field_stamps(connection, table_name, row_ids).items():
            stamps[(table_name, r, c)] = stamp
    for key, stamp in pending_stamps(connection).items():
        if key in keys and (key not in stamps or stamps[key] < stamp):
            stamps[key] = stamp
    return stamps


def pending_stamps(connection: Connection) -> dict[FieldKey, Stamp]:
    """The newest unsent local change of each field."""
    log = CHANGE_LOG.c
    query = (
        select(log.table_name, log.row_id, log.column_name, func.max(log.hlc))
        .where(log.pushed.is_(False))
        .group_by(log.table_name, log.row_id, log.column_name)
    )
    return {(t, r, c): (h, HlcStamp.decode(h).device) for t, r, c, h in connection.execute(query)}


def _write_rows(
    connection: Connection,
    *,
    tables: dict[str, tuple[Table, frozenset[str]]],
    winners: dict[tuple[str, str], dict[str, Any]],
    top: dict[tuple[str, str], str],
    first_seq: dict[tuple[str, str], int],
    more: bool,
    after: int,
    result: PageResult,
) -> tuple[set[tuple[str, str]], set[tuple[str, str]]]:
    """Update existing rows, insert new ones (many per statement); the rows left out (their
    stamps stay unset), and among them those left out for good (a required field missing)."""
    skipped: set[tuple[str, str]] = set()
    incomplete: set[tuple[str, str]] = set()
    by_table: dict[str, list[str]] = {}
    for t, r in winners:
        by_table.setdefault(t, []).append(r)
    for table_name, row_ids in by_table.items():
        table = tables[table_name][0]
        existing: set[str] = set()
        for start in range(0, len(row_ids), 500):
            chunk = row_ids[start : start + 500]
            existing.update(connection.scalars(select(table.c.id).where(table.c.id.in_(chunk))))
        required = {
            c.name
            for c in table.columns
            if not c.nullable and c.default is None and c.server_default is None
        } - {"id", "hlc"}
        new_rows: dict[frozenset[str], list[dict[str, Any]]] = {}
        for row_id in row_ids:
            key = (table_name, row_id)
            if row_id in existing:
                values = {table.c[name]: v for name, v in winners[key].items() if name != "id"}
                stamp = func.max(table.c.hlc, top[key])
                connection.execute(
                    update(table).where(table.c.id == row_id).values({**values, table.c.hlc: stamp})
                )
                continue
            missing = required - set(winners[key])
            resume = first_seq[key] - 1
            if missing and more:
                if result.resume_after is None or resume < result.resume_after:
                    result.resume_after = resume
                skipped.add(key)
            elif missing:
                result.errors.append(
                    f"{table_name} {row_id} arrived without {', '.join(sorted(missing))}: skipped"
                )
                skipped.add(key)
                incomplete.add(key)
            else:
                row = {**winners[key], "id": row_id, "hlc": top[key]}
                new_rows.setdefault(frozenset(row), []).append(row)
        for rows in new_rows.values():
            connection.execute(insert(table), rows)
    return skipped, incomplete
