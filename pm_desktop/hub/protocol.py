"""What docs/sync-protocol.md fixes: versions, limits, error codes and the shape of a change.

Pure Python: parsing and validating requests, no HTTP and no database.
"""

from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass
from typing import Any

from pm_desktop.core.hlc import HlcStamp
from pm_desktop.locations import migrations_dir
from pm_desktop.storage.schema import SCHEMA_HEAD

PROTOCOL = 1
MIN_PROTOCOL = 1
#: What this hub does beyond the protocol, named in ``/v1/hello`` (a client asks only an older
#: hub's way when a feature is missing). ``snapshot_head``: a snapshot's first page gives
#: ``head``, the last sequence number of the project's stream, read before the page's rows.
FEATURES = ("snapshot_head",)

TEAM = "team"
#: The device id of the hub's own changes (conflict records): no client may push as it.
HUB_DEVICE = "hub"
MAX_BODY_BYTES = 8 * 1024 * 1024
MAX_CHANGES = 5000
MAX_PAGE = 5000
DEFAULT_PAGE = 1000
MAX_WAIT_S = 30.0
MAX_SEQ = 2**63 - 1
MAX_VALUE_CHARS = 1024 * 1024
#: A change stamped further ahead of the hub's clock would win every later edit: refused.
MAX_CLOCK_AHEAD_MS = 24 * 3600 * 1000

#: Table and column names as the app's schema spells them: lower case only, so that no name
#: differing only in case slips past the checks of the real one.
_IDENTIFIER = re.compile(r"[a-z_][a-z0-9_]{0,62}", re.ASCII)
_KEY = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.\-]{0,63}", re.ASCII)
_HLC = re.compile(r"[0-9]{13}-[0-9]{6}-[A-Za-z0-9_.]{1,43}", re.ASCII)
USER_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.@\-]{0,63}", re.ASCII)


@functools.cache
def known_schemas() -> tuple[str, ...]:
    """Every client schema revision this hub accepts, oldest first: this build's migrations."""
    versions = migrations_dir() / "versions"
    found = sorted(p.stem for p in versions.glob("[0-9]*.py")) if versions.is_dir() else []
    return tuple(found) if SCHEMA_HEAD in found else (*found, SCHEMA_HEAD)


class HubError(Exception):
    """A request the hub refuses: an HTTP status, a protocol error code and a clear message."""

    def __init__(
        self, status: int, code: str, message: str, *, extra: dict[str, Any] | None = None
    ) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.extra = extra or {}
        """More of the error's JSON body (e.g. the row a ``row_elsewhere`` is about)."""


def malformed(message: str) -> HubError:
    return HubError(400, "malformed", message)


def not_granted(project: str, why: str = "") -> HubError:
    return HubError(403, "not_granted", why or f"you have no access to project {project}")


@dataclass(frozen=True, slots=True)
class Change:
    project_key: str
    table: str
    row_id: str
    column: str
    value: str
    hlc: str
    base: str | None = None
    """The stamp of this field's value the device had seen when it made the change."""
    row_base: str | None = None
    """The newest stamp of any field of the row the device had seen."""
    text: bool = False
    """A text field: if another device changed it meanwhile, the loser goes to a conflict."""


@dataclass(frozen=True, slots=True)
class Batch:
    op: int
    changes: tuple[Change, ...]

    @property
    def projects(self) -> frozenset[str]:
        return frozenset(c.project_key for c in self.changes)


@dataclass(frozen=True, slots=True)
class PushRequest:
    device_id: str
    batches: tuple[Batch, ...]

    @property
    def projects(self) -> frozenset[str]:
        return frozenset().union(*(b.projects for b in self.batches))


