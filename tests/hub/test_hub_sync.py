"""Push, pull, summary, snapshot and long poll against a real hub over HTTP."""

from __future__ import annotations

import hashlib
import threading
import time
import uuid
from typing import Any

from pm_desktop.hub import protocol
from pm_desktop.storage.schema import SCHEMA_HEAD
from tests.hub.conftest import ClientFactory, new_project
from tests.hub.hubserver import HubClient


def snapshot_all(client: HubClient, project: str, limit: int = 1000) -> list[dict[str, Any]]:
    fields: list[dict[str, Any]] = []
    after = ""
    while True:
        page = client.get("/v1/snapshot", project=project, after_row=after, limit=limit).json()
        fields.extend(page["fields"])
        after = page["next"] or ""
        if not page["more"]:
            return fields


def winners(client: HubClient, project: str) -> dict[tuple[str, str, str], str]:
    return {
        (f["table"], f["row_id"], f["column"]): f["value"] for f in snapshot_all(client, project)
    }


def test_hello_says_who_and_what(make_client: ClientFactory) -> None:
    p1, p2 = sorted([new_project(), new_project()])
    client = make_client(p1, p2)
    response = client.get("/v1/hello")
    assert response.status_code == 200
    assert response.json() == {
        "protocol": protocol.PROTOCOL,
        "min_protocol": protocol.MIN_PROTOCOL,
        "schemas": list(protocol.known_schemas()),
        "user": client.user,
        "projects": [p1, p2],
        "features": ["snapshot_head"],
    }
    assert SCHEMA_HEAD in response.json()["schemas"]


def test_push_then_pull_in_pages(make_client: ClientFactory) -> None:
    project = new_project()
    writer = make_client(project)
    batches = [
        [writer.change(project, column=f"c{i}", value={"n": b, "i": i}) for i in range(n)]
        for b, n in enumerate((10, 1, 14))
    ]
    team = writer.change(None, table="resources", value="吊车")
    response = writer.push(*batches[:2], [*batches[2], team])
    assert response.status_code == 200, response.text
    results = response.json()["results"]
    assert [(r["op"], r["status"]) for r in results] == [
        (1, "applied"),
        (2, "applied"),
        (3, "applied"),
    ]
    assert results[0]["seq"][1] - results[0]["seq"][0] == 9
    assert results[1]["seq"][0] == results[1]["seq"][1]

    reader = make_client(project)
    first = reader.get("/v1/pull", project=project, after=0, limit=10).json()
    assert len(first["changes"]) == 10
    assert first["more"] is True
    assert first["next"] == first["changes"][-1]["seq"]
    changes = reader.pull_all(project, limit=10)
    sent = [c for batch in batches for c in batch]
    assert [(c["row_id"], c["column"], c["value"], c["hlc"]) for c in changes] == [
        (c["row_id"], c["column"], c["value"], c["hlc"]) for c in sent
    ]
    seqs = [c["seq"] for c in changes]
    assert seqs == sorted(seqs)
    assert len(set(seqs)) == len(seqs)
    assert {c["device_id"] for c in changes} == {writer.device_id}
    assert {c["project_id"] for c in changes} == {project}
    assert all(c["table"] == "tasks" for c in changes)

    last = reader.get("/v1/pull", project=project, after=seqs[-1]).json()
    assert last == {"changes": [], "next": seqs[-1], "more": False}

    team_changes = reader.pull_all("team")
    mine = [c for c in team_changes if c["row_id"] == team["row_id"]]
    assert len(mine) == 1
    assert mine[0]["project_id"] is None
    assert mine[0]["value"] == '"吊车"'


