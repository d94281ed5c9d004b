"""Administration of a hub's users and grants (the ``pm-desktop hub`` commands).

Runs as the hub's login role, the owner of the tables, on a plain connection.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import psycopg

from pm_desktop.hub import protocol
from pm_desktop.hub.auth import hash_secret, new_secret
from pm_desktop.hub.schema import require_current

#: The ids PM Desktop gives projects (UUIDs, as the app writes them).
_PROJECT_ID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


class AdminError(Exception):
    """An administration command that cannot be done, with the reason."""


@dataclass(frozen=True)
class GrantInfo:
    project: str
    granted_at: datetime
    expires_at: datetime | None
    revoked_at: datetime | None


def connect(database_url: str) -> psycopg.Connection[Any]:
    try:
        conn = psycopg.connect(database_url, autocommit=True, connect_timeout=15)
    except psycopg.OperationalError as exc:
        raise AdminError(f"cannot connect to the database: {exc}".strip()) from None
    return conn


def _check_user_name(name: str) -> None:
    if not protocol.USER_NAME.fullmatch(name):
        raise AdminError(
            f"{name!r} is not a valid user name: letters, digits, '.', '_', '-', '@', "
            "at most 64 characters"
        )


def _check_project(project: str) -> None:
    if project == protocol.TEAM:
        raise AdminError("every user may sync the team-wide data; it needs no grant")
    if not _PROJECT_ID.fullmatch(project):
        raise AdminError(
            f"{project!r} is not a project id: an id looks like "
            "1b4e28ba-2fa1-11d2-883f-0016d3cca427 (in PM Desktop: File > Copy Project ID)"
        )


def _check_user_exists(conn: psycopg.Connection[Any], name: str) -> None:
    if conn.execute("SELECT 1 FROM users WHERE name = %s", [name]).fetchone() is None:
        raise AdminError(f"there is no user {name!r} (add them with 'pm-desktop hub add-user')")


def add_user(conn: psycopg.Connection[Any], name: str, *, reset: bool = False) -> str:
    """Create a user (or give one a new secret); the secret, which is stored only hashed."""
    _check_user_name(name)
    require_current(conn)
    secret = new_secret()
    hashed = hash_secret(secret)
    if reset:
        cursor = conn.execute("UPDATE users SET secret_hash = %s WHERE name = %s", [hashed, name])
        if cursor.rowcount == 0:
            raise AdminError(f"there is no user {name!r}")
    else:
        cursor = conn.execute(
            "INSERT INTO users (name, secret_hash) VALUES (%s, %s) ON CONFLICT DO NOTHING",
            [name, hashed],
        )
        if cursor.rowcount == 0:
            raise AdminError(f"user {name!r} exists already (give them a new secret with --reset)")
    return secret


def grant(
    conn: psycopg.Connection[Any], name: str, project: str, *, until: datetime | None = None
) -> None:
    _check_user_name(name)
    _check_project(project)
    require_current(conn)
    _check_user_exists(conn, name)
    conn.execute(
        """INSERT INTO grants (user_name, project_key, expires_at) VALUES (%s, %s, %s)
           ON CONFLICT (user_name, project_key) DO UPDATE
           SET granted_at = now(), expires_at = excluded.expires_at, revoked_at = NULL""",
        [name, project, until],
    )


def revoke(conn: psycopg.Connection[Any], name: str, project: str) -> None:
    _check_user_name(name)
    _check_project(project)
    require_current(conn)
    _check_user_exists(conn, name)
    cursor = conn.execute(
        """UPDATE grants SET revoked_at = now()
           WHERE user_name = %s AND project_key = %s AND revoked_at IS NULL""",
        [name, project],
    )
    if cursor.rowcount == 0:
        raise AdminError(f"{name!r} has no grant of project {project} to revoke")


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
