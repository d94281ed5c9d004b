"""Python's cyclic garbage collector, run only in the GUI thread and only between events.

Left automatic, the collector runs in whichever thread crosses its allocation threshold: a sync
or mail thread, in the middle of its HTTP or SQL work. Qt objects caught in reference cycles
(a dialog whose slots are lambdas over itself) are then deleted from that thread, or in the GUI
thread in the middle of a destructor or a slot: a crash, now and then, never the same one. So
automatic collection is switched off and :class:`MainThreadCollector` runs the same
generational passes from a timer of the GUI thread's event loop (the pattern of calibre and
pyqtgraph).
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer, Slot

#: How often the GUI thread checks whether a pass is due.
CHECK_MS = 500


class MainThreadCollector(QObject):
    """While it runs, garbage cycles are collected only here, by a timer of the GUI thread."""

    def __init__(self, parent: QObject, *, check_ms: int = CHECK_MS) -> None:
        super().__init__(parent)
        self._was_enabled = gc.isenabled()
        self._threshold = gc.get_threshold()
        self._timer = QTimer(self)
        self._timer.setInterval(check_ms)
        self._timer.timeout.connect(self.collect_if_due)

    def start(self) -> MainThreadCollector:
        gc.disable()
        self._timer.start()
        return self

    def stop(self) -> None:
        """Collect now and give the collector back to the interpreter as it was."""
        self._timer.stop()
        gc.collect()
        if self._was_enabled:
            gc.enable()

    @Slot()
    def collect_if_due(self) -> None:
        """The passes the interpreter would have run by now: the youngest generation when
        enough objects were made, an older one when enough younger passes ran."""
        threshold0, threshold1, threshold2 = self._threshold
        count0, count1, count2 = gc.get_count()
        if count0 <= threshold0:
            return
        if count1 > threshold1 and threshold1:
            gc.collect(2 if count2 > threshold2 and threshold2 else 1)
        else:
            gc.collect(0)
