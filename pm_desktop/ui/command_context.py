"""What the tabs of a workspace share: the services, the project, and running a command."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtGui import QUndoCommand, QUndoStack

from pm_desktop.core.errors import PmError
from pm_desktop.ui.services_loader import ServicesLoader

if TYPE_CHECKING:
    from pm_desktop.services.container import Services


class CommandContext:
    """``after`` runs after every command, undo and redo included, with its error (or None)
    when the command did not come from :meth:`push` (undo/redo from the menu)."""

    def __init__(
        self,
        loader: ServicesLoader,
        undo_stack: QUndoStack,
        after: Callable[[PmError | None], None],
        today: Callable[[], date] = date.today,
    ) -> None:
        self.loader = loader
        self.undo_stack = undo_stack
        self.project_id = ""
        self.today = today
        self._after = after
        self._pushing = False
        self._error: PmError | None = None

    @property
    def ready(self) -> bool:
        return self.loader.is_ready

    def services(self) -> Services:
        return self.loader.get()

    def done(self, error: PmError | None) -> None:
        """The ``done`` of every command."""
        if self._pushing:
            self._error = error
            self._after(None)
        else:
            self._after(error)

    def push(self, command: QUndoCommand) -> PmError | None:
        """Run ``command`` (undoably); the error it met, for the caller to show where the
        value was typed (a failed command leaves no undo step)."""
        self._pushing, self._error = True, None
        try:
            self.undo_stack.push(command)
        finally:
            self._pushing = False
        return self._error
