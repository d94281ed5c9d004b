"""Keeps the half-typed quick-entry line safe: saved soon after each keystroke, never lost.

A save follows ``quiet_ms`` after the last keystroke, and at most ``max_wait_ms`` after the
first unsaved one even while the scribe keeps typing, so a crash loses less than a second.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer

from pm_desktop.core.errors import PmError

log = logging.getLogger(__name__)

QUIET_MS = 250
MAX_WAIT_MS = 500
RETRY_MS = 1000


class DraftSaver(QObject):
    """Debounced (and throttled) saving of one text through ``save``."""

    def __init__(
        self,
        save: Callable[[str], None],
        parent: QObject | None = None,
        *,
        quiet_ms: int = QUIET_MS,
        max_wait_ms: int = MAX_WAIT_MS,
    ) -> None:
        super().__init__(parent)
        self._save = save
        self._pending: str | None = None
        self._quiet = _single_shot(self, quiet_ms, self.flush)
        self._deadline = _single_shot(self, max_wait_ms, self.flush)

    @property
    def pending(self) -> bool:
        return self._pending is not None

    def text_changed(self, text: str) -> None:
        """The text was edited: save it soon."""
        self._pending = text
        self._quiet.start()
        if not self._deadline.isActive():
            self._deadline.start()

    def flush(self) -> None:
        """Save what is pending now."""
        self._quiet.stop()
        self._deadline.stop()
        text, self._pending = self._pending, None
        if text is None:
            return
        try:
            self._save(text)
        except PmError as error:  # the database is busy or full: try again shortly
            log.warning("the quick-entry draft was not saved: %s", error)
            self._pending = text
            self._deadline.start(RETRY_MS)

    def discard(self) -> None:
        """Forget what is pending (it was saved another way)."""
        self._pending = None
        self._quiet.stop()
        self._deadline.stop()


def _single_shot(parent: QObject, interval_ms: int, slot: Callable[[], None]) -> QTimer:
    timer = QTimer(parent)
    timer.setSingleShot(True)
    timer.setInterval(interval_ms)
    timer.timeout.connect(slot)
    return timer
