"""Checks on a database file, with the sqlite3 module alone (no SQLAlchemy: start-up stays fast).

Each raises a :class:`DatabaseOpenError` that says what is wrong; none changes the database
(SQLite may leave its own -wal/-shm index files beside a file it read).
"""

from __future__ import annotations

import os
import sqlite3
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

from pm_desktop.core.errors import (
    CorruptDatabaseError,
    DatabaseBusyError,
    DatabaseOpenError,
    NotADatabaseError,
    ReadOnlyDatabaseError,
)

SQLITE_HEADER = b"SQLite format 3\x00"


def read_only_uri(path: Path) -> str:
    """A SQLite URI that opens ``path`` read-only, whatever characters its name holds.

    On read-only media, where SQLite cannot create its -shm index, the file is opened as
    immutable: nothing else can change it there either.
    """
    uri = f"{path.absolute().as_uri()}?mode=ro"
    if not os.access(path.absolute().parent, os.W_OK):
        uri += "&immutable=1"
    return uri


def connect_read_only(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(read_only_uri(path), uri=True)


@dataclass(frozen=True)
class DatabaseState:
    """What a file holds before anything is done to it."""

    exists: bool
    revision: str | None
    """The Alembic revision, or None for a new or empty file."""


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
        if for_writing:
            check_writable(path)
        return DatabaseState(exists=True, revision=None)
    if header != SQLITE_HEADER:
        raise NotADatabaseError(path, "is not a SQLite database")
    if for_writing:
        check_writable(path)
    try:
        with closing(connect_read_only(path)) as conn:
            tables = {
                r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")
            }
            if not tables:
                return DatabaseState(exists=True, revision=None)
            if "alembic_version" not in tables:
                raise NotADatabaseError(path, "is a SQLite database of another program")
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.DatabaseError as exc:
        raise classify_sqlite_error(path, exc) from exc
    return DatabaseState(exists=True, revision=row[0] if row else None)


def classify_sqlite_error(path: Path, exc: sqlite3.Error) -> DatabaseOpenError:
    name = getattr(exc, "sqlite_errorname", "")
    if name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")):
        return DatabaseBusyError(path, "is in use by another program (locked); try again later")
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
