"""One sync round with the hub: push this device's pending changes, then pull every project.

Push: pending change-log entries go in batches of at most :data:`BATCH_SIZE`, each with a
device operation number saved (with the batch's sequence range) *before* it is sent, so a
resend after a lost response carries the same op and the same entries, and the hub answers
``duplicate`` instead of applying them twice. Pull: one cursor per project (and ``team``) in
``local_meta``, advanced in the same transaction as the page it covers.

A project never pulled here is downloaded whole instead (:mod:`pm_desktop.sync.snapshot`):
its rows in bulk, not its history; the pages of the next such project are fetched while one
is written. So is a project whose stream, empty at its first pull, has grown past one pull of
:data:`FIRST_PULL_LIMIT` changes.

**Mass deletions are held.** The changes of a pull are read before any is applied. When they
would delete more than :data:`HOLD_SHARE` of the rows live here of a project (over all its
synced tables; the team-wide rows count as project ``team``) and the project has at least
:data:`HOLD_MIN_ROWS` live rows, none of them is applied, the cursor stays, and the report
names the project (:class:`HeldDeletion`) until a sync with the project in
``allow_deletions``. Smaller projects are not guarded: a deletion there is small enough to see
and redo. A full download (first pull, or the repair below) is not held.

**Summary check.** After the pull, at most every :data:`SUMMARY_INTERVAL_S` per project, and
only when nothing of the project waits to be sent, the hub's ``/v1/summary`` is compared with
the replica's. On a difference the project is pulled again (the hub may just have moved on)
and compared again; when it still differs, what is pending is pushed and the project is
downloaded whole (``SyncReport.redownloaded``); :mod:`pm_desktop.sync.snapshot` says what
happens to rows the hub lacks (they are sent again, never deleted).
"""

from __future__ import annotations

import bisect
import json
import threading
import time
from dataclasses import dataclass, field, replace
from typing import Any

from sqlalchemy import ColumnElement, Connection, and_, func, or_, select, tuple_, update

from pm_desktop.core.hlc import HlcStamp
from pm_desktop.core.schedule import DependencyCycleError
from pm_desktop.services.plan import PlanService
from pm_desktop.storage.database import Store
from pm_desktop.storage.models.local import LocalMeta
from pm_desktop.storage.models.projects import Project
from pm_desktop.storage.stamps import row_field_stamps
from pm_desktop.sync.apply import (
    CHANGE_LOG,
    PageResult,
    _synced_tables,
    apply_page,
    upsert_stamps,
)
from pm_desktop.sync.client import ROW_ELSEWHERE, SNAPSHOT_HEAD, TEAM, HubClient, SyncError
from pm_desktop.sync.deletions import DeletionTally, count_deletions
from pm_desktop.sync.snapshot import (
    SnapshotFeed,
    dangling_references,
    download,
    local_summary,
    stream_positions,
)
from pm_desktop.sync.text_fields import text_columns

BATCH_SIZE = 1000
PAGE_SIZE = 1000
"""Pulled changes applied per transaction."""
FETCH_LIMIT = 5000
"""Changes asked per pull request (the hub's maximum)."""
FIRST_PULL_LIMIT = 1000
"""Changes asked by a pull from the start of a project's stream (a project empty when it was
first downloaded here): a project with more is downloaded whole."""
LOOKAHEAD_MAX = 100_000
"""Pulled changes kept in memory while counting deletions; a longer pull is read again."""
HOLD_SHARE = 0.2
HOLD_MIN_ROWS = 50
SUMMARY_INTERVAL_S = 300.0
NEXT_OP_KEY = "sync.next_op"
PENDING_OP_KEY = "sync.pending_op"
CURSOR_PREFIX = "sync.cursor."
CHECKED_PREFIX = "sync.checked."


@dataclass(frozen=True)
class HeldDeletion:
    """A project whose pulled changes were not applied: they would delete too many rows."""

    project_id: str
    project_name: str
    """The local project's name ("" when unknown, and for ``team``, the team-wide rows)."""
    deleting: int
    """Rows the pulled changes would delete (live here, deleted=true in the pull)."""
    rows: int
    """Live rows of that project here before the pull."""
    by_table: tuple[tuple[str, int], ...] = ()
    """``deleting`` per table (its name), most first."""


