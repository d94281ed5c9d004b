"""Cost estimate and over-allocation checks over dataset L (200 people in the pool, their
assignments across every project).

    python bench/team_cost.py [--dataset-l PATH] [--runs 15]

Times, from the database: the cost estimate of every project together (working days by each
project's calendar), and the team checks (unfilled roles, over-allocation across projects,
people out of the pool) of every project. Target: each at most 100 ms (p95).
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
            people = len(services.team.people())
            lines = sum(len(services.team.cost(p).lines) for p in projects)

            def cost() -> int:
                return sum(services.team.cost(p).total_fen for p in projects)

            def checks() -> int:
                return sum(len(services.team.check(p).over) for p in projects)

            failed = False
            print(
                f"team cost and checks over dataset L: {people} people, {len(projects)} projects,"
                f" {lines} assignments; {args.runs} runs (ms: median / p95)"
            )
            for name, run in (("cost, all projects", cost), ("checks, all projects", checks)):
                run()
                samples = []
                for _ in range(args.runs):
                    start = time.perf_counter()
                    run()
                    samples.append((time.perf_counter() - start) * 1000)
                p95 = statistics.quantiles(samples, n=20)[-1]
                verdict = "ok" if p95 <= TARGET_MS else "OVER TARGET"
                failed |= p95 > TARGET_MS
                print(f"  {name:<22} {statistics.median(samples):6.1f} / {p95:6.1f}  {verdict}")
        finally:
            services.close()
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
