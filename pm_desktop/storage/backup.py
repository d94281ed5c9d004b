"""Online backups of a database file, verified with ``PRAGMA integrity_check``."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

from pm_desktop.core.errors import CorruptDatabaseError, DatabaseOpenError
from pm_desktop.storage.files import connect_read_only


def integrity_problems(path: Path, *, pragma: str = "integrity_check") -> list[str]:
    """The rows of ``PRAGMA integrity_check`` other than 'ok' (empty when the file is sound)."""
    try:
        with closing(connect_read_only(path)) as conn:
            rows = [r[0] for r in conn.execute(f"PRAGMA {pragma}")]
    except sqlite3.DatabaseError as exc:
        return [str(exc)]
    return [r for r in rows if r != "ok"]


def quick_check_problems(path: Path) -> list[str]:
    """Like :func:`integrity_problems` but faster: checks structure, not index contents."""
    return integrity_problems(path, pragma="quick_check")


def backup_database(source: Path, dest: Path) -> Path:
    """Copy ``source`` to ``dest`` with SQLite's backup API and verify the copy.

    Refuses to overwrite an existing ``dest``. Raises :class:`CorruptDatabaseError` when
    the copy fails its integrity check (the copy is then removed).
    """
    if dest.exists():
        raise DatabaseOpenError(dest, "the backup destination already exists")
    dest.parent.mkdir(parents=True, exist_ok=True)
    try:
        with (
            closing(connect_read_only(source)) as src,
            closing(sqlite3.connect(dest)) as dst,
        ):
            src.backup(dst)
            # A backup is one self-contained file: no write-ahead log beside it.
            dst.execute("PRAGMA journal_mode = DELETE")
    except sqlite3.DatabaseError as exc:
        dest.unlink(missing_ok=True)
        raise CorruptDatabaseError(source, f"cannot be backed up: {exc}") from exc
    problems = integrity_problems(dest)
    if problems:
        dest.unlink(missing_ok=True)
        raise CorruptDatabaseError(source, "backup failed integrity check: " + "; ".join(problems))
    return dest
