"""Snapshot pages written to the replica in bulk (the downloads of :mod:`.snapshot`).

A page is first *prepared*, which needs no database (:class:`Preparer`): each row checked, its
values converted as SQLAlchemy would store them, grouped into one INSERT per table and column
order, with its stamps. :class:`Writer` then writes it on the download's connection with the
raw DB-API (``executemany``). Rows that exist here are merged field by field instead: the
hub's value is written where its stamp is newer, and a field the hub holds with an older
stamp, with nothing unsent here, is queued to be sent again (the hub lost it).

The pages of a project with no rows here are written as new rows without looking them up;
one that meets a row existing here after all (a unique key refused) is rolled back to its
savepoint and written again, prepared against the replica.

Stamps: a row that comes with one stamp for all its fields (nearly all) gets one row stamp
(:mod:`pm_desktop.storage.stamps`); the field stamps of the others go in with one ``INSERT ...
SELECT`` that SQLite expands from one line per row and stamp.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, Dialect, Table, insert, select
from sqlalchemy.exc import IntegrityError

from pm_desktop.storage.changes import encode_value, json_decoder
from pm_desktop.storage.stamps import Stamp, row_field_stamps
from pm_desktop.sync.apply import (
    CALENDAR_TABLES,
    CHANGE_LOG,
    PLAN_TABLES,
    FieldKey,
    pending_stamps,
)
from pm_desktop.sync.client import SnapshotPage

Tables = dict[str, tuple[Table, frozenset[str]]]
Convert = Callable[[Any], Any]
#: A column default as stored: (the value, None), or (None, what makes it for each row).
Default = tuple[Any, Callable[[], Any] | None]
#: A row of a page: [table, row_id, hlc, device_id, {column: value}, stamps] (see SnapshotPage).
HubRow = list[Any]
#: Rows of the ``stamps`` temporary table: the fields of a row that share a stamp.
StampRow = tuple[str, str, str, str, str]
#: Ids of the rows of a table that exist here (of those given).
Existing = Callable[[str, list[str]], set[str]]

STAMPS_TABLE = "temp.snapshot_stamps"
_STAMPS_FROM_TEMP = (
    "INSERT INTO field_stamps (table_name, row_id, column_name, hlc, device_id)"
    f" SELECT s.table_name, s.row_id, c.value, s.hlc, s.device_id FROM {STAMPS_TABLE} AS s,"
    " json_each(s.columns) AS c WHERE true"  # WHERE: SQLite's parser wants it before ON CONFLICT
    " ON CONFLICT (table_name, row_id, column_name)"
    " DO UPDATE SET hlc = excluded.hlc, device_id = excluded.device_id"
)
#: The row stamps of one table and shape ({0}: a synced table's name, {1}: the shape's id).
_ROW_STAMPS_UPSERT = (
    "INSERT INTO row_stamps (table_name, row_id, shape_id, hlc, device_id)"
    " VALUES ('{0}', ?, {1:d}, ?, ?)"
    " ON CONFLICT (table_name, row_id)"
    " DO UPDATE SET shape_id = excluded.shape_id, hlc = excluded.hlc,"
    " device_id = excluded.device_id"
)
#: A new row's stale field stamps (none, normally) would hide its row stamp.
_FIELD_STAMPS_OF_ROWS = (
    "DELETE FROM field_stamps WHERE table_name = ? AND row_id IN (SELECT value FROM json_each(?))"
)
_CHUNK = 500  # ids per IN (...) list


@dataclass
class PreparedPage:
    """A page ready to write: the new rows' values and stamps, the rows to merge, and what
    the page tells (errors, fields skipped, its newest stamp)."""

    inserts: dict[str, list[list[Any]]] = field(default_factory=dict)
    """INSERT statement -> the values of its rows."""
    new_ids: dict[str, list[str]] = field(default_factory=dict)
    new_projects: dict[str, set[Any]] = field(default_factory=dict)
    """Table -> the project ids of its new rows."""
    merged: dict[str, list[tuple[HubRow, Shape]]] = field(default_factory=dict)
    """Table -> its rows that exist here."""
    row_stamps: dict[tuple[str, str], list[tuple[str, str, str]]] = field(default_factory=dict)
    """(table, its columns as JSON) -> (row id, hlc, device) of the new rows with one stamp."""
    field_stamps: list[StampRow] = field(default_factory=list)
    written: int = 0
    """Fields of the new rows."""
    errors: list[str] = field(default_factory=list)
    skipped: dict[FieldKey, str] = field(default_factory=dict)
    newest: str = ""


@dataclass(frozen=True)
class Shape:
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
    """``known`` as a JSON list, for the stamps."""


class Preparer:
    """Prepares pages (no database: one per thread, as it remembers converted values)."""

    def __init__(self, tables: Tables, dialect: Dialect) -> None:
        self.tables = tables
        self.dialect = dialect
        self._shapes: dict[tuple[str, tuple[str, ...]], Shape] = {}
        self._codecs: dict[str, tuple[dict[str, Convert], dict[str, Default]]] = {}

    def converters(self, name: str) -> dict[str, Convert]:
        return self._codec(name)[0]

    def prepare(
        self,
        page: SnapshotPage,
        existing: Existing | None = None,
        seen: dict[tuple[str, str], set[str]] | None = None,
    ) -> PreparedPage:
        """The page ready to write; ``existing`` tells which rows exist here (None: none);
        ``seen`` collects the columns the hub sent of each row."""
        out = PreparedPage()
        rows = page.rows if page.fields is None else _rows_of_fields(page.fields, out)
        by_table: dict[str, list[HubRow]] = {}
        unknown: dict[str, int] = {}
        for row in rows:
            if not well_formed(row):
                out.errors.append(f"a malformed row of a snapshot was skipped: {str(row)[:120]}")
                continue
            t, r, h, _d, values, stamps = row
            if seen is not None:
                seen.setdefault((t, r), set()).update(values)
            if t in self.tables:
                by_table.setdefault(t, []).append(row)
                continue
            for c in values:
                out.skipped[(t, r, c)] = h if stamps is None else stamps[c][0]
            what = f"an unknown table {t[:64]!r}"
            unknown[what] = unknown.get(what, 0) + len(values)
        for name, table_rows in by_table.items():
            here = existing(name, [row[1] for row in table_rows]) if existing else set()
            self._prepare_table(name, table_rows, here, out, unknown)
        for what, count in sorted(unknown.items()):
            out.errors.append(f"{count} fields of {what} were skipped (unknown to this version)")
        return out

    def _prepare_table(
        self,
        name: str,
        rows: Sequence[HubRow],
        existing: set[str],
        out: PreparedPage,
        unknown: dict[str, int],
    ) -> None:
        shapes = self._shapes
        new_ids = out.new_ids.setdefault(name, [])
        projects = out.new_projects.setdefault(name, set())
        newest = out.newest
        last: Shape | None = None
        batch: list[list[Any]] = []
        whole: list[tuple[str, str, str]] = []
        for row in rows:  # the hot loop of a download: what repeats per shape is looked up once
            _t, row_id, hlc, _device, values, own = row
            columns = tuple(values)
            shape = shapes.get((name, columns)) or self.shape(name, columns)
            if shape is not last:
                last = shape
                batch = out.inserts.setdefault(shape.insert, [])
                whole = out.row_stamps.setdefault((name, shape.names), [])
            if shape.unknown:
                for c in shape.unknown:
                    out.skipped[(name, row_id, c)] = hlc if own is None else own[c][0]
                what = f"{name}.{shape.unknown[0][:64]}"
                unknown[what] = unknown.get(what, 0) + len(shape.unknown)
            if not shape.known:
                continue
            top = hlc if own is None else max(own[c][0] for c in shape.known)
            newest = max(newest, top)
            if row_id in existing:
                out.merged.setdefault(name, []).append((row, shape))
                continue
            vals = self._new_row(name, row=row, shape=shape, top=top, out=out, whole=whole)
            if vals is not None:
                batch.append(vals)
                new_ids.append(row_id)
                projects.add(values.get("project_id"))
        out.newest = newest

    def _new_row(
        self,
        name: str,
        *,
        row: HubRow,
        shape: Shape,
        top: str,
        out: PreparedPage,
        whole: list[tuple[str, str, str]],
    ) -> list[Any] | None:
        """The values to insert of a row missing here (its stamps queued: in ``whole`` when
        the row has one stamp); None: skipped."""
        _t, row_id, hlc, device, values, own = row
        if shape.missing:
            out.errors.append(f"{name} {row_id} is on the hub without {shape.missing}: skipped")
            out.skipped.update(_stamps_of(name, row, shape.known))
            return None
        vals = list(values.values()) if not shape.unknown else [values[c] for c in shape.known]
        try:
            for i, convert in shape.convert:
                vals[i] = convert(vals[i])
        except (ValueError, TypeError, LookupError) as exc:
            out.errors.append(f"row {row_id} has a value that does not decode ({exc}): skipped")
            out.skipped.update(_stamps_of(name, row, shape.known))
            return None
        if shape.defaults:
            vals.extend(shape.defaults)
        for i, make in shape.made:
            vals[i] = make()
        if shape.id_at is None:
            vals.append(row_id)
        else:
            vals[shape.id_at] = row_id
        vals.append(top)
        if own is None:  # one stamp for the whole row
            whole.append((row_id, hlc, device))
        else:
            out.field_stamps.extend(_grouped_stamps(name, row_id, own, shape.known))
        out.written += len(shape.known)
        return vals

    def shape(self, name: str, columns: tuple[str, ...]) -> Shape:
        found = self._shapes.get((name, columns))
        if found is None:
            found = self._shapes[(name, columns)] = self._new_shape(name, columns)
        return found

    def _codec(self, name: str) -> tuple[dict[str, Convert], dict[str, Default]]:
        if name not in self._codecs:
            self._codecs[name] = _codecs(self.tables[name][0], self.dialect)
        return self._codecs[name]

    def _new_shape(self, name: str, columns: tuple[str, ...]) -> Shape:
        table, settable = self.tables[name]
        converters, defaults = self._codec(name)
        known = tuple(c for c in columns if c in settable)
        required = {
            c.name for c in table.columns if not c.nullable and c.default is None
            and c.server_default is None
        } - {"id", "hlc"}  # fmt: skip
        absent = [c for c in defaults if c not in known]
        written = [*known, *absent, *(() if "id" in known else ("id",)), "hlc"]
        return Shape(
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


@dataclass
class PageOutcome:
    """What writing a page did, for the download's result."""

    written: int = 0
    """Fields written here (the hub's value won)."""
    resent: int = 0
    """Fields queued to be sent again (the hub had lost them)."""
    errors: list[str] = field(default_factory=list)
    skipped: dict[FieldKey, str] = field(default_factory=dict)
    newest: str = ""
    projects_to_reschedule: set[str] = field(default_factory=set)
    calendars_changed: bool = False