def test_a_repeated_batch_is_answered_the_same_and_not_applied_again(
    make_client: ClientFactory,
) -> None:
    project = new_project()
    client = make_client(project)
    batch = [client.change(project, column=f"c{i}") for i in range(5)]
    first = client.push(batch, ops=[7]).json()["results"][0]
    assert first["status"] == "applied"

    again = client.push(batch, ops=[7]).json()["results"][0]
    assert again == {**first, "status": "duplicate"}
    # Even with other content: an op once applied is never applied again.
    other = client.push([client.change(project)], ops=[7]).json()["results"][0]
    assert other == again
    # A push mixing a seen batch with a new one applies only the new one.
    mixed = client.push(batch, [client.change(project)], ops=[7, 8]).json()["results"]
    assert [r["status"] for r in mixed] == ["duplicate", "applied"]

    assert len(client.pull_all(project)) == 6


def test_last_writer_wins_per_field(make_client: ClientFactory) -> None:
    project = new_project()
    a = make_client(project, device_id="aaaa0001")
    b = make_client(project, device_id="bbbb0001")
    row = str(uuid.uuid4())
    wall = time.time_ns() // 1_000_000

    def stamp(ms: int, device: str, counter: int = 0) -> str:
        return f"{ms:013d}-{counter:06d}-{device}"

    # b's later edit arrives first; a's earlier edit, pushed afterwards, must not win.
    b.push([b.change(project, row_id=row, column="name", value="B", hlc=stamp(wall, "bbbb0001"))])
    a.push(
        [a.change(project, row_id=row, column="name", value="A", hlc=stamp(wall - 5, "aaaa0001"))]
    )
    # Within one batch the greater stamp wins, whatever the order.
    a.push(
        [
            a.change(
                project, row_id=row, column="owner", value="new", hlc=stamp(wall, "aaaa0001", 2)
            ),
            a.change(
                project, row_id=row, column="owner", value="old", hlc=stamp(wall, "aaaa0001", 1)
            ),
        ]
    )
    # Equal stamps: the greater device id wins, then the greater value.
    same = stamp(wall, "zzzz")
    b.push([b.change(project, row_id=row, column="cost", value=1, hlc=same)])
    a.push([a.change(project, row_id=row, column="cost", value=2, hlc=same)])
    a.push(
        [
            a.change(project, row_id=row, column="note", value="x", hlc=same),
            a.change(project, row_id=row, column="note", value="y", hlc=same),
        ]
    )

    assert winners(a, project) == {
        ("tasks", row, "name"): '"B"',
        ("tasks", row, "owner"): '"new"',
        ("tasks", row, "cost"): "1",  # device bbbb0001 > aaaa0001
        ("tasks", row, "note"): '"y"',
    }
    # The stream keeps every change, the losers too.
    assert len(a.pull_all(project)) == 8


def test_summary_matches_a_replica_built_from_the_snapshot(make_client: ClientFactory) -> None:
    project = new_project()
    client = make_client(project)
    rows = [str(uuid.uuid4()) for _ in range(6)]
    client.push(
        [client.change(project, row_id=r, column=c) for r in rows for c in ("name", "start")],
        [client.change(project, row_id=rows[0], column="name", value="renamed")],
    )
    summary = client.get("/v1/summary", project=project).json()
    fields = snapshot_all(client, project)
    lines = sorted(f"{f['table']}\t{f['row_id']}\t{f['column']}\t{f['hlc']}" for f in fields)
    expected = hashlib.sha256("".join(f"{line}\n" for line in lines).encode()).hexdigest()
    assert summary == {"rows": 6, "fields": 12, "hash": expected}

    unused = new_project()
    assert make_client(unused).get("/v1/summary", project=unused).json() == {
        "rows": 0,
        "fields": 0,
        "hash": hashlib.sha256(b"").hexdigest(),
    }


