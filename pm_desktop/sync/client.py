"""HTTP client of the team hub (docs/sync-protocol.md): requests, and errors in plain English.

TLS certificates are always verified (against the system's authorities, or a CA file the
user chose for a hub with its own certificate). Every failure is a :class:`SyncError`.
"""

from __future__ import annotations

import ssl
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx

from pm_desktop.core.errors import PmError
from pm_desktop.storage.schema import SYNCED_SCHEMA

PROTOCOL = 1
TEAM = "team"


class SyncError(PmError):
    """A sync that failed: a short ``code`` for the program and a message for the user."""

    def __init__(self, code: str, message: str, *, row: tuple[str, str] | None = None) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.row = row
        """(table, row id) of the pushed row a ``row_elsewhere`` refusal is about."""

    def __str__(self) -> str:
        return self.message


SNAPSHOT_HEAD = "snapshot_head"
#: A push refused for one row (it belongs to another project on the hub): that row's
#: changes wait here, the others go (see ``engine.push_pending``).
ROW_ELSEWHERE = "row_elsewhere"
"""A hub feature: a snapshot's first page gives the last sequence number of the project's
stream (``SnapshotPage.head``)."""


@dataclass(frozen=True)
class Hello:
    """Who the hub says we are and which projects we may read (plus ``team``)."""

    user: str
    projects: list[str]
    schemas: list[str]
    features: frozenset[str] = frozenset()
    """What the hub does beyond the protocol (docs/sync-protocol.md; an older hub: none)."""


@dataclass(frozen=True)
class PullPage:
    changes: list[dict[str, Any]]
    next: int
    more: bool


@dataclass(frozen=True)
class HubSummary:
    """``/v1/summary``: rows and fields the hub holds of a project, and the hash of their stamps."""

    rows: int
    fields: int
    hash: str


@dataclass(frozen=True)
class SnapshotPage:
    """``/v1/snapshot``: the winning fields of whole rows, and where the next page starts.

    ``rows`` in the ``rows`` format (docs/sync-protocol.md), unchecked: ``[table, row_id,
    hlc, device_id, {column: value}, {column: [hlc, device_id]} or null]``, values decoded
    from JSON. ``fields`` instead (and ``rows`` empty) when the hub answered in the field
    format: a hub that does not know ``rows``, or a page whose ``rows`` text did not decode.
    """

    rows: list[Any]
    next: str | None
    more: bool
    fields: list[Any] | None = None
    head: int | None = None
    """On a first page, from a hub with the ``snapshot_head`` feature: the last sequence
    number of the project's stream, read before the page's rows."""


_STATUS_MESSAGES = {
    401: ("unauthorized", "the hub refused the user name or password"),
    403: ("not_granted", "you have no access to this project on the hub"),
    413: ("too_large", "the hub refused the request as too large"),
    426: ("client_too_old", "this version of PM Desktop is too old for the hub: update it"),
    503: ("unavailable", "the hub is busy or its database is down: try again later"),
}