class Writer:
    """Writes pages on one connection (the caller's transactions)."""

    def __init__(self, connection: Connection, tables: Tables) -> None:
        raw = connection.connection.driver_connection
        assert raw is not None
        self.raw: Any = raw
        self.connection = connection
        self.tables = tables
        self.preparer = Preparer(tables, connection.dialect)
        self._shape_ids: dict[tuple[str, str], int] = {}

    def write(
        self, page: SnapshotPage, *, seen: dict[tuple[str, str], set[str]] | None
    ) -> PageOutcome:
        """Write one page (the caller's transaction). ``seen`` collects the columns the hub
        sent of each row; None: the project had no rows here, so its rows are written as
        new without looking (and looked up after all if one exists)."""
        if seen is None:
            try:
                with self.connection.begin_nested():
                    return self._write(self.preparer.prepare(page))
            except (sqlite3.IntegrityError, IntegrityError):
                self._shape_ids.clear()  # shapes made in the savepoint are gone with it
        return self._write(self.preparer.prepare(page, self._existing, seen))

    def _write(self, prepared: PreparedPage) -> PageOutcome:
        outcome = PageOutcome(
            written=prepared.written,
            errors=list(prepared.errors),
            skipped=dict(prepared.skipped),
            newest=prepared.newest,
        )
        for statement, batch in prepared.inserts.items():
            self.raw.executemany(statement, batch)
        wrote = {name for name, ids in prepared.new_ids.items() if ids}
        projects = prepared.new_projects  # and those of the rows merged
        pending = pending_stamps(self.connection) if prepared.merged else {}
        for name, rows in prepared.merged.items():
            if self._merge(name, rows, outcome, projects.setdefault(name, set()), pending):
                wrote.add(name)
        for name in wrote:
            if name in PLAN_TABLES:
                outcome.projects_to_reschedule.update(p for p in projects[name] if p)
            if name in CALENDAR_TABLES:
                outcome.calendars_changed = True
        self._write_stamps(prepared)
        return outcome

    def _write_stamps(self, prepared: PreparedPage) -> None:
        """The stamps of the new rows: a row stamp per row that came whole, and the field
        stamps of the others (one statement: SQLite expands them)."""
        for name, ids in prepared.new_ids.items():
            if ids:
                self.raw.execute(_FIELD_STAMPS_OF_ROWS, (name, json.dumps(ids)))
        for (name, names), rows in prepared.row_stamps.items():
            if rows:
                shape_id = self._shape_id(name, names)
                self.raw.executemany(_ROW_STAMPS_UPSERT.format(name, shape_id), rows)
        self._write_field_stamps(prepared.field_stamps)

    def _write_field_stamps(self, lines: list[StampRow]) -> None:
        """Field stamps, one line per row and stamp: SQLite expands them into fields."""
        if lines:
            self.raw.executemany(f"INSERT INTO {STAMPS_TABLE} VALUES (?, ?, ?, ?, ?)", lines)
            self.raw.execute(_STAMPS_FROM_TEMP)
            self.raw.execute(f"DELETE FROM {STAMPS_TABLE}")

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

    def _existing(self, name: str, ids: list[str]) -> set[str]:
        query = f'SELECT id FROM "{name}" WHERE id IN (SELECT value FROM json_each(?))'
        return {str(r[0]) for r in self.raw.execute(query, (json.dumps(ids),))}

    def _merge(
        self,
        name: str,
        rows: Sequence[tuple[HubRow, Shape]],
        outcome: PageOutcome,
        project_ids: set[Any],
        pending: dict[FieldKey, Stamp],
    ) -> bool:
        """Rows that exist here: each field the hub's value wins is written, and each the hub
        lacks (an older stamp there, nothing unsent here: ``pending``) is sent again. True
        if one was written (its project id added to ``project_ids``)."""
        stamps = row_field_stamps(self.connection, name, [row[1] for row, _shape in rows])
        local = {(name, r, c): stamp for (r, c), stamp in stamps.items()}
        updates: dict[tuple[str, ...], list[list[Any]]] = {}
        resend: dict[str, list[tuple[str, str]]] = {}
        converters = self.preparer.converters(name)
        field_stamps: list[StampRow] = []
        for (_t, row_id, hlc, device, values, own), shape in rows:
            take: dict[str, list[str]] = {}
            for column in shape.known:
                stamp = (hlc, device) if own is None else (own[column][0], own[column][1])
                key = (name, row_id, column)
                here = max(local.get(key, ("", "")), pending.get(key, ("", "")))
                if stamp > here:
                    take[column] = list(stamp)
                elif stamp < here and key not in pending:
                    resend.setdefault(row_id, []).append((column, local[key][0]))
            if not take:
                continue
            try:
                vals = [_converted(converters.get(c), values[c]) for c in take]
            except (ValueError, TypeError, LookupError) as exc:
                outcome.errors.append(
                    f"row {row_id} has a value that does not decode ({exc}): skipped"
                )
                outcome.skipped.update({(name, row_id, c): h for c, (h, _d) in take.items()})
                continue
            vals.append(max(h for h, _d in take.values()))
            vals.append(row_id)
            updates.setdefault(tuple(take), []).append(vals)
            project_ids.add(values.get("project_id"))
            field_stamps.extend(_grouped_stamps(name, row_id, take, take))
            outcome.written += len(take)
        for columns, batch in updates.items():
            sets = ", ".join(f'"{c}" = ?' for c in columns)
            statement = f'UPDATE "{name}" SET {sets}, hlc = max(hlc, ?) WHERE id = ?'
            self.raw.executemany(statement, batch)
        self._write_field_stamps(field_stamps)
        if resend:
            outcome.resent += resend_fields(self.connection, self.tables[name][0], resend)
        return bool(updates)


