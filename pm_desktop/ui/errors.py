"""User-facing, translated messages for the errors the services raise."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from pm_desktop.core.errors import DatabaseOpenError, PmError


def describe_error(error: PmError) -> str:
    """A message for a dialog: what happened, in the UI language, and what to do."""
    if isinstance(error, DatabaseOpenError):
        path = str(error.path)
        messages = {
            "not_sqlite": QCoreApplication.translate(
                "ErrorMessages", "The file {path} is not a PM Desktop database."
            ),
            "corrupt": QCoreApplication.translate(
                "ErrorMessages",
                "The database {path} is damaged and cannot be opened. "
                "Restore it from a backup (pm-desktop db backup makes one).",
            ),
            "read_only": QCoreApplication.translate(
                "ErrorMessages",
                "The database {path} cannot be written: the file or its folder is read-only. "
                "Choose another file with --db, or change its permissions.",
            ),
            "newer_schema": QCoreApplication.translate(
                "ErrorMessages",
                "The database {path} was written by a newer version of PM Desktop. "
                "Update PM Desktop to open it; the file was not changed.",
            ),
            "migration_failed": QCoreApplication.translate(
                "ErrorMessages", "The database {path} could not be upgraded. It was left as it was."
            ),
        }
        template = messages.get(
            error.code,
            QCoreApplication.translate("ErrorMessages", "The database {path} cannot be opened."),
        )
        return (
            template.format(path=path)
            + "\n\n"
            + QCoreApplication.translate("ErrorMessages", "Details: {details}").format(
                details=str(error)
            )
        )
    return str(error)
