"""Opens a database's services off the GUI thread.

Importing SQLAlchemy and mapping the models takes longer than showing the main
window, so the window first shows a snapshot and the services load in a thread.
Anything that needs them before they are ready simply waits for them.
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from pm_desktop.core.errors import PmError

if TYPE_CHECKING:
    from pm_desktop.services.container import Services

log = logging.getLogger(__name__)


class ServicesLoader(QObject):
    ready = Signal()
    failed = Signal(object)  # the PmError that stopped the database from opening
    damaged = Signal(list)  # what the integrity check after opening found wrong

    def __init__(
        self, path: Path, parent: QObject | None = None, *, check_integrity: bool = True
    ) -> None:
        """With ``check_integrity``, a quick check of the whole file follows the opening,
        in the same background thread; damage is reported by ``damaged``."""
        super().__init__(parent)
        self.path = path
        self._check_integrity = check_integrity
        self._services: Services | None = None
        self._error: PmError | None = None
        self._done = threading.Event()
        self._lock = threading.Lock()
        self._started = False

    @classmethod
    def of(cls, services: Services) -> ServicesLoader:
        """A loader whose services are already open."""
        loader = cls(services.database_path)
        loader._services = services
        loader._started = True
        loader._done.set()
        return loader

    @property
    def is_ready(self) -> bool:
        return self._done.is_set() and self._services is not None

    def start(self) -> None:
        """Begin opening in a background thread (once)."""
        if self._claim():
            threading.Thread(target=self._load, name="open-database", daemon=True).start()

    def get(self) -> Services:
        """The services, waiting for them (or opening them here) if needed; raises PmError."""
        if self._claim():
            self._load()
        self._done.wait()
        if self._error is not None:
            raise self._error
        assert self._services is not None
        return self._services

    def _claim(self) -> bool:
        with self._lock:
            if self._started:
                return False
            self._started = True
            return True

    def _load(self) -> None:
        from pm_desktop.services.container import Services

        try:
            self._services = Services.open(self.path)
        except PmError as error:
            self._error = error
        except Exception as error:  # never leave the window waiting on a dead loader
            log.exception("opening %s failed", self.path)
            self._error = PmError(f"{self.path}: cannot be opened ({error})")
        finally:
            self._done.set()
        if self._error is not None:
            self.failed.emit(self._error)
            return
        self.ready.emit()
        if self._check_integrity and self._services is not None:
            problems = self._services.integrity_problems()
            if problems:
                self.damaged.emit(problems)
