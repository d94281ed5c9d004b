"""The hub's data access: every request's work in a transaction as ``pm_hub_app``.

:meth:`Store.as_user` opens a transaction, switches to the app role (which does not own the
tables, so PostgreSQL's row-level security applies) and sets ``pm.user``: whatever the code
above asks, the database hands out only rows of ``team`` and of the projects granted to that
user. The service checks grants itself as well (:func:`require_access`), first, to give a
clear message.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import AsyncIterator, Iterable, Mapping, Sequence
from contextlib import asynccontextmanager
from datetime import datetime
from typing import Any

import psycopg
from psycopg import AsyncConnection
from psycopg.types.json import Jsonb
from psycopg_pool import AsyncConnectionPool

from pm_desktop.hub.conflicts import (
    CONFLICTS_TABLE,
    Row,
    Side,
    conflict_changes,
    find_conflicts,
    hub_clock,
)
from pm_desktop.hub.protocol import (
    HUB_DEVICE,
    TEAM,
    Batch,
    Change,
    HubError,
    not_granted,
    references,
)
from pm_desktop.hub.schema import APP_ROLE

NOTIFY_CHANNEL = "pm_hub_changes"
#: Stamps the hub's own changes (conflict records, rows kept against a deletion).
HUB_CLOCK = hub_clock()

Conn = AsyncConnection[tuple[Any, ...]]


def lock_key(project: str) -> int:
    """The advisory-lock key of a project: 64 bits of its SHA-256, signed as bigint."""
    return int.from_bytes(hashlib.sha256(project.encode()).digest()[:8], "big", signed=True)


class Store:
    def __init__(self, pool: AsyncConnectionPool[Conn]) -> None:
        self.pool = pool

    @asynccontextmanager
    async def connection(self) -> AsyncIterator[Conn]:
        """A pooled connection that works: after a database restart or fail-over, the pool's
        dead connections are all replaced at the first one found, not one request at a time."""
        conn: Conn | None = await self.pool.getconn()
        try:
            assert conn is not None
            try:
                await conn.execute("")
            except psycopg.OperationalError:
                dead, conn = conn, None
                await self.pool.putconn(dead)  # closed: the pool drops it
                await self.pool.check()
                conn = await self.pool.getconn()
            yield conn
        finally:
            if conn is not None:
                await self.pool.putconn(conn)

    async def secret_hash(self, user: str) -> str | None:
        """The stored hash of a user's secret (read as the login role, before any SET ROLE)."""
        async with self.connection() as conn:
            cursor = await conn.execute("SELECT secret_hash FROM users WHERE name = %s", [user])
            row = await cursor.fetchone()
        return str(row[0]) if row else None

    @asynccontextmanager
    async def as_user(self, user: str) -> AsyncIterator[Conn]:
        async with self.connection() as conn, conn.transaction():
            await conn.execute(
                "SELECT set_config('role', %s, true), set_config('pm.user', %s, true)",
                [APP_ROLE, user],
            )
            yield conn


async def granted_projects(conn: Conn) -> list[str]:
    cursor = await conn.execute(
        """SELECT project_key FROM grants
           WHERE user_name = current_setting('pm.user') AND revoked_at IS NULL
             AND (expires_at IS NULL OR expires_at > now())
           ORDER BY project_key"""
    )
    return [str(row[0]) for row in await cursor.fetchall()]


async def require_access(conn: Conn, projects: Iterable[str]) -> None:
    """The service's own grant check: 403 naming the first project not granted, and why."""
    wanted = sorted(set(projects) - {TEAM})
    if not wanted:
        return
    cursor = await conn.execute(
        """SELECT project_key, expires_at, expires_at <= now(), revoked_at FROM grants
           WHERE user_name = current_setting('pm.user') AND project_key = ANY(%s)""",
        [wanted],
    )
    found: dict[str, tuple[datetime | None, bool | None, datetime | None]] = {
        str(key): (expires, expired, revoked)
        for key, expires, expired, revoked in await cursor.fetchall()
    }
    for project in wanted:
        if project not in found:
            raise not_granted(project)
        expires, expired, revoked = found[project]
        if revoked is not None:
            raise not_granted(
                project, f"your access to project {project} was revoked on {revoked:%Y-%m-%d}"
            )
        if expired and expires is not None:
            raise not_granted(
                project, f"your access to project {project} expired on {expires:%Y-%m-%d}"
            )


