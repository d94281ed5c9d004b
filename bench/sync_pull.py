"""The initial pull of dataset L by a new device: rows per second through the real sync engine.

    python bench/sync_pull.py [--runs 3] [--dataset-l PATH]

Starts a throwaway PostgreSQL and a real hub over HTTP on loopback (as ``bench/hub_push.py``
does), creates a user granted every project of dataset L, opens a copy of dataset L as replica
A (its change log holds every field of every row, as ``bulk_insert`` logged them) and pushes it
all with ``push_pending`` (timed: changes/s). The hub's database is then vacuumed and
analysed (``VACUUM (ANALYZE)``, timed), which PostgreSQL's autovacuum does by itself within a
minute or two of such a load: a new device joins a hub whose data has long settled, not one
still digesting 740,000 changes pushed a second earlier (PostgreSQL's first reads of freshly
written rows also write their hint bits, and its planner has no statistics yet: measured, the
first pull then takes 1.4 to 1.6 times as long; ``--no-vacuum`` measures that). Then,
``--runs`` times, opens a fresh, empty, migrated database as replica B (same user, another
device) and times ``sync_once(B, client)``:
the initial pull of everything (each project downloaded whole through ``/v1/snapshot``, see
``pm_desktop/sync/snapshot.py``). Reports rows/s (live + tombstoned rows of the synced tables
that arrived in B; target at least 30,000 rows/s, median of the runs) and fields/s (changes
applied), where the time of a pull goes, and checks that B holds as many rows as A in every
synced table. In the breakdown, the snapshot requests run in two threads while pages are written
(their time overlaps the rest); "the rest" is the pull's time outside the other parts of its
own thread: the commit of each page (writing the write-ahead log, fsync, checkpoints), waiting
for a page, the foreign-key check after each download, opening connections.

The pull runs as the app runs a sync round (``--gc app``, the default): in a worker thread,
while the main thread's Qt event loop runs the garbage collector's passes
(:class:`~pm_desktop.ui.main_thread_gc.MainThreadCollector`, automatic collection off) over a
heap frozen once set up (``gc.freeze``, as the app does once its services are ready).
``--gc interpreter`` runs it in the main thread with Python's automatic collection instead,
which the app never does: there, full passes over the whole heap, triggered by the pages'
allocations, cost about a fifth of the pull.

Dataset L is generated into a temporary folder (about 13 s) unless ``--dataset-l`` names an
existing file, which is copied (never modified) and its change log marked pending in the copy.
The hub runs as a team runs it: ``pm-desktop hub serve`` in a process of its own on loopback
(``--hub thread`` runs it in a uvicorn thread of this process instead, as the tests do: the hub
and the client then share one interpreter, and the client is slower for it).
"""

from __future__ import annotations

import argparse
import gc
import shutil
import statistics
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import func, select, update

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.gen_dataset import generate  # noqa: E402
from pm_desktop.hub import admin  # noqa: E402
from pm_desktop.hub.cli import main as hub_main  # noqa: E402
from pm_desktop.storage.database import Store, open_store  # noqa: E402
from pm_desktop.storage.models.local import ChangeLogEntry, LocalMeta  # noqa: E402
from pm_desktop.sync import engine, page_writer  # noqa: E402
from pm_desktop.sync.apply import _synced_tables  # noqa: E402
from pm_desktop.sync.client import HubClient  # noqa: E402
from tests.hub.hubserver import HubProcess, HubThread  # noqa: E402
from tests.hub.postgres import TempPostgres, find_bin_dir  # noqa: E402

TARGET_ROWS_PER_S = 30_000.0
T = TypeVar("T")


def as_the_app_runs_it(work: Callable[[], T]) -> T:
    """``work()`` in a worker thread while this thread's Qt event loop runs the app's
    garbage-collector passes over a frozen heap (see the module's notes)."""
    from PySide6.QtCore import QCoreApplication, QEventLoop, QMetaObject, Qt

    from pm_desktop.ui.main_thread_gc import MainThreadCollector

    app = QCoreApplication.instance() or QCoreApplication([])
    gc.collect()
    gc.freeze()
    collector = MainThreadCollector(app).start()
    outcome: dict[str, Any] = {}
    loop = QEventLoop()

    def run() -> None:
        try:
            outcome["value"] = work()
        except BaseException as error:  # raised again in this thread
            outcome["error"] = error
        finally:  # queued: the loop quits in its own thread, even if it has not started yet
            QMetaObject.invokeMethod(loop, "quit", Qt.ConnectionType.QueuedConnection)

    worker = threading.Thread(target=run, name="sync")
    worker.start()
    loop.exec()
    worker.join()
    collector.stop()
    gc.unfreeze()
    if "error" in outcome:
        raise outcome["error"]
    return outcome["value"]  # type: ignore[no-any-return]


def row_counts(store: Store) -> dict[str, int]:
    """Rows (live and tombstoned) of every synced table."""
    with store.read() as session:
        return {
            name: int(session.scalar(select(func.count()).select_from(table)) or 0)
            for name, (table, _columns) in sorted(_synced_tables().items())
        }


