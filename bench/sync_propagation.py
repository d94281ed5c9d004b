"""Propagation between two online computers: an edit on A until B's replica has it.

    python bench/sync_propagation.py [--runs 25]

Starts a throwaway PostgreSQL and a real hub over HTTP on loopback (as ``bench/hub_push.py``
does), and two replicas A and B (``Services.open`` on temporary files, same user, two devices)
that share one project. Each has the app's own :class:`~pm_desktop.ui.sync_runner.SyncRunner`
(the debounce after an edit, one run at a time, the long poll of
:mod:`pm_desktop.sync.watch`), in a Qt event loop without windows. A run: rename the project on
A through its service, tell A's runner of the edit as the undo stack does, and time until B's
runner has written the new name into B's replica (its ``pulled`` signal, then the name is read
back). Reports the median, p95 and worst of ``--runs`` runs against the 2 s target, and where
the time goes: A's debounce, A's push until B's round starts (hub, NOTIFY, B's long poll), and
B's round. The hub runs in this process (a uvicorn thread), as in the tests.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import keyring  # noqa: E402
from keyring.backends import fail  # noqa: E402
from PySide6.QtCore import QEventLoop, QSettings, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from pm_desktop.hub import admin  # noqa: E402
from pm_desktop.hub.cli import main as hub_main  # noqa: E402
from pm_desktop.services.container import Services  # noqa: E402
from pm_desktop.sync.client import HubClient  # noqa: E402
from pm_desktop.sync.credentials import SESSION  # noqa: E402
from pm_desktop.sync.engine import sync_once  # noqa: E402
from pm_desktop.ui.sync_runner import AFTER_EDIT_MS, SyncRunner  # noqa: E402
from pm_desktop.ui.sync_settings import HUB_SERVICE, HubSettings, save_hub_settings  # noqa: E402
from tests.hub.hubserver import HubThread  # noqa: E402
from tests.hub.postgres import TempPostgres, find_bin_dir  # noqa: E402

TARGET_S = 2.0
TIMEOUT_S = 10.0


def spin(seconds: float, until: Callable[[], bool] | None = None, signal: object = None) -> bool:
    """Run the event loop for up to ``seconds``, or until ``until()`` is true when ``signal``
    fires; whether ``until()`` became true."""
    loop = QEventLoop()
    QTimer.singleShot(int(seconds * 1000), loop.quit)
    if until is not None and signal is not None:

        def check(*_args: object) -> None:
            if until():
                loop.quit()

        signal.connect(check)  # type: ignore[attr-defined]
    loop.exec()
    if until is not None and signal is not None:
        signal.disconnect(check)  # type: ignore[attr-defined]
    return until() if until is not None else True


class Computer:
    """One laptop: a replica and the app's sync runner for it."""

    def __init__(self, path: Path, hub: HubThread, user: str, secret: str) -> None:
        self.services = Services.open(path)
        settings = QSettings(str(path.with_suffix(".ini")), QSettings.Format.IniFormat)
        hub_settings = HubSettings(hub.url, user)
        save_hub_settings(settings, hub_settings)
        SESSION.set(HUB_SERVICE, hub_settings.account, secret)
        self.runner = SyncRunner(lambda: self.services, settings, network_state=lambda: "online")
        # Each long poll is answered at once by a change; its timeout only sets how often an
        # idle one is sent again (25 s in the app): short here, so that closing is quick.
        self.runner.wait_seconds = 5
        self.started: list[float] = []  # when each run started
        self.pulled: list[float] = []  # when each run that wrote remote changes finished
        self.runner.stateChanged.connect(self._on_state)
        self.runner.pulled.connect(lambda: self.pulled.append(time.perf_counter()))

    def _on_state(self, state: str) -> None:
        if state == "syncing":
            self.started.append(time.perf_counter())

    def idle(self) -> bool:
        return not self.runner.running

    def close(self) -> None:
        """Stop; wait for the last long poll to end, so the hub stops without cutting it."""
        watcher = self.runner.watcher
        self.runner.stop()
        self.runner.wait()
        if watcher is not None:
            watcher.join(self.runner.wait_seconds + 5)
        self.services.close()


