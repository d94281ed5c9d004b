"""Whole-project downloads through ``/v1/snapshot``, and the summary compared with the hub's.

**Download.** The project's pull cursor is taken first (:func:`stream_positions`: the last
sequence number of its stream, found with a few long polls), then every row comes in
pages of whole rows and is written in bulk, one transaction per page; the cursor is saved
only after the last page. A change committed while the pages are read is in the stream after
that cursor and is pulled again next, which is harmless (the merge rule). Per field:

- the hub's value is written when its stamp is newer than the one here (an unsent local edit
  counts with its own stamp, so a newer unsent edit stays and is sent later); a row missing
  here is inserted whole;
- a field whose stamp here is newer than the hub's, with no unsent edit, and a field or row
  the hub does not have at all but this replica holds with a stamp: its creation or change
  went through the hub once (a stamp is only recorded when the hub acknowledged a push or
  sent the change), so the hub lost it, e.g. restored from a backup. It is kept and queued
  to be sent again with its own stamp: nothing is deleted here, unsent or not.

**Summary.** ``rows``, ``fields`` and ``hash`` (docs/sync-protocol.md) over the field stamps
of the project's rows here, plus the fields this replica skipped (:mod:`.foreign`).
"""

from __future__ import annotations

import hashlib
import json
import threading
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from sqlalchemy import Connection, Enum, Table, func, insert, select, update
from sqlalchemy.exc import DBAPIError

from pm_desktop.core.hlc import ClockDriftError, HlcStamp
from pm_desktop.storage.base import UtcDateTime
from pm_desktop.storage.changes import encode_value
from pm_desktop.storage.database import Store, storage_error
from pm_desktop.sync.apply import (
    CALENDAR_TABLES,
    CHANGE_LOG,
    FIELD_STAMPS,
    LOCAL_META,
    PLAN_TABLES,
    FieldKey,
    Stamp,
    _synced_tables,
)
from pm_desktop.sync.client import TEAM, HubClient, HubSummary
from pm_desktop.sync.foreign import foreign_lines, record_foreign

#: Rows per snapshot page: the most the hub gives.
SNAPSHOT_ROWS = 5000
_CHUNK = 500  # ids per IN (...) list
_STAMP_UPSERT = (
    "INSERT INTO field_stamps (table_name, row_id, column_name, hlc, device_id)"
    " VALUES (?, ?, ?, ?, ?) ON CONFLICT (table_name, row_id, column_name)"
    " DO UPDATE SET hlc = excluded.hlc, device_id = excluded.device_id"
)

Tables = dict[str, tuple[Table, frozenset[str]]]
#: A hub field: (value_json, hlc, device id).
HubField = tuple[str, str, str]


@dataclass
class DownloadResult:
    written: int = 0
    """Fields written here (the hub's value won)."""
    resent: int = 0
    """Fields queued to be sent again: the hub had lost them."""
    projects_to_reschedule: set[str] = field(default_factory=set)
    calendars_changed: bool = False
    errors: list[str] = field(default_factory=list)
    complete: bool = False
    """All pages applied and the cursor saved (False when cancelled)."""


def stream_positions(client: HubClient, projects: Iterable[str]) -> dict[str, int]:
    """The sequence number of the last change in each project's stream (0: none).

    Sequence numbers are shared by all projects, so this searches, for all the projects at
    once, with long polls that return at once (``/v1/wait`` with timeout 0: which projects
    have a change after a number). A change committed meanwhile may be missed, which is
    safe: every change up to the number found is committed (a project's stream commits in
    sequence order), and a later one is pulled after it.
    """
    low = dict.fromkeys(projects, 0)  # the last change is after low...
    high: dict[str, int | None] = dict.fromkeys(low)  # ...and not after high (None: unknown)
    step = 1024
    while True:
        probes: dict[str, int] = {}
        for project, below in low.items():
            above = high[project]
            if above is None:
                probes[project] = below + step
            elif above - below > 0:
                probes[project] = (below + above) // 2
        if not probes:
            return {p: h or 0 for p, h in high.items()}
        changed = set(client.wait(probes, timeout=0))
        for project, probe in probes.items():
            if project in changed:
                low[project] = probe + 1
            else:
                high[project] = probe
        step *= 4


