"""The Meetings workspace: meeting list, live minutes capture, 5W1H action items.

Only :class:`MeetingsPage` is imported with the main window; the rest loads when first shown.
"""

from pm_desktop.ui.meetings.page import MeetingsPage

__all__ = ["MeetingsPage"]
