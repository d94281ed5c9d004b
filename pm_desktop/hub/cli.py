"""``pm-desktop hub ...``: set up, administer and run a team hub.

Only argparse at import time: the desktop app's command line reaches this module by name,
and the server's packages (Starlette, uvicorn, psycopg) load only for a hub command.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from collections.abc import Sequence
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import psycopg

ENV_DATABASE_URL = "PM_HUB_DATABASE_URL"


_DATE = re.compile(r"\d{4}-\d{2}-\d{2}", re.ASCII)
_DATE_TIME = re.compile(
    r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})?", re.ASCII
)
#: Later ends are refused: PostgreSQL keeps them, but Python's dates end with the year 9999.
_LATEST = datetime(9999, 1, 1, tzinfo=UTC)
UNTIL_FORMS = (
    "YYYY-MM-DD (access ends after that day, this computer's time zone) or a date and time,"
    " YYYY-MM-DDTHH:MM[:SS][+HH:MM]"
)


def _until(text: str) -> datetime:
    """A date means up to the end of that day (this computer's time zone); a date and time,
    that moment (in this computer's time zone unless it has an offset)."""
    if not _DATE.fullmatch(text) and not _DATE_TIME.fullmatch(text):
        raise argparse.ArgumentTypeError(f"{text!r} is not {UNTIL_FORMS}")
    try:
        if _DATE.fullmatch(text):
            moment = datetime.combine(date.fromisoformat(text) + timedelta(days=1), time())
        else:
            moment = datetime.fromisoformat(text)
        if moment.tzinfo is None:
            moment = moment.astimezone()
        if moment >= _LATEST:
            raise OverflowError(text)
    except ValueError as error:  # 2026-02-30, 25:00, +24:00
        raise argparse.ArgumentTypeError(f"{text!r} is not a valid date: {error}") from None
    except OverflowError:
        raise argparse.ArgumentTypeError(
            f"{text!r} is too far ahead (the latest end is 9998-12-31): for access that does"
            " not end, leave out --until"
        ) from None
    return moment


def _port(text: str) -> int:
    if not text.isascii() or not text.isdigit() or not 1 <= int(text) <= 65535:
        raise argparse.ArgumentTypeError(f"{text!r} is not a port number (1 to 65535)")
    return int(text)


def _pool_size(text: str) -> int:
    if not text.isascii() or not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of connections (1 or more)")
    return int(text)


def _zone(moment: datetime) -> str:
    """The moment's offset from UTC, named so that it cannot be mistaken: UTC, UTC+08:00."""
    offset = moment.utcoffset() or timedelta()
    if not offset:
        return "UTC"
    minutes = abs(offset) // timedelta(minutes=1)
    return f"UTC{'-' if offset < timedelta() else '+'}{minutes // 60:02d}:{minutes % 60:02d}"


def show_moment(moment: datetime) -> str:
    """A moment in this computer's time zone, with the zone: 2026-12-31 16:00 UTC+08:00."""
    local = moment.astimezone()
    clock = f"{local:%H:%M:%S}" if local.second else f"{local:%H:%M}"
    return f"{local:%Y-%m-%d} {clock} {_zone(local)}"


def show_until(end: datetime) -> str:
    """When access ends, in the form ``--until`` takes: a midnight is the end of the day
    before (2026-12-31 (end of day, UTC+08:00)), else the moment."""
    local = end.astimezone()
    if local.time() == time():
        return f"{local.date() - timedelta(days=1)} (end of day, {_zone(local)})"
    return show_moment(local)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="pm-desktop hub",
        description="The team hub: a sync server in front of PostgreSQL.",
    )
    database = argparse.ArgumentParser(add_help=False)
    database.add_argument(
        "--database-url",
        default=os.environ.get(ENV_DATABASE_URL),
        help="the hub's PostgreSQL database: postgresql://user:password@host:port/database"
        f" (default: ${ENV_DATABASE_URL})",
    )
    commands = parser.add_subparsers(dest="hub_command", metavar="ACTION", required=True)
    commands.add_parser(
        "init",
        parents=[database],
        help="create the hub's tables; run it again after updating pm-desktop to upgrade them",
    )
    serve = commands.add_parser(
        "serve", parents=[database], help="run the hub, in the foreground until interrupted"
    )
    serve.add_argument("--host", default="127.0.0.1", help="address to listen on (127.0.0.1)")
    serve.add_argument("--port", type=_port, default=8765, help="port to listen on (8765)")
    serve.add_argument("--certfile", type=Path, help="TLS certificate chain (PEM)")
    serve.add_argument("--keyfile", type=Path, help="TLS private key (PEM)")
    serve.add_argument(
        "--pool-size", type=_pool_size, default=10, help="database connections per process (10)"
    )
    add_user = commands.add_parser(
        "add-user", parents=[database], help="add a user and print their secret, once"
    )
    add_user.add_argument("name")
    add_user.add_argument(
        "--reset", action="store_true", help="give an existing user a new secret instead"
    )
    grant = commands.add_parser("grant", parents=[database], help="let a user sync a project")
    grant.add_argument("name")
    grant.add_argument("project", help="the project's id")
    grant.add_argument(
        "--until", type=_until, help=f"when access ends: {UNTIL_FORMS}; default: never"
    )
    revoke = commands.add_parser("revoke", parents=[database], help="stop a user syncing a project")
    revoke.add_argument("name")
    revoke.add_argument("project", help="the project's id")
    disable = commands.add_parser(
        "disable-user",
        parents=[database],
        help="stop a user signing in (add-user NAME --reset enables them again)",
    )
    disable.add_argument("name")
    commands.add_parser("users", parents=[database], help="list users and their grants")
    return parser


def _fail(message: str) -> int:
    print(f"pm-desktop hub: error: {message}", file=sys.stderr)
    return 1


def _warn(message: str) -> None:
    print(f"pm-desktop hub: warning: {message}", file=sys.stderr)


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if not args.database_url:
        return _fail(f"give --database-url or set {ENV_DATABASE_URL}")
    import psycopg

    from pm_desktop.hub import admin
    from pm_desktop.hub.schema import SchemaError

    try:
        if args.hub_command == "serve":
            from pm_desktop.hub.server import serve

            serve(
                args.database_url,
                host=args.host,
                port=args.port,
                certfile=args.certfile,
                keyfile=args.keyfile,
                pool_size=args.pool_size,
            )
            return 0
        with admin.connect(args.database_url) as conn:
            return _run_admin(conn, args)
    except (admin.AdminError, SchemaError) as exc:
        return _fail(str(exc))
    except psycopg.Error as exc:
        reason = str(exc).strip().splitlines()[0]
        hint = ""
        if isinstance(exc, psycopg.errors.InsufficientPrivilege) and args.hub_command == "init":
            hint = (
                "\n  the hub's database role must be allowed to create roles (CREATEROLE), or be"
                " granted the role pm_hub_app beforehand"
            )
        return _fail(f"the database refused: {reason}{hint}")


def _run_admin(conn: psycopg.Connection[Any], args: argparse.Namespace) -> int:
    actions = {
        "init": _init,
        "add-user": _add_user,
        "disable-user": _disable_user,
        "grant": _grant,
        "revoke": _revoke,
        "users": _users,
    }
    actions[args.hub_command](conn, args)
    return 0


def _init(conn: psycopg.Connection[Any], args: argparse.Namespace) -> None:
    from pm_desktop.hub import schema

    before = schema.current_version(conn)
    applied = schema.upgrade(conn)
    if not applied:
        print(f"the hub schema is current (version {schema.HEAD})")
    for step in applied:
        print(f"applied hub schema {step.version}: {step.name}")
    if applied and before:
        print(f"upgraded the hub schema from {before} to {schema.HEAD}")


def _add_user(conn: psycopg.Connection[Any], args: argparse.Namespace) -> None:
    from pm_desktop.hub import admin

    was_disabled = args.reset and args.name in admin.disabled_users(conn)
    secret = admin.add_user(conn, args.name, reset=args.reset)
    if args.reset:
        print(f"new secret for {args.name}{' (enabled again)' if was_disabled else ''}")
    else:
        print(f"added user {args.name}")
    print(f"secret: {secret}")
    print(
        "It is shown only this once and the hub keeps only a hash of it: give it to"
        f" {args.name} over a safe channel."
    )


def _disable_user(conn: psycopg.Connection[Any], args: argparse.Namespace) -> None:
    from pm_desktop.hub import admin

    if admin.disable_user(conn, args.name):
        print(
            f"disabled user {args.name}: they can no longer sign in. Their grants stay"
            f" (see 'pm-desktop hub users'); 'pm-desktop hub add-user {args.name} --reset'"
            " gives them a new secret and enables them again."
        )
    else:
        print(f"user {args.name} is disabled already")


def _grant(conn: psycopg.Connection[Any], args: argparse.Namespace) -> None:
    from pm_desktop.hub import admin

    if args.until is not None and args.until <= datetime.now(UTC):
        raise admin.AdminError(
            f"{show_until(args.until)} has passed: access would end at once"
            " (to end it now: pm-desktop hub revoke)"
        )
    granted = admin.grant(conn, args.name, args.project, until=args.until)
    limit = f" until {show_until(granted.expires_at)}" if granted.expires_at else ""
    print(f"granted project {granted.project} to {args.name}{limit}")
    if args.name in admin.disabled_users(conn):
        _warn(
            f"{args.name} is disabled: 'pm-desktop hub add-user {args.name} --reset'"
            " enables them again"
        )
    if not admin.project_has_data(conn, granted.project):
        _warn(
            f"the hub has no data of project {granted.project} yet: check the id"
            " (File ▸ Copy Project ID in PM Desktop); it is fine if the project's PM has"
            " not synced it yet"
        )


def _revoke(conn: psycopg.Connection[Any], args: argparse.Namespace) -> None:
    from pm_desktop.hub import admin

    project = admin.check_project(args.project)
    before = admin.revoke(conn, args.name, project)
    if before is None:
        print(f"revoked project {project} from {args.name}")
    else:
        print(
            f"{args.name}'s grant of project {project} was already revoked on {show_moment(before)}"
        )


def _users(conn: psycopg.Connection[Any], args: argparse.Namespace) -> None:
    from pm_desktop.hub import admin

    disabled = admin.disabled_users(conn)
    now = datetime.now(UTC)
    for name, grants in admin.users(conn).items():
        print(f"{name}  (disabled: cannot sign in)" if name in disabled else name)
        for g in grants:
            if g.revoked_at:
                state = f"revoked {show_moment(g.revoked_at)}"
            elif g.expires_at and g.expires_at <= now:
                state = f"expired: was until {show_until(g.expires_at)}"
            elif g.expires_at:
                state = f"until {show_until(g.expires_at)}"
            else:
                state = "granted"
            print(f"  {g.project}  {state}")


if __name__ == "__main__":
    sys.exit(main())
