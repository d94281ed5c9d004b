"""The resource heatmap (资源规划) over dataset L: 200 people over 365 days.

    python bench/resource_heatmap.py [--dataset-l PATH] [--runs 15] [--start 2025-12-01]

Times, from the database: ``services.resources.heatmap(None, start, start + 364)`` for the
whole pool (every person's team and task bookings across every project, their time away,
daily and by ISO week) and the heatmap of the main project; then the core computation alone
on the bookings read once. Dataset L books only part of its 200 people; when fewer than 200
have bookings in the period, the core is also timed on a synthetic pool of 200 people, each
on three projects. Target: each at most 300 ms (p95).
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from pm_desktop.core.resource_load import Booking, BookingKind, build_heatmap  # noqa: E402
from pm_desktop.core.work_calendar import WorkCalendar  # noqa: E402
from pm_desktop.services.container import Services  # noqa: E402

TARGET_MS = 300.0
PEOPLE = 200
DAYS = 365


def synthetic_bookings(start: date, seed: int = 6) -> tuple[list[tuple[str, str]], list[Booking]]:
    """200 people, each reserved on three projects for a quarter with ten tasks in each."""
    rng = random.Random(seed)
    people = [(f"p{n:03d}", f"人员{n:03d}") for n in range(PEOPLE)]
    bookings = []
    for person, _ in people:
        for project in ("A", "B", "C"):
            first = start + timedelta(days=rng.randint(0, DAYS - 60))
            last = first + timedelta(days=rng.randint(30, 120))
            pct = rng.choice((20, 50, 80, 100))
            bookings.append(Booking(person, project, first, last, pct, "角色", BookingKind.TEAM))
            for _ in range(10):
                task = first + timedelta(days=rng.randint(0, 30))
                units = rng.choice((50, 100))
                bookings.append(
                    Booking(person, project, task, task + timedelta(days=rng.randint(0, 8)), units)
                )
    return people, bookings


def timed(run: Callable[[], object], runs: int) -> tuple[float, float]:
    run()  # warm the caches (holiday tables, SQLite pages)
    samples = []
    for _ in range(runs):
        began = time.perf_counter()
        run()
        samples.append((time.perf_counter() - began) * 1000)
    return statistics.median(samples), statistics.quantiles(samples, n=20)[-1]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dataset-l", type=Path)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--start", type=date.fromisoformat, default=date(2025, 12, 1))
    args = parser.parse_args()
    start: date = args.start
    end = start + timedelta(days=DAYS - 1)
    with tempfile.TemporaryDirectory(prefix="pm-bench-") as tmp:
        path = args.dataset_l
        if path is None:
            from gen_dataset import generate

            path = Path(tmp) / "dataset-L.sqlite"
            print("building dataset L ...", file=sys.stderr)
            generate(path, "L", 1)
        services = Services.open(path)
        try:
            cases, notes = measure(services, start, end)
            return report(cases, notes, start, end, args.runs)
        finally:
            services.close()


def report(
    cases: list[tuple[str, Callable[[], object]]],
    notes: list[str],
    start: date,
    end: date,
    runs: int,
) -> int:
    """Time each case and print the table; 1 if one is over the target."""
    failed = False
    print(f"resource heatmap, {start} to {end} ({DAYS} days); {runs} runs (ms: median / p95)")
    for line in notes:
        print(f"  {line}")
    for name, run in cases:
        median, p95 = timed(run, runs)
        verdict = "ok" if p95 <= TARGET_MS else "OVER TARGET"
        failed |= p95 > TARGET_MS
        print(f"  {name:<36} {median:7.1f} / {p95:7.1f}  {verdict}")
    return 1 if failed else 0


def measure(
    services: Services, start: date, end: date
) -> tuple[list[tuple[str, Callable[[], object]]], list[str]]:
    """The cases to time, and what the dataset holds."""
    pool = services.resources.heatmap(None, start, end)
    bookings = services.resources.bookings(start, end)
    absences = services.resources.absences(start, end)
    people = [(row.person_id, row.name) for row in pool.rows]
    booked = {b.person_id for b in bookings}
    projects = [p.id for p in services.projects.list(include_archived=True)]
    main_project = max(projects, key=lambda p: len(services.team.assignments(p)))
    calendar = WorkCalendar()
    notes = [
        f"dataset L: {len(people)} people in the pool, {len(booked)} of them booked in the"
        f" period ({len(bookings):,} bookings, {len(absences)} spans away);"
        f" {sum(row.peak > 100 for row in pool.rows)} over-allocated some day"
    ]
    cases: list[tuple[str, Callable[[], object]]] = [
        ("service: pool heatmap, daily", lambda: services.resources.heatmap(None, start, end)),
        (
            "service: pool heatmap, weekly",
            lambda: services.resources.heatmap(None, start, end, weekly=True),
        ),
        (
            "service: main project, daily",
            lambda: services.resources.heatmap(main_project, start, end),
        ),
        (
            f"core only: {len(people)} people, daily",
            lambda: build_heatmap(people, bookings, absences, start, end, calendar=calendar),
        ),
    ]
    if len(booked) < PEOPLE:
        notes.append(
            f"fewer than {PEOPLE} people are booked in dataset L: the core is timed on a"
            f" synthetic pool of {PEOPLE} as well"
        )
        fake_people, fake = synthetic_bookings(start)
        notes.append(f"synthetic: {PEOPLE} people, {len(fake):,} bookings on 3 projects each")
        cases.append(
            (
                f"core only: synthetic {PEOPLE}, daily",
                lambda: build_heatmap(fake_people, fake, [], start, end, calendar=calendar),
            )
        )
        cases.append(
            (
                f"core only: synthetic {PEOPLE}, weekly",
                lambda: build_heatmap(
                    fake_people, fake, [], start, end, calendar=calendar, weekly=True
                ),
            )
        )
    return cases, notes


if __name__ == "__main__":
    sys.exit(main())
