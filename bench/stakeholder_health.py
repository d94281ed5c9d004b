"""Stakeholder health checks over dataset L: every project's warnings, from the database.

    python bench/stakeholder_health.py [--dataset-l PATH] [--runs 15]

Times ``StakeholderService.health`` (queries and rules) for all projects of dataset L together
(500 stakeholders, 2,000 meetings with their attendance), and for the busiest project alone.
Target: all health checks over dataset L in at most 100 ms (p95).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from pm_desktop.services.container import Services  # noqa: E402

TARGET_MS = 100.0


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
            projects = [p.id for p in services.projects.list(include_archived=True)]
            busiest = max(projects, key=lambda p: len(services.stakeholders.of_project(p)))

            def all_projects() -> int:
                return sum(len(services.stakeholders.health(p)) for p in projects)

            def one_project() -> int:
                return len(services.stakeholders.health(busiest))

            failed = False
            print(
                f"stakeholder health over dataset L ({len(projects)} projects), "
                f"{args.runs} runs (ms: median / p95, warnings)"
            )
            for name, run in (("all projects", all_projects), ("busiest project", one_project)):
                run()  # warm the page cache once
                samples, found = [], 0
                for _ in range(args.runs):
                    start = time.perf_counter()
                    found = run()
                    samples.append((time.perf_counter() - start) * 1000)
                p95 = statistics.quantiles(samples, n=20)[-1]
                verdict = "ok" if p95 <= TARGET_MS else "OVER TARGET"
                failed |= p95 > TARGET_MS
                print(
                    f"  {name:<16} {statistics.median(samples):6.1f} / {p95:6.1f}"
                    f"  {found:5d} warnings  {verdict}"
                )
        finally:
            services.close()
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
