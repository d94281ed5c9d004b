"""The PyInstaller bundle builds from build.spec, starts, migrates a new database and exits.

Builds into a temporary folder (``--distpath``/``--workpath``), so the tree's dist/ and
build/ are left alone. Takes a minute or two: ``pytest -m "not bundle"`` skips it.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from pm_desktop import __version__
from pm_desktop.storage.schema import SCHEMA_HEAD

pytestmark = [pytest.mark.slow, pytest.mark.bundle]

REPO = Path(__file__).resolve().parents[1]
NAME = "pm-desktop"


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The built executable."""
    pytest.importorskip(
        "PyInstaller", reason="PyInstaller is not installed (pip install -e .[dev])"
    )
    root = tmp_path_factory.mktemp("bundle")
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--log-level",
            "WARN",
            "--distpath",
            str(root / "dist"),
            "--workpath",
            str(root / "work"),
            str(REPO / "build.spec"),
        ],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=1800,
        check=False,
    )
    assert result.returncode == 0, f"PyInstaller failed:\n{result.stdout}\n{result.stderr[-6000:]}"
    executable = root / "dist" / NAME / (f"{NAME}.exe" if sys.platform == "win32" else NAME)
    assert executable.is_file(), f"no {executable} after the build"
    return executable


def run_bundle(executable: Path, *args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    # Run from elsewhere, so nothing can come from the source tree instead of the bundle.
    env = {key: value for key, value in os.environ.items() if key != "PYTHONPATH"}
    env["QT_QPA_PLATFORM"] = "offscreen"
    return subprocess.run(
        [str(executable), *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_bundle_smoke_test_creates_a_database_at_head(bundle: Path, tmp_path: Path) -> None:
    database = tmp_path / "x.sqlite"

    result = run_bundle(bundle, "--smoke-test", "--db", str(database), cwd=tmp_path)

    assert result.returncode == 0, f"exit {result.returncode}:\n{result.stdout}\n{result.stderr}"
    assert database.is_file()
    with sqlite3.connect(database) as connection:
        revisions = [
            row[0] for row in connection.execute("SELECT version_num FROM alembic_version")
        ]
    assert revisions == [SCHEMA_HEAD]

    # And again on the now up-to-date file: opened without migrating.
    again = run_bundle(bundle, "--smoke-test", "--db", str(database), cwd=tmp_path)
    assert again.returncode == 0, f"exit {again.returncode}:\n{again.stdout}\n{again.stderr}"


def test_bundle_prints_its_version(bundle: Path, tmp_path: Path) -> None:
    result = run_bundle(bundle, "--version", cwd=tmp_path)

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"{NAME} {__version__}"
