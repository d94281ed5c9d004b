"""The benchmark dataset generator (bench/gen_dataset.py), at size S."""

from __future__ import annotations

import importlib.util
import sqlite3
import sys
from collections import defaultdict, deque
from contextlib import closing
from pathlib import Path
from types import ModuleType

import pytest

from pm_desktop.storage.schema import SCHEMA_HEAD

SCRIPT = Path(__file__).resolve().parents[2] / "bench" / "gen_dataset.py"
SEED = 7


def _load() -> ModuleType:
    spec = importlib.util.spec_from_file_location("gen_dataset", SCRIPT)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["gen_dataset"] = module
    spec.loader.exec_module(module)
    return module


gen = _load()


def _quiet(_message: str) -> None:
    pass


@pytest.fixture(scope="module")
def dataset(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, int]]:
    path = tmp_path_factory.mktemp("dataset") / "S.sqlite"
    return path, gen.generate(path, "S", SEED, progress=_quiet)


def _rows(path: Path, sql: str) -> list[tuple[object, ...]]:
    with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as conn:
        return conn.execute(sql).fetchall()


def test_counts_in_the_database(dataset: tuple[Path, dict[str, int]]) -> None:
    path, written = dataset
    for table, count in written.items():
        assert _rows(path, f"SELECT count(*) FROM {table}") == [(count,)], table
    expected = gen.scaled("S")
    assert expected["plan_tasks"] == 100
    assert written["projects"] == expected["projects"]
    assert written["people"] == expected["people"]
    assert written["stakeholders"] == expected["stakeholders"]
    assert written["meetings"] == expected["meetings"]
    assert written["action_items"] == expected["action_items"]
    main_tasks, main_deps = _rows(
        path,
        "SELECT (SELECT count(*) FROM plan_tasks WHERE project_id = p.id),"
        " (SELECT count(*) FROM task_dependencies WHERE project_id = p.id)"
        " FROM projects p WHERE p.code = 'BM-0000'",
    )[0]
    assert (main_tasks, main_deps) == (expected["plan_tasks"], expected["task_dependencies"])
    for table in ("meeting_attendees", "agenda_items", "minute_entries"):
        assert written[table] > 0


def test_dependencies_are_acyclic_and_met(dataset: tuple[Path, dict[str, int]]) -> None:
    path, _ = dataset
    edges = _rows(path, "SELECT predecessor_id, successor_id FROM task_dependencies")
    successors: dict[object, list[object]] = defaultdict(list)
    indegree: dict[object, int] = defaultdict(int)
    nodes = {task for edge in edges for task in edge}
    for before, after in edges:
        assert before != after
        successors[before].append(after)
        indegree[after] += 1
    ready = deque(node for node in nodes if indegree[node] == 0)
    seen = 0
    while ready:
        node = ready.popleft()
        seen += 1
        for after in successors[node]:
            indegree[after] -= 1
            if indegree[after] == 0:
                ready.append(after)
    assert seen == len(nodes), "the dependency graph has a cycle"
    late = _rows(
        path,
        "SELECT count(*) FROM task_dependencies d"
        " JOIN plan_tasks a ON a.id = d.predecessor_id JOIN plan_tasks b ON b.id = d.successor_id"
        " WHERE a.finish_on >= b.start_on OR a.project_id != b.project_id",
    )
    assert late == [(0,)]


def test_wbs_and_stakeholders(dataset: tuple[Path, dict[str, int]]) -> None:
    path, _ = dataset
    orphans = _rows(
        path,
        "SELECT count(*) FROM plan_tasks c JOIN plan_tasks p ON p.id = c.parent_id"
        " WHERE c.wbs_code NOT LIKE p.wbs_code || '.%'",
    )
    assert orphans == [(0,)]
    assert _rows(path, "SELECT count(*) > 0 FROM plan_tasks WHERE is_milestone") == [(1,)]
    per_project = _rows(
        path,
        "SELECT sum(role_class = '1w'), sum(role_class = 'strong_c') FROM stakeholders"
        " GROUP BY project_id",
    )
    assert set(per_project) == {(1, 1)}


def test_a_synced_replica_with_the_real_schema(dataset: tuple[Path, dict[str, int]]) -> None:
    path, written = dataset
    assert _rows(path, "SELECT version_num FROM alembic_version") == [(SCHEMA_HEAD,)]
    assert _rows(path, "SELECT count(*) FROM change_log WHERE NOT pushed") == [(0,)]
    assert written["change_log"] > sum(v for k, v in written.items() if k != "change_log")
    assert _rows(path, "PRAGMA foreign_key_check") == []


def test_same_seed_same_content_and_pending_kept(
    tmp_path: Path, dataset: tuple[Path, dict[str, int]]
) -> None:
    path, written = dataset
    again = tmp_path / "again.sqlite"
    assert gen.generate(again, "S", SEED, keep_pending=True, progress=_quiet) == written
    query = "SELECT id, name, start_on, finish_on FROM plan_tasks ORDER BY id"
    assert _rows(again, query) == _rows(path, query)
    query = "SELECT id, what, who, due_on, status FROM action_items ORDER BY id"
    assert _rows(again, query) == _rows(path, query)
    assert _rows(again, "SELECT count(*) FROM change_log WHERE pushed") == [(0,)]


def test_refuses_to_overwrite(dataset: tuple[Path, dict[str, int]]) -> None:
    path, _ = dataset
    with pytest.raises(FileExistsError):
        gen.generate(path, "S", SEED, progress=_quiet)
    assert gen.main(["--size", "S", "--db", str(path)]) == 1


def test_force_overwrites(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "old.sqlite"
    path.write_bytes(b"not a database")
    assert gen.main(["--size", "S", "--db", str(path), "--force"]) == 0
    assert "action_items" in capsys.readouterr().out
    assert _rows(path, "SELECT count(*) FROM projects") == [(gen.scaled("S")["projects"],)]