async def push_batch(conn: Conn, user: str, device_id: str, batch: Batch) -> dict[str, Any]:
    """Apply one batch (the caller's transaction); a batch seen before returns its result."""
    await _claim_device(conn, user, device_id)
    claimed = await conn.execute(
        """INSERT INTO device_ops (device_id, op_no, user_name) VALUES (%s, %s, %s)
           ON CONFLICT DO NOTHING RETURNING 1""",
        [device_id, batch.op, user],
    )
    if await claimed.fetchone() is None:
        cursor = await conn.execute(
            "SELECT result FROM device_ops WHERE device_id = %s AND op_no = %s",
            [device_id, batch.op],
        )
        row = await cursor.fetchone()
        if row is None or row[0] is None:  # hidden by row-level security: another user's
            raise HubError(
                409,
                "device_conflict",
                f"device {device_id} is registered to another user on this hub",
            )
        stored: dict[str, Any] = row[0]
        return {"op": stored["op"], "status": "duplicate", "seq": stored["seq"]}
    # Serialise each project's sequence: locks in one global order, so never a deadlock.
    for key in sorted({lock_key(p) for p in batch.projects}):
        await conn.execute("SELECT pg_advisory_xact_lock(%s)", [key])
    seq: list[int] | None = None
    if batch.changes:
        found = find_conflicts(
            batch.changes, device_id, user, await _current_fields(conn, batch.changes)
        )
        seq = await _record(conn, batch.changes, device_id, batch.op, user)
        # After writing, not before: a concurrent push creating the same row under another
        # project has then either committed (seen here) or waits for this one (and fails).
        await _refuse_rows_elsewhere(conn, batch.changes)
        if found:
            await _record(conn, conflict_changes(found, HUB_CLOCK), HUB_DEVICE, batch.op, user)
        for project in sorted(batch.projects):
            await conn.execute("SELECT pg_notify(%s, %s)", [NOTIFY_CHANNEL, project])
    result = {"op": batch.op, "status": "applied", "seq": seq}
    await conn.execute(
        "UPDATE device_ops SET result = %s WHERE device_id = %s AND op_no = %s",
        [Jsonb(result), device_id, batch.op],
    )
    return result


async def _claim_device(conn: Conn, user: str, device_id: str) -> None:
    """A device's first push registers it to its user; 409 when it is another user's."""
    await conn.execute(
        "INSERT INTO devices (device_id, user_name) VALUES (%s, %s) ON CONFLICT DO NOTHING",
        [device_id, user],
    )
    cursor = await conn.execute("SELECT 1 FROM devices WHERE device_id = %s", [device_id])
    if await cursor.fetchone() is None:  # hidden by row-level security: another user's
        raise HubError(
            409, "device_conflict", f"device {device_id} is registered to another user on this hub"
        )


