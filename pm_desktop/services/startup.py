"""The fast road to the first screen: checks and a snapshot, without loading the ORM."""

from __future__ import annotations

from pathlib import Path

from pm_desktop.storage.files import inspect_file
from pm_desktop.storage.schema import SCHEMA_HEAD
from pm_desktop.storage.snapshot import StartupSnapshot, read_snapshot

__all__ = ["StartupSnapshot", "quick_start"]


def quick_start(path: Path) -> StartupSnapshot | None:
    """The first screen's data, or None when the file must first be created or migrated.

    Raises DatabaseOpenError for a file that cannot be used (nothing is written to it).
    """
    path = path.expanduser().absolute()
    state = inspect_file(path, for_writing=True)
    if state.revision != SCHEMA_HEAD:
        return None
    return read_snapshot(path)