def check_versions(protocol: str | None, schema: str | None) -> None:
    """The PM-Protocol and PM-Schema headers: 426 for a client too old, 409 for the unknown."""
    if protocol is None or schema is None:
        raise malformed("every request needs the PM-Protocol and PM-Schema headers")
    try:
        number = int(protocol)
    except ValueError:
        raise malformed(f"PM-Protocol must be a number, not {protocol[:20]!r}") from None
    if number < MIN_PROTOCOL:
        raise HubError(
            426,
            "client_too_old",
            f"this hub speaks sync protocol {MIN_PROTOCOL} to {PROTOCOL}; the client speaks"
            f" {number}: update PM Desktop before syncing",
        )
    if number > PROTOCOL:
        raise HubError(
            409,
            "protocol_unknown",
            f"this hub speaks sync protocol up to {PROTOCOL}, the client {number}:"
            " the hub must be updated",
        )
    if schema not in known_schemas():
        raise HubError(
            409,
            "schema_unknown",
            f"this hub does not know the database schema {schema[:80]!r}: the hub must be"
            " updated before this client can sync",
        )


def project_key(value: str | None) -> str:
    """A project id from a request, or ``team``."""
    if value is None or not (value == TEAM or _KEY.fullmatch(value)):
        raise malformed("give a project: a project id or 'team'")
    return value


def int_param(value: str | None, name: str, *, default: int, low: int, high: int) -> int:
    if value is None:
        return default
    try:
        number = int(value)
    except ValueError:
        raise malformed(f"{name} must be a whole number") from None
    if not low <= number <= high:
        raise malformed(f"{name} must be between {low} and {high}")
    return number


def parse_json(body: bytes) -> Any:
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        raise malformed("the body is not JSON: it is not UTF-8 text") from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise malformed(f"the body is not JSON: {exc}") from None
    except RecursionError:
        raise malformed("the body is not JSON a hub accepts: it nests too deeply") from None


@functools.cache
def project_tables() -> frozenset[str]:
    """The synced tables whose every row belongs to a project (never team-wide)."""
    from pm_desktop.storage.models import synced_models

    return frozenset(name for name, model in synced_models().items() if not model.__team_scope__)


def parse_push(document: Any, *, now_ms: int) -> PushRequest:
    """Validate a push body completely before anything is applied."""
    if not isinstance(document, dict):
        raise malformed("the body must be a JSON object")
    device_id = document.get("device_id")
    if not isinstance(device_id, str) or not _KEY.fullmatch(device_id):
        raise malformed("device_id must be a device id (letters, digits, '-', '_', '.')")
    if device_id == HUB_DEVICE:
        raise malformed(f"device_id {HUB_DEVICE!r} is the hub's own (its conflict records)")
    raw_batches = document.get("batches")
    if not isinstance(raw_batches, list) or not raw_batches:
        raise malformed("batches must be a non-empty list")
    total = sum(
        len(b["changes"])
        for b in raw_batches
        if isinstance(b, dict) and isinstance(b.get("changes"), list)
    )
    if total > MAX_CHANGES:
        raise HubError(413, "too_large", f"{total} changes in one push; send at most {MAX_CHANGES}")
    batches: list[Batch] = []
    seen_ops: set[int] = set()
    for index, raw in enumerate(raw_batches):
        where = f"batches[{index}]"
        if not isinstance(raw, dict):
            raise malformed(f"{where} must be an object")
        op = raw.get("op")
        if type(op) is not int or not 1 <= op <= MAX_SEQ:
            raise malformed(f"{where}.op must be a positive whole number")
        if op in seen_ops:
            raise malformed(f"{where}.op {op} appears twice in this push")
        seen_ops.add(op)
        raw_changes = raw.get("changes")
        if not isinstance(raw_changes, list):
            raise malformed(f"{where}.changes must be a list")
        changes = tuple(
            _parse_change(change, f"{where}.changes[{i}]", now_ms)
            for i, change in enumerate(raw_changes)
        )
        batches.append(Batch(op, changes))
    return PushRequest(device_id, tuple(batches))