async def _refuse_rows_elsewhere(conn: Conn, changes: Sequence[Change]) -> None:
    """403 ``row_elsewhere`` naming the pushed row when a change reaches a row the hub holds
    under another project, makes a row refer to a row of another project (a row may refer
    to its own project's and to team's), or records a conflict about a row of another."""
    wanted: dict[tuple[str, str], set[str]] = {}  # (table, row) -> projects it may be in
    blame: dict[tuple[str, str], tuple[str, str]] = {}  # ... -> the pushed row that wants it
    subjects: dict[tuple[str, str], dict[str, Any]] = {}  # the rows conflict records name

    def want(key: tuple[str, str], projects: Iterable[str], pushed: tuple[str, str]) -> None:
        wanted.setdefault(key, set()).update(projects)
        blame.setdefault(key, pushed)

    for c in changes:
        pushed = (c.table, c.row_id)
        want(pushed, (c.project_key,), pushed)
        parent = references().get((c.table, c.column))
        if parent is not None:
            value = json.loads(c.value)
            if isinstance(value, str):
                want((parent, value), (c.project_key, TEAM), pushed)
        elif c.table == CONFLICTS_TABLE and c.column in ("table_name", "row_id"):
            subjects.setdefault((c.project_key, c.row_id), {})[c.column] = json.loads(c.value)
    for (project, record_id), subject in subjects.items():  # a record is in its row's project
        table, row_id = subject.get("table_name"), subject.get("row_id")
        if isinstance(table, str) and isinstance(row_id, str):
            want((table, row_id), (project,), (CONFLICTS_TABLE, record_id))
    keys = sorted(wanted)
    cursor = await conn.execute(
        "SELECT table_name, row_id, project_key FROM row_projects(%s, %s)",
        [[t for t, _ in keys], [r for _, r in keys]],
    )
    for table, row_id, project in sorted(await cursor.fetchall()):
        if project not in wanted[(table, row_id)]:
            culprit = blame[(table, row_id)]
            what = (
                f"row {row_id} of {table} belongs to another project on the hub: a row never"
                " moves between projects"
                if culprit == (table, row_id)
                else f"row {culprit[1]} of {culprit[0]} refers to row {row_id} of {table}, which"
                " belongs to another project: a row refers only to rows of its own project"
                " or of team"
            )
            raise HubError(
                403,
                "row_elsewhere",
                what,
                extra={"table": culprit[0], "row_id": culprit[1]},
            )


async def _record(
    conn: Conn, changes: Sequence[Change], device_id: str, op: int, user: str
) -> list[int]:
    """Append ``changes`` to the stream and merge them into the winning fields; their seqs."""
    columns = (
        [c.project_key for c in changes],
        [c.table for c in changes],
        [c.row_id for c in changes],
        [c.column for c in changes],
        [c.value for c in changes],
        [c.hlc for c in changes],
    )
    cursor = await conn.execute(
        """WITH inserted AS (
               INSERT INTO changes (project_key, table_name, row_id, column_name,
                                    value_json, hlc, device_id, op_no, user_name)
               SELECT p, t, r, c, v, h, %s, %s, %s
               FROM unnest(%s::text[], %s::text[], %s::text[], %s::text[], %s::text[],
                           %s::text[]) WITH ORDINALITY AS i(p, t, r, c, v, h, n)
               ORDER BY n
               RETURNING seq)
           SELECT min(seq), max(seq) FROM inserted""",
        [device_id, op, user, *columns],
    )
    first_last = await cursor.fetchone()
    assert first_last is not None
    # The winning value per field: the batch's own winner first (one row per field, as
    # ON CONFLICT requires), then last-writer-wins against the stored one. A row of
    # another project is left alone (row ids do not move between projects).
    await conn.execute(
        """INSERT INTO fields AS f (project_key, table_name, row_id, column_name,
                                   value_json, hlc, device_id, user_name)
           SELECT DISTINCT ON (t, r, c) p, t, r, c, v, h, %s, %s
           FROM (SELECT p, t COLLATE "C" AS t, r COLLATE "C" AS r, c COLLATE "C" AS c,
                        v COLLATE "C" AS v, h COLLATE "C" AS h
                 FROM unnest(%s::text[], %s::text[], %s::text[], %s::text[], %s::text[],
                             %s::text[]) AS u(p, t, r, c, v, h)) AS i
           ORDER BY t, r, c, h DESC, v DESC
           ON CONFLICT (table_name, row_id, column_name) DO UPDATE
           SET value_json = excluded.value_json, hlc = excluded.hlc,
               device_id = excluded.device_id, user_name = excluded.user_name
           WHERE f.project_key = excluded.project_key
             AND (excluded.hlc, excluded.device_id, excluded.value_json)
                 > (f.hlc, f.device_id, f.value_json)""",
        [device_id, user, *columns],
    )
    return [int(first_last[0]), int(first_last[1])]


