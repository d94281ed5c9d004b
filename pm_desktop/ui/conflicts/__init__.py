"""Sync conflicts: the panel that shows both versions and resolves them, and its entry points."""

from pm_desktop.ui.conflicts.entry import ConflictsEntry

__all__ = ["ConflictsEntry"]