def download(
    store: Store,
    client: HubClient,
    project: str,
    *,
    cursor_key: str,
    cancel: threading.Event | None = None,
    position: int | None = None,
) -> DownloadResult:
    """Download the whole project (see the module's notes) and set its cursor to
    ``position`` (by default found first with :func:`stream_positions`)."""
    result = DownloadResult()
    position = stream_positions(client, [project])[project] if position is None else position
    tables = _synced_tables()
    try:
        with _unchecked_connection(store) as connection:
            with connection.begin():
                had_rows = _has_rows(connection, project, tables)
            hub_rows: dict[tuple[str, str], set[str]] | None = {} if had_rows else None
            skipped: dict[FieldKey, str] = {}
            newest = ""
            after: str | None = None
            while True:
                if cancel is not None and cancel.is_set():
                    return result
                page = client.snapshot(project, after, SNAPSHOT_ROWS)
                with connection.begin():
                    newest = max(
                        newest,
                        _apply_page(
                            connection,
                            page.fields,
                            tables,
                            result,
                            skipped=skipped,
                            hub_rows=hub_rows,
                        ),
                    )
                if not page.more:
                    break
                after = page.next
            with connection.begin():
                if hub_rows is not None:
                    _resend_missing(connection, project, hub_rows, tables, result)
                _report_dangling(connection, tables, result)
                record_foreign(connection, project, skipped, replace=True)
                connection.execute(LOCAL_META.delete().where(LOCAL_META.c.key == cursor_key))
                connection.execute(LOCAL_META.insert().values(key=cursor_key, value=str(position)))
    except DBAPIError as exc:
        raise storage_error(exc) from exc
    if newest:
        try:
            store.clock.observe(HlcStamp.decode(newest))
        except ClockDriftError as exc:
            result.errors.append(str(exc))
    result.complete = True
    return result


@contextmanager
def _unchecked_connection(store: Store) -> Iterator[Connection]:
    """A connection without foreign-key checks: pages come in table-name order, so a row
    often arrives before the row it refers to (checked once at the end instead)."""
    with store.engine.connect() as connection:
        raw = connection.connection.dbapi_connection
        assert raw is not None
        raw.execute("PRAGMA foreign_keys = OFF")  # outside a transaction, or it does nothing
        cache = raw.execute("PRAGMA cache_size").fetchone()
        raw.execute("PRAGMA cache_size = -131072")  # 128 MiB: bulk index inserts stay in memory
        try:
            yield connection
        finally:
            if connection.in_transaction():
                connection.rollback()
            raw.execute("PRAGMA foreign_keys = ON")
            raw.execute(f"PRAGMA cache_size = {int(cache[0]) if cache else -2000}")


def _report_dangling(connection: Connection, tables: Tables, result: DownloadResult) -> None:
    """Report rows that refer to a row missing here (the hub lacks it, or it was skipped)."""
    found: dict[tuple[str, str], int] = {}
    for name in tables:
        for row in connection.exec_driver_sql(f'PRAGMA foreign_key_check("{name}")'):
            key = (str(row[0]), str(row[2]))
            found[key] = found.get(key, 0) + 1
    for (child, parent), count in sorted(found.items()):
        result.errors.append(f"{count} {child} rows refer to {parent} rows missing here")


# --- one page ------------------------------------------------------------------------------


def _apply_page(
    connection: Connection,
    fields: Sequence[Any],
    tables: Tables,
    result: DownloadResult,
    *,
    skipped: dict[FieldKey, str],
    hub_rows: dict[tuple[str, str], set[str]] | None,
) -> str:
    """Write one snapshot page (the caller's transaction); returns its newest stamp."""
    rows: dict[tuple[str, str], dict[str, HubField]] = {}
    unknown: dict[str, int] = {}
    newest = ""
    for f in fields:
        t, r, c = f.get("table"), f.get("row_id"), f.get("column")
        v, h, d = f.get("value"), f.get("hlc"), f.get("device_id")
        if not (
            isinstance(t, str)
            and isinstance(r, str)
            and isinstance(c, str)
            and isinstance(v, str)
            and isinstance(h, str)
            and isinstance(d, str)
        ):
            result.errors.append(f"a malformed field of a snapshot was skipped: {str(f)[:120]}")
            continue
        if hub_rows is not None:
            hub_rows.setdefault((t, r), set()).add(c)
        if t not in tables or c not in tables[t][1]:
            skipped[(t, r, c)] = h
            what = f"an unknown table {t[:64]!r}" if t not in tables else f"{t}.{c[:64]}"
            unknown[what] = unknown.get(what, 0) + 1
            continue
        rows.setdefault((t, r), {})[c] = (v, h, d)
        newest = max(newest, h)
    for what, count in sorted(unknown.items()):
        result.errors.append(f"{count} fields of {what} were skipped (unknown to this version)")
    by_table: dict[str, list[str]] = {}
    for t, r in rows:
        by_table.setdefault(t, []).append(r)
    pending = _pending_stamps(connection)
    for table_name, row_ids in by_table.items():
        table = tables[table_name][0]
        page_rows = {r: rows[(table_name, r)] for r in row_ids}
        _write_table(connection, table, page_rows, pending, result, skipped=skipped)
    return newest


