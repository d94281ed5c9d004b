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


class ValidationError(PmError):
    """Input that breaks a rule; ``field`` names where it was typed."""

    code = "invalid"

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


class NotFoundError(PmError):
    code = "not_found"