def test_snapshot_pages_by_whole_rows(make_client: ClientFactory) -> None:
    project = new_project()
    client = make_client(project)
    rows = sorted(str(uuid.uuid4()) for _ in range(5))
    client.push(
        [
            client.change(project, table=table, row_id=r, column=c, value=f"{r}.{c}")
            for table in ("tasks", "links")
            for r in rows
            for c in ("a", "b", "c")
        ]
    )
    page = client.get("/v1/snapshot", project=project, limit=2).json()
    assert page["more"] is True
    assert [(f["table"], f["row_id"], f["column"]) for f in page["fields"]] == [
        ("links", r, c) for r in rows[:2] for c in ("a", "b", "c")
    ]
    assert page["next"] == f"links:{rows[1]}"
    assert page["fields"][0]["value"] == f'"{rows[0]}.a"'
    assert page["fields"][0]["project_id"] == project
    assert {"hlc", "device_id"} <= page["fields"][0].keys()

    fields = snapshot_all(client, project, limit=3)
    assert len(fields) == 30
    keys = [(f["table"], f["row_id"], f["column"]) for f in fields]
    assert keys == sorted(keys)
    assert len(set(keys)) == 30
    last = client.get("/v1/snapshot", project=project, after_row=f"tasks:{rows[-1]}").json()
    assert last == {"fields": [], "next": f"tasks:{rows[-1]}", "more": False}


def test_a_snapshots_first_page_says_where_the_projects_stream_ends(
    make_client: ClientFactory,
) -> None:
    project, empty = new_project(), new_project()
    client = make_client(project, empty)
    client.push([client.change(project, row_id=str(uuid.uuid4())) for _ in range(3)])
    result = client.push([client.change(project, row_id=str(uuid.uuid4()))]).json()
    last = result["results"][0]["seq"][1]
    client.push([client.change(None, table="resources")])  # another stream's change after it
    for form in ("fields", "rows"):
        first = client.get("/v1/snapshot", project=project, limit=2, format=form).json()
        assert first["head"] == last
        assert first["more"] is True
        rest = client.get(
            "/v1/snapshot", project=project, after_row=first["next"], format=form
        ).json()
        assert "head" not in rest
        nothing = client.get("/v1/snapshot", project=empty, format=form).json()
        assert nothing["head"] == 0


def test_wait_answers_at_once_on_timeout_and_when_a_change_comes(
    make_client: ClientFactory,
) -> None:
    project = new_project()
    client = make_client(project)
    result = client.push([client.change(project)]).json()["results"][0]
    last = result["seq"][1]

    now = client.get("/v1/wait", cursors=f"{project}:0,team:{2**62}", timeout=10).json()
    assert now == {"changed": [project]}

    started = time.monotonic()
    idle = client.get("/v1/wait", cursors=f"{project}:{last}", timeout=0.3)
    assert idle.json() == {"changed": []}
    assert 0.3 <= time.monotonic() - started < 3

    other = make_client(project)
    pusher = threading.Timer(0.5, lambda: other.push([other.change(project)]))
    started = time.monotonic()
    pusher.start()
    woken = client.get("/v1/wait", cursors=f"{project}:{last}", timeout=20)
    elapsed = time.monotonic() - started
    pusher.join()
    assert woken.json() == {"changed": [project]}
    # Woken by the notification, well before the 5 s fallback poll.
    assert elapsed < 4, elapsed


def test_a_push_of_1000_changes(make_client: ClientFactory) -> None:
    """Correctness at the size the benchmark times (bench/hub_push.py reports the figure)."""
    project = new_project()
    client = make_client(project)
    client.get("/v1/hello")  # the secret is verified once; later requests use the cache
    batch = [
        client.change(project, row_id=f"row-{i // 20}", column=f"c{i % 20}", value=i)
        for i in range(1000)
    ]
    started = time.perf_counter()
    response = client.push(batch)
    elapsed_ms = (time.perf_counter() - started) * 1000
    assert response.status_code == 200
    first, last = response.json()["results"][0]["seq"]
    assert last - first + 1 >= 1000
    print(f"\npush of 1000 changes over HTTP: {elapsed_ms:.0f} ms")
    assert len(client.pull_all(project, limit=protocol.MAX_PAGE)) == 1000
    summary = client.get("/v1/summary", project=project).json()
    assert (summary["rows"], summary["fields"]) == (50, 1000)
