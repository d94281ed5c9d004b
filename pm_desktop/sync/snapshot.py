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

**Speed** (the initial pull of a big project is bound by it): pages come in the hub's ``rows``
format (one stamp per row, values decoded once per page), the next page is fetched in a
thread while one is written, rows go in with the raw DB-API ``executemany`` (values
converted per column as SQLAlchemy binds them). A row that comes with one stamp for all its
fields (nearly all) gets one row stamp (:mod:`pm_desktop.storage.stamps`); the field stamps
of the others go in with one ``INSERT ... SELECT`` that SQLite expands from one line per row
and stamp. The download's own connection checks foreign keys once at the end, and does not
sync the log at each page's commit.

**Summary.** ``rows``, ``fields`` and ``hash`` (docs/sync-protocol.md) over the field stamps
of the project's rows here, plus the fields this replica skipped (:mod:`.foreign`).
"""

from __future__ import annotations

import hashlib
import json
import queue
import threading
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from sqlalchemy import Connection, Dialect, Enum, Table, func, insert, select
from sqlalchemy.exc import DBAPIError

from pm_desktop.core.hlc import ClockDriftError, HlcStamp
from pm_desktop.storage.base import UtcDateTime
from pm_desktop.storage.changes import encode_value
from pm_desktop.storage.database import Store, storage_error
from pm_desktop.storage.stamps import project_field_stamps, row_field_stamps
from pm_desktop.sync.apply import (
    CALENDAR_TABLES,
    CHANGE_LOG,
    LOCAL_META,
    PLAN_TABLES,
    FieldKey,
    Stamp,
    _synced_tables,
)
from pm_desktop.sync.client import TEAM, HubClient, HubSummary, SnapshotPage
from pm_desktop.sync.foreign import foreign_lines, record_foreign

#: Rows per snapshot page: the most the hub gives.
SNAPSHOT_ROWS = 5000
_FIRST_ROWS = 500  # rows of the first page, then four times more per page up to SNAPSHOT_ROWS
_CHUNK = 500  # ids per IN (...) list
_STAMPS_TABLE = "temp.snapshot_stamps"
_STAMPS_FROM_TEMP = (
    "INSERT INTO field_stamps (table_name, row_id, column_name, hlc, device_id)"
    f" SELECT s.table_name, s.row_id, c.value, s.hlc, s.device_id FROM {_STAMPS_TABLE} AS s,"
    " json_each(s.columns) AS c WHERE true"  # WHERE: SQLite's parser wants it before ON CONFLICT
    " ON CONFLICT (table_name, row_id, column_name)"
    " DO UPDATE SET hlc = excluded.hlc, device_id = excluded.device_id"
)

_ROW_STAMPS_UPSERT = (
    "INSERT INTO row_stamps (table_name, row_id, shape_id, hlc, device_id) VALUES (?, ?, ?, ?, ?)"
    " ON CONFLICT (table_name, row_id)"
    " DO UPDATE SET shape_id = excluded.shape_id, hlc = excluded.hlc,"
    " device_id = excluded.device_id"
)
#: A new row's stale field stamps (none, normally) would hide its row stamp.
_FIELD_STAMPS_OF_ROWS = (
    "DELETE FROM field_stamps WHERE table_name = ? AND row_id IN (SELECT value FROM json_each(?))"
)

Tables = dict[str, tuple[Table, frozenset[str]]]
Convert = Callable[[Any], Any]
#: A column default as stored: (the value, None), or (None, what makes it for each row).
Default = tuple[Any, Callable[[], Any] | None]
#: A row of a page: [table, row_id, hlc, device_id, {column: value}, stamps] (see SnapshotPage).
HubRow = list[Any]
#: Rows of the ``stamps`` temporary table: the fields of a row that share a stamp.
StampRow = tuple[str, str, str, str, str]


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
        with _bulk_connection(store) as connection:
            writer = _Writer(connection, tables)
            with connection.begin():
                had_rows = _has_rows(connection, project, tables)
            hub_rows: dict[tuple[str, str], set[str]] | None = {} if had_rows else None
            skipped: dict[FieldKey, str] = {}
            newest = ""
            with _Pages(client, project, SNAPSHOT_ROWS) as pages:
                for page in pages:
                    if cancel is not None and cancel.is_set():
                        return result
                    with connection.begin():
                        newest = max(
                            newest,
                            _apply_page(writer, page, result, skipped=skipped, hub_rows=hub_rows),
                        )
                        if page.more:
                            continue
                        # the last page: the rest in its transaction (one commit less)
                        if hub_rows is not None:
                            _resend_missing(connection, project, hub_rows, tables, result)
                        _report_dangling(connection, tables, result)
                        record_foreign(connection, project, skipped, replace=True)
                        _save_cursor(connection, cursor_key, position)
    except DBAPIError as exc:
        raise storage_error(exc) from exc
    if newest:
        try:
            store.clock.observe(HlcStamp.decode(newest))
        except ClockDriftError as exc:
            result.errors.append(str(exc))
    result.complete = True
    return result


def _save_cursor(connection: Connection, key: str, position: int) -> None:
    connection.execute(LOCAL_META.delete().where(LOCAL_META.c.key == key))
    connection.execute(LOCAL_META.insert().values(key=key, value=str(position)))


class _Pages:
    """The snapshot pages of a project, each fetched (and decoded) in a thread while the one
    before is written: at most one page waits, so memory stays at about three pages."""

    def __init__(self, client: HubClient, project: str, limit: int) -> None:
        self._client = client
        self._project = project
        self._limit = limit
        self._queue: queue.Queue[SnapshotPage | Exception] = queue.Queue(maxsize=1)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._fetch, name="snapshot pages", daemon=True)

    def __enter__(self) -> Iterator[SnapshotPage]:
        self._thread.start()
        return self._pages()

    def __exit__(self, *_exc: object) -> None:
        self._stop.set()
        while self._thread.is_alive():  # it may be waiting to hand over a page
            with suppress(queue.Empty):
                self._queue.get(timeout=0.05)
        self._thread.join()

    def _pages(self) -> Iterator[SnapshotPage]:
        while True:
            try:
                item = self._queue.get(timeout=0.5)
            except queue.Empty:
                if self._thread.is_alive() or not self._queue.empty():
                    continue
                raise RuntimeError("the snapshot page reader stopped") from None
            if isinstance(item, Exception):
                raise item
            yield item
            if not item.more:
                return

    def _fetch(self) -> None:
        after: str | None = None
        limit = min(_FIRST_ROWS, self._limit)  # a small first page: writing starts sooner
        try:
            while not self._stop.is_set():
                page = self._client.snapshot(self._project, after, limit)
                self._hand_over(page)
                if not page.more:
                    return
                after = page.next
                limit = min(4 * limit, self._limit)
        except Exception as exc:  # raised again by the reader
            self._hand_over(exc)

    def _hand_over(self, item: SnapshotPage | Exception) -> None:
        while not self._stop.is_set():
            with suppress(queue.Full):
                self._queue.put(item, timeout=0.05)
                return


@contextmanager
def _bulk_connection(store: Store) -> Iterator[Connection]:
    """A connection for bulk writes: without foreign-key checks (pages come in table-name
    order, so a row often arrives before the row it refers to: checked once at the end
    instead), a big page cache, and a temporary table for the field stamps of a page."""
    with store.engine.connect() as connection:
        raw = connection.connection.dbapi_connection
        assert raw is not None
        raw.execute("PRAGMA foreign_keys = OFF")  # outside a transaction, or it does nothing
        # No sync of the log at each page's commit: a crash may lose the last pages, never
        # the order (the cursor is saved with the last page), and the download starts over.
        raw.execute("PRAGMA synchronous = NORMAL")
        cache = raw.execute("PRAGMA cache_size").fetchone()
        raw.execute("PRAGMA cache_size = -131072")  # 128 MiB: bulk index inserts stay in memory
        raw.execute(
            f"CREATE TABLE IF NOT EXISTS {_STAMPS_TABLE}"
            " (table_name TEXT, row_id TEXT, hlc TEXT, device_id TEXT, columns TEXT)"
        )
        try:
            yield connection
        finally:
            if connection.in_transaction():
                connection.rollback()
            raw.execute(f"DROP TABLE IF EXISTS {_STAMPS_TABLE}")
            raw.execute("PRAGMA foreign_keys = ON")
            raw.execute("PRAGMA synchronous = FULL")
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
    writer: _Writer,
    page: SnapshotPage,
    result: DownloadResult,
    *,
    skipped: dict[FieldKey, str],
    hub_rows: dict[tuple[str, str], set[str]] | None,
) -> str:
    """Write one snapshot page (the caller's transaction); returns its newest stamp."""
    rows = page.rows if page.fields is None else _rows_of_fields(page.fields, result, skipped)
    by_table: dict[str, list[HubRow]] = {}
    unknown: dict[str, int] = {}
    for row in rows:
        if not _well_formed(row):
            result.errors.append(f"a malformed row of a snapshot was skipped: {str(row)[:120]}")
            continue
        t, r, h, _d, values, stamps = row
        if hub_rows is not None:
            hub_rows.setdefault((t, r), set()).update(values)
        if t in writer.tables:
            by_table.setdefault(t, []).append(row)
            continue
        for c in values:
            skipped[(t, r, c)] = h if stamps is None else stamps[c][0]
        what = f"an unknown table {t[:64]!r}"
        unknown[what] = unknown.get(what, 0) + len(values)
    newest = ""
    for name, table_rows in by_table.items():
        newest = max(newest, writer.write(name, table_rows, result, skipped, unknown))
    for what, count in sorted(unknown.items()):
        result.errors.append(f"{count} fields of {what} were skipped (unknown to this version)")
    writer.write_stamps()
    return newest


def _well_formed(row: Any) -> bool:
    if not (type(row) is list and len(row) == 6):
        return False
    t, r, h, d, values, stamps = row
    if not (type(t) is str and type(r) is str and type(values) is dict):
        return False
    if stamps is None:
        return type(h) is str and type(d) is str
    return (
        type(stamps) is dict
        and stamps.keys() == values.keys()
        and all(
            type(s) is list and len(s) == 2 and type(s[0]) is str and type(s[1]) is str
            for s in stamps.values()
        )
    )


def _rows_of_fields(
    fields: Sequence[Any], result: DownloadResult, skipped: dict[FieldKey, str]
) -> list[HubRow]:
    """A page in the field format as rows; a row with a value that is not JSON is skipped."""
    rows: dict[tuple[str, str], tuple[dict[str, str], dict[str, list[str]]]] = {}
    for f in fields:
        t, r, c = f.get("table"), f.get("row_id"), f.get("column")
        v, h, d = f.get("value"), f.get("hlc"), f.get("device_id")
        if not all(isinstance(x, str) for x in (t, r, c, v, h, d)):
            result.errors.append(f"a malformed field of a snapshot was skipped: {str(f)[:120]}")
            continue
        texts, stamps = rows.setdefault((t, r), ({}, {}))
        texts[c], stamps[c] = v, [h, d]
    decoded: list[HubRow] = []
    for (t, r), (texts, stamps) in rows.items():
        try:
            values = dict(zip(texts, json.loads("[" + ",".join(texts.values()) + "]"), strict=True))
        except ValueError as exc:
            result.errors.append(f"row {r} has a value that does not decode ({exc}): skipped")
            skipped.update({(t, r, c): h for c, (h, _d) in stamps.items()})
            continue
        decoded.append([t, r, None, None, values, stamps])
    return decoded


@dataclass(frozen=True)
class _Shape:
    """How to write a row of a table whose fields come in this order (found once per order)."""

    known: tuple[str, ...]
    """The columns this version writes, in the row's order."""
    unknown: tuple[str, ...]
    missing: str
    """The required columns a new row lacks (comma-separated; "": none)."""
    convert: tuple[tuple[int, Convert], ...]
    """(index in ``known``, converter) of the columns whose value needs converting."""
    defaults: list[Any]
    """The stored defaults of the columns with one the row lacks, in ``insert``'s order."""
    made: tuple[tuple[int, Callable[[], Any]], ...]
    """(index in the inserted values, maker) of the defaults made for each row."""
    id_at: int | None
    insert: str
    """INSERT of a new row: the ``known`` columns, the defaults, ``id`` if not known, ``hlc``."""
    names: str
    """``known`` as a JSON list, for the stamps table."""


class _Writer:
    """Writes the rows of pages on one connection with the raw DB-API (``executemany``), the
    values converted per column as SQLAlchemy would bind them."""

    def __init__(self, connection: Connection, tables: Tables) -> None:
        raw = connection.connection.driver_connection
        assert raw is not None
        self.raw: Any = raw
        self.connection = connection
        self.dialect = connection.dialect
        self.tables = tables
        self._shapes: dict[tuple[str, tuple[str, ...]], _Shape] = {}
        self._codecs: dict[str, tuple[dict[str, Convert], dict[str, Default]]] = {}
        self._stamps: list[StampRow] = []
        self._row_stamps: list[tuple[str, str, int, str, str]] = []
        self._shape_ids: dict[tuple[str, str], int] = {}

    def shape(self, name: str, columns: tuple[str, ...]) -> _Shape:
        found = self._shapes.get((name, columns))
        if found is None:
            found = self._shapes[(name, columns)] = self._new_shape(name, columns)
        return found

    def _new_shape(self, name: str, columns: tuple[str, ...]) -> _Shape:
        table, settable = self.tables[name]
        if name not in self._codecs:
            self._codecs[name] = _codecs(table, self.dialect)
        converters, defaults = self._codecs[name]
        known = tuple(c for c in columns if c in settable)
        required = {
            c.name for c in table.columns if not c.nullable and c.default is None
            and c.server_default is None
        } - {"id", "hlc"}  # fmt: skip
        absent = [c for c in defaults if c not in known]
        written = [*known, *absent, *(() if "id" in known else ("id",)), "hlc"]
        return _Shape(
            known=known,
            unknown=tuple(c for c in columns if c not in settable),
            missing=", ".join(sorted(required - set(known))),
            convert=tuple((i, converters[c]) for i, c in enumerate(known) if c in converters),
            defaults=[defaults[c][0] for c in absent],
            made=tuple(
                (len(known) + i, make)
                for i, c in enumerate(absent)
                if (make := defaults[c][1]) is not None
            ),
            id_at=known.index("id") if "id" in known else None,
            insert=f'INSERT INTO "{name}" ({", ".join(map(_quoted, written))})'
            f" VALUES ({', '.join('?' * len(written))})",
            names=json.dumps(sorted(known)),  # the stamps' index order
        )

    def write(
        self,
        name: str,
        rows: Sequence[HubRow],
        result: DownloadResult,
        skipped: dict[FieldKey, str],
        unknown: dict[str, int],
    ) -> str:
        """Write the rows of table ``name``; the newest stamp among their fields."""
        existing = self._existing(name, [row[1] for row in rows])
        inserts: dict[str, list[list[Any]]] = {}
        merged: list[tuple[HubRow, _Shape]] = []
        project_ids: set[Any] = set()
        newest = ""
        for row in rows:
            _t, row_id, hlc, _device, values, own = row
            shape = self.shape(name, tuple(values))
            if shape.unknown:
                for c in shape.unknown:
                    skipped[(name, row_id, c)] = hlc if own is None else own[c][0]
                what = f"{name}.{shape.unknown[0][:64]}"
                unknown[what] = unknown.get(what, 0) + len(shape.unknown)
            if not shape.known:
                continue
            top = hlc if own is None else max(own[c][0] for c in shape.known)
            newest = max(newest, top)
            if row_id in existing:
                merged.append((row, shape))
                continue
            vals = self._new_row(
                name, row=row, shape=shape, top=top, result=result, skipped=skipped
            )
            if vals is not None:
                inserts.setdefault(shape.insert, []).append(vals)
                project_ids.add(values.get("project_id"))
        for statement, batch in inserts.items():
            self.raw.executemany(statement, batch)
        wrote = bool(inserts)
        if merged:
            wrote = self._merge(name, merged, result, skipped, project_ids) or wrote
        if wrote and name in PLAN_TABLES:
            result.projects_to_reschedule.update(p for p in project_ids if p)
        if wrote and name in CALENDAR_TABLES:
            result.calendars_changed = True
        return newest

    def _new_row(
        self,
        name: str,
        *,
        row: HubRow,
        shape: _Shape,
        top: str,
        result: DownloadResult,
        skipped: dict[FieldKey, str],
    ) -> list[Any] | None:
        """The values to insert of a row missing here (its stamps queued); None: skipped."""
        _t, row_id, hlc, device, values, own = row
        if shape.missing:
            result.errors.append(f"{name} {row_id} is on the hub without {shape.missing}: skipped")
            skipped.update(_stamps_of(name, row, shape.known))
            return None
        vals = list(values.values()) if not shape.unknown else [values[c] for c in shape.known]
        try:
            for i, convert in shape.convert:
                vals[i] = convert(vals[i])
        except (ValueError, TypeError, LookupError) as exc:
            result.errors.append(f"row {row_id} has a value that does not decode ({exc}): skipped")
            skipped.update(_stamps_of(name, row, shape.known))
            return None
        vals.extend(shape.defaults)
        for i, make in shape.made:
            vals[i] = make()
        if shape.id_at is None:
            vals.append(row_id)
        else:
            vals[shape.id_at] = row_id
        vals.append(top)
        if own is None:  # one stamp for the whole row
            self._row_stamps.append((name, row_id, self._shape_id(name, shape.names), hlc, device))
            result.written += len(shape.known)
        else:
            self._stamp_fields(name, row_id, {c: own[c] for c in shape.known}, result)
        return vals

    def _stamp_fields(
        self, name: str, row_id: str, stamps: Mapping[str, Sequence[str]], result: DownloadResult
    ) -> None:
        """Queue the stamps of these fields of a row, grouped by stamp."""
        by_stamp: dict[tuple[str, str], list[str]] = {}
        for column, (hlc, device) in stamps.items():
            by_stamp.setdefault((hlc, device), []).append(column)
        for (hlc, device), columns in by_stamp.items():
            self._stamps.append((name, row_id, hlc, device, json.dumps(columns)))
        result.written += len(stamps)

    def _shape_id(self, name: str, names: str) -> int:
        """The stamp shape of these columns of table ``name`` (made when new)."""
        key = (name, names)
        found = self._shape_ids.get(key)
        if found is None:
            row = self.raw.execute(
                "SELECT id FROM stamp_shapes WHERE table_name = ? AND columns = ?", key
            ).fetchone()
            if row is None:
                cursor = self.raw.execute(
                    "INSERT INTO stamp_shapes (table_name, columns) VALUES (?, ?)", key
                )
                row = (cursor.lastrowid,)
            found = self._shape_ids[key] = int(row[0])
        return found

    def write_stamps(self) -> None:
        """Write the stamps queued by this page: a row stamp per row that came whole, and the
        field stamps of the others (one statement: SQLite expands them)."""
        if self._row_stamps:
            by_table: dict[str, list[str]] = {}
            for name, row_id, *_rest in self._row_stamps:
                by_table.setdefault(name, []).append(row_id)
            for name, ids in by_table.items():
                self.raw.execute(_FIELD_STAMPS_OF_ROWS, (name, json.dumps(ids)))
            self.raw.executemany(_ROW_STAMPS_UPSERT, self._row_stamps)
            self._row_stamps = []
        if not self._stamps:
            return
        self.raw.executemany(f"INSERT INTO {_STAMPS_TABLE} VALUES (?, ?, ?, ?, ?)", self._stamps)
        self.raw.execute(_STAMPS_FROM_TEMP)
        self.raw.execute(f"DELETE FROM {_STAMPS_TABLE}")
        self._stamps = []

    def _existing(self, name: str, ids: list[str]) -> set[str]:
        query = f'SELECT id FROM "{name}" WHERE id IN (SELECT value FROM json_each(?))'
        return {str(r[0]) for r in self.raw.execute(query, (json.dumps(ids),))}

    def _merge(
        self,
        name: str,
        rows: Sequence[tuple[HubRow, _Shape]],
        result: DownloadResult,
        skipped: dict[FieldKey, str],
        project_ids: set[Any],
    ) -> bool:
        """Rows that exist here: each field the hub's value wins is written, and each the hub
        lacks (an older stamp there, nothing unsent here) is sent again. True if one was
        written (its project id added to ``project_ids``)."""
        pending = _pending_stamps(self.connection)
        local = self._local_stamps(name, [row[1] for row, _shape in rows])
        updates: dict[tuple[str, ...], list[list[Any]]] = {}
        resend: dict[str, list[tuple[str, str]]] = {}
        converters = self._codecs[name][0]
        for (_t, row_id, hlc, device, values, own), shape in rows:
            take: dict[str, tuple[str, str]] = {}
            for column in shape.known:
                stamp = (hlc, device) if own is None else (own[column][0], own[column][1])
                key = (name, row_id, column)
                here = max(local.get(key, ("", "")), pending.get(key, ("", "")))
                if stamp > here:
                    take[column] = stamp
                elif stamp < here and key not in pending:
                    resend.setdefault(row_id, []).append((column, local[key][0]))
            if not take:
                continue
            try:
                vals = [_converted(converters.get(c), values[c]) for c in take]
            except (ValueError, TypeError, LookupError) as exc:
                result.errors.append(
                    f"row {row_id} has a value that does not decode ({exc}): skipped"
                )
                skipped.update({(name, row_id, c): h for c, (h, _d) in take.items()})
                continue
            vals.append(max(h for h, _d in take.values()))
            vals.append(row_id)
            updates.setdefault(tuple(take), []).append(vals)
            project_ids.add(values.get("project_id"))
            self._stamp_fields(name, row_id, take, result)
        for columns, batch in updates.items():
            sets = ", ".join(f'"{c}" = ?' for c in columns)
            statement = f'UPDATE "{name}" SET {sets}, hlc = max(hlc, ?) WHERE id = ?'
            self.raw.executemany(statement, batch)
        if resend:
            _resend(self.connection, self.tables[name][0], resend, result)
        return bool(updates)

    def _local_stamps(self, name: str, ids: list[str]) -> dict[FieldKey, Stamp]:
        stamps = row_field_stamps(self.connection, name, ids)
        return {(name, r, c): stamp for (r, c), stamp in stamps.items()}


def _stamps_of(name: str, row: HubRow, columns: Iterable[str]) -> dict[FieldKey, str]:
    _t, row_id, hlc, _device, _values, own = row
    return {(name, row_id, c): hlc if own is None else own[c][0] for c in columns}


def _quoted(column: str) -> str:
    return f'"{column}"'


def _converted(convert: Convert | None, value: Any) -> Any:
    return value if convert is None else convert(value)


def _codecs(table: Table, dialect: Dialect) -> tuple[dict[str, Convert], dict[str, Default]]:
    """How SQLAlchemy would store a row: per column whose JSON value is not what SQLite
    stores, JSON value -> stored value (the Python value as
    :func:`pm_desktop.storage.changes.decode_value` makes it, then the column's bind
    processing); and per column with a Python-side default (for a row that lacks it), its
    stored value, or what makes it for each row (a callable default).
    """
    converters: dict[str, Convert] = {}
    defaults: dict[str, Default] = {}
    for column in table.columns:
        kind = column.type
        decode: Convert | None = None
        if isinstance(kind, UtcDateTime):
            decode = datetime.fromisoformat
        elif isinstance(kind, Enum) and kind.enum_class is not None:
            decode = kind.enum_class
        else:
            try:
                decode = _FROM_JSON.get(kind.python_type)
            except NotImplementedError:
                decode = None
        bind = kind.dialect_impl(dialect).bind_processor(dialect)
        if decode is not None:
            converters[column.name] = _decoding(decode, bind)
        elif bind is not None:
            converters[column.name] = bind
        default = column.default
        if column.name in ("id", "hlc") or default is None:
            continue
        if default.is_scalar:
            value = default.arg  # type: ignore[attr-defined]
            defaults[column.name] = (value if bind is None else bind(value), None)
        elif default.is_callable:
            defaults[column.name] = (None, _made(default.arg, bind))  # type: ignore[attr-defined]
    return converters, defaults


def _made(make: Callable[[Any], Any], bind: Convert | None) -> Callable[[], Any]:
    """A callable default as SQLAlchemy calls it (with an execution context, unused)."""
    if bind is None:
        return lambda: make(None)
    return lambda: bind(make(None))


_MEMO_SIZE = 20_000
_FROM_JSON: dict[type, Convert] = {
    datetime: datetime.fromisoformat,
    date: date.fromisoformat,
    bool: bool,
}


def _decoding(decode: Convert, bind: Convert | None) -> Convert:
    """JSON value -> stored value; remembered per text (dates, instants and enumerations
    come as text, and repeat)."""
    memo: dict[str, Any] = {}

    def convert(value: Any) -> Any:
        if type(value) is str:
            found = memo.get(value, memo)
            if found is memo:
                found = decode(value) if bind is None else bind(decode(value))
                if len(memo) < _MEMO_SIZE:
                    memo[value] = found
            return found
        if value is None:
            return None if bind is None else bind(None)
        return decode(value) if bind is None else bind(decode(value))

    return convert


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
    lines: dict[FieldKey, str] = {}
    for name, (table, _columns) in tables.items():
        stamps = project_field_stamps(connection, table, _in_project(table, project))
        for (r, c), h in stamps.items():
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
