"""Whole-project downloads through ``/v1/snapshot``, and the summary compared with the hub's.

**Download.** The project's pull cursor is the last sequence number of its stream, given by
the hub with the first page (``head``), or from an older hub found first with a few long
polls (:func:`stream_positions`). Every row comes in pages of whole rows and is written in
bulk, one transaction per page; the cursor is saved only after the last page. A change
committed while the pages are read is in the stream after that cursor and is pulled again
next, which is harmless (the merge rule). Per field:

- the hub's value is written when its stamp is newer than the one here (an unsent local edit
  counts with its own stamp, so a newer unsent edit stays and is sent later); a row missing
  here is inserted whole;
- a field whose stamp here is newer than the hub's, with no unsent edit, and a field or row
  the hub does not have at all but this replica holds with a stamp: its creation or change
  went through the hub once (a stamp is only recorded when the hub acknowledged a push or
  sent the change), so the hub lost it, e.g. restored from a backup. It is kept and queued
  to be sent again with its own stamp: nothing is deleted here, unsent or not.

**Speed** (the initial pull of a big project is bound by it): pages come in the hub's ``rows``
format (one stamp per row, values decoded once per page). A :class:`SnapshotFeed` fetches
them ahead of the writing, in two threads, across the projects to download, so that a
project's first page is there when the one before is written. The writing
(:mod:`.page_writer`) writes the rows of a project with no rows here without looking them
up. The download's own connection checks foreign keys once at the end (over the project's
rows), does not sync the log at each page's commit, and copies the log into the database
once at the end.

**Summary.** ``rows``, ``fields`` and ``hash`` (docs/sync-protocol.md) over the field stamps
of the project's rows here, plus the fields this replica skipped (:mod:`.foreign`).
"""

from __future__ import annotations

import functools
import hashlib
import queue
import threading
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, Table
from sqlalchemy.exc import DBAPIError

from pm_desktop.core.hlc import ClockDriftError, HlcStamp
from pm_desktop.storage.base import Base
from pm_desktop.storage.database import Store, storage_error
from pm_desktop.storage.stamps import project_field_stamps
from pm_desktop.sync.apply import LOCAL_META, FieldKey, _synced_tables, pending_stamps
from pm_desktop.sync.client import TEAM, HubClient, HubSummary, SnapshotPage, SyncError
from pm_desktop.sync.foreign import foreign_lines, record_foreign
from pm_desktop.sync.page_writer import (
    STAMPS_TABLE,
    PageOutcome,
    Tables,
    Writer,
    resend_fields,
)

#: Rows per snapshot page: the most the hub gives.
SNAPSHOT_ROWS = 5000
_FIRST_ROWS = 500  # rows of the first page, then four times more per page up to SNAPSHOT_ROWS
FEED_THREADS = 2
"""Snapshot requests a download keeps open at once (on different projects)."""
_CHECKPOINT_PAGES = 10_000  # log pages (40 MB) a download lets grow before copying them


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
    feed: SnapshotFeed | None = None,
) -> DownloadResult:
    """Download the whole project (see the module's notes) and set its cursor to
    ``position``. The pages come from ``feed`` when given; ``position`` must then have been
    found before the feed started, or be None when the hub gives it with the first page
    (the ``snapshot_head`` feature). Without a feed, it is found first by default, with
    :func:`stream_positions`."""
    result = DownloadResult()
    if feed is None and position is None:
        position = stream_positions(client, [project])[project]
    tables = _synced_tables()
    try:
        with _bulk_connection(store) as connection:
            writer = Writer(connection, tables)
            with connection.begin():
                had_rows = _has_rows(connection, project, tables)
            hub_rows: dict[tuple[str, str], set[str]] | None = {} if had_rows else None
            skipped: dict[FieldKey, str] = {}
            newest = ""
            with _own_feed(client, project, feed) as pages:
                for page in pages:
                    if cancel is not None and cancel.is_set():
                        return result
                    position = _position(position, page)
                    with connection.begin():
                        outcome = writer.write(page, seen=hub_rows)
                        _add(result, outcome, skipped)
                        newest = max(newest, outcome.newest)
                        if page.more:
                            continue
                        # the last page: the rest in its transaction (one commit less)
                        if hub_rows is not None:
                            _resend_missing(connection, project, hub_rows, tables, result)
                        result.errors.extend(dangling_references(connection, tables, project))
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


