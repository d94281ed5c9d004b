"""Opening a database file: checks, backup, automatic migration, engine, session factory, clock.

Nothing is written to a file that fails a check. A file that needs upgrading is
first backed up (and the backup verified); if the upgrade fails the original is
put back, so a file is never left half-migrated.
"""

from __future__ import annotations

import errno
import os
import shutil
import sqlite3
import uuid
from collections.abc import Callable
from contextlib import closing
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session, sessionmaker

from pm_desktop.core.errors import (
    CorruptDatabaseError,
    DatabaseOpenError,
    MigrationError,
    NewerSchemaError,
    NotADatabaseError,
    ReadOnlyDatabaseError,
)
from pm_desktop.core.hlc import HlcStamp, HybridLogicalClock
from pm_desktop.storage.backup import backup_database, integrity_problems
from pm_desktop.storage.changes import install_change_capture
from pm_desktop.storage.engine import make_engine
from pm_desktop.storage.models.local import ChangeLogEntry, LocalMeta
from pm_desktop.storage.schema import SCHEMA_HEAD

SQLITE_HEADER = b"SQLite format 3\x00"
DEVICE_KEY = "device_id"


@dataclass(frozen=True)
class DatabaseState:
    """What a file holds before anything is done to it."""

    exists: bool
    revision: str | None
    """The Alembic revision, or None for a new or empty file."""


@dataclass
class Store:
    """An open database: the one engine, the session factory with change capture, the clock."""

    path: Path
    engine: Engine
    sessions: sessionmaker[Session]
    clock: HybridLogicalClock
    device_id: str
    backup_path: Path | None = None
    """The backup made before this open's migration, if one ran."""

    def close(self) -> None:
        self.engine.dispose()


def inspect_file(path: Path, *, for_writing: bool = False) -> DatabaseState:
    """Read-only checks: is it SQLite, is it readable (and writable), which revision.

    Raises DatabaseOpenError. With ``for_writing``, permissions are checked before SQLite
    opens the file, so a read-only file is refused without leaving -wal/-shm files behind.
    """
    if not path.exists():
        return DatabaseState(exists=False, revision=None)
    if path.is_dir():
        raise NotADatabaseError(path, "is a folder, not a database file")
    try:
        with path.open("rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
    except PermissionError as exc:
        raise ReadOnlyDatabaseError(path, "cannot be read (permission denied)") from exc
    if not header:
        return DatabaseState(exists=True, revision=None)
    if header != SQLITE_HEADER:
        raise NotADatabaseError(path, "is not a SQLite database")
    if for_writing:
        check_writable(path)
    try:
        with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as conn:
            tables = {
                r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")
            }
            if not tables:
                return DatabaseState(exists=True, revision=None)
            if "alembic_version" not in tables:
                raise NotADatabaseError(path, "is a SQLite database of another program")
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.DatabaseError as exc:
        raise _classify(path, exc) from exc
    return DatabaseState(exists=True, revision=row[0] if row else None)


def _classify(path: Path, exc: sqlite3.DatabaseError) -> DatabaseOpenError:
    name = getattr(exc, "sqlite_errorname", "")
    if name.startswith(("SQLITE_READONLY", "SQLITE_CANTOPEN", "SQLITE_PERM")):
        return ReadOnlyDatabaseError(path, f"cannot be opened for writing ({exc})")
    if name.startswith(("SQLITE_CORRUPT", "SQLITE_NOTADB")) or not name:
        return CorruptDatabaseError(path, f"is damaged ({exc})")
    return DatabaseOpenError(path, f"cannot be opened ({exc})")


def check_writable(path: Path) -> None:
    folder = path.parent
    if path.exists() and not os.access(path, os.W_OK):
        raise ReadOnlyDatabaseError(path, "is read-only")
    if folder.exists() and not os.access(folder, os.W_OK):
        raise ReadOnlyDatabaseError(path, f"its folder {folder} is read-only")


def migration_backup_path(path: Path, revision: str | None) -> Path:
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    return path.with_name(f"{path.stem}.before-upgrade-{revision or 'empty'}-{stamp}{path.suffix}")


def upgrade_file(path: Path, state: DatabaseState) -> Path | None:
    """Bring ``path`` to the head revision; returns the backup made first, if any."""
    from pm_desktop.storage import migrations

    if state.revision is not None and not migrations.is_known_revision(state.revision):
        raise NewerSchemaError(
            path,
            f"was written by a newer version of PM Desktop (schema {state.revision}); "
            "update PM Desktop to open it",
        )
    backup = None
    if state.exists and state.revision is not None:
        backup = backup_database(path, migration_backup_path(path, state.revision))
    try:
        migrations.upgrade_to_head(path)
    except Exception as exc:
        _recover(path, state, backup)
        raise MigrationError(path, f"could not be upgraded ({exc}); it was left unchanged") from exc
    return backup


def _recover(path: Path, state: DatabaseState, backup: Path | None) -> None:
    """After a failed upgrade: keep the file if its transaction rolled back cleanly, else restore."""
    try:
        clean = inspect_file(path).revision == state.revision and not integrity_problems(path)
    except DatabaseOpenError:
        clean = False
    if not state.exists:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
    elif clean:
        if backup is not None:
            backup.unlink(missing_ok=True)
    elif backup is not None:
        for suffix in ("-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        shutil.copyfile(backup, path)


def open_store(
    path: Path,
    *,
    wall_clock: Callable[[], int] | None = None,
) -> Store:
    """Open (creating or upgrading as needed) the database at ``path``."""
    path = path.expanduser().absolute()
    state = inspect_file(path, for_writing=True)
    check_writable(path)
    if not state.exists:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            reason = "read-only" if exc.errno in (errno.EACCES, errno.EROFS) else exc.strerror
            raise ReadOnlyDatabaseError(path, f"its folder cannot be created ({reason})") from exc
    backup = None
    if state.revision != SCHEMA_HEAD:
        backup = upgrade_file(path, state)
    engine = make_engine(path)
    try:
        with engine.connect() as conn:
            mode = conn.exec_driver_sql("PRAGMA journal_mode").scalar()
        if mode != "wal":
            raise DatabaseOpenError(path, f"cannot use write-ahead logging (mode {mode})")
        device_id, last = _device_and_last_stamp(engine)
    except sqlite3.DatabaseError as exc:  # pragma: no cover - reported through SQLAlchemy below
        engine.dispose()
        raise CorruptDatabaseError(path, str(exc)) from exc
    except Exception as exc:
        engine.dispose()
        if isinstance(exc, DatabaseOpenError):
            raise
        raise CorruptDatabaseError(path, f"cannot be opened ({exc})") from exc
    kwargs = {"wall_clock": wall_clock} if wall_clock else {}
    clock = HybridLogicalClock(device_id, last=last, **kwargs)
    sessions = sessionmaker(engine, expire_on_commit=False)
    install_change_capture(sessions, clock)
    return Store(path, engine, sessions, clock, device_id, backup)


def _device_and_last_stamp(engine: Engine) -> tuple[str, HlcStamp | None]:
    with Session(engine) as session, session.begin():
        device_id = session.get(LocalMeta, DEVICE_KEY)
        if device_id is None:
            device_id = LocalMeta(key=DEVICE_KEY, value=uuid.uuid4().hex[:16])
            session.add(device_id)
        last = session.scalar(
            select(ChangeLogEntry.hlc).order_by(ChangeLogEntry.seq.desc()).limit(1)
        )
        return device_id.value, HlcStamp.decode(last) if last else None
