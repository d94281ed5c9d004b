"""Many devices pushing to one project at once: a cursor sees every change exactly once."""

from __future__ import annotations

import threading
import time
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import psycopg

from pm_desktop.hub.store import lock_key
from tests.hub.conftest import ClientFactory, new_project
from tests.hub.hubserver import HubClient

WRITERS = 8
PUSHES = 10
PER_PUSH = 40


def test_concurrent_pushes_reach_a_following_cursor_exactly_once(
    make_client: ClientFactory,
) -> None:
    project = new_project()
    writers = [make_client(project) for _ in range(WRITERS)]
    reader = make_client(project)
    for client in [*writers, reader]:
        client.get("/v1/hello")  # verify the secrets before the race
    done = threading.Event()
    seen: list[dict[str, Any]] = []

    def follow() -> None:
        """Pull after the cursor, again and again, while the writers push."""
        after = 0
        while True:
            finished = done.is_set()
            page = reader.get("/v1/pull", project=project, after=after, limit=100).json()
            seen.extend(page["changes"])
            after = page["next"]
            if finished and not page["more"]:
                return

    def write(client: HubClient) -> list[tuple[str, str]]:
        sent = []
        for n in range(PUSHES):
            batch = [client.change(project, column=f"c{n}_{i}") for i in range(PER_PUSH)]
            response = client.push(batch)
            assert response.status_code == 200, response.text
            sent.extend((client.device_id, c["hlc"]) for c in batch)
        return sent

    follower = threading.Thread(target=follow)
    follower.start()
    with ThreadPoolExecutor(WRITERS) as pool:
        sent = [item for items in pool.map(write, writers) for item in items]
    done.set()
    follower.join(timeout=60)

    received = [(c["device_id"], c["hlc"]) for c in seen]
    assert len(received) == len(set(received)) == WRITERS * PUSHES * PER_PUSH
    assert set(received) == set(sent)
    seqs = [c["seq"] for c in seen]
    assert seqs == sorted(seqs)
    # A fresh pull from the start agrees with what the cursor collected on the way.
    assert reader.pull_all(project) == seen


def test_a_change_committed_late_is_not_skipped(
    make_client: ClientFactory, db: psycopg.Connection[Any]
) -> None:
    """A transaction holding the project's lock finishes before a later push takes a number."""
    project = new_project()
    client = make_client(project)
    client.get("/v1/hello")
    first = client.push([client.change(project)]).json()["results"][0]["seq"][1]

    # Another hub process is in the middle of a push to the project: it holds the lock.
    with db.transaction():
        db.execute("SELECT pg_advisory_xact_lock(%s)", [lock_key(project)])
        pushed: list[Any] = []
        pusher = threading.Thread(
            target=lambda: pushed.append(client.push([client.change(project)]))
        )
        pusher.start()
        time.sleep(0.3)
        assert pusher.is_alive(), "the push did not wait for the project's lock"
        # A reader meanwhile sees nothing new: its cursor stays where it is.
        assert client.get("/v1/pull", project=project, after=first).json()["changes"] == []
        late = db.execute(
            """INSERT INTO changes (project_key, table_name, row_id, column_name, value_json,
                                    hlc, device_id, op_no, user_name)
               VALUES (%s, 'tasks', 'late', 'name', '"late"', '0000000000001-000000-x',
                       'other', 1, %s) RETURNING seq""",
            [project, client.user],
        ).fetchone()[0]
    pusher.join(timeout=30)
    after_late = pushed[0].json()["results"][0]["seq"][0]
    assert first < late < after_late
    changes = client.pull_all(project, after=first)
    assert [c["seq"] for c in changes] == [late, after_late]
