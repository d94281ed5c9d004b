"""One PM Desktop window per database file: two would sync the same replica at once and each
send its queued mail (the mail outbox's send lock holds within one process)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLockFile

from pm_desktop.core.errors import DatabaseInUseError


def lock_database(path: Path) -> QLockFile | None:
    """Hold ``<path>.lock`` while this window has the database open (unlock it at the end).

    Raises :class:`DatabaseInUseError` when a running PM Desktop holds it; the lock of one
    that ended without unlocking (a crash) is taken over. None when no lock file can be
    made there (a read-only folder): opening the database then says what is wrong.
    """
    lock = QLockFile(f"{path}.lock")
    lock.setStaleLockTime(0)  # stale only when its process is gone, however old
    if lock.tryLock(0):
        return lock
    if lock.error() == QLockFile.LockError.LockFailedError:
        raise DatabaseInUseError(path, "the database is open in another PM Desktop window")
    return None
