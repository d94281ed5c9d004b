"""Running a piece of work off the GUI thread while the user waits, with a way to cancel.

``run_in_background`` blocks its caller the way ``QDialog.exec`` does (a local event loop keeps
the window painting); a busy dialog with a Cancel button appears when the work takes longer than
a moment. Cancelling returns at once; the abandoned work finishes in its thread and what it made
is then removed by ``discard``. The thread reports through a :class:`~pm_desktop.ui.relay.Relay`
and holds no Qt object of its own (see that module).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Generic, TypeVar

from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, Qt, QTimer, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

from pm_desktop.core.errors import PmError
from pm_desktop.ui.relay import Relay

T = TypeVar("T")

SHOW_AFTER_MS = 300


class Cancelled(Exception):  # noqa: N818 (a request, not an error)
    """The user cancelled the work; nothing of it was kept."""


class _Job(Generic[T]):
    """The work, its outcome, and whether the user gave up waiting for it."""

    def __init__(self, work: Callable[[], T], discard: Callable[[T], None] | None) -> None:
        self._work = work
        self._discard = discard
        self._lock = threading.Lock()
        self.value: T | None = None
        self.error: BaseException | None = None
        self.finished = False
        self.cancelled = False

    def run(self, report: Callable[[object], None]) -> None:
        """In the worker thread; ``report(None)`` when done."""
        try:
            value = self._work()
        except BaseException as error:
            with self._lock:
                self.error, self.finished = error, True
        else:
            with self._lock:
                self.value, self.finished = value, True
                abandoned = self.cancelled
            if abandoned and self._discard is not None:
                self._discard(value)
        report(None)

    def cancel(self) -> None:
        """In the GUI thread: give up; what the work made (now or later) is discarded."""
        with self._lock:
            self.cancelled = True
            made = self.finished and self.error is None
        if made and self._discard is not None:
            self._discard(self.value)  # type: ignore[arg-type]


def run_in_background(
    parent: QWidget | None,
    label: str,
    work: Callable[[], T],
    discard: Callable[[T], None] | None = None,
) -> T:
    """Run ``work`` in a thread and return its result; its PmError is raised here.

    Raises :class:`Cancelled` when the user cancels; ``discard`` is then called with the result
    once the work completes, to remove what it made.
    """
    job = _Job(work, discard)
    loop = QEventLoop()
    # Owned by the application, so that it outlives this call when the user cancels; deleted
    # once the thread has reported and ended.
    app = QCoreApplication.instance()
    assert app is not None, "a QApplication runs the dialog"
    relay = _OneShotRelay(app)
    relay.delivered.connect(loop.quit, Qt.ConnectionType.QueuedConnection)
    dialog = QProgressDialog(
        label, QCoreApplication.translate("BackgroundWork", "Cancel"), 0, 0, parent
    )
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    dialog.hide()
    dialog.canceled.connect(job.cancel)
    dialog.canceled.connect(loop.quit)
    show = QTimer()
    show.setSingleShot(True)
    show.timeout.connect(dialog.show)
    relay.worker = threading.Thread(
        target=job.run, args=(relay.post,), name="background-work", daemon=True
    )
    relay.worker.start()
    show.start(SHOW_AFTER_MS)
    loop.exec()
    show.stop()
    dialog.canceled.disconnect()
    dialog.close()
    dialog.deleteLater()
    if job.cancelled:
        raise Cancelled
    if job.error is not None:
        if isinstance(job.error, PmError):
            raise job.error
        raise PmError(str(job.error)) from job.error
    return job.value  # type: ignore[return-value]


class _OneShotRelay(Relay):
    """A relay for one thread: once it reported, the thread is joined (it is only returning)
    and the relay deleted, both here in the GUI thread."""

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.worker: threading.Thread | None = None
        self.delivered.connect(self._retire)

    @Slot(object)
    def _retire(self, _value: object) -> None:
        if self.worker is not None:
            self.worker.join()
            self.worker = None
        self.deleteLater()
