"""Exporting minutes from the UI: PDF off the GUI thread with progress and cancel, and .ics.

``MinutesExporter`` owns the flow: ask where to save, build the PDF in a worker thread
while a progress dialog runs (Cancel stops it; nothing half-written is left), then report.
"""

from __future__ import annotations

import logging
import re
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QRunnable, QStandardPaths, QThreadPool, Signal, Slot
from PySide6.QtWidgets import QFileDialog, QMessageBox, QProgressDialog, QWidget

from pm_desktop.core.errors import ExportCancelled, PmError
from pm_desktop.core.meetings import Minutes
from pm_desktop.export.ics import meeting_invitation, write_invitation
from pm_desktop.export.minutes_pdf import MinutesLabels, write_minutes_pdf
from pm_desktop.ui.errors import describe_error
from pm_desktop.ui.minutes_labels import minutes_labels

if TYPE_CHECKING:
    from pm_desktop.services.container import Services

log = logging.getLogger(__name__)
_UNSAFE = re.compile(r'[\\/:*?"<>|\s]+')


def suggested_file_name(minutes: Minutes, suffix: str) -> str:
    """e.g. "2026-11-23 项目启动会.pdf": sortable, and safe on every file system."""
    day = minutes.meeting.starts_at.astimezone().strftime("%Y-%m-%d")
    title = _UNSAFE.sub(" ", minutes.meeting.title).strip()[:80]
    return f"{day} {title}{suffix}"


class _Signals(QObject):
    progress = Signal(int, int)
    finished = Signal(object)  # the Path written
    failed = Signal(object)  # a PmError
    cancelled = Signal()


class PdfJob(QRunnable):
    """Writes one PDF in a pool thread; talks back only through its signals."""

    def __init__(self, minutes: Minutes, labels: MinutesLabels, out: Path, logo: Path | None):
        super().__init__()
        self.signals = _Signals()
        self._minutes, self._labels, self._out, self._logo = minutes, labels, out, logo
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    def run(self) -> None:
        try:
            write_minutes_pdf(
                self._minutes,
                self._labels,
                self._out,
                logo=self._logo,
                progress=self.signals.progress.emit,
                is_cancelled=self._cancel.is_set,
            )
        except ExportCancelled:
            self.signals.cancelled.emit()
        except PmError as error:
            self.signals.failed.emit(error)
        except Exception as error:  # a bug: report it instead of dying silently in a thread
            log.exception("PDF export failed")
            self.signals.failed.emit(PmError(str(error)))
        else:
            self.signals.finished.emit(self._out)


class MinutesExporter(QObject):
    """Exports the minutes of a meeting; emits ``exported(path)`` when a PDF is written."""

    exported = Signal(object)  # Path of the PDF
    stopped = Signal()  # the export failed or was cancelled

    def __init__(self, services: Callable[[], Services], parent: QWidget) -> None:
        super().__init__(parent)
        self._services = services
        self._parent = parent
        self._job: PdfJob | None = None
        self._dialog: QProgressDialog | None = None
        self.logo: Path | None = None

    @property
    def busy(self) -> bool:
        return self._job is not None

    def export_pdf(self, meeting_id: str, out: Path | None = None) -> None:
        """Ask where to save (unless ``out`` is given), then write the PDF in the background."""
        if self.busy:
            return
        try:
            minutes = self._services().meetings.minutes(meeting_id)
        except PmError as error:
            self._report(error)
            return
        if out is None:
            chosen = self._ask_path(minutes, ".pdf", self.tr("PDF documents (*.pdf)"))
            if chosen is None:
                return
            out = chosen
        job = PdfJob(minutes, minutes_labels(), out, self.logo)
        dialog = QProgressDialog(
            self.tr("Writing the minutes to {name}…").format(name=out.name),
            self.tr("Cancel"),
            0,
            1,
            self._parent,
        )
        dialog.setWindowTitle(self.tr("Export minutes"))
        dialog.setMinimumDuration(300)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.canceled.connect(job.cancel)
        job.signals.progress.connect(self._on_progress)
        job.signals.finished.connect(self._on_finished)
        job.signals.failed.connect(self._on_failed)
        job.signals.cancelled.connect(self._on_cancelled)
        self._job, self._dialog = job, dialog
        QThreadPool.globalInstance().start(job)

    def cancel(self) -> None:
        """Stop the running export (as the progress dialog's Cancel does)."""
        if self._job is not None:
            self._job.cancel()

    def export_invitation(self, meeting_id: str, out: Path | None = None) -> Path | None:
        """Write the meeting as an .ics invitation (fast: done here); returns the path."""
        try:
            minutes = self._services().meetings.minutes(meeting_id)
            if out is None:
                out = self._ask_path(minutes, ".ics", self.tr("Calendar invitations (*.ics)"))
                if out is None:
                    return None
            labels = minutes_labels()
            data = meeting_invitation(
                minutes,
                summary=f"{minutes.meeting.title} – {minutes.project_name}",
                description=labels.meeting_types[minutes.meeting.meeting_type],
            )
            write_invitation(data, out)
        except PmError as error:
            self._report(error)
            return None
        return out

    def _ask_path(self, minutes: Minutes, suffix: str, kinds: str) -> Path | None:
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        start = str(Path(folder) / suggested_file_name(minutes, suffix))
        name, _ = QFileDialog.getSaveFileName(self._parent, self.tr("Save as"), start, kinds)
        if not name:
            return None
        path = Path(name)
        return path if path.suffix.lower() == suffix else path.with_name(path.name + suffix)

    @Slot(int, int)
    def _on_progress(self, done: int, total: int) -> None:
        if self._dialog is not None:
            self._dialog.setMaximum(total)
            self._dialog.setValue(done)

    @Slot(object)
    def _on_finished(self, out: Path) -> None:
        self._finish()
        self.exported.emit(out)

    @Slot(object)
    def _on_failed(self, error: PmError) -> None:
        self._finish()
        self._report(error)
        self.stopped.emit()

    @Slot()
    def _on_cancelled(self) -> None:
        self._finish()
        self.stopped.emit()

    def _finish(self) -> None:
        if self._dialog is not None:
            self._dialog.close()
            self._dialog.deleteLater()
        self._job, self._dialog = None, None

    def _report(self, error: PmError) -> None:
        QMessageBox.warning(self._parent, self.tr("Export minutes"), describe_error(error))
