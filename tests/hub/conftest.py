"""Real parts for the hub tests: a PostgreSQL started here, and the hub over HTTP on loopback.

The cluster is made once per run (initdb, pg_ctl on a free port; as root it runs as the
``postgres`` user); each test makes its own users, projects and devices, so tests do not see
one another's data. Without PostgreSQL's server programs the hub tests are skipped (``make
test`` installs them).
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import psycopg
import pytest
from PySide6.QtCore import QSettings

from pm_desktop.hub import admin
from pm_desktop.hub.cli import main as hub_main
from pm_desktop.services.container import Services
from tests.hub.hubserver import HubClient, HubThread
from tests.hub.postgres import TempPostgres, find_bin_dir
from tests.mail_server import MemoryKeyring, keyring_backend


@pytest.fixture(scope="session")
def postgres() -> Iterator[TempPostgres]:
    bin_dir = find_bin_dir()
    if bin_dir is None:
        pytest.skip(
            "no PostgreSQL server programs (initdb, pg_ctl, postgres) on PATH or in "
            "/usr/lib/postgresql/*/bin: install the Debian package 'postgresql' (make test does)"
        )
    # Durability is not under test here: spare the disk (bench/hub_push.py keeps it on).
    cluster = TempPostgres(bin_dir, settings={"fsync": "off", "synchronous_commit": "off"})
    try:
        cluster.start()
        yield cluster
    finally:
        cluster.stop()


@pytest.fixture(scope="session")
def hub_url(postgres: TempPostgres) -> str:
    """The URL of an initialised hub database, as its (non-superuser) owner."""
    url = postgres.create_hub_database("pm_hub")
    assert hub_main(["init", "--database-url", url]) == 0
    return url


@pytest.fixture(scope="session")
def hub(hub_url: str) -> Iterator[HubThread]:
    server = HubThread(hub_url).start()
    yield server
    server.stop()


@pytest.fixture
def db(hub_url: str) -> Iterator[psycopg.Connection[Any]]:
    """A connection as the hub's owner, for setting up and for looking behind the service."""
    with admin.connect(hub_url) as conn:
        yield conn


def new_project() -> str:
    return str(uuid.uuid4())


UserFactory = Callable[..., tuple[str, str]]


@pytest.fixture
def make_user(db: psycopg.Connection[Any]) -> UserFactory:
    """make_user(*projects) -> (name, secret): a new user granted those projects."""

    def make(*projects: str) -> tuple[str, str]:
        name = f"u{uuid.uuid4().hex[:10]}"
        secret = admin.add_user(db, name)
        for project in projects:
            admin.grant(db, name, project)
        return name, secret

    return make


ClientFactory = Callable[..., HubClient]


@pytest.fixture
def make_client(hub: HubThread, make_user: UserFactory) -> Iterator[ClientFactory]:
    """make_client(*projects) -> a client of a new user granted those projects."""
    clients: list[HubClient] = []

    def make(*projects: str, **options: Any) -> HubClient:
        name, secret = make_user(*projects)
        client = HubClient(hub.url, name, secret, **options)
        clients.append(client)
        return client

    yield make
    for client in clients:
        client.close()


# --- this computer, for the tests of the app's sync UI -----------------------------------


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def desk(tmp_path: Path) -> Iterator[Services]:
    """This computer's database: a new file, so a device id of its own (the hub remembers
    every device's operation numbers)."""
    services = Services.open(tmp_path / "desk.sqlite")
    yield services
    services.close()


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    with keyring_backend(MemoryKeyring()) as backend:
        assert isinstance(backend, MemoryKeyring)
        yield backend
