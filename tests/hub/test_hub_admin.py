"""``pm-desktop hub init / add-user / grant / revoke / users / serve`` on a real PostgreSQL."""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta
from typing import Any

import psycopg
import pytest

from pm_desktop.__main__ import main
from pm_desktop.hub import admin, schema
from pm_desktop.hub.cli import main as hub_main
from tests.hub.conftest import new_project
from tests.hub.postgres import HUB_OWNER, TempPostgres, free_port


def fresh_database(postgres: TempPostgres) -> str:
    return postgres.create_hub_database(f"hub_{uuid.uuid4().hex[:8]}")


def test_init_creates_then_upgrades_then_does_nothing(
    postgres: TempPostgres, capsys: pytest.CaptureFixture[str]
) -> None:
    url = fresh_database(postgres)
    with admin.connect(url) as conn:
        assert schema.current_version(conn) == 0
        # An older hub program made this database: only the first step.
        assert [m.version for m in schema.upgrade(conn, target=1)] == [1]
        assert schema.current_version(conn) == 1
        with pytest.raises(schema.SchemaError, match="run 'pm-desktop hub init' to upgrade"):
            schema.require_current(conn)

    assert main(["hub", "init", "--database-url", url]) == 0
    out = capsys.readouterr().out
    assert "applied hub schema 2: app role and row-level security" in out
    assert f"upgraded the hub schema from 1 to {schema.HEAD}" in out

    assert main(["hub", "init", "--database-url", url]) == 0
    assert f"the hub schema is current (version {schema.HEAD})" in capsys.readouterr().out

    with admin.connect(url) as conn:
        versions = conn.execute("SELECT version FROM hub_schema_version ORDER BY 1").fetchall()
        assert [v for (v,) in versions] == [m.version for m in schema.MIGRATIONS]
        tables = dict(
            conn.execute(
                """SELECT relname, relrowsecurity FROM pg_class
                   WHERE relname IN ('changes', 'fields', 'grants', 'device_ops', 'users')"""
            ).fetchall()
        )
        assert tables == {
            "changes": True,
            "fields": True,
            "grants": True,
            "device_ops": True,
            "users": False,  # the app role has no access to it at all
        }
        owners = conn.execute(
            """SELECT DISTINCT tableowner FROM pg_tables
               WHERE tablename IN ('changes', 'fields', 'grants', 'device_ops', 'users')"""
        ).fetchall()
        assert owners == [(HUB_OWNER,)]
        role = conn.execute(
            "SELECT rolcanlogin, rolsuper, rolbypassrls FROM pg_roles WHERE rolname = %s",
            [schema.APP_ROLE],
        ).fetchone()
        assert role == (False, False, False)


def test_init_without_createrole_needs_the_app_role_granted_beforehand(
    postgres: TempPostgres, capsys: pytest.CaptureFixture[str]
) -> None:
    role = f"plain_{uuid.uuid4().hex[:6]}"
    name = f"hub_{role}"
    with psycopg.connect(postgres.url(), autocommit=True) as su:
        su.execute(f"CREATE ROLE {role} LOGIN")
        su.execute(f"CREATE DATABASE {name} OWNER {role}")
        su.execute(f"DO $$ BEGIN CREATE ROLE {schema.APP_ROLE} NOLOGIN; "
                   "EXCEPTION WHEN duplicate_object THEN NULL; END $$")  # fmt: skip
    url = postgres.url(role, name)
    assert hub_main(["init", "--database-url", url]) == 1
    err = capsys.readouterr().err
    assert "the database refused: " in err
    assert "allowed to create roles (CREATEROLE), or be granted the role pm_hub_app" in err
    with psycopg.connect(postgres.url(), autocommit=True) as su:
        su.execute(f"GRANT {schema.APP_ROLE} TO {role}")
    assert hub_main(["init", "--database-url", url]) == 0
    with admin.connect(url) as conn:
        assert schema.current_version(conn) == schema.HEAD


def test_a_database_from_a_newer_hub_is_refused(postgres: TempPostgres) -> None:
    url = fresh_database(postgres)
    with admin.connect(url) as conn:
        schema.upgrade(conn)
        conn.execute("INSERT INTO hub_schema_version (version, name) VALUES (99, 'future')")
        with pytest.raises(schema.SchemaError, match="newer than this program's"):
            schema.upgrade(conn)


def test_serve_refuses_a_database_without_the_schema(
    postgres: TempPostgres, capsys: pytest.CaptureFixture[str]
) -> None:
    url = fresh_database(postgres)
    assert hub_main(["serve", "--database-url", url, "--port", str(free_port())]) == 1
    assert "no hub schema: run 'pm-desktop hub init' first" in capsys.readouterr().err


