"""Bad requests to a real hub: wrong secrets, old clients, malformed and oversized bodies."""

from __future__ import annotations

import base64
import json
from typing import Any

import httpx
import psycopg
import pytest

from pm_desktop.hub import admin, protocol
from pm_desktop.storage.schema import SCHEMA_HEAD
from tests.hub.conftest import ClientFactory, UserFactory, new_project
from tests.hub.hubserver import HubClient, HubThread

HEADERS = {"PM-Protocol": "1", "PM-Schema": SCHEMA_HEAD}


def basic(user: str, secret: str) -> str:
    return "Basic " + base64.b64encode(f"{user}:{secret}".encode()).decode()


def assert_error(response: httpx.Response, status: int, code: str, text: str = "") -> None:
    assert response.status_code == status, response.text
    body = response.json()
    assert body["error"] == code
    assert text in body["message"]


@pytest.mark.parametrize("how", ["wrong secret", "unknown user", "no header", "garbled"])
def test_a_wrong_or_missing_secret_is_refused(
    hub: HubThread, make_user: UserFactory, how: str
) -> None:
    name, secret = make_user()
    headers = dict(HEADERS)
    if how == "wrong secret":
        headers["Authorization"] = basic(name, secret + "x")
    elif how == "unknown user":
        headers["Authorization"] = basic("ghost", secret)
    elif how == "garbled":
        headers["Authorization"] = "Basic !!!"
    response = httpx.get(f"{hub.url}/v1/hello", headers=headers)
    assert_error(response, 401, "unauthorized")
    assert response.headers["WWW-Authenticate"].startswith("Basic ")
    if how in {"wrong secret", "unknown user"}:
        assert response.json()["message"] == "wrong user name or secret"


def test_a_reset_secret_replaces_the_old_one(
    hub: HubThread, make_user: UserFactory, db: psycopg.Connection[Any]
) -> None:
    name, old = make_user()
    client = HubClient(hub.url, name, old)
    assert client.get("/v1/hello").status_code == 200  # now in the verified cache
    new = admin.add_user(db, name, reset=True)
    assert_error(client.get("/v1/hello"), 401, "unauthorized")
    assert HubClient(hub.url, name, new).get("/v1/hello").status_code == 200


def test_a_client_too_old_is_told_to_update_and_pushes_nothing(
    make_client: ClientFactory,
) -> None:
    project = new_project()
    old = make_client(project, protocol_version="0")
    response = old.push([old.change(project)])
    assert_error(response, 426, "client_too_old", "update PM Desktop")
    assert_error(old.get("/v1/hello"), 426, "client_too_old")
    current = make_client(project)
    assert current.pull_all(project) == []


def test_unknown_schema_and_missing_headers(make_client: ClientFactory) -> None:
    project = new_project()
    future = make_client(project, schema="0099_from_the_future")
    assert_error(future.push([future.change(project)]), 409, "schema_unknown")
    client = make_client(project)
    bare = httpx.get(f"{client.base_url}/v1/hello", auth=(client.user, client.secret))
    assert_error(bare, 400, "malformed", "PM-Protocol")
    assert client.pull_all(project) == []


def _push_of(change: dict[str, Any]) -> bytes:
    """A push of one change that is well formed but for what ``change`` sets."""
    valid = {
        "table": "stakeholders",
        "row_id": "r1",
        "column": "name",
        "value": '"x"',
        "hlc": "1764000000000-000000-d1",
        "project_id": "p1",
    }
    return json.dumps(
        {"device_id": "d1", "batches": [{"op": 1, "changes": [valid | change]}]}
    ).encode()


@pytest.mark.parametrize(
    ("body", "text"),
    [
        (b"{not json", "the body is not JSON"),
        (b"\xff\xfe", "it is not UTF-8 text"),
        (b"[]", "must be a JSON object"),
        (b'{"device_id": "d1", "batches": [{"op": 1, "changes": [{}]}]}', "changes[0].table"),
        (b"[" * 100_000 + b"]" * 100_000, "nests too deeply"),
        (b'{"device_id": "hub", "batches": [{"op": 1, "changes": []}]}', "the hub's own"),
        (_push_of({"table": "Stakeholders"}), "changes[0].table must be a table name"),
        (_push_of({"column": "PROJECT_ID"}), "changes[0].column must be a column name"),
        (_push_of({"value": "NaN"}), "changes[0].value is not JSON text"),
    ],
)
def test_a_malformed_push_is_400(make_client: ClientFactory, body: bytes, text: str) -> None:
    client = make_client()
    response = client.http.post("/v1/push", content=body)
    assert_error(response, 400, "malformed", text)


def test_a_push_with_one_bad_batch_applies_nothing(make_client: ClientFactory) -> None:
    project = new_project()
    client = make_client(project)
    bad = client.change(project)
    bad["hlc"] = "not a stamp"
    response = client.push([client.change(project)], [bad])
    assert_error(response, 400, "malformed", "batches[1].changes[0].hlc")
    assert client.pull_all(project) == []


def test_an_oversized_body_is_413(make_client: ClientFactory) -> None:
    client = make_client()
    big = json.dumps({"device_id": "d1", "batches": [], "pad": "x" * protocol.MAX_BODY_BYTES})
    assert_error(client.http.post("/v1/push", content=big), 413, "too_large", "8388608 bytes")
    # Told up front: refused before the body is read.
    huge = b"x" * (4 * protocol.MAX_BODY_BYTES + 1)
    try:
        response = client.http.post("/v1/push", content=huge)
    except httpx.TransportError:  # the hub may close before all of it is sent
        pass
    else:
        assert_error(response, 413, "too_large")


def test_too_many_changes_is_413(make_client: ClientFactory) -> None:
    project = new_project()
    client = make_client(project)
    changes = [client.change(project, column=f"c{i}") for i in range(protocol.MAX_CHANGES + 1)]
    assert_error(client.push(changes[:3000], changes[3000:]), 413, "too_large", "5001 changes")
    assert client.pull_all(project) == []


@pytest.mark.parametrize(
    ("path", "params", "text"),
    [
        ("/v1/pull", {}, "give a project"),
        ("/v1/pull", {"project": "a b"}, "give a project"),
        ("/v1/pull", {"project": "team", "after": "-1"}, "after must be between"),
        ("/v1/pull", {"project": "team", "limit": "0"}, "limit must be between"),
        ("/v1/pull", {"project": "team", "limit": "5001"}, "limit must be between"),
        ("/v1/pull", {"project": "team", "after": "x"}, "after must be a whole number"),
        ("/v1/snapshot", {"project": "team", "after_row": "nope"}, "after_row"),
        ("/v1/wait", {"cursors": "team"}, "not project:seq"),
        ("/v1/wait", {"cursors": "team:1", "timeout": "31"}, "timeout must be between"),
        ("/v1/wait", {"cursors": "team:1", "timeout": "soon"}, "timeout must be a number"),
    ],
)
def test_bad_query_parameters_are_400(
    make_client: ClientFactory, path: str, params: dict[str, str], text: str
) -> None:
    assert_error(make_client().get(path, **params), 400, "malformed", text)


def test_unknown_paths_and_methods_answer_in_json(make_client: ClientFactory) -> None:
    client = make_client()
    assert_error(client.get("/v1/nothing"), 404, "not_found")
    assert_error(client.get("/v1/push"), 405, "method_not_allowed")
