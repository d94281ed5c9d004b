"""Reporting from a Python worker thread to the GUI thread without the worker ever ending a Qt
object's life.

A QObject must be deleted in the thread it lives in. A worker thread whose target is a bound
method of a QObject (or a callback bound to one) holds a reference to it; when the thread ends
after the object's owner let it go, the last reference drops in the worker and the object, its
timers with it, is deleted there: a crash some time later. So a worker is given only plain data
and a :class:`Relay`'s :meth:`~Relay.post`: the relay is owned by its parent's C++ side, so the
worker's reference ending deletes nothing, and once the relay was deleted with its parent,
``post`` does nothing and says so (a long-lived worker then stops).
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class Relay(QObject):
    """Emits ``delivered`` in its parent's (the GUI) thread with what a worker posts."""

    delivered = Signal(object)

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)

    def post(self, value: object) -> bool:
        """From any thread; False (and nothing done) once the parent, and so the relay, was
        deleted."""
        try:
            self.delivered.emit(value)
        except RuntimeError:  # "Signal source has been deleted"
            return False
        return True
