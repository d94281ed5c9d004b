"""Conflicts the hub finds while merging a push: it alone sees both sides.

Each pushed change says what its device had seen: ``base``, the stamp of the field's value it
edited, and ``row_base``, the newest stamp of the row it knew. A change meets a concurrent one
when the hub's value of the field (or row) is another device's and newer than what the pusher
had seen. Last writer still wins, the same on every replica; what the conflict adds is a record
of the loser, written as a synced ``sync_conflicts`` row, so nothing disappears silently:

- ``edit``: both changed the same text field; the losing text is kept in the record.
- ``delete``: one deleted a row the other edited (in either order of arrival). The row is kept:
  the hub writes ``deleted = false`` with a stamp newer than the deletion, and the record flags it.

Pure Python: the store reads the current fields and writes what :func:`conflict_changes` makes.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from pm_desktop.core.hlc import HlcStamp, HybridLogicalClock
from pm_desktop.hub.protocol import HUB_DEVICE, MAX_CLOCK_AHEAD_MS, TEAM, Change

CONFLICTS_TABLE = "sync_conflicts"
DELETED = "deleted"
_IDS = uuid.UUID("0b6f4f3e-2f1c-5d2a-9a57-7c1f4e0d9c21")

Row = tuple[str, str]


@dataclass(frozen=True, slots=True)
class Side:
    """One side of a conflict: a value (``value_json`` text) and who wrote it when."""

    value: str
    hlc: str
    device: str
    user: str


@dataclass(frozen=True, slots=True)
class Conflict:
    project_key: str
    table: str
    row_id: str
    column: str
    kind: str  # "edit" | "delete"
    kept: Side
    lost: Side

    @property
    def record_id(self) -> str:
        """The same conflict found twice (a batch pushed again) gets the same record."""
        key = f"{self.table}:{self.row_id}:{self.column}:{self.lost.hlc}:{self.lost.device}"
        return str(uuid.uuid5(_IDS, key))


def find_conflicts(
    changes: Sequence[Change], device: str, user: str, current: Mapping[Row, Mapping[str, Side]]
) -> list[Conflict]:
    """The conflicts of one device's batch against the hub's ``current`` fields by row."""
    last: dict[Row, dict[str, Change]] = {}
    for change in changes:
        columns = last.setdefault((change.table, change.row_id), {})
        held = columns.get(change.column)
        if held is None or change.hlc > held.hlc:
            columns[change.column] = change
    found: list[Conflict] = []
    for row, mine in last.items():
        fields = current.get(row)
        if not fields:
            continue
        any_change = next(iter(mine.values()))
        found.extend(_delete_conflict(any_change, mine, fields, device, user))
        for column, change in mine.items():
            held_side = fields.get(column)
            if (
                change.text
                and column != DELETED
                and held_side is not None
                and held_side.device != device
                and held_side.hlc != change.base
                and held_side.value != change.value
            ):
                pushed = Side(change.value, change.hlc, device, user)
                kept, lost = sorted([pushed, held_side], key=_order, reverse=True)
                found.append(_conflict(change, column, "edit", kept, lost))
    return found


def _delete_conflict(
    change: Change,
    mine: Mapping[str, Change],
    fields: Mapping[str, Side],
    device: str,
    user: str,
) -> list[Conflict]:
    """A deletion against an edit the deleter had not seen, or an edit against such a deletion."""
    row_base = max((c.row_base or "" for c in mine.values()), default="")
    held_deleted = fields.get(DELETED)
    deleting = mine.get(DELETED)
    if deleting is not None and deleting.value == "true":
        if held_deleted is not None and held_deleted.value == "true":
            return []  # deleted there already: nothing to keep
        unseen = [
            side
            for column, side in fields.items()
            if column != DELETED and side.device != device and side.hlc > row_base
        ]
        if not unseen:
            return []
        edit = max(unseen, key=_order)
        kept = Side("false", edit.hlc, edit.device, edit.user)
        lost = Side("true", deleting.hlc, device, user)
        return [_conflict(change, DELETED, "delete", kept, lost)]
    if deleting is not None:  # this device restores the row itself
        return []
    if (
        held_deleted is not None
        and held_deleted.value == "true"
        and held_deleted.device != device
        and held_deleted.hlc > row_base
    ):
        latest = max(mine.values(), key=lambda c: c.hlc)
        kept = Side("false", latest.hlc, device, user)
        return [_conflict(change, DELETED, "delete", kept, held_deleted)]
    return []


def _order(side: Side) -> tuple[str, str, str]:
    return (side.hlc, side.device, side.value)


def _conflict(change: Change, column: str, kind: str, kept: Side, lost: Side) -> Conflict:
    return Conflict(change.project_key, change.table, change.row_id, column, kind, kept, lost)


def hub_clock() -> HybridLogicalClock:
    """The clock of the hub's own changes; it accepts what the hub accepts from clients."""
    return HybridLogicalClock(HUB_DEVICE, max_drift_ms=MAX_CLOCK_AHEAD_MS + 3_600_000)


def conflict_changes(
    conflicts: Iterable[Conflict], clock: HybridLogicalClock, *, now: datetime | None = None
) -> list[Change]:
    """The hub's own changes for ``conflicts``: each record's fields, and the row kept when
    a deletion lost (``deleted = false`` stamped after every stamp involved)."""
    detected = json.dumps((now or datetime.now(UTC)).isoformat())
    made: list[Change] = []
    for conflict in conflicts:
        clock.observe(HlcStamp.decode(max(conflict.kept.hlc, conflict.lost.hlc)))
        stamp = clock.now().encode()
        project = None if conflict.project_key == TEAM else conflict.project_key
        record: dict[str, object] = {
            "id": conflict.record_id,
            "project_id": project,
            "table_name": conflict.table,
            "row_id": conflict.row_id,
            "column_name": conflict.column,
            "kind": conflict.kind,
            "kept_value": conflict.kept.value,
            "kept_hlc": conflict.kept.hlc,
            "kept_device": conflict.kept.device,
            "kept_user": conflict.kept.user,
            "lost_value": conflict.lost.value,
            "lost_hlc": conflict.lost.hlc,
            "lost_device": conflict.lost.device,
            "lost_user": conflict.lost.user,
            "resolution": "",
            "resolved_at": None,
            DELETED: False,
        }
        values = {column: json.dumps(value, ensure_ascii=False) for column, value in record.items()}
        values["detected_at"] = detected
        made.extend(
            Change(conflict.project_key, CONFLICTS_TABLE, conflict.record_id, column, value, stamp)
            for column, value in values.items()
        )
        if conflict.kind == "delete":
            made.append(
                Change(
                    conflict.project_key,
                    conflict.table,
                    conflict.row_id,
                    DELETED,
                    "false",
                    clock.now().encode(),
                )
            )
    return made
