"""Start-up benchmark: process start to a shown main window, as a ratio to a bare PySide6 window.

    python bench/startup.py [--runs 7] [--dataset-l PATH]

Measures, in the same run and alternating so that machine noise hits all alike:
  bare   a Python process that shows an empty QMainWindow and processes events;
  empty  ``pm-desktop --smoke-test`` on an empty (already migrated) database;
  L      the same on dataset L (built with bench/gen_dataset.py unless --dataset-l is given).
Targets (issue 2): empty <= 3x bare, L <= 5x bare. Reports medians and the ratios.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BARE = (
    "import sys, time\n"
    "from PySide6.QtWidgets import QApplication, QMainWindow\n"
    "app = QApplication(sys.argv)\n"
    "window = QMainWindow()\n"
    "window.show()\n"
    "app.processEvents()\n"
    "print(f'main window shown at {time.time():.6f}')\n"
    "window.close()\n"
)
SHOWN = re.compile(r"shown at (\d+\.\d+)")
READY = re.compile(r"services ready at (\d+\.\d+)")
TARGETS = {"empty": 3.0, "L": 5.0}


def timed(command: list[str]) -> tuple[float, float]:
    """Seconds from launch to the window shown, and to the services loaded (the app prints both).

    The bare window has no services: its second figure repeats the first.
    """
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    env["PYTHONPATH"] = str(ROOT)
    start = time.time()
    result = subprocess.run(command, check=True, env=env, capture_output=True, text=True)
    shown = SHOWN.search(result.stdout)
    if shown is None:
        raise RuntimeError(f"{command} did not report its window: {result.stdout}{result.stderr}")
    ready = READY.search(result.stdout) or shown
    return float(shown.group(1)) - start, float(ready.group(1)) - start


def app_command(db: Path) -> list[str]:
    return [sys.executable, "-m", "pm_desktop", "--smoke-test", "--lang", "zh_CN", "--db", str(db)]


def prepare(workdir: Path, dataset_l: Path | None) -> dict[str, Path]:
    sys.path.insert(0, str(ROOT))
    from pm_desktop.storage.database import open_store

    empty = workdir / "empty.sqlite"
    open_store(empty).close()
    if dataset_l is None:
        sys.path.insert(0, str(ROOT / "bench"))
        from gen_dataset import generate

        dataset_l = workdir / "dataset-L.sqlite"
        print("building dataset L ...", file=sys.stderr)
        generate(dataset_l, "L", 1)
    copy = workdir / "L.sqlite"
    shutil.copyfile(dataset_l, copy)
    return {"empty": empty, "L": copy}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--dataset-l", type=Path, help="an existing dataset L database")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="pm-bench-") as tmp:
        databases = prepare(Path(tmp), args.dataset_l)
        commands = {
            "bare": [sys.executable, "-c", BARE],
            **{name: app_command(path) for name, path in databases.items()},
        }
        for command in commands.values():  # warm the OS file cache once
            timed(command)
        samples: dict[str, list[float]] = {name: [] for name in commands}
        loaded: dict[str, list[float]] = {name: [] for name in commands}
        for _ in range(args.runs):
            for name, command in commands.items():
                shown, ready = timed(command)
                samples[name].append(shown)
                loaded[name].append(ready)
    medians = {name: statistics.median(values) for name, values in samples.items()}
    ready_medians = {name: statistics.median(values) for name, values in loaded.items()}
    print(f"start-up to a shown main window, median of {args.runs} runs")
    print(f"  bare QMainWindow: {medians['bare'] * 1000:7.0f} ms")
    failed = False
    for name, target in TARGETS.items():
        ratio = medians[name] / medians["bare"]
        verdict = "ok" if ratio <= target else "OVER TARGET"
        failed |= ratio > target
        print(
            f"  {name:>5} database: {medians[name] * 1000:7.0f} ms  "
            f"= {ratio:.2f}x bare (target <= {target:.0f}x) {verdict}; "
            f"services loaded in the background by {ready_medians[name] * 1000:.0f} ms"
        )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