async def _current_fields(conn: Conn, changes: Sequence[Change]) -> dict[Row, dict[str, Side]]:
    """The hub's fields of the rows a batch edits that its device had seen before."""
    rows = sorted({(c.table, c.row_id) for c in changes if c.row_base is not None})
    if not rows:
        return {}
    cursor = await conn.execute(
        """SELECT table_name, row_id, column_name, value_json, hlc, device_id, user_name
           FROM fields
           WHERE (table_name, row_id) IN (SELECT * FROM unnest(%s::text[], %s::text[]))""",
        [[t for t, _ in rows], [r for _, r in rows]],
    )
    current: dict[Row, dict[str, Side]] = {}
    for table, row_id, column, value, hlc, device, user in await cursor.fetchall():
        current.setdefault((table, row_id), {})[column] = Side(value, hlc, device, user)
    return current


def _change(row: tuple[Any, ...]) -> dict[str, Any]:
    seq, project, table, row_id, column, value, hlc, device = row
    return {
        "seq": seq,
        "table": table,
        "row_id": row_id,
        "project_id": None if project == TEAM else project,
        "column": column,
        "value": value,
        "hlc": hlc,
        "device_id": device,
    }


async def pull(conn: Conn, project: str, after: int, limit: int) -> dict[str, Any]:
    cursor = await conn.execute(
        """SELECT seq, project_key, table_name, row_id, column_name, value_json, hlc, device_id
           FROM changes WHERE project_key = %s AND seq > %s ORDER BY seq LIMIT %s""",
        [project, after, limit + 1],
    )
    rows = await cursor.fetchall()
    changes = [_change(row) for row in rows[:limit]]
    return {
        "changes": changes,
        "next": changes[-1]["seq"] if changes else after,
        "more": len(rows) > limit,
    }


async def summary(conn: Conn, project: str) -> dict[str, Any]:
    # One aggregate over every field of the project: a sort in memory rather than on disk,
    # and no JIT compilation (it costs more than it saves on a query run this often).
    await conn.execute("SET LOCAL jit = off")
    await conn.execute("SET LOCAL work_mem = '64MB'")
    cursor = await conn.execute(
        """SELECT count(DISTINCT (table_name, row_id)), count(*),
                  encode(sha256(convert_to(coalesce(string_agg(line, '' ORDER BY line), ''),
                                           'UTF8')), 'hex')
           FROM (SELECT (table_name || E'\\t' || row_id || E'\\t' || column_name || E'\\t'
                         || hlc || E'\\n') COLLATE "C" AS line,
                        table_name, row_id
                 FROM fields WHERE project_key = %s) AS lines""",
        [project],
    )
    row = await cursor.fetchone()
    assert row is not None
    return {"rows": int(row[0]), "fields": int(row[1]), "hash": str(row[2])}


async def snapshot(
    conn: Conn, project: str, after_row: tuple[str, str] | None, limit: int
) -> dict[str, Any]:
    """The winning fields of up to ``limit`` whole rows after ``after_row``."""
    table, row_id = after_row or ("", "")
    await conn.execute("SET LOCAL jit = off")  # its compile time is most of a page's query
    cursor = await conn.execute(
        """WITH page AS (
               SELECT DISTINCT table_name, row_id FROM fields
               WHERE project_key = %s AND (table_name, row_id) > (%s, %s)
               ORDER BY table_name, row_id LIMIT %s)
           SELECT f.table_name, f.row_id, f.column_name, f.value_json, f.hlc, f.device_id
           FROM fields f JOIN page USING (table_name, row_id)
           WHERE f.project_key = %s
           ORDER BY f.table_name, f.row_id, f.column_name""",
        [project, table, row_id, limit + 1, project],
    )
    rows = await cursor.fetchall()
    project_id = None if project == TEAM else project
    fields: list[dict[str, Any]] = []
    last: tuple[str, str] | None = None
    count = 0
    more = False
    for t, r, column, value, hlc, device in rows:
        if (t, r) != last:
            if count == limit:
                more = True
                break
            count += 1
            last = (t, r)
        fields.append(
            {
                "table": t,
                "row_id": r,
                "project_id": project_id,
                "column": column,
                "value": value,
                "hlc": hlc,
                "device_id": device,
            }
        )
    last = last or after_row
    return {
        "fields": fields,
        "next": f"{last[0]}:{last[1]}" if last else None,
        "more": more,
    }


