"""Errors the user can act on. Each carries a stable ``code`` the UI translates."""

from __future__ import annotations

from pathlib import Path


class PmError(Exception):
    """Base of the errors shown to users; ``str()`` is a plain English message."""

    code = "error"


class DatabaseOpenError(PmError):
    """The database file cannot be used; nothing was written to it."""

    code = "database"

    def __init__(self, path: Path, message: str) -> None:
        super().__init__(f"{path}: {message}")
        self.path = path


class NotADatabaseError(DatabaseOpenError):
    code = "not_sqlite"


class CorruptDatabaseError(DatabaseOpenError):
    code = "corrupt"


class ReadOnlyDatabaseError(DatabaseOpenError):
    code = "read_only"


class NewerSchemaError(DatabaseOpenError):
    code = "newer_schema"


class MigrationError(DatabaseOpenError):
    code = "migration_failed"


class DatabaseInUseError(DatabaseOpenError):
    """Another PM Desktop window on this computer has the database open."""

    code = "in_use"


class DatabaseBusyError(DatabaseOpenError):
    """Another program holds the database's lock for longer than the busy timeout."""

    code = "busy"


class StorageError(PmError):
    """The database refused an operation; for a write, nothing of it was saved.

    ``reason`` is one of "busy" (locked by another program), "full" (disk full),
    "read_only" (read-only media or permissions), "constraint" (a rule of the schema)
    or "other".
    """

    code = "storage"

    def __init__(self, message: str, reason: str = "other") -> None:
        super().__init__(message)
        self.reason = reason


class ValidationError(PmError):
    """Input that breaks a rule; ``field`` names where it was typed."""

    code = "invalid"

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


class NotFoundError(PmError):
    code = "not_found"


class ExportError(PmError):
    """An export (PDF, ...) could not be written; a file already at ``path`` was kept."""

    code = "export_failed"

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(f"Cannot write {path}: {reason}")
        self.path = path
        self.reason = reason


class ExportCancelled(Exception):  # noqa: N818 (a request, not an error)
    """The user cancelled an export; nothing was written.

    Not a PmError on purpose: there is nothing to report to the user.
    """
