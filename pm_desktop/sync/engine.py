"""One sync round with the hub: push this device's pending changes, then pull every project.

Push: pending change-log entries go in batches of at most :data:`BATCH_SIZE`, each with a
device operation number saved (with the batch's sequence range) *before* it is sent, so a
resend after a lost response carries the same op and the same entries, and the hub answers
``duplicate`` instead of applying them twice. Pull: one cursor per project (and ``team``) in
``local_meta``, advanced in the same transaction as the page it covers.
"""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, select, update

from pm_desktop.core.hlc import HlcStamp
from pm_desktop.core.schedule import DependencyCycleError
from pm_desktop.services.plan import PlanService
from pm_desktop.storage.database import Store
from pm_desktop.storage.models.local import LocalMeta
from pm_desktop.storage.models.projects import Project
from pm_desktop.sync.apply import CHANGE_LOG, FIELD_STAMPS, apply_page, upsert_stamps
from pm_desktop.sync.client import TEAM, HubClient, SyncError
from pm_desktop.sync.text_fields import text_columns

BATCH_SIZE = 1000
PAGE_SIZE = 1000
NEXT_OP_KEY = "sync.next_op"
PENDING_OP_KEY = "sync.pending_op"
CURSOR_PREFIX = "sync.cursor."


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


def sync_once(
    store: Store, client: HubClient, *, cancel: threading.Event | None = None
) -> SyncReport:
    """Push then pull once; raises :class:`SyncError` when the hub refuses or is unreachable."""
    report = SyncReport()
    hello = client.hello()
    report.pushed = push_pending(store, client, cancel=cancel)
    for project in [TEAM, *hello.projects]:
        if cancel is not None and cancel.is_set():
            report.cancelled = True
            break
        _pull_project(store, client, project, report, cancel)
    return report


# --- push -------------------------------------------------------------------------------


def push_pending(store: Store, client: HubClient, *, cancel: threading.Event | None = None) -> int:
    """Send every pending change-log entry; the number the hub acknowledged."""
    total = 0
    while not (cancel is not None and cancel.is_set()):
        batch = _pending_batch(store)
        if batch is None:
            return total
        op, first, last = batch
        changes = _batch_changes(store, first, last)
        results = client.push(store.device_id, [{"op": op, "changes": changes}])
        if not any(r.get("op") == op and r.get("status") in ("applied", "duplicate")
                   for r in results if isinstance(r, dict)):  # fmt: skip
            raise SyncError("push_refused", f"the hub did not accept batch {op}")
        _acknowledge(store, op, first, last)
        total += len(changes)
    return total


def _meta(connection: Connection, key: str) -> str | None:
    value = connection.scalar(select(LocalMeta.value).where(LocalMeta.key == key))
    return None if value is None else str(value)


def _set_meta(connection: Connection, key: str, value: str | None) -> None:
    table = LocalMeta.metadata.tables[LocalMeta.__tablename__]
    connection.execute(table.delete().where(table.c.key == key))
    if value is not None:
        connection.execute(table.insert().values(key=key, value=value))


def _pending_batch(store: Store) -> tuple[int, int, int] | None:
    """The batch to send: the one already numbered but unacknowledged, else a new one."""
    with store.write() as session:
        connection = session.connection()
        saved = _meta(connection, PENDING_OP_KEY)
        if saved is not None:
            pending = json.loads(saved)
            return int(pending["op"]), int(pending["first"]), int(pending["last"])
        log = CHANGE_LOG.c
        seqs = list(
            connection.scalars(
                select(log.seq).where(log.pushed.is_(False)).order_by(log.seq).limit(BATCH_SIZE)
            )
        )
        if not seqs:
            return None
        op = int(_meta(connection, NEXT_OP_KEY) or "1")
        _set_meta(connection, NEXT_OP_KEY, str(op + 1))
        pending_value = json.dumps({"op": op, "first": seqs[0], "last": seqs[-1]})
        _set_meta(connection, PENDING_OP_KEY, pending_value)
        return op, seqs[0], seqs[-1]


def _batch_changes(store: Store, first: int, last: int) -> list[dict[str, Any]]:
    """The entries of a batch as the hub takes them, each with what this replica had seen
    of its field (``base``) and row (``row_base``) from the hub: the hub finds conflicts by
    them (docs/sync-protocol.md)."""
    log = CHANGE_LOG.c
    query = (
        select(log.table_name, log.row_id, log.project_id, log.column_name, log.value_json, log.hlc)
        .where(log.pushed.is_(False), log.seq.between(first, last))
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
    s = FIELD_STAMPS.c
    found: dict[tuple[str, str], dict[str, str]] = {}
    by_table: dict[str, list[str]] = {}
    for table_name, row_id in rows:
        by_table.setdefault(table_name, []).append(row_id)
    for table_name, row_ids in by_table.items():
        for start in range(0, len(row_ids), 500):
            query = select(s.row_id, s.column_name, s.hlc).where(
                s.table_name == table_name, s.row_id.in_(row_ids[start : start + 500])
            )
            for row_id, column, hlc in connection.execute(query):
                found.setdefault((table_name, row_id), {})[column] = hlc
    return found


def _acknowledge(store: Store, op: int, first: int, last: int) -> None:
    """The hub has batch ``op``: mark its entries pushed and stamp their fields."""
    log = CHANGE_LOG.c
    with store.write() as session:
        connection = session.connection()
        entries = connection.execute(
            select(log.table_name, log.row_id, log.column_name, log.hlc).where(
                log.pushed.is_(False), log.seq.between(first, last)
            )
        ).all()
        upsert_stamps(
            connection, (((t, r, c), (h, HlcStamp.decode(h).device)) for t, r, c, h in entries)
        )
        connection.execute(
            update(CHANGE_LOG)
            .where(log.pushed.is_(False), log.seq.between(first, last))
            .values(pushed=True)
        )
        _set_meta(connection, PENDING_OP_KEY, None)


# --- pull -------------------------------------------------------------------------------


def _pull_project(
    store: Store,
    client: HubClient,
    project: str,
    report: SyncReport,
    cancel: threading.Event | None,
) -> None:
    key = CURSOR_PREFIX + project
    with store.read() as session:
        after = int(session.scalar(select(LocalMeta.value).where(LocalMeta.key == key)) or 0)
    reschedule: set[str] = set()
    calendars = False
    while not (cancel is not None and cancel.is_set()):
        page = client.pull(project, after, PAGE_SIZE)
        result = apply_page(
            store, page.changes, more=page.more, after=after, next_seq=page.next, cursor_key=key
        )
        cursor = page.next if result.resume_after is None else result.resume_after
        report.pulled += result.applied
        report.conflicts += result.lost
        report.errors.extend(result.errors)
        reschedule |= result.projects_to_reschedule
        calendars = calendars or result.calendars_changed
        if not page.more and cursor == page.next:
            break
        after = cursor
    report.errors.extend(_reschedule(store, reschedule, everything=calendars))


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
