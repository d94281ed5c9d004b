"""Opens a database's services off the GUI thread.

Importing SQLAlchemy and mapping the models takes longer than showing the main
window, so the window first shows a snapshot and the services load in a thread.
Anything that needs them before they are ready simply waits for them.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal, Slot

from pm_desktop.core.errors import PmError
from pm_desktop.ui.relay import Relay

if TYPE_CHECKING:
    from pm_desktop.services.container import Services

log = logging.getLogger(__name__)


class _Opening:
    """The opening itself (plain data the thread may hold; see pm_desktop.ui.relay)."""

    def __init__(self, path: Path, check_integrity: bool) -> None:
        self.path = path
        self.check_integrity = check_integrity
        self.services: Services | None = None
        self.error: PmError | None = None
        self.done = threading.Event()

    def run(self, report: Callable[[object], None]) -> None:
        """Open, then ``report`` ("ready"|"failed", None) and maybe ("damaged", problems)."""
        from pm_desktop.services.container import Services

        try:
            self.services = Services.open(self.path)
        except PmError as error:
            self.error = error
        except Exception as error:  # never leave the window waiting on a dead loader
            log.exception("opening %s failed", self.path)
            self.error = PmError(f"{self.path}: cannot be opened ({error})")
        finally:
            self.done.set()
        if self.error is not None:
            report(("failed", self.error))
            return
        report(("ready", None))
        if self.check_integrity and self.services is not None:
            problems = self.services.integrity_problems()
            if problems:
                report(("damaged", problems))


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
        self._opening = _Opening(path, check_integrity)
        self._lock = threading.Lock()
        self._started = False
        self._reports = Relay(self)
        self._reports.delivered.connect(self._report)

    @classmethod
    def of(cls, services: Services) -> ServicesLoader:
        """A loader whose services are already open."""
        loader = cls(services.database_path)
        loader._opening.services = services
        loader._started = True
        loader._opening.done.set()
        return loader

    @property
    def is_ready(self) -> bool:
        return self._opening.done.is_set() and self._opening.services is not None

    def start(self) -> None:
        """Begin opening in a background thread (once)."""
        if self._claim():
            threading.Thread(
                target=self._opening.run,
                args=(self._reports.post,),
                name="open-database",
                daemon=True,
            ).start()

    def get(self) -> Services:
        """The services, waiting for them (or opening them here) if needed; raises PmError."""
        if self._claim():
            self._opening.run(self._report)
        self._opening.done.wait()
        if self._opening.error is not None:
            raise self._opening.error
        assert self._opening.services is not None
        return self._opening.services

    def _claim(self) -> bool:
        with self._lock:
            if self._started:
                return False
            self._started = True
            return True

    @Slot(object)
    def _report(self, report: object) -> None:
        assert isinstance(report, tuple)  # (what, detail) from _Opening.run
        what, detail = report
        if what == "ready":
            self.ready.emit()
        elif what == "failed":
            self.failed.emit(detail)
        else:
            self.damaged.emit(detail)