def _parse_change(raw: Any, where: str, now_ms: int) -> Change:
    if not isinstance(raw, dict):
        raise malformed(f"{where} must be an object")
    table, column, row_id = raw.get("table"), raw.get("column"), raw.get("row_id")
    project_id, value, hlc = raw.get("project_id"), raw.get("value"), raw.get("hlc")
    if not isinstance(table, str) or not _IDENTIFIER.fullmatch(table):
        raise malformed(f"{where}.table must be a table name")
    if not isinstance(column, str) or not _IDENTIFIER.fullmatch(column):
        raise malformed(f"{where}.column must be a column name")
    if not isinstance(row_id, str) or not _KEY.fullmatch(row_id):
        raise malformed(f"{where}.row_id must be a row id")
    if project_id is not None and (
        not isinstance(project_id, str) or project_id == TEAM or not _KEY.fullmatch(project_id)
    ):
        raise malformed(f"{where}.project_id must be a project id or null")
    if not isinstance(value, str) or len(value) > MAX_VALUE_CHARS:
        raise malformed(
            f"{where}.value must be the JSON text of the value, at most {MAX_VALUE_CHARS} chars"
        )
    try:
        decoded = json.loads(value, parse_constant=_no_constant)
    except (json.JSONDecodeError, RecursionError, ValueError):
        raise malformed(f"{where}.value is not JSON text (or nests too deeply)") from None
    _check_scope(where, table, column, project_id, decoded)
    if not isinstance(hlc, str) or not _HLC.fullmatch(hlc):
        raise malformed(f"{where}.hlc must be a clock stamp")
    stamp = HlcStamp.decode(hlc)
    if stamp.wall_ms - now_ms > MAX_CLOCK_AHEAD_MS:
        hours = (stamp.wall_ms - now_ms) // 3_600_000
        raise malformed(
            f"{where}.hlc is {hours} hours ahead of the hub's clock: set the device's clock right"
        )
    base, row_base, text = raw.get("base"), raw.get("row_base"), raw.get("text", False)
    for name, known in (("base", base), ("row_base", row_base)):
        if known is not None and (not isinstance(known, str) or not _HLC.fullmatch(known)):
            raise malformed(f"{where}.{name} must be a clock stamp or null")
    if not isinstance(text, bool):
        raise malformed(f"{where}.text must be true or false")
    return Change(project_id or TEAM, table, row_id, column, value, hlc, base, row_base, text)


@functools.cache
def references() -> dict[tuple[str, str], str]:
    """(synced table, column) -> the synced table its value refers to (``projects`` aside:
    team-wide rows may be about a project)."""
    from pm_desktop.storage.models import synced_models

    return {
        (name, key.parent.name): key.column.table.name
        for name, model in synced_models().items()
        for key in model.table().foreign_keys
        if key.column.table.name != "projects"
    }


def _no_constant(name: str) -> Any:
    """NaN and Infinity are not JSON (Python's parser takes them unless told)."""
    raise ValueError(f"{name} is not JSON")


def _check_scope(where: str, table: str, column: str, project_id: Any, value: Any) -> None:
    """A change goes to its row's project: never team-wide for a project's table, and the
    row's own ``project_id`` is the change's (a row never moves between projects)."""
    if project_id is None and table in project_tables():
        raise malformed(f"{where}: a row of {table} belongs to a project; give its project_id")
    if column == "project_id" and value != project_id:
        raise malformed(f"{where}: the row's project_id must be the change's project_id")


def parse_cursors(text: str | None) -> dict[str, int]:
    """``project:seq,project:seq`` of a long poll."""
    if not text:
        raise malformed("cursors must list project:seq pairs")
    cursors: dict[str, int] = {}
    for item in text.split(","):
        key, sep, seq = item.rpartition(":")
        if not sep:
            raise malformed(f"cursor {item[:80]!r} is not project:seq")
        cursors[project_key(key)] = int_param(seq, "a cursor's seq", default=0, low=0, high=MAX_SEQ)
    if len(cursors) > 1000:
        raise malformed("at most 1000 cursors in one wait")
    return cursors


def parse_row_key(text: str | None) -> tuple[str, str] | None:
    """``table:row_id`` of a snapshot page, or None for the start."""
    if not text:
        return None
    table, sep, row_id = text.partition(":")
    if not sep or not _IDENTIFIER.fullmatch(table) or not _KEY.fullmatch(row_id):
        raise malformed("after_row must be table:row_id")
    return table, row_id
