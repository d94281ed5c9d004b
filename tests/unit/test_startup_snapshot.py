"""The first screen comes from a snapshot read without SQLAlchemy; it agrees with the services."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from pm_desktop.services.container import Services
from pm_desktop.services.startup import quick_start

ROOT = Path(__file__).resolve().parents[2]


def test_the_snapshot_shows_what_the_services_show(services: Services) -> None:
    services.projects.create("乙项目", client="客户乙")
    first = services.projects.create("甲项目")
    old = services.projects.create("丙项目")
    services.projects.set_archived(old.id, True)
    gone = services.projects.create("已删除")
    services.projects.remove(gone.id)
    services.projects.rename(first.id, "甲项目（改）")

    snapshot = quick_start(services.database_path)

    assert snapshot is not None
    assert snapshot.projects == services.projects.list(include_archived=True)
    assert snapshot.pending_changes == services.sync_status.pending_changes()


def test_a_new_file_has_no_snapshot_and_is_not_created_by_asking(tmp_path: Path) -> None:
    path = tmp_path / "new.sqlite"
    assert quick_start(path) is None
    assert not path.exists()


def test_the_fast_road_does_not_load_sqlalchemy(db_path: Path) -> None:
    probe = (
        "import json, sys\n"
        "import pm_desktop.app\n"
        "from pathlib import Path\n"
        "from pm_desktop.services.startup import quick_start\n"
        "snapshot = quick_start(Path(sys.argv[1]))\n"
        "print(json.dumps([snapshot is not None, sorted(sys.modules)]))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe, str(db_path)],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    got_snapshot, modules = json.loads(result.stdout)
    assert got_snapshot
    assert "pm_desktop.ui.main_window" in modules
    assert [m for m in modules if m.split(".")[0] in {"sqlalchemy", "alembic"}] == []