@dataclass
class SyncReport:
    pushed: int = 0
    """Change-log entries the hub has now (applied or already had)."""
    pulled: int = 0
    """Remote changes written into this replica."""
    conflicts: int = 0
    """Remote changes that lost to a newer value of the same field here."""
    errors: list[str] = field(default_factory=list)
    cancelled: bool = False
    held_deletions: list[HeldDeletion] = field(default_factory=list)
    redownloaded: list[str] = field(default_factory=list)
    """Projects downloaded again whole because their summary differed from the hub's."""
    checked: list[str] = field(default_factory=list)
    """Projects whose summary was compared with the hub's this round."""
    not_granted: list[str] = field(default_factory=list)
    """Projects with changes waiting here that the hub does not let this user write: they
    stay here until the project is shared with the user on the hub."""
    refusals: dict[str, str] = field(default_factory=dict)
    """The hub's reason for each of ``not_granted`` (e.g. revoked on a date)."""
    granted: frozenset[str] | None = None
    """The projects the hub lets this user write, as it said at the start of the round."""
    rows_written: set[tuple[str, str]] = field(default_factory=set)
    """The (table, row id) of every row pulled changes wrote here (downloads aside)."""
    rows_sent: set[tuple[str, str]] = field(default_factory=set)
    """The (table, row id) of every row whose changes the hub acknowledged."""
    downloaded: list[str] = field(default_factory=list)
    """Projects downloaded whole this round (first download or re-download)."""
    refused_rows: dict[tuple[str, str], str] = field(default_factory=dict)
    """(table, row id) -> why: rows whose changes the hub refused (their id is another
    project's there); their changes stay here, and the rest was sent."""


def sync_once(
    store: Store,
    client: HubClient,
    *,
    cancel: threading.Event | None = None,
    allow_deletions: frozenset[str] = frozenset(),
) -> SyncReport:
    """Push then pull once; raises :class:`SyncError` when the hub refuses or is unreachable.

    ``allow_deletions``: the projects whose held deletions the user agreed to.
    """
    report = SyncReport()
    hello = client.hello()
    granted = report.granted = frozenset(hello.projects)
    report.pushed = push_pending(
        store, client, cancel=cancel, granted=granted, sent_rows=report.rows_sent,
        refused=report.refused_rows,
    )  # fmt: skip
    report.not_granted = not_granted(store, granted)
    for project in report.not_granted:
        report.refusals[project] = _refusal(client, project)
    projects = [TEAM, *hello.projects]
    never = _never_pulled(store, projects)
    # Where each stream ends comes with the first page from a hub that gives it (None), or
    # is found first (a few long polls for all the projects at once).
    positions: dict[str, int | None] = dict.fromkeys(never)
    if never and SNAPSHOT_HEAD not in hello.features:
        positions.update(stream_positions(client, never))
    with SnapshotFeed(client, never) as feed:  # their pages come while others are written
        for project in projects:
            if cancel is not None and cancel.is_set():
                report.cancelled = True
                break
            if project in positions:
                done = _download(
                    store, client, project, report, cancel,
                    position=positions[project], feed=feed,
                )  # fmt: skip
            else:
                done = _pull_project(
                    store, client, project, report, cancel, allow_deletions=allow_deletions
                )
            if done:
                _check(
                    store, client, project, report, cancel=cancel, allow_deletions=allow_deletions
                )
    return report


# --- push -------------------------------------------------------------------------------


def push_pending(
    store: Store,
    client: HubClient,
    *,
    cancel: threading.Event | None = None,
    granted: frozenset[str] | None = None,
    sent_rows: set[tuple[str, str]] | None = None,
    refused: dict[tuple[str, str], str] | None = None,
) -> int:
    """Send every pending change-log entry; the number the hub acknowledged (their
    (table, row id) are added to ``sent_rows``).

    With ``granted`` (the projects the hub lets this user write), entries of other projects
    stay pending (see :func:`not_granted`) instead of making the hub refuse the whole push.
    A row the hub refuses (``row_elsewhere``: it holds that id under another project) is
    held back: its entries stay pending, the rest goes, and ``refused`` gets why.
    """
    total = 0
    skip = frozenset() if granted is None else frozenset(not_granted(store, granted))
    held: set[tuple[str, str]] = set()
    while not (cancel is not None and cancel.is_set()):
        batch = _pending_batch(store, skip, frozenset(held))
        if batch is None:
            return total
        changes = _batch_changes(store, batch)
        try:
            results = client.push(store.device_id, [{"op": batch.op, "changes": changes}])
        except SyncError as error:
            if error.code != ROW_ELSEWHERE or error.row is None or error.row in batch.held:
                raise
            held.add(error.row)
            _hold_back(store, batch, error.row)
            if refused is not None:
                refused[error.row] = error.message
            continue
        if not any(r.get("op") == batch.op and r.get("status") in ("applied", "duplicate")
                   for r in results if isinstance(r, dict)):  # fmt: skip
            raise SyncError("push_refused", f"the hub did not accept batch {batch.op}")
        _acknowledge(store, batch)
        total += len(changes)
        if sent_rows is not None:
            sent_rows.update((str(c["table"]), str(c["row_id"])) for c in changes)
    return total


