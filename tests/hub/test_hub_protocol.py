"""Request validation and secrets, without a database: every bad input gets a clear message."""

from __future__ import annotations

import copy
import time
from typing import Any

import pytest

from pm_desktop.hub import auth, protocol
from pm_desktop.hub.protocol import HubError, parse_push
from pm_desktop.locations import migrations_dir
from pm_desktop.storage.schema import SCHEMA_HEAD, SYNCED_SCHEMA
from pm_desktop.sync.client import HubClient as SyncClient

NOW_MS = time.time_ns() // 1_000_000
HLC = f"{NOW_MS:013d}-000000-abcdef0123456789"


def good_push() -> dict[str, Any]:
    return {
        "device_id": "abcdef0123456789",
        "batches": [
            {
                "op": 1,
                "changes": [
                    {
                        "table": "tasks",
                        "row_id": "0b6b1c4e-9a43-4c39-8f11-2a4a1a0e7c10",
                        "project_id": "6f1f3c55-3a1e-4a8e-9d55-0c1b2d3e4f50",
                        "column": "name",
                        "value": '"挖基坑"',
                        "hlc": HLC,
                    },
                    {
                        "table": "resources",
                        "row_id": "r1",
                        "project_id": None,
                        "column": "rate_fen",
                        "value": "12000",
                        "hlc": HLC,
                    },
                ],
            }
        ],
    }


def test_a_good_push_parses() -> None:
    push = parse_push(good_push(), now_ms=NOW_MS)
    assert push.device_id == "abcdef0123456789"
    assert [b.op for b in push.batches] == [1]
    first, second = push.batches[0].changes
    assert first.project_key == "6f1f3c55-3a1e-4a8e-9d55-0c1b2d3e4f50"
    assert first.value == '"挖基坑"'
    assert second.project_key == protocol.TEAM
    assert push.projects == {protocol.TEAM, "6f1f3c55-3a1e-4a8e-9d55-0c1b2d3e4f50"}


def _set(path: tuple[Any, ...], value: Any) -> dict[str, Any]:
    document = good_push()
    target: Any = document
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    return document


CHANGE = ("batches", 0, "changes", 1)


@pytest.mark.parametrize(
    ("document", "message"),
    [
        ([1, 2], "must be a JSON object"),
        (_set(("device_id",), None), "device_id"),
        (_set(("device_id",), "a b"), "device_id"),
        (_set(("batches",), []), "batches must be a non-empty list"),
        (_set(("batches", 0, "op"), 0), "batches[0].op"),
        (_set(("batches", 0, "op"), True), "batches[0].op"),
        (_set(("batches", 0, "op"), "1"), "batches[0].op"),
        (_set(("batches", 0, "changes"), {}), "batches[0].changes must be a list"),
        (_set((*CHANGE, "table"), "tasks; DROP TABLE x"), "changes[1].table"),
        (_set((*CHANGE, "table"), None), "changes[1].table"),
        (_set((*CHANGE, "column"), 'name"'), "changes[1].column"),
        (_set((*CHANGE, "row_id"), "x" * 65), "changes[1].row_id"),
        (_set((*CHANGE, "row_id"), ""), "changes[1].row_id"),
        (_set((*CHANGE, "project_id"), "team"), "changes[1].project_id"),
        (_set((*CHANGE, "project_id"), 7), "changes[1].project_id"),
        (_set((*CHANGE, "value"), 12000), "changes[1].value must be the JSON text"),
        (_set((*CHANGE, "value"), "{not json"), "changes[1].value is not JSON"),
        (_set((*CHANGE, "value"), "x" * (protocol.MAX_VALUE_CHARS + 1)), "changes[1].value"),
        (_set((*CHANGE, "hlc"), "yesterday"), "changes[1].hlc must be a clock stamp"),
        (_set((*CHANGE, "hlc"), "+" + HLC[1:]), "changes[1].hlc must be a clock stamp"),
        (_set((*CHANGE, "hlc"), HLC.replace("abcdef", "ab-def")), "changes[1].hlc"),
        (
            _set((*CHANGE, "hlc"), f"{NOW_MS + 48 * 3_600_000:013d}-000000-dev"),
            "48 hours ahead of the hub's clock",
        ),
        (_set(("batches", 0, "changes", 0), "change"), "changes[0] must be an object"),
    ],
)
def test_a_bad_push_is_refused_with_where_and_why(document: Any, message: str) -> None:
    with pytest.raises(HubError) as caught:
        parse_push(document, now_ms=NOW_MS)
    assert caught.value.status == 400
    assert caught.value.code == "malformed"
    assert message in caught.value.message