def _write_table(  # noqa: PLR0912, PLR0915 - one pass: decide, then write in bulk
    connection: Connection,
    table: Table,
    rows: Mapping[str, Mapping[str, HubField]],
    pending: Mapping[FieldKey, Stamp],
    result: DownloadResult,
    *,
    skipped: dict[FieldKey, str],
) -> None:
    name = str(table.name)  # a plain str: sqlite3 adapts a subclass slowly, per row
    ids = list(rows)
    existing: set[str] = set()
    local: dict[FieldKey, Stamp] = {}
    s = FIELD_STAMPS.c
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start : start + _CHUNK]
        existing.update(connection.scalars(select(table.c.id).where(table.c.id.in_(chunk))))
        stamps = select(s.row_id, s.column_name, s.hlc, s.device_id).where(
            s.table_name == name, s.row_id.in_(chunk)
        )
        for r, c, h, d in connection.execute(stamps):
            local[(name, r, c)] = (h, d)
    required = {
        c.name for c in table.columns if not c.nullable and c.default is None
        and c.server_default is None
    } - {"id", "hlc"}  # fmt: skip
    decode = _decoders(table)
    new_rows: dict[frozenset[str], list[dict[str, Any]]] = {}
    changed: list[tuple[str, dict[str, Any], str]] = []
    resend: dict[str, list[tuple[str, str]]] = {}
    stamps_out: list[tuple[str, str, str, str, str]] = []
    project_ids: set[str | None] = set()
    for row_id, hub in rows.items():
        if row_id in existing:
            take: dict[str, HubField] = {}
            for column, (value, hlc, device) in hub.items():
                key = (name, row_id, column)
                here = max(local.get(key, ("", "")), pending.get(key, ("", "")))
                if (hlc, device) > here:
                    take[column] = (value, hlc, device)
                elif (hlc, device) < here and key not in pending:
                    resend.setdefault(row_id, []).append((column, local[key][0]))
            if not take:
                continue
        else:
            take = dict(hub)
            missing = required - set(take)
            if missing:
                result.errors.append(
                    f"{name} {row_id} is on the hub without {', '.join(sorted(missing))}: skipped"
                )
                skipped.update({(name, row_id, c): h for c, (_v, h, _d) in take.items()})
                continue
        values = _decoded(decode, row_id, take, result)
        if values is None:
            skipped.update({(name, row_id, c): h for c, (_v, h, _d) in take.items()})
            continue
        top = max(h for _v, h, _d in take.values())
        project_ids.add(values.get("project_id"))
        if row_id in existing:
            changed.append((row_id, values, top))
        else:
            values["id"] = row_id
            values["hlc"] = top
            new_rows.setdefault(frozenset(values), []).append(values)
        stamps_out.extend((name, row_id, c, h, d) for c, (_v, h, d) in take.items())
    for batch in new_rows.values():
        connection.execute(insert(table), batch)
    for row_id, values, top in changed:
        stamp = func.max(table.c.hlc, top)
        connection.execute(
            update(table).where(table.c.id == row_id).values({**values, table.c.hlc: stamp})
        )
    if stamps_out:
        raw = connection.connection.driver_connection
        assert raw is not None
        raw.executemany(_STAMP_UPSERT, stamps_out)  # SQLAlchemy's own costs more than it
    result.written += len(stamps_out)
    if resend:
        _resend(connection, table, resend, result)
    if stamps_out and name in PLAN_TABLES:
        result.projects_to_reschedule.update(p for p in project_ids if p)
    if stamps_out and name in CALENDAR_TABLES:
        result.calendars_changed = True


Decoder = Callable[[Any], Any] | None


def _decoders(table: Table) -> dict[str, Decoder]:
    """Per column, what turns a decoded JSON value into the column's Python value (as
    :func:`pm_desktop.sync.apply.decode_value`; None: the JSON value as it is)."""
    found: dict[str, Decoder] = {}
    for column in table.columns:
        kind = column.type
        convert: Decoder = None
        if isinstance(kind, UtcDateTime):
            convert = datetime.fromisoformat
        elif isinstance(kind, Enum) and kind.enum_class is not None:
            convert = kind.enum_class
        else:
            try:
                python_type = kind.python_type
            except NotImplementedError:
                python_type = None
            if python_type is datetime:
                convert = datetime.fromisoformat
            elif python_type is date:
                convert = date.fromisoformat
            elif python_type is bool:
                convert = bool
        found[column.name] = convert
    return found


