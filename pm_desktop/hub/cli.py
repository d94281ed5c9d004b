"""``pm-desktop hub ...``: set up, administer and run a team hub.

Only argparse at import time: the desktop app's command line reaches this module by name,
and the server's packages (Starlette, uvicorn, psycopg) load only for a hub command.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import psycopg

ENV_DATABASE_URL = "PM_HUB_DATABASE_URL"


def _until(text: str) -> datetime:
    """A date means up to the end of that day (hub-local time); a datetime is taken as is."""
    try:
        if len(text) == 10:
            day = date.fromisoformat(text)
            return datetime.combine(day + timedelta(days=1), time()).astimezone()
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a date (YYYY-MM-DD) or date and time"
        ) from None
    return moment if moment.tzinfo else moment.astimezone()


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="pm-desktop hub",
        description="The team hub: a sync server in front of PostgreSQL.",
    )
    database = argparse.ArgumentParser(add_help=False)
    database.add_argument(
        "--database-url",
        default=os.environ.get(ENV_DATABASE_URL),
        help=f"PostgreSQL URL, e.g. postgresql://hub@db.example/hub (default: ${ENV_DATABASE_URL})",
    )
    commands = parser.add_subparsers(dest="hub_command", metavar="ACTION", required=True)
    commands.add_parser("init", parents=[database], help="create the hub's tables, or upgrade them")
    serve = commands.add_parser("serve", parents=[database], help="run the hub")
    serve.add_argument("--host", default="127.0.0.1", help="address to listen on (127.0.0.1)")
    serve.add_argument("--port", type=int, default=8765, help="port to listen on (8765)")
    serve.add_argument("--certfile", type=Path, help="TLS certificate chain (PEM)")
    serve.add_argument("--keyfile", type=Path, help="TLS private key (PEM)")
    serve.add_argument(
        "--pool-size", type=int, default=10, help="database connections per process (10)"
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
        "--until", type=_until, help="access ends after this date (YYYY-MM-DD); default: never"
    )
    revoke = commands.add_parser("revoke", parents=[database], help="stop a user syncing a project")
    revoke.add_argument("name")
    revoke.add_argument("project", help="the project's id")
    commands.add_parser("users", parents=[database], help="list users and their grants")
    return parser


def _fail(message: str) -> int:
    print(f"pm-desktop hub: error: {message}", file=sys.stderr)
    return 1


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
    from pm_desktop.hub import admin, schema

    command = args.hub_command
    if command == "init":
        before = schema.current_version(conn)
        applied = schema.upgrade(conn)
        if not applied:
            print(f"the hub schema is current (version {schema.HEAD})")
        for step in applied:
            print(f"applied hub schema {step.version}: {step.name}")
        if applied and before:
            print(f"upgraded the hub schema from {before} to {schema.HEAD}")
        return 0
    if command == "add-user":
        secret = admin.add_user(conn, args.name, reset=args.reset)
        print(f"{'new secret for' if args.reset else 'added user'} {args.name}")
        print(f"secret: {secret}")
        print(
            "It is shown only this once and the hub keeps only a hash of it: give it to"
            f" {args.name} over a safe channel."
        )
        return 0
    if command == "grant":
        if args.until is not None and args.until <= datetime.now(UTC):
            raise admin.AdminError(
                f"{args.until:%Y-%m-%d %H:%M %Z} has passed: access would end at once"
                " (to end it now: pm-desktop hub revoke)"
            )
        admin.grant(conn, args.name, args.project, until=args.until)
        limit = f" until {args.until:%Y-%m-%d %H:%M %Z}" if args.until else ""
        print(f"granted project {args.project} to {args.name}{limit}")
        return 0
    if command == "revoke":
        admin.revoke(conn, args.name, args.project)
        print(f"revoked project {args.project} from {args.name}")
        return 0
    for name, grants in admin.users(conn).items():
        print(name)
        for g in grants:
            state = (
                f"revoked {g.revoked_at:%Y-%m-%d}"
                if g.revoked_at
                else f"until {g.expires_at:%Y-%m-%d %H:%M}"
                if g.expires_at
                else "granted"
            )
            print(f"  {g.project}  {state}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
