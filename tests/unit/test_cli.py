"""The command line: db upgrade/check/backup, demo, and clear failures on bad input."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import pytest

from pm_desktop.__main__ import main
from pm_desktop.storage.schema import SCHEMA_HEAD

ROOT = Path(__file__).resolve().parents[2]


#: Root ignores file permissions; this drops that power while keeping root's other rights.
WITHOUT_ROOT_OVERRIDE = [
    "setpriv",
    "--inh-caps=-dac_override,-dac_read_search",
    "--bounding-set=-dac_override,-dac_read_search",
]


def run_cli(*args: str, honour_permissions: bool = False) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    prefix = WITHOUT_ROOT_OVERRIDE if honour_permissions and os.geteuid() == 0 else []
    return subprocess.run(
        [*prefix, sys.executable, "-m", "pm_desktop", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )


def test_db_check_reports_a_healthy_file(db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["db", "check", str(db_path)]) == 0
    out = capsys.readouterr().out
    assert f"schema:    {SCHEMA_HEAD}" in out
    assert "integrity: ok" in out


def test_db_check_finds_damage_deep_in_a_file(
    db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with closing(sqlite3.connect(db_path)) as conn, conn:
        conn.execute("PRAGMA journal_mode=DELETE")
        conn.executemany(
            "INSERT INTO local_meta (key, value) VALUES (?, ?)",
            [(f"k{i}", "x" * 500) for i in range(400)],
        )
    data = bytearray(db_path.read_bytes())
    page_size = 4096
    last_page = len(data) // page_size - 1
    data[last_page * page_size + 8 : last_page * page_size + 400] = b"\x07" * 392
    db_path.write_bytes(bytes(data))
    assert main(["db", "check", str(db_path)]) == 1
    assert "DAMAGED" in capsys.readouterr().out


def test_db_backup_makes_a_verified_copy_and_never_overwrites(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    dest = tmp_path / "backups" / "copy.sqlite"
    assert main(["db", "backup", str(db_path), str(dest)]) == 0
    assert "integrity ok" in capsys.readouterr().out
    with closing(sqlite3.connect(dest)) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == SCHEMA_HEAD
    dest_bytes = dest.read_bytes()
    assert main(["db", "backup", str(db_path), str(dest)]) == 1
    assert "already exists" in capsys.readouterr().err
    assert dest.read_bytes() == dest_bytes


def test_db_upgrade_of_a_current_file_changes_nothing(
    db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["db", "upgrade", str(db_path)]) == 0
    assert "already at schema" in capsys.readouterr().out


def test_db_commands_on_a_missing_file_fail_clearly(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "nope.sqlite"
    assert main(["db", "check", str(missing)]) == 1
    assert "does not exist" in capsys.readouterr().err
    assert not missing.exists()


def test_db_upgrade_of_a_text_file_fails_and_leaves_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "x.sqlite"
    path.write_text("hello", encoding="utf-8")
    assert main(["db", "upgrade", str(path)]) == 1
    assert "not a SQLite database" in capsys.readouterr().err
    assert path.read_text(encoding="utf-8") == "hello"


def test_an_unknown_language_is_refused_with_the_choices() -> None:
    result = run_cli("--lang", "fr", "--smoke-test")
    assert result.returncode == 2
    assert "unknown language 'fr'" in result.stderr
    assert "zh_CN, en" in result.stderr


def test_smoke_test_creates_and_migrates_a_new_database(tmp_path: Path) -> None:
    path = tmp_path / "fresh" / "pm.sqlite"
    result = run_cli("--smoke-test", "--db", str(path), "--lang", "zh_CN")
    assert result.returncode == 0, result.stderr
    with closing(sqlite3.connect(path)) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == SCHEMA_HEAD


def test_the_app_refuses_a_file_that_is_not_a_database(tmp_path: Path) -> None:
    path = tmp_path / "minutes.pdf"
    path.write_bytes(b"%PDF-1.7 not a database")
    result = run_cli("--smoke-test", "--db", str(path))
    assert result.returncode == 1
    assert "is not a SQLite database" in result.stderr
    assert path.read_bytes() == b"%PDF-1.7 not a database"


@pytest.mark.parametrize("read_only", ["file", "folder"])
def test_a_read_only_database_is_refused_untouched(db_path: Path, read_only: str) -> None:
    before = db_path.read_bytes()
    target = db_path if read_only == "file" else db_path.parent
    mode = target.stat().st_mode
    target.chmod(0o444 if read_only == "file" else 0o555)
    try:
        for args in (["db", "upgrade", str(db_path)], ["--smoke-test", "--db", str(db_path)]):
            result = run_cli(*args, honour_permissions=True)
            assert result.returncode == 1, result.stdout + result.stderr
            assert "read-only" in result.stderr
    finally:
        target.chmod(mode)
    assert db_path.read_bytes() == before
    assert sorted(p.name for p in db_path.parent.iterdir()) == ["pm.sqlite"]


def test_the_app_refuses_a_database_from_a_newer_version_untouched(db_path: Path) -> None:
    with closing(sqlite3.connect(db_path)) as conn, conn:
        conn.execute("UPDATE alembic_version SET version_num = '0099_from_the_future'")
    before = db_path.read_bytes()
    result = run_cli("--smoke-test", "--db", str(db_path))
    assert result.returncode == 1
    assert "newer version of PM Desktop" in result.stderr
    assert db_path.read_bytes() == before


def test_the_app_refuses_a_damaged_database_untouched(db_path: Path) -> None:
    data = bytearray(db_path.read_bytes())
    data[100:4096] = b"\xff" * (4096 - 100)
    db_path.write_bytes(bytes(data))
    result = run_cli("--smoke-test", "--db", str(db_path))
    assert result.returncode == 1
    assert "is damaged" in result.stderr
    assert db_path.read_bytes() == bytes(data)


def test_demo_takes_the_database_from_either_place_and_refuses_a_second_copy(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "demo.sqlite"
    assert main(["--db", str(path), "demo"]) == 0
    assert "created demo project" in capsys.readouterr().out
    assert main(["demo", "--db", str(path)]) == 1
    assert "already holds the demo project" in capsys.readouterr().err


def test_db_backup_into_a_folder_names_the_copy(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "backups"
    folder.mkdir()
    assert main(["db", "backup", str(db_path), str(folder)]) == 0
    [copy] = folder.iterdir()
    assert copy.name.startswith("pm-backup-")
    assert copy.suffix == ".sqlite"


def test_paths_with_uri_characters_are_read_correctly(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "we#ird?100%"
    folder.mkdir()
    odd = folder / "项目 #1.sqlite"
    odd.write_bytes(db_path.read_bytes())
    assert main(["db", "check", str(odd)]) == 0
    assert f"schema:    {SCHEMA_HEAD}" in capsys.readouterr().out
    dest = tmp_path / "copy.sqlite"
    assert main(["db", "backup", str(odd), str(dest)]) == 0
    with closing(sqlite3.connect(dest)) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == SCHEMA_HEAD
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("we")) == [folder.name]


def test_a_smoke_test_leaves_the_users_settings_alone(db_path: Path, tmp_path: Path) -> None:
    config = tmp_path / "config"
    config.mkdir()
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "PYTHONPATH": str(ROOT),
        "XDG_CONFIG_HOME": str(config),
        "HOME": str(tmp_path),
    }
    result = subprocess.run(
        [sys.executable, "-m", "pm_desktop", "--smoke-test", "--db", str(db_path)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert list(config.rglob("*")) == []