def _position(position: int | None, page: SnapshotPage) -> int:
    """The cursor the download saves: found before, or given with the first page."""
    if position is not None:
        return position
    if page.head is None:
        raise SyncError("not_a_hub", "the hub did not say where the project's changes end")
    return page.head


def _add(result: DownloadResult, outcome: PageOutcome, skipped: dict[FieldKey, str]) -> None:
    result.written += outcome.written
    result.resent += outcome.resent
    result.errors.extend(outcome.errors)
    result.projects_to_reschedule |= outcome.projects_to_reschedule
    result.calendars_changed = result.calendars_changed or outcome.calendars_changed
    skipped.update(outcome.skipped)


@contextmanager
def _own_feed(
    client: HubClient, project: str, feed: SnapshotFeed | None
) -> Iterator[Iterator[SnapshotPage]]:
    """The project's pages from ``feed``, or from a feed of its own."""
    if feed is not None:
        yield feed.pages(project)
        return
    with SnapshotFeed(client, [project]) as own:
        yield own.pages(project)


def _save_cursor(connection: Connection, key: str, position: int) -> None:
    connection.execute(LOCAL_META.delete().where(LOCAL_META.c.key == key))
    connection.execute(LOCAL_META.insert().values(key=key, value=str(position)))


class SnapshotFeed:
    """The snapshot pages of the projects to download, fetched (and decoded) ahead of the
    writing by :data:`FEED_THREADS` threads, each taking the next project in this order: the
    next projects' pages are on their way while one is written, and the hub works on two
    requests at once. At most two pages of a project wait, so memory stays at about
    ``2 + 3 * FEED_THREADS`` pages.

    :meth:`pages` gives one project's pages; projects are taken in the feed's order, and the
    pages of a project skipped are dropped. Leaving the ``with`` block stops the threads.
    """

    def __init__(self, client: HubClient, projects: Sequence[str]) -> None:
        self._client = client
        self._projects = list(dict.fromkeys(projects))
        self._queues: dict[str, queue.Queue[SnapshotPage | Exception]] = {
            p: queue.Queue(maxsize=2) for p in self._projects
        }
        self._dropped = {p: threading.Event() for p in self._projects}
        self._next = 0  # index of the next project pages() may give
        self._to_fetch = iter(self._projects)
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._threads = [
            threading.Thread(target=self._fetch, name=f"snapshot pages {i + 1}", daemon=True)
            for i in range(min(FEED_THREADS, len(self._projects)))
        ]

    def __enter__(self) -> SnapshotFeed:
        for thread in self._threads:
            thread.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self._stop.set()
        for thread in self._threads:
            thread.join()  # each hands over a page only while not stopped

    def pages(self, project: str) -> Iterator[SnapshotPage]:
        """The pages of ``project``, a project of the feed not taken yet."""
        try:
            index = self._projects.index(project, self._next)
        except ValueError:
            raise ValueError(f"project {project} is not next in this snapshot feed") from None
        for skipped in self._projects[self._next : index]:
            self._dropped[skipped].set()
        self._next = index + 1
        pages = self._queues[project]
        while True:
            try:
                item = pages.get(timeout=0.5)
            except queue.Empty:
                if any(thread.is_alive() for thread in self._threads) or not pages.empty():
                    continue
                raise RuntimeError("the snapshot page readers stopped") from None
            if isinstance(item, Exception):
                raise item
            yield item
            if not item.more:
                return

    def _fetch(self) -> None:
        limit = min(_FIRST_ROWS, SNAPSHOT_ROWS)  # a small first page: writing starts sooner
        while not self._stop.is_set():
            with self._lock:
                project = next(self._to_fetch, None)
            if project is None:
                return
            pages, dropped = self._queues[project], self._dropped[project]
            after: str | None = None
            try:
                while not (self._stop.is_set() or dropped.is_set()):
                    page = self._client.snapshot(project, after, limit)
                    self._hand_over(pages, dropped, page)
                    limit = min(4 * limit, SNAPSHOT_ROWS)
                    if not page.more:
                        break
                    after = page.next
            except Exception as exc:  # raised again by the reader
                self._hand_over(pages, dropped, exc)

    def _hand_over(
        self,
        pages: queue.Queue[SnapshotPage | Exception],
        dropped: threading.Event,
        item: SnapshotPage | Exception,
    ) -> None:
        while not (self._stop.is_set() or dropped.is_set()):
            with suppress(queue.Full):
                pages.put(item, timeout=0.05)
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
        # The log is copied into the database once at the end, not every 1000 pages: a bulk
        # write touches the same index pages at every commit (and each copy syncs the file).
        raw.execute(f"PRAGMA wal_autocheckpoint = {_CHECKPOINT_PAGES}")
        cache = raw.execute("PRAGMA cache_size").fetchone()
        raw.execute("PRAGMA cache_size = -131072")  # 128 MiB: bulk index inserts stay in memory
        raw.execute(
            f"CREATE TABLE IF NOT EXISTS {STAMPS_TABLE}"
            " (table_name TEXT, row_id TEXT, hlc TEXT, device_id TEXT, columns TEXT)"
        )
        try:
            yield connection
        finally:
            if connection.in_transaction():
                connection.rollback()
            raw.execute(f"DROP TABLE IF EXISTS {STAMPS_TABLE}")
            raw.execute("PRAGMA wal_checkpoint(PASSIVE)")  # as far as readers allow
            raw.execute("PRAGMA wal_autocheckpoint = 1000")
            raw.execute("PRAGMA foreign_keys = ON")
            raw.execute("PRAGMA synchronous = FULL")
            raw.execute(f"PRAGMA cache_size = {int(cache[0]) if cache else -2000}")