def replica_a(path: Path, source: Path | None) -> None:
    """Dataset L at ``path`` with its whole change log pending (never touches ``source``)."""
    if source is None:
        started = time.perf_counter()
        generate(path, "L", 1, keep_pending=True, progress=lambda _m: None)
        print(f"generated dataset L in {time.perf_counter() - started:.1f} s")
        return
    shutil.copyfile(source, path)
    for suffix in ("-wal", "-shm"):
        if Path(f"{source}{suffix}").exists():
            shutil.copyfile(f"{source}{suffix}", f"{path}{suffix}")
    store = open_store(path)
    try:
        with store.sessions.begin() as session:
            session.execute(
                update(ChangeLogEntry)
                .values(pushed=False)
                .execution_options(synchronize_session=False)
            )
            session.query(LocalMeta).filter(LocalMeta.key.like("sync.%")).delete(
                synchronize_session=False
            )
    finally:
        store.close()


class Timer:
    """Seconds spent in wrapped calls, by label."""

    def __init__(self) -> None:
        self.spent: dict[str, float] = {}
        self.calls: dict[str, int] = {}

    def wrap(self, label: str, fn: Callable[..., Any]) -> Callable[..., Any]:
        def timed(*args: Any, **kwargs: Any) -> Any:
            started = time.perf_counter()
            try:
                return fn(*args, **kwargs)
            finally:
                self.spent[label] = self.spent.get(label, 0.0) + time.perf_counter() - started
                self.calls[label] = self.calls.get(label, 0) + 1

        return timed


def pull_once(
    work: Path, run: int, hub: HubProcess | HubThread, user: str, secret: str, *, app_gc: bool
) -> tuple[float, int, int, dict[str, int], Timer, list[str]]:
    """Time ``sync_once`` on a fresh replica B; (seconds, rows, fields, counts, timer, errors)."""
    store = open_store(work / f"B{run}.sqlite")
    timer = Timer()
    saved = {name: getattr(engine, name) for name in ("apply_page", "_reschedule")}
    write_page = page_writer.Writer.write
    try:
        before = row_counts(store)
        with HubClient(hub.url, user, secret, timeout=120) as client:
            client.pull = timer.wrap("hub round trips (pull)", client.pull)  # type: ignore[method-assign]
            client.snapshot = timer.wrap("snapshot requests (in the feed threads)", client.snapshot)  # type: ignore[method-assign]
            client.wait = timer.wrap("hub round trips (stream position)", client.wait)  # type: ignore[method-assign]
            setattr(page_writer.Writer, "write", timer.wrap("write snapshot pages", write_page))  # noqa: B010
            setattr(engine, "apply_page", timer.wrap("apply pages", saved["apply_page"]))  # noqa: B010
            setattr(engine, "_reschedule", timer.wrap("reschedule plans", saved["_reschedule"]))  # noqa: B010

            def timed_pull() -> tuple[float, engine.SyncReport]:
                started = time.perf_counter()
                report = engine.sync_once(store, client)
                return time.perf_counter() - started, report

            seconds, report = as_the_app_runs_it(timed_pull) if app_gc else timed_pull()
        after = row_counts(store)
        rows = sum(after.values()) - sum(before.values())
        return seconds, rows, report.pulled, after, timer, report.errors
    finally:
        for name, fn in saved.items():
            setattr(engine, name, fn)
        setattr(page_writer.Writer, "write", write_page)  # noqa: B010
        store.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--dataset-l", type=Path, help="an existing dataset L file to copy")
    parser.add_argument(
        "--hub",
        choices=("process", "thread"),
        default="process",
        help="the hub as a team runs it, 'pm-desktop hub serve' in its own process (default),"
        " or uvicorn in a thread of this process (sharing its interpreter with the client)",
    )
    parser.add_argument(
        "--no-vacuum",
        action="store_true",
        help="pull right after the push, before PostgreSQL has vacuumed and analysed its tables",
    )
    parser.add_argument(
        "--gc",
        choices=("app", "interpreter"),
        default="app",
        help="the garbage collector as the app runs it (default), or Python's automatic one",
    )
    args = parser.parse_args()
    bin_dir = find_bin_dir()
    if bin_dir is None:
        print("no PostgreSQL server programs found (apt-get install postgresql)")
        return 1
    with tempfile.TemporaryDirectory(prefix="pm-sync-pull-") as tmp:
        work = Path(tmp)
        replica_a(work / "A.sqlite", args.dataset_l)
        cluster = TempPostgres(bin_dir)
        cluster.start()
        try:
            url = cluster.create_hub_database("pm_hub_bench")
            hub_main(["init", "--database-url", url])
            hub = (HubProcess if args.hub == "process" else HubThread)(url, pool_size=4).start()
            try:
                return measure(
                    work, hub, url, args.runs, app_gc=args.gc == "app", vacuum=not args.no_vacuum
                )
            finally:
                hub.stop()
        finally:
            cluster.stop()