def not_granted(store: Store, granted: frozenset[str]) -> list[str]:
    """Projects with changes waiting here that the hub does not let this user write (not
    shared with them, revoked, or made here and not yet on the hub), in id order."""
    log = CHANGE_LOG.c
    query = select(log.project_id).where(log.pushed.is_(False), log.project_id.is_not(None))
    with store.read() as session:
        waiting = set(session.scalars(query.distinct()))
    return sorted(waiting - granted)


def _refusal(client: HubClient, project: str) -> str:
    """What the hub says when asked for a project it does not share with this user."""
    try:
        client.pull(project, 0, 1)
    except SyncError as error:
        if error.code == "not_granted":
            return error.message
        raise
    return ""  # granted meanwhile: sent at the next round


@dataclass(frozen=True)
class _Batch:
    op: int
    first: int
    last: int
    skip: frozenset[str]
    """Projects left out: their entries in first..last stay pending."""
    held: frozenset[tuple[str, str]] = frozenset()
    """Rows left out (the hub refused them): their entries stay pending too."""

    def entries(self) -> ColumnElement[bool]:
        log = CHANGE_LOG.c
        return and_(
            log.pushed.is_(False),
            log.seq.between(self.first, self.last),
            *_left_out(self.skip, self.held),
        )

    def saved(self) -> str:
        return json.dumps(
            {
                "op": self.op,
                "first": self.first,
                "last": self.last,
                "skip": sorted(self.skip),
                "held": sorted(self.held),
            }
        )


def _left_out(skip: frozenset[str], held: frozenset[tuple[str, str]]) -> list[ColumnElement[bool]]:
    """The conditions that leave out the entries of the ``skip`` projects and ``held`` rows."""
    log = CHANGE_LOG.c
    conditions: list[ColumnElement[bool]] = []
    if skip:
        conditions.append(or_(log.project_id.is_(None), log.project_id.not_in(skip)))
    if held:
        conditions.append(tuple_(log.table_name, log.row_id).not_in(sorted(held)))
    return conditions


def _meta(connection: Connection, key: str) -> str | None:
    value = connection.scalar(select(LocalMeta.value).where(LocalMeta.key == key))
    return None if value is None else str(value)


def _set_meta(connection: Connection, key: str, value: str | None) -> None:
    table = LocalMeta.metadata.tables[LocalMeta.__tablename__]
    connection.execute(table.delete().where(table.c.key == key))
    if value is not None:
        connection.execute(table.insert().values(key=key, value=value))


def _pending_batch(
    store: Store, skip: frozenset[str], held: frozenset[tuple[str, str]] = frozenset()
) -> _Batch | None:
    """The batch to send: the one already numbered but unacknowledged (exactly as it was
    first sent), else a new one of the pending entries not of the ``skip`` projects nor of
    the ``held`` rows."""
    with store.write() as session:
        connection = session.connection()
        saved = _meta(connection, PENDING_OP_KEY)
        if saved is not None:
            pending = json.loads(saved)
            return _Batch(
                int(pending["op"]),
                int(pending["first"]),
                int(pending["last"]),
                frozenset(pending.get("skip", ())),
                frozenset((str(t), str(r)) for t, r in pending.get("held", ())),
            )
        log = CHANGE_LOG.c
        query = select(log.seq).where(log.pushed.is_(False), *_left_out(skip, held))
        seqs = list(connection.scalars(query.order_by(log.seq).limit(BATCH_SIZE)))
        if not seqs:
            return None
        last = _end_of_row_change(connection, seqs[-1])
        op = int(_meta(connection, NEXT_OP_KEY) or "1")
        _set_meta(connection, NEXT_OP_KEY, str(op + 1))
        batch = _Batch(op, seqs[0], last, skip, held)
        _set_meta(connection, PENDING_OP_KEY, batch.saved())
        return batch