def measure(work: Path, hub: HubThread, url: str, runs: int) -> int:
    user = f"bench{uuid.uuid4().hex[:8]}"
    with admin.connect(url) as conn:
        secret = admin.add_user(conn, user)
    a = Computer(work / "A.sqlite", hub, user, secret)
    b = Computer(work / "B.sqlite", hub, user, secret)
    try:
        project = a.services.projects.create(
            "Line 3", client="ACME", contract_signed_on=date(2026, 3, 2)
        ).id
        with admin.connect(url) as conn:
            admin.grant(conn, user, project)
        with HubClient(hub.url, user, secret, timeout=30) as client:
            sync_once(a.services.store, client)
            sync_once(b.services.store, client)
        for computer in (a, b):  # both online and listening, as after start-up
            computer.runner.sync_now()
            spin(10, computer.idle, computer.runner.finished)
        spin(1.5)
        if not (a.runner.watching and b.runner.watching):
            print("!!! the long poll did not start:", a.runner.tooltip, b.runner.tooltip)
            return 1

        results: list[tuple[float, float, float, float]] = []
        failures = 0
        for run in range(runs):
            name = f"Line 3 rev {run + 1}"
            a.started.clear()
            b.started.clear()
            b.pulled.clear()
            edited = time.perf_counter()
            a.services.projects.rename(project, name)
            a.runner.schedule()  # what the undo stack's indexChanged does in the window

            def on_b(name: str = name) -> bool:
                return b.services.projects.get(project).name == name

            arrived = spin(TIMEOUT_S, on_b, b.runner.pulled)
            if not arrived or not b.pulled:
                failures += 1
                print(f"  run {run + 1}: not on B after {TIMEOUT_S:.0f} s")
            else:
                total = b.pulled[-1] - edited
                debounce = a.started[0] - edited
                b_start = b.started[-1] if b.started else b.pulled[-1]
                results.append((total, debounce, b_start - a.started[0], b.pulled[-1] - b_start))
            spin(1.0)  # A's echo round and both long polls settle before the next edit
    finally:
        a.close()
        b.close()
    return report(results, failures, runs)


def report(results: list[tuple[float, float, float, float]], failures: int, runs: int) -> int:
    if len(results) < 2:
        print("!!! too few runs arrived to report")
        return 1
    totals = sorted(r[0] for r in results)
    p95 = statistics.quantiles(totals, n=20, method="inclusive")[18]
    median = statistics.median(totals)
    verdict = "ok" if p95 <= TARGET_S and not failures else "OVER TARGET"
    print()
    print(f"{'propagation A -> B, ' + str(len(results)) + ' runs':<46} {'seconds':>8}  target")
    print(f"{'median':<46} {median:>8.3f}")
    print(f"{'p95':<46} {p95:>8.3f}  <= {TARGET_S:.1f}: {verdict}")
    print(f"{'worst':<46} {totals[-1]:>8.3f}")
    for label, index in (
        (f"  A's debounce after the edit ({AFTER_EDIT_MS} ms)", 1),
        ("  A's run starts -> B's run starts (long poll)", 2),
        ("  B's run (hello, push nothing, pull)", 3),
    ):
        print(f"{label:<46} {statistics.median(r[index] for r in results):>8.3f}  (median)")
    if failures:
        print(f"!!! {failures} of {runs} edits did not reach B within {TIMEOUT_S:.0f} s")
    return 0 if verdict == "ok" else 1


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=25)
    args = parser.parse_args()
    bin_dir = find_bin_dir()
    if bin_dir is None:
        print("no PostgreSQL server programs found (apt-get install postgresql)")
        return 1
    keyring.set_keyring(fail.Keyring())  # type: ignore[no-untyped-call]  # secrets: this session
    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory(prefix="pm-sync-propagation-") as tmp:
        cluster = TempPostgres(bin_dir)
        cluster.start()
        try:
            url = cluster.create_hub_database("pm_hub_bench")
            hub_main(["init", "--database-url", url])
            hub = HubThread(url, pool_size=4).start()
            try:
                return measure(Path(tmp), hub, url, args.runs)
            finally:
                hub.stop()
        finally:
            cluster.stop()
            del app


if __name__ == "__main__":
    sys.exit(main())