def measure(
    work: Path, hub: HubProcess | HubThread, url: str, runs: int, *, app_gc: bool, vacuum: bool
) -> int:
    a = open_store(work / "A.sqlite")
    try:
        with a.read() as session:
            log = ChangeLogEntry.__table__
            projects = sorted(
                str(p)
                for p in session.scalars(
                    select(log.c.project_id).where(log.c.project_id.is_not(None)).distinct()
                )
            )
            pending = int(
                session.scalar(select(func.count()).select_from(log).where(log.c.pushed.is_(False)))
                or 0
            )
        counts_a = row_counts(a)
        user = f"bench{uuid.uuid4().hex[:8]}"
        with admin.connect(url) as conn:
            secret = admin.add_user(conn, user)
            for project in projects:
                admin.grant(conn, user, project)
        with HubClient(hub.url, user, secret, timeout=120) as client:
            client.hello()  # the secret is verified once per process
            started = time.perf_counter()
            pushed = engine.push_pending(a, client)
            push_s = time.perf_counter() - started
    finally:
        a.close()
    print(
        f"replica A: dataset L, {len(projects)} projects, {sum(counts_a.values()):,} rows, "
        f"{pending:,} pending changes"
    )
    print(
        f"push of A: {pushed:,} changes in {push_s:.1f} s = {pushed / push_s:,.0f} changes/s "
        f"(batches of {engine.BATCH_SIZE})"
    )
    if vacuum:
        started = time.perf_counter()
        with admin.connect(url) as conn:  # the tables' owner
            conn.execute("VACUUM (ANALYZE)")
        print(f"hub database vacuumed and analysed in {time.perf_counter() - started:.1f} s")
    else:
        print("hub database not vacuumed (--no-vacuum): the first pulls read fresh rows")

    return report(
        work, hub, user, secret, runs=runs, counts_a=counts_a, push_rate=pushed / push_s,
        app_gc=app_gc,
    )  # fmt: skip


def report(
    work: Path,
    hub: HubProcess | HubThread,
    user: str,
    secret: str,
    *,
    runs: int,
    counts_a: dict[str, int],
    push_rate: float,
    app_gc: bool,
) -> int:
    regime = (
        "in a worker thread, garbage collected as the app does it"
        if app_gc
        else "in the main thread, with automatic garbage collection"
    )
    print(f"each pull runs {regime} (--gc)")
    results = []
    mismatch = False
    for run in range(runs):
        seconds, rows, fields, counts_b, timer, errors = pull_once(
            work, run, hub, user, secret, app_gc=app_gc
        )
        results.append((seconds, rows, fields))
        main_thread = sum(v for k, v in timer.spent.items() if "thread" not in k)
        timer.spent["the rest"] = seconds - main_thread
        timer.calls["the rest"] = 1
        spent = ", ".join(
            f"{label} {timer.spent[label]:.1f} s ({timer.calls[label]}x)" for label in timer.spent
        )
        print(
            f"  run {run + 1}: {rows:,} rows, {fields:,} fields in {seconds:.1f} s = "
            f"{rows / seconds:,.0f} rows/s, {fields / seconds:,.0f} fields/s  [{spent}]"
        )
        if errors:
            kinds: dict[str, int] = {}
            for error in errors:
                kinds[error] = kinds.get(error, 0) + 1
            print(f"    !!! {len(errors):,} sync errors reported by the pull:")
            for error, times in sorted(kinds.items(), key=lambda kv: -kv[1])[:10]:
                print(f"    !!! {times:>7,} x {error}")
        wrong = {
            t: (counts_a[t], counts_b.get(t, 0)) for t in counts_a if counts_a[t] != counts_b.get(t)
        }
        if wrong:
            mismatch = True
            print("    !!! ROW COUNT MISMATCH (table: A vs B) !!!")
            for table, (in_a, in_b) in wrong.items():
                print(f"    !!! {table:<22} {in_a:>8,} vs {in_b:>8,}")

    seconds = statistics.median(r[0] for r in results)
    median_rows = statistics.median(float(r[1]) for r in results)
    median_fields = statistics.median(float(r[2]) for r in results)
    rate = statistics.median(r[1] / r[0] for r in results)
    frate = statistics.median(r[2] / r[0] for r in results)
    verdict = "ok" if rate >= TARGET_ROWS_PER_S else "OVER TARGET"
    print()
    print(f"{'initial pull of dataset L (median of ' + str(runs) + ')':<44} {'value':>12}  target")
    print(f"{'rows pulled':<44} {median_rows:>12,.0f}")
    print(f"{'fields (changes) applied':<44} {median_fields:>12,.0f}")
    print(f"{'seconds':<44} {seconds:>12.1f}")
    print(f"{'rows/s':<44} {rate:>12,.0f}  >= {TARGET_ROWS_PER_S:,.0f}: {verdict}")
    print(f"{'fields/s':<44} {frate:>12,.0f}")
    print(f"{'push of A, changes/s':<44} {push_rate:>12,.0f}")
    if mismatch:
        print("!!! B's row counts differ from A's: see above !!!")
    return 0 if verdict == "ok" and not mismatch else 1


if __name__ == "__main__":
    sys.exit(main())