#: One JSON row of the ``rows`` snapshot format per (table, row): PostgreSQL writes the text.
#: Names, ids and stamps are quoted as they are: the hub accepts only characters that need
#: no escape in them (protocol._IDENTIFIER, _KEY, _HLC); values are the stored JSON texts,
#: which the hub checked when they were pushed. ``stamps`` is null when every field of the
#: row has the row's stamp, else it gives every field's own (and the row's stamp is null).
_SNAPSHOT_ROWS = """
    SELECT table_name, row_id,
           '["' || table_name || '","' || row_id || '",'
           || CASE WHEN uniform THEN '"' || hlc || '","' || device || '"' ELSE 'null,null' END
           || ',{' || fields || '},'
           || CASE WHEN uniform THEN 'null' ELSE '{' || stamps || '}' END || ']'
    FROM (SELECT table_name, row_id, max(hlc) AS hlc, max(device_id) AS device,
                 min(hlc) = max(hlc) AND min(device_id) = max(device_id) AS uniform,
                 string_agg('"' || column_name || '":' || value_json, ',') AS fields,
                 string_agg('"' || column_name || '":["' || hlc || '","' || device_id || '"]',
                            ',') AS stamps
          FROM fields
          WHERE project_key = %s AND (table_name, row_id) > (%s, %s)
          GROUP BY table_name, row_id
          ORDER BY table_name, row_id
          LIMIT %s) AS page
    ORDER BY table_name, row_id"""


async def stream_head(conn: Conn, project: str) -> int:
    """The sequence number of the last change in the project's stream (0: none). Every
    change up to it is committed: a project's stream commits in sequence order."""
    cursor = await conn.execute(
        "SELECT coalesce(max(seq), 0) FROM changes WHERE project_key = %s", [project]
    )
    row = await cursor.fetchone()
    assert row is not None
    return int(row[0])


async def snapshot_rows(
    conn: Conn,
    project: str,
    after_row: tuple[str, str] | None,
    limit: int,
    *,
    head: int | None = None,
) -> bytes:
    """The ``rows`` format of :func:`snapshot` (docs/sync-protocol.md): the response body,
    written by PostgreSQL row by row, so the hub builds no object per field."""
    table, row_id = after_row or ("", "")
    await conn.execute("SET LOCAL jit = off")
    cursor = await conn.execute(_SNAPSHOT_ROWS, [project, table, row_id, limit + 1])
    rows = await cursor.fetchall()
    more = len(rows) > limit
    page = rows[:limit]
    last = (str(page[-1][0]), str(page[-1][1])) if page else after_row
    tail: dict[str, Any] = {"next": f"{last[0]}:{last[1]}" if last else None, "more": more}
    if head is not None:
        tail["head"] = head
    return b"".join(
        [
            b'{"rows":[',
            ",".join(str(row[2]) for row in page).encode(),
            b"],",
            json.dumps(tail)[1:].encode(),
        ]
    )


async def changed(conn: Conn, cursors: Mapping[str, int]) -> list[str]:
    """The projects among ``cursors`` with a change after their cursor."""
    keys = sorted(cursors)
    cursor = await conn.execute(
        """SELECT k FROM unnest(%s::text[], %s::bigint[]) AS c(k, after)
           WHERE EXISTS (SELECT 1 FROM changes WHERE project_key = c.k AND seq > c.after)
           ORDER BY k""",
        [keys, [cursors[k] for k in keys]],
    )
    return [str(row[0]) for row in await cursor.fetchall()]