def test_the_same_op_twice_in_one_push_is_refused() -> None:
    document = good_push()
    document["batches"].append(copy.deepcopy(document["batches"][0]))
    with pytest.raises(HubError, match="appears twice"):
        parse_push(document, now_ms=NOW_MS)


def test_too_many_changes_is_too_large() -> None:
    document = good_push()
    change = document["batches"][0]["changes"][0]
    document["batches"][0]["changes"] = [change] * (protocol.MAX_CHANGES + 1)
    with pytest.raises(HubError) as caught:
        parse_push(document, now_ms=NOW_MS)
    assert (caught.value.status, caught.value.code) == (413, "too_large")


@pytest.mark.parametrize(
    ("protocol_header", "schema", "status", "code"),
    [
        (None, SCHEMA_HEAD, 400, "malformed"),
        ("1", None, 400, "malformed"),
        ("one", SCHEMA_HEAD, 400, "malformed"),
        ("0", SCHEMA_HEAD, 426, "client_too_old"),
        ("2", SCHEMA_HEAD, 409, "protocol_unknown"),
        ("1", "9999_from_the_future", 409, "schema_unknown"),
    ],
)
def test_versions_are_checked(
    protocol_header: str | None, schema: str | None, status: int, code: str
) -> None:
    with pytest.raises(HubError) as caught:
        protocol.check_versions(protocol_header, schema)
    assert (caught.value.status, caught.value.code) == (status, code)


def test_every_schema_of_this_build_is_known() -> None:
    protocol.check_versions("1", SCHEMA_HEAD)
    protocol.check_versions("1", "0001_initial")
    stems = sorted(p.stem for p in (migrations_dir() / "versions").glob("[0-9]*.py"))
    assert protocol.known_schemas() == tuple(stems)
    assert protocol.known_schemas()[-1] == SCHEMA_HEAD


def test_cursors_and_row_keys() -> None:
    assert protocol.parse_cursors("team:5,p-1:0") == {"team": 5, "p-1": 0}
    assert protocol.parse_row_key("tasks:abc-1") == ("tasks", "abc-1")
    assert protocol.parse_row_key(None) is None
    for bad in ("", "team", "team:x", "team:-1", "bad key:1"):
        with pytest.raises(HubError):
            protocol.parse_cursors(bad)
    for bad in ("tasks", "ta sks:1", "tasks:"):
        with pytest.raises(HubError):
            protocol.parse_row_key(bad)


def test_secrets_are_stored_as_salted_scrypt_hashes() -> None:
    secret = auth.new_secret()
    assert len(secret) >= 32
    stored = auth.hash_secret(secret)
    assert stored.startswith("scrypt$16384$8$1$")
    assert secret not in stored
    assert auth.hash_secret(secret) != stored  # a salt of its own each time
    assert auth.verify_secret(secret, stored)
    assert not auth.verify_secret(secret + "x", stored)
    assert not auth.verify_secret(secret, "scrypt$broken")
    assert not auth.verify_secret(secret, "md5$1$2$3$4$5")


def test_the_verified_cache_forgets_a_changed_hash() -> None:
    cache = auth.VerifiedCache(size=2)
    cache.remember("alice", "s1", "hash-1")
    assert cache.known("alice", "s1", "hash-1")
    assert not cache.known("alice", "s1", "hash-2")  # a new secret was set: verify again
    assert not cache.known("alice", "s2", "hash-1")
    assert not cache.known("bob", "s1", "hash-1")
    cache.remember("bob", "s", "h")
    cache.remember("carol", "s", "h")
    assert not cache.known("alice", "s1", "hash-1")  # evicted: bounded


def test_a_hub_that_knows_only_the_synced_schema_accepts_this_client(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A client names the newest revision that changed what syncs, not its own head: a hub
    built before a revision of local storage alone (row stamps) still serves it."""
    known = protocol.known_schemas()
    older_hub = known[: known.index(SYNCED_SCHEMA) + 1]
    monkeypatch.setattr(protocol, "known_schemas", lambda: older_hub)
    client = SyncClient("http://127.0.0.1:9", "someone", "secret")
    try:
        sent = client._http.headers["PM-Schema"]
    finally:
        client.close()
    assert sent == SYNCED_SCHEMA
    protocol.check_versions("1", sent)
    with pytest.raises(HubError):
        protocol.check_versions("1", SCHEMA_HEAD)  # what the client sent before