def dangling_references(connection: Connection, tables: Tables, project: str) -> list[str]:
    """What of the project's rows refers to a row missing here (the hub lacks it, or it
    was skipped): one query over every reference, each looked up by the parent's key."""
    sql = _references_sql(tuple(tables), team=project == TEAM)
    found = connection.exec_driver_sql(sql, {"project": project}).all()
    return [
        f"{count} {child} rows refer to {parent} rows missing here"
        for child, parent, count in sorted(found)
        if count
    ]


@functools.cache
def _references_sql(names: tuple[str, ...], *, team: bool) -> str:
    """(child, parent, rows referring to a missing parent) per reference of these tables."""
    scope = "IS NULL" if team else "= :project"
    checks = []
    for name in names:
        table = Base.metadata.tables[name]
        for reference in sorted(table.foreign_keys, key=lambda fk: fk.parent.name):
            column, parent, key = (
                reference.parent.name,
                reference.column.table.name,
                reference.column.name,
            )
            if team and parent == "projects":
                continue  # team rows about a project not granted here, or not downloaded yet
            checks.append(
                f"SELECT '{name}', '{parent}', count(*) FROM \"{name}\" AS c"
                f' WHERE c.project_id {scope} AND c."{column}" IS NOT NULL AND NOT EXISTS'
                f' (SELECT 1 FROM "{parent}" AS p WHERE p."{key}" = c."{column}")'
            )
    return " UNION ALL ".join(checks)


# --- what the hub lacks --------------------------------------------------------------------


def _resend_missing(
    connection: Connection,
    project: str,
    hub_rows: Mapping[tuple[str, str], set[str]],
    tables: Tables,
    result: DownloadResult,
) -> None:
    """Queue again every stamped field here of a row or column the hub did not send."""
    pending = pending_stamps(connection)
    missing: dict[str, dict[str, list[tuple[str, str]]]] = {}
    for (t, r, c), hlc in local_lines(connection, project, tables).items():
        if c in hub_rows.get((t, r), ()) or (t, r, c) in pending:
            continue
        if c in tables[t][1]:
            missing.setdefault(t, {}).setdefault(r, []).append((c, hlc))
    for table_name, fields in missing.items():
        result.resent += resend_fields(connection, tables[table_name][0], fields)


# --- reading the replica -------------------------------------------------------------------


def _in_project(table: Table, project: str) -> Any:
    column = table.c.project_id
    return column.is_(None) if project == TEAM else column == project


def _has_rows(connection: Connection, project: str, tables: Tables) -> bool:
    sql = _any_row_sql(tuple(tables), team=project == TEAM)
    return bool(connection.exec_driver_sql(sql, {"project": project}).scalar())


@functools.cache
def _any_row_sql(names: tuple[str, ...], *, team: bool) -> str:
    """Whether any of these tables has a row of the project (one query, not one per table)."""
    scope = "IS NULL" if team else "= :project"
    return "SELECT " + " OR ".join(
        f'EXISTS (SELECT 1 FROM "{name}" WHERE project_id {scope})' for name in names
    )


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
