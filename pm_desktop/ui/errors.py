"""User-facing, translated messages for the errors the services raise."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from pm_desktop.core.errors import DatabaseOpenError, PmError, StorageError


def _details(error: PmError) -> str:
    return "\n\n" + QCoreApplication.translate("ErrorMessages", "Details: {details}").format(
        details=str(error)
    )


def _database_message(error: DatabaseOpenError) -> str:
    messages = {
        "not_sqlite": QCoreApplication.translate(
            "ErrorMessages", "The file {path} is not a PM Desktop database."
        ),
        "corrupt": QCoreApplication.translate(
            "ErrorMessages",
            "The database {path} is damaged and cannot be opened. Keep a copy of it, and "
            "restore the latest backup (PM Desktop keeps one next to the file before each "
            "upgrade, named …before-upgrade…).",
        ),
        "read_only": QCoreApplication.translate(
            "ErrorMessages",
            "The database {path} cannot be written: the file or its folder is read-only. "
            "Change its permissions, or start PM Desktop with another database file.",
        ),
        "newer_schema": QCoreApplication.translate(
            "ErrorMessages",
            "The database {path} was written by a newer version of PM Desktop. "
            "Update PM Desktop to open it; the file was not changed.",
        ),
        "in_use": QCoreApplication.translate(
            "ErrorMessages",
            "The database {path} is already open in another PM Desktop window. Use that "
            "window, or close it and start again.",
        ),
        "migration_failed": QCoreApplication.translate(
            "ErrorMessages", "The database {path} could not be upgraded. It was left as it was."
        ),
        "busy": QCoreApplication.translate(
            "ErrorMessages",
            "The database {path} is in use by another program. Close it and start "
            "PM Desktop again; nothing was changed.",
        ),
    }
    template = messages.get(
        error.code,
        QCoreApplication.translate("ErrorMessages", "The database {path} cannot be opened."),
    )
    return template.format(path=str(error.path))


def _storage_message(error: StorageError) -> str:
    messages = {
        "busy": QCoreApplication.translate(
            "ErrorMessages",
            "Another program is holding the database locked. Your change was not saved; "
            "try again in a moment.",
        ),
        "full": QCoreApplication.translate(
            "ErrorMessages", "The disk is full. Your change was not saved; free some space."
        ),
        "read_only": QCoreApplication.translate(
            "ErrorMessages",
            "The database can no longer be written (read-only). Your change was not saved.",
        ),
        "constraint": QCoreApplication.translate(
            "ErrorMessages", "The change breaks a rule of the data and was not saved."
        ),
    }
    return messages.get(
        error.reason,
        QCoreApplication.translate("ErrorMessages", "Your change could not be saved."),
    )


def describe_error(error: PmError) -> str:
    """A message for a dialog: what happened, in the UI language, and what to do."""
    if isinstance(error, DatabaseOpenError):
        return _database_message(error) + _details(error)
    if isinstance(error, StorageError):
        return _storage_message(error) + _details(error)
    return QCoreApplication.translate(
        "ErrorMessages", "The action could not be completed."
    ) + _details(error)
