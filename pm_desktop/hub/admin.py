"""Administration of a hub's users and grants (the ``pm-desktop hub`` commands).

Runs as the hub's login role, the owner of the tables, on a plain connection.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import psycopg
from psycopg.conninfo import conninfo_to_dict

from pm_desktop.hub import protocol
from pm_desktop.hub.auth import DISABLED_SALT, disabled_hash, hash_secret, new_secret
from pm_desktop.hub.schema import require_current

#: The ids PM Desktop gives projects (UUIDs, as the app writes them).
_PROJECT_ID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
URL_FORM = "postgresql://user:password@host:port/database"


class AdminError(Exception):
    """An administration command that cannot be done, with the reason."""


@dataclass(frozen=True)
class GrantInfo:
    project: str
    granted_at: datetime
    expires_at: datetime | None
    revoked_at: datetime | None


def connect(database_url: str) -> psycopg.Connection[Any]:
    _check_database_url(database_url)
    try:
        conn = psycopg.connect(database_url, autocommit=True, connect_timeout=15)
    except psycopg.OperationalError as exc:
        raise AdminError(f"cannot connect to the database: {exc}".strip()) from None
    return conn


def _check_database_url(database_url: str) -> None:
    """Refuse what libpq would not take as a URL, without repeating it (it may hold a
    password)."""
    not_a_url = AdminError(
        f"the database URL is not a PostgreSQL URL: give one like {URL_FORM}"
        " (URL-encode special characters in the password, e.g. '@' as %40)"
    )
    try:  # also libpq's "host=... dbname=..." form, which the hub took before
        parts = conninfo_to_dict(database_url)
    except psycopg.ProgrammingError:
        raise not_a_url from None
    if "://" in database_url and not database_url.startswith(("postgresql://", "postgres://")):
        raise not_a_url
    if "@" in str(parts.get("host", "")):
        raise AdminError(
            f"the database URL has an '@' after the password: give it like {URL_FORM},"
            " with '@' in the password written %40"
        )


def _check_user_name(name: str) -> None:
    if not protocol.USER_NAME.fullmatch(name):
        raise AdminError(
            f"{name!r} is not a valid user name: letters, digits, '.', '_', '-', '@', "
            "at most 64 characters"
        )


def check_project(project: str) -> str:
    """The project id as the hub keeps it (lower case), or an :class:`AdminError`."""
    if project == protocol.TEAM:
        raise AdminError("every user may sync the team-wide data; it needs no grant")
    if not _PROJECT_ID.fullmatch(project.lower()):
        raise AdminError(
            f"{project!r} is not a project id: an id looks like "
            "1b4e28ba-2fa1-11d2-883f-0016d3cca427 (in PM Desktop: File ▸ Copy Project ID)"
        )
    return project.lower()


def _check_user_exists(conn: psycopg.Connection[Any], name: str) -> None:
    if conn.execute("SELECT 1 FROM users WHERE name = %s", [name]).fetchone() is None:
        other = _same_but_case(conn, name)
        hint = f"did you mean {other!r}?" if other else "add them with 'pm-desktop hub add-user'"
        raise AdminError(f"there is no user {name!r} ({hint})")


def _same_but_case(conn: psycopg.Connection[Any], name: str) -> str | None:
    """An existing user whose name differs from ``name`` only in case."""
    row = conn.execute(
        "SELECT name FROM users WHERE lower(name) = lower(%s) AND name <> %s ORDER BY name",
        [name, name],
    ).fetchone()
    return str(row[0]) if row else None


def add_user(conn: psycopg.Connection[Any], name: str, *, reset: bool = False) -> str:
    """Create a user (or give one a new secret, which also enables a disabled user); the
    secret, which is stored only hashed."""
    _check_user_name(name)
    require_current(conn)
    secret = new_secret()
    hashed = hash_secret(secret)
    if reset:
        cursor = conn.execute("UPDATE users SET secret_hash = %s WHERE name = %s", [hashed, name])
        if cursor.rowcount == 0:
            _check_user_exists(conn, name)
        return secret
    with conn.transaction():
        # Serialises adding users (the hub only reads the table), so that two names that
        # differ only in case cannot be added at the same time.
        conn.execute("LOCK TABLE users IN SHARE ROW EXCLUSIVE MODE")
        other = _same_but_case(conn, name)
        if other is not None:
            raise AdminError(
                f"there is a user {other!r} already: user names that differ only in case"
                " would be mistaken for one another; choose another name"
            )
        cursor = conn.execute(
            "INSERT INTO users (name, secret_hash) VALUES (%s, %s) ON CONFLICT DO NOTHING",
            [name, hashed],
        )
        if cursor.rowcount == 0:
            raise AdminError(f"user {name!r} exists already (give them a new secret with --reset)")
    return secret


def disable_user(conn: psycopg.Connection[Any], name: str) -> bool:
    """Make the user unable to sign in: their secret hash is replaced by one that no secret
    matches. Their grants and the changes they made stay. False if they were disabled
    already. ``add_user(reset=True)`` enables them again with a new secret."""
    _check_user_name(name)
    require_current(conn)
    _check_user_exists(conn, name)
    cursor = conn.execute(
        """UPDATE users SET secret_hash = %s
           WHERE name = %s AND split_part(secret_hash, '$', 5) <> %s""",
        [disabled_hash(), name, DISABLED_SALT],
    )
    return cursor.rowcount == 1


def grant(
    conn: psycopg.Connection[Any], name: str, project: str, *, until: datetime | None = None
) -> GrantInfo:
    """Grant (or grant again, lifting a revocation) a project; the grant as stored."""
    _check_user_name(name)
    project = check_project(project)
    require_current(conn)
    _check_user_exists(conn, name)
    row = conn.execute(
        """INSERT INTO grants (user_name, project_key, expires_at) VALUES (%s, %s, %s)
           ON CONFLICT (user_name, project_key) DO UPDATE
           SET granted_at = now(), expires_at = excluded.expires_at, revoked_at = NULL
           RETURNING project_key, granted_at, expires_at, revoked_at""",
        [name, project, until],
    ).fetchone()
    assert row is not None
    return GrantInfo(str(row[0]), row[1], row[2], row[3])


def project_has_data(conn: psycopg.Connection[Any], project: str) -> bool:
    """Whether the hub holds any change of the project (a PM may grant before pushing)."""
    row = conn.execute("SELECT 1 FROM changes WHERE project_key = %s LIMIT 1", [project])
    return row.fetchone() is not None


def revoke(conn: psycopg.Connection[Any], name: str, project: str) -> datetime | None:
    """Revoke a grant; None if it was revoked now, else when it had been revoked before."""
    _check_user_name(name)
    project = check_project(project)
    require_current(conn)
    _check_user_exists(conn, name)
    cursor = conn.execute(
        """UPDATE grants SET revoked_at = now()
           WHERE user_name = %s AND project_key = %s AND revoked_at IS NULL""",
        [name, project],
    )
    if cursor.rowcount == 1:
        return None
    row = conn.execute(
        "SELECT revoked_at FROM grants WHERE user_name = %s AND project_key = %s",
        [name, project],
    ).fetchone()
    if row is None:
        raise AdminError(f"{name!r} has no grant of project {project} to revoke")
    revoked_at: datetime = row[0]
    return revoked_at


def users(conn: psycopg.Connection[Any]) -> dict[str, list[GrantInfo]]:
    """Every user with their grants (revoked and expired ones included)."""
    require_current(conn)
    found: dict[str, list[GrantInfo]] = {}
    for (name,) in conn.execute("SELECT name FROM users ORDER BY name"):
        found[str(name)] = []
    for name, project, granted, expires, revoked in conn.execute(
        """SELECT user_name, project_key, granted_at, expires_at, revoked_at FROM grants
           ORDER BY user_name, project_key"""
    ):
        found[str(name)].append(GrantInfo(str(project), granted, expires, revoked))
    return found


def disabled_users(conn: psycopg.Connection[Any]) -> set[str]:
    """The users that cannot sign in (:func:`disable_user`)."""
    require_current(conn)
    rows = conn.execute(
        "SELECT name FROM users WHERE split_part(secret_hash, '$', 5) = %s", [DISABLED_SALT]
    )
    return {str(name) for (name,) in rows}