def _hold_back(store: Store, batch: _Batch, row: tuple[str, str]) -> None:
    """Send ``batch`` again without ``row``, under the same op: the hub refused the batch
    whole (its transaction rolled back), so that op is still unused there."""
    smaller = replace(batch, held=batch.held | {row})
    with store.write() as session:
        _set_meta(session.connection(), PENDING_OP_KEY, smaller.saved())


def _end_of_row_change(connection: Connection, seq: int) -> int:
    """The last entry of the row change ``seq`` belongs to (same row, same stamp).

    A batch never splits one: the hub stores a batch contiguously, so a new row's fields
    stay together in the stream and a puller never sees a row without its required fields.
    """
    log = CHANGE_LOG.c
    entry = connection.execute(
        select(log.table_name, log.row_id, log.hlc).where(log.seq == seq)
    ).one()
    end = connection.scalar(
        select(func.max(log.seq)).where(
            log.pushed.is_(False),
            log.seq.between(seq, seq + BATCH_SIZE),
            log.table_name == entry.table_name,
            log.row_id == entry.row_id,
            log.hlc == entry.hlc,
        )
    )
    return int(end if end is not None else seq)


def _batch_changes(store: Store, batch: _Batch) -> list[dict[str, Any]]:
    """The entries of a batch as the hub takes them, each with what this replica had seen
    of its field (``base``) and row (``row_base``) from the hub: the hub finds conflicts by
    them (docs/sync-protocol.md)."""
    log = CHANGE_LOG.c
    query = (
        select(log.table_name, log.row_id, log.project_id, log.column_name, log.value_json, log.hlc)
        .where(batch.entries())
        .order_by(log.seq)
    )
    texts = text_columns()
    with store.read() as session:
        entries = session.execute(query).all()
        seen = _seen_stamps(session.connection(), {(t, r) for t, r, *_ in entries})
    changes = []
    for t, r, p, c, v, h in entries:
        fields = seen.get((t, r), {})
        changes.append(
            {
                "table": t, "row_id": r, "project_id": p, "column": c, "value": v, "hlc": h,
                "base": fields.get(c), "row_base": max(fields.values(), default=None),
                "text": c in texts.get(t, ()),
            }
        )  # fmt: skip
    return changes


def _seen_stamps(
    connection: Connection, rows: set[tuple[str, str]]
) -> dict[tuple[str, str], dict[str, str]]:
    """The field stamps this replica holds for ``rows``: (table, row) -> column -> hlc."""
    found: dict[tuple[str, str], dict[str, str]] = {}
    by_table: dict[str, list[str]] = {}
    for table_name, row_id in rows:
        by_table.setdefault(table_name, []).append(row_id)
    for table_name, row_ids in by_table.items():
        stamps = row_field_stamps(connection, table_name, row_ids)
        for (row_id, column), (hlc, _device) in stamps.items():
            found.setdefault((table_name, row_id), {})[column] = hlc
    return found


def _acknowledge(store: Store, batch: _Batch) -> None:
    """The hub has ``batch``: mark its entries pushed and stamp their fields."""
    log = CHANGE_LOG.c
    with store.write() as session:
        connection = session.connection()
        entries = connection.execute(
            select(log.table_name, log.row_id, log.column_name, log.hlc).where(batch.entries())
        ).all()
        upsert_stamps(
            connection, (((t, r, c), (h, HlcStamp.decode(h).device)) for t, r, c, h in entries)
        )
        connection.execute(update(CHANGE_LOG).where(batch.entries()).values(pushed=True))
        _set_meta(connection, PENDING_OP_KEY, None)


# --- pull -------------------------------------------------------------------------------


def _cursor(store: Store, key: str) -> int:
    with store.read() as session:
        return int(session.scalar(select(LocalMeta.value).where(LocalMeta.key == key)) or 0)


def _never_pulled(store: Store, projects: list[str]) -> list[str]:
    """Those of ``projects`` never pulled nor downloaded here (no cursor saved, not even 0)."""
    keys = [CURSOR_PREFIX + p for p in projects]
    with store.read() as session:
        saved = set(session.scalars(select(LocalMeta.key).where(LocalMeta.key.in_(keys))))
    return [p for p, key in zip(projects, keys, strict=True) if key not in saved]


