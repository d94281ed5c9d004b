"""Stakeholder edits with 500 (--people) stakeholders in one project: from the user's change to the
refreshed screen (the undo command, the save, re-reading register and warnings, the views).

    QT_QPA_PLATFORM=offscreen python bench/stakeholder_edit.py [--runs 30]

DESIGN.md asks short edits to stay under 20 ms on the GUI thread; reported, not asserted.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtGui import QUndoStack  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from pm_desktop.core.enums import Attitude, RoleClass  # noqa: E402
from pm_desktop.services.container import Services  # noqa: E402
from pm_desktop.ui.services_loader import ServicesLoader  # noqa: E402
from pm_desktop.ui.stakeholders.workspace import StakeholdersWorkspace  # noqa: E402

PEOPLE = 500


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--people", type=int, default=PEOPLE)
    args = parser.parse_args()
    app = QApplication([])
    rng = random.Random(7)
    with tempfile.TemporaryDirectory(prefix="pm-bench-") as tmp:
        services = Services.open(Path(tmp) / "edit.sqlite")
        project = services.projects.create("大型项目").id
        for n in range(args.people):
            person = services.stakeholders.create(
                project,
                f"干系人{n:03d}",
                title="经理",
                organisation="客户集团",
                role_class=RoleClass.ONE_W if n == 0 else RoleClass.OTHER,
                power=rng.randint(1, 5),
                interest=rng.randint(1, 5),
                attitude=rng.choice(list(Attitude)),
            )
            if n % 3 == 0:
                services.stakeholders.add_demand(person.id, "按期上线")
        workspace = StakeholdersWorkspace(
            ServicesLoader.of(services),
            QSettings(str(Path(tmp) / "settings.ini"), QSettings.Format.IniFormat),
            QUndoStack(),
        )
        workspace.resize(1400, 900)
        workspace.show()
        app.processEvents()
        start = time.perf_counter()
        workspace.set_project(project)
        app.processEvents()
        print(
            f"stakeholder edits, {args.people} stakeholders in one project, {args.runs} runs (ms)"
        )
        print(f"  open the project                {(time.perf_counter() - start) * 1000:6.1f}")
        ids = [r.id for r in workspace.records]
        for name, view in (("map shown", workspace.map), ("register shown", workspace.table)):
            workspace.tabs.setCurrentWidget(view)
            app.processEvents()
            samples = []
            for _ in range(args.runs):
                begin = time.perf_counter()
                workspace.map.cardMoved.emit(rng.choice(ids), rng.randint(1, 5), rng.randint(1, 5))
                app.processEvents()
                samples.append((time.perf_counter() - begin) * 1000)
            p95 = statistics.quantiles(samples, n=20)[-1]
            print(
                f"  move a card, {name:<16} median {statistics.median(samples):5.1f}"
                f"  p95 {p95:5.1f}"
            )
        services.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
