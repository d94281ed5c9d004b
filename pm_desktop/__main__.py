"""Command line: ``pm-desktop`` starts the app; sub-commands administer databases."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from pm_desktop import __version__

LANGUAGES = ("zh_CN", "en")


def default_database_path() -> Path:
    from platformdirs import user_data_path

    return user_data_path("PM Desktop", appauthor=False) / "pm-desktop.sqlite"


def _language(value: str) -> str:
    if value not in LANGUAGES:
        raise argparse.ArgumentTypeError(
            f"unknown language {value!r}; choose one of: {', '.join(LANGUAGES)}"
        )
    return value


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="pm-desktop",
        description="Offline-first project management for field PMs and meeting scribes.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--db", type=Path, help="database file (default: in the user data folder)")
    parser.add_argument(
        "--lang",
        type=_language,
        metavar="{zh_CN,en}",
        help="user-interface language (default: the system's)",
    )
    parser.add_argument(
        "--smoke-test",
        action="store_true",
        help="start, open and migrate the database, show the main window, then exit",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    demo = commands.add_parser("demo", help="create a sample project in Chinese")
    demo.add_argument("--db", type=Path, dest="demo_db", help="database file (or give --db first)")

    meetings = commands.add_parser("meetings", help="list the meetings (with their ids)")
    meetings.add_argument("--db", type=Path, dest="command_db", help="database file")

    pdf = commands.add_parser("export-minutes", help="write a meeting's minutes as PDF")
    pdf.add_argument("--db", type=Path, dest="command_db", help="database file")
    pdf.add_argument("--meeting", required=True, help="meeting id (see: pm-desktop meetings)")
    pdf.add_argument("--out", type=Path, required=True, help="the PDF file to write")
    pdf.add_argument("--logo", type=Path, help="an image for the title block")

    ics = commands.add_parser("export-ics", help="write a meeting as a calendar invitation")
    ics.add_argument("--db", type=Path, dest="command_db", help="database file")
    ics.add_argument("--meeting", required=True, help="meeting id (see: pm-desktop meetings)")
    ics.add_argument("--out", type=Path, required=True, help="the .ics file to write")

    db = commands.add_parser("db", help="database administration")
    db_commands = db.add_subparsers(dest="db_command", metavar="ACTION", required=True)
    db_commands.add_parser("upgrade", help="migrate to the current schema (after a backup)")
    db_commands.choices["upgrade"].add_argument("path", type=Path)
    db_commands.add_parser("check", help="integrity and migration state")
    db_commands.choices["check"].add_argument("path", type=Path)
    db_commands.add_parser("backup", help="copy a database safely, even while it is open")
    db_commands.choices["backup"].add_argument("path", type=Path)
    db_commands.choices["backup"].add_argument("dest", type=Path)

    # The team server's own parser (pm_desktop/hub/cli.py) reads everything after "hub".
    # No options of its own (prefix_chars matches nothing): "--help" and the rest go there.
    hub = commands.add_parser(
        "hub",
        help="the team sync server (see: pm-desktop hub --help)",
        add_help=False,
        prefix_chars="\0",
    )
    hub.add_argument("hub_args", nargs=argparse.REMAINDER)
    return parser


def _fail(message: str) -> int:
    print(f"pm-desktop: error: {message}", file=sys.stderr)
    return 1


def _run_db(args: argparse.Namespace) -> int:
    from pm_desktop.services import admin

    if args.db_command == "check":
        report = admin.check_database(args.path)
        print(f"database:  {report.path}")
        print(f"schema:    {report.revision or '(none)'} (current: {report.head})")
        print(f"integrity: {'ok' if not report.integrity_problems else 'DAMAGED'}")
        for problem in report.integrity_problems[:20]:
            print(f"  {problem}")
        if not report.up_to_date:
            print("run 'pm-desktop db upgrade PATH' to migrate it")
        return 0 if report.healthy else 1
    if args.db_command == "upgrade":
        result = admin.upgrade_database(args.path)
        if result.backup is None:
            print(f"{result.path} is already at schema {result.to_revision}")
        else:
            print(f"upgraded {result.path}: {result.from_revision} -> {result.to_revision}")
            print(f"backup:   {result.backup}")
        return 0
    dest = admin.backup(args.path, args.dest)
    print(f"backed up {args.path} to {dest} (integrity ok)")
    return 0


def _run_demo(path: Path | None) -> int:
    from pm_desktop.services.container import Services
    from pm_desktop.services.demo import PROJECT_NAME, create_demo_project

    if path is None:
        return _fail("demo needs a database: pm-desktop demo --db PATH")
    services = Services.open(path)
    try:
        if any(p.name == PROJECT_NAME for p in services.projects.list(include_archived=True)):
            return _fail(f"{path} already holds the demo project {PROJECT_NAME!r}")
        project = create_demo_project(services.store.sessions)
    finally:
        services.close()
    print(f"created demo project {project.name!r} in {path}")
    return 0


def _run_meeting_command(args: argparse.Namespace) -> int:
    from pm_desktop.ui import cli_exports

    database = args.command_db or args.db
    if database is None:
        return _fail(f"{args.command} needs a database: --db PATH")
    if not database.exists():
        return _fail(f"{database} does not exist")
    if args.command == "meetings":
        for project_name, meeting in cli_exports.list_meetings(database):
            when = meeting.starts_at.astimezone().strftime("%Y-%m-%d %H:%M")
            print(f"{meeting.id}  {when}  {project_name} / {meeting.title}")
        return 0
    if args.command == "export-minutes":
        out = cli_exports.export_minutes(
            database, args.meeting, args.out, language=args.lang, logo=args.logo
        )
    else:
        out = cli_exports.export_invitation(database, args.meeting, args.out, language=args.lang)
    print(f"wrote {out}")
    return 0


def _run_hub(hub_args: list[str]) -> int:
    import importlib

    # By name, so that PyInstaller leaves the server out of the desktop bundle.
    try:
        hub_cli = importlib.import_module("pm_desktop.hub.cli")
    except ImportError as exc:
        return _fail(f"this installation has no team hub ({exc}); install pm-desktop with pip")
    code: int = hub_cli.main(hub_args)
    return code


def main(argv: Sequence[str] | None = None) -> int:
    from pm_desktop.core.errors import PmError

    args = build_parser().parse_args(argv)
    if args.command == "hub":
        return _run_hub(args.hub_args)
    try:
        if args.command == "db":
            return _run_db(args)
        if args.command == "demo":
            return _run_demo(args.demo_db or args.db)
        if args.command in {"meetings", "export-minutes", "export-ics"}:
            return _run_meeting_command(args)
    except PmError as exc:
        return _fail(str(exc))
    from pm_desktop.app import run_app

    return run_app(
        database=args.db or default_database_path(),
        language=args.lang,
        smoke_test=args.smoke_test,
    )


def run() -> None:
    sys.exit(main())


if __name__ == "__main__":
    run()