def well_formed(row: Any) -> bool:
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


def _rows_of_fields(fields: Sequence[Any], out: PreparedPage) -> list[HubRow]:
    """A page in the field format as rows; a row with a value that is not JSON is skipped."""
    rows: dict[tuple[str, str], tuple[dict[str, str], dict[str, list[str]]]] = {}
    for f in fields:
        t, r, c = f.get("table"), f.get("row_id"), f.get("column")
        v, h, d = f.get("value"), f.get("hlc"), f.get("device_id")
        if not all(isinstance(x, str) for x in (t, r, c, v, h, d)):
            out.errors.append(f"a malformed field of a snapshot was skipped: {str(f)[:120]}")
            continue
        texts, stamps = rows.setdefault((t, r), ({}, {}))
        texts[c], stamps[c] = v, [h, d]
    decoded: list[HubRow] = []
    for (t, r), (texts, stamps) in rows.items():
        try:
            values = dict(zip(texts, json.loads("[" + ",".join(texts.values()) + "]"), strict=True))
        except ValueError as exc:
            out.errors.append(f"row {r} has a value that does not decode ({exc}): skipped")
            out.skipped.update({(t, r, c): h for c, (h, _d) in stamps.items()})
            continue
        decoded.append([t, r, None, None, values, stamps])
    return decoded


