"""The team hub's push: one client's 1,000-change push, and ten clients pushing at once.

    python bench/hub_push.py [--runs 20] [--clients 10] [--pushes 10]

Starts a throwaway PostgreSQL (initdb/pg_ctl on a free loopback port, durable settings:
fsync and synchronous commit on) and a real hub over HTTP on loopback, as the tests do.
Times, end to end through HTTP: a push of one batch of 1,000 changes (target: at most
200 ms, p95); a push of 1,000 edits of rows the hub has (conflict detection reads them), with
none and with 50 of them conflicting; then the throughput of ``--clients`` clients each
pushing ``--pushes`` batches of 1,000 changes at the same time, to projects of their own
and to one shared project (whose pushes the hub serialises).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pm_desktop.hub import admin  # noqa: E402
from pm_desktop.hub.cli import main as hub_main  # noqa: E402
from tests.hub.hubserver import HubClient, HubThread  # noqa: E402
from tests.hub.postgres import TempPostgres, find_bin_dir  # noqa: E402

TARGET_MS = 200.0
BATCH = 1000


def batch(client: HubClient, project: str) -> list[dict[str, object]]:
    rows = [str(uuid.uuid4()) for _ in range(BATCH // 20)]
    return [
        client.change(project, row_id=rows[i // 20], column=f"column_{i % 20}", value=f"值 {i}")
        for i in range(BATCH)
    ]


def edit_times(
    hub: HubThread, url: str, project: str, writer: HubClient, *, runs: int, conflicting: int
) -> list[float]:
    """Times of pushes of 1,000 text edits by a second device to rows ``writer`` made, each
    carrying what it had seen (conflict detection reads the rows' fields); ``conflicting`` of
    them edit a field the writer changed again unseen, so the hub writes conflict records."""
    editor = new_client(hub, url, [project])
    times = []
    for _ in range(runs + 2):
        made = batch(writer, project)
        writer.push(made).raise_for_status()
        seen = {(c["row_id"], c["column"]): c["hlc"] for c in made}
        row_base = {c["row_id"]: c["hlc"] for c in made}
        again = [
            writer.change(project, row_id=c["row_id"], column=c["column"], value="writer's")
            for c in made[:conflicting]
        ]
        if again:
            writer.push(again).raise_for_status()
        edits = []
        for c in made:
            edit = editor.change(project, row_id=c["row_id"], column=c["column"], value="edit")
            edit.update(
                base=seen[(c["row_id"], c["column"])], row_base=row_base[c["row_id"]], text=True
            )
            edits.append(edit)
        started = time.perf_counter()
        editor.push(edits).raise_for_status()
        times.append((time.perf_counter() - started) * 1000)
    return times[2:]


def new_client(hub: HubThread, url: str, projects: list[str]) -> HubClient:
    with admin.connect(url) as conn:
        name = f"bench{uuid.uuid4().hex[:8]}"
        secret = admin.add_user(conn, name)
        for project in projects:
            admin.grant(conn, name, project)
    client = HubClient(hub.url, name, secret)
    client.get("/v1/hello").raise_for_status()  # the secret is verified once per process
    return client


def throughput(clients: list[HubClient], projects: list[str], pushes: int) -> float:
    bodies = [[batch(c, p) for _ in range(pushes)] for c, p in zip(clients, projects, strict=True)]

    def run(index: int) -> None:
        for changes in bodies[index]:
            clients[index].push(changes).raise_for_status()

    started = time.perf_counter()
    with ThreadPoolExecutor(len(clients)) as pool:
        list(pool.map(run, range(len(clients))))
    return len(clients) * pushes * BATCH / (time.perf_counter() - started)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--clients", type=int, default=10)
    parser.add_argument("--pushes", type=int, default=10)
    args = parser.parse_args()
    bin_dir = find_bin_dir()
    if bin_dir is None:
        print("no PostgreSQL server programs found (apt-get install postgresql)")
        return 1
    cluster = TempPostgres(bin_dir)
    cluster.start()
    try:
        url = cluster.create_hub_database("pm_hub_bench")
        hub_main(["init", "--database-url", url])
        hub = HubThread(url, pool_size=max(10, args.clients + 2)).start()
        try:
            project = str(uuid.uuid4())
            client = new_client(hub, url, [project])
            times = []
            for _ in range(args.runs + 2):
                changes = batch(client, project)
                started = time.perf_counter()
                client.push(changes).raise_for_status()
                times.append((time.perf_counter() - started) * 1000)
            times = times[2:]  # the first pushes warm the pool and the caches
            p95 = statistics.quantiles(times, n=20)[-1] if len(times) >= 2 else times[0]
            verdict = "ok" if p95 <= TARGET_MS else "OVER TARGET"
            print(
                f"push of {BATCH} changes over HTTP, {args.runs} runs: median "
                f"{statistics.median(times):.0f} ms, p95 {p95:.0f} ms "
                f"(target {TARGET_MS:.0f} ms): {verdict}"
            )
            for conflicting in (0, 50):
                edits = edit_times(
                    hub, url, project, client, runs=args.runs, conflicting=conflicting
                )
                edits_p95 = statistics.quantiles(edits, n=20)[-1]
                edit_verdict = "ok" if edits_p95 <= TARGET_MS else "OVER TARGET"
                verdict = verdict if edit_verdict == "ok" else edit_verdict
                print(
                    f"push of {BATCH} text edits of rows another device wrote, {conflicting} of"
                    f" them unseen (conflict records): median {statistics.median(edits):.0f} ms,"
                    f" p95 {edits_p95:.0f} ms (target {TARGET_MS:.0f} ms): {edit_verdict}"
                )

            own = [str(uuid.uuid4()) for _ in range(args.clients)]
            clients = [new_client(hub, url, [p]) for p in own]
            rate = throughput(clients, own, args.pushes)
            print(
                f"{args.clients} clients at once, each {args.pushes} pushes of {BATCH} changes"
                f" to its own project: {rate:,.0f} changes/s"
            )
            shared = str(uuid.uuid4())
            clients = [new_client(hub, url, [shared]) for _ in range(args.clients)]
            rate = throughput(clients, [shared] * args.clients, args.pushes)
            print(
                f"{args.clients} clients at once, each {args.pushes} pushes of {BATCH} changes"
                f" to one shared project: {rate:,.0f} changes/s"
            )
            return 0 if verdict == "ok" else 1
        finally:
            hub.stop()
    finally:
        cluster.stop()


if __name__ == "__main__":
    sys.exit(main())