def _pull_project(
    store: Store,
    client: HubClient,
    project: str,
    report: SyncReport,
    cancel: threading.Event | None,
    *,
    allow_deletions: frozenset[str] = frozenset(),
) -> bool:
    """Pull the project's new changes; False when they were held back or the pull cancelled.

    Every change is read before any is applied, to count the rows it would delete (see the
    module's notes); up to :data:`LOOKAHEAD_MAX` are kept, a longer pull is read again.
    """
    key = CURSOR_PREFIX + project
    after = _cursor(store, key)
    page = client.pull(
        project, after, min(FIRST_PULL_LIMIT, FETCH_LIMIT) if after == 0 else FETCH_LIMIT
    )
    if after == 0 and page.more:  # its first changes came after its first pull
        return _download(store, client, project, report, cancel)
    tally = DeletionTally()
    tally.add(page.changes)
    kept: list[dict[str, Any]] | None = list(page.changes)
    end = page.next
    while page.more:
        if cancel is not None and cancel.is_set():
            report.cancelled = True
            return False
        page = client.pull(project, end, FETCH_LIMIT)
        tally.add(page.changes)
        if kept is not None:
            kept.extend(page.changes)
            kept = kept if len(kept) <= LOOKAHEAD_MAX else None
        end = page.next
    if end == after:
        return True
    if project not in allow_deletions:
        count = count_deletions(store, project, tally)
        if count.rows >= HOLD_MIN_ROWS and count.deleting > HOLD_SHARE * count.rows:
            report.held_deletions.append(
                HeldDeletion(
                    project, count.project_name, count.deleting, count.rows, count.by_table
                )
            )
            return False
    if kept is None:
        return _pull_pages(store, client, project, after, report, cancel=cancel)
    _apply_kept(store, project, after, kept, report)
    return True


def _apply_kept(
    store: Store, project: str, after: int, changes: list[dict[str, Any]], report: SyncReport
) -> None:
    """Apply pulled changes held in memory, :data:`PAGE_SIZE` per transaction."""
    key = CURSOR_PREFIX + project
    seqs: list[int] = []
    for change in changes:
        seq = change.get("seq")
        if not isinstance(seq, int):
            raise SyncError("not_a_hub", "the hub sent a change without its sequence number")
        seqs.append(seq)
    reschedule: set[str] = set()
    calendars = wrote = False
    start, size = 0, PAGE_SIZE
    while start < len(changes):
        chunk = changes[start : start + size]
        last = int(chunk[-1]["seq"])
        result = apply_page(
            store, chunk, more=start + size < len(changes), after=after, next_seq=last,
            cursor_key=key, foreign_project=project,
        )  # fmt: skip
        _count(report, result)
        reschedule |= result.projects_to_reschedule
        calendars = calendars or result.calendars_changed
        wrote = wrote or result.applied > 0
        if result.resume_after is None:
            after, start, size = last, start + size, PAGE_SIZE
        elif result.resume_after == after:  # a new row longer than the chunk
            size *= 2
        else:  # a new row's fields run past the chunk: the next one starts with it
            after, size = result.resume_after, PAGE_SIZE
            start = bisect.bisect_right(seqs, after)
    report.errors.extend(_reschedule(store, reschedule, everything=calendars))
    if wrote:
        report.errors.extend(_dangling(store, project))


def _pull_pages(
    store: Store,
    client: HubClient,
    project: str,
    after: int,
    report: SyncReport,
    *,
    cancel: threading.Event | None,
) -> bool:
    """Pull and apply page by page (a pull too long to keep in memory); False if cancelled."""
    key = CURSOR_PREFIX + project
    reschedule: set[str] = set()
    calendars = wrote = done = False
    limit = PAGE_SIZE
    while not (cancel is not None and cancel.is_set()):
        page = client.pull(project, after, limit)
        result = apply_page(
            store, page.changes, more=page.more and limit < FETCH_LIMIT, after=after,
            next_seq=page.next, cursor_key=key, foreign_project=project,
        )  # fmt: skip
        _count(report, result)
        reschedule |= result.projects_to_reschedule
        calendars = calendars or result.calendars_changed
        wrote = wrote or result.applied > 0
        if result.resume_after == after:  # a new row longer than the page: a bigger one
            limit = min(2 * limit, FETCH_LIMIT)
            continue
        limit = PAGE_SIZE
        cursor = page.next if result.resume_after is None else result.resume_after
        if not page.more and cursor == page.next:
            done = True
            break
        after = cursor
    report.errors.extend(_reschedule(store, reschedule, everything=calendars))
    if wrote:
        report.errors.extend(_dangling(store, project))
    return done