def _grouped_stamps(
    name: str, row_id: str, stamps: Mapping[str, Sequence[str]], columns: Iterable[str]
) -> list[StampRow]:
    """Lines of the stamps table for these fields of a row: one per stamp."""
    by_stamp: dict[tuple[str, str], list[str]] = {}
    for column in columns:
        hlc, device = stamps[column]
        by_stamp.setdefault((hlc, device), []).append(column)
    return [(name, row_id, h, d, json.dumps(cs)) for (h, d), cs in by_stamp.items()]


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
        decode = json_decoder(column)
        bind = kind.dialect_impl(dialect).bind_processor(dialect)
        if decode is bool:
            converters[column.name] = _boolean(bind)
        elif decode is not None:
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


def _boolean(bind: Convert | None) -> Convert:
    """JSON true/false -> 1/0, as SQLAlchemy stores a Boolean in SQLite (anything else goes
    through the column's own processing)."""

    def convert(value: Any) -> Any:
        if value is True:
            return 1
        if value is False:
            return 0
        return bool(value) if bind is None else bind(None if value is None else bool(value))

    return convert


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


def resend_fields(
    connection: Connection, table: Table, fields: Mapping[str, Sequence[tuple[str, str]]]
) -> int:
    """Queue these fields (row id -> [(column, its stamp here)]) to be pushed again; how many."""
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
    return len(entries)