def test_an_unreachable_database_is_a_clear_error(capsys: pytest.CaptureFixture[str]) -> None:
    url = f"postgresql://nobody@127.0.0.1:{free_port()}/hub"
    assert hub_main(["users", "--database-url", url]) == 1
    assert "cannot connect to the database" in capsys.readouterr().err


def test_a_database_url_is_needed(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("PM_HUB_DATABASE_URL", raising=False)
    assert main(["hub", "users"]) == 1
    assert "give --database-url or set PM_HUB_DATABASE_URL" in capsys.readouterr().err


def test_add_user_shows_the_secret_once_and_stores_only_its_hash(
    hub_url: str, db: psycopg.Connection[Any], capsys: pytest.CaptureFixture[str]
) -> None:
    name = f"li.wei{uuid.uuid4().hex[:6]}@example.cn"
    assert main(["hub", "add-user", name, "--database-url", hub_url]) == 0
    out = capsys.readouterr().out
    secret = next(line.split(": ", 1)[1] for line in out.splitlines() if line.startswith("secret"))
    assert "shown only this once" in out
    (stored,) = db.execute("SELECT secret_hash FROM users WHERE name = %s", [name]).fetchone()
    assert stored.startswith("scrypt$")
    assert secret not in stored

    assert main(["hub", "add-user", name, "--database-url", hub_url]) == 1
    assert "exists already" in capsys.readouterr().err

    assert main(["hub", "add-user", name, "--reset", "--database-url", hub_url]) == 0
    new_secret = capsys.readouterr().out.split("secret: ", 1)[1].split()[0]
    assert new_secret != secret
    (restored,) = db.execute("SELECT secret_hash FROM users WHERE name = %s", [name]).fetchone()
    assert restored != stored


SOME_PROJECT = "1b4e28ba-2fa1-41d2-883f-0016d3cca427"


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["add-user", "bad name"], "not a valid user name"),
        (["add-user", "a:b"], "not a valid user name"),
        (["grant", "nobody-here", SOME_PROJECT], "there is no user 'nobody-here'"),
        (["grant", "x", "team"], "needs no grant"),
        (["grant", "x", "not a project"], "is not a project id"),
        (["grant", "x", "Line-3"], "is not a project id: an id looks like"),
        (["grant", "x", SOME_PROJECT, "--until", "2020-01-31"], "2020-02-01 00:00"),
        (["revoke", "nobody-here", SOME_PROJECT], "there is no user 'nobody-here'"),
        (["add-user", "--reset", "nobody-here"], "there is no user 'nobody-here'"),
    ],
)
def test_admin_mistakes_get_a_clear_message(
    hub_url: str, argv: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert hub_main([*argv, "--database-url", hub_url]) == 1
    assert message in capsys.readouterr().err


def test_grant_revoke_and_list(hub_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    name = f"zhang{uuid.uuid4().hex[:6]}"
    p1, p2 = sorted([new_project(), new_project()])
    url = ["--database-url", hub_url]
    assert hub_main(["add-user", name, *url]) == 0
    assert hub_main(["grant", name, p1, *url]) == 0
    assert hub_main(["grant", name, p2, "--until", "2031-06-30", *url]) == 0
    assert f"granted project {p2} to {name} until 2031-07-01 00:00" in capsys.readouterr().out
    assert hub_main(["revoke", name, p1, *url]) == 0
    capsys.readouterr()
    assert hub_main(["revoke", name, p1, *url]) == 1  # nothing left to revoke
    assert f"'{name}' has no grant of project {p1} to revoke" in capsys.readouterr().err
    assert hub_main(["users", *url]) == 0
    listing = capsys.readouterr().out
    block = listing.split(f"{name}\n", 1)[1].splitlines()[:2]
    assert block[0].startswith(f"  {p1}  revoked ")
    assert block[1] == f"  {p2}  until 2031-07-01 00:00"

    with admin.connect(hub_url) as conn:
        grants = admin.users(conn)[name]
        assert grants[1].expires_at == datetime(2031, 7, 1).astimezone()
        # Granting again lifts a revocation.
        admin.grant(conn, name, p1, until=datetime.now().astimezone() + timedelta(days=1))
        assert admin.users(conn)[name][0].revoked_at is None


def test_bad_until_is_refused(hub_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        hub_main(["grant", "x", SOME_PROJECT, "--until", "next week", "--database-url", hub_url])
    assert "is not a date" in capsys.readouterr().err