class HubClient:
    """One user's connection to a hub; ``close()`` it (or use it as a context manager)."""

    def __init__(
        self,
        base_url: str,
        user: str,
        secret: str,
        *,
        ca_file: Path | None = None,
        timeout: float = 30.0,
        schema: str = SYNCED_SCHEMA,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        verify = ssl.create_default_context(cafile=str(ca_file) if ca_file else None)
        self.base_url = base_url.rstrip("/")
        self.user = user
        self._http = httpx.Client(
            base_url=self.base_url,
            auth=(user, secret),
            headers={"PM-Protocol": str(PROTOCOL), "PM-Schema": schema},
            timeout=timeout,
            verify=verify,
            transport=transport,
        )

    def __enter__(self) -> HubClient:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._http.close()

    def hello(self) -> Hello:
        body = self._request("GET", "/v1/hello")
        if not isinstance(body.get("protocol"), int) or not isinstance(body.get("projects"), list):
            raise _not_a_hub(self.base_url)
        features = body.get("features", [])
        return Hello(
            str(body.get("user", "")),
            list(body["projects"]),
            list(body["schemas"]),
            frozenset(f for f in features if isinstance(f, str))
            if isinstance(features, list)
            else frozenset(),
        )

    def push(self, device_id: str, batches: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """Send ``[{"op": n, "changes": [...]}]``; the hub's per-batch results."""
        body = self._request("POST", "/v1/push", json={"device_id": device_id, "batches": batches})
        results = body.get("results")
        if not isinstance(results, list):
            raise _not_a_hub(self.base_url)
        return results

    def pull(self, project: str, after: int, limit: int = 1000) -> PullPage:
        body = self._request(
            "GET", "/v1/pull", params={"project": project, "after": after, "limit": limit}
        )
        changes, nxt, more = body.get("changes"), body.get("next"), body.get("more")
        if not isinstance(changes, list) or not isinstance(nxt, int) or not isinstance(more, bool):
            raise _not_a_hub(self.base_url)
        return PullPage(changes, nxt, more)

    def wait(self, cursors: dict[str, int], timeout: float = 25.0) -> list[str]:
        """Long poll: the projects of ``cursors`` (project -> pull cursor) with a change after
        their cursor, as soon as one has one; ``[]`` after ``timeout`` seconds (at most 30)."""
        listed = ",".join(f"{project}:{seq}" for project, seq in cursors.items())
        body = self._request(
            "GET",
            "/v1/wait",
            params={"cursors": listed, "timeout": timeout},
            # the hub holds the request open for ``timeout``: read for longer than that
            timeout=httpx.Timeout(timeout + 15.0, connect=self._http.timeout.connect),
        )
        changed = body.get("changed")
        if not isinstance(changed, list):
            raise _not_a_hub(self.base_url)
        return [str(project) for project in changed]

    def summary(self, project: str) -> HubSummary:
        body = self._request("GET", "/v1/summary", params={"project": project})
        rows, fields, digest = body.get("rows"), body.get("fields"), body.get("hash")
        if not isinstance(rows, int) or not isinstance(fields, int) or not isinstance(digest, str):
            raise _not_a_hub(self.base_url)
        return HubSummary(rows, fields, digest)

    def snapshot(self, project: str, after_row: str | None, limit: int = 1000) -> SnapshotPage:
        """The page of whole rows after ``after_row`` (``table:row_id``; None: the first),
        asked in the ``rows`` format, and again in the field format if that does not decode."""
        params: dict[str, Any] = {"project": project, "limit": limit, "format": "rows"}
        if after_row:
            params["after_row"] = after_row
        try:
            body = self._request("GET", "/v1/snapshot", params=params)
        except SyncError as error:
            if error.code != "not_a_hub":
                raise
            del params["format"]  # e.g. a stored value that is not JSON: the page field by field
            body = self._request("GET", "/v1/snapshot", params=params)
        rows, fields = body.get("rows"), body.get("fields")
        nxt, more, head = body.get("next"), body.get("more"), body.get("head")
        if (
            not (isinstance(rows, list) or isinstance(fields, list))
            or not (nxt is None or isinstance(nxt, str))
            or not isinstance(more, bool)
            or not (head is None or (type(head) is int and head >= 0))
        ):
            raise _not_a_hub(self.base_url)
        if isinstance(rows, list):
            return SnapshotPage(rows, nxt, more, head=head)
        return SnapshotPage([], nxt, more, fields, head=head)

    def _request(self, method: str, path: str, **kwargs: Any) -> dict[str, Any]:
        try:
            response = self._http.request(method, path, **kwargs)
        except httpx.TimeoutException as exc:
            raise SyncError(
                "timeout", f"the hub at {self.base_url} did not answer in time"
            ) from exc
        except httpx.ConnectError as exc:
            if isinstance(exc.__cause__, ssl.SSLError) or "CERTIFICATE" in str(exc).upper():
                raise SyncError(
                    "tls", f"the hub's certificate could not be verified ({exc})"
                ) from exc
            raise SyncError(
                "network", f"cannot reach the hub at {self.base_url}: check the network ({exc})"
            ) from exc
        except httpx.HTTPError as exc:
            raise SyncError("network", f"the connection to the hub failed ({exc})") from exc
        try:
            body = response.json()
        except ValueError:
            body = None
        if response.status_code == 200:
            if not isinstance(body, dict):
                raise _not_a_hub(self.base_url)
            return body
        raise _error(response.status_code, body, self.base_url)


def _not_a_hub(url: str) -> SyncError:
    return SyncError("not_a_hub", f"the server at {url} is not a PM Desktop hub")


_CODE_MESSAGES = {
    "schema_unknown": "the hub does not know this version of PM Desktop's database: "
    "the hub must be updated before this computer can sync",
    "protocol_unknown": "the hub is older than this PM Desktop: the hub must be updated",
}


def _error(status: int, body: Any, url: str) -> SyncError:
    """The SyncError of a refused request (``body``: its decoded JSON, if any)."""
    # 404: e.g. an address ending in /v1 (the hub is not at that address)
    if status == 404 or not (isinstance(body, dict) and isinstance(body.get("error"), str)):
        if status in (413, 503):
            return SyncError(*_STATUS_MESSAGES[status])
        return _not_a_hub(url)
    code: str = body["error"]
    detail = body.get("message") if isinstance(body.get("message"), str) else ""
    if code in _CODE_MESSAGES:
        return SyncError(code, _CODE_MESSAGES[code])
    if status == 403 and detail:
        table, row_id = body.get("table"), body.get("row_id")
        row = (table, row_id) if isinstance(table, str) and isinstance(row_id, str) else None
        return SyncError(code, f"the hub refused access: {detail}", row=row)
    if status in _STATUS_MESSAGES:
        default_code, default_message = _STATUS_MESSAGES[status]
        return SyncError(default_code, default_message + (f" ({detail})" if detail else ""))
    return SyncError(code, detail or f"the hub refused the request ({code}, HTTP {status})")
