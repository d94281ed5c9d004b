"""Database administration for the command line: upgrade, check, backup."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from pm_desktop.core.errors import DatabaseOpenError, NewerSchemaError
from pm_desktop.storage import migrations
from pm_desktop.storage.backup import backup_database, integrity_problems
from pm_desktop.storage.database import upgrade_file
from pm_desktop.storage.files import inspect_file


@dataclass(frozen=True)
class CheckReport:
    path: Path
    revision: str | None
    head: str
    integrity_problems: list[str]

    @property
    def up_to_date(self) -> bool:
        return self.revision == self.head

    @property
    def healthy(self) -> bool:
        return not self.integrity_problems and self.up_to_date


@dataclass(frozen=True)
class UpgradeReport:
    path: Path
    from_revision: str | None
    to_revision: str
    backup: Path | None


def check_database(path: Path) -> CheckReport:
    """Integrity and migration state, without writing anything."""
    if not path.exists():
        raise DatabaseOpenError(path, "does not exist")
    state = inspect_file(path)
    head = migrations.head_revision()
    if state.revision is not None and not migrations.is_known_revision(state.revision):
        raise NewerSchemaError(
            path, f"has schema {state.revision}, newer than this version of PM Desktop knows"
        )
    return CheckReport(path, state.revision, head, integrity_problems(path))


def upgrade_database(path: Path) -> UpgradeReport:
    """Migrate an existing file to the head revision, after a verified backup."""
    if not path.exists():
        raise DatabaseOpenError(path, "does not exist")
    state = inspect_file(path, for_writing=True)
    head = migrations.head_revision()
    backup = None if state.revision == head else upgrade_file(path, state)
    return UpgradeReport(path, state.revision, head, backup)


def backup(path: Path, dest: Path) -> Path:
    """Copy ``path`` to ``dest``; into it, with a dated name, when ``dest`` is a folder."""
    if not path.exists():
        raise DatabaseOpenError(path, "does not exist")
    inspect_file(path)
    if dest.is_dir():
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        dest = dest / f"{path.stem}-backup-{stamp}{path.suffix}"
    return backup_database(path, dest)