def _dangling(store: Store, project: str) -> list[str]:
    """The project's rows that refer to rows missing here, after a pull wrote some."""
    with store.read() as session:
        return dangling_references(session.connection(), _synced_tables(), project)


def _count(report: SyncReport, result: PageResult) -> None:
    report.pulled += result.applied
    report.conflicts += result.lost
    report.errors.extend(result.errors)
    report.rows_written |= result.rows_written


def _download(
    store: Store,
    client: HubClient,
    project: str,
    report: SyncReport,
    cancel: threading.Event | None,
    *,
    position: int | None = None,
    feed: SnapshotFeed | None = None,
) -> bool:
    """Download the whole project (:mod:`pm_desktop.sync.snapshot`); False if cancelled."""
    result = download(
        store, client, project, cursor_key=CURSOR_PREFIX + project, cancel=cancel,
        position=position, feed=feed,
    )  # fmt: skip
    report.pulled += result.written
    report.errors.extend(result.errors)
    report.errors.extend(
        _reschedule(store, result.projects_to_reschedule, everything=result.calendars_changed)
    )
    if result.resent:
        report.pushed += push_pending(
            store, client, cancel=cancel, granted=report.granted, sent_rows=report.rows_sent
        )
    if result.written:
        report.downloaded.append(project)
    if not result.complete and cancel is not None and cancel.is_set():
        report.cancelled = True
    if result.complete:
        _set_checked(store, project, time.time())
    return result.complete


# --- the summary check ------------------------------------------------------------------


def _check(
    store: Store,
    client: HubClient,
    project: str,
    report: SyncReport,
    *,
    cancel: threading.Event | None,
    allow_deletions: frozenset[str],
) -> None:
    """Compare the project's summary with the hub's when due; download it again on a
    difference that pulling does not explain (see the module's notes)."""
    allow = allow_deletions
    if not _check_due(store, project):
        return
    for attempt in range(3):
        if _has_pending(store, project):
            return  # the user edited meanwhile: next round
        if cancel is not None and cancel.is_set():
            return
        hub, here = client.summary(project), local_summary(store, project)
        if hub == here:
            report.checked.append(project)
            _set_checked(store, project, time.time())
            return
        before = _cursor(store, CURSOR_PREFIX + project)
        if attempt == 2:
            return  # the hub keeps changing: compare at the next round
        if not _pull_project(store, client, project, report, cancel, allow_deletions=allow):
            return
        if _cursor(store, CURSOR_PREFIX + project) == before:
            break  # nothing new on the hub explains the difference
    report.pushed += push_pending(
        store, client, cancel=cancel, granted=report.granted, sent_rows=report.rows_sent
    )
    report.checked.append(project)
    if _download(store, client, project, report, cancel):
        report.redownloaded.append(project)
        _set_checked(store, project, 0.0)  # verify the download at the next round


def _check_due(store: Store, project: str) -> bool:
    with store.read() as session:
        last = session.scalar(
            select(LocalMeta.value).where(LocalMeta.key == CHECKED_PREFIX + project)
        )
    return last is None or time.time() - float(last) >= SUMMARY_INTERVAL_S


def _set_checked(store: Store, project: str, when: float) -> None:
    with store.write() as session:
        _set_meta(session.connection(), CHECKED_PREFIX + project, repr(when))


def _has_pending(store: Store, project: str) -> bool:
    log = CHANGE_LOG.c
    scope = log.project_id.is_(None) if project == TEAM else log.project_id == project
    with store.read() as session:
        return (
            session.scalar(select(log.seq).where(log.pushed.is_(False), scope).limit(1)) is not None
        )


def _reschedule(store: Store, projects: set[str], *, everything: bool) -> list[str]:
    """Recompute the derived plan dates of the projects whose plan inputs changed.

    Links made on two devices can each be fine yet close a loop once merged: that plan keeps
    its previous dates (until someone removes a link) and the loop is reported, rather than
    failing the sync after the pulled changes were already saved. Returns those reports.
    """
    with store.read() as session:
        live = set(session.scalars(select(Project.id).where(Project.deleted.is_(False))))
    plan = PlanService(store)
    errors: list[str] = []
    for project_id in sorted(live if everything else projects & live):
        try:
            plan.reschedule(project_id)
        except DependencyCycleError as exc:
            errors.append(f"the plan of project {project_id} could not be rescheduled: {exc}")
    return errors
