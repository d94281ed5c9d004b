"""Start-up stays lean: the modules a plain start does not need are not imported.

Runs ``main(["--smoke-test", ...])`` (the same code path as ``pm-desktop --smoke-test``) in a
fresh interpreter and looks at ``sys.modules`` afterwards. PDF export, the keyring, HTTP and
PostgreSQL drivers are loaded when a feature needs them, never at start-up; Alembic only when
the database has to be migrated, so the second start on the same file must not load it.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.gui  # a real (offscreen) QApplication, in a subprocess

REPO = Path(__file__).resolve().parents[2]

NEVER_AT_STARTUP = (
    "reportlab",
    "keyring",
    "http.client",
    "urllib.request",
    "requests",
    "httpx",
    "psycopg",
    "psycopg2",
)
ONLY_WHEN_MIGRATING = ("alembic", "mako")

MARKER = "--- modules ---"
PROBE = f"""
import json, sys
from pm_desktop.__main__ import main
code = main(["--smoke-test", "--db", sys.argv[1]])
print({MARKER!r})
print(json.dumps({{"code": code, "modules": sorted(sys.modules)}}))
"""


def start(database: Path) -> tuple[int, set[str]]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-c", PROBE, str(database)],
        capture_output=True,
        text=True,
        env=env,
        cwd=REPO,  # ``python -c`` finds pm_desktop here even when it is not installed
        timeout=120,
        check=False,
    )
    assert MARKER in result.stdout, (
        f"the smoke test did not finish (exit {result.returncode}):\n"
        f"{result.stdout}\n{result.stderr}"
    )
    report = json.loads(result.stdout.split(MARKER, 1)[1])
    assert result.returncode == 0, result.stderr
    return report["code"], set(report["modules"])


def loaded(modules: set[str], names: tuple[str, ...]) -> list[str]:
    return sorted(
        module
        for module in modules
        for name in names
        if module == name or module.startswith(name + ".")
    )


def test_startup_imports_only_what_it_needs(tmp_path: Path) -> None:
    database = tmp_path / "startup.sqlite"

    code, first = start(database)
    assert code == 0
    assert database.exists()
    # The probe really went through the app and built the window.
    assert {"pm_desktop.app", "PySide6.QtWidgets"} <= first
    assert loaded(first, NEVER_AT_STARTUP) == [], "imported when creating a new database"

    code, second = start(database)
    assert code == 0
    assert loaded(second, NEVER_AT_STARTUP) == [], "imported when opening a database"
    assert loaded(second, ONLY_WHEN_MIGRATING) == [], (
        "the database is already at the head schema, so start-up must not load Alembic"
    )
