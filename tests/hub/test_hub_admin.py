"""``pm-desktop hub init / add-user / grant / revoke / users / serve`` on a real PostgreSQL."""

from __future__ import annotations

import itertools
import re
import time
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import psycopg
import pytest

from pm_desktop.__main__ import main
from pm_desktop.hub import admin, schema
from pm_desktop.hub.cli import main as hub_main
from pm_desktop.hub.server import server_config
from tests.hub.conftest import ClientFactory, new_project
from tests.hub.hubserver import HubThread
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


def set_zone(monkeypatch: pytest.MonkeyPatch, zone: str) -> Iterator[None]:
    monkeypatch.setenv("TZ", zone)
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.fixture
def utc(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """This computer in UTC, whatever zone the tests run in."""
    yield from set_zone(monkeypatch, "UTC")


@pytest.fixture
def shanghai(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """This computer in UTC+08:00 (the hub's database keeps its own zone, UTC here)."""
    yield from set_zone(monkeypatch, "Asia/Shanghai")


def user_block(listing: str, name: str) -> list[str]:
    """A user's line in ``hub users`` and the lines of their grants under it."""
    lines = listing.splitlines()
    start = next(i for i, line in enumerate(lines) if line.split("  ")[0] == name)
    block = [lines[start]]
    block.extend(itertools.takewhile(lambda line: line.startswith("  "), lines[start + 1 :]))
    return block


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
        (
            ["grant", "x", SOME_PROJECT, "--until", "2020-01-31"],
            "2020-01-31 (end of day, UTC) has passed: access would end at once",
        ),
        (["revoke", "nobody-here", SOME_PROJECT], "there is no user 'nobody-here'"),
        (["add-user", "--reset", "nobody-here"], "there is no user 'nobody-here'"),
    ],
)
@pytest.mark.usefixtures("utc")
def test_admin_mistakes_get_a_clear_message(
    hub_url: str, argv: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert hub_main([*argv, "--database-url", hub_url]) == 1
    assert message in capsys.readouterr().err


@pytest.mark.usefixtures("utc")
def test_grant_revoke_and_list(hub_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    name = f"zhang{uuid.uuid4().hex[:6]}"
    p1, p2 = sorted([new_project(), new_project()])
    url = ["--database-url", hub_url]
    assert hub_main(["add-user", name, *url]) == 0
    assert hub_main(["grant", name, p1, *url]) == 0
    assert hub_main(["grant", name, p2, "--until", "2031-06-30", *url]) == 0
    out = capsys.readouterr().out
    assert f"granted project {p2} to {name} until 2031-06-30 (end of day, UTC)\n" in out
    assert hub_main(["revoke", name, p1, *url]) == 0
    assert capsys.readouterr().out == f"revoked project {p1} from {name}\n"
    assert hub_main(["users", *url]) == 0
    listing = capsys.readouterr().out
    block = user_block(listing, name)[1:]
    assert re.fullmatch(rf"  {p1}  revoked \d{{4}}-\d\d-\d\d \d\d:\d\d(:\d\d)? UTC", block[0])
    assert block[1] == f"  {p2}  until 2031-06-30 (end of day, UTC)"

    with admin.connect(hub_url) as conn:
        grants = admin.users(conn)[name]
        assert grants[1].expires_at == datetime(2031, 7, 1, tzinfo=UTC)
        # Granting again lifts a revocation.
        admin.grant(conn, name, p1, until=datetime.now().astimezone() + timedelta(days=1))
        assert admin.users(conn)[name][0].revoked_at is None


@pytest.mark.usefixtures("utc")
def test_revoking_twice_says_when_it_was_revoked(
    hub_url: str, db: psycopg.Connection[Any], capsys: pytest.CaptureFixture[str]
) -> None:
    name, project = f"wang{uuid.uuid4().hex[:6]}", new_project()
    url = ["--database-url", hub_url]
    assert hub_main(["add-user", name, *url]) == 0
    assert hub_main(["grant", name, project, *url]) == 0
    assert hub_main(["revoke", name, project, *url]) == 0
    capsys.readouterr()
    row = db.execute("SELECT revoked_at FROM grants WHERE user_name = %s", [name]).fetchone()
    assert row is not None
    revoked_at: datetime = row[0]
    assert hub_main(["revoke", name, project, *url]) == 0  # what was asked for holds
    shown = revoked_at.astimezone(UTC).strftime("%Y-%m-%d %H:%M")
    assert capsys.readouterr().out.startswith(
        f"{name}'s grant of project {project} was already revoked on {shown}"
    )
    # Still revoked, and at the first time.
    assert db.execute("SELECT revoked_at FROM grants WHERE user_name = %s", [name]).fetchone() == (
        revoked_at,
    )
    # A grant never given is an error (a mistyped id, perhaps).
    assert hub_main(["revoke", name, SOME_PROJECT, *url]) == 1
    assert f"'{name}' has no grant of project {SOME_PROJECT} to revoke" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("until", "message"),
    [
        ("next week", "is not YYYY-MM-DD (access ends after that day"),
        ("20261231", "is not YYYY-MM-DD (access ends after that day"),
        ("2026-12-31T23", "is not YYYY-MM-DD"),
        ("2026-W52", "is not YYYY-MM-DD"),
        ("2026-02-30", "is not a valid date: day is out of range for month"),
        ("2026-12-31T24:00", "is not a valid date: hour must be in 0..23"),
        ("9999-12-31", "is too far ahead (the latest end is 9998-12-31): for access that"),
        ("9999-06-01T10:00", "is too far ahead"),
    ],
)
def test_bad_until_is_refused(
    hub_url: str, until: str, message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exited:
        hub_main(["grant", "x", SOME_PROJECT, "--until", until, "--database-url", hub_url])
    assert exited.value.code == 2
    err = capsys.readouterr().err
    assert f"argument --until: '{until}' {message}" in err
    assert "Traceback" not in err


@pytest.mark.usefixtures("shanghai")
def test_grant_and_users_show_the_end_alike_with_its_zone(
    hub_url: str, db: psycopg.Connection[Any], capsys: pytest.CaptureFixture[str]
) -> None:
    assert db.execute("SHOW TimeZone").fetchone() != ("Asia/Shanghai",)
    name = f"zhang.min{uuid.uuid4().hex[:6]}"
    p1, p2, p3, p4 = sorted(new_project() for _ in range(4))
    url = ["--database-url", hub_url]
    assert hub_main(["add-user", name, *url]) == 0
    capsys.readouterr()
    assert hub_main(["grant", name, p1, "--until", "2027-06-30", *url]) == 0
    assert hub_main(["grant", name, p2, "--until", "2027-06-30T12:00+02:00", *url]) == 0
    assert hub_main(["grant", name, p3, "--until", "2027-06-30 09:30", *url]) == 0
    assert hub_main(["grant", name, p4, *url]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out == [
        f"granted project {p1} to {name} until 2027-06-30 (end of day, UTC+08:00)",
        f"granted project {p2} to {name} until 2027-06-30 18:00 UTC+08:00",
        f"granted project {p3} to {name} until 2027-06-30 09:30 UTC+08:00",
        f"granted project {p4} to {name}",
    ]
    # What is kept: the end of 30 June in Shanghai, 16:00 UTC.
    stored = db.execute(
        "SELECT expires_at FROM grants WHERE user_name = %s ORDER BY project_key", [name]
    ).fetchall()
    assert [e for (e,) in stored] == [
        datetime(2027, 6, 30, 16, tzinfo=UTC),
        datetime(2027, 6, 30, 10, tzinfo=UTC),
        datetime(2027, 6, 30, 1, 30, tzinfo=UTC),
        None,
    ]
    # A grant that has run out is listed as expired.
    db.execute(
        """UPDATE grants SET expires_at = '2026-01-31 16:00+00'
           WHERE user_name = %s AND project_key = %s""",
        [name, p4],
    )
    assert hub_main(["users", *url]) == 0
    assert user_block(capsys.readouterr().out, name) == [
        name,
        f"  {p1}  until 2027-06-30 (end of day, UTC+08:00)",
        f"  {p2}  until 2027-06-30 18:00 UTC+08:00",
        f"  {p3}  until 2027-06-30 09:30 UTC+08:00",
        f"  {p4}  expired: was until 2026-01-31 (end of day, UTC+08:00)",
    ]


def test_a_project_the_hub_has_no_data_of_is_granted_with_a_warning(
    hub_url: str, make_client: ClientFactory, capsys: pytest.CaptureFixture[str]
) -> None:
    pushed, empty = new_project(), new_project()
    pm = make_client(pushed)
    assert pm.push([pm.change(pushed)]).status_code == 200
    name = f"li{uuid.uuid4().hex[:6]}"
    url = ["--database-url", hub_url]
    assert hub_main(["add-user", name, *url]) == 0
    capsys.readouterr()

    assert hub_main(["grant", name, pushed.upper(), *url]) == 0  # an id copied in capitals
    out, err = capsys.readouterr()
    assert out == f"granted project {pushed} to {name}\n"
    assert err == ""

    assert hub_main(["grant", name, empty, *url]) == 0  # a PM may grant before pushing
    out, err = capsys.readouterr()
    assert out == f"granted project {empty} to {name}\n"
    assert err == (
        f"pm-desktop hub: warning: the hub has no data of project {empty} yet: check the id"
        " (File ▸ Copy Project ID in PM Desktop); it is fine if the project's PM has not"
        " synced it yet\n"
    )
    with admin.connect(hub_url) as conn:
        assert [g.project for g in admin.users(conn)[name]] == sorted([pushed, empty])

    assert hub_main(["revoke", name, pushed.upper(), *url]) == 0
    assert capsys.readouterr().out == f"revoked project {pushed} from {name}\n"


@pytest.mark.parametrize(
    "database_url",
    [
        "foo",
        "pm_hub@db.example.cn/pm_hub",
        "http://db.example.cn/pm_hub",
        "host=db.example.cn dbase=pm_hub",
        "postgresql://pm_hub:se%zzcret@127.0.0.1/pm_hub",
    ],
)
def test_a_database_url_that_is_not_one_is_named_so(
    database_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert hub_main(["users", "--database-url", database_url]) == 1
    err = capsys.readouterr().err
    assert err == (
        "pm-desktop hub: error: the database URL is not a PostgreSQL URL: give one like"
        " postgresql://user:password@host:port/database (URL-encode special characters in"
        " the password, e.g. '@' as %40)\n"
    )


def test_a_libpq_connection_string_still_works(hub_url: str) -> None:
    parts = psycopg.conninfo.conninfo_to_dict(hub_url)
    conninfo = " ".join(f"{key}={value}" for key, value in parts.items())
    assert hub_main(["users", "--database-url", conninfo]) == 0


def test_an_at_sign_in_the_password_is_pointed_out(capsys: pytest.CaptureFixture[str]) -> None:
    url = f"postgresql://pm_hub:p@ss@127.0.0.1:{free_port()}/pm_hub"
    assert hub_main(["serve", "--database-url", url]) == 1
    err = capsys.readouterr().err
    assert "the database URL has an '@' after the password" in err
    assert "p@ss" not in err


def test_user_names_differing_only_in_case_are_refused(
    hub_url: str, db: psycopg.Connection[Any], capsys: pytest.CaptureFixture[str]
) -> None:
    name = f"li.wei{uuid.uuid4().hex[:6]}"
    url = ["--database-url", hub_url]
    assert hub_main(["add-user", name, *url]) == 0
    capsys.readouterr()
    assert hub_main(["add-user", name.title(), *url]) == 1
    assert capsys.readouterr().err == (
        f"pm-desktop hub: error: there is a user '{name}' already: user names that differ"
        " only in case would be mistaken for one another; choose another name\n"
    )
    assert db.execute("SELECT name FROM users WHERE lower(name) = %s", [name]).fetchall() == [
        (name,)
    ]
    assert hub_main(["grant", name.upper(), SOME_PROJECT, *url]) == 1
    assert f"there is no user '{name.upper()}' (did you mean '{name}'?)" in capsys.readouterr().err


def test_a_disabled_user_cannot_sign_in_until_given_a_new_secret(
    hub: HubThread,
    hub_url: str,
    make_client: ClientFactory,
    db: psycopg.Connection[Any],
    capsys: pytest.CaptureFixture[str],
) -> None:
    project = new_project()
    client = make_client(project)
    assert client.push([client.change(project)]).status_code == 200
    assert client.push([client.change(None, table="resources")]).status_code == 200
    url = ["--database-url", hub_url]
    name = client.user

    assert hub_main(["disable-user", name, *url]) == 0
    assert capsys.readouterr().out.startswith(f"disabled user {name}: they can no longer sign in.")
    for path in ("/v1/hello", "/v1/pull"):  # the hub knew the secret a moment ago
        response = client.get(path, project="team")
        assert response.status_code == 401, response.text
    assert client.push([client.change(None, table="resources")]).status_code == 401
    # Nothing of theirs is gone: their grant, and the changes they made.
    assert db.execute(
        "SELECT count(*) FROM grants WHERE user_name = %s AND revoked_at IS NULL", [name]
    ).fetchone() == (1,)
    assert db.execute("SELECT count(*) FROM changes WHERE user_name = %s", [name]).fetchone() == (
        2,
    )
    assert hub_main(["users", *url]) == 0
    assert user_block(capsys.readouterr().out, name) == [
        f"{name}  (disabled: cannot sign in)",
        f"  {project}  granted",
    ]
    other = new_project()
    assert hub_main(["grant", name, other, *url]) == 0
    assert f"warning: {name} is disabled: 'pm-desktop hub add-user {name} --reset'" in (
        capsys.readouterr().err
    )
    assert hub_main(["revoke", name, other, *url]) == 0
    capsys.readouterr()
    assert hub_main(["disable-user", name, *url]) == 0
    assert capsys.readouterr().out == f"user {name} is disabled already\n"

    assert hub_main(["add-user", name, "--reset", *url]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"new secret for {name} (enabled again)\n")
    client.http.auth = httpx.BasicAuth(name, out.split("secret: ", 1)[1].split()[0])
    assert client.get("/v1/hello").json()["projects"] == [project]
    assert hub_main(["users", *url]) == 0
    block = user_block(capsys.readouterr().out, name)
    assert block[0] == name  # no longer disabled
    assert f"  {project}  granted" in block[1:]

    assert hub_main(["disable-user", "nobody-here", *url]) == 1
    assert "there is no user 'nobody-here'" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--port", "70000"], "argument --port: '70000' is not a port number (1 to 65535)"),
        (["--port", "0"], "argument --port: '0' is not a port number (1 to 65535)"),
        (["--port", "http"], "argument --port: 'http' is not a port number (1 to 65535)"),
        (["--pool-size", "0"], "argument --pool-size: '0' is not a number of connections"),
        (["--pool-size", "-3"], "argument --pool-size: '-3' is not a number of connections"),
    ],
)
def test_serve_refuses_a_bad_port_or_pool_size(
    hub_url: str, argv: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exited:
        hub_main(["serve", *argv, "--database-url", hub_url])
    assert exited.value.code == 2
    err = capsys.readouterr().err
    assert message in err
    assert "Traceback" not in err


def test_the_server_config_checks_port_and_pool_size_too(hub_url: str) -> None:
    with pytest.raises(admin.AdminError, match="70000 is not a port number"):
        server_config(hub_url, port=70000)
    with pytest.raises(admin.AdminError, match="the pool size must be 1 or more, not 0"):
        server_config(hub_url, pool_size=0)
