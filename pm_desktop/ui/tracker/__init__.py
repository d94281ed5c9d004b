"""The action tracker: every action item of a project (or of all projects), filtered and sorted."""

from pm_desktop.ui.tracker.commands import SetActionStatusesCommand
from pm_desktop.ui.tracker.model import ACTION_ROLE, Column, TrackerModel
from pm_desktop.ui.tracker.view import ActionTrackerView

__all__ = [
    "ACTION_ROLE",
    "ActionTrackerView",
    "Column",
    "SetActionStatusesCommand",
    "TrackerModel",
]
