"""The base of undoable edits that commit through a service at once.

A failing service call makes the command obsolete, so Qt drops it instead of keeping a phantom
undo step, and the error is reported through ``done``.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

from pm_desktop.core.errors import PmError

log = logging.getLogger(__name__)

#: Called after every run of a command, with the error it met (None: it succeeded).
Done = Callable[[PmError | None], None]

SHORT_TEXT = 30


def short(text: str) -> str:
    """``text`` cut to a length that fits the Edit menu."""
    return text if len(text) <= SHORT_TEXT else text[: SHORT_TEXT - 1] + "…"


class ServiceCommand(QUndoCommand):
    def __init__(self, text: str, done: Done) -> None:
        super().__init__(text)
        self._done = done

    def _run(self, action: Callable[[], object]) -> None:
        try:
            action()
        except PmError as error:
            self._fail(error)
            return
        except Exception as error:  # a bug: report it rather than leave a phantom undo step
            log.exception("%s failed", type(self).__name__)
            self._fail(PmError(str(error)))
            return
        self._done(None)

    def _fail(self, error: PmError) -> None:
        self.setObsolete(True)
        self._done(error)