def _decoded(
    decode: Mapping[str, Decoder],
    row_id: str,
    fields: Mapping[str, HubField],
    result: DownloadResult,
) -> dict[str, Any] | None:
    """The row's values (one JSON parse for the whole row); None when one does not decode."""
    columns = list(fields)
    try:
        raw = json.loads("[" + ",".join(fields[c][0] for c in columns) + "]")
        if len(raw) != len(columns):
            raise ValueError("a value is not one JSON value")
        values: dict[str, Any] = {}
        for column, value in zip(columns, raw, strict=True):
            convert = decode[column]
            values[column] = value if convert is None or value is None else convert(value)
    except (ValueError, TypeError, LookupError) as exc:
        result.errors.append(f"row {row_id} has a value that does not decode ({exc}): skipped")
        return None
    return values


# --- what the hub lacks --------------------------------------------------------------------


def _resend(
    connection: Connection,
    table: Table,
    fields: Mapping[str, Sequence[tuple[str, str]]],
    result: DownloadResult,
) -> None:
    """Queue these fields (row id -> [(column, its stamp here)]) to be pushed again."""
    entries: list[dict[str, Any]] = []
    ids = list(fields)
    for start in range(0, len(ids), _CHUNK):
        query = select(table).where(table.c.id.in_(ids[start : start + _CHUNK]))
        for row in connection.execute(query).mappings():
            for column, hlc in fields[row["id"]]:
                entries.append(
                    {
                        "hlc": hlc,
                        "table_name": table.name,
                        "row_id": row["id"],
                        "project_id": row["project_id"],
                        "column_name": column,
                        "value_json": encode_value(row[column]),
                        "pushed": False,
                    }
                )
    if entries:
        connection.execute(insert(CHANGE_LOG), entries)
        result.resent += len(entries)


def _resend_missing(
    connection: Connection,
    project: str,
    hub_rows: Mapping[tuple[str, str], set[str]],
    tables: Tables,
    result: DownloadResult,
) -> None:
    """Queue again every stamped field here of a row or column the hub did not send."""
    pending = _pending_stamps(connection)
    missing: dict[str, dict[str, list[tuple[str, str]]]] = {}
    for (t, r, c), hlc in local_lines(connection, project, tables).items():
        if c in hub_rows.get((t, r), ()) or (t, r, c) in pending:
            continue
        if c in tables[t][1]:
            missing.setdefault(t, {}).setdefault(r, []).append((c, hlc))
    for table_name, fields in missing.items():
        _resend(connection, tables[table_name][0], fields, result)


# --- reading the replica -------------------------------------------------------------------


def _pending_stamps(connection: Connection) -> dict[FieldKey, Stamp]:
    """The newest unsent local change of each field."""
    log = CHANGE_LOG.c
    query = (
        select(log.table_name, log.row_id, log.column_name, func.max(log.hlc))
        .where(log.pushed.is_(False))
        .group_by(log.table_name, log.row_id, log.column_name)
    )
    return {(t, r, c): (h, HlcStamp.decode(h).device) for t, r, c, h in connection.execute(query)}


def _in_project(table: Table, project: str) -> Any:
    column = table.c.project_id
    return column.is_(None) if project == TEAM else column == project


def _has_rows(connection: Connection, project: str, tables: Tables) -> bool:
    for table, _columns in tables.values():
        if connection.scalar(select(table.c.id).where(_in_project(table, project)).limit(1)):
            return True
    return False


def local_lines(connection: Connection, project: str, tables: Tables) -> dict[FieldKey, str]:
    """Field -> its stamp here, over the rows of ``project`` (``team``: the team-wide rows)."""
    s = FIELD_STAMPS.c
    lines: dict[FieldKey, str] = {}
    for name, (table, _columns) in tables.items():
        query = (
            select(s.row_id, s.column_name, s.hlc)
            .select_from(FIELD_STAMPS.join(table, table.c.id == s.row_id))
            .where(s.table_name == name, _in_project(table, project))
        )
        for r, c, h in connection.execute(query):
            lines[(name, r, c)] = h
    return lines


def summarize(lines: Iterable[tuple[FieldKey, str]]) -> HubSummary:
    """The summary of these fields, as the hub computes it (docs/sync-protocol.md)."""
    listed = list(lines)
    text = sorted(f"{t}\t{r}\t{c}\t{h}\n" for (t, r, c), h in listed)
    rows = {(t, r) for (t, r, _c), _h in listed}
    digest = hashlib.sha256("".join(text).encode()).hexdigest()
    return HubSummary(len(rows), len(text), digest)


def local_summary(store: Store, project: str) -> HubSummary:
    """The replica's summary of ``project``: its field stamps and the fields it skipped."""
    with store.read() as session:
        connection = session.connection()
        lines = foreign_lines(connection, project)
        for key, hlc in local_lines(connection, project, _synced_tables()).items():
            lines[key] = max(lines.get(key, ""), hlc)
    return summarize(lines.items())
