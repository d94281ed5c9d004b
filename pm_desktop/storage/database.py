"""Opening a database file: checks, backup, automatic migration, engine, session factory, clock.

Nothing is written to a file that fails a check. A file that needs upgrading is
first backed up (and the backup verified); if the upgrade fails the original is
put back, so a file is never left half-migrated.
"""

from __future__ import annotations

import errno
import shutil
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import Engine, select
from sqlalchemy.exc import DBAPIError, IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from pm_desktop.core.errors import (
    CorruptDatabaseError,
    DatabaseOpenError,
    MigrationError,
    NewerSchemaError,
    ReadOnlyDatabaseError,
    StorageError,
)
from pm_desktop.core.hlc import HlcStamp, HybridLogicalClock, wall_clock_ms
from pm_desktop.storage.backup import backup_database, integrity_problems
from pm_desktop.storage.changes import install_change_capture
from pm_desktop.storage.engine import make_engine
from pm_desktop.storage.files import (
    DatabaseState,
    check_writable,
    classify_sqlite_error,
    inspect_file,
)
from pm_desktop.storage.models.local import ChangeLogEntry, LocalMeta
from pm_desktop.storage.schema import SCHEMA_HEAD

DEVICE_KEY = "device_id"


@dataclass
class Store:
    """An open database: the one engine, the session factory with change capture, the clock."""

    path: Path
    engine: Engine
    sessions: sessionmaker[Session]
    """Units of work that write: ``with store.sessions.begin() as session``; changes are logged."""
    reads: sessionmaker[Session]
    """Sessions that only read (the database refuses their writes) and never wait for writers."""
    clock: HybridLogicalClock
    device_id: str
    backup_path: Path | None = None
    """The backup made before this open's migration, if one ran."""

    @contextmanager
    def write(self) -> Iterator[Session]:
        """A unit of work that writes: committed when the block ends, rolled back on error.

        A database failure (locked, disk full, read-only media, a broken rule) raises
        :class:`StorageError`; the services never let SQLAlchemy's exceptions escape.
        """
        try:
            with self.sessions.begin() as session:
                yield session
        except DBAPIError as exc:
            raise storage_error(exc) from exc

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A read-only session on a snapshot; never waits for a writer."""
        try:
            with self.reads() as session:
                yield session
        except DBAPIError as exc:
            raise storage_error(exc) from exc

    def close(self) -> None:
        self.engine.dispose()
        reads_engine = self.reads.kw.get("bind")
        if isinstance(reads_engine, Engine):
            reads_engine.dispose()


def storage_error(exc: DBAPIError) -> StorageError:
    """A user-facing error for a failed database operation, by its SQLite cause."""
    text = str(exc.orig).lower()
    if isinstance(exc, IntegrityError):
        return StorageError(f"the change breaks a rule of the database ({exc.orig})", "constraint")
    if "locked" in text or "busy" in text:
        return StorageError("the database is locked by another program", "busy")
    if "disk is full" in text or "database or disk is full" in text:
        return StorageError("the disk is full", "full")
    if "readonly" in text or "read-only" in text:
        return StorageError("the database cannot be written (read-only)", "read_only")
    return StorageError(f"the database failed ({exc.orig})")


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
    """After a failed upgrade: keep the file if its transaction rolled back, else restore it."""
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
    if not state.exists:
        check_writable(path)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            reason = "read-only" if exc.errno in (errno.EACCES, errno.EROFS) else exc.strerror
            raise ReadOnlyDatabaseError(path, f"its folder cannot be created ({reason})") from exc
    backup = None
    if state.revision != SCHEMA_HEAD:
        backup = upgrade_file(path, state)
    engine = make_engine(path)
    reads_engine = make_engine(path, read_only=True)
    try:
        with engine.connect() as conn:
            mode = conn.exec_driver_sql("PRAGMA journal_mode").scalar()
        if mode != "wal":
            raise DatabaseOpenError(path, f"cannot use write-ahead logging (mode {mode})")
        device_id, last = _device_and_last_stamp(engine, reads_engine)
        clock = HybridLogicalClock(device_id, last=last, wall_clock=wall_clock or wall_clock_ms)
    except DBAPIError as exc:
        engine.dispose()
        reads_engine.dispose()
        raise classify_sqlite_error(path, exc.orig) from exc  # type: ignore[arg-type]
    except ValueError as exc:  # a malformed device id or clock stamp
        engine.dispose()
        reads_engine.dispose()
        raise CorruptDatabaseError(path, f"holds an invalid device identity ({exc})") from exc
    sessions = sessionmaker(engine, expire_on_commit=False)
    install_change_capture(sessions, clock)
    reads = sessionmaker(reads_engine, expire_on_commit=False)
    return Store(path, engine, sessions, reads, clock, device_id, backup)


def _device_and_last_stamp(engine: Engine, reads: Engine) -> tuple[str, HlcStamp | None]:
    """This replica's device id (made on first open) and its clock's last stamp.

    Read without the write lock; written only the first time.
    """
    with Session(reads) as session:
        device_id = session.scalar(select(LocalMeta.value).where(LocalMeta.key == DEVICE_KEY))
        last = session.scalar(
            select(ChangeLogEntry.hlc).order_by(ChangeLogEntry.seq.desc()).limit(1)
        )
    if device_id is None:
        device_id = uuid.uuid4().hex[:16]
        with Session(engine) as session, session.begin():
            session.add(LocalMeta(key=DEVICE_KEY, value=device_id))
    return device_id, HlcStamp.decode(last) if last else None
