"""Action tracker benchmark: a filter change over the 20,000 action items of dataset L.

    python bench/action_tracker.py [--dataset-l PATH] [--runs 15]

Each filter a user would pick (all projects, owner, status, overdue, text, another sort) is
timed from the query to the result list the table model shows. Target: <= 100 ms each, p95.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from pm_desktop.core.enums import ActionStatus  # noqa: E402
from pm_desktop.core.tracker import TrackerFilter, TrackerSort  # noqa: E402
from pm_desktop.services.container import Services  # noqa: E402

TARGET_MS = 100.0


def filters(services: Services) -> dict[str, TrackerFilter]:
    projects = services.projects.list()
    main = max(projects, key=lambda p: len(services.meetings.of_project(p.id)))
    owner = services.actions.owners()[len(services.actions.owners()) // 2][:1]
    today = date(2026, 6, 1)
    return {
        "all projects, by due date": TrackerFilter(),
        "one project": TrackerFilter(project_id=main.id),
        f"owner contains {owner!r}": TrackerFilter(owner=owner),
        "open and in progress": TrackerFilter(
            statuses=frozenset({ActionStatus.OPEN, ActionStatus.IN_PROGRESS})
        ),
        "overdue": TrackerFilter(overdue_on=today),
        "text contains '方案'": TrackerFilter(text="方案"),
        "sorted by owner": TrackerFilter(sort=TrackerSort.OWNER),
        "newest meetings first": TrackerFilter(sort=TrackerSort.NEWEST),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dataset-l", type=Path)
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="pm-bench-") as tmp:
        path = args.dataset_l
        if path is None:
            from gen_dataset import generate

            path = Path(tmp) / "dataset-L.sqlite"
            print("building dataset L ...", file=sys.stderr)
            generate(path, "L", 1)
        services = Services.open(path)
        try:
            failed = False
            print(f"action tracker over dataset L, {args.runs} runs each (ms: median / p95, rows)")
            for name, wanted in filters(services).items():
                services.actions.find(wanted)  # warm the page cache once
                samples = []
                for _ in range(args.runs):
                    start = time.perf_counter()
                    rows = services.actions.find(wanted)
                    samples.append((time.perf_counter() - start) * 1000)
                p95 = statistics.quantiles(samples, n=20)[-1]
                verdict = "ok" if p95 <= TARGET_MS else "OVER TARGET"
                failed |= p95 > TARGET_MS
                print(
                    f"  {name:<28} {statistics.median(samples):6.1f} / {p95:6.1f}"
                    f"  {len(rows):5d} rows  {verdict}"
                )
        finally:
            services.close()
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
